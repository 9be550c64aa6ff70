"""What a rule is: a name, its words, a CP-SAT part, a check part, a greedy part.

A **hard rule** (:class:`HardRule`) is never broken by a returned schedule;
a **soft goal** (:class:`SoftGoal`) may be missed at a cost of its weight per
unit. Each rule is one object in the registry (:mod:`solver.rules`) and reads
like one of Timefold's constraints: a sentence of the business rule, then

* its **model part** — ``bans(plan)`` for (topic, month) pairs it forbids
  (solving removes those variables; explaining guards each ban with one
  assumption literal) and/or ``add(pm)`` for constraints that tie topics
  together; a soft goal's ``terms(pm)`` returns linear expressions whose sum
  is its count;
* its **check part** — ``check(view)`` recomputes every violation of a given
  schedule from the format's definitions with plain loops. It shares no helper
  with the model part, so :mod:`solver.checker` stays an independent witness;
* its **greedy part** — ``allows``/``units`` over the loads of a partial
  schedule (:class:`solver.greedy.Board`), so the greedy start keeps and counts
  exactly what the rules say (a property test holds it to the checker);
* optionally its **repair part** — ``blockers`` names the placed topics that
  keep a topic out of a month, so a start the greedy could not complete is
  repaired by moving them (:func:`solver.greedy.complete`);
* optionally its **capacity part** — ``capacity(plan)``: impossibilities that
  counting alone proves, said in the planner's words before any search.

The words (label, sentences) live in :mod:`solver.texts` as one
:class:`~solver.texts.RuleText` per rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..texts import RuleText

if TYPE_CHECKING:  # only for annotations: the rules never import the machinery that uses them
    from ..checker import ScheduleView
    from ..greedy import Board
    from ..model import PlanModel
    from ..plan import Finding, Plan, Topic


@dataclass
class Requirement:
    """One requirement of the planner's, as a conflict explanation names it.

    ``kind`` is the name of the rule (or of its capacity check) it comes from,
    ``topics`` the topic ids it involves, ``entity`` the extra fields of the
    finding it becomes (``form``, ``committee``, ``limit`` …).
    """

    kind: str
    message: str
    topics: list[str] = field(default_factory=list)
    month: int | None = None
    entity: dict[str, Any] = field(default_factory=dict)

    def finding(self) -> dict[str, Any]:
        """The requirement as a ``conflicts`` entry of a schedule (a plain dict)."""
        out: dict[str, Any] = {"kind": self.kind, "message": self.message, "topics": list(self.topics)}
        if self.month is not None:
            out["month"] = self.month
        out.update(self.entity)
        return out


# (placed topic ids, how many of them must leave): see HardRule.blockers
Blockers = tuple[list[str], int]


@dataclass
class Ban:
    """A requirement that forbids some (topic id, month) pairs."""

    requirement: Requirement
    pairs: list[tuple[str, int]]


class Rule:
    """What hard rules and soft goals share: a name written once, and its words."""

    name: ClassVar[str]
    text: ClassVar[RuleText]
    family: ClassVar[str]

    @property
    def label(self) -> str:
        return self.text.label

    def check(self, view: ScheduleView) -> Iterable[Finding]:
        """Every violation of the rule in ``view``'s schedule (checker part)."""
        raise NotImplementedError(f"{type(self).__name__}.check")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


class HardRule(Rule):
    """A rule no returned schedule breaks."""

    #: True for the rules the decision variables themselves enforce (a topic in
    #: exactly one calendar month, led by one of its candidates): nothing to add.
    structural: ClassVar[bool] = False
    #: finding kind of the counting pre-check (``capacity_<name>`` unless overridden)
    capacity_kind: ClassVar[str | None] = None

    def bans(self, plan: Plan) -> Iterable[Ban]:
        """(topic, month) pairs the rule forbids, grouped by the requirement that forbids them."""
        return ()

    def add(self, pm: PlanModel) -> None:
        """Constraints over several topics, each guarded by ``pm.guard(requirement)``."""

    def capacity(self, plan: Plan) -> Iterable[Requirement]:
        """Impossibilities that counting proves before any search (none by default)."""
        return ()

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        """Greedy part: placing the unplaced ``topic`` in ``month`` led by ``lead`` keeps the rule."""
        return True

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        """Repair part: which placed topics keep the unplaced ``topic`` out of ``month`` led by ``lead``.

        Each :data:`Blockers` entry ``(ids, k)`` says that at least ``k`` of the
        placed topics ``ids`` must leave; ``[]`` when the move keeps the rule.
        None when the rule cannot name them (the default, for a rule whose
        ``allows`` refuses): the move is then not tried.
        """
        return [] if self.allows(board, topic, month, lead) else None

    @classmethod
    def capacity_name(cls) -> str | None:
        """The finding kind of this rule's capacity check, if it has one."""
        if cls.capacity is HardRule.capacity:
            return None
        return cls.capacity_kind or f"capacity_{cls.name}"


class SoftGoal(Rule):
    """A goal a schedule may miss; each unit missed costs the goal's weight."""

    #: weight per unit by default (solver.options.Weights is built from these)
    default_weight: ClassVar[int]
    #: an optional goal with weight 0 is left out of the CP-SAT model (it costs
    #: nothing there); its count still comes from the checker
    optional: ClassVar[bool] = False

    def terms(self, pm: PlanModel) -> list[Any]:
        """Linear expressions whose sum is the number of units missed (model part)."""
        raise NotImplementedError(f"{type(self).__name__}.terms")

    def cuts(self, pm: PlanModel) -> int:
        """Redundant constraints that tighten CP-SAT's bound, changing no solution; how many (none by default).

        They read what :meth:`terms` left in ``pm.cut_inputs[self.name]``;
        :func:`solver.cuts.add_cuts` calls them once all goals are counted.
        """
        return 0

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        """Greedy part: units the unplaced ``topic`` adds by going to ``month`` with ``lead``."""
        raise NotImplementedError(f"{type(self).__name__}.units")

    def check(self, view: ScheduleView) -> Iterable[tuple[int, Finding]]:  # type: ignore[override]
        """(units, finding) for every miss in ``view``'s schedule (checker part)."""
        raise NotImplementedError(f"{type(self).__name__}.check")
