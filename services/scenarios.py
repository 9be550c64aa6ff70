"""Saved versions of a plan's schedule (方案版本): save, list, compare, restore, delete.

Every function takes the acting account (``actor``) and checks its permission first; writes record
an audit row in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from solver.compare import ScheduleComparison
from solver.plan import Schedule
from store import api as store
from store import texts as store_texts

from . import texts as T
from .access import Actor, Permission, require
from .audit import Action, entry
from .changes import schedule_moves
from .errors import Reason, ServiceError, translated


@dataclass(frozen=True)
class Scenario:
    """One saved version, as the scenario table lists it."""

    id: int
    name: str
    author: str
    note: str
    created_at: datetime
    status: str
    topic_count: int  # assignments in it
    plan_version: int | None  # the plan version it was computed from

    @property
    def saved_at(self) -> str:
        """When it was saved, Beijing time, ``2025-03-02 10:15``."""
        return store_texts.when(self.created_at)


def _plan_label(engine: Engine, plan_id: int) -> str:
    s = store.list_plans(engine)
    return next((p.label for p in s if p.id == plan_id), str(plan_id))


def list_scenarios(engine: Engine, plan_id: int, *, actor: Actor) -> list[Scenario]:
    """The plan's saved versions, oldest first."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        rows = store.list_scenarios(engine, plan_id)
    return [
        Scenario(r.id, r.name, r.author, r.note, r.created_at, r.status, r.assignment_count, r.plan_version)
        for r in rows
    ]


def save_scenario(
    engine: Engine, plan_id: int, schedule: Schedule | None, *, name: str, actor: Actor, note: str = ""
) -> int:
    """Save ``schedule`` (normally the current one) under ``name``; its id. The name is trimmed and must be new.

    ``Reason.DENIED`` without ``EDIT_PLAN``.
    """
    require(actor, Permission.EDIT_PLAN)
    if schedule is None:
        raise ServiceError(T.NO_SCHEDULE_TO_SAVE, reason=Reason.REFUSED)
    with translated():
        label = _plan_label(engine, plan_id)
        return store.save_scenario(
            engine,
            plan_id,
            schedule,
            name=name,
            author=actor.name,
            note=note,
            options=schedule.options,
            audit=entry(
                actor,
                Action.SCENARIO_SAVE,
                T.audit_scenario(T.SCENARIO_SAVED, name.strip(), label),
                target=("scenario", None),
                plan_id=plan_id,
                after={"name": name.strip(), "note": note, "assignments": len(schedule.assignments)},
            ),
        )


def restore_scenario(engine: Engine, scenario_id: int, *, actor: Actor) -> Schedule | None:
    """Make a saved version the plan's current schedule; the schedule now current.

    Refused (``Reason.INVALID``) when the plan has changed so that it no
    longer fits; (``Reason.DENIED``) without ``ADOPT``.
    """
    require(actor, Permission.ADOPT)
    with translated():
        rec = store.load_scenario(engine, scenario_id)
        old = store.current_schedule(engine, rec.plan_id)
        before, after = schedule_moves(old, rec.schedule)
        store.restore_scenario(
            engine,
            scenario_id,
            author=actor.name,
            audit=entry(
                actor,
                Action.SCENARIO_RESTORE,
                T.audit_scenario(T.SCENARIO_RESTORED, rec.name or "", _plan_label(engine, rec.plan_id)),
                target=("scenario", scenario_id),
                plan_id=rec.plan_id,
                before={"assignments": before},
                after={"assignments": after},
            ),
        )
        return store.current_schedule(engine, rec.plan_id)


def compare_scenarios(engine: Engine, a_id: int, b_id: int, *, actor: Actor) -> ScheduleComparison:
    """Saved version ``a`` → saved version ``b`` of one plan: the topics that moved, load differences."""
    require(actor, Permission.VIEW_ALL)
    with translated():
        return store.compare_scenarios(engine, a_id, b_id)


def delete_scenario(engine: Engine, scenario_id: int, *, actor: Actor) -> None:
    """Delete a saved version (its audit rows stay). ``Reason.DENIED`` without ``EDIT_PLAN``."""
    require(actor, Permission.EDIT_PLAN)
    with translated():
        rec = store.load_scenario(engine, scenario_id)
        store.delete_scenario(
            engine,
            scenario_id,
            audit=entry(
                actor,
                Action.SCENARIO_DELETE,
                T.audit_scenario(T.SCENARIO_DELETED, rec.name or "", _plan_label(engine, rec.plan_id)),
                target=("scenario", scenario_id),
                plan_id=rec.plan_id,
                before={"name": rec.name, "note": rec.note, "author": rec.author},
            ),
        )
