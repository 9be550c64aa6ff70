"""The queue engine: Huey, on a SQLite file (embedded default) or on Redis (an office, several machines).

Only job ids travel through the queue; the job itself is a row of our database
(:mod:`store.jobs`). So the queue may lose a message — a broker restarted
without persistence, a worker killed after taking an id — and nothing is lost:
:func:`recover` hands every queued job the broker does not hold back to it,
and queues again (once) or fails a running job whose worker stopped beating.
A job id delivered twice is harmless: only one worker can claim a queued job.

``QUEUE_URL``: ``redis://host:6379/0`` (Huey's priority queue on Redis ≥ 5) or
``sqlite:////path/queue.sqlite3``. Without it the queue is a SQLite file beside
the SQLite database (``var/xieshang.queue.sqlite3``), or under ``var/`` when the
database is PostgreSQL: one machine, nothing to install.
"""

from __future__ import annotations

import functools
import logging
import os
from datetime import timedelta
from pathlib import Path

from huey import Huey, PriorityRedisHuey, SqliteHuey, crontab
from huey.api import TaskWrapper
from sqlalchemy import Engine

from store import jobs as store_jobs
from store.db import DEFAULT_SQLITE_PATH, database_url
from store.repository import utcnow

from . import texts as T
from .settings import read_settings

log = logging.getLogger(__name__)

QUEUE_NAME = "xieshang"
TASK_NAME = "xieshang.run_job"
REAP_TASK_NAME = "xieshang.recover"
# A worker that has just taken an id from the broker needs a moment to claim
# it in the database (milliseconds: the claim is its first statement); a queued
# job sent more recently than this is left alone.
RESEND_GRACE_S = 5.0
# A job is tried twice: a second crash is more likely the job's fault
# (memory, a solver bug) than bad luck, and should not take more workers down.
MAX_ATTEMPTS = 2
# Plans up to this many topics (a city's plan: 10–60) also go to the express
# lane: a worker started with ``--lane express`` takes only those, so a small
# plan is never stuck behind a province's 1000-topic solve already running.
EXPRESS_TOPICS = 64


def queue_url(url: str | None = None) -> str:
    """The queue to use: the argument, else ``QUEUE_URL``, else a SQLite file beside the database."""
    if url or os.environ.get("QUEUE_URL"):
        return url or os.environ["QUEUE_URL"]
    db = database_url()
    path = Path(db.database) if db.get_backend_name() == "sqlite" and db.database else DEFAULT_SQLITE_PATH
    if str(path) == ":memory:":
        path = DEFAULT_SQLITE_PATH
    return f"sqlite:///{path.with_suffix('.queue.sqlite3')}"


_RUN_JOB: dict[int, TaskWrapper] = {}  # id of a Huey instance → its run-job task


@functools.lru_cache(maxsize=8)
def get_huey(url: str, lane: str = "all") -> Huey:
    """The Huey instance of a queue URL and lane (``all`` or ``express``), with our task registered.

    The ``all`` lane carries every job; the ``express`` lane carries the ids
    of small plans a second time, for a worker that takes nothing else (see
    :data:`EXPRESS_TOPICS`). The periodic recovery runs on the ``all`` lane.
    """
    name = QUEUE_NAME if lane == "all" else f"{QUEUE_NAME}-{lane}"
    if url.startswith(("redis://", "rediss://", "unix://")):
        # blocking BZPOPMIN: a worker wakes up the moment a job arrives
        huey: Huey = PriorityRedisHuey(name, url=url, results=False)
    elif url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        huey = SqliteHuey(name, filename=str(path), results=False)
    else:
        raise ValueError(T.bad_queue_url(url))
    _RUN_JOB[id(huey)] = huey.task(name=TASK_NAME)(_run_job)
    if lane == "all":
        huey.periodic_task(crontab(minute="*"), name=REAP_TASK_NAME)(_recover_task)
    return huey


def _run_job(job_id: int) -> None:
    from store.db import get_engine

    from .runner import run_job

    run_job(get_engine(), job_id)


def _recover_task() -> None:
    from store.db import get_engine

    recover(get_engine(), queue_url())


def send(url: str, job_id: int, priority: int, *, topic_count: int | None = None) -> None:
    """Hand a job id to the queue engine (higher priority first); a small plan's to the express lane too.

    Whichever worker takes it first claims the job; the other copy is skipped.
    """
    for lane in ("all", "express") if topic_count is not None and topic_count <= EXPRESS_TOPICS else ("all",):
        huey = get_huey(url, lane)
        huey.enqueue(_RUN_JOB[id(huey)].s(job_id, priority=priority))


def pending_job_ids(huey: Huey) -> set[int]:
    """The job ids the broker holds now (waiting, not yet taken by a worker)."""
    return {t.args[0] for t in huey.pending() if t.name == TASK_NAME and t.args}


def recover(engine: Engine, url: str) -> tuple[list[int], list[int]]:
    """Reap stale running jobs and re-send queued jobs the broker lost; (ids sent, ids failed).

    Called at every enqueue, when a page looks at an unfinished job, when a
    worker starts, and once a minute by the workers' scheduler.
    """
    settings = read_settings(engine)
    _again, failed = store_jobs.reap(engine, stale_after_s=settings.heartbeat_timeout_s, max_attempts=MAX_ATTEMPTS)
    waiting = store_jobs.queued_jobs(engine, sent_before=utcnow() - timedelta(seconds=RESEND_GRACE_S))
    if not waiting:
        return [], failed
    held = pending_job_ids(get_huey(url))
    lost = [(i, p) for i, p in waiting if i not in held]
    for job_id, priority in lost:
        send(url, job_id, priority)
    store_jobs.mark_sent(engine, [i for i, _ in waiting])
    if lost or failed:
        log.warning("recovered jobs %s, failed %s", [i for i, _ in lost], failed)
    return [i for i, _ in lost], failed
