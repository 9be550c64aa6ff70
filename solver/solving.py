"""Solve a plan: pre-check, a start, feasibility first, then improvement — within the planner's time.

The answer is always a :class:`~solver.plan.Schedule`; infeasible or timed out
is a status, not an exception. Besides the format's fields it carries
``objective``, ``bound``, ``objective_breakdown``, ``solve_seconds``,
``stopped_by`` and ``options`` (documented in the README as our optional fields).

The steps, all inside one wall-clock :class:`~solver.budget.Budget`:

1. **Start**: the previous schedule (a re-plan) or the greedy schedule,
   built on the greedy board before the CP-SAT model.
2. **Feasible first**: a start that breaks hard rules — a greedy start that
   could not place every topic, a previous schedule the plan's edits broke —
   is completed by an ejection chain on the board (:func:`solver.greedy.complete`),
   then if need be repaired around the broken topics with CP-SAT
   (:func:`solver.lns.repair`); if that is not enough, CP-SAT searches the
   full model *without objective* from the start as a hint. Until a schedule
   is known only the clock may stop these steps. A re-plan moves the fewest
   topics first (:func:`_fewest_moves`). Only a proof that no schedule exists leads to the
   conflict explanation, and only a limit too short for any schedule to
   ``unknown`` (with how long a retry needs, from what was measured).
3. **Improve**: small plans on the full model (one worker: proven optimal in
   well under a second for real plans); big plans on the full model for the
   bound and a seeded neighbourhood search for the schedule, side by side
   when there are two cores or more.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from . import texts as T
from .bound import Decomposed, solve_bodies
from .budget import (
    CHECK_CPU_PER_TOPIC,
    CHECK_SAFETY,
    COPY_SHARE,
    FULL_MODEL_RATE,
    FULL_SOLVE_FLOOR_SHARE,
    Budget,
    OutOfTime,
    StopReason,
    keep_out_of_full_scans,
    no_full_heap_scans,
)
from .checker import CheckReport, check
from .cuts import without_cuts
from .explain import Conflicts, find_conflicts, precheck
from .greedy import Frame, complete, frame, greedy_schedule, improve, misplaced
from .lns import Incumbent, find_bodies, improve_with_lns, repair, solve_freed
from .model import PlanModel
from .options import GOALS, SolveOptions
from .plan import Assignment, BoundSource, Finding, Plan, Schedule, Status
from .rules.wishes import Moved

log = logging.getLogger(__name__)

# With one worker, a big plan spends this share of its work on the full model
# (the proven bound, perhaps a better schedule) before the neighbourhood search.
# On the 200-topic sample at 5 s a third gave 668, a fifth 652, 15 % 640, all
# with the same bound (464); a fifth keeps more room for the bound on bigger plans.
FULL_MODEL_SHARE = 0.2
# The part of CP-SAT's presolve of the full model that its deterministic time
# does not count, per topic. Measured on an idle machine (2026-12-01 18:02,
# OR-Tools 9.15, one worker, stop_after_presolve): 50 city topics 0.04 s wall
# for 0.010 units, 200 province topics 0.13 s for 0.035, 1000 topics 1.07 s for
# 0.50, 5000 topics 10 s for 7.1 — at FULL_MODEL_RATE the units account for all
# but 0.05 s of the 200-topic presolve and all of the 1000-topic one. The
# earlier charge (1.2 ms a topic, from a run where presolve counted 0.03 units
# for 1.45 s) was counted on top of units that already held the presolve: the
# full model stopped with a third of a 1 s limit unused beside the
# neighbourhood search, and at 1 s did not prove the 200-topic seed 1 optimal
# (164), which the plain model does. With one worker the full model runs only
# when its share of the budget is at least twice this charge.
PRESOLVE_CHARGE_PER_TOPIC = 2.5e-4
# Wall seconds of that presolve a topic, and the share of the planner's limit it
# may take beside the neighbourhood search: beyond it the full model finds no
# bound in time, and its core serves the neighbourhood search better. Judged
# on the limit, not the clock left, so that the same plan and options take the
# same path whatever the load (5000 topics skip it below 15 s, 1000 below 3 s).
PRESOLVE_SECONDS_PER_TOPIC = 1.5e-3
FULL_MODEL_MAX_SHARE = 0.5
# Seconds charged for the pre-check, building the model and the greedy start,
# per topic: CP-SAT does not count them, and they grow with the plan (measured
# 0.6–1.9 s for 1000 province topics, 4–7 s for 5000, under load 2–4).
SETUP_CHARGE_PER_TOPIC = 6e-4
# Wall seconds the pre-check, the model and the greedy start take per topic,
# to tell at once that a limit is too short for a plan: measured 0.53–0.67 ms
# a topic on an idle machine once the rules indexed their loads (0.59 s for
# 1000 province topics, 2.6 s for 5000); the low end, so a limit is refused
# at once only when it is surely too short.
SETUP_SECONDS_PER_TOPIC = 5e-4
# ... and the high end of that, to predict a retry when the clock cut those steps short.
SETUP_RETRY_SECONDS_PER_TOPIC = 7e-4
# The share of those steps (pre-check, greedy, ejection chain, check of the
# start, model; not the polish) done by the end of each, measured on 1000 province
# topics (2026-12-02, load 7): 0.17, 0.48, 0.27, 0.16 and 1.0 s of 2.1 s. Where the
# clock stopped them, the time spent over this share predicts the whole.
SETUP_SHARES = {"precheck": 0.08, "greedy": 0.31, "ejection chain": 0.44, "model": 0.52}
# Building the CP-SAT model takes up to this many times what the pre-check, the
# greedy start and the ejection chain took before it (idle: 0.25 s against
# 0.25 s for 1000 province topics, 1.2–1.6 s against 0.7–1 s for 5000); the
# measured time of those steps tells how loaded the machine is right now.
MODEL_PER_START = 2.0
# The greedy polish scans the plan at most this many times: a bounded, and so
# reproducible, share of a short limit on a big plan.
POLISH_ROUNDS = 50
# Of the clock left once the start is built, as a safety cap under load. On a
# 5000-topic plan the polish lowers the penalty by 15–18 % in 1.3–2.2 s, far
# more than neighbourhood search does in that time, so it gets a good share.
POLISH_MAX_SHARE = 0.4
# A plan of several bodies (a province 政协 and its cities): beside the neighbourhood
# search, the thread of the full model gives this share of its work to solving
# each body alone (solver.bound), for a higher bound, before the full model.
# With one worker the bodies take the full model's share (FULL_MODEL_SHARE).
BODY_SHARE = 0.5
# A retry after "unknown" gets at least this many times the search time measured.
RETRY_FACTOR = 2.0

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
}


def make_solver(
    options: SolveOptions, budget: Budget, *, work: float | None = None, wall_only: bool = False
) -> cp_model.CpSolver:
    """A CP-SAT solver on the full model, with the project's parameters.

    Deterministic runs use one worker and a work limit (``work`` seconds of the
    budget, at most what is left of it, as CP-SAT work units) under the
    wall-clock cap; otherwise CP-SAT's parallel portfolio runs on
    ``num_workers`` threads against the clock only. ``wall_only``: the clock
    alone limits it (a search for a first schedule: the work budget must not
    end it before the planner's limit does).
    """
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.random_seed = options.random_seed
    # Ctrl-C is the caller's (solver.cli, jobs.worker): CP-SAT's own handler swaps theirs out and back
    p.catch_sigint_signal = False
    p.max_time_in_seconds = max(budget.wall_left(), 1e-3)
    if options.deterministic:
        p.num_workers = 1
        if not wall_only:
            dtime, _ = budget.cap(work if work is not None else math.inf, FULL_MODEL_RATE)
            p.max_deterministic_time = max(dtime, 1e-3)
    else:
        p.num_workers = options.num_workers
    return solver


@dataclass
class _Run:
    """What the full-model search found: a schedule (or not), the bound, the status code."""

    best: Incumbent | None = None
    bound: int = 0
    code: int = cp_model.UNKNOWN
    work: float = 0.0  # CP-SAT's deterministic time


# what a job worker hands in to watch (and stop) the full model's search
Observe = Callable[[cp_model.CpSolver], cp_model.CpSolverSolutionCallback | None]


def _full_model(
    pm: PlanModel, options: SolveOptions, budget: Budget, *, work: float | None = None, observe: Observe | None = None
) -> _Run:
    if not budget.fits(FULL_SOLVE_FLOOR_SHARE):
        # CP-SAT returns no sooner than its presolve of the full model, whatever its limit
        # (0.5–0.8 s for 1000 topics given 1 ms, loaded): with less on the clock it would overrun
        log.info("full model: skipped, %.2f s left", budget.wall_left())
        budget.wall_hit = True
        return _Run()
    solver = make_solver(options, budget, work=work)
    code = solver.solve(pm.model, observe(solver) if observe is not None else None)
    log.info(
        "full model: %s, %.2f work units in %.2f s, bound %.0f",
        solver.status_name(code),
        solver.deterministic_time,
        solver.wall_time,
        solver.best_objective_bound,
    )
    run = _Run(code=code, work=solver.deterministic_time)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        run.best = Incumbent.read(pm, solver)
    if code != cp_model.INFEASIBLE:  # without a schedule the bound proven so far still holds
        run.bound = max(0, int(math.ceil(solver.best_objective_bound - 1e-6)))
    return run


def _infeasible(plan: Plan, conflicts: list[dict], explanation: str, budget: Budget, **extra) -> Schedule:
    return Schedule(
        plan_year=plan.year,
        status=Status.INFEASIBLE,
        conflicts=[Finding(**c) for c in conflicts],
        explanation=explanation,
        solve_seconds=round(budget.elapsed(), 3),
        stopped_by=StopReason.INFEASIBLE.value,
        **extra,
    )


def _explained(plan: Plan, options: SolveOptions, budget: Budget) -> Schedule:
    """Which requirements conflict, found in what is left of the planner's limit (``explain_time_limit_s`` at most).

    The clock may stop the search for them (:func:`solver.explain.find_conflicts`):
    the set found so far is then the answer, marked ``conflicts_partial`` and
    said so; with no set at all, the explanation says that the plan has no
    schedule and how long a retry needs to name the conflict.
    """
    budget.keep(0.0)  # the explanation is the answer: no schedule is left to check
    deadline = min(budget.deadline, time.perf_counter() + options.explain_time_limit_s)
    found = Conflicts([], minimal=False)
    # its model is the solve's, each requirement guarded: built only when the clock left holds
    # that build (as long as the solve's own, measured) and CP-SAT's floor on it
    if budget.fits(1.0 + FULL_SOLVE_FLOOR_SHARE):
        with budget.phase("explain"):
            floor = FULL_SOLVE_FLOOR_SHARE * budget.model_s
            found = find_conflicts(plan, options, deadline=deadline, stop=budget.stop_if_late, floor_s=floor)
    if not found.requirements:
        retry = math.ceil(RETRY_FACTOR * max(budget.elapsed(), options.time_limit_s, T.RETRY_MIN_S))
        explanation = T.say("infeasible_unexplained", limit=f"{options.time_limit_s:g}", retry=retry)
        return _infeasible(
            plan, [], explanation, budget, conflict_source="cp-sat", conflicts_partial=True, retry_seconds=retry
        )
    explanation = summarize([r.message for r in found.requirements])
    partial = {} if found.minimal else {"conflicts_partial": True}
    if partial:
        explanation += T.MSG["conflicts_partial"]
    return _infeasible(
        plan, [r.finding() for r in found.requirements], explanation, budget, conflict_source="cp-sat", **partial
    )


def solve(
    plan: Plan,
    options: SolveOptions | None = None,
    *,
    baseline: Schedule | None = None,
    observe: Observe | None = None,
) -> Schedule:
    """Best month and lead committee for every topic, or why there is none.

    ``options.time_limit_s`` is wall-clock seconds, counted from this call;
    the answer's ``stopped_by`` says what ended the search (see
    :class:`solver.budget.StopReason`). Never raises for a plan that passed
    validation.

    ``observe`` (optional, for the job workers): called with the CP-SAT solver
    of the full model before it runs; may set its ``best_bound_callback``, keep
    it to ``stop_search()`` on a cancel, and return a solution callback.
    """
    with no_full_heap_scans():  # a full collection of the caller's heap is a pause no step can stop
        return _solve(plan, options or SolveOptions(), baseline, observe)


def _solve(plan: Plan, options: SolveOptions, baseline: Schedule | None, observe: Observe | None) -> Schedule:
    budget = Budget.for_plan(options.time_limit_s, len(plan.topics), work_s=options.work_limit_s)

    predicted = SETUP_SECONDS_PER_TOPIC * len(plan.topics)
    if predicted > budget.wall_left():  # not even the model fits in the limit: say so at once
        return _too_short(plan, options, budget, predicted)

    try:
        with budget.phase("precheck"):
            found = precheck(plan, stop=budget.stop_if_late)
        if not found:
            # what every board of the greedy, the chain and the polish shares, built once
            with budget.phase("frame"):
                shared = frame(plan, stop=budget.stop_if_late)
    except OutOfTime:
        return _unknown(plan, options, budget, None)
    if found:
        return _infeasible(
            plan,
            [r.finding() for r in found],
            summarize([r.message for r in found]),
            budget,
            conflict_source="precheck",
        )

    if baseline is not None and options.weights.of(Moved.name) > 0:
        quick = _replan_by_one_move(plan, options, baseline, budget, shared)
        if quick is not None:
            return quick

    n = len(plan.topics)
    budget.charge(SETUP_CHARGE_PER_TOPIC * n)

    # -- 1. a start (on the greedy board: no model needed yet) ---------------------------
    # Every step here reads the clock, and the deadline keeps room for checking the
    # start: the check cannot stop half-way, and the start may be the answer.
    start: dict[str, tuple[int, str]] | None = None
    start_s = 0.0  # seconds the pre-check, the greedy start and the chain took (not the polish)
    if baseline is not None:
        start = _assignment_of(baseline)
        # the plan's edits broke it: move what must move (topics the clock left untried count as broken)
        if misplaced(plan, start, options.weights, shared=shared, deadline=budget.deadline):
            with budget.phase("ejection chain"):
                start = _assignment_of(_completed(plan, start, options, budget, shared))
    elif options.greedy_hint:
        with budget.phase("greedy"):
            g = greedy_schedule(plan, options.weights, deadline=budget.deadline, shared=shared)
        _keep_for_check(budget, n)
        if g.status != Status.FEASIBLE and not budget.late():  # topics left out: an ejection chain places them
            with budget.phase("ejection chain"):
                g = _completed(plan, _assignment_of(g), options, budget, shared)
        start_s = budget.elapsed()
        if g.status == Status.FEASIBLE and budget.wall_left() > 0:  # every topic placed: polish it
            _keep_for_check(budget, n)
            polish_until = time.perf_counter() + POLISH_MAX_SHARE * budget.wall_left()
            with budget.phase("polish"):
                g = improve(plan, g, options.weights, max_rounds=POLISH_ROUNDS, deadline=polish_until, shared=shared)
            if time.perf_counter() >= polish_until:
                budget.wall_hit = True  # the clock cut the polish short: the answer depends on the load
        start = _assignment_of(g)
    # A complete start that keeps every hard rule is an answer already, counted
    # by the checker: should the clock run out while the model is built, it is
    # what the planner gets (a 1000-topic plan at 2 s under load, measured).
    with budget.phase("check start"):
        known, report = _checked(plan, start, options, baseline) if start is not None else (None, None)
    if report is not None:  # the answer's own check takes as long: keep that much before the limit
        budget.keep(CHECK_SAFETY * (budget.took("check start") or 0.0))
    if known is None and budget.late():  # no schedule, and no time to look for one
        return _unknown(plan, options, budget, None, placed=len(start or {}))
    if known is not None and budget.wall_left() < MODEL_PER_START * start_s:
        # the model would not be built before the clock runs out (measured under load 10:
        # 2.1 s for 1000 topics, 0.25 s idle): the start is the answer
        log.info("no time for the model (%.2f s left): the start is the answer", budget.wall_left())
        return _start_is_answer(plan, options, baseline, known, budget)

    # -- 2. feasible first ------------------------------------------------------------
    try:
        with budget.phase("model"):
            pm = PlanModel(plan, weights=options.weights, baseline=baseline, stop=budget.stop_if_late)
    except OutOfTime:  # the clock ran out while the model was built (checked between its parts)
        log.info("the clock ran out while the model was built, after %.2f s", budget.elapsed())
        if known is not None:
            return _start_is_answer(plan, options, baseline, known, budget)
        return _unknown(plan, options, budget, None, placed=len(start or {}))
    budget.model_s = budget.took("model") or 0.0
    keep_out_of_full_scans()  # the model lives to the end of the solve: no full collection walks it again
    setup_s = budget.elapsed()
    log.info("model and start in %.2f s", setup_s)
    fewest = None
    if baseline is not None and start is not None and options.weights.of(Moved.name) > 0:
        fewest = _fewest_moves(pm, baseline, start)
        if fewest is not None:
            answer = _only_what_must_move(pm, plan, options, baseline, start, budget, fewest)
            if answer is not None:
                return answer
    if start is not None and known is None:
        with budget.phase("repair"):
            broken = misplaced(plan, start, options.weights, shared=shared, deadline=budget.deadline)
            known = repair(pm, start, broken, options, budget)
    # until a schedule is known, only the clock may stop the search (not the work budget)
    if known is None and budget.fits(COPY_SHARE + FULL_SOLVE_FLOOR_SHARE):
        with budget.phase("feasibility"):
            feasible = _feasibility(pm, start, options, budget)
        if feasible is StopReason.INFEASIBLE:
            return _explained(plan, options, budget)
        known = feasible
    if known is None:
        return _unknown(plan, options, budget, setup_s)

    # -- 3. improve ------------------------------------------------------------------
    log.info("feasible schedule (objective %d) after %.2f s", known.objective, budget.elapsed())
    big = len(plan.topics) > options.lns_above_topics
    converged = False
    add_hints(pm, known.assignment)
    # a plan of several bodies (a province 政协 and its cities): each alone gives the bound (solver.bound)
    groups = find_bodies(pm) if big and options.deterministic and baseline is None else []
    bodies: Decomposed | None = None
    if not big or not options.deterministic:
        with budget.phase("full model"):
            run = _full_model(pm, options, budget, observe=observe) if not budget.exhausted() else _Run()
        best = _better(known, run.best)
    elif options.num_workers >= 2 and PRESOLVE_SECONDS_PER_TOPIC * n > FULL_MODEL_MAX_SHARE * budget.limit_s:
        # the full model's presolve alone would take most of the time left (5000 topics at 10 s,
        # measured: 1.3–2.5 s for no bound at all): every core on the neighbourhood search
        run = _Run()
        with budget.phase("lns"):
            best, converged = improve_with_lns(pm, known, options, budget, workers=options.num_workers)
    elif options.num_workers >= 2:
        # the full model (for the bound) beside the neighbourhood search on the other cores
        run = _Run()
        work = budget.work_left() - PRESOLVE_CHARGE_PER_TOPIC * n

        def full() -> None:
            nonlocal run, bodies, work
            if len(groups) > 1:  # the bodies first, for the bound; the full model with the rest
                with budget.phase("bodies"):
                    bodies = solve_bodies(pm, groups, options, budget, BODY_SHARE * work, hint=known.assignment)
                work -= bodies.work if bodies is not None else 0.0
                if work < PRESOLVE_CHARGE_PER_TOPIC * n:  # too little left for the full model to bound anything
                    return
            with budget.phase("full model"):
                run = _full_model(pm, options, budget, work=work, observe=observe)
            if run.code == cp_model.OPTIMAL:
                budget.done.set()  # proven: the neighbourhood search beside it can stop

        thread = threading.Thread(target=full, name="full-model", daemon=True)
        thread.start()
        with budget.phase("lns"):
            best, converged = improve_with_lns(pm, known, options, budget, workers=options.num_workers - 1)
        with budget.phase("join"):
            thread.join()
        best = _better(best, run.best)
        with budget.phase("bodies' schedules"):
            best = _better(best, _with_bodies(plan, options, bodies, best, budget))
    else:
        run = _Run()
        share = FULL_MODEL_SHARE * budget.work_left()
        presolve = PRESOLVE_CHARGE_PER_TOPIC * n
        if len(groups) > 1:  # the bodies instead of the full model: a higher bound, and a better start
            with budget.phase("bodies"):
                bodies = solve_bodies(pm, groups, options, budget, share, hint=known.assignment)
            budget.charge(bodies.work if bodies is not None else 0.0)
            with budget.phase("bodies' schedules"):
                known = _better(known, _with_bodies(plan, options, bodies, known, budget))
        elif share >= 2 * presolve:  # else its presolve alone would eat the share
            with budget.phase("full model"):
                run = _full_model(pm, options, budget, work=share - presolve, observe=observe)
            budget.charge_cpsat(run.work, FULL_MODEL_RATE)
            budget.charge(presolve)
        best = _better(known, run.best)
        if run.code != cp_model.OPTIMAL:
            with budget.phase("lns"):
                best, converged = improve_with_lns(pm, best, options, budget, workers=1)
    budget.exhausted()  # notes a clock that ran out during the last search

    # the larger of the two proven bounds, and which one it is
    source = BoundSource.FULL_MODEL
    bound = run.bound
    if bodies is not None and bodies.bound > bound:
        bound, source = bodies.bound, BoundSource.BODIES
    bound = min(bound, best.objective)
    status = Status.OPTIMAL if run.code == cp_model.OPTIMAL or best.objective <= bound else Status.FEASIBLE
    if status == Status.OPTIMAL:
        stopped = StopReason.OPTIMAL
    elif converged:
        stopped = StopReason.NO_IMPROVEMENT
    else:
        stopped = budget.reason()
    with budget.phase("answer"):
        answer = _answer(
            plan, options, baseline, best, bound, status, stopped, budget, pm.goals_built, bound_source=source
        )
    log.info("phases: %s", budget.phases)
    return answer


def _with_bodies(
    plan: Plan, options: SolveOptions, bodies: Decomposed | None, base: Incumbent, budget: Budget
) -> Incumbent | None:
    """``base`` with the bodies' own schedules in, the cheaper of two ways; None if neither keeps the rules.

    One puts in the bodies proven best alone (each costs at most what ``base``
    has there, as ``base``'s part is a schedule of that body too; only the
    spread may differ), the other every body's own schedule; the checker counts
    both. The monthly cap is the one rule they may break (each body was solved
    without it). A candidate that is ``base`` itself is not checked again, and
    one is checked only when the clock before the limit holds that check and
    the answer's (each as long as the start's check took): these checks come
    after the search, and took 0.6 s past a 5 s limit on a loaded machine.
    """
    if bodies is None:
        return None
    proven = dict(base.assignment)
    for r in bodies.bodies:
        if r.proven:
            proven.update(r.assignment)
    found: Incumbent | None = None
    check_s = CHECK_SAFETY * (budget.took("check start") or 0.0)
    for assignment in (proven, bodies.assignment):
        if assignment is None or assignment == base.assignment:
            continue
        if budget.to_limit() < 2 * check_s:
            log.info("bodies: no time to check their schedules (%.2f s to the limit)", budget.to_limit())
            budget.wall_hit = True
            break
        candidate, report = _checked(plan, assignment, options, None)
        if candidate is None:
            log.info("bodies: their schedules break %d hard rules", len(report.hard) if report else -1)
            continue
        log.info("bodies: their schedules in place cost %d (before %d)", candidate.objective, base.objective)
        found = candidate if found is None else _better(found, candidate)
    return found


def _replan_by_one_move(
    plan: Plan, options: SolveOptions, baseline: Schedule, budget: Budget, shared: Frame
) -> Schedule | None:
    """A re-plan where at most one topic must move, without the CP-SAT model; None otherwise.

    Fewest moves first (see :func:`_fewest_moves`): when the edits forbid the
    previous place of one topic only (a pin, a leader away in its month) and
    that topic fits somewhere with every other topic left in place, the best
    answer moves that topic alone, to the cheapest place it fits — which the
    greedy board finds exactly, move by move. A what-if on a 1000-topic plan is
    then a matter of a tenth of a second, not a search of the whole plan.
    """
    before = _assignment_of(baseline)
    allowed = shared.allowed
    forced = {
        t.id
        for t in plan.topics
        if t.id not in before or before[t.id][0] not in allowed[t.id] or before[t.id][1] not in t.lead_options
    }
    if len(forced) > 1:
        return None
    done = complete(
        plan, before, options.weights, deadline=budget.deadline, seed=options.random_seed, max_steps=1, shared=shared
    )
    if done.status != Status.FEASIBLE:
        return None
    after = _assignment_of(done)
    if {t.id for t in plan.topics if after[t.id] != before.get(t.id)} != forced:
        return None  # others had to make room: the model decides
    log.info("re-plan: %s moved alone after %.2f s", sorted(forced), budget.elapsed())
    schedule = Schedule(plan_year=plan.year, status=Status.OPTIMAL, assignments=done.assignments)
    report = check(plan, schedule, baseline=baseline)
    if report.hard:
        return None
    best = Incumbent(after, report.penalty(options.weights), report.counts)
    return _answer(
        plan, options, baseline, best, best.objective, Status.OPTIMAL, StopReason.OPTIMAL, budget, frozenset(), report
    )


def _checked(
    plan: Plan, assignment: dict[str, tuple[int, str]], options: SolveOptions, baseline: Schedule | None
) -> tuple[Incumbent | None, CheckReport | None]:
    """``assignment`` as an incumbent, its counts from the independent checker, and the check.

    (None, None) when it lacks a topic; (None, the check) when it breaks a hard rule.
    """
    if any(t.id not in assignment for t in plan.topics):
        return None, None
    rows = [Assignment(topic=t.id, month=assignment[t.id][0], lead=assignment[t.id][1]) for t in plan.topics]
    report = check(plan, Schedule(plan_year=plan.year, status=Status.FEASIBLE, assignments=rows), baseline=baseline)
    if report.hard:
        return None, report
    incumbent = Incumbent(
        {t.id: assignment[t.id] for t in plan.topics}, report.penalty(options.weights), report.counts, report
    )
    return incumbent, report


def _moves(baseline: Schedule, assignment: dict[str, tuple[int, str]]) -> set[str]:
    """Topics of ``baseline`` whose month or lead differs in ``assignment`` (or that it lacks)."""
    return {a.topic for a in baseline.assignments if assignment.get(a.topic) != (a.month, a.lead)}


def _fewest_moves(pm: PlanModel, baseline: Schedule, start: dict[str, tuple[int, str]]) -> set[str] | None:
    """A re-plan moves no more topics than the repaired start did: the cap goes into the model.

    Fewest moves first, then the goals: a planner who pins one topic expects
    that topic to move, not a dozen others for a lower penalty elsewhere (the
    weight of ``moved`` still ranks answers with as many moves). The start's
    moved topics, or None when the start is not complete (no cap: the repair
    then decides). Must run before any copy of the model is made (``without_cuts``).
    """
    if any(t.id not in start for t in pm.topics):
        return None
    moved = _moves(baseline, start)
    pm.model.add(sum(pm.terms[Moved.name]) <= len(moved))
    return moved


def _only_what_must_move(
    pm: PlanModel,
    plan: Plan,
    options: SolveOptions,
    baseline: Schedule,
    start: dict[str, tuple[int, str]],
    budget: Budget,
    moved: set[str],
) -> Schedule | None:
    """The best re-plan when every topic the start moved had to move; None when that is not the case.

    A topic whose previous month or lead the edited plan forbids must move, so
    no schedule moves fewer than those. When the start moved exactly those, the
    fewest-moves answers keep every other topic where it was, and one CP-SAT
    solve of the moved topics, the rest fixed, finds the best of them: a 1000-topic
    re-plan after a pin is then a small solve, not a search of the whole plan.
    """
    before = {a.topic: (a.month, a.lead) for a in baseline.assignments}
    forced = {tid for tid, (m, c) in before.items() if tid in pm.x and (m not in pm.x[tid] or c not in pm.lead[tid])}
    if moved != forced:
        return None
    new = {t.id for t in pm.topics if t.id not in before}  # topics the previous schedule did not have
    known = solve_freed(pm, start, moved | new, options, budget)
    if known is None:  # not proven within its budget: the search below goes on from the start
        return None
    return _answer(
        plan, options, baseline, known, known.objective, Status.OPTIMAL, StopReason.OPTIMAL, budget, pm.goals_built
    )


def _completed(
    plan: Plan, start: dict[str, tuple[int, str]], options: SolveOptions, budget: Budget, shared: Frame
) -> Schedule:
    """``start`` with every topic placed by the greedy's ejection chain, if it can (see :func:`complete`)."""
    done = complete(plan, start, options.weights, deadline=budget.deadline, seed=options.random_seed, shared=shared)
    log.info("ejection chain: %s after %.2f s", done.status, budget.elapsed())
    return done


