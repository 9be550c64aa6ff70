"""Build a model with one rule, solve it, and read the rule's own check part.

Each rule gets its three small tests without a whole ``solve()``: trivially
feasible, forced violation (infeasible for a hard rule, exact penalty for a
soft one), and the edge of its limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.checker import ScheduleView
from solver.model import PlanModel
from solver.options import Weights
from solver.plan import Assignment, Plan, Schedule
from solver.rules import HardRule, SoftGoal


@dataclass
class Alone:
    status: str  # "optimal", "feasible", "infeasible" …
    objective: int | None
    schedule: Schedule | None


def solve_alone(
    plan: Plan,
    *,
    hard: tuple[HardRule, ...] = (),
    soft: tuple[SoftGoal, ...] = (),
    weights: Weights | None = None,
    baseline: Schedule | None = None,
) -> Alone:
    """Solve the model of ``plan`` holding only ``hard`` and ``soft`` (and the variables' own structure)."""
    pm = PlanModel(plan, hard=hard, soft=soft, weights=weights, baseline=baseline)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    code = solver.solve(pm.model)
    status = solver.status_name(code).lower()
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Alone(status, None, None)
    out = []
    for t in plan.topics:
        month = next(m for m, v in pm.x[t.id].items() if solver.value(v))
        lead = next(c for c, v in pm.lead[t.id].items() if isinstance(v, int) or solver.value(v))
        out.append(Assignment(topic=t.id, month=month, lead=lead))
    schedule = Schedule(plan_year=plan.year, status=status, assignments=out)
    return Alone(status, round(solver.objective_value), schedule)


def violations(rule: HardRule, plan: Plan, schedule: Schedule) -> list:
    """The findings of one hard rule's check part."""
    return list(rule.check(ScheduleView(plan, schedule)))


def units(goal: SoftGoal, plan: Plan, schedule: Schedule, baseline: Schedule | None = None) -> int:
    """Units one soft goal's check part counts."""
    return sum(n for n, _ in goal.check(ScheduleView(plan, schedule, baseline)))


def schedule_of(plan: Plan, months: dict[str, int], leads: dict[str, str] | None = None) -> Schedule:
    """A hand-typed schedule: topic id -> month (lead: the first candidate unless given)."""
    by_id = plan.topic_by_id()
    leads = leads or {}
    return Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[
            Assignment(topic=tid, month=m, lead=leads.get(tid, by_id[tid].lead_options[0] if tid in by_id else "x"))
            for tid, m in months.items()
        ],
    )
