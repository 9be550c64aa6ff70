"""A lower bound from the plan's bodies, each solved alone with the coupling dropped (issue 9).

A province plan is a province 政协 and its city 政协s: bodies that share no
department, leader, committee, limited form or order link
(:func:`solver.lns.find_bodies`). The only things that tie them are the calendar's
monthly cap (a hard rule) and the uneven-spread goal (the peak month over its
even share, counted over the whole plan). On a 1000-topic plan CP-SAT's bound
on the full model stays far below the schedules found (30 % gap at 10 s);
each body alone is small enough to prove or nearly prove.

**The bound.** For each body ``b`` let ``P_b`` be the plan restricted to its
topics, with every hard rule but the monthly cap and every soft goal but the
spread, and ``L_b`` CP-SAT's proven bound on ``P_b``'s optimum (its optimum
when proven). Let ``floor`` be :func:`spread_floor` and ``w`` the spread's
weight. Then ``B = sum_b L_b + w * floor`` is at most the objective of every
schedule that keeps the hard rules of the whole plan.

*Proof.* Take any such schedule ``x``; write ``x_b`` for its months and leads
of body ``b``'s topics.

1. ``x_b`` is a schedule of ``P_b``: each hard rule of ``P_b`` is a rule of
   the whole plan over topics of ``b`` only. Bans (window, blackout, pinned
   month, session, a leader away) are per topic. A form's monthly limit or
   gap, a committee's monthly limit (lead or co-organiser) and an ``after``
   link bind topics that :func:`solver.lns.find_bodies` puts in one body, so
   each such constraint of the whole plan is either wholly inside ``b`` (and
   the same constraint in ``P_b``) or has no topic in ``b``. The monthly cap
   is the only rule left out: dropping a constraint only adds schedules.
2. The objective splits: ``obj(x) = sum_b obj_b(x_b) + w * excess(x)``.
   A department's or a leader's overload in a month counts the topics naming
   that department or leader — all in one body (they are linked by it), so
   the count in the whole plan is the count in ``P_b``. A missed preferred
   month, a moved topic (re-plan) are per topic. A department's back-to-back
   months are per department, so per body. The spread is the one plan-wide
   term, and every term is ``>= 0``.
3. ``obj_b(x_b) >= OPT_b >= L_b`` by 1. (``x_b`` is feasible for ``P_b``)
   and since ``L_b`` is a proven bound; ``excess(x) >= floor`` by
   :func:`spread_floor`. Summing gives ``obj(x) >= B``.  ∎

A body that got no search time counts ``L_b = 0`` (every term is ``>= 0``).
The rule lists :data:`PER_BODY` and :data:`DROPPED` name what the proof covers;
a rule or goal in neither makes :func:`solve_bodies` give no bound at all, so
a new rule coupling the bodies cannot make the bound wrong quietly.

**The schedule.** The bodies' own best schedules, put side by side, are a
schedule of the whole plan whenever they keep the monthly cap; its objective
is ``sum_b obj_b + w * excess``. At 60 s on the 1000-topic plans the province
body solved whole by CP-SAT beats the neighbourhood search on it, so
:func:`solver.solving.solve` puts the bodies' schedules into its answer where
the checker finds them cheaper (bench/results/solver.md).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .budget import SUB_SOLVE_RATE, Budget, OutOfTime
from .lns import Assignment, read_solution, round_charge
from .model import PlanModel
from .options import SolveOptions
from .plan import Plan
from .rules.assignment import Duplicate, Lead, NotInCalendar, Unassigned, UnknownTopic
from .rules.calendar import Blackout, FixedMonth, SessionOnly, Window
from .rules.limits import CommitteeLimit, FormGap, FormLimit, MonthLimit
from .rules.load import DepartmentBackToBack, DepartmentOverload, LeaderOverload, UnevenSpread, spread_target
from .rules.order import After
from .rules.people import LeaderUnavailable
from .rules.wishes import Moved, PreferredMonth

log = logging.getLogger(__name__)

# What the proof in the module docstring covers. A rule staying inside a body:
PER_BODY = frozenset(
    rule.name
    for rule in (
        UnknownTopic,
        Duplicate,
        Unassigned,
        NotInCalendar,
        Lead,
        Window,
        Blackout,
        FixedMonth,
        SessionOnly,
        LeaderUnavailable,
        FormLimit,
        CommitteeLimit,
        FormGap,
        After,
        DepartmentOverload,
        LeaderOverload,
        PreferredMonth,
        Moved,
        DepartmentBackToBack,
    )
)
# ... and those the bodies' models leave out (the cap) or replace by a floor (the spread).
DROPPED = frozenset({MonthLimit.name, UnevenSpread.name})
# The share of the bodies' work their first pass gives every body (see :func:`solve_bodies`).
FIRST_PASS = 0.3
# CP-SAT work units below which a body is not solved at all (too little to find anything)
MIN_UNITS = 0.02
# CP-SAT on one body returns no sooner than this share of the wall seconds its
# model took to build, whatever its limit (measured 2026-12-02, load 7–11:
# 0.04–0.10 s for a 207-topic body built in 0.7 s, 0.03–0.05 s for 24 topics in 0.2 s).
BODY_FLOOR_SHARE = 0.3
# Subsets of months enumerated by :func:`spread_floor` (2^12 for a calendar year).
MAX_FLOOR_MONTHS = 16


def body_plan(plan: Plan, tids: Sequence[str]) -> Plan:
    """The plan restricted to the topics ``tids`` (and the people, committees and forms they name)."""
    wanted = set(tids)
    topics = [t for t in plan.topics if t.id in wanted]
    depts = {d for t in topics for d in t.departments}
    leaders = {x for t in topics for x in t.leaders}
    comms = {c for t in topics for c in (*t.lead_options, *t.co_organizers)}
    forms = {t.form for t in topics}
    return plan.model_copy(
        update={
            "topics": topics,
            "departments": [d for d in plan.departments if d.id in depts],
            "leaders": [x for x in plan.leaders if x.id in leaders],
            "committees": [c for c in plan.committees if c.id in comms],
            "forms": [f for f in plan.forms if f.id in forms],
        }
    )


def spread_floor(pm: PlanModel) -> int:
    """A lower bound on the spread's excess (units, ``>= 0``) that every schedule of ``pm`` reaches.

    Proof: for any set ``S`` of months, the ``c(S)`` counted topics whose
    allowed months (``pm.x``) all lie in ``S`` sit in ``S`` in every schedule,
    so some month of ``S`` holds at least ``ceil(c(S) / |S|)`` of them and the
    peak is at least that. The floor is the largest such count over all ``S``,
    less the target (Hall's condition: it is the least peak when each topic
    may take any allowed month, everything else dropped). 0 when the calendar
    has more than ``MAX_FLOOR_MONTHS`` months.
    """
    tids, target = spread_target(pm.plan)
    months = sorted({m for tid in tids for m in pm.x[tid]})
    if not tids or not months or target == 0 or len(months) > MAX_FLOOR_MONTHS:
        return 0  # (target 0: no window reaches a usable month, the goal counts nothing)
    bit = {m: 1 << i for i, m in enumerate(months)}
    count = [0] * (1 << len(months))
    for tid in tids:
        count[sum(bit[m] for m in pm.x[tid])] += 1
    for i in range(len(months)):  # c(S) = topics whose mask is a subset of S (sum over subsets)
        for s in range(len(count)):
            if s >> i & 1:
                count[s] += count[s ^ (1 << i)]
    peak = max(-(-count[s] // s.bit_count()) for s in range(1, len(count)))
    return max(0, peak - target)


@dataclass
class BodyResult:
    """One body solved alone: its topics, proven bound, best objective and schedule (if any)."""

    tids: list[str]
    bound: int = 0
    objective: int | None = None
    assignment: Assignment = field(default_factory=dict)
    proven: bool = False
    work: float = 0.0  # CP-SAT's deterministic time


@dataclass
class Decomposed:
    """What the bodies gave: the bound ``B`` of the module docstring, and their schedules side by side."""

    bound: int
    floor: int  # the spread's floor (units) counted in ``bound``
    bodies: list[BodyResult]
    work: float = 0.0  # budget seconds the solves used

    @property
    def assignment(self) -> Assignment | None:
        """Every body's best schedule together; None when some body has none."""
        if any(not b.assignment for b in self.bodies):
            return None
        return {tid: v for b in self.bodies for tid, v in b.assignment.items()}

    @property
    def proven(self) -> int:
        return sum(b.proven for b in self.bodies)