def _better(a: Incumbent, b: Incumbent | None) -> Incumbent:
    """The lower objective; ``a`` on a tie (the order is fixed, so the answer is too)."""
    return b if b is not None and b.objective < a.objective else a


def _feasibility(
    pm: PlanModel, start: dict[str, tuple[int, str]] | None, options: SolveOptions, budget: Budget
) -> Incumbent | StopReason | None:
    """Any schedule keeping every hard rule: the full model without objective, hinted from ``start``.

    Returns the schedule, ``StopReason.INFEASIBLE`` when CP-SAT proves there is
    none, or None when the budget ran out first.
    """
    model = without_cuts(pm)
    model.clear_objective()
    model.clear_hints()
    if start:
        for tid, (month, lead) in start.items():
            for m, var in pm.x.get(tid, {}).items():
                model.add_hint(var, m == month)
            for c, var in pm.lead.get(tid, {}).items():
                if not isinstance(var, int):
                    model.add_hint(var, c == lead)
    solver = make_solver(options, budget, wall_only=True)
    code = solver.solve(model)
    budget.charge_cpsat(solver.deterministic_time, FULL_MODEL_RATE)
    budget.charge(PRESOLVE_CHARGE_PER_TOPIC * len(pm.topics))
    budget.exhausted()
    log.info("feasibility phase: %s in %.2f s", solver.status_name(code), solver.wall_time)
    if code == cp_model.INFEASIBLE:
        return StopReason.INFEASIBLE
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Incumbent.read(pm, solver)
    return None


