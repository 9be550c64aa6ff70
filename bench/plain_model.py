"""A plain CP-SAT model of the plan's rules and weighted objective: what a user would write instead.

The benchmark's yardstick (issue 9): the same hard rules and the same
weighted soft goals, written straight from the exchange format's
definitions, solved by CP-SAT with its default parallel search (two
workers), a wall-clock limit and no hints. It shares no code with
``solver.model``; the answer is judged by the independent checker like ours.
"""

from __future__ import annotations

import math
import time

from ortools.sat.python import cp_model

from solver.options import Weights
from solver.plan import Assignment, Plan, Schedule


def plain_solve(
    plan: Plan, *, time_limit_s: float, workers: int = 2, weights: Weights | None = None, keep_wall: bool = False
) -> Schedule:
    """Solve ``plan`` with the plain model; ``status`` "unknown" when no schedule was found in time.

    ``time_limit_s`` is CP-SAT's own limit, as a user would set it: building the
    model comes on top (0.1–0.9 s for 200–1000 topics under load). ``keep_wall``:
    CP-SAT gets what is left of ``time_limit_s`` once the model is built, so the
    whole call keeps the wall-clock limit like ours does (the fair yardstick at
    equal wall time).
    """
    started = time.perf_counter()
    w = weights or Weights()
    m = cp_model.CpModel()
    cal = plan.calendar
    forms = plan.form_by_id()
    away = {x.id: set(x.unavailable_months) for x in plan.leaders}
    black = set(cal.blackout_months)
    months = sorted(set(cal.months))
    x: dict[str, dict[int, cp_model.IntVar]] = {}
    lead: dict[str, dict[str, cp_model.IntVar]] = {}
    for t in plan.topics:
        lo, hi = plan.window_of(t)
        ok = [
            mm
            for mm in months
            if mm not in black
            and lo <= mm <= hi
            and (t.fixed_month is None or mm == t.fixed_month)
            and (not forms[t.form].session_only or mm == cal.session_month)
            and not any(mm in away[p] for p in t.leaders)
        ]
        x[t.id] = {mm: m.new_bool_var("") for mm in ok}
        m.add_exactly_one(x[t.id].values())
        lead[t.id] = {c: m.new_bool_var("") for c in t.lead_options}
        m.add_exactly_one(lead[t.id].values())

    def held(tids, mm):
        return [x[tid][mm] for tid in tids if mm in x[tid]]

    tids = [t.id for t in plan.topics]
    for mm in months:
        if cal.max_topics_per_month is not None:
            m.add(sum(held(tids, mm)) <= cal.max_topics_per_month)
    for f in plan.forms:
        of = [t.id for t in plan.topics if t.form == f.id]
        for mm in months:
            if f.max_per_month is not None:
                m.add(sum(held(of, mm)) <= f.max_per_month)
            if f.min_gap_months > 1:
                m.add(sum(v for k in range(mm, mm + f.min_gap_months) for v in held(of, k)) <= 1)
    for c in plan.committees:
        if c.max_per_month is None:
            continue
        for mm in months:
            load = []
            for t in plan.topics:
                if mm not in x[t.id]:
                    continue
                if c.id in t.co_organizers:
                    load.append(x[t.id][mm])
                elif c.id in lead[t.id]:
                    both = m.new_bool_var("")
                    m.add_implication(both, x[t.id][mm])
                    m.add_implication(both, lead[t.id][c.id])
                    m.add_bool_or([x[t.id][mm].Not(), lead[t.id][c.id].Not(), both])
                    load.append(both)
            if load:
                m.add(sum(load) <= c.max_per_month)
    month_of = {}
    for t in plan.topics:
        month_of[t.id] = m.new_int_var(0, 12, "")
        m.add(month_of[t.id] == sum(mm * v for mm, v in x[t.id].items()))
    for t in plan.topics:
        for b in t.after:
            m.add(month_of[t.id] >= month_of[b] + 1)

    cost = []
    for entities, attr, weight in (
        (plan.departments, "departments", w.department_overload),
        (plan.leaders, "leaders", w.leader_overload),
    ):
        for e in entities:
            mine = [t.id for t in plan.topics if e.id in getattr(t, attr)]
            for mm in months:
                h = held(mine, mm)
                if len(h) > e.max_per_month:
                    over = m.new_int_var(0, len(h), "")
                    m.add(over >= sum(h) - e.max_per_month)
                    cost.append(weight * over)
    for t in plan.topics:
        if t.preferred_months:
            cost.append(w.preferred_month_missed * (1 - sum(x[t.id][mm] for mm in t.preferred_months if mm in x[t.id])))
    spread = [t.id for t in plan.topics if not forms[t.form].session_only]
    usable = {mm for mm in months if mm not in black}
    reach = {
        mm
        for t in plan.topics
        if not forms[t.form].session_only
        for mm in usable
        if plan.window_of(t)[0] <= mm <= plan.window_of(t)[1]
    }
    if spread and reach:
        target = math.ceil(len(spread) / len(reach))
        excess = m.new_int_var(0, len(spread), "")
        for mm in months:
            m.add(excess >= sum(held(spread, mm)) - target)
        cost.append(w.uneven_spread * excess)
    m.minimize(sum(cost))

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    left = time_limit_s - (time.perf_counter() - started) if keep_wall else time_limit_s
    solver.parameters.max_time_in_seconds = max(left, 1e-3)
    code = solver.solve(m)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Schedule(plan_year=plan.year, status="unknown")
    assignments = []
    for t in plan.topics:
        mm = next(k for k, v in x[t.id].items() if solver.boolean_value(v))
        c = next(k for k, v in lead[t.id].items() if solver.boolean_value(v))
        assignments.append(Assignment(topic=t.id, month=mm, lead=c))
    return Schedule(
        plan_year=plan.year,
        status="optimal" if code == cp_model.OPTIMAL else "feasible",
        assignments=assignments,
        objective=round(solver.objective_value),
        bound=math.ceil(solver.best_objective_bound - 1e-6),
    )
