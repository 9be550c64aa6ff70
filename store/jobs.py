"""Solve jobs and administrator settings in the database: one transaction per call (issue 13).

The queue engine (:mod:`jobs.queue`) carries only a job's id; this module is
the record: who asked, the plan as solved, the options, the status, the
worker's heartbeat, progress points, the answer and its candidate schedule.

Life of a job::

    queued ──claim──▶ running ──finish──▶ done (result; candidate schedule if feasible)
       │                 │  └──fail────▶ failed (Chinese message)
       │                 └──heartbeat stale (worker killed)──▶ queued again (once) or failed
       └──cancel──▶ cancelled            running + cancel ──▶ cancelled when the worker stops

Every state change is one conditional ``UPDATE … WHERE status = …``: a job id
delivered twice by the queue, or a worker that comes back after the reaper
gave its job away, changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from solver.plan import Plan, Schedule
from solver.validate import parse_plan, parse_schedule

from . import audit as audit_store
from . import texts as T
from .audit import Audit
from .db import read_session, write_session
from .errors import NotFoundError, StoreError
from .models import JobRow, ScheduleRow, SettingRow
from .repository import PlanRepository, ScheduleRepository, as_utc, utcnow

_job = JobRow.__table__
_setting = SettingRow.__table__
_schedule = ScheduleRow.__table__

ACTIVE = ("queued", "running")
FINISHED = ("done", "failed", "cancelled")

# An arbitrary constant: the PostgreSQL advisory lock that serialises enqueues,
# so two clicks of one planner cannot both pass the per-planner limit.
_ENQUEUE_LOCK_KEY = 7_305_553_319


class QueueLimitError(StoreError):
    """The planner already has as many unfinished jobs as the administrator allows."""


@dataclass(frozen=True)
class JobRecord:
    """A job as the pages and workers see it (without the plan it solves)."""

    id: int
    kind: str
    plan_id: int
    plan_version: int
    author: str
    account_id: int | None
    status: str
    priority: int
    topic_count: int
    options: dict[str, Any]
    created_at: datetime
    sent_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None
    worker: str | None
    attempts: int
    cancel_requested: bool
    progress: list[dict[str, Any]]
    message: str
    result: Schedule | None
    candidate_id: int | None
    adopted_at: datetime | None
    adopted_by: str | None

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


_RECORD_COLUMNS = [c for c in _job.c if c.name not in ("plan_data", "baseline")]


def _record(r: Any) -> JobRecord:
    data = dict(r)
    for key in ("created_at", "sent_at", "started_at", "finished_at", "heartbeat_at", "adopted_at"):
        data[key] = as_utc(data[key])
    data["result"] = Schedule.model_validate(data["result"]) if data["result"] is not None else None
    data["progress"] = list(data["progress"] or [])
    data["cancel_requested"] = bool(data["cancel_requested"])
    return JobRecord(**data)


# -- enqueue, read ----------------------------------------------------------------------------


def create_job(
    engine: Engine,
    *,
    kind: str,
    plan_id: int,
    plan_version: int,
    plan: Plan | None,
    options: dict[str, Any],
    author: str,
    priority: int | Callable[[int], int],
    max_active_per_author: int,
    baseline: Schedule | None = None,
    account_id: int | None = None,
    audit: Audit = None,
) -> int:
    """Record a queued job; its id. Nothing is written when refused.

    ``plan`` None: the stored plan, which must still be at ``plan_version``
    (else :class:`StaleEditError`); otherwise an edited copy made from that
    version (a what-if). ``priority``: a number, or a function of the topic
    count. Raises :class:`QueueLimitError` when the account ``account_id``
    (or, without one — the command line —, the name ``author``) already has
    ``max_active_per_author`` queued or running jobs, :class:`NotFoundError`
    for an unknown plan. ``audit``: written in the same transaction, the job id filled in.
    """
    from .api import _stale_schedule

    with write_session(engine) as s:
        if engine.dialect.name == "postgresql":
            s.execute(select(func.pg_advisory_xact_lock(_ENQUEUE_LOCK_KEY)))
        plans = PlanRepository(s)
        cur = plans.version_of(plan_id)
        if plan is None:
            if cur.version != plan_version:
                raise _stale_schedule(plan_id, cur, plan_version)
            plan = plans.get(plan_id)[0]
        if callable(priority):
            priority = priority(len(plan.topics))
        mine = _job.c.account_id == account_id if account_id is not None else _job.c.author == author
        active = s.execute(select(func.count()).where(mine, _job.c.status.in_(ACTIVE))).scalar_one()
        if active >= max_active_per_author:
            raise QueueLimitError(T.queue_limit(author, active, max_active_per_author))
        job_id = s.execute(
            insert(_job)
            .values(
                kind=kind,
                plan_id=plan_id,
                plan_version=plan_version,
                author=author,
                account_id=account_id,
                status="queued",
                priority=priority,
                topic_count=len(plan.topics),
                options=options,
                plan_data=plan.to_dict(),
                baseline=baseline.model_dump(mode="json") if baseline is not None else None,
                created_at=utcnow(),
                progress=[],
            )
            .returning(_job.c.id)
        ).scalar_one()
        audit_store.write(s, audit, target_id=job_id)
        return job_id


def get_job(engine: Engine, job_id: int) -> JobRecord:
    """One job (NotFoundError if there is none)."""
    with read_session(engine) as s:
        r = s.execute(select(*_RECORD_COLUMNS).where(_job.c.id == job_id)).mappings().one_or_none()
        if r is None:
            raise NotFoundError(T.job_not_found(job_id))
        return _record(r)


def list_jobs(engine: Engine, plan_id: int | None = None, *, limit: int = 20) -> list[JobRecord]:
    """The newest jobs (of one plan, or of all), newest first."""
    q = select(*_RECORD_COLUMNS).order_by(_job.c.id.desc()).limit(limit)
    if plan_id is not None:
        q = q.where(_job.c.plan_id == plan_id)
    with read_session(engine) as s:
        return [_record(r) for r in s.execute(q).mappings()]


def queued_ahead(engine: Engine, job_id: int) -> int:
    """How many queued jobs (of any plan) a worker of the general lane takes before this one."""
    with read_session(engine) as s:
        me = s.execute(select(_job.c.priority).where(_job.c.id == job_id)).scalar()
        if me is None:
            return 0
        first = (_job.c.priority > me) | ((_job.c.priority == me) & (_job.c.id < job_id))
        return s.execute(select(func.count()).where(_job.c.status == "queued", first)).scalar_one()


def job_input(engine: Engine, job_id: int) -> tuple[Plan, Schedule | None]:
    """The plan exactly as it was when the job was asked for, and the baseline of a re-plan."""
    with read_session(engine) as s:
        r = s.execute(select(_job.c.plan_data, _job.c.baseline).where(_job.c.id == job_id)).one_or_none()
        if r is None:
            raise NotFoundError(T.job_not_found(job_id))
        plan = parse_plan(r.plan_data)
        return plan, parse_schedule(r.baseline, plan) if r.baseline is not None else None


def mark_sent(engine: Engine, job_ids: list[int]) -> None:
    """The queue engine now holds these ids (see :func:`unsent_jobs`)."""
    if job_ids:
        with write_session(engine) as s:
            s.execute(update(_job).where(_job.c.id.in_(job_ids)).values(sent_at=utcnow()))


def queued_jobs(engine: Engine, *, sent_before: datetime) -> list[tuple[int, int]]:
    """(id, priority) of queued jobs last handed to the queue engine before ``sent_before`` (or never)."""
    with read_session(engine) as s:
        rows = s.execute(
            select(_job.c.id, _job.c.priority)
            .where(_job.c.status == "queued", (_job.c.sent_at.is_(None)) | (_job.c.sent_at < sent_before))
            .order_by(_job.c.id)
        )
        return [(r.id, r.priority) for r in rows]


# -- the worker's side ------------------------------------------------------------------------


def claim(engine: Engine, job_id: int, worker: str) -> bool:
    """Take a queued job for ``worker``; False if it is not queued any more (taken, cancelled, done)."""
    now = utcnow()
    with write_session(engine) as s:
        done = s.execute(
            update(_job)
            .where(_job.c.id == job_id, _job.c.status == "queued")
            .values(
                status="running",
                worker=worker,
                started_at=now,
                heartbeat_at=now,
                attempts=_job.c.attempts + 1,
                progress=[],
            )
        )
        return done.rowcount == 1


def heartbeat(engine: Engine, job_id: int, worker: str, progress: list[dict[str, Any]]) -> bool | None:
    """The worker is alive: stamp the heartbeat and write the progress so far.

    Returns whether a cancel was asked for, or None when the job is no longer
    this worker's (the reaper gave it away, or it was cancelled while queued).
    """
    with write_session(engine) as s:
        done = s.execute(
            update(_job)
            .where(_job.c.id == job_id, _job.c.worker == worker, _job.c.status == "running")
            .values(heartbeat_at=utcnow(), progress=progress)
            .returning(_job.c.cancel_requested)
        ).scalar()
        return None if done is None else bool(done)


def finish(
    engine: Engine, job_id: int, worker: str, result: Schedule, progress: list[dict[str, Any]], *, note: str
) -> str | None:
    """Store a worker's answer; the job's new status, or None if the job is no longer this worker's.

    A cancelled job keeps no answer. A feasible answer of a solve job becomes a
    *candidate* schedule of the plan (the current schedule is not touched); a
    re-plan's answer belongs to its edited copy of the plan and stays in the job.
    """
    with write_session(engine) as s:
        r = s.execute(
            select(_job.c.kind, _job.c.plan_id, _job.c.plan_version, _job.c.author, _job.c.options)
            .where(_job.c.id == job_id, _job.c.worker == worker, _job.c.status == "running")
            .with_for_update()
        ).one_or_none()
        if r is None:
            return None
        cancelled = s.execute(select(_job.c.cancel_requested).where(_job.c.id == job_id)).scalar_one()
        values: dict[str, Any] = {"finished_at": utcnow(), "progress": progress}
        if cancelled:
            values |= {"status": "cancelled", "message": T.JOB_CANCELLED}
        else:
            values |= {"status": "done", "result": result.model_dump(mode="json")}
            if r.kind == "solve" and result.has_schedule:
                values["candidate_id"] = ScheduleRepository(s).add(
                    r.plan_id,
                    result,
                    kind="candidate",
                    author=r.author,
                    note=note,
                    options=r.options,
                    plan_version=r.plan_version,
                )
        s.execute(update(_job).where(_job.c.id == job_id).values(**values))
        return values["status"]


def mark_cancelled(engine: Engine, job_id: int, worker: str) -> bool:
    """A running job whose cancel was asked for ends as cancelled now (its worker is quitting)."""
    with write_session(engine) as s:
        done = s.execute(
            update(_job)
            .where(_job.c.id == job_id, _job.c.worker == worker, _job.c.status == "running", _job.c.cancel_requested)
            .values(status="cancelled", finished_at=utcnow(), message=T.JOB_CANCELLED)
        )
        return done.rowcount == 1


def fail(engine: Engine, job_id: int, worker: str | None, message: str) -> bool:
    """Mark a running job failed with a Chinese ``message``; False if it was not this worker's."""
    with write_session(engine) as s:
        q = update(_job).where(_job.c.id == job_id, _job.c.status == "running")
        if worker is not None:
            q = q.where(_job.c.worker == worker)
        return s.execute(q.values(status="failed", message=message, finished_at=utcnow())).rowcount == 1


