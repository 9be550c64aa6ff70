"""The CP-SAT model: variables, then the hard rules, then the soft goals.

Decision variables
    ``x[t][m]``   topic *t* is held in month *m* (only for months not banned).
    ``lead[t][c]`` committee *c* leads topic *t* (a constant when there is one option).

The rules come from the registry (:mod:`solver.rules`); each adds its own part.
A model can be built with any subset of them (``hard=``, ``soft=``), so a rule
is tested alone. The model has two modes:

* **solve** — every hard rule is a plain constraint, banned months get no
  variable at all, and the soft goals make the objective;
* **explain** — every hard *requirement the planner wrote* (a window, a fixed
  month, a leader's absence, a limit, a gap, an order) is guarded by its own
  assumption literal and there is no objective, so CP-SAT can tell which
  requirements clash (see :mod:`solver.explain`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ortools.sat.python import cp_model

from . import rules
from .options import Weights
from .plan import Plan, Schedule, Topic
from .rules import Ban, HardRule, Requirement, SoftGoal

# The build looks at ``stop`` every this many topics while it makes their variables.
STOP_EVERY = 200


def _go_on() -> None:
    """The default ``stop``: never stops."""


class PlanModel:
    """Builds the CP-SAT model of one plan; see the module docstring."""

    def __init__(
        self,
        plan: Plan,
        *,
        explain: bool = False,
        weights: Weights | None = None,
        baseline: Schedule | None = None,
        hard: Sequence[HardRule] | None = None,
        soft: Sequence[SoftGoal] | None = None,
        stop: Callable[[], None] | None = None,
    ) -> None:
        """Build the model of ``plan`` with the registry's rules, or only ``hard`` and ``soft`` if given.

        ``stop`` (optional) is called between the rules, the goals and every
        ``STOP_EVERY`` topics' variables; it raises to abandon the build (the
        solver's :meth:`solver.budget.Budget.stop_if_late`: building a
        1000-topic model took 1–4 s on a loaded machine, with no look at the clock).
        """
        from . import cuts  # it reads this class

        self.plan = plan
        self.explain = explain
        self.weights = weights or Weights()
        self.baseline = baseline
        self.model = cp_model.CpModel()
        self.forms = plan.form_by_id()
        self.topics: list[Topic] = list(plan.topics)
        self.months: list[int] = sorted(set(plan.calendar.months))
        self.hard_rules: tuple[HardRule, ...] = tuple(rules.HARD if hard is None else hard)
        # An optional goal switched off (weight 0) costs nothing in the model;
        # its count comes from the checker instead (see ``goals_built``).
        chosen = rules.SOFT if soft is None else soft
        self.soft_goals: tuple[SoftGoal, ...] = tuple(
            g for g in chosen if not (g.optional and self.weights.of(g.name) == 0 and soft is None)
        )
        # (literal, requirement) for every guarded requirement (explain mode)
        self.requirements: list[tuple[cp_model.IntVar, Requirement]] = []
        # goal -> what its redundant cuts need from its counting (see SoftGoal.cuts)
        self.cut_inputs: dict[str, list[Any]] = {}
        # goal -> linear terms whose sum is that goal's count (every goal of the registry has a key)
        self.terms: dict[str, list[Any]] = {g: [] for g in rules.GOALS}

        self._stop = stop or _go_on
        bans = [ban for rule in self.hard_rules for ban in rule.bans(plan)]
        self._create_variables(bans)
        for rule in self.hard_rules:
            self._stop()
            rule.add(self)
        if not explain:
            for goal in self.soft_goals:
                self._stop()
                self.terms[goal.name] = list(goal.terms(self))
            self._stop()
            cuts.add_cuts(self)  # redundant: a tighter bound, the same solutions (solver/cuts.py)
            self.model.minimize(sum(self.weights.of(g) * sum(self.terms[g]) for g in rules.GOALS))

    @property
    def goals_built(self) -> frozenset[str]:
        """Names of the goals whose count this model knows (the others' come from the checker)."""
        return frozenset(g.name for g in self.soft_goals) if not self.explain else frozenset()

    # -- variables ---------------------------------------------------------------
    def _create_variables(self, bans: list[Ban]) -> None:
        banned: set[tuple[str, int]] = set()
        if not self.explain:
            for ban in bans:
                banned.update(ban.pairs)
        self.x: dict[str, dict[int, cp_model.IntVar]] = {}
        self.lead: dict[str, dict[str, Any]] = {}
        for i, t in enumerate(self.topics):
            if i % STOP_EVERY == 0:
                self._stop()
            self.x[t.id] = {
                m: self.model.new_bool_var(f"x[{t.id},{m}]") for m in self.months if (t.id, m) not in banned
            }
            self.model.add_exactly_one(self.x[t.id].values())
            if len(t.lead_options) == 1:
                self.lead[t.id] = {t.lead_options[0]: 1}
            else:
                self.lead[t.id] = {c: self.model.new_bool_var(f"lead[{t.id},{c}]") for c in t.lead_options}
                self.model.add_exactly_one(self.lead[t.id].values())
        if self.explain:
            for ban in bans:
                lit = self.guard(ban.requirement)
                for tid, m in ban.pairs:
                    var = self.x.get(tid, {}).get(m)
                    if var is not None:
                        self.model.add(var == 0).only_enforce_if(lit)
        self._month_var: dict[str, cp_model.IntVar] = {}

    def month_var(self, tid: str) -> cp_model.IntVar:
        """The month of a topic as an integer (made on first use)."""
        if tid not in self._month_var:
            dom = list(self.x[tid])
            var = self.model.new_int_var_from_domain(cp_model.Domain.from_values(dom or [0]), f"month[{tid}]")
            self.model.add(var == sum(m * v for m, v in self.x[tid].items()))
            self._month_var[tid] = var
        return self._month_var[tid]

    def leads_in_month(self, tid: str, committee: str, month: int) -> Any:
        """A literal (or 0/var) true iff ``committee`` leads ``tid`` and it is held in ``month``."""
        xv = self.x[tid].get(month)
        if xv is None:
            return 0
        lv = self.lead[tid].get(committee)
        if lv is None:
            return 0
        if isinstance(lv, int):
            return xv
        z = self.model.new_bool_var(f"leads[{tid},{committee},{month}]")
        # only an upper bound on z is ever used (limits), so x ∧ lead → z suffices
        self.model.add_bool_or([xv.Not(), lv.Not(), z])
        return z

    # -- requirements --------------------------------------------------------------
    def guard(self, req: Requirement) -> list[cp_model.IntVar]:
        """Enforcement literals for a requirement: none when solving, one when explaining."""
        if not self.explain:
            return []
        lit = self.model.new_bool_var(f"req[{len(self.requirements)}]")
        self.requirements.append((lit, req))
        return [lit]
