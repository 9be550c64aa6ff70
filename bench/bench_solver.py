"""Solver benchmark (issue 9): ours vs a plain CP-SAT model vs the greedy, at equal wall-clock budgets.

Usage::

    python bench/bench_solver.py                 # the full matrix (about 30 minutes on 2 cores)
    python bench/bench_solver.py --quick         # one seed, no 60 s runs
    python bench/bench_solver.py --sizes 50 200  # a part of the matrix
    python bench/bench_solver.py --sizes 1000 5000 --limits 2 10 --no-long --no-samples  # the issue's scale cases

Every run is a fresh process (so its peak memory is its own): the plan is
generated first (not timed), then the method runs against the wall clock,
and the schedule goes through the independent checker, whose penalty is the
objective reported for every method. Raw results go to
``bench/results/solver-raw.jsonl`` line by line, the Markdown tables to
standard output (and into bench/results/solver.md by hand, with the machine,
its load and the date).

Instances: 50 topics from the city generator (``tools.generate``), 200, 1000
and 5000 topics from the province generator (``tools.province``: a province
政协 and 15–40 city 政协s), seeds 0–2; the real sample plans of ``data/``.
Methods: ``ours`` (``solver.solve`` with its defaults), ``ours-1w`` (one
worker), ``plain`` (``bench/plain_model.py``: the same rules and weighted
objective, two CP-SAT workers, the limit given to CP-SAT, no hints: building
the model comes on top), ``plain-wall`` (the same, CP-SAT given what is left
of the limit once the model is built: the whole call keeps the wall limit),
``greedy``
(greedy start and its polish, no limit).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

RAW = ROOT / "bench" / "results" / "solver-raw.jsonl"
LIMITS = (1, 5, 10)
SIZES = (50, 200, 1000, 5000)
SEEDS = (0, 1, 2)
SAMPLES = ("weihai-2023", "luoyang-2019", "seed001-2022", "synthetic-50")
GAP_LIMITS = (10, 60)  # the gap to the bound is reported at these limits
LONG_LIMIT = 180  # "best known": the best of every run, and of these long runs
REPLAN_LIMIT = 1.0


def make_plan(kind: str, n: int, seed: int):
    from solver import load_plan
    from tools.generate import generate_plan
    from tools.province import province_plan

    if kind == "sample":
        return load_plan(ROOT / "data" / f"{n}.json")
    if kind == "city":
        return generate_plan(n, seed=seed)
    return province_plan(n, seed=seed)


def one(job: dict) -> dict:
    """Run one job in this process; the result as a dict (printed as JSON by ``--one``)."""
    from plain_model import plain_solve

    from solver import SolveOptions, check, solve
    from solver.greedy import greedy_schedule, improve

    plan = make_plan(job["kind"], job["n"], job["seed"])
    limit = job["limit"]
    started = time.perf_counter()
    method = job["method"]
    if method in ("ours", "ours-1w"):
        options = SolveOptions(time_limit_s=limit, **({"num_workers": 1} if method == "ours-1w" else {}))
        s = solve(plan, options)
    elif method == "plain":
        s = plain_solve(plan, time_limit_s=limit, workers=2)
    elif method == "plain-wall":
        s = plain_solve(plan, time_limit_s=limit, workers=2, keep_wall=True)
    else:
        g = greedy_schedule(plan)
        s = improve(plan, g) if g.status == "feasible" else g
    wall = time.perf_counter() - started
    out = {
        **job,
        "topics": len(plan.topics),
        "status": s.status,
        "wall": round(wall, 3),
        "stopped_by": getattr(s, "stopped_by", None),
        "bound": s.bound,
        "bound_source": getattr(s, "bound_source", None),
    }
    if s.assignments:
        rep = check(plan, s)
        out["hard"] = len(rep.hard)
        out["objective"] = rep.penalty() if len(s.assignments) == len(plan.topics) else None
        out["placed"] = len(s.assignments)
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return out


def replan_job(job: dict) -> dict:
    """Solve a plan, pin one topic elsewhere, re-plan from the solved schedule: time and topics moved."""
    from solver import SolveOptions, check, solve
    from solver.whatif import pin, replan, suggest_months

    plan = make_plan(job["kind"], job["n"], job["seed"])
    cold = solve(plan, SolveOptions(time_limit_s=job["limit"]))
    for t in plan.topics:
        rows = [r for r in suggest_months(plan, cold, t.id) if r.feasible and not r.current]
        if rows:
            topic, month = t.id, rows[0].month
            break
    pinned = pin(plan, topic, month)
    started = time.perf_counter()
    again = replan(pinned, cold, SolveOptions(time_limit_s=job.get("replan_limit", REPLAN_LIMIT)))
    wall = time.perf_counter() - started
    rep = check(pinned, again, baseline=cold)
    return {
        **job,
        "topic": topic,
        "month": month,
        "wall": round(wall, 3),
        "status": again.status,
        "stopped_by": again.stopped_by,
        "hard": len(rep.hard),
        "moved": rep.counts["moved"],
        "objective": rep.penalty(),
        "cold_objective": cold.objective,
    }


def run(job: dict, raw: Path = RAW) -> dict:
    """``job`` in a fresh process; a failed process is a result too."""
    cmd = [sys.executable, __file__, "--one", json.dumps(job)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    try:
        out = json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        out = {**job, "status": "error", "error": p.stderr[-500:]}
    out["load"] = round(os.getloadavg()[0], 2)
    with raw.open("a", encoding="utf-8") as f:
        f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(json.dumps(out, ensure_ascii=False), file=sys.stderr, flush=True)
    return out


def machine() -> str:
    import ortools

    kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {kb / 1024 / 1024:.0f} GiB, Python "
        f"{platform.python_version()}, OR-Tools {ortools.__version__}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average at start {os.getloadavg()[0]:.2f}"
    )


def jobs(args) -> list[dict]:
    seeds = SEEDS[:1] if args.quick else SEEDS
    out = []
    if not args.no_samples:
        for name in SAMPLES:
            out.append({"method": "ours", "kind": "sample", "n": name, "seed": 0, "limit": 1})
    for n in args.sizes:
        kind = "city" if n < 100 else "province"
        for seed in seeds:
            out.append({"method": "greedy", "kind": kind, "n": n, "seed": seed, "limit": 0})
            for limit in args.limits:
                for method in ("ours", "plain", *(("plain-wall",) if args.plain_wall else ())):
                    out.append({"method": method, "kind": kind, "n": n, "seed": seed, "limit": limit})
                if args.one_worker and n in (200, 1000) and limit >= 5:
                    out.append({"method": "ours-1w", "kind": kind, "n": n, "seed": seed, "limit": limit})
    if not args.quick and not args.no_long:
        for n in (200, 1000):
            if n in args.sizes:
                for method in ("ours", "plain"):
                    out.append({"method": method, "kind": "province", "n": n, "seed": 0, "limit": 60})
        if 200 in args.sizes:
            for seed in seeds:
                out.append({"method": "plain", "kind": "province", "n": 200, "seed": seed, "limit": LONG_LIMIT})
    if 1000 in args.sizes:
        for replan_limit in (REPLAN_LIMIT, 5.0):
            job = {"method": "replan", "kind": "province", "n": 1000, "seed": 0, "limit": 10}
            out.append({**job, "replan_limit": replan_limit})
    return out


def _number(text: str) -> float | int:
    x = float(text)
    return int(x) if x.is_integer() else x


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    ap.add_argument("--limits", type=_number, nargs="*", default=list(LIMITS), help="wall-clock limits (s)")
    ap.add_argument("--no-long", action="store_true", help="without the 60 s and 180 s runs")
    ap.add_argument("--no-samples", action="store_true", help="without the sample plans of data/")
    ap.add_argument("--plain-wall", action="store_true", help="also the plain model keeping the wall limit")
    ap.add_argument("--no-1w", dest="one_worker", action="store_false", help="without the one-worker runs")
    ap.add_argument("--raw", type=Path, default=RAW, help="the JSON-lines file results are appended to")
    ap.add_argument("--one", type=str, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        job = json.loads(args.one)
        print(json.dumps(replan_job(job) if job["method"] == "replan" else one(job), ensure_ascii=False))
        return
    print(f"Machine: {machine()}", file=sys.stderr)
    for job in jobs(args):
        run(job, args.raw)


if __name__ == "__main__":
    main()
