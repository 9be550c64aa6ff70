"""Time leadership's one-page sheet: building its HTML, printing it to PDF with Chromium, drawing the PNG.

    python bench/bench_printing.py                  # 3 runs each, writes bench/results/printing.md
    python bench/bench_printing.py --runs 5 --no-write

Plans from the generator (seed 1) with the greedy start's schedule (no solve is
timed): 11 and 60 topics (the detail view) and 1000 (the summary). "sheet" is
:func:`services.printing.sheet_for` (the checker included); "pdf" is
:func:`services.printing.sheet_pdf` (headless Chromium start-up, layout, print,
the text-layer fix); "png" is :func:`services.printing.sheet_png` (the print
again, then ``pdftoppm`` at 150 dpi). Each figure: median of ``--runs`` runs
(min and max beside it), wall clock (``time.perf_counter``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services import printing  # noqa: E402
from services.access import Actor, Role  # noqa: E402
from solver.greedy import greedy_schedule  # noqa: E402
from tools.generate import generate_plan  # noqa: E402

SIZES = (11, 60, 1000)
ACTOR = Actor(name="bench", role=Role.LEADER)


def _time(fn, runs: int) -> tuple[float, float, float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return statistics.median(out), min(out), max(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    load_before = os.getloadavg()
    rows = []
    for n in SIZES:
        plan = generate_plan(n, seed=1)
        schedule = greedy_schedule(plan)
        sheet = printing.sheet_for(plan, schedule, actor=ACTOR)
        for step, fn in (
            ("sheet", lambda p=plan, s=schedule: printing.sheet_for(p, s, actor=ACTOR)),
            ("pdf", lambda sh=sheet: printing.sheet_pdf(sh)),
            ("png", lambda sh=sheet: printing.sheet_png(sh)),
        ):
            med, lo, hi = _time(fn, args.runs)
            rows.append((n, sheet.view, step, med, lo, hi))
            print(f"{n:>5} {sheet.view:<8} {step:<6} {med:6.2f} s  ({lo:.2f}–{hi:.2f})", flush=True)
    load_after = os.getloadavg()
    if args.no_write:
        return 0
    chromium = subprocess.run([printing.chromium_path(), "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# Printing benchmark (`bench/bench_printing.py`)",
        "",
        "Leadership's one-page sheet (领导总览): HTML, PDF by headless Chromium, PNG by pdftoppm.",
        "",
        "Reproduce: `python bench/bench_printing.py` (writes this file).",
        "",
        "## Setup",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC (the machine's clock)",
        f"- Machine: {os.cpu_count()} CPUs, {platform.platform()}, {platform.machine()}",
        f"- Load average (1, 5, 15 min) before: {' '.join(f'{x:.2f}' for x in load_before)}; "
        f"after: {' '.join(f'{x:.2f}' for x in load_after)} (other sessions share the cores)",
        f"- Python {platform.python_version()}, {chromium}",
        "- Plans: the generator's, seed 1, with the greedy start's schedule",
        f"- Each figure: median of {args.runs} runs (min, max beside it), wall clock",
        "",
        "## Results",
        "",
        "| topics | view | step | median s | min s | max s |",
        "| ---: | --- | --- | ---: | ---: | ---: |",
        *(f"| {n} | {view} | {step} | {med:.2f} | {lo:.2f} | {hi:.2f} |" for n, view, step, med, lo, hi in rows),
        "",
    ]
    (ROOT / "bench" / "results" / "printing.md").write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
