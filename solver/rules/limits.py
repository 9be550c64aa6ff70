"""Limits: topics per month, per form and month, per committee and month; gaps within a form.

Each limit is a guarded constraint in the model, a capacity check by counting
(before any search, said in the planner's words), a load test in the greedy
start, and a count in the checker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .. import texts as T
from .base import Blockers, HardRule, Requirement

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..greedy import Board
    from ..model import PlanModel
    from ..plan import Finding, Plan, Topic


# -- counting helpers of the capacity parts -----------------------------------------------


def reach(plan: Plan, topics: Iterable[Topic]) -> list[int]:
    """Usable months that some topic of ``topics`` could take by its window or session.

    Fixed months are left out on purpose: a conflict caused by the planner's
    pins is better named pin by pin by :func:`solver.explain.explain_infeasible`.
    """
    usable = set(plan.usable_months())
    forms = plan.form_by_id()
    out: set[int] = set()
    for t in topics:
        if forms[t.form].session_only:
            cand = {plan.calendar.session_month}
        else:
            lo, hi = plan.window_of(t)
            cand = set(range(lo, hi + 1))
        out |= cand & usable
    return sorted(out)


def spaced_capacity(months: list[int], gap: int) -> int:
    """Most topics the sorted ``months`` hold when any two are ``gap`` months apart."""
    count, last = 0, None
    for m in months:  # greedy earliest-first is optimal for points on a line
        if last is None or m - last >= gap:
            count, last = count + 1, m
    return count


def _topics_by_form(plan: Plan) -> dict[str, list[Topic]]:
    """Each form's topics, in plan order, from one pass over the plan (the capacity parts' index).

    A scan of every topic per form took 0.14 s of the pre-check for each of two
    rules at 5000 province topics idle, and the pre-check stops only between rules.
    """
    out: dict[str, list[Topic]] = defaultdict(list)
    for t in plan.topics:
        out[t.form].append(t)
    return out


def _excess(held: set[str], limit: int | None) -> list[Blockers]:
    """Repair part of a limit: one of ``held`` must leave for each topic at or above ``limit``."""
    if limit is None or len(held) < limit:
        return []
    return [(sorted(held), len(held) - limit + 1)]


# -- the rules ----------------------------------------------------------------------------


class MonthLimit(HardRule):
    """No month holds more than ``calendar.max_topics_per_month`` topics."""

    name = "month_limit"
    text = T.MONTH_LIMIT
    family = "limits"

    def add(self, pm: PlanModel) -> None:
        limit = pm.plan.calendar.max_topics_per_month
        if limit is None:
            return
        msg = T.fill(self.text.requirement, limit=limit)
        enforce = pm.guard(Requirement(self.name, msg, entity={"limit": limit}))
        for m in pm.months:
            held = [pm.x[t.id][m] for t in pm.topics if m in pm.x[t.id]]
            if len(held) > limit:
                pm.model.add(sum(held) <= limit).only_enforce_if(enforce)

    def capacity(self, plan: Plan) -> Iterator[Requirement]:
        limit = plan.calendar.max_topics_per_month
        if limit is None:
            return
        months = reach(plan, plan.topics)
        if len(plan.topics) > limit * len(months):
            msg = T.fill(
                self.text.capacity, n=len(plan.topics), limit=limit, months=T.months(months), cap=limit * len(months)
            )
            yield Requirement(self.capacity_name(), msg, [t.id for t in plan.topics])

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        cap = board.plan.calendar.max_topics_per_month
        return cap is None or board.month_load[month] < cap

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        cap = board.plan.calendar.max_topics_per_month
        return _excess(board.in_month[month], cap)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        limit = view.plan.calendar.max_topics_per_month
        if limit is None:
            return
        for m, tids in view.by_month.items():
            if len(tids) > limit:
                yield view.finding(self, month=m, topics=sorted(tids), load=len(tids), limit=limit)


class FormLimit(HardRule):
    """No month holds more than ``max_per_month`` topics of one form."""

    name = "form_limit"
    text = T.FORM_LIMIT
    family = "limits"

    def add(self, pm: PlanModel) -> None:
        for form in pm.plan.forms:
            if form.max_per_month is None:
                continue
            tids = [t.id for t in pm.topics if t.form == form.id]
            if len(tids) <= form.max_per_month:
                continue
            msg = T.fill(self.text.requirement, form=form.name, limit=form.max_per_month)
            req = Requirement(self.name, msg, tids, entity={"form": form.id, "limit": form.max_per_month})
            enforce = pm.guard(req)
            for m in pm.months:
                held = [pm.x[tid][m] for tid in tids if m in pm.x[tid]]
                if len(held) > form.max_per_month:
                    pm.model.add(sum(held) <= form.max_per_month).only_enforce_if(enforce)

    def capacity(self, plan: Plan) -> Iterator[Requirement]:
        of_form = _topics_by_form(plan)
        for form in plan.forms:
            if form.max_per_month is None:
                continue
            topics = of_form.get(form.id, [])
            months = reach(plan, topics)
            cap = form.max_per_month * len(months)
            if len(topics) > cap:
                msg = T.fill(
                    self.text.capacity,
                    n=len(topics),
                    form=form.name,
                    limit=form.max_per_month,
                    months=T.months(months),
                    cap=cap,
                )
                yield Requirement(self.capacity_name(), msg, [t.id for t in topics], entity={"form": form.id})

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        limit = board.forms[topic.form].max_per_month
        return limit is None or board.form_load[(topic.form, month)] < limit

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        return _excess(board.form_in_month[(topic.form, month)], board.forms[topic.form].max_per_month)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for m, tids in view.by_month.items():
            by_form: dict[str, list[str]] = defaultdict(list)
            for tid in tids:
                by_form[view.topics[tid].form].append(tid)
            for f in view.plan.forms:
                of_form = by_form.get(f.id, [])
                if f.max_per_month is not None and len(of_form) > f.max_per_month:
                    yield view.finding(
                        self,
                        month=m,
                        topics=of_form,
                        form=f.id,
                        _form=f.name,
                        load=len(of_form),
                        limit=f.max_per_month,
                    )


class CommitteeLimit(HardRule):
    """No committee leads or co-organizes more than its ``max_per_month`` topics in a month."""

    name = "committee_limit"
    text = T.COMMITTEE_LIMIT
    family = "limits"

    def add(self, pm: PlanModel) -> None:
        leads_of: dict[str, list[str]] = defaultdict(list)
        co_of: dict[str, list[str]] = defaultdict(list)
        for t in pm.topics:  # one pass, not committees × topics
            for cid in t.lead_options:
                leads_of[cid].append(t.id)
            for cid in t.co_organizers:
                co_of[cid].append(t.id)
        for c in pm.plan.committees:
            if c.max_per_month is None:
                continue
            leads, co = leads_of[c.id], co_of[c.id]
            if len(leads) + len(co) <= c.max_per_month:
                continue
            msg = T.fill(self.text.requirement, committee=c.name, limit=c.max_per_month)
            req = Requirement(self.name, msg, leads + co, entity={"committee": c.id, "limit": c.max_per_month})
            enforce = pm.guard(req)
            for m in pm.months:
                load = [pm.leads_in_month(tid, c.id, m) for tid in leads if m in pm.x[tid]]
                load += [pm.x[tid][m] for tid in co if m in pm.x[tid]]
                if len(load) > c.max_per_month:
                    pm.model.add(sum(load) <= c.max_per_month).only_enforce_if(enforce)

    def capacity(self, plan: Plan) -> Iterator[Requirement]:
        # each committee's forced topics, in plan order, from one pass over the topics: a scan of
        # every topic per committee took 1.6 s of the pre-check at 5000 topics (load 3), 7 s at load 13
        forced_of: dict[str, list[Topic]] = defaultdict(list)
        for t in plan.topics:
            named = dict.fromkeys([*(t.lead_options if len(t.lead_options) == 1 else []), *t.co_organizers])
            for cid in named:
                forced_of[cid].append(t)
        for c in plan.committees:
            if c.max_per_month is None:
                continue
            forced = forced_of.get(c.id, [])
            months = reach(plan, forced)
            cap = c.max_per_month * len(months)
            if len(forced) > cap:
                msg = T.fill(
                    self.text.capacity,
                    committee=c.name,
                    n=len(forced),
                    limit=c.max_per_month,
                    months=T.months(months),
                    cap=cap,
                )
                yield Requirement(self.capacity_name(), msg, [t.id for t in forced], entity={"committee": c.id})

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        for cid in (lead, *topic.co_organizers):
            limit = board.committees[cid].max_per_month
            if limit is not None and board.comm_load[(cid, month)] >= limit:
                return False
        return True

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        out: list[Blockers] = []
        for cid in (lead, *topic.co_organizers):
            out += _excess(board.comm_in_month[(cid, month)], board.committees[cid].max_per_month)
        return out

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for m, tids in view.by_month.items():
            by_committee: dict[str, list[str]] = defaultdict(list)
            for tid in tids:  # the lead, then co-organizers; a committee counts a topic once
                for cid in dict.fromkeys((view.lead.get(tid), *view.topics[tid].co_organizers)):
                    by_committee[cid].append(tid)
            for c in view.plan.committees:
                mine = by_committee.get(c.id, [])
                if c.max_per_month is not None and len(mine) > c.max_per_month:
                    yield view.finding(
                        self,
                        month=m,
                        topics=mine,
                        committee=c.id,
                        _committee=c.name,
                        load=len(mine),
                        limit=c.max_per_month,
                    )


class FormGap(HardRule):
    """Two topics of a form with ``min_gap_months`` g are at least g months apart."""

    name = "form_gap"
    text = T.FORM_GAP
    family = "limits"

    def add(self, pm: PlanModel) -> None:
        # Equivalently: any g consecutive months hold at most one of them, which
        # is linear in the number of months rather than quadratic in topics.
        for form in pm.plan.forms:
            gap = form.min_gap_months
            tids = [t.id for t in pm.topics if t.form == form.id]
            if gap < 1 or len(tids) < 2:
                continue
            msg = T.fill(self.text.requirement, form=form.name, gap=gap)
            enforce = pm.guard(Requirement(self.name, msg, tids, entity={"form": form.id, "gap": gap}))
            for start in range(min(pm.months), max(pm.months) + 1):
                span = range(start, start + gap)
                held = [pm.x[tid][m] for tid in tids for m in span if m in pm.x[tid]]
                if len(held) > 1:
                    pm.model.add(sum(held) <= 1).only_enforce_if(enforce)

    def capacity(self, plan: Plan) -> Iterator[Requirement]:
        of_form = _topics_by_form(plan)
        for form in plan.forms:
            topics = of_form.get(form.id, [])
            if form.min_gap_months < 1 or len(topics) < 2:
                continue
            months = reach(plan, topics)
            cap = spaced_capacity(months, form.min_gap_months)
            if len(topics) > cap:
                msg = T.fill(
                    self.text.capacity,
                    n=len(topics),
                    form=form.name,
                    gap=form.min_gap_months,
                    months=T.months(months),
                    cap=cap,
                )
                yield Requirement(self.capacity_name(), msg, [t.id for t in topics], entity={"form": form.id})

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        gap = board.forms[topic.form].min_gap_months
        return not gap or all(abs(month - o) >= gap for o in board.form_months[topic.form])

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        gap = board.forms[topic.form].min_gap_months
        held = board.form_in_month
        near = [tid for m in range(month - gap + 1, month + gap) for tid in held.get((topic.form, m), ())]
        return [(sorted(near), len(near))] if gap and near else []

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for f in view.plan.forms:
            if f.min_gap_months < 1:
                continue
            ordered = sorted((m, t.id) for t, m in view.placed if t.form == f.id)
            for i in range(len(ordered)):
                for j in range(i + 1, len(ordered)):
                    (ma, a), (mb, b) = ordered[i], ordered[j]
                    if mb - ma < f.min_gap_months:
                        yield view.finding(
                            self,
                            month=mb,
                            topics=[a, b],
                            form=f.id,
                            _form=f.name,
                            _a=view.label(a),
                            _b=view.label(b),
                            _diff=mb - ma,
                            gap=f.min_gap_months,
                        )