def covered(pm: PlanModel) -> bool:
    """True when every rule and goal of ``pm`` is one the proof covers (see :data:`PER_BODY`)."""
    names = {r.name for r in pm.hard_rules} | {g.name for g in pm.soft_goals}
    return names <= PER_BODY | DROPPED


def _solve_body(
    pm: PlanModel,
    result: BodyResult,
    options: SolveOptions,
    budget: Budget,
    work: float,
    hint: Assignment,
) -> float:
    """Solve one body alone within ``work`` budget seconds, into ``result``; the budget seconds used.

    ``hint`` is only a hint: CP-SAT's ``repair_hint``, which takes a hint more
    surely, aborted CP-SAT 9.15 (``Check failed: heuristics.fixed_search``) on
    a body of 31 topics with 0.006 units; a body without a schedule of its own
    keeps the hint's (:func:`solve_bodies`).
    """
    dtime = work * SUB_SOLVE_RATE
    if dtime < MIN_UNITS or budget.wall_left() <= 0:
        return 0.0
    hard = [r for r in pm.hard_rules if r.name not in DROPPED]
    soft = [g for g in pm.soft_goals if g.name not in DROPPED]
    began = time.perf_counter()
    body = body_plan(pm.plan, result.tids)
    sub = PlanModel(body, weights=pm.weights, baseline=pm.baseline, hard=hard, soft=soft, stop=budget.stop_if_late)
    built = time.perf_counter() - began
    # The clock left is read after the build (0.2–0.7 s a body on a loaded machine), and
    # CP-SAT returns no sooner than its presolve: measured at 0.15–0.3 of the build.
    wall = budget.wall_left()
    if wall < BODY_FLOOR_SHARE * built:
        budget.wall_hit = True
        return 0.0
    for tid, (month, lead) in hint.items():
        if tid not in sub.x:
            continue
        for m, var in sub.x[tid].items():
            sub.model.add_hint(var, m == month)
        for c, var in sub.lead[tid].items():
            if not isinstance(var, int):
                sub.model.add_hint(var, c == lead)
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    s.parameters.catch_sigint_signal = False
    s.parameters.random_seed = options.random_seed
    s.parameters.max_deterministic_time = dtime
    s.parameters.max_time_in_seconds = wall
    code = s.solve(sub.model)
    result.work += s.deterministic_time
    better = result.objective is None or round(s.objective_value) < result.objective
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) and (better or code == cp_model.OPTIMAL):
        result.assignment = read_solution(sub, s)
        result.objective = round(s.objective_value)
    if code == cp_model.OPTIMAL:
        result.bound, result.proven = result.objective or 0, True
    elif code != cp_model.INFEASIBLE and math.isfinite(s.best_objective_bound):
        # the objective is an integer: a fractional bound rounds up; each pass's bound is proven
        result.bound = max(result.bound, math.ceil(s.best_objective_bound - 1e-6))
    return s.deterministic_time / SUB_SOLVE_RATE + round_charge(len(result.tids))