# The predicted check is kept with this margin (the measured one with CHECK_SAFETY): a
# prediction from the slowdown held within 10 % at 1000 topics under load 13 (0.85 s
# against 0.9), and twice it cut a 5 s solve at 3 s, before a start that needed 4.
PREDICTED_CHECK_SAFETY = 1.3


def _keep_for_check(budget: Budget, n: int) -> None:
    """Keep time before the limit for checking the start, predicted from how slow this machine runs now.

    The check of a complete start cannot stop half-way, and the start may be the
    answer: the steps before it must leave it room. Idle it takes
    ``CHECK_CPU_PER_TOPIC`` a topic; under load, that times :meth:`Budget.slowdown`
    (0.85 s for 1000 topics on a shared core, 2026-12-02).
    """
    budget.keep(PREDICTED_CHECK_SAFETY * CHECK_CPU_PER_TOPIC * n * budget.slowdown())


def _start_is_answer(
    plan: Plan, options: SolveOptions, baseline: Schedule | None, known: Incumbent, budget: Budget
) -> Schedule:
    """The checked start as the answer, when the clock leaves no time for the model or ran out building it."""
    budget.wall_hit = True
    stop = StopReason.TIME_LIMIT
    return _answer(plan, options, baseline, known, 0, Status.FEASIBLE, stop, budget, frozenset(), known.report)


