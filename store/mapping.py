"""Which field of the plan model goes to which column: one table per entity, read and written from it.

Each entity of :mod:`solver.plan` (calendar, form, committee, department,
leader, topic, schedule, assignment, and the plan's own top level) has one
:class:`EntityMap`. It lists, for every field of the pydantic model, where the
field lives:

* ``columns`` — typed columns of the entity's row (:class:`ColumnMap`: one
  field ↔ one or more columns, e.g. a topic's ``window`` ↔
  ``window_start``/``window_end``);
* ``links`` — lists of codes kept in a link table (a topic's
  ``lead_options``, ``departments`` …, see :data:`store.models.LINK_TABLES`);
* ``children`` — lists of entities with a table and a map of their own
  (a plan's ``topics``, a schedule's ``assignments``), or a nested entity
  kept on the same row (the plan's ``calendar``);
* ``in_extra`` — fields deliberately kept in the row's ``extra`` JSON column
  (the schedule's optional solver figures: read whole, never queried).

Writing (:meth:`EntityMap.to_row`) and reading (:meth:`EntityMap.from_row`)
both walk the same table, so a field cannot be written under one name and read
under another. Everything a map does not name goes to ``extra`` and comes back
from it: a field added to a model class and forgotten here still round-trips,
and ``tests/store/test_store_mapping.py`` fails until the map says where it
belongs (:func:`unmapped_fields`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from solver.plan import (
    Assignment,
    Calendar,
    Committee,
    Department,
    Form,
    Leader,
    Plan,
    Schedule,
    Topic,
)

from .models import (
    LINK_TABLES,
    AssignmentRow,
    CommitteeRow,
    DepartmentRow,
    FormRow,
    LeaderRow,
    PlanRow,
    ScheduleRow,
    TopicRow,
)


def _one(value: Any) -> tuple[Any, ...]:
    return (value,)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class ColumnMap:
    """One model field ↔ one or more columns.

    ``write(value) -> tuple`` gives the column values in the order of
    ``columns``; ``read(*column_values)`` gives the field value back (in its
    JSON form: lists, not tuples; pydantic validates it afterwards).
    """

    field: str
    columns: tuple[str, ...]
    write: Callable[[Any], tuple[Any, ...]] = _one
    read: Callable[..., Any] = _same


def col(name: str, column: str | None = None) -> ColumnMap:
    """A field stored as is in one column (named like the field unless ``column`` says otherwise)."""
    return ColumnMap(name, (column or name,))


def _window_write(window: Any) -> tuple[Any, Any]:
    return (None, None) if window is None else (window[0], window[1])


def _window_read(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None else [start, end]


@dataclass(frozen=True)
class EntityMap:
    """Where every field of ``model`` is stored (see the module docstring)."""

    model: type[BaseModel]
    row: type  # the ORM class of the entity's table
    columns: tuple[ColumnMap, ...]
    links: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    in_extra: frozenset[str] = frozenset()
    extra_column: str = "extra"
    # derived once: fields held outside ``extra``; the one-column-as-is maps as
    # (field, column) pairs, read without a call per value (1000 rows per schedule)
    _known: frozenset[str] = field(init=False, repr=False, compare=False)
    _plain: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)
    _converted: tuple[ColumnMap, ...] = field(init=False, repr=False, compare=False)
    _nested: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        known = {c.field for c in self.columns} | set(self.links) | set(self.children)
        object.__setattr__(self, "_known", frozenset(known))
        plain = [c for c in self.columns if c.read is _same and c.write is _one and len(c.columns) == 1]
        object.__setattr__(self, "_plain", tuple((c.field, c.columns[0]) for c in plain))
        object.__setattr__(self, "_converted", tuple(c for c in self.columns if c not in plain))
        object.__setattr__(self, "_nested", (*self.links, *self.children))

    @property
    def table(self) -> Any:
        return self.row.__table__

    @property
    def mapped(self) -> frozenset[str]:
        """Every field this map names (columns, links, children, in_extra)."""
        return self._known | self.in_extra

    def extra_of(self, data: Mapping[str, Any]) -> dict[str, Any] | None:
        """The part of ``data`` no column holds: unknown fields and ``in_extra`` ones (None if empty)."""
        extra = {k: v for k, v in data.items() if k not in self._known}
        return extra or None

    def to_row(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Column values of one entity in its JSON form (``model_dump(mode="json")``), ``extra`` included.

        Links and children are not written here (they are rows of other tables).
        """
        row = {column: data[name] for name, column in self._plain}
        for c in self._converted:
            row.update(zip(c.columns, c.write(data[c.field]), strict=True))
        row[self.extra_column] = self.extra_of(data)
        return row

    def from_row(self, row: Mapping[str, Any], **nested: Any) -> dict[str, Any]:
        """The entity's JSON form from its row; ``nested`` gives the links and children, by field.

        The known fields come first, then ``extra`` in its stored order: the
        model dumps its own fields in declaration order, then the unknown ones
        in the order they arrive, so a plan read back dumps the same keys in
        the same order.
        """
        data = {name: row[column] for name, column in self._plain}
        for c in self._converted:
            data[c.field] = c.read(*[row[name] for name in c.columns])
        for name in self._nested:
            data[name] = nested[name]
        extra = row[self.extra_column]
        if extra:
            data.update(extra)
        return data


