"""A greedy schedule: most-constrained topic first, into its cheapest month.

It is what a careful planner does by hand, and serves twice: as the baseline
the benchmark compares CP-SAT against, and as the starting hint of a cold
solve (CP-SAT then improves a sensible schedule instead of searching from
nothing). It keeps the hard rules where it can; a topic it cannot place is
left out, and the result then says ``status="unknown"``.
"""

from __future__ import annotations

import math
from collections import defaultdict

from .options import Weights
from .plan import Assignment, Plan, Schedule


def allowed_months(plan: Plan) -> dict[str, list[int]]:
    """Months each topic may take by its own requirements (window, blackout, pin, session, leaders)."""
    forms = plan.form_by_id()
    away = {x.id: set(x.unavailable_months) for x in plan.leaders}
    black = set(plan.calendar.blackout_months)
    out = {}
    for t in plan.topics:
        lo, hi = plan.window_of(t)
        months = []
        for m in sorted(set(plan.calendar.months)):
            if m in black or not lo <= m <= hi:
                continue
            if t.fixed_month is not None and m != t.fixed_month:
                continue
            if forms[t.form].session_only and m != plan.calendar.session_month:
                continue
            if any(m in away[x] for x in t.leaders):
                continue
            months.append(m)
        out[t.id] = months
    return out


def greedy_schedule(plan: Plan, weights: Weights | None = None) -> Schedule:
    w = weights or Weights()
    forms = plan.form_by_id()
    committees = plan.committee_by_id()
    dept_limit = {d.id: d.max_per_month for d in plan.departments}
    leader_limit = {x.id: x.max_per_month for x in plan.leaders}
    allowed = allowed_months(plan)
    successors = defaultdict(list)
    for t in plan.topics:
        for b in t.after:
            successors[b].append(t.id)

    spread_n = [t for t in plan.topics if not forms[t.form].session_only]
    reach = {m for t in spread_n for m in allowed[t.id]}
    target = math.ceil(len(spread_n) / len(reach)) if reach else 0

    month_load: dict[int, int] = defaultdict(int)
    form_load: dict[tuple[str, int], int] = defaultdict(int)
    form_months: dict[str, list[int]] = defaultdict(list)
    comm_load: dict[tuple[str, int], int] = defaultdict(int)
    dept_load: dict[tuple[str, int], int] = defaultdict(int)
    lead_load: dict[tuple[str, int], int] = defaultdict(int)
    placed: dict[str, tuple[int, str]] = {}

    order = sorted(plan.topics, key=lambda t: (len(allowed[t.id]), -len(t.departments) - len(t.leaders), t.id))
    by_id = plan.topic_by_id()
    for t in order:
        form = forms[t.form]
        earliest = max((placed[b][0] for b in t.after if b in placed), default=0)
        latest = min((placed[s][0] for s in successors[t.id] if s in placed), default=13)
        best = None
        for m in allowed[t.id]:
            if not earliest < m < latest:
                continue
            if plan.calendar.max_topics_per_month is not None and month_load[m] >= plan.calendar.max_topics_per_month:
                continue
            if form.max_per_month is not None and form_load[(form.id, m)] >= form.max_per_month:
                continue
            if form.min_gap_months and any(abs(m - o) < form.min_gap_months for o in form_months[form.id]):
                continue
            if any(
                committees[c].max_per_month is not None and comm_load[(c, m)] >= committees[c].max_per_month
                for c in t.co_organizers
            ):
                continue
            cost = sum(w.department_overload for d in t.departments if dept_load[(d, m)] >= dept_limit[d])
            cost += sum(w.leader_overload for x in t.leaders if lead_load[(x, m)] >= leader_limit[x])
            if t.preferred_months and m not in t.preferred_months:
                cost += w.preferred_month_missed
            if not form.session_only and month_load[m] >= target:
                cost += w.uneven_spread
            for c in t.lead_options:
                limit = committees[c].max_per_month
                if limit is not None and comm_load[(c, m)] >= limit:
                    continue
                key = (cost, month_load[m], comm_load[(c, m)], m, t.lead_options.index(c))
                if best is None or key < best[0]:
                    best = (key, m, c)
        if best is None:
            continue
        _, m, c = best
        placed[t.id] = (m, c)
        month_load[m] += 1
        form_load[(form.id, m)] += 1
        form_months[form.id].append(m)
        for cc in (c, *by_id[t.id].co_organizers):
            comm_load[(cc, m)] += 1
        for d in t.departments:
            dept_load[(d, m)] += 1
        for x in t.leaders:
            lead_load[(x, m)] += 1

    assignments = [
        Assignment(topic=t.id, month=placed[t.id][0], lead=placed[t.id][1]) for t in plan.topics if t.id in placed
    ]
    status = "feasible" if len(placed) == len(plan.topics) else "unknown"
    return Schedule(plan_year=plan.year, status=status, assignments=assignments)


