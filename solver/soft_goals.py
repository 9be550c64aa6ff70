"""Soft goals: allowed to be missed, each miss costs its weight (see :mod:`solver.options`).

Each function adds to ``pm.terms[goal]`` linear terms whose sum is the number
of misses of that goal; :class:`solver.model.PlanModel` weighs and sums them.
Counting variables are tied with equalities (``max``), not one-sided bounds:
then a time-limited, non-optimal answer reports its true counts too, and a
goal with weight 0 still reports what it would have cost.
"""

from __future__ import annotations

import math

from .model import PlanModel


def _overload(pm: PlanModel, goal: str, entity_topics: dict[str, list[str]], limits: dict[str, int]) -> None:
    """Load above the entity's comfortable monthly limit, unit by unit."""
    for eid, tids in entity_topics.items():
        limit = limits[eid]
        for m in pm.months:
            held = [pm.x[tid][m] for tid in tids if m in pm.x[tid]]
            if len(held) <= limit:
                continue
            over = pm.model.new_int_var(0, len(held) - limit, f"{goal}[{eid},{m}]")
            pm.model.add_max_equality(over, [0, sum(held) - limit])
            pm.terms[goal].append(over)


def department_overload(pm: PlanModel) -> None:
    """A department attends at most ``max_per_month`` consultations a month (市商务局 not three times in May)."""
    topics = {d.id: [t.id for t in pm.topics if d.id in t.departments] for d in pm.plan.departments}
    _overload(pm, "department_overload", topics, {d.id: d.max_per_month for d in pm.plan.departments})


def leader_overload(pm: PlanModel) -> None:
    """A leader attends at most ``max_per_month`` consultations a month."""
    topics = {x.id: [t.id for t in pm.topics if x.id in t.leaders] for x in pm.plan.leaders}
    _overload(pm, "leader_overload", topics, {x.id: x.max_per_month for x in pm.plan.leaders})


def preferred_month(pm: PlanModel) -> None:
    """A topic is held in one of the months its proposers asked for."""
    for t in pm.topics:
        if not t.preferred_months:
            continue
        hit = [pm.x[t.id][m] for m in set(t.preferred_months) if m in pm.x[t.id]]
        pm.terms["preferred_month_missed"].append(1 - sum(hit))


def spread_target(pm: PlanModel) -> tuple[list[str], int]:
    """Topics that count for the spread, and the even load per month they allow."""
    forms = pm.forms
    tids, months = [], set()
    usable = set(pm.plan.usable_months())
    for t in pm.topics:
        if forms[t.form].session_only:
            continue  # the plenary has its own session; it does not crowd a month
        tids.append(t.id)
        lo, hi = pm.plan.window_of(t)
        months.update(m for m in usable if lo <= m <= hi)
    return tids, (math.ceil(len(tids) / len(months)) if months else 0)


def uneven_spread(pm: PlanModel) -> None:
    """The busiest month holds no more topics than an even spread over the year would."""
    tids, target = spread_target(pm)
    if not tids:
        return
    peak = pm.model.new_int_var(0, len(tids), "peak")
    loads = [sum(held) for m in pm.months if (held := [pm.x[tid][m] for tid in tids if m in pm.x[tid]])]
    pm.model.add_max_equality(peak, [0, *loads])
    excess = pm.model.new_int_var(0, len(tids), "spread_excess")
    pm.model.add_max_equality(excess, [0, peak - target])
    pm.terms["uneven_spread"].append(excess)


def moved(pm: PlanModel) -> None:
    """In a re-plan, a topic keeps the month and lead committee it had before."""
    if pm.baseline is None:
        return
    months, leads = pm.baseline.month_of(), pm.baseline.lead_of()
    for t in pm.topics:
        if t.id not in months:
            continue  # a new topic has nowhere to be moved from
        stay = pm.x[t.id].get(months[t.id])
        same_lead = pm.lead[t.id].get(leads[t.id])
        if stay is None or same_lead is None:
            pm.terms["moved"].append(1)  # its old place is no longer allowed
            continue
        is_moved = pm.model.new_bool_var(f"moved[{t.id}]")
        pm.model.add_max_equality(is_moved, [1 - stay, 1 - same_lead])
        pm.terms["moved"].append(is_moved)


SOFT_GOALS = (department_overload, leader_overload, preferred_month, uneven_spread, moved)


def add_all(pm: PlanModel) -> None:
    for goal in SOFT_GOALS:
        goal(pm)
