"""Solve jobs on real worker processes: throughput, the wait of a small plan behind big ones, queue overhead.

Issue 13's figures:

1. 20 jobs submitted at once — 4 of 1000 topics first, then 6 of 200, then 10
   of 50 — run by 1, 2 and 4 worker processes, and by 1 worker plus one
   express-lane worker (``--lane express``: small plans only): the time until
   the last one finishes (throughput in jobs per minute) and how long the
   *small* jobs waited in the queue (submit → a worker claims it). Small
   plans have a higher queue priority (``services.jobs.priority_of``), so
   they do not wait for the big ones still queued — but without the express
   lane they wait for a worker to become free.
2. The overhead of the queue on the 11-topic sample plan (data/weihai-2023.json):
   submit → done through the queue and a warm, idle worker, against the same
   ``solver.solve`` called in-process. Target: under 0.3 s added.

    python bench/bench_jobs.py                                   # embedded: SQLite database and SQLite queue
    python bench/bench_jobs.py --queue-url redis://127.0.0.1:6379/15      # Redis queue (an office)

Each run uses a fresh SQLite database in a temporary directory and a fresh queue (a Redis database is flushed first:
give it one nobody else uses). Plans come from ``solver.generate.generate_plan``.
Results are printed as a Markdown table (paste into bench/results/jobs.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services import jobs  # noqa: E402
from services.access import COMMAND_LINE as ME  # noqa: E402  (the bench acts as the command line)
from solver.options import SolveOptions  # noqa: E402
from solver.validate import load_plan  # noqa: E402
from store import api  # noqa: E402
from store.db import ensure_database, make_engine  # noqa: E402
from tools.generate import generate_plan  # noqa: E402

# Work-unit limits per plan size: long enough that a 1000-topic plan keeps a
# worker busy for tens of seconds (the province's case), short enough that
# the whole bench finishes in minutes on a shared 2-core machine.
MIX = [(1000, 4, 6.0), (200, 6, 3.0), (50, 10, 2.0)]  # (topics, jobs, time_limit_s), in submit order
OVERHEAD_RUNS = 7


def start_worker(env: dict[str, str], workers: int, log: Path, lane: str = "all") -> subprocess.Popen:
    out = open(log, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "jobs.worker", "-w", str(workers), "--lane", lane],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=out,
    )
    deadline = time.monotonic() + 120
    while "consumer started" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text(errors="replace"))
        time.sleep(0.1)
    time.sleep(3)  # the worker processes import OR-Tools at start-up: let them finish before timing
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_all(engine, ids: list[int], timeout: float = 1800) -> list:
    deadline = time.monotonic() + timeout
    while True:
        recs = [jobs.job(engine, i, actor=ME) for i in ids]
        if not any(r.active for r in recs):
            return recs
        if time.monotonic() > deadline:
            raise TimeoutError([(r.id, r.status) for r in recs])
        time.sleep(0.2)


def fresh_database(tmp: Path, tag: str) -> tuple[str, object]:
    url = f"sqlite:///{tmp / f'{tag}.sqlite3'}"
    engine = ensure_database(make_engine(url), samples_dir=None)
    jobs.set_setting(engine, "max_active_per_author", 100, actor=ME)  # the bench is one "planner" with 20 jobs
    return url, engine


def flush_queue(queue_url: str | None) -> None:
    if queue_url and queue_url.startswith("redis"):
        import redis

        redis.Redis.from_url(queue_url).flushdb()


def throughput(tmp: Path, workers: int, queue_url: str | None, express: bool = False) -> dict:
    url, engine = fresh_database(tmp, f"mix{workers}")
    flush_queue(queue_url)
    env = dict(os.environ, DATABASE_URL=url, PYTHONPATH=str(ROOT))
    env.pop("QUEUE_URL", None)
    if queue_url:
        env["QUEUE_URL"] = queue_url
        os.environ["QUEUE_URL"] = queue_url
    else:
        os.environ.pop("QUEUE_URL", None)
    os.environ["DATABASE_URL"] = url
    plans = {n: api.create_plan(engine, generate_plan(n, seed=7, body=f"合成{n}市政协")) for n, _, _ in MIX}
    worker = start_worker(env, workers, tmp / f"worker{workers}.log")
    lane = start_worker(env, 1, tmp / f"express{workers}.log", lane="express") if express else None
    try:
        started = time.perf_counter()
        ids: list[tuple[int, int]] = []
        for n, count, limit in MIX:
            for _ in range(count):
                ids.append((n, jobs.submit_solve(engine, plans[n], 1, SolveOptions(time_limit_s=limit), actor=ME)))
        recs = wait_all(engine, [i for _, i in ids])
        makespan = time.perf_counter() - started
    finally:
        stop(worker)
        if lane is not None:
            stop(lane)
    size = dict((i, n) for n, i in ids)
    bad = [(r.id, r.status, r.message) for r in recs if r.status != "done"]
    if bad:
        raise RuntimeError(bad)

    def waits(n: int) -> list[float]:
        return [(r.started_at - r.created_at).total_seconds() for r in recs if size[r.id] == n]

    def runs(n: int) -> list[float]:
        return [(r.finished_at - r.started_at).total_seconds() for r in recs if size[r.id] == n]

    return {
        "workers": workers,
        "makespan": makespan,
        "per_min": len(recs) / makespan * 60,
        "wait": {n: (statistics.median(waits(n)), max(waits(n))) for n, _, _ in MIX},
        "run": {n: statistics.median(runs(n)) for n, _, _ in MIX},
    }


def overhead(tmp: Path, queue_url: str | None) -> dict:
    from solver import solve

    url, engine = fresh_database(tmp, "overhead")
    flush_queue(queue_url)
    env = dict(os.environ, DATABASE_URL=url, PYTHONPATH=str(ROOT))
    env.pop("QUEUE_URL", None)
    if queue_url:
        env["QUEUE_URL"] = queue_url
        os.environ["QUEUE_URL"] = queue_url
    else:
        os.environ.pop("QUEUE_URL", None)
    os.environ["DATABASE_URL"] = url
    plan = load_plan(ROOT / "data" / "weihai-2023.json")
    pid = api.create_plan(engine, plan)
    options = SolveOptions(time_limit_s=10)
    solve(plan, options)  # warm-up
    direct = []
    for _ in range(OVERHEAD_RUNS):
        t = time.perf_counter()
        solve(plan, options)
        direct.append(time.perf_counter() - t)
    worker = start_worker(env, 1, tmp / "worker-overhead.log")
    queued = []
    try:
        for _ in range(OVERHEAD_RUNS + 1):
            t = time.perf_counter()
            job_id = jobs.submit_solve(engine, pid, 1, options, actor=ME)
            while jobs.job(engine, job_id, actor=ME).active:
                time.sleep(0.01)
            queued.append(time.perf_counter() - t)
        queued = queued[1:]  # the first job pays the worker's first database connection
    finally:
        stop(worker)
    return {"direct": statistics.median(direct), "queued": statistics.median(queued), "queued_max": max(queued)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--queue-url", help="redis://… (default: the embedded SQLite queue)")
    p.add_argument("--workers", default="1,2,4,1e", help="worker counts; 'Ne': N workers + 1 express-lane worker")
    p.add_argument("--skip-mix", action="store_true")
    args = p.parse_args()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"machine: {platform.machine()}, nproc={os.cpu_count()}, Python {platform.python_version()}")
    print(f"uptime before: {uptime}")
    print(f"database: SQLite, queue: {args.queue_url or 'SQLite (embedded)'}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        o = overhead(tmp, args.queue_url)
        print()
        print("| 11-topic solve | median s |")
        print("| --- | ---: |")
        print(f"| solver.solve in-process | {o['direct']:.3f} |")
        print(f"| submit → done through the queue | {o['queued']:.3f} (max {o['queued_max']:.3f}) |")
        print(f"| added by the queue | **{o['queued'] - o['direct']:.3f}** |")
        if not args.skip_mix:
            print()
            print(
                "| workers | 20 jobs done in s | jobs/min | wait of 50-topic jobs s (median / max) | "
                "wait of 200 | wait of 1000 | run s 50 / 200 / 1000 (median) |"
            )
            print("| ---: | ---: | ---: | --- | --- | --- | --- |")
            for spec in args.workers.split(","):
                w, express = int(spec.rstrip("e")), spec.endswith("e")
                r = throughput(tmp, w, args.queue_url, express)
                wt = r["wait"]
                label = f"{w} + 1 express" if express else str(w)
                print(
                    f"| {label} | {r['makespan']:.1f} | {r['per_min']:.1f} | {wt[50][0]:.1f} / {wt[50][1]:.1f} | "
                    f"{wt[200][0]:.1f} / {wt[200][1]:.1f} | {wt[1000][0]:.1f} / {wt[1000][1]:.1f} | "
                    f"{r['run'][50]:.1f} / {r['run'][200]:.1f} / {r['run'][1000]:.1f} |",
                    flush=True,
                )
    print()
    print(f"uptime after: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
