"""Schedules: record a solve, adopt a what-if.

A feasible answer becomes the plan's current schedule; an infeasible one is
only shown. Both use cases check the plan version the schedule was computed
from, so a schedule of an outdated plan is refused (``Reason.STALE``). Both
need ``ADOPT`` (:mod:`services.access`) and record an audit row with the
topics whose month or lead changed.
"""

from __future__ import annotations

from sqlalchemy import Engine

from solver.plan import Plan, Schedule
from store import api as store
from store import texts as store_texts

from . import texts as T
from .access import Actor, Permission, require
from .audit import Action, entry
from .changes import describe, plan_changes, schedule_moves
from .errors import Reason, ServiceError, translated
from .plans import OpenPlan


def record_solve(engine: Engine, plan_id: int, plan_version: int, result: Schedule, *, actor: Actor) -> bool:
    """Keep a solve of the plan at ``plan_version``: a feasible result becomes current; True if it did.

    An infeasible or timed-out result is not stored (the page shows it and its
    explanation). Refused (``Reason.STALE``) when the plan changed since,
    (``Reason.DENIED``) without ``ADOPT``.
    """
    require(actor, Permission.ADOPT)
    if not result.has_schedule:
        return False
    with translated():
        plan, _, old = store.load_plan_with_schedule(engine, plan_id)
        before, after = schedule_moves(old, result)
        store.set_current_schedule(
            engine,
            plan_id,
            result,
            expected_version=plan_version,
            author=actor.name,
            options=result.options,
            audit=entry(
                actor,
                Action.SCHEDULE_SET,
                T.audit_schedule_set(store_texts.plan_label(plan.body, plan.year), len(after | before), T.HOW_SOLVE),
                target=("plan", plan_id),
                plan_id=plan_id,
                before={"assignments": before},
                after={"assignments": after},
            ),
        )
    return True


def adopt_whatif(
    engine: Engine,
    plan_id: int,
    plan_version: int,
    result: Schedule,
    *,
    edited_plan: Plan | None = None,
    actor: Actor,
) -> OpenPlan:
    """Adopt a what-if: save the edited plan (if any) and make ``result`` current, in one transaction.

    ``plan_version`` is the version the what-if copy was made from. Returns
    the plan as now stored. Refused, nothing written, when the result has no
    schedule, the plan was saved by someone else since (``Reason.STALE``),
    the result does not fit the plan (``Reason.INVALID``), or the actor may
    not adopt (``Reason.DENIED``). The audit row holds the plan's changes and
    the topics that moved.
    """
    require(actor, Permission.ADOPT)
    if edited_plan is not None:
        require(actor, Permission.EDIT_PLAN)
    if not result.has_schedule:
        raise ServiceError(T.NO_RESULT_TO_ADOPT, reason=Reason.REFUSED)
    with translated():
        old_plan, _, old = store.load_plan_with_schedule(engine, plan_id)
        moved_before, moved_after = schedule_moves(old, result)
        plan_before, plan_after = plan_changes(old_plan, edited_plan) if edited_plan is not None else ({}, {})
        label = store_texts.plan_label(old_plan.body, old_plan.year)
        summary = T.audit_schedule_set(label, len(moved_before | moved_after), T.HOW_WHATIF)
        if plan_before or plan_after:
            summary += ";" + describe(plan_before, plan_after)
        store.save_plan_with_schedule(
            engine,
            plan_id,
            edited_plan,
            plan_version,
            result,
            author=actor.name,
            options=result.options,
            audit=entry(
                actor,
                Action.WHATIF_ADOPT,
                summary,
                target=("plan", plan_id),
                plan_id=plan_id,
                before={"assignments": moved_before, **plan_before},
                after={"assignments": moved_after, **plan_after},
            ),
        )
        plan, version, schedule = store.load_plan_with_schedule(engine, plan_id)
    return OpenPlan(plan_id, plan, version, schedule)
