"""How fast small plans are proven optimal, with and without the spread's counting cuts (issue 9).

    python bench/bench_proof.py                 # 50-topic seeds 0-4 and the samples of data/
    python bench/bench_proof.py --repeat 6      # random seeds 0-5 per plan and side

For every plan, with the counting cuts of ``solver.rules.load`` on and off:

* ``lp``: the LP relaxation bound of the solve-mode model (the CP-SAT proto
  read into GLOP: every linear row, exactly-one and bool-or as they are, a
  max-equality as its one-sided ``target >= expr`` rows, which is exact for a
  minimised penalty). It does not depend on the machine or its load.
* ``solver.solve`` with its default options and a 10 s limit (``--limit``), once per
  random seed ``0 .. repeat-1`` (once for plans above 60 topics, which run
  to the limit): the work units (CP-SAT's deterministic time) of its
  full-model search, read from its log — load-independent — and its wall
  time, what a planner waits for (depends on the load); status, objective.

Each solve runs in this process; the order alternates (on, off, off, on, ...)
so that a change of load hits both sides. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = ("weihai-2023", "luoyang-2019", "seed001-2022", "synthetic-50", "synthetic-200")


def lp_bound(model) -> float:
    """The LP relaxation bound of a solve-mode CP-SAT model (see the module docstring)."""
    from ortools.linear_solver import pywraplp

    p = model.proto
    s = pywraplp.Solver.CreateSolver("GLOP")
    v = []
    for i, var in enumerate(p.variables):
        dom = list(var.domain)
        v.append(s.NumVar(dom[0], dom[-1], f"v{i}"))

    def lit(k):
        return v[k] if k >= 0 else 1 - v[-k - 1]

    def expr(e):
        return sum(c * v[x] for x, c in zip(e.vars, e.coeffs, strict=True)) + e.offset

    for ct in p.constraints:
        if ct.has_linear() and len(ct.linear.vars):
            row = sum(c * v[x] for x, c in zip(ct.linear.vars, ct.linear.coeffs, strict=True))
            dom = list(ct.linear.domain)
            if dom[0] > -(2**62):
                s.Add(row >= dom[0])
            if dom[-1] < 2**62:
                s.Add(row <= dom[-1])
        elif ct.has_exactly_one():
            s.Add(sum(lit(k) for k in ct.exactly_one.literals) == 1)
        elif ct.has_at_most_one():
            s.Add(sum(lit(k) for k in ct.at_most_one.literals) <= 1)
        elif ct.has_bool_or():
            s.Add(sum(lit(k) for k in ct.bool_or.literals) >= 1)
        elif ct.has_lin_max():
            target = expr(ct.lin_max.target)
            for e in ct.lin_max.exprs:
                s.Add(target >= expr(e))
        elif ct.has_bool_and() or ct.has_int_prod() or ct.has_element():
            raise ValueError("a constraint the solve-mode model does not use")
    o = p.objective
    s.Minimize(sum(c * v[x] for x, c in zip(o.vars, o.coeffs, strict=True)) + o.offset)
    if s.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("the LP relaxation was not solved")
    return s.Objective().Value()


def plans() -> list[tuple[str, object]]:
    from solver import load_plan
    from tools.generate import generate_plan

    out = [(f"generated 50, seed {seed}", generate_plan(50, seed=seed)) for seed in range(5)]
    out += [(name, load_plan(ROOT / "data" / f"{name}.json")) for name in SAMPLES]
    return out


class _FullModelLog(logging.Handler):
    """Keeps the work units of ``solve``'s full-model search (its "full model: ..." log line)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.work: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if text.startswith("full model:"):
            self.work.append(float(text.split(",")[1].split()[0]))


def measure(plan, cuts_on: bool, repeat: int, limit: float) -> dict:
    import solver.rules.load as load
    from solver import SolveOptions, solve
    from solver.model import PlanModel

    original = load._spread_counting_cuts
    if not cuts_on:
        load._spread_counting_cuts = lambda *args: 0
    seen = _FullModelLog()
    logger = logging.getLogger("solver.solving")
    logger.setLevel(logging.INFO)
    logger.addHandler(seen)
    try:
        lp = lp_bound(PlanModel(plan).model)
        walls, results = [], []
        for seed in range(repeat if len(plan.topics) <= 60 else 1):  # a 200-topic solve runs to its limit
            t0 = time.perf_counter()
            results.append(solve(plan, SolveOptions(time_limit_s=limit, random_seed=seed)))
            walls.append(time.perf_counter() - t0)
    finally:
        load._spread_counting_cuts = original
        logger.removeHandler(seen)
    return {"lp": lp, "work": seen.work, "walls": walls, "results": results, "load": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=1, help="solves per plan and side")
    ap.add_argument("--limit", type=float, default=10.0, help="the planner's time limit (s)")
    ap.add_argument("--no-200", action="store_true", help="without synthetic-200")
    args = ap.parse_args()
    import ortools

    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"OR-Tools {ortools.__version__}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"load average at start {os.getloadavg()[0]:.2f}; limit {args.limit:g} s\n"
    )
    print("| plan | cuts | LP bound | runs | work: mean / max | wall (s): median / max | status | objective | load |")
    print("|---|---|---:|---:|---|---|---|---|---:|")
    for i, (name, plan) in enumerate(plans()):
        if args.no_200 and len(plan.topics) > 60:
            continue
        order = (True, False) if i % 2 == 0 else (False, True)
        rows = {on: measure(plan, on, args.repeat, args.limit) for on in order}
        for on in (False, True):
            r = rows[on]
            work, walls = r["work"], sorted(r["walls"])
            count = Counter(str(x.status.value) for x in r["results"])
            statuses = ", ".join(f"{k} ×{n}" for k, n in sorted(count.items()))
            objectives = "/".join(str(o) for o in sorted({x.objective for x in r["results"]}))  # every value seen
            print(
                f"| {name} | {'on' if on else 'off'} | {r['lp']:.2f} | {len(walls)} | "
                f"{sum(work) / max(len(work), 1):.3f} / {max(work, default=0):.2f} | "
                f"{walls[len(walls) // 2]:.2f} / {walls[-1]:.2f} | {statuses} | {objectives} | {r['load']:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
