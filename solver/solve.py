"""Solve a plan: pre-check, CP-SAT search, answer (or explanation of the conflict).

The answer is always a :class:`~solver.plan.Schedule`; infeasible or timed out
is a status, not an exception. Besides the format's fields it carries
``objective``, ``bound``, ``objective_breakdown``, ``solve_seconds`` and
``options`` (documented in the README as our optional fields).
"""

from __future__ import annotations

import logging
import time

from ortools.sat.python import cp_model

from . import texts as T
from .check import check
from .explain import explain_infeasible, precheck
from .greedy import greedy_schedule, improve
from .model import PlanModel
from .options import GOALS, SolveOptions
from .plan import Assignment, Finding, Plan, Schedule

log = logging.getLogger(__name__)

_STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
}


def make_solver(options: SolveOptions, *, time_limit_s: float | None = None) -> cp_model.CpSolver:
    """A CP-SAT solver with the project's parameters (seed, workers, determinism)."""
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.max_time_in_seconds = time_limit_s if time_limit_s is not None else options.time_limit_s
    p.num_workers = options.num_workers
    p.random_seed = options.random_seed
    if options.deterministic and options.num_workers > 1:
        # Interleaved search runs the workers' portfolio in lock-step batches, so
        # two runs of the same model explore the same way and return the same
        # solution (wall-clock time limits aside).
        p.interleave_search = True
    return solver


def _infeasible(plan: Plan, conflicts: list[dict], explanation: str, started: float, **extra) -> Schedule:
    return Schedule(
        plan_year=plan.year,
        status="infeasible",
        conflicts=[Finding(**c) for c in conflicts],
        explanation=explanation,
        solve_seconds=round(time.perf_counter() - started, 3),
        **extra,
    )


def solve(plan: Plan, options: SolveOptions | None = None, *, baseline: Schedule | None = None) -> Schedule:
    """Best month and lead committee for every topic, or why there is none."""
    options = options or SolveOptions()
    started = time.perf_counter()

    found = precheck(plan)
    if found:
        return _infeasible(plan, [r.finding() for r in found], summarize([r.message for r in found]), started,
                           conflict_source="precheck")

    pm = PlanModel(plan, weights=options.weights, baseline=baseline)
    if baseline is not None:
        add_hints(pm, baseline)
    elif options.greedy_hint:
        add_hints(pm, improve(plan, greedy_schedule(plan, options.weights), options.weights))
    solver = make_solver(options)
    code = solver.solve(pm.model)
    status = _STATUS.get(code, "unknown")

    if status == "infeasible":
        conflicts = explain_infeasible(plan, options)
        return _infeasible(plan, [r.finding() for r in conflicts], summarize([r.message for r in conflicts]),
                           started, conflict_source="cp-sat")
    if status == "unknown":
        return Schedule(
            plan_year=plan.year,
            status="unknown",
            explanation=f"在 {options.time_limit_s:g} 秒内未找到可行方案,请延长求解时间后重试",
            solve_seconds=round(time.perf_counter() - started, 3),
        )

    assignments = []
    for t in plan.topics:
        m = next(m for m, v in pm.x[t.id].items() if solver.boolean_value(v))
        lead = next(c for c, v in pm.lead[t.id].items() if isinstance(v, int) or solver.boolean_value(v))
        assignments.append(Assignment(topic=t.id, month=m, lead=lead))
    counts = {g: int(solver.value(sum(pm.terms[g]))) if pm.terms[g] else 0 for g in GOALS}
    schedule = Schedule(
        plan_year=plan.year,
        status=status,
        assignments=assignments,
        objective=int(round(solver.objective_value)),
        bound=int(round(solver.best_objective_bound)),
        objective_breakdown={
            g: {"count": counts[g], "weight": options.weights.of(g), "penalty": counts[g] * options.weights.of(g)}
            for g in GOALS
        },
        solve_seconds=round(time.perf_counter() - started, 3),
        options=options.model_dump(),
    )
    report = check(plan, schedule, baseline=baseline)
    if report.hard:  # would be a bug in the model; say so loudly rather than hand it out quietly
        log.error("CP-SAT answer breaks hard rules: %s", [f.message for f in report.hard])
    schedule.warnings = report.warnings
    return schedule


def add_hints(pm: PlanModel, baseline: Schedule) -> None:
    """Start the search from the previous schedule: a re-plan is then a small repair."""
    pm.model.clear_hints()
    months, leads = baseline.month_of(), baseline.lead_of()
    for tid, xs in pm.x.items():
        if tid not in months:
            continue
        for m, var in xs.items():
            pm.model.add_hint(var, m == months[tid])
        for c, var in pm.lead[tid].items():
            if not isinstance(var, int):
                pm.model.add_hint(var, c == leads[tid])


def summarize(messages: list[str]) -> str:
    """One sentence for the planner: "A,但 B" for two, a list for more."""
    if not messages:
        return ""
    if len(messages) == 2:
        return T.say("conflict_pair", a=messages[0], b=messages[1])
    if len(messages) == 1:
        return messages[0]
    return T.MSG["conflict_intro"] + ";".join(messages)
