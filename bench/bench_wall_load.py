"""The wall limit under a simulated load (issue 9): old tree vs this one, the solver pinned to one busy core.

Usage::

    python bench/bench_wall_load.py OLD_TREE OUT.jsonl [--busy 3] [--cases 1000:2:1 1000:2:5 5000:0:5 5000:0:10]

Starts ``--busy`` processes spinning on core 0 (``taskset -c 0``), then for
each case (topics:seed:limit) runs old and new back to back, each a fresh
process pinned to core 0 (``bench/bench_solver.py --one``: the plan is built
first, not timed; the schedule goes through the independent checker), and
stops the spinning processes it started. Rows go to OUT.jsonl with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one(tree: Path, n: int, seed: int, limit: float) -> dict:
    job = {"kind": "province", "n": n, "seed": seed, "limit": limit, "method": "ours"}
    cmd = ["taskset", "-c", "0", sys.executable, str(tree / "bench" / "bench_solver.py"), "--one", json.dumps(job)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=tree)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {**job, "status": "error", "error": p.stderr[-300:]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--busy", type=int, default=3)
    ap.add_argument("--cases", nargs="+", default=["1000:2:1", "1000:2:5", "5000:0:5", "5000:0:10"])
    ap.add_argument("--sides", nargs="+", default=["old", "new"], choices=["old", "new"])
    args = ap.parse_args()
    spin = [subprocess.Popen(["taskset", "-c", "0", sys.executable, "-c", "while 1: pass"]) for _ in range(args.busy)]
    try:
        for case in args.cases:
            n, seed, limit = case.split(":")
            for side, tree in (("old", args.old), ("new", ROOT)):
                if side not in args.sides:
                    continue
                row = {"side": side, "busy": args.busy, **one(tree, int(n), int(seed), float(limit))}
                row["load"] = round(os.getloadavg()[0], 2)
                print(json.dumps(row, ensure_ascii=False), flush=True)
                with args.out.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        for p in spin:
            p.kill()


if __name__ == "__main__":
    main()
