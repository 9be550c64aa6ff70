"""The plan model: a validated `consult-plan/1` document and a `consult-schedule/1` answer.

Plain pydantic models that know nothing of the solver or the database. Unknown
fields are kept (``extra="allow"``) so a file written by another tool comes back
out with nothing lost. Cross-reference checks (unknown ids, months out of range,
backwards windows …) live in :mod:`solver.validate`, which reports every error of
a file at once, in Chinese.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

PLAN_FORMAT = "consult-plan/1"
SCHEDULE_FORMAT = "consult-schedule/1"
ALL_MONTHS = list(range(1, 13))


def _whole_number(value: Any) -> Any:
    # The exchange format's integers are JSON numbers. Pydantic's lax mode
    # would read ``true`` as 1 (January) and the text "5" or "5.0" as 5: a file
    # whose numbers are text was written by something that may have got other
    # things wrong too, so it is refused, the same in every entry (files, the
    # store, the Excel and text imports all build a plan through this model).
    # A JSON number with a zero fraction (5.0) is the number 5 and is read as 5;
    # 5.5 is refused by pydantic itself.
    if isinstance(value, bool):
        raise PydanticCustomError("int_not_bool", "a number is required, not true/false")
    if isinstance(value, str):
        raise PydanticCustomError("int_not_text", "a number is required, not text")
    return value


# An integer field that refuses true/false and text (months, limits, the year).
Int = Annotated[int, BeforeValidator(_whole_number)]


class _Item(BaseModel):
    # Keep fields we do not know (other tools may add their own), and let the
    # caller mutate copies freely (what-if edits are made on model copies).
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Calendar(_Item):
    months: list[Int] = Field(default_factory=lambda: list(ALL_MONTHS))
    blackout_months: list[Int] = Field(default_factory=list)
    session_month: Int | None = None
    max_topics_per_month: Int | None = None


class Form(_Item):
    id: str
    name: str
    session_only: bool = False
    max_per_month: Int | None = None
    min_gap_months: Int = 0


class Committee(_Item):
    id: str
    name: str
    max_per_month: Int | None = None


class Department(_Item):
    id: str
    name: str
    max_per_month: Int = 1


class Leader(_Item):
    id: str
    name: str
    role: str = ""
    unavailable_months: list[Int] = Field(default_factory=list)
    max_per_month: Int = 1


class Topic(_Item):
    id: str
    title: str
    form: str
    lead_options: list[str]
    co_organizers: list[str] = Field(default_factory=list)
    departments: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)
    window: tuple[Int, Int] | None = None
    preferred_months: list[Int] = Field(default_factory=list)
    fixed_month: Int | None = None
    after: list[str] = Field(default_factory=list)
    notes: str = ""


class Plan(_Item):
    format: str = PLAN_FORMAT
    body: str = ""
    year: Int
    calendar: Calendar = Field(default_factory=Calendar)
    forms: list[Form] = Field(default_factory=list)
    committees: list[Committee] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)
    leaders: list[Leader] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)

    # -- look-ups used everywhere (cheap dict builds; plans are small) --------
    def form_by_id(self) -> dict[str, Form]:
        return {f.id: f for f in self.forms}

    def committee_by_id(self) -> dict[str, Committee]:
        return {c.id: c for c in self.committees}

    def department_by_id(self) -> dict[str, Department]:
        return {d.id: d for d in self.departments}

    def leader_by_id(self) -> dict[str, Leader]:
        return {x.id: x for x in self.leaders}

    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    def usable_months(self) -> list[int]:
        """Calendar months that are not blacked out, in order."""
        black = set(self.calendar.blackout_months)
        return sorted(m for m in set(self.calendar.months) if m not in black)

    def window_of(self, topic: Topic) -> tuple[int, int]:
        """The topic's window, defaulting to the whole calendar."""
        if topic.window is not None:
            return topic.window
        months = self.calendar.months or ALL_MONTHS
        return (min(months), max(months))

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


class Status(StrEnum):
    """How a solve ended; the values are the format's ``status`` strings."""

    OPTIMAL = "optimal"  # proven best for the weights
    FEASIBLE = "feasible"  # keeps every hard rule, not proven best
    INFEASIBLE = "infeasible"  # no schedule keeps every hard rule (``conflicts`` say why)
    UNKNOWN = "unknown"  # the time ran out before any schedule was found

    @property
    def has_schedule(self) -> bool:
        """True when the answer carries a schedule that keeps every hard rule."""
        return self in (Status.OPTIMAL, Status.FEASIBLE)


class BoundSource(StrEnum):
    """Which proof gave a schedule's ``bound``; the answer's optional ``bound_source`` field."""

    FULL_MODEL = "full_model"  # CP-SAT's bound on the whole plan
    BODIES = "bodies"  # each body alone, the coupling dropped, summed (solver.bound)


class Assignment(_Item):
    topic: str
    month: Int
    lead: str


class Finding(_Item):
    """A warning (soft goal missed) or a conflict (hard rule that cannot hold).

    Besides ``kind`` and ``message`` it carries the entities involved, e.g.
    ``department``, ``leader``, ``committee``, ``form``, ``load``, ``limit``.
    """

    kind: str
    message: str
    month: Int | None = None
    topics: list[str] = Field(default_factory=list)


class Schedule(_Item):
    format: str = SCHEDULE_FORMAT
    plan_year: Int
    status: Status
    assignments: list[Assignment] = Field(default_factory=list)
    warnings: list[Finding] = Field(default_factory=list)
    conflicts: list[Finding] = Field(default_factory=list)
    # -- our optional fields (README, "Exchange format: our additions") ----------
    explanation: str | None = None  # one sentence on why there is no schedule
    conflict_source: str | None = None  # "precheck" (counting) or "cp-sat" (assumptions)
    objective: Int | None = None
    bound: Int | None = None  # proven lower bound of the objective
    bound_source: str | None = None  # a BoundSource value: which proof gave ``bound``
    objective_breakdown: dict[str, dict[str, int]] | None = None
    solve_seconds: float | None = None
    options: dict[str, Any] | None = None  # the SolveOptions used

    @property
    def has_schedule(self) -> bool:
        """True when this answer is a schedule that keeps every hard rule (optimal or feasible)."""
        return Status(self.status).has_schedule

    def month_of(self) -> dict[str, int]:
        return {a.topic: a.month for a in self.assignments}

    def lead_of(self) -> dict[str, str]:
        return {a.topic: a.lead for a in self.assignments}

    def to_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        if self.status != Status.INFEASIBLE and not self.conflicts:
            data.pop("conflicts", None)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def read_json(path: str | Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))
