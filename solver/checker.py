"""The independent checker: every hard violation and soft warning of any schedule.

It reads the plan and a schedule — one the solver returned, one typed in by
hand, or last year's published months — and recomputes everything from the
format's definitions with plain loops. It imports nothing from the CP-SAT
model (``model``, ``hard_rules``, ``soft_goals``), so a bug there cannot hide
itself here; the tests check every solver answer with it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import texts as T
from .options import GOALS, Weights
from .plan import Finding, Plan, Schedule


@dataclass
class CheckReport:
    hard: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {g: 0 for g in GOALS})

    @property
    def ok(self) -> bool:
        return not self.hard

    def penalty(self, weights: Weights | None = None) -> int:
        w = weights or Weights()
        return sum(w.of(g) * n for g, n in self.counts.items())


def _f(kind: str, key: str, *, month: int | None = None, topics: list[str] | None = None, **extra: Any) -> Finding:
    # "_name" fields and "topic" (a display label; ``topics`` has the ids) are for the sentence only
    fields = {k: v for k, v in extra.items() if not k.startswith("_") and k != "topic"}
    text_fields = {**extra, "month": T.month(month)} if month is not None else dict(extra)
    text_fields = {k.lstrip("_"): v for k, v in text_fields.items()}
    return Finding(kind=kind, message=T.say(key, **text_fields), month=month, topics=topics or [], **fields)


def check(plan: Plan, schedule: Schedule, *, baseline: Schedule | None = None) -> CheckReport:
    """Check ``schedule`` against ``plan`` (and count moves against ``baseline``)."""
    rep = CheckReport()
    topics = {t.id: t for t in plan.topics}
    forms = {f.id: f for f in plan.forms}
    committees = {c.id: c for c in plan.committees}
    cal = plan.calendar

    def name(tid: str) -> str:
        t = topics.get(tid)
        return T.topic_label(tid, t.title if t else None)

    # -- each topic placed once, in a month it may have --------------------------
    seen: dict[str, int] = defaultdict(int)
    month: dict[str, int] = {}
    lead: dict[str, str] = {}
    for a in schedule.assignments:
        seen[a.topic] += 1
        month[a.topic] = a.month
        lead[a.topic] = a.lead
    for tid, n in seen.items():
        if tid not in topics:
            rep.hard.append(_f("unknown_topic", "v_unknown_topic", topics=[tid], topic=tid))
        elif n > 1:
            rep.hard.append(_f("duplicate", "v_duplicate", topics=[tid], topic=name(tid), n=n))
    for tid in topics:
        if tid not in month:
            rep.hard.append(_f("unassigned", "v_unassigned", topics=[tid], topic=name(tid)))

    placed = [(topics[tid], m) for tid, m in month.items() if tid in topics]
    for t, m in placed:
        label = name(t.id)
        if m not in cal.months:
            rep.hard.append(_f("not_in_calendar", "v_not_in_calendar", month=m, topics=[t.id], topic=label))
        if t.window is not None and not t.window[0] <= m <= t.window[1]:
            win = T.months(range(t.window[0], t.window[1] + 1))
            rep.hard.append(_f("window", "v_window", month=m, topics=[t.id], topic=label, _window=win))
        if m in cal.blackout_months:
            rep.hard.append(_f("blackout", "v_blackout", month=m, topics=[t.id], topic=label))
        if t.fixed_month is not None and m != t.fixed_month:
            rep.hard.append(
                _f("fixed_month", "v_fixed", month=m, topics=[t.id], topic=label, _fixed=T.month(t.fixed_month))
            )
        form = forms[t.form]
        if form.session_only and m != cal.session_month:
            rep.hard.append(
                _f(
                    "session_only",
                    "v_session",
                    month=m,
                    topics=[t.id],
                    topic=label,
                    _form=form.name,
                    _session=T.month(cal.session_month),
                )
            )
        for lid in t.leaders:
            leader = next(x for x in plan.leaders if x.id == lid)
            if m in leader.unavailable_months:
                rep.hard.append(
                    _f(
                        "leader_unavailable",
                        "v_leader",
                        month=m,
                        topics=[t.id],
                        topic=label,
                        leader=lid,
                        _leader=leader.name,
                    )
                )
        if lead.get(t.id) not in t.lead_options:
            cname = committees[lead[t.id]].name if lead.get(t.id) in committees else lead.get(t.id)
            rep.hard.append(
                _f("lead", "v_lead", topics=[t.id], topic=label, committee=lead.get(t.id), _committee=cname)
            )

    # -- per-month limits --------------------------------------------------------------
    by_month: dict[int, list[str]] = defaultdict(list)
    for t, m in placed:
        by_month[m].append(t.id)
    for m, tids in sorted(by_month.items()):
        if cal.max_topics_per_month is not None and len(tids) > cal.max_topics_per_month:
            rep.hard.append(
                _f(
                    "month_limit",
                    "v_month_limit",
                    month=m,
                    topics=sorted(tids),
                    load=len(tids),
                    limit=cal.max_topics_per_month,
                )
            )
        for f in plan.forms:
            of_form = [tid for tid in tids if topics[tid].form == f.id]
            if f.max_per_month is not None and len(of_form) > f.max_per_month:
                rep.hard.append(
                    _f(
                        "form_limit",
                        "v_form_limit",
                        month=m,
                        topics=of_form,
                        form=f.id,
                        _form=f.name,
                        load=len(of_form),
                        limit=f.max_per_month,
                    )
                )
        for c in plan.committees:
            mine = [tid for tid in tids if lead.get(tid) == c.id or c.id in topics[tid].co_organizers]
            if c.max_per_month is not None and len(mine) > c.max_per_month:
                rep.hard.append(
                    _f(
                        "committee_limit",
                        "v_committee_limit",
                        month=m,
                        topics=mine,
                        committee=c.id,
                        _committee=c.name,
                        load=len(mine),
                        limit=c.max_per_month,
                    )
                )

    # -- gaps and order ----------------------------------------------------------------
    for f in plan.forms:
        if f.min_gap_months < 1:
            continue
        ordered = sorted((m, t.id) for t, m in placed if t.form == f.id)
        for i in range(len(ordered)):
            for j in range(i + 1, len(ordered)):
                (ma, a), (mb, b) = ordered[i], ordered[j]
                if mb - ma < f.min_gap_months:
                    rep.hard.append(
                        _f(
                            "form_gap",
                            "v_form_gap",
                            month=mb,
                            topics=[a, b],
                            form=f.id,
                            _form=f.name,
                            _a=name(a),
                            _b=name(b),
                            _diff=mb - ma,
                            gap=f.min_gap_months,
                        )
                    )
    for t, m in placed:
        for before in t.after:
            if before in month and not month[before] < m:
                rep.hard.append(
                    _f(
                        "after",
                        "v_after",
                        month=m,
                        topics=[before, t.id],
                        topic=name(t.id),
                        before=before,
                        _before=name(before),
                        _before_month=T.month(month[before]),
                    )
                )

    # -- soft goals ----------------------------------------------------------------------
    for kind, entities, key, attr in (
        ("department_overload", plan.departments, "department", "departments"),
        ("leader_overload", plan.leaders, "leader", "leaders"),
    ):
        for e in entities:
            for m in sorted(by_month):
                mine = [tid for tid in by_month[m] if e.id in getattr(topics[tid], attr)]
                if len(mine) > e.max_per_month:
                    rep.counts[kind] += len(mine) - e.max_per_month
                    rep.warnings.append(
                        _f(
                            kind,
                            kind,
                            month=m,
                            topics=mine,
                            load=len(mine),
                            limit=e.max_per_month,
                            **{key: e.id, f"_{key}": e.name},
                        )
                    )

    for t, m in placed:
        if t.preferred_months and m not in t.preferred_months:
            rep.counts["preferred_month_missed"] += 1
            rep.warnings.append(
                _f(
                    "preferred_month_missed",
                    "preferred_month_missed",
                    month=m,
                    topics=[t.id],
                    topic=name(t.id),
                    preferred_months=sorted(t.preferred_months),
                    _preferred=T.months(t.preferred_months),
                )
            )

    # Spread: topics outside the plenary session, over the usable months their
    # windows reach; an even spread puts ceil(n / months) in each.
    usable = [m for m in cal.months if m not in cal.blackout_months]
    spread_topics = [(t.id, m) for t, m in placed if not forms[t.form].session_only]
    reach: set[int] = set()
    n_spread = 0  # every topic of the plan counts toward the target, placed or not
    for t in plan.topics:
        if forms[t.form].session_only:
            continue
        n_spread += 1
        lo, hi = t.window if t.window is not None else (min(cal.months), max(cal.months))
        reach.update(x for x in usable if lo <= x <= hi)
    if spread_topics and reach:
        target = math.ceil(n_spread / len(reach))
        load = defaultdict(list)
        for tid, m in spread_topics:
            load[m].append(tid)
        peak_month = max(sorted(load), key=lambda mm: len(load[mm]))
        peak = len(load[peak_month])
        if peak > target:
            rep.counts["uneven_spread"] += peak - target
            rep.warnings.append(
                _f(
                    "uneven_spread",
                    "uneven_spread",
                    month=peak_month,
                    topics=sorted(load[peak_month]),
                    load=peak,
                    limit=target,
                )
            )

    if baseline is not None:
        old_m, old_l = baseline.month_of(), baseline.lead_of()
        for t, m in placed:
            if t.id in old_m and (old_m[t.id] != m or old_l[t.id] != lead.get(t.id)):
                rep.counts["moved"] += 1
                before = f"{T.month(old_m[t.id])}/{_cname(committees, old_l[t.id])}"
                after = f"{T.month(m)}/{_cname(committees, lead.get(t.id))}"
                rep.warnings.append(
                    _f(
                        "moved",
                        "moved",
                        month=m,
                        topics=[t.id],
                        topic=name(t.id),
                        from_month=old_m[t.id],
                        _before=before,
                        _after=after,
                    )
                )
    return rep


def _cname(committees: dict, cid: str | None) -> str:
    c = committees.get(cid)
    return c.name if c else str(cid)
