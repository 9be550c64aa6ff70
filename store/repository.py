"""Rows ↔ :mod:`solver.plan` objects. Repositories take a session and never commit.

The caller owns the transaction (``with Session(engine) as s, s.begin():``, see
:mod:`store.db`); everything written by one API call commits or rolls back as
one. Nothing here returns an ORM object: the solver and the pages only ever see
:class:`~solver.plan.Plan`, :class:`~solver.plan.Schedule` and the small frozen
records defined below.

How a plan is stored and read back losslessly
    The plan is first turned into its JSON form (``plan.to_dict()``); for each
    row the known fields go to typed columns and everything else to the row's
    ``extra`` JSON column; list order is kept by ``position``. Reading builds
    the same JSON form and validates it with the pydantic model, so
    ``load(save(p)).to_dict() == p.to_dict()``, unknown fields included.

How a plan is saved
    A save replaces the plan's rows wholesale: delete the children, bulk-insert
    the new ones (one multi-row INSERT per table, not a round trip per row).
    Diffing would save a few writes but costs a read of everything and is easy
    to get subtly wrong; 1000 topics replace in well under a second (see
    ``bench/results/store.md``). The version check (:meth:`PlanRepository.bump_version`)
    comes first, so a stale save is refused before anything is touched.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from solver.plan import Plan, Schedule

from . import json_codec
from . import mapping as M
from . import texts as T
from .errors import DuplicateError, LockedError, NotFoundError, StaleEditError, StoreError
from .models import (
    EDITABLE_STATES,
    LINK_TABLES,
    AssignmentRow,
    PlanApprovalRow,
    PlanRow,
    ScheduleRow,
    TopicRow,
)

log = logging.getLogger(__name__)

_plan = PlanRow.__table__
_schedule = ScheduleRow.__table__
_assignment = AssignmentRow.__table__


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(dt: datetime | None) -> datetime | None:
    """SQLite gives stored times back without zone; they were written in UTC."""
    if dt is not None and dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt


def refuse_if_locked(session: Session, plan_id: int) -> None:
    """Raise :class:`LockedError` when the plan's approval state freezes it (issue 12).

    Called by every write that changes a plan's content or its current
    schedule (:meth:`PlanRepository.bump_version`, :meth:`ScheduleRepository.set_current`),
    so no path around the services can change a plan under review or issued.
    """
    state = session.execute(select(PlanApprovalRow.state).where(PlanApprovalRow.plan_id == plan_id)).scalar()
    if state is not None and state not in EDITABLE_STATES:
        label = PlanRepository(session).version_of(plan_id).label
        raise LockedError(T.plan_locked(label, state))


def _insert_rows(session: Session, model: type, rows: Sequence[dict[str, Any]]) -> None:
    """One multi-row INSERT (executemany / insertmanyvalues) for a table."""
    if rows:
        session.execute(insert(model.__table__), rows)


# -- records handed to callers ---------------------------------------------------


@dataclass(frozen=True)
class PlanSummary:
    id: int
    body: str
    year: int
    topic_count: int
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str
    scenario_count: int
    has_current_schedule: bool

    @property
    def label(self) -> str:
        return T.plan_label(self.body, self.year)


@dataclass(frozen=True)
class PlanVersion:
    plan_id: int
    body: str
    year: int
    version: int
    updated_at: datetime
    updated_by: str

    @property
    def label(self) -> str:
        return T.plan_label(self.body, self.year)


@dataclass(frozen=True)
class ScenarioSummary:
    id: int
    plan_id: int
    name: str
    author: str
    note: str
    created_at: datetime
    status: str
    assignment_count: int
    plan_version: int | None


@dataclass(frozen=True)
class ScenarioRecord:
    id: int
    plan_id: int
    kind: str  # "scenario" or "current"
    name: str | None
    author: str
    note: str
    created_at: datetime
    options: dict[str, Any] | None
    plan_version: int | None
    schedule: Schedule


# -- plans -------------------------------------------------------------------------


def _check_storable(data: dict[str, Any]) -> None:
    where = json_codec.find_unstorable(data)
    if where is not None:
        raise StoreError(T.unsavable_text(where))


class PlanRepository:
    """Plans and everything in them, for one session."""

    def __init__(self, session: Session):
        self.s = session

    # reading ---------------------------------------------------------------
    def version_of(self, plan_id: int) -> PlanVersion:
        row = self.s.execute(
            select(
                _plan.c.id, _plan.c.body, _plan.c.year, _plan.c.version, _plan.c.updated_at, _plan.c.updated_by
            ).where(_plan.c.id == plan_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError(T.plan_not_found(plan_id))
        return PlanVersion(row.id, row.body, row.year, row.version, as_utc(row.updated_at), row.updated_by)

    def find(self, body: str, year: int) -> int | None:
        return self.s.execute(select(_plan.c.id).where(_plan.c.body == body, _plan.c.year == year)).scalar()

    def get(self, plan_id: int) -> tuple[Plan, int]:
        """The plan and its version."""
        p = self.s.execute(select(_plan).where(_plan.c.id == plan_id)).mappings().one_or_none()
        if p is None:
            raise NotFoundError(T.plan_not_found(plan_id))

        def rows(spec: M.EntityMap) -> Iterable[Any]:
            t = spec.table
            return self.s.execute(select(t).where(t.c.plan_id == plan_id).order_by(t.c.position)).mappings()

        links: dict[str, dict[str, list[str]]] = {}
        for field, (model, column) in LINK_TABLES.items():
            t = model.__table__
            grouped: dict[str, list[str]] = defaultdict(list)
            for topic_code, code in self.s.execute(
                select(t.c.topic_code, t.c[column]).where(t.c.plan_id == plan_id).order_by(t.c.position)
            ):
                grouped[topic_code].append(code)
            links[field] = grouped

        def entity(spec: M.EntityMap, r: Any) -> dict[str, Any]:
            nested = {field: links[field].get(r["code"], []) for field in spec.links}
            return spec.from_row(r, **nested)

        children = {name: [entity(spec, r) for r in rows(spec)] for name, spec in M.PLAN_CHILDREN.items()}
        data = M.PLAN.from_row(p, calendar=M.CALENDAR.from_row(p), **children)
        return Plan.model_validate(data), p["version"]

    def summaries(self) -> list[PlanSummary]:
        topics = dict(
            self.s.execute(
                select(TopicRow.__table__.c.plan_id, func.count()).group_by(TopicRow.__table__.c.plan_id)
            ).all()
        )
        scen = dict(
            self.s.execute(
                select(_schedule.c.plan_id, func.count())
                .where(_schedule.c.kind == "scenario")
                .group_by(_schedule.c.plan_id)
            ).all()
        )
        current = set(self.s.execute(select(_schedule.c.plan_id).where(_schedule.c.kind == "current")).scalars())
        out = []
        for r in self.s.execute(
            select(
                _plan.c.id,
                _plan.c.body,
                _plan.c.year,
                _plan.c.version,
                _plan.c.created_at,
                _plan.c.updated_at,
                _plan.c.updated_by,
            ).order_by(_plan.c.year.desc(), _plan.c.body, _plan.c.id)
        ):
            out.append(
                PlanSummary(
                    id=r.id,
                    body=r.body,
                    year=r.year,
                    topic_count=topics.get(r.id, 0),
                    version=r.version,
                    created_at=as_utc(r.created_at),
                    updated_at=as_utc(r.updated_at),
                    updated_by=r.updated_by,
                    scenario_count=scen.get(r.id, 0),
                    has_current_schedule=r.id in current,
                )
            )
        return out

    # writing ---------------------------------------------------------------
    def _refuse_duplicate(self, body: str, year: int, plan_id: int | None = None) -> None:
        other = self.find(body, year)
        if other is not None and other != plan_id:
            raise DuplicateError(T.duplicate_plan(body, year, other))

    def add(
        self,
        plan: Plan,
        *,
        author: str = "",
        version: int = 1,
        created_at: datetime | None = None,
    ) -> int:
        """Insert a new plan; returns its id."""
        data = plan.to_dict()
        _check_storable(data)
        self._refuse_duplicate(plan.body, plan.year)
        now = utcnow()
        row = self._plan_columns(data) | {
            "created_at": created_at or now,
            "updated_at": now,
            "updated_by": author,
            "version": version,
        }
        plan_id = self.s.execute(insert(_plan).values(**row).returning(_plan.c.id)).scalar_one()
        self._write_children(plan_id, data)
        return plan_id

    def bump_version(self, plan_id: int, expected: int, *, author: str = "") -> int:
        """Check the editor's version and increment it, in one statement; the new version.

        Must be the first write of a save: on PostgreSQL the UPDATE row-locks
        the plan, so a concurrent save of the same plan waits here and then
        finds the version moved on; on SQLite writers are already serialised
        by ``BEGIN IMMEDIATE``. Refused (:class:`LockedError`) while the
        plan's approval state freezes it.
        """
        refuse_if_locked(self.s, plan_id)
        result = self.s.execute(
            update(_plan)
            .where(_plan.c.id == plan_id, _plan.c.version == expected)
            .values(version=_plan.c.version + 1, updated_at=utcnow(), updated_by=author)
        )
        if result.rowcount == 1:
            return expected + 1
        cur = self.version_of(plan_id)  # raises NotFoundError when the plan is gone
        raise StaleEditError(
            T.stale_edit(
                label=cur.label, who=cur.updated_by, at=cur.updated_at, current=cur.version, expected=expected
            ),
            plan_id=plan_id,
            expected_version=expected,
            current_version=cur.version,
            updated_at=cur.updated_at,
            updated_by=cur.updated_by,
        )

    def replace(self, plan_id: int, plan: Plan) -> None:
        """Overwrite the content of an existing plan (version handled by :meth:`bump_version`)."""
        data = plan.to_dict()
        _check_storable(data)
        self._refuse_duplicate(plan.body, plan.year, plan_id)
        self.s.execute(update(_plan).where(_plan.c.id == plan_id).values(**self._plan_columns(data)))
        self._delete_children(plan_id)
        self._write_children(plan_id, data)

    def delete(self, plan_id: int) -> None:
        result = self.s.execute(delete(_plan).where(_plan.c.id == plan_id))
        if result.rowcount != 1:
            raise NotFoundError(T.plan_not_found(plan_id))

    @staticmethod
    def _plan_columns(data: dict[str, Any]) -> dict[str, Any]:
        return M.PLAN.to_row(data) | M.CALENDAR.to_row(data["calendar"])

    def _delete_children(self, plan_id: int) -> None:
        for model, _column in LINK_TABLES.values():
            self.s.execute(delete(model.__table__).where(model.__table__.c.plan_id == plan_id))
        for spec in reversed(M.PLAN_CHILDREN.values()):  # topics first: they reference the rest
            self.s.execute(delete(spec.table).where(spec.table.c.plan_id == plan_id))

    def _write_children(self, plan_id: int, data: dict[str, Any]) -> None:
        """Bulk-insert forms, committees, departments, leaders, topics, then the topics' links."""
        for name, spec in M.PLAN_CHILDREN.items():
            _insert_rows(
                self.s,
                spec.row,
                [{"plan_id": plan_id, "position": i} | spec.to_row(x) for i, x in enumerate(data[name])],
            )
        topics = data["topics"]
        for field, (model, column) in LINK_TABLES.items():
            _insert_rows(
                self.s,
                model,
                [
                    {"plan_id": plan_id, "topic_code": t["id"], "position": i, column: code}
                    for t in topics
                    for i, code in enumerate(t[field])
                ],
            )


