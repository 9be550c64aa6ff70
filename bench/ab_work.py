"""Paired A/B of the solver at equal *work*: what each side finds on an idle machine, whatever the load.

``bench/ab_solver.py`` compares the sides at equal wall seconds, which on a
shared machine (load 5–12 measured) leaves the answer to the load. Here every
run gets a work budget (``SolveOptions.work_limit_s``) and a wall limit far
above it, so the work budget ends the search and the answer is the one an
idle machine gives at that limit (``solver.budget``): the same on a rerun.
Old and new run back to back, one fresh process each, solver imported from
each side's tree; every schedule goes through the independent checker.

Usage::

    python bench/ab_work.py OLD_TREE OUT.jsonl --sizes 200 1000 --work 1 5 10 --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WALL_PER_WORK = 12  # wall seconds allowed per second of work: load 10 measured up to 7.5
WALL_MIN = 60.0

_ONE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from solver import SolveOptions, check, solve
from tools.province import province_plan
n, seed, work, wall = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
plan = province_plan(n, seed=seed)
started = time.perf_counter()
s = solve(plan, SolveOptions(time_limit_s=wall, work_limit_s=work))
took = time.perf_counter() - started
report = check(plan, s)
print(json.dumps({"n": n, "seed": seed, "work": work, "objective": report.penalty(), "hard": len(report.hard),
                  "bound": s.bound, "status": str(s.status), "stopped_by": s.stopped_by, "wall": round(took, 2)}))
"""


def one(tree: Path, n: int, seed: int, work: float) -> dict:
    wall = max(WALL_MIN, WALL_PER_WORK * work)
    cmd = [sys.executable, "-c", _ONE, str(tree), str(n), str(seed), str(work), str(wall)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=tree)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"n": n, "seed": seed, "work": work, "status": "error", "error": p.stderr[-500:]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--sizes", type=int, nargs="*", default=[200, 1000])
    ap.add_argument("--work", type=float, nargs="*", default=[1, 5, 10])
    ap.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    args = ap.parse_args()
    for n in args.sizes:
        for seed in args.seeds:
            for work in args.work:
                for code, tree in (("old", args.old), ("new", ROOT)):
                    row = {**one(tree, n, seed, work), "code": code, "load": round(os.getloadavg()[0], 2)}
                    with args.out.open("a", encoding="utf-8") as f:
                        f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