def solve_bodies(
    pm: PlanModel, bodies: list[list[str]], options: SolveOptions, budget: Budget, work: float, *, hint: Assignment
) -> Decomposed | None:
    """Solve every body alone (the coupling dropped), ``work`` budget seconds in all; None if not covered.

    One worker, two passes. First every body, the biggest first, with
    ``FIRST_PASS`` of the work in proportion to its topics: each gets a bound
    early (on a loaded machine the clock may end the rest). Then the bodies
    not proven, smallest first, each an even share of the work still left, so
    what a small body does not need goes to the bigger ones (the province's
    own body last). Every share is deterministic time: the same budget gives
    the same answer. ``hint``: a schedule of the whole
    plan each body starts from; a body whose solve finds nothing keeps the
    hint's part. Does not charge ``budget`` (the caller does, with
    ``Decomposed.work``: beside the neighbourhood search it must not).
    """
    if not covered(pm):
        log.info("bodies: a rule the bound does not cover, no bound from the bodies")
        return None
    results = [BodyResult(list(tids)) for tids in bodies]
    n = max(1, sum(len(r.tids) for r in results))
    used = 0.0
    # first every body, the biggest first, a share of FIRST_PASS in proportion to its topics: a
    # bound for each even when the clock runs out later (a loaded machine)
    # (each body's model is built anew: the clock is read before and during each build)
    try:
        for r in sorted(results, key=lambda r: -len(r.tids)):
            budget.stop_if_late()
            used += _solve_body(pm, r, options, budget, FIRST_PASS * work * len(r.tids) / n, hint)
        # then the rest to the bodies not proven, smallest first, from their own best
        again = sorted((r for r in results if not r.proven), key=lambda r: len(r.tids))
        for i, r in enumerate(again):
            budget.stop_if_late()
            own = {**hint, **r.assignment}
            share = (work - used) / (len(again) - i)
            used += _solve_body(pm, r, options, budget, share, own)
    except OutOfTime:  # the bodies solved so far keep their bounds; the others count 0
        log.info("bodies: the clock ran out after %.2f s", budget.elapsed())
    for r in results:  # a body without a schedule of its own keeps the hint's
        if not r.assignment:
            r.assignment = {tid: hint[tid] for tid in r.tids if tid in hint}
    floor = spread_floor(pm)
    bound = sum(r.bound for r in results) + pm.weights.of(UnevenSpread.name) * floor
    out = Decomposed(bound, floor, results, used)
    log.info(
        "bodies: %d solved alone (%d proven), bound %d (spread floor %d), %.2f s of work, after %.2f s",
        len(results),
        out.proven,
        bound,
        floor,
        used,
        budget.elapsed(),
    )
    return out