# -- schedules ------------------------------------------------------------------------


class ScheduleRepository:
    """The current schedule and the named scenarios of plans, for one session."""

    def __init__(self, session: Session):
        self.s = session

    def add(
        self,
        plan_id: int,
        schedule: Schedule,
        *,
        kind: str,
        name: str | None = None,
        author: str = "",
        note: str = "",
        options: dict[str, Any] | None = None,
        plan_version: int | None = None,
        created_at: datetime | None = None,
    ) -> int:
        # The full dump (None values included): rebuilding from it gives back an
        # equal Schedule, whose to_dict() then drops the Nones as the format says.
        data = schedule.model_dump(mode="json")
        _check_storable(data)
        _check_storable({"name": name, "author": author, "note": note, "options": options})
        if kind == "scenario" and name is not None and self._name_taken(plan_id, name):
            raise DuplicateError(T.duplicate_scenario(name))
        row = {
            "plan_id": plan_id,
            "kind": kind,
            "name": name,
            "author": author,
            "note": note,
            "options": options,
            "plan_version": plan_version,
            "created_at": created_at or utcnow(),
        } | M.SCHEDULE.to_row(data)
        try:
            with self.s.begin_nested():
                schedule_id = self.s.execute(insert(_schedule).values(**row).returning(_schedule.c.id)).scalar_one()
        except IntegrityError as err:  # a concurrent save took the name first
            if kind == "scenario" and name is not None and self._name_taken(plan_id, name):
                raise DuplicateError(T.duplicate_scenario(name)) from err
            raise
        _insert_rows(
            self.s,
            M.ASSIGNMENT.row,
            [
                {"schedule_id": schedule_id, "position": i} | M.ASSIGNMENT.to_row(a)
                for i, a in enumerate(data["assignments"])
            ],
        )
        return schedule_id

    def _name_taken(self, plan_id: int, name: str) -> bool:
        return (
            self.s.execute(
                select(_schedule.c.id).where(_schedule.c.plan_id == plan_id, _schedule.c.name == name)
            ).first()
            is not None
        )

    def get(self, schedule_id: int) -> ScenarioRecord:
        r = self.s.execute(select(_schedule).where(_schedule.c.id == schedule_id)).mappings().one_or_none()
        if r is None:
            raise NotFoundError(T.scenario_not_found(schedule_id))
        assignments = [
            M.ASSIGNMENT.from_row(a)
            for a in self.s.execute(
                select(_assignment).where(_assignment.c.schedule_id == schedule_id).order_by(_assignment.c.position)
            ).mappings()
        ]
        schedule = Schedule.model_validate(M.SCHEDULE.from_row(r, assignments=assignments))
        return ScenarioRecord(
            id=r["id"],
            plan_id=r["plan_id"],
            kind=r["kind"],
            name=r["name"],
            author=r["author"],
            note=r["note"],
            created_at=as_utc(r["created_at"]),
            options=r["options"],
            plan_version=r["plan_version"],
            schedule=schedule,
        )

    def current_id(self, plan_id: int) -> int | None:
        return self.s.execute(
            select(_schedule.c.id).where(_schedule.c.plan_id == plan_id, _schedule.c.kind == "current")
        ).scalar()

    def set_current(
        self,
        plan_id: int,
        schedule: Schedule,
        *,
        plan_version: int | None,
        author: str = "",
        note: str = "",
        options: dict[str, Any] | None = None,
        created_at: datetime | None = None,
    ) -> int:
        """Replace the plan's current schedule; the old one's assignments go with it (cascade).

        Refused (:class:`LockedError`) while the plan's approval state freezes it.
        """
        refuse_if_locked(self.s, plan_id)
        self.s.execute(delete(_schedule).where(_schedule.c.plan_id == plan_id, _schedule.c.kind == "current"))
        return self.add(
            plan_id,
            schedule,
            kind="current",
            author=author,
            note=note,
            options=options,
            plan_version=plan_version,
            created_at=created_at,
        )

    def scenarios(self, plan_id: int) -> list[ScenarioSummary]:
        counts = (
            select(_assignment.c.schedule_id, func.count().label("n")).group_by(_assignment.c.schedule_id).subquery()
        )
        q = (
            select(
                _schedule.c.id,
                _schedule.c.plan_id,
                _schedule.c.name,
                _schedule.c.author,
                _schedule.c.note,
                _schedule.c.created_at,
                _schedule.c.status,
                _schedule.c.plan_version,
                func.coalesce(counts.c.n, 0).label("n"),
            )
            .outerjoin(counts, counts.c.schedule_id == _schedule.c.id)
            .where(_schedule.c.plan_id == plan_id, _schedule.c.kind == "scenario")
            .order_by(_schedule.c.created_at, _schedule.c.id)
        )
        return [
            ScenarioSummary(
                id=r.id,
                plan_id=r.plan_id,
                name=r.name,
                author=r.author,
                note=r.note,
                created_at=as_utc(r.created_at),
                status=r.status,
                assignment_count=r.n,
                plan_version=r.plan_version,
            )
            for r in self.s.execute(q)
        ]

    def delete(self, schedule_id: int) -> None:
        result = self.s.execute(delete(_schedule).where(_schedule.c.id == schedule_id))
        if result.rowcount != 1:
            raise NotFoundError(T.scenario_not_found(schedule_id))
