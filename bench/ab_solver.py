"""Paired A/B runs of the solver benchmark: old code vs new code vs the plain model, alternately.

The machine is shared (load 2–13 measured): a fixed order of whole matrices
compares one side at load 3 with the other at load 10. Here every instance and
limit runs each side back to back, one fresh process each, through
``bench/bench_solver.py --one`` of the side's own tree, so the pairs share
the load; every row gets the load average after it.

Usage::

    python bench/ab_solver.py OLD_TREE OUT.jsonl --sizes 200 1000 --limits 1 5 10 --seeds 0 1 2

``OLD_TREE``: a checkout of the old code (``git archive <commit> | tar -x -C DIR``).
Sides: ``old`` (ours in OLD_TREE), ``new`` (ours here), ``plain`` and
``plain-wall`` (here). Rows are bench_solver's, plus ``code`` (old/new) and ``load``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one(tree: Path, job: dict) -> dict:
    cmd = [sys.executable, str(tree / "bench" / "bench_solver.py"), "--one", json.dumps(job)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=tree)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {**job, "status": "error", "error": p.stderr[-500:]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--sizes", type=int, nargs="*", default=[200, 1000])
    ap.add_argument("--limits", type=float, nargs="*", default=[1, 5, 10])
    ap.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    ap.add_argument("--sides", nargs="*", default=["old", "new", "plain", "plain-wall"])
    args = ap.parse_args()
    for n in args.sizes:
        kind = "city" if n < 100 else "province"
        for seed in args.seeds:
            for limit in args.limits:
                limit = int(limit) if float(limit).is_integer() else limit
                for side in args.sides:
                    method = "ours" if side in ("old", "new") else side
                    job = {"method": method, "kind": kind, "n": n, "seed": seed, "limit": limit}
                    row = one(args.old if side == "old" else ROOT, job)
                    row["code"] = "old" if side == "old" else "new"
                    row["load"] = round(os.getloadavg()[0], 2)
                    with args.out.open("a", encoding="utf-8") as f:
                        f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
