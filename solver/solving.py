"""Solve a plan: pre-check, CP-SAT search, answer (or explanation of the conflict).

The answer is always a :class:`~solver.plan.Schedule`; infeasible or timed out
is a status, not an exception. Besides the format's fields it carries
``objective``, ``bound``, ``objective_breakdown``, ``solve_seconds`` and
``options`` (documented in the README as our optional fields).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from . import texts as T
from .checker import check
from .explain import explain_infeasible, precheck
from .greedy import greedy_schedule, improve
from .lns import Incumbent, evaluate, improve_with_lns, repair
from .model import PlanModel
from .options import GOALS, SolveOptions
from .plan import Assignment, Finding, Plan, Schedule, Status

log = logging.getLogger(__name__)

FULL_MODEL_SHARE = 0.2  # of a big plan's budget, before the neighbourhood search

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
}


def make_solver(options: SolveOptions, *, time_limit_s: float | None = None) -> cp_model.CpSolver:
    """A CP-SAT solver with the project's parameters (seed, workers, determinism).

    Deterministic runs use one worker and a *deterministic-time* limit (a
    measure of work, not of the clock), so a run stops at the same point of
    its search on any machine and under any load. Otherwise the parallel
    portfolio runs on ``num_workers`` threads against the wall clock.
    """
    limit = time_limit_s if time_limit_s is not None else options.time_limit_s
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.random_seed = options.random_seed
    if options.deterministic:
        p.num_workers = 1
        p.max_deterministic_time = limit
        p.max_time_in_seconds = 4 * limit + 1  # a safety net; normally the work limit stops first
    else:
        p.num_workers = options.num_workers
        p.max_time_in_seconds = limit
    return solver


def _infeasible(plan: Plan, conflicts: list[dict], explanation: str, started: float, **extra) -> Schedule:
    return Schedule(
        plan_year=plan.year,
        status=Status.INFEASIBLE,
        conflicts=[Finding(**c) for c in conflicts],
        explanation=explanation,
        solve_seconds=round(time.perf_counter() - started, 3),
        **extra,
    )


def solve(
    plan: Plan,
    options: SolveOptions | None = None,
    *,
    baseline: Schedule | None = None,
    observe: Callable[[cp_model.CpSolver], cp_model.CpSolverSolutionCallback | None] | None = None,
) -> Schedule:
    """Best month and lead committee for every topic, or why there is none.

    ``observe`` (optional, for the job workers): called with the CP-SAT solver
    of the full model before it runs; may set its ``best_bound_callback``, keep
    it to ``stop_search()`` on a cancel, and return a solution callback.
    """
    options = options or SolveOptions()
    started = time.perf_counter()

    found = precheck(plan)
    if found:
        return _infeasible(
            plan,
            [r.finding() for r in found],
            summarize([r.message for r in found]),
            started,
            conflict_source="precheck",
        )

    pm = PlanModel(plan, weights=options.weights, baseline=baseline)
    start_from = baseline
    if start_from is None and options.greedy_hint:
        start_from = improve(plan, greedy_schedule(plan, options.weights), options.weights)

    big = options.deterministic and len(plan.topics) > options.lns_above_topics
    known = _known_start(pm, plan, start_from, options) if big and start_from is not None else None
    if known is not None:
        add_hints(pm, known.assignment)
    elif start_from is not None:
        add_hints(pm, _assignment_of(start_from))

    # A big plan spends a fifth of its budget on the full model (the proven
    # bound, perhaps a better schedule), the rest on seeded neighbourhood search
    # from the best schedule known. On the 200-topic sample at 5 s a third gave
    # 668, a fifth 652, 15 % 640, all with the same bound (464); a fifth keeps
    # more room for the bound on bigger plans.
    solver = make_solver(options, time_limit_s=options.time_limit_s * FULL_MODEL_SHARE if big else None)
    code = solver.solve(pm.model, observe(solver) if observe is not None else None)
    status = _STATUS.get(code, Status.UNKNOWN)
    if status == Status.INFEASIBLE:
        conflicts = explain_infeasible(plan, options)
        return _infeasible(
            plan,
            [r.finding() for r in conflicts],
            summarize([r.message for r in conflicts]),
            started,
            conflict_source="cp-sat",
        )

    best = Incumbent.read(pm, solver) if status.has_schedule else None
    bound = int(round(solver.best_objective_bound))
    if big and status != Status.OPTIMAL:
        if known is not None and (best is None or known.objective < best.objective):
            best = known
        if best is not None:
            best = improve_with_lns(pm, best, options, budget=options.time_limit_s * (1 - FULL_MODEL_SHARE))
            status = Status.OPTIMAL if best.objective <= bound else Status.FEASIBLE
    if best is None:
        return Schedule(
            plan_year=plan.year,
            status=Status.UNKNOWN,
            explanation=T.say("unknown_timeout", limit=f"{options.time_limit_s:g}"),
            solve_seconds=round(time.perf_counter() - started, 3),
        )

    assignments = [
        Assignment(topic=t.id, month=best.assignment[t.id][0], lead=best.assignment[t.id][1]) for t in plan.topics
    ]
    report = check(plan, Schedule(plan_year=plan.year, status=status, assignments=assignments), baseline=baseline)
    if report.hard:  # would be a bug in the model; say so loudly rather than hand it out quietly
        log.error("CP-SAT answer breaks hard rules: %s", [f.message for f in report.hard])
    # a goal left out of the model (optional, weight 0) is counted by the checker
    counts = {g: best.counts[g] if g in pm.goals_built else report.counts[g] for g in GOALS}
    schedule = Schedule(
        plan_year=plan.year,
        status=status,
        assignments=assignments,
        objective=best.objective,
        bound=bound,
        objective_breakdown={
            g: {"count": counts[g], "weight": options.weights.of(g), "penalty": counts[g] * options.weights.of(g)}
            for g in GOALS
        },
        solve_seconds=round(time.perf_counter() - started, 3),
        options=options.model_dump(),
    )
    schedule.warnings = report.warnings
    return schedule


def _known_start(pm: PlanModel, plan: Plan, start: Schedule, options: SolveOptions) -> Incumbent | None:
    """The starting schedule as an incumbent; a previous schedule the plan's edits broke is repaired."""
    assignment = _assignment_of(start)
    known = evaluate(pm, assignment, options)
    if known is None:
        # only the topics the edits touched (and those sharing their month and limits) move
        broken = {tid for f in check(plan, start).hard for tid in f.topics}
        broken |= {t.id for t in plan.topics if t.id not in assignment}
        known = repair(pm, assignment, broken, options)
    return known