def improve(plan: Plan, schedule: Schedule, weights: Weights | None = None, *, max_rounds: int = 50) -> Schedule:
    """Polish a complete schedule by single-topic moves that lower the weighted penalty.

    First-improvement descent over (topic, month, lead) moves that keep every
    hard rule; deterministic (fixed scan order). CP-SAT then starts from a
    schedule with no cheap move left, and spends its time on the hard ones.
    """
    if schedule.status != "feasible":
        return schedule
    w = weights or Weights()
    forms = plan.form_by_id()
    committees = plan.committee_by_id()
    topics = plan.topic_by_id()
    allowed = allowed_months(plan)
    month = schedule.month_of()
    lead = schedule.lead_of()
    dept_limit = {d.id: d.max_per_month for d in plan.departments}
    leader_limit = {x.id: x.max_per_month for x in plan.leaders}
    successors = defaultdict(list)
    for t in plan.topics:
        for b in t.after:
            successors[b].append(t.id)
    spread = [t.id for t in plan.topics if not forms[t.form].session_only]
    reach = {m for tid in spread for m in allowed[tid]}
    target = math.ceil(len(spread) / len(reach)) if reach else 0

    month_load: dict[int, int] = defaultdict(int)
    spread_load: dict[int, int] = defaultdict(int)
    form_load: dict[tuple[str, int], int] = defaultdict(int)
    form_months: dict[str, list[int]] = defaultdict(list)
    comm_load: dict[tuple[str, int], int] = defaultdict(int)
    dept_load: dict[tuple[str, int], int] = defaultdict(int)
    lead_load: dict[tuple[str, int], int] = defaultdict(int)

    def apply(tid: str, m: int, c: str, sign: int) -> None:
        t = topics[tid]
        month_load[m] += sign
        if not forms[t.form].session_only:
            spread_load[m] += sign
        form_load[(t.form, m)] += sign
        if sign > 0:
            form_months[t.form].append(m)
        else:
            form_months[t.form].remove(m)
        for cc in (c, *t.co_organizers):
            comm_load[(cc, m)] += sign
        for d in t.departments:
            dept_load[(d, m)] += sign
        for x in t.leaders:
            lead_load[(x, m)] += sign

    def added_cost(tid: str, m: int, c: str) -> int:
        """Penalty the topic adds by being in month m (loads counted without it)."""
        t = topics[tid]
        cost = sum(w.department_overload for d in t.departments if dept_load[(d, m)] >= dept_limit[d])
        cost += sum(w.leader_overload for x in t.leaders if lead_load[(x, m)] >= leader_limit[x])
        if t.preferred_months and m not in t.preferred_months:
            cost += w.preferred_month_missed
        if not forms[t.form].session_only:
            apply(tid, m, c, +1)
            cost += w.uneven_spread * max(0, max(spread_load.values(), default=0) - target)
            apply(tid, m, c, -1)
        return cost

    for tid in month:
        apply(tid, month[tid], lead[tid], +1)

    def fits(tid: str, m: int, c: str) -> bool:
        t = topics[tid]
        form = forms[t.form]
        if plan.calendar.max_topics_per_month is not None and month_load[m] >= plan.calendar.max_topics_per_month:
            return False
        if form.max_per_month is not None and form_load[(form.id, m)] >= form.max_per_month:
            return False
        if form.min_gap_months and any(abs(m - o) < form.min_gap_months for o in form_months[form.id]):
            return False
        for cc in (c, *t.co_organizers):
            limit = committees[cc].max_per_month
            if limit is not None and comm_load[(cc, m)] >= limit:
                return False
        if any(month[b] >= m for b in t.after if b in month):
            return False
        return not any(month[s] <= m for s in successors[tid] if s in month)

    for _ in range(max_rounds):
        improved = False
        for t in plan.topics:
            old_m, old_c = month[t.id], lead[t.id]
            apply(t.id, old_m, old_c, -1)
            stay = added_cost(t.id, old_m, old_c)
            best = (0, old_m, old_c)
            for m in allowed[t.id]:
                for c in t.lead_options:
                    if (m, c) == (old_m, old_c) or not fits(t.id, m, c):
                        continue
                    delta = added_cost(t.id, m, c) - stay
                    if delta < best[0]:
                        best = (delta, m, c)
            apply(t.id, best[1], best[2], +1)
            month[t.id], lead[t.id] = best[1], best[2]
            improved |= best[0] < 0
        if not improved:
            break
    return Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[Assignment(topic=t.id, month=month[t.id], lead=lead[t.id]) for t in plan.topics],
    )
