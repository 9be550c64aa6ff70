"""Plans: list them, open one with its current schedule, save an edited copy, create one, delete one.

Every function takes the caller's engine and the acting account
(``actor``, :mod:`services.access`), checks its permission first, runs in
the data layer's own transaction(s) and raises only
:class:`~services.errors.ServiceError`. Every write records an audit row
in the same transaction (:mod:`services.audit`).

A 部门联络员 (no ``VIEW_ALL``) sees a plan as it concerns their department:
:func:`open_plan` and :func:`current_schedule` give them only the topics
their department attends (:func:`for_actor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from solver.plan import Plan, Schedule
from store import api as store
from store import texts as store_texts
from store.repository import PlanSummary

from . import texts as T
from .access import Actor, Permission, require
from .audit import Action, entry
from .changes import describe, plan_changes
from .errors import translated

__all__ = [
    "OpenPlan",
    "PlanSummary",
    "ScheduleAge",
    "create_plan",
    "current_schedule",
    "default_plan_id",
    "delete_plan",
    "concerns",
    "for_actor",
    "import_plan_json",
    "list_plans",
    "open_plan",
    "save_plan",
    "schedule_age",
]


@dataclass(frozen=True)
class OpenPlan:
    """A plan as saved, the version to hand back when saving an edit, and its current schedule."""

    plan_id: int
    plan: Plan
    version: int
    schedule: Schedule | None


def list_plans(engine: Engine, *, actor: Actor) -> list[PlanSummary]:
    """Every plan, newest year first (id, body, year, topic count, version, ``label`` …)."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        return store.list_plans(engine)


def department_names(engine: Engine, *, actor: Actor) -> list[str]:
    """The names of every department of every stored plan, sorted (what a 部门联络员's department must match)."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        names = {d.name for p in store.list_plans(engine) for d in store.load_plan(engine, p.id)[0].departments}
    return sorted(names)


def default_plan_id(engine: Engine, *, actor: Actor) -> int | None:
    """The plan a new session opens: the newest with a current schedule, else the newest; None if none.

    (Leadership opening the app wants a year to look at, not an empty calendar.)
    """
    plans = list_plans(engine, actor=actor)
    return next((p.id for p in plans if p.has_current_schedule), plans[0].id if plans else None)


def concerns(plan: Plan, department: str | None) -> set[str]:
    """The ids of the topics the department named ``department`` attends (by name; empty for None)."""
    codes = {d.id for d in plan.departments if department is not None and d.name == department}
    return {t.id for t in plan.topics if codes & set(t.departments)}


def for_actor(actor: Actor, plan: Plan, schedule: Schedule | None) -> tuple[Plan, Schedule | None]:
    """The plan and schedule as ``actor`` may see them.

    Whole with ``VIEW_ALL``; else only the topics of the actor's department
    (their ``after`` links to hidden topics dropped; the schedule's
    assignments and findings cut to those topics).
    """
    if actor.can(Permission.VIEW_ALL):
        return plan, schedule
    keep = concerns(plan, actor.department)
    topics = [t.model_copy(update={"after": [a for a in t.after if a in keep]}) for t in plan.topics if t.id in keep]
    plan = plan.model_copy(update={"topics": topics})
    if schedule is not None:
        schedule = schedule.model_copy(
            update={
                "assignments": [a for a in schedule.assignments if a.topic in keep],
                "warnings": [w for w in schedule.warnings if set(w.topics) & keep],
                "conflicts": [c for c in schedule.conflicts if set(c.topics) & keep],
            }
        )
    return plan, schedule


def open_plan(engine: Engine, plan_id: int, *, actor: Actor) -> OpenPlan:
    """The plan, its version and its current schedule, read in one transaction (a liaison: their part)."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        plan, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    plan, schedule = for_actor(actor, plan, schedule)
    return OpenPlan(plan_id, plan, version, schedule)


