"""Solver benchmark: sample plans, 50/200/1000 topics, re-plan, greedy baseline.

Usage::

    python bench/bench_solver.py            # full run (several minutes), prints Markdown
    python bench/bench_solver.py --quick    # fewer repetitions, no 60 s runs

Every figure is a median over repeated runs on this machine; the Markdown it
prints is what goes into bench/RESULTS.md together with the machine and date.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ortools  # noqa: E402

from solver import SolveOptions, check, load_plan, solve  # noqa: E402
from solver.greedy import greedy_schedule  # noqa: E402
from solver.whatif import pin, replan, suggest_months  # noqa: E402
from tools.generate import generate_plan  # noqa: E402


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def gap(s) -> str:
    if s.objective is None:
        return "–"
    if s.objective == 0:
        return "0%"
    return f"{(s.objective - s.bound) / s.objective:.1%}"


MODES = {
    "det": ("确定性(默认)", {}),
    "det-no-lns": ("确定性,不用 LNS", {"lns_above_topics": 10**9}),
    "parallel": ("并行 2 线程", {"deterministic": False}),
}


def run_plan(name: str, plan, *, limit: float, reps: int, mode: str = "det") -> dict:
    label, extra = MODES[mode]
    rows = []
    for _ in range(reps):
        s, secs = timed(solve, plan, SolveOptions(time_limit_s=limit, **extra))
        assert s.status in ("optimal", "feasible"), (name, s.status, s.explanation)
        assert check(plan, s).ok
        rows.append((secs, s))
    secs = statistics.median(r[0] for r in rows)
    s = rows[0][1]
    same = len({tuple((a.topic, a.month, a.lead) for a in r[1].assignments) for r in rows}) == 1
    g = greedy_schedule(plan)
    greedy = check(plan, g).penalty() if g.status == "feasible" else None
    return {
        "name": name,
        "topics": len(plan.topics),
        "mode": label,
        "limit": limit,
        "status": s.status,
        "objective": s.objective,
        "bound": s.bound,
        "gap": gap(s),
        "secs": secs,
        "reps": reps,
        "same": same,
        "greedy": greedy,
    }


def table(rows: list[dict]) -> str:
    out = [
        "| plan | topics | mode | limit (s) | status | objective | bound | gap | median wall (s) | runs "
        "| same answer | greedy objective |",
        "|---|---:|---|---:|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['name']} | {r['topics']} | {r['mode']} | {r['limit']:g} | {r['status']} | {r['objective']} "
            f"| {r['bound']} | {r['gap']} | {r['secs']:.2f} | {r['reps']} | {('yes' if r['same'] else 'no') if r['reps'] > 1 else '–'} "
            f"| {r['greedy'] if r['greedy'] is not None else '–'} |"
        )
    return "\n".join(out)


def first_schedule_1000(seed: int) -> str:
    plan = generate_plan(1000, seed=seed)
    g, secs = timed(greedy_schedule, plan)
    rep = check(plan, g)
    return (
        f"1000 topics (seed {seed}): greedy first schedule in {secs:.3f} s, "
        f"{len(g.assignments)}/1000 placed, {len(rep.hard)} hard violations, objective {rep.penalty()}"
    )


REPLAN_LIMIT = 0.5  # a re-plan is a repair of a good schedule; it needs little time


def replan_bench(plan, reps: int, limit: float) -> str:
    cold, cold_secs = timed(solve, plan, SolveOptions(time_limit_s=limit))
    # pin a topic that has a feasible other month (the what-if a planner would make)
    for t in plan.topics:
        options = [r for r in suggest_months(plan, cold, t.id) if r["feasible"] and not r["current"]]
        if options:
            topic, month = t.id, options[0]["month"]
            break
    pinned = pin(plan, topic, month)
    times, result = [], None
    for _ in range(reps):
        result, secs = timed(replan, pinned, cold, SolveOptions(time_limit_s=REPLAN_LIMIT))
        times.append(secs)
        assert check(pinned, result, baseline=cold).ok
    recold, recold_secs = timed(solve, pinned, SolveOptions(time_limit_s=limit))
    moved = result.objective_breakdown["moved"]["count"]
    recold_moved = check(pinned, recold, baseline=cold).counts["moved"]
    return (
        f"re-plan after pinning {topic} to {month}月 ({len(plan.topics)} topics): "
        f"median {statistics.median(times):.2f} s "
        f"over {reps} runs (time limit {REPLAN_LIMIT:g} s), {moved} topic(s) moved, objective {result.objective} "
        f"(status {result.status}); a cold solve of the pinned plan took {recold_secs:.2f} s "
        f"(limit {limit:g} s) for objective {recold.objective} with {recold_moved} topics moved "
        f"against the previous schedule. (First cold solve: {cold_secs:.2f} s.)"
    )


def machine() -> str:
    mem = ""
    try:
        kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, "
        f"OR-Tools {ortools.__version__}, load average at start {load:.2f}, {date.today().isoformat()}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    reps_small, reps_big = (3, 1) if args.quick else (5, 3)

    print(f"Machine: {machine()}\n")
    rows = []
    for path in ("weihai-2023", "luoyang-2019", "seed001-2022", "synthetic-50"):
        rows.append(run_plan(path, load_plan(ROOT / "data" / f"{path}.json"), limit=10, reps=reps_small))
    p200 = load_plan(ROOT / "data" / "synthetic-200.json")
    for mode in MODES:
        rows.append(run_plan("synthetic-200", p200, limit=5, reps=reps_big, mode=mode))
    p1000 = generate_plan(1000, seed=1000)
    limits = (10,) if args.quick else (10, 60)
    for limit in limits:
        for mode in ("det", "parallel"):
            rows.append(run_plan("generated-1000", p1000, limit=limit, reps=1, mode=mode))
    print(table(rows))
    print()
    print("- " + first_schedule_1000(1000))
    print("- " + replan_bench(p200, reps_small, limit=5))


if __name__ == "__main__":
    main()
