"""Solve jobs: ask for a solve or a re-plan, watch it, cancel it, adopt its candidate (issue 13).

A solve is not computed by the web process: :func:`submit_solve` records a
job in the database and hands its id to the queue engine; a worker process
(``python -m jobs.worker``) computes it and writes the progress and the answer
into the job. The page reads the job (:func:`job`, :func:`plan_jobs`), so
leaving the page, closing the tab or restarting the web server loses nothing.
A feasible answer becomes a *candidate* schedule; the plan's current schedule
changes only when a planner adopts one (:func:`adopt`), which is recorded.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import Engine

from jobs import queue
from jobs.settings import Settings, checked, read_settings
from solver.options import SolveOptions
from solver.plan import Plan, Schedule
from store import jobs as store_jobs
from store import texts as store_texts
from store.errors import reason_of
from store.jobs import JobRecord

from . import texts as T
from .access import Actor, Permission, require
from .audit import Action, entry
from .errors import Reason, ServiceError, translated

__all__ = [
    "JobRecord",
    "Settings",
    "adopt",
    "cancel",
    "job",
    "plan_jobs",
    "priority_of",
    "queued_ahead",
    "set_setting",
    "settings",
    "submit_replan",
    "submit_solve",
    "when",
]

# Small plans first: a city's 11-topic plan must not wait behind a province's
# 1000-topic ones. Priority falls by one per doubling of the topic count
# above SMALL_TOPICS (≤ 64 topics → 10, 128 → 9, 256 → 8, 1024 → 6), so a
# smaller plan always goes before a bigger one queued earlier.
SMALL_TOPICS = queue.EXPRESS_TOPICS  # the same "small": these also go to the express lane
TOP_PRIORITY = 10


def priority_of(topic_count: int) -> int:
    """The queue priority of a plan of ``topic_count`` topics (higher runs first)."""
    if topic_count <= SMALL_TOPICS:
        return TOP_PRIORITY
    return max(0, TOP_PRIORITY - math.ceil(math.log2(topic_count / SMALL_TOPICS)))


def settings(engine: Engine, *, actor: Actor) -> Settings:
    """The administrator's settings in force (defaults where none is stored). Any signed-in role may read them."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        return read_settings(engine)


def set_setting(engine: Engine, key: str, value: object, *, actor: Actor) -> None:
    """Store one administrator setting (``max_time_limit_s``, ``max_active_per_author``,
    ``heartbeat_timeout_s``, ``session_idle_min``).

    Refused (``Reason.INVALID``, nothing written) for an unknown key or a value out of range,
    (``Reason.DENIED``) without ``MANAGE_SETTINGS``.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    try:
        number = checked(key, value)
    except ValueError as err:
        raise ServiceError(str(err), reason=Reason.INVALID) from err
    from jobs import texts as jobs_texts

    with translated():
        old = getattr(read_settings(engine), key)
        store_jobs.set_setting(
            engine,
            key,
            number,
            author=actor.name,
            audit=entry(
                actor,
                Action.SETTING_SET,
                T.audit_setting(key, jobs_texts.SETTING_LABELS.get(key, key), f"{old:g}", f"{number:g}"),
                target=("setting", key),
                before={key: old},
                after={key: number},
            ),
        )


def _submit(
    engine: Engine,
    kind: str,
    plan_id: int,
    plan_version: int,
    plan: Plan | None,
    options: SolveOptions,
    actor: Actor,
    baseline: Schedule | None,
) -> int:
    require(actor, Permission.SOLVE)
    limits = settings(engine, actor=actor)
    if options.time_limit_s > limits.max_time_limit_s:
        # the administrator's ceiling, not a refusal: the planner still gets an answer
        options = options.model_copy(update={"time_limit_s": limits.max_time_limit_s})
    try:
        with translated():
            job_id = store_jobs.create_job(
                engine,
                kind=kind,
                plan_id=plan_id,
                plan_version=plan_version,
                plan=plan,
                options=options.model_dump(mode="json"),
                author=actor.name,
                account_id=actor.account_id,
                priority=priority_of,
                max_active_per_author=limits.max_active_per_author,
                baseline=baseline,
                audit=entry(
                    actor,
                    Action.SOLVE_SUBMIT,
                    T.audit_job_submit(kind, plan_id),
                    target=("job", None),
                    plan_id=plan_id,
                    after={"kind": kind, "plan_version": plan_version, "options": options.model_dump(mode="json")},
                ),
            )
    except ServiceError as err:
        if isinstance(err.__cause__, store_jobs.QueueLimitError):
            raise ServiceError(err.message, reason=Reason.LIMIT) from err.__cause__
        raise
    try:
        url = queue.queue_url()
        rec = store_jobs.get_job(engine, job_id)
        queue.send(url, job_id, rec.priority, topic_count=rec.topic_count)
        store_jobs.mark_sent(engine, [job_id])
        queue.recover(engine, url)
    except Exception as err:  # the broker is down: the job stays queued and is sent when it is back
        raise ServiceError(T.queue_down(job_id, reason_of(err)), reason=Reason.QUEUE) from err
    return job_id


def submit_solve(engine: Engine, plan_id: int, plan_version: int, options: SolveOptions, *, actor: Actor) -> int:
    """Ask for a solve of the stored plan at ``plan_version``; the job id.

    Refused, nothing written: ``Reason.LIMIT`` when the planner has too many
    unfinished jobs, ``Reason.STALE`` when the plan was saved since
    ``plan_version``, ``Reason.NOT_FOUND`` for an unknown plan. ``Reason.QUEUE``
    when the queue engine cannot be reached (the job is recorded and will run
    once it is back). ``Reason.DENIED`` without ``SOLVE``. The limit counts the
    actor's account (the command line, without one, by name).
    """
    return _submit(engine, "solve", plan_id, plan_version, None, options, actor, None)


def submit_replan(
    engine: Engine,
    plan_id: int,
    plan_version: int,
    edited_plan: Plan,
    baseline: Schedule,
    options: SolveOptions,
    *,
    actor: Actor,
) -> int:
    """Ask for a re-plan of an edited copy of a plan (推演) from ``baseline``; the job id.

    The answer stays in the job (it belongs to the edited copy, not to the
    stored plan): the what-if page adopts it with :func:`services.schedules.adopt_whatif`.
    """
    return _submit(engine, "replan", plan_id, plan_version, edited_plan, options, actor, baseline)


def job(engine: Engine, job_id: int, *, actor: Actor) -> JobRecord:
    """One job as stored now. A job whose worker stopped beating is queued again or failed first."""
    require(actor, Permission.SOLVE)
    with translated():
        rec = store_jobs.get_job(engine, job_id)
    if rec.active:
        _recover_quietly(engine)
        with translated():
            rec = store_jobs.get_job(engine, job_id)
    return rec


def queued_ahead(engine: Engine, job_id: int, *, actor: Actor) -> int:
    """How many queued jobs (of any plan) go before this one: higher priority, or as high and older."""
    require(actor, Permission.SOLVE)
    with translated():
        return store_jobs.queued_ahead(engine, job_id)


def plan_jobs(engine: Engine, plan_id: int, *, actor: Actor, limit: int = 10) -> list[JobRecord]:
    """The plan's newest jobs, newest first."""
    require(actor, Permission.SOLVE)
    with translated():
        return store_jobs.list_jobs(engine, plan_id, limit=limit)


