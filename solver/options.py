"""Solve options: the weights of the soft goals and how long/with what the solver runs.

Weights are integers (CP-SAT optimises integers). They say how many "points"
one unit of each soft goal costs; the objective is the sum. The defaults rank
what planners told us hurts most: a leader double-booked is worse than a
department double-booked, which is worse than a missed preferred month; a
re-plan that moves a topic someone already announced costs the most.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from .rules import GOALS, SOFT


class _WeightsBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def of(self, goal: str) -> int:
        """The weight of one unit of ``goal`` (a name of :data:`GOALS`)."""
        return int(getattr(self, goal))


# One integer field per soft goal of the registry, defaulting to the goal's
# own weight: a new goal gets its weight (slider, --weights) without an edit here.
# A weight above this makes CP-SAT's objective coefficients so large that its
# integer arithmetic loses the schedule's own counts (a trial with 10**20 gave
# a worse schedule still called optimal); 10 000 is 500 × the largest default.
MAX_WEIGHT = 10_000
_fields: dict[str, Any] = {
    g.name: (int, Field(g.default_weight, ge=0, le=MAX_WEIGHT, description=g.text.help)) for g in SOFT
}
Weights = create_model("Weights", __base__=_WeightsBase, __module__=__name__, **_fields)
Weights.__doc__ = "Weights of the soft goals (points per unit missed); one field per goal of solver.rules.SOFT."

__all__ = ["GOALS", "MAX_WEIGHT", "SolveOptions", "Weights"]


class SolveOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: Weights = Field(default_factory=Weights)
    # Wall-clock seconds: the answer arrives within them (solver.budget).
    time_limit_s: float = Field(10.0, gt=0)
    # The work budget inside the limit, in seconds an idle machine would take;
    # None: calibrated to the time limit. Set it (with a generous time limit)
    # for a run that must be reproducible on a busy machine too.
    work_limit_s: float | None = Field(None, gt=0)
    # Same plan + same options = same schedule on an idle machine: every CP-SAT
    # call is one worker under a work budget calibrated to the time limit, and
    # above ``lns_above_topics`` a seeded neighbourhood search (solver.lns) runs
    # ``num_workers`` neighbourhoods at a time. Switch off for CP-SAT's parallel
    # portfolio on ``num_workers`` threads against the clock only (the answer
    # can differ between runs). See README, "Time limit, cores and determinism".
    deterministic: bool = True
    # Threads the search uses; the machine's cores by default (measured to help
    # at equal wall time on big plans, bench/results/solver.md).
    num_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    lns_above_topics: int = Field(80, ge=0)
    random_seed: int = 0
    # Start a cold solve from the greedy schedule (see solver.greedy).
    greedy_hint: bool = True
    # Time budget of the infeasibility explanation (find + shrink a conflict set); inside a
    # solve, at most what is left of time_limit_s (solver.explain.find_conflicts).
    explain_time_limit_s: float = Field(20.0, gt=0)