def _assignment_of(schedule: Schedule) -> dict[str, tuple[int, str]]:
    return {a.topic: (a.month, a.lead) for a in schedule.assignments}


def add_hints(pm: PlanModel, assignment: dict[str, tuple[int, str]]) -> None:
    """Start the search from a known schedule: a re-plan is then a small repair."""
    pm.model.clear_hints()
    for tid, xs in pm.x.items():
        if tid not in assignment:
            continue
        month, lead = assignment[tid]
        for m, var in xs.items():
            pm.model.add_hint(var, m == month)
        for c, var in pm.lead[tid].items():
            if not isinstance(var, int):
                pm.model.add_hint(var, c == lead)


def summarize(messages: list[str]) -> str:
    """One sentence for the planner: "A,但 B" for two, a list for more."""
    if not messages:
        return ""
    if len(messages) == 2:
        a, b = messages
        # "T01「…」固定在 9月,但 T01「…」只能…" names the topic once: "…,但 该议题只能…"
        label = re.match(r"^[^\s「」]+「[^」]*」", a)
        if label and label.group(0) in b:
            b = b.replace(label.group(0), T.MSG["same_topic"], 1)
        return T.say("conflict_pair", a=a, b=b)
    if len(messages) == 1:
        return messages[0]
    return T.MSG["conflict_intro"] + ";".join(messages)
