"""Saved versions of a plan's schedule (方案版本): save, list, compare, restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from solver.compare import ScheduleComparison
from solver.plan import Schedule
from store import api as store
from store import texts as store_texts

from . import texts as T
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


def list_scenarios(engine: Engine, plan_id: int) -> list[Scenario]:
    """The plan's saved versions, oldest first."""
    with translated():
        rows = store.list_scenarios(engine, plan_id)
    return [
        Scenario(r.id, r.name, r.author, r.note, r.created_at, r.status, r.assignment_count, r.plan_version)
        for r in rows
    ]


def save_scenario(
    engine: Engine, plan_id: int, schedule: Schedule | None, *, name: str, author: str = "", note: str = ""
) -> int:
    """Save ``schedule`` (normally the current one) under ``name``; its id. The name is trimmed and must be new."""
    if schedule is None:
        raise ServiceError(T.NO_SCHEDULE_TO_SAVE, reason=Reason.REFUSED)
    with translated():
        return store.save_scenario(
            engine, plan_id, schedule, name=name, author=author, note=note, options=schedule.options
        )


def restore_scenario(engine: Engine, scenario_id: int, *, author: str = "") -> Schedule | None:
    """Make a saved version the plan's current schedule; the schedule now current.

    Refused (``Reason.INVALID``) when the plan has changed so that it no longer fits.
    """
    with translated():
        plan_id = store.load_scenario(engine, scenario_id).plan_id
        store.restore_scenario(engine, scenario_id, author=author)
        return store.current_schedule(engine, plan_id)


def compare_scenarios(engine: Engine, a_id: int, b_id: int) -> ScheduleComparison:
    """Saved version ``a`` → saved version ``b`` of one plan: the topics that moved, load differences."""
    with translated():
        return store.compare_scenarios(engine, a_id, b_id)


def delete_scenario(engine: Engine, scenario_id: int) -> None:
    with translated():
        store.delete_scenario(engine, scenario_id)
