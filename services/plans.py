"""Plans: list them, open one with its current schedule, save an edited copy, create one.

Every function takes the caller's engine, runs in the data layer's own
transaction(s) and raises only :class:`~services.errors.ServiceError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from solver.plan import Plan, Schedule
from store import api as store
from store.repository import PlanSummary

from .errors import translated

__all__ = [
    "OpenPlan",
    "PlanSummary",
    "ScheduleAge",
    "create_plan",
    "current_schedule",
    "default_plan_id",
    "list_plans",
    "open_plan",
    "schedule_age",
]


@dataclass(frozen=True)
class OpenPlan:
    """A plan as saved, the version to hand back when saving an edit, and its current schedule."""

    plan_id: int
    plan: Plan
    version: int
    schedule: Schedule | None


def list_plans(engine: Engine) -> list[PlanSummary]:
    """Every plan, newest year first (id, body, year, topic count, version, ``label`` …)."""
    with translated():
        return store.list_plans(engine)


def default_plan_id(engine: Engine) -> int | None:
    """The plan a new session opens: the newest with a current schedule, else the newest; None if none.

    (Leadership opening the app wants a year to look at, not an empty calendar.)
    """
    plans = list_plans(engine)
    return next((p.id for p in plans if p.has_current_schedule), plans[0].id if plans else None)


def open_plan(engine: Engine, plan_id: int) -> OpenPlan:
    """The plan, its version and its current schedule, read in one transaction."""
    with translated():
        plan, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    return OpenPlan(plan_id, plan, version, schedule)


def current_schedule(engine: Engine, plan_id: int) -> Schedule | None:
    """The plan's current schedule, or None."""
    with translated():
        return store.current_schedule(engine, plan_id)


def save_plan(engine: Engine, plan_id: int, plan: Plan, expected_version: int, *, author: str = "") -> OpenPlan:
    """Save an edited copy made from ``expected_version``; the plan as now stored, with its new version.

    Refused (``Reason.STALE``, nothing written) when someone saved since;
    ``Reason.INVALID`` with every problem when the copy does not hold.
    """
    with translated():
        store.save_plan(engine, plan_id, plan, expected_version, author=author)
        saved, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    return OpenPlan(plan_id, saved, version, schedule)


def create_plan(engine: Engine, plan: Plan, *, author: str = "") -> int:
    """Store a new plan (from an import or a draft); its id. Refuses a second plan of one body and year."""
    with translated():
        return store.create_plan(engine, plan, author=author)


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


def schedule_age(engine: Engine, plan_id: int) -> ScheduleAge:
    """The plan's version and last edit beside the version and time of its current schedule.

    ``Reason.NOT_FOUND`` for an unknown plan.
    """
    with translated():
        plan, version, at = store.current_schedule_basis(engine, plan_id)
    return ScheduleAge(plan.version, plan.updated_at, plan.updated_by, version, at)
