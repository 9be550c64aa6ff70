"""Why a plan has no schedule: a counting pre-check, then a small conflict set.

1. :func:`precheck` counts before any search — more standing-committee
   meetings than the months can space out, more topics than the monthly limits
   hold, an ``after`` cycle — and says so in the planner's words. The counting
   is each rule's capacity part (:mod:`solver.rules`).
2. :func:`explain_infeasible` builds the model in *explain* mode (every
   requirement guarded by an assumption literal, no objective), asks CP-SAT
   for a sufficient set of assumptions, then shrinks that set by deletion
   until removing any one requirement makes the plan solvable again. Inside
   a solve it gets what is left of the planner's limit (:func:`find_conflicts`):
   when the clock runs out, the set found so far — still one that cannot
   hold, perhaps not the smallest — is the answer, marked as not minimal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from . import rules
from .budget import OutOfTime
from .model import PlanModel
from .options import SolveOptions
from .plan import Plan
from .rules import Requirement

log = logging.getLogger(__name__)

# One oracle call (is this subset infeasible?) gets at most this many seconds
# of the explanation's budget: a hard subset then cannot eat the whole budget
# while the deletion filter has other requirements left to try.
ORACLE_CALL_MAX_S = 10.0


# -- 1. counting ---------------------------------------------------------------------


def precheck(plan: Plan, stop: Callable[[], None] | None = None) -> list[Requirement]:
    """Impossibilities that counting alone proves (each rule's capacity part); empty when none.

    ``stop`` (optional) is called before each rule and may raise to abandon the
    count (the solver's clock: 0.5–0.8 s for 1000 topics on a loaded machine).
    """
    found: list[Requirement] = []
    for rule in rules.HARD:
        if stop is not None:
            stop()
        found.extend(rule.capacity(plan))
    return found


# -- 2. conflict set -------------------------------------------------------------------


class _Oracle:
    """Answers "is this subset of requirements infeasible?" on the explain model.

    A call is started only when the clock left before ``deadline`` holds the
    quickest call made so far: CP-SAT returns no sooner than its presolve,
    whatever its limit (0.5–0.8 s for a 1000-topic plan on a loaded machine),
    so a call started later would end past the deadline.
    """

    def __init__(self, pm: PlanModel, options: SolveOptions, deadline: float, floor_s: float = 0.0) -> None:
        self.pm = pm
        self.deadline = deadline
        self.options = options
        self.calls = 0
        # wall seconds of the quickest call so far; before the first, the caller's prediction
        self.quickest = floor_s

    def infeasible(self, lits: list[cp_model.IntVar]) -> tuple[bool | None, list[int]]:
        """(True, core indices) if infeasible, (False, []) if feasible, (None, []) if time ran out."""
        remaining = self.deadline - time.perf_counter()
        if remaining <= self.quickest:
            return None, []
        began = time.perf_counter()
        self.calls += 1
        code, core = self._solve(lits, remaining)
        took = time.perf_counter() - began
        self.quickest = took if self.calls == 1 else min(self.quickest, took)  # measured beats predicted
        if code == cp_model.INFEASIBLE:
            return True, core
        if code in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return False, []
        return None, []

    def _solve(self, lits: list[cp_model.IntVar], remaining: float) -> tuple[int, list[int]]:
        """One CP-SAT call with the assumptions ``lits``: its status code and, when infeasible, its core."""
        model = self.pm.model
        model.clear_assumptions()
        model.add_assumptions(lits)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = min(remaining, ORACLE_CALL_MAX_S)
        # Cores come from the single-threaded search; keep it that way and seeded.
        solver.parameters.num_workers = 1
        solver.parameters.catch_sigint_signal = False  # Ctrl-C is the caller's, not CP-SAT's
        solver.parameters.random_seed = self.options.random_seed
        code = solver.solve(model)
        core = list(solver.sufficient_assumptions_for_infeasibility()) if code == cp_model.INFEASIBLE else []
        return code, core


@dataclass
class Conflicts:
    """What :func:`find_conflicts` found: requirements that cannot all hold, and whether the set is minimal.

    ``requirements`` empty: the clock ran out before any such set was found
    (the plan is still infeasible: the caller proved it). ``minimal`` False:
    the set cannot hold, but the clock stopped the shrinking, so a requirement
    of it may not be needed.
    """

    requirements: list[Requirement]
    minimal: bool


def explain_infeasible(plan: Plan, options: SolveOptions | None = None) -> list[Requirement]:
    """A small set of the planner's requirements that cannot all hold, within ``options.explain_time_limit_s``.

    See :func:`find_conflicts`; an empty list when none was found in time.
    """
    options = options or SolveOptions()
    return find_conflicts(plan, options, deadline=time.perf_counter() + options.explain_time_limit_s).requirements


def find_conflicts(
    plan: Plan,
    options: SolveOptions,
    *,
    deadline: float,
    stop: Callable[[], None] | None = None,
    floor_s: float = 0.0,
) -> Conflicts:
    """A small set of the planner's requirements that cannot all hold, by ``deadline`` (``time.perf_counter()``).

    Deletion filter: a requirement is dropped when the rest stays infeasible;
    after a drop the (possibly smaller) core CP-SAT reports replaces the set.
    Requirements proven necessary stay necessary in every subset, so the
    result is minimal — unless the clock ran out first: then the set found so
    far, which cannot hold either, with ``minimal=False``. ``stop`` (optional)
    is passed to the model's build and may raise
    :class:`~solver.budget.OutOfTime` there: no set then (``requirements=[]``).
    ``floor_s``: the fewest wall seconds a CP-SAT call on this model is
    predicted to take (its presolve); the first call starts only with more left.
    """
    try:
        pm = PlanModel(plan, explain=True, stop=stop)
    except OutOfTime:
        log.warning("explain: the clock ran out while the explain model was built")
        return Conflicts([], minimal=False)
    by_index = {lit.index: (lit, req) for lit, req in pm.requirements}
    oracle = _Oracle(pm, options, deadline, floor_s)

    verdict, core = oracle.infeasible([lit for lit, _ in pm.requirements])
    if verdict is not True:
        log.warning("explain: the full requirement set was not shown infeasible (verdict %s)", verdict)
        return Conflicts([], minimal=False)
    current = [i for i in core if i in by_index]
    necessary: set[int] = set()
    complete = True
    while True:
        candidates = [i for i in current if i not in necessary]
        if not candidates:
            break
        i = candidates[0]
        trial = [j for j in current if j != i]
        verdict, core = oracle.infeasible([by_index[j][0] for j in trial])
        if verdict is True:
            smaller = [j for j in trial if j in set(core)]
            current = smaller if smaller else trial
        else:
            if verdict is None:  # not shown either way in time: it stays in, unproven
                complete = False
            necessary.add(i)
    if not complete:
        log.warning("explain: time budget ran out; the conflict set may not be minimal")
    log.info("explain: %d requirements in conflict after %d solver calls", len(current), oracle.calls)
    return Conflicts([by_index[i][1] for i in current], minimal=complete)
