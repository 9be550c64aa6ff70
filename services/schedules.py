"""Schedules: record a solve, adopt a what-if.

A feasible answer becomes the plan's current schedule; an infeasible one is
only shown. Both use cases check the plan version the schedule was computed
from, so a schedule of an outdated plan is refused (``Reason.STALE``).
"""

from __future__ import annotations

from sqlalchemy import Engine

from solver.plan import Plan, Schedule
from store import api as store

from . import texts as T
from .errors import Reason, ServiceError, translated
from .plans import OpenPlan


def record_solve(engine: Engine, plan_id: int, plan_version: int, result: Schedule, *, author: str = "") -> bool:
    """Keep a solve of the plan at ``plan_version``: a feasible result becomes current; True if it did.

    An infeasible or timed-out result is not stored (the page shows it and its
    explanation). Refused (``Reason.STALE``) when the plan changed since.
    """
    if not result.has_schedule:
        return False
    with translated():
        store.set_current_schedule(
            engine, plan_id, result, expected_version=plan_version, author=author, options=result.options
        )
    return True


def adopt_whatif(
    engine: Engine,
    plan_id: int,
    plan_version: int,
    result: Schedule,
    *,
    edited_plan: Plan | None = None,
    author: str = "",
) -> OpenPlan:
    """Adopt a what-if: save the edited plan (if any) and make ``result`` current, in one transaction.

    ``plan_version`` is the version the what-if copy was made from. Returns
    the plan as now stored. Refused, nothing written, when the result has no
    schedule, the plan was saved by someone else since (``Reason.STALE``) or
    the result does not fit the plan (``Reason.INVALID``).
    """
    if not result.has_schedule:
        raise ServiceError(T.NO_RESULT_TO_ADOPT, reason=Reason.REFUSED)
    with translated():
        store.save_plan_with_schedule(
            engine, plan_id, edited_plan, plan_version, result, author=author, options=result.options
        )
        plan, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    return OpenPlan(plan_id, plan, version, schedule)
