"""What a worker does with one job id: claim it, beat, solve, keep the answer (or the reason it failed).

The solve runs in the worker's own thread; a second thread beats once a
second: it stamps the job's heartbeat, writes the progress points so far and
reads the cancel flag. A cancel stops CP-SAT's search of the full model at
once (``stop_search``) and the job ends as cancelled. The neighbourhood
search of plans above ``lns_above_topics`` has no such hook (solver/lns.py
makes its own CP-SAT solvers): when the solve has not returned
:data:`CANCEL_GRACE_S` after the cancel, the job is marked cancelled and the
worker process quits; Huey's consumer starts a fresh one in its place.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

from ortools.sat.python import cp_model
from sqlalchemy import Engine

from solver.options import SolveOptions
from solver.plan import Schedule
from store import jobs as store_jobs
from store.errors import reason_of

from . import texts as T

log = logging.getLogger(__name__)

CANCEL_GRACE_S = 2.0  # after a cancel, how long the solve may take to return before the process quits
HEARTBEAT_S = 1.0  # how often a running job's row is stamped; the timeout is a setting (30 s)
# Progress points kept per job: a 1000-topic solve finds hundreds of
# improving solutions; the first and the newest tell the story.
MAX_POINTS = 120


def worker_name() -> str:
    """``host:pid`` of this process: who runs a job (and whom to kill -9 in a test)."""
    return f"{socket.gethostname()}:{os.getpid()}"


class Progress:
    """Best objective and bound over time, gathered from CP-SAT's callbacks; stops the search on a cancel."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self._lock = threading.Lock()
        self._points: list[dict[str, Any]] = []
        self._objective: int | None = None
        self._solver: cp_model.CpSolver | None = None
        self.cancelled = threading.Event()

    def _add(self, objective: int | None, bound: int | None) -> None:
        with self._lock:
            t = round(time.perf_counter() - self.started, 2)
            self._points.append({"t": t, "objective": objective, "bound": bound})
            if len(self._points) > MAX_POINTS:
                del self._points[1]  # keep the first point and the newest ones

    def points(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._points)

    def observe(self, solver: cp_model.CpSolver) -> cp_model.CpSolverSolutionCallback:
        """The hook :func:`solver.solve` calls with its CP-SAT solver (see ``observe`` there)."""
        self._solver = solver
        progress = self

        def on_bound(bound: float) -> None:
            progress._add(progress._objective, round(bound))

        class OnSolution(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                progress._objective = round(self.objective_value)
                progress._add(progress._objective, round(self.best_objective_bound))
                if progress.cancelled.is_set():
                    self.stop_search()

        solver.best_bound_callback = on_bound
        return OnSolution()

    def cancel(self) -> None:
        self.cancelled.set()
        if self._solver is not None:
            self._solver.stop_search()

    def final(self, result: Schedule) -> list[dict[str, Any]]:
        if result.objective is not None:
            self._add(result.objective, result.bound)
        return self.points()


class Heartbeat(threading.Thread):
    """Stamps the job's row every :data:`HEARTBEAT_S` until stopped; passes a cancel on to the search."""

    def __init__(self, engine: Engine, job_id: int, worker: str, progress: Progress):
        super().__init__(name=f"heartbeat-{job_id}", daemon=True)
        self.engine, self.job_id, self.worker, self.progress = engine, job_id, worker, progress
        self.stopped = threading.Event()
        self.lost = False  # the job is not ours any more (the reaper gave it away)
        self.cancel_seen: float | None = None

    def run(self) -> None:
        while not self.stopped.wait(HEARTBEAT_S):
            if self.cancel_seen is not None and time.monotonic() - self.cancel_seen > CANCEL_GRACE_S:
                self._quit_cancelled()
            try:
                cancel = store_jobs.heartbeat(self.engine, self.job_id, self.worker, self.progress.points())
            except Exception:  # a database hiccup: try again next beat; the timeout is generous
                log.exception("heartbeat of job %s failed", self.job_id)
                continue
            if cancel is None:
                self.lost = True
                self.progress.cancel()
                return
            if cancel and self.cancel_seen is None:
                self.cancel_seen = time.monotonic()
                self.progress.cancel()

    def _quit_cancelled(self) -> None:
        """The search did not stop (neighbourhood search): record the cancel, then end this process."""
        if self.stopped.is_set():
            return
        if store_jobs.mark_cancelled(self.engine, self.job_id, self.worker):
            log.warning("job %s cancelled during a phase without a stop hook; worker process quits", self.job_id)
            logging.shutdown()
            os._exit(0)

    def stop(self) -> None:
        self.stopped.set()


def run_job(engine: Engine, job_id: int, worker: str | None = None) -> str | None:
    """Run one job to its end; its final status, or None if it was not this worker's to run.

    Never raises: a failure is written to the job as a Chinese message.
    """
    worker = worker or worker_name()
    if not store_jobs.claim(engine, job_id, worker):
        log.info("job %s is not queued any more; skipped", job_id)
        return None
    progress = Progress()
    beat = Heartbeat(engine, job_id, worker, progress)
    beat.start()
    try:
        from solver import solve

        job = store_jobs.get_job(engine, job_id)
        plan, baseline = store_jobs.job_input(engine, job_id)
        options = SolveOptions.model_validate(job.options)
        log.info("job %s: %s of %d topics, limit %g", job_id, job.kind, len(plan.topics), options.time_limit_s)
        result = solve(plan, options, baseline=baseline, observe=progress.observe)
        beat.stop()
        beat.join()
        if beat.lost:
            return None
        return store_jobs.finish(engine, job_id, worker, result, progress.final(result), note=T.candidate_note(job_id))
    except Exception as err:
        log.exception("job %s failed", job_id)
        store_jobs.fail(engine, job_id, worker, T.job_crashed(reason_of(err)))
        return "failed"
    finally:
        beat.stop()