def unmapped_fields(spec: EntityMap, model: type[BaseModel] | None = None) -> set[str]:
    """Fields of ``model`` (default: the map's own) that the map does not name."""
    return set((model or spec.model).model_fields) - spec.mapped


# The field order of each map follows the model's, so a plan read back keeps
# the key order of a freshly validated one (the round-trip tests compare JSON text).

PLAN = EntityMap(
    Plan,
    PlanRow,
    (col("format"), col("body"), col("year")),
    children=("calendar", "forms", "committees", "departments", "leaders", "topics"),
)

CALENDAR = EntityMap(
    Calendar,
    PlanRow,  # the calendar lives on the plan's own row
    (col("months"), col("blackout_months"), col("session_month"), col("max_topics_per_month")),
    extra_column="calendar_extra",
)

FORM = EntityMap(
    Form,
    FormRow,
    (col("id", "code"), col("name"), col("session_only"), col("max_per_month"), col("min_gap_months")),
)

COMMITTEE = EntityMap(
    Committee,
    CommitteeRow,
    (col("id", "code"), col("name"), col("max_per_month")),
)

DEPARTMENT = EntityMap(
    Department,
    DepartmentRow,
    (col("id", "code"), col("name"), col("max_per_month")),
)

LEADER = EntityMap(
    Leader,
    LeaderRow,
    (col("id", "code"), col("name"), col("role"), col("unavailable_months"), col("max_per_month")),
)

TOPIC = EntityMap(
    Topic,
    TopicRow,
    (
        col("id", "code"),
        col("title"),
        col("form", "form_code"),
        ColumnMap("window", ("window_start", "window_end"), _window_write, _window_read),
        col("preferred_months"),
        col("fixed_month"),
        col("notes"),
    ),
    links=tuple(LINK_TABLES),
)

SCHEDULE = EntityMap(
    Schedule,
    ScheduleRow,
    (col("format"), col("plan_year"), col("status"), col("warnings"), col("conflicts")),
    children=("assignments",),
    # The solver's optional figures: written and read whole, never queried, so
    # a column each would only add migrations.
    in_extra=frozenset(
        {
            "explanation",
            "conflict_source",
            "objective",
            "bound",
            "bound_source",
            "objective_breakdown",
            "solve_seconds",
            "options",
        }
    ),
)

ASSIGNMENT = EntityMap(
    Assignment,
    AssignmentRow,
    (col("topic", "topic_code"), col("month"), col("lead", "lead_code")),
)

# The plan's lists of entities, in the order they are written (forms before the
# topics that reference them).
PLAN_CHILDREN: dict[str, EntityMap] = {
    "forms": FORM,
    "committees": COMMITTEE,
    "departments": DEPARTMENT,
    "leaders": LEADER,
    "topics": TOPIC,
}

ALL: tuple[EntityMap, ...] = (PLAN, CALENDAR, FORM, COMMITTEE, DEPARTMENT, LEADER, TOPIC, SCHEDULE, ASSIGNMENT)
"""Every map; the test checks each covers its model."""