def reap(engine: Engine, *, stale_after_s: float, max_attempts: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Running jobs whose worker stopped beating: queued again, or failed after ``max_attempts``.

    Returns ((id, priority) of the jobs queued again — to hand to the queue
    engine —, ids of the jobs failed).
    """
    now = utcnow()
    cutoff = now - timedelta(seconds=stale_after_s)
    with write_session(engine) as s:
        stale = s.execute(
            select(_job.c.id, _job.c.priority, _job.c.attempts)
            .where(_job.c.status == "running", _job.c.heartbeat_at < cutoff)
            .with_for_update(skip_locked=True)
        ).all()
        again = [(r.id, r.priority) for r in stale if r.attempts < max_attempts]
        failed = [r.id for r in stale if r.attempts >= max_attempts]
        if again:
            s.execute(
                update(_job)
                .where(_job.c.id.in_([i for i, _ in again]), _job.c.status == "running")
                .values(status="queued", worker=None, sent_at=None, message=T.JOB_RETRIED)
            )
        for job_id in failed:
            attempts = next(r.attempts for r in stale if r.id == job_id)
            s.execute(
                update(_job)
                .where(_job.c.id == job_id, _job.c.status == "running")
                .values(status="failed", finished_at=now, message=T.job_worker_lost(attempts))
            )
        return again, failed


# -- the planner's side ---------------------------------------------------------------------------


def cancel(engine: Engine, job_id: int, *, audit: Audit = None) -> str:
    """Cancel a job; its status now. Queued: cancelled at once. Running: the worker stops at its next check.

    ``audit`` is written only when something was cancelled (a finished job is left as it was).
    """
    with write_session(engine) as s:
        status = s.execute(select(_job.c.status).where(_job.c.id == job_id).with_for_update()).scalar()
        if status is None:
            raise NotFoundError(T.job_not_found(job_id))
        if status == "queued":
            s.execute(
                update(_job)
                .where(_job.c.id == job_id)
                .values(status="cancelled", cancel_requested=True, finished_at=utcnow(), message=T.JOB_CANCELLED)
            )
            audit_store.write(s, audit)
            return "cancelled"
        if status == "running":
            s.execute(update(_job).where(_job.c.id == job_id).values(cancel_requested=True))
            audit_store.write(s, audit)
        return status


def adopt(engine: Engine, job_id: int, *, author: str, note: str, audit: Audit = None) -> int:
    """Make a job's candidate the plan's current schedule, and record who did so when; the plan version.

    Refused (:class:`StaleEditError`) when the plan was saved since the job
    was asked for, (:class:`StoreError`) when the job has no candidate.
    """
    from .api import _stale_schedule

    with write_session(engine) as s:
        r = s.execute(
            select(_job.c.plan_id, _job.c.plan_version, _job.c.candidate_id).where(_job.c.id == job_id)
        ).one_or_none()
        if r is None:
            raise NotFoundError(T.job_not_found(job_id))
        if r.candidate_id is None:
            raise StoreError(T.job_no_candidate(job_id))
        plans = PlanRepository(s)
        cur = plans.version_of(r.plan_id)
        if cur.version != r.plan_version:
            raise _stale_schedule(r.plan_id, cur, r.plan_version)
        schedules = ScheduleRepository(s)
        candidate = schedules.get(r.candidate_id)
        schedules.set_current(
            r.plan_id,
            candidate.schedule,
            plan_version=r.plan_version,
            author=author,
            note=note,
            options=candidate.options,
        )
        s.execute(update(_job).where(_job.c.id == job_id).values(adopted_at=utcnow(), adopted_by=author))
        audit_store.write(s, audit)
        return cur.version


# -- settings -------------------------------------------------------------------------------------


def get_settings(engine: Engine) -> dict[str, Any]:
    """Every stored setting, key → value (the services know the defaults)."""
    with read_session(engine) as s:
        return {r.key: r.value for r in s.execute(select(_setting.c.key, _setting.c.value))}


def set_setting(engine: Engine, key: str, value: Any, *, author: str = "", audit: Audit = None) -> None:
    """Store one setting (insert or replace)."""
    with write_session(engine) as s:
        row = {"value": value, "updated_at": utcnow(), "updated_by": author}
        if s.execute(update(_setting).where(_setting.c.key == key).values(**row)).rowcount == 0:
            s.execute(insert(_setting).values(key=key, **row))
        audit_store.write(s, audit)