def _setup_progress(budget: Budget, placed: int, n: int) -> float:
    """The share of the start and the model done when the clock stopped them (from the steps that ran)."""
    ran = {name for name, _, _ in budget.phases}
    if "model" in ran:
        return SETUP_SHARES["model"]
    if "ejection chain" in ran:
        return SETUP_SHARES["ejection chain"]
    if "greedy" in ran:
        return SETUP_SHARES["precheck"] + (SETUP_SHARES["greedy"] - SETUP_SHARES["precheck"]) * placed / max(n, 1)
    if "frame" in ran:  # cut while the greedy's frame was built: the pre-check was done
        return SETUP_SHARES["precheck"]
    return SETUP_SHARES["precheck"] / 2


def _retry_answer(plan: Plan, budget: Budget, stopped: StopReason, retry: int, text: str, **fields) -> Schedule:
    """The ``unknown`` answer: no schedule in the limit; the sentence ``T.MSG[text]`` with ``fields`` and ``retry``."""
    return Schedule(
        plan_year=plan.year,
        status=Status.UNKNOWN,
        explanation=T.say(text, retry=retry, **fields),
        solve_seconds=round(budget.elapsed(), 3),
        stopped_by=stopped.value,
        retry_seconds=retry,
    )


def _unknown(plan: Plan, options: SolveOptions, budget: Budget, setup_s: float | None, placed: int = 0) -> Schedule:
    """No schedule within the limit: say how long a retry needs, from the times measured here.

    ``setup_s``: the seconds the pre-check, the start and the model took; None
    when the clock stopped them before the end (``placed``: topics the greedy
    start had placed by then). Then the retry is predicted from what was
    measured, the larger of two: the time spent over the share of those
    steps done (``SETUP_SHARES``), and their idle seconds a topic
    (``SETUP_RETRY_SECONDS_PER_TOPIC``) times how much slower the machine ran
    this very solve (:meth:`Budget.slowdown`).
    """
    limit = f"{options.time_limit_s:g}"
    if setup_s is None:
        spent = budget.elapsed()
        slowdown = budget.slowdown()
        by_progress = spent / _setup_progress(budget, placed, len(plan.topics))
        needed = max(by_progress, SETUP_RETRY_SECONDS_PER_TOPIC * len(plan.topics) * slowdown)
        retry = math.ceil(RETRY_FACTOR * max(needed, T.RETRY_MIN_S))
        log.info("unknown: the start was cut after %.2f s (%.1f× slower than idle)", spent, slowdown)
        return _retry_answer(
            plan,
            budget,
            StopReason.TIME_LIMIT,
            retry,
            "unknown_setup_cut",
            limit=limit,
            n=len(plan.topics),
            spent=f"{spent:.1f}",
            setup=f"{needed:.1f}",
        )
    searched = max(budget.elapsed() - setup_s, 0.0)
    retry = math.ceil(setup_s + RETRY_FACTOR * max(searched, options.time_limit_s - setup_s, T.RETRY_MIN_S))
    return _retry_answer(
        plan,
        budget,
        budget.reason(),
        retry,
        "unknown_retry",
        limit=limit,
        setup=f"{setup_s:.1f}",
        searched=f"{searched:.1f}",
    )


