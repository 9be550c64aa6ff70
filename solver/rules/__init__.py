"""The registry of rules: one list, hard section then soft section.

Every part of the solver reads this list — the CP-SAT model, the checker, the
capacity pre-check, the greedy start, the explanations — and so does the UI
for its labels. A rule's name is written once, in its class.

To add a rule over existing fields (four files): write its class in the family
module it belongs to (model part, check part, greedy part side by side), its
words as one ``RuleText`` in :mod:`solver.texts`, its entry below, and its
three small tests in ``tests/solver/rules/``. ``DepartmentBackToBack`` was
added that way.
"""

from __future__ import annotations

from .assignment import Duplicate, Lead, NotInCalendar, Unassigned, UnknownTopic
from .base import Ban, HardRule, Requirement, Rule, SoftGoal
from .calendar import Blackout, FixedMonth, SessionOnly, Window
from .limits import CommitteeLimit, FormGap, FormLimit, MonthLimit
from .load import DepartmentBackToBack, DepartmentOverload, LeaderOverload, UnevenSpread
from .order import After
from .people import LeaderUnavailable
from .wishes import Moved, PreferredMonth

HARD: tuple[HardRule, ...] = (
    # assignment: enforced by the decision variables themselves
    UnknownTopic(),
    Duplicate(),
    Unassigned(),
    NotInCalendar(),
    Lead(),
    # calendar and people: bans of (topic, month) pairs
    Window(),
    Blackout(),
    FixedMonth(),
    SessionOnly(),
    LeaderUnavailable(),
    # limits and order: constraints over several topics
    MonthLimit(),
    FormLimit(),
    CommitteeLimit(),
    FormGap(),
    After(),
)

SOFT: tuple[SoftGoal, ...] = (
    DepartmentOverload(),
    LeaderOverload(),
    PreferredMonth(),
    UnevenSpread(),
    Moved(),
    DepartmentBackToBack(),
)

RULES: dict[str, Rule] = {r.name: r for r in (*HARD, *SOFT)}
GOALS: tuple[str, ...] = tuple(g.name for g in SOFT)

# Every kind of finding a schedule or an explanation can carry, with its label:
# the rules' names and the names of their capacity checks.
KIND_LABELS: dict[str, str] = {r.name: r.text.label for r in RULES.values()}
KIND_LABELS.update({r.capacity_name(): r.text.capacity_label for r in HARD if r.capacity_name()})

GOAL_LABELS: dict[str, str] = {g.name: g.text.label for g in SOFT}
GOAL_HELP: dict[str, str] = {g.name: g.text.help for g in SOFT}


def rule(name: str) -> Rule:
    """The rule or goal called ``name`` (KeyError if there is none)."""
    return RULES[name]


__all__ = [
    "GOALS",
    "GOAL_HELP",
    "GOAL_LABELS",
    "HARD",
    "KIND_LABELS",
    "RULES",
    "SOFT",
    "Ban",
    "HardRule",
    "Requirement",
    "Rule",
    "SoftGoal",
    "rule",
]