def cancel(engine: Engine, job_id: int, *, actor: Actor) -> JobRecord:
    """Cancel a job: a queued one at once, a running one when its worker next checks (about a second)."""
    require(actor, Permission.SOLVE)
    with translated():
        rec = store_jobs.get_job(engine, job_id)
        store_jobs.cancel(
            engine,
            job_id,
            audit=entry(
                actor,
                Action.JOB_CANCEL,
                T.audit_job_cancel(job_id),
                target=("job", job_id),
                plan_id=rec.plan_id,
                before={"status": rec.status},
            ),
        )
        return store_jobs.get_job(engine, job_id)


def adopt(engine: Engine, job_id: int, *, actor: Actor) -> Schedule:
    """Make the job's candidate the plan's current schedule (who and when recorded); the schedule now current.

    Refused (``Reason.STALE``) when the plan was saved since the job was asked
    for, (``Reason.REFUSED``) when the job has no feasible answer,
    (``Reason.DENIED``) without ``ADOPT``. The audit row holds the topics that moved.
    """
    from store import api as store
    from store import texts as store_texts

    from .changes import schedule_moves

    require(actor, Permission.ADOPT)
    with translated():
        rec = store_jobs.get_job(engine, job_id)
        plan, _, old = store.load_plan_with_schedule(engine, rec.plan_id)
        before, after = ({}, {}) if rec.result is None else schedule_moves(old, rec.result)
        store_jobs.adopt(
            engine,
            job_id,
            author=actor.name,
            note=T.adopted_note(job_id, rec.author),
            audit=entry(
                actor,
                Action.CANDIDATE_ADOPT,
                T.audit_schedule_set(store_texts.plan_label(plan.body, plan.year), len(before | after), T.HOW_ADOPT)
                + T.adopted_note_tail(job_id, rec.author),
                target=("job", job_id),
                plan_id=rec.plan_id,
                before={"assignments": before},
                after={"assignments": after},
            ),
        )
        return store.current_schedule(engine, rec.plan_id)


def when(dt: datetime | None) -> str:
    """A stored time as Beijing time, ``2025-03-02 10:15`` (for the job list)."""
    return store_texts.when(dt)


def _recover_quietly(engine: Engine) -> None:
    """Reap and re-send; a page that only looks at a job must not fail because the broker is away."""
    try:
        queue.recover(engine, queue.queue_url())
    except Exception:
        import logging

        logging.getLogger(__name__).warning("job recovery skipped", exc_info=True)