def _too_short(plan: Plan, options: SolveOptions, budget: Budget, predicted: float) -> Schedule:
    """The limit cannot hold the model of this plan: answer at once, with the limit a retry needs."""
    needed = predicted + (budget.limit_s - (budget.deadline - budget.started))  # plus the time kept for the check
    retry = math.ceil(RETRY_FACTOR * needed)
    return _retry_answer(
        plan,
        budget,
        StopReason.TIME_LIMIT,
        retry,
        "unknown_too_short",
        limit=f"{options.time_limit_s:g}",
        n=len(plan.topics),
        setup=f"{needed:.1f}",
    )


def _answer(
    plan: Plan,
    options: SolveOptions,
    baseline: Schedule | None,
    best: Incumbent,
    bound: int,
    status: Status,
    stopped: StopReason,
    budget: Budget,
    built: frozenset[str],
    report: CheckReport | None = None,
    bound_source: BoundSource | None = None,
) -> Schedule:
    """The schedule of ``best``, checked; a goal the model left out (``built`` lacks it) is counted by the checker.

    ``report``: the check of that schedule, if the caller has made it already.
    ``bound_source``: which proof gave ``bound`` (None when it is the objective itself, proven optimal).
    """
    assignments = [
        Assignment(topic=t.id, month=best.assignment[t.id][0], lead=best.assignment[t.id][1]) for t in plan.topics
    ]
    if report is None:
        report = best.report  # the checker's count of this very schedule, if made before
    if report is None:
        report = check(plan, Schedule(plan_year=plan.year, status=status, assignments=assignments), baseline=baseline)
    if report.hard:  # would be a bug in the model; say so loudly rather than hand it out quietly
        log.error("CP-SAT answer breaks hard rules: %s", [f.message for f in report.hard])
    counts = {g: best.counts[g] if g in built else report.counts[g] for g in GOALS}
    schedule = Schedule(
        plan_year=plan.year,
        status=status,
        assignments=assignments,
        objective=best.objective,
        bound=bound,
        bound_source=bound_source.value if bound_source is not None else None,
        objective_breakdown={
            g: {"count": counts[g], "weight": options.weights.of(g), "penalty": counts[g] * options.weights.of(g)}
            for g in GOALS
        },
        stopped_by=stopped.value,
        options=options.model_dump(),
        warnings=report.warnings,
    )
    schedule.solve_seconds = round(budget.elapsed(), 3)
    return schedule


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
        label = re.match(T.TOPIC_LABEL_RE, a)
        if label and label.group(0) in b:
            b = b.replace(label.group(0), T.MSG["same_topic"], 1)
        return T.say("conflict_pair", a=a, b=b)
    if len(messages) == 1:
        return messages[0]
    return T.MSG["conflict_intro"] + ";".join(messages)
