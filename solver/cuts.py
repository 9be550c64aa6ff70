"""Redundant linear cuts that tighten CP-SAT's lower bound (issue 9, item 4).

The soft goals count an overload as ``over = max(0, load - limit)`` and the
uneven spread as ``excess = max(0, peak - target)``. CP-SAT keeps such
``max`` equalities out of its LP relaxation at the default linearization
level, so the relaxation lets every overload be zero and the proven bound
stays far below the schedules found. Adding the one-sided linear halves
(``over >= load - limit``, ``excess >= load_m - target``) changes no
solution — the equalities already imply them — but the LP then counts the
overloads each department and leader must carry, month by month, and the
load above an even spread. Measured with one worker and one work unit: the
bound of the 200-topic sample rose from 464 to 500, that of a 200-topic
province plan from 168 to 188 (bench/results/solver.md).

The spread goal adds integer-rounded counting cuts besides (a run of months
that the forced topics must share holds at least their average in some month;
and its rounding with the topics that wish for months of that run): on the
50-topic plan that was slowest to prove (data/synthetic-50) the work to prove
halves. Each cut's proof that no schedule is lost is in its docstring
(``solver.rules.load._spread_counting_cuts``); tests/solver/test_cuts.py
checks the cuts on random feasible schedules of small plans.

Each goal writes its own cuts beside its counting (``SoftGoal.cuts`` in
:mod:`solver.rules`); this module adds them all in one place of the model, so
that :func:`without_cuts` can strip them again from a copy.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from .model import PlanModel


def add_cuts(pm: PlanModel) -> int:
    """Add every built goal's redundant cuts to ``pm.model`` (solve mode only); the number added.

    Remembers where they are (``pm.cut_span``) so that :func:`without_cuts` can
    drop them again from a copy.
    """
    first = len(pm.model.proto.constraints)
    pm.cut_span = (first, first)
    if pm.explain:
        return 0
    added = sum(goal.cuts(pm) for goal in pm.soft_goals)
    pm.cut_span = (first, len(pm.model.proto.constraints))
    return added


def without_cuts(pm: PlanModel) -> cp_model.CpModel:
    """A copy of ``pm.model`` without the cuts: they only slow a search that needs no bound.

    A neighbourhood sub-solve or a repair with most topics fixed gains nothing
    from them; measured, a 1000-topic repair took 4.2 s with them and 0.4 s
    without. The stripped model is made once per ``pm`` and copied per call
    (the cuts become empty constraints: the proto has no deletion).
    """
    base = getattr(pm, "_without_cuts", None)
    if base is None:
        base = pm.model.clone()
        first, end = getattr(pm, "cut_span", (0, 0))
        for i in range(first, end):
            base.proto.constraints[i].clear_linear()
        pm._without_cuts = base
    return base.clone()
