"""The CP-SAT model: variables, then the hard rules, then the soft goals.

Decision variables
    ``x[t][m]``   topic *t* is held in month *m* (only for months not banned).
    ``lead[t][c]`` committee *c* leads topic *t* (a constant when there is one option).

The rules live in :mod:`solver.hard_rules` and :mod:`solver.soft_goals`, one
small function each. The model has two modes:

* **solve** — every hard rule is a plain constraint, banned months get no
  variable at all, and the soft goals make the objective;
* **explain** — every hard *requirement the planner wrote* (a window, a fixed
  month, a leader's absence, a limit, a gap, an order) is guarded by its own
  assumption literal and there is no objective, so CP-SAT can tell which
  requirements clash (see :mod:`solver.explain`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from .options import GOALS, Weights
from .plan import Plan, Schedule, Topic


@dataclass
class Requirement:
    """One requirement of the planner's, as a conflict explanation names it."""

    kind: str
    message: str
    topics: list[str] = field(default_factory=list)
    month: int | None = None
    entity: dict[str, Any] = field(default_factory=dict)

    def finding(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "message": self.message, "topics": list(self.topics)}
        if self.month is not None:
            out["month"] = self.month
        out.update(self.entity)
        return out


@dataclass
class Ban:
    """A requirement that forbids some (topic, month) pairs."""

    requirement: Requirement
    pairs: list[tuple[str, int]]


class PlanModel:
    """Builds the CP-SAT model of one plan; see the module docstring."""

    def __init__(
        self,
        plan: Plan,
        *,
        explain: bool = False,
        weights: Weights | None = None,
        baseline: Schedule | None = None,
    ) -> None:
        from . import cuts, hard_rules, soft_goals  # the rule modules use this class

        self.plan = plan
        self.explain = explain
        self.weights = weights or Weights()
        self.baseline = baseline
        self.model = cp_model.CpModel()
        self.forms = plan.form_by_id()
        self.topics: list[Topic] = list(plan.topics)
        self.months: list[int] = sorted(set(plan.calendar.months))
        # (literal, requirement) for every guarded requirement (explain mode)
        self.requirements: list[tuple[cp_model.IntVar, Requirement]] = []
        # goal -> linear terms whose sum is that goal's count
        self.terms: dict[str, list[Any]] = {g: [] for g in GOALS}

        bans = hard_rules.collect_bans(plan)
        self._create_variables(bans)
        hard_rules.add_all(self)
        if not explain:
            soft_goals.add_all(self)
            cuts.add_cuts(self)  # redundant: a tighter bound, the same solutions (solver/cuts.py)
            self.model.minimize(sum(self.weights.of(g) * sum(self.terms[g]) for g in GOALS))

    # -- variables ---------------------------------------------------------------
    def _create_variables(self, bans: list[Ban]) -> None:
        banned: set[tuple[str, int]] = set()
        if not self.explain:
            for ban in bans:
                banned.update(ban.pairs)
        self.x: dict[str, dict[int, cp_model.IntVar]] = {}
        self.lead: dict[str, dict[str, Any]] = {}
        for t in self.topics:
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