def current_schedule(engine: Engine, plan_id: int, *, actor: Actor) -> Schedule | None:
    """The plan's current schedule, or None (a liaison: their department's topics)."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        if actor.can(Permission.VIEW_ALL):
            return store.current_schedule(engine, plan_id)
        plan, _, schedule = store.load_plan_with_schedule(engine, plan_id)
    return for_actor(actor, plan, schedule)[1]


def _label(plan: Plan) -> str:
    return store_texts.plan_label(plan.body, plan.year)


def save_plan(engine: Engine, plan_id: int, plan: Plan, expected_version: int, *, actor: Actor) -> OpenPlan:
    """Save an edited copy made from ``expected_version``; the plan as now stored, with its new version.

    Refused (``Reason.STALE``, nothing written) when someone saved since;
    ``Reason.INVALID`` with every problem when the copy does not hold;
    ``Reason.DENIED`` without ``EDIT_PLAN``. The audit row holds what changed
    (items added, removed, fields changed: :func:`services.changes.plan_changes`).
    """
    require(actor, Permission.EDIT_PLAN)
    with translated():
        # the plan as stored now: if it is not the expected version any more, the save is refused as stale
        old, _ = store.load_plan(engine, plan_id)
        before, after = plan_changes(old, plan)
        store.save_plan(
            engine,
            plan_id,
            plan,
            expected_version,
            author=actor.name,
            audit=entry(
                actor,
                Action.PLAN_EDIT,
                T.audit_plan_edit(_label(plan), describe(before, after)),
                target=("plan", plan_id),
                plan_id=plan_id,
                before=before,
                after=after,
            ),
        )
        saved, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    return OpenPlan(plan_id, saved, version, schedule)


def create_plan(engine: Engine, plan: Plan, *, actor: Actor, imported: bool = False) -> int:
    """Store a new plan (from an import or a draft); its id. Refuses a second plan of one body and year.

    ``imported``: recorded as an import (Excel, published text) rather than a new plan.
    """
    require(actor, Permission.EDIT_PLAN)
    how = T.HOW_IMPORTED if imported else T.HOW_CREATED
    with translated():
        return store.create_plan(
            engine,
            plan,
            author=actor.name,
            audit=entry(
                actor,
                Action.PLAN_IMPORT if imported else Action.PLAN_CREATE,
                T.audit_plan_create(_label(plan), len(plan.topics), how),
                target=("plan", None),
                after={"body": plan.body, "year": plan.year, "topics": [t.id for t in plan.topics]},
            ),
        )


def import_plan_json(
    engine: Engine, source: str | bytes | dict, *, actor: Actor, name: str = "", plan: Plan | None = None
) -> int:
    """A new plan from a consult-plan/1 document (a backup brings its schedules too); its id.

    ``name``: the file's name, for the audit row. ``plan``: the same document already validated
    (``solver.io.read_plan_data`` gives both), so it is not validated twice.
    ``Reason.INVALID`` with every problem of a bad file.
    """
    require(actor, Permission.EDIT_PLAN)
    with translated():
        return store.import_plan_json(
            engine,
            source,
            author=actor.name,
            audit=entry(actor, Action.PLAN_IMPORT, T.audit_json_import(name), target=("plan", None)),
            plan=plan,
        )


def delete_plan(engine: Engine, plan_id: int, *, actor: Actor, expected_version: int | None = None) -> None:
    """Delete a plan with its schedules and saved versions; its audit rows stay.

    ``Reason.DENIED`` without ``EDIT_PLAN``; ``Reason.STALE`` when
    ``expected_version`` is given and someone saved since.
    """
    require(actor, Permission.EDIT_PLAN)
    with translated():
        plan, version = store.load_plan(engine, plan_id)
        store.delete_plan(
            engine,
            plan_id,
            expected_version=expected_version,
            audit=entry(
                actor,
                Action.PLAN_DELETE,
                T.audit_plan_delete(_label(plan)),
                target=("plan", plan_id),
                plan_id=plan_id,
                before={"body": plan.body, "year": plan.year, "version": version, "topics": len(plan.topics)},
            ),
        )


@dataclass(frozen=True)
class ScheduleAge:
    """How the current schedule stands to the plan's last edit.

    ``plan_version`` / ``plan_updated_at`` / ``plan_updated_by``: the plan as stored now;
    ``schedule_plan_version``: the plan version the current schedule was computed from (None: not
    recorded), ``schedule_at``: when it became current (None with the version: no current schedule).
    Times are timezone-aware UTC.
    """

    plan_version: int
    plan_updated_at: datetime
    plan_updated_by: str
    schedule_plan_version: int | None
    schedule_at: datetime | None

    @property
    def outdated(self) -> bool:
        """The plan was edited after its current schedule was computed (False when there is no schedule)."""
        if self.schedule_plan_version is not None:
            return self.schedule_plan_version < self.plan_version
        return self.schedule_at is not None and self.schedule_at < self.plan_updated_at


def schedule_age(engine: Engine, plan_id: int, *, actor: Actor) -> ScheduleAge:
    """The plan's version and last edit beside the version and time of its current schedule.

    ``Reason.NOT_FOUND`` for an unknown plan.
    """
    require(actor, Permission.VIEW_PLAN)
    with translated():
        plan, version, at = store.current_schedule_basis(engine, plan_id)
    return ScheduleAge(plan.version, plan.updated_at, plan.updated_by, version, at)
