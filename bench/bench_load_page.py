"""负荷 page, first paint: build the open tab's heatmap only vs all three (issue 11).

Times the work the page does on a cold cache — the load rows, then a heatmap frame and its
Vega-Lite spec per kind — for one kind (what the page does now) and for all three (what it did).
Run: ``.venv/bin/python bench/bench_load_page.py [plan.json ...]``; writes bench/results/load_page.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from solver import load_plan, whatif  # noqa: E402
from solver.greedy import greedy_schedule  # noqa: E402
from ui import charts  # noqa: E402
from ui import texts as U  # noqa: E402

REPEATS = 7  # medians of 7 cold builds: enough to see through the noise of a shared 2-core machine
PLANS = ["data/weihai-2023.json", "data/synthetic-50.json", "data/synthetic-200.json"]


def build(plan, schedule, kinds) -> float:
    started = time.perf_counter()
    rows = whatif.loads(plan, schedule)
    for kind in kinds:
        df = charts.load_frame(rows, plan, kind, only_busy=True)
        if not df.empty:
            charts.heatmap(df).to_dict()
    return time.perf_counter() - started


def main(paths: list[str]) -> None:
    lines = []
    for path in paths:
        plan = load_plan(ROOT / path)
        schedule = greedy_schedule(plan)
        build(plan, schedule, list(U.LD_TABS))  # warm imports (Altair, pandas)
        one = statistics.median(build(plan, schedule, ["department"]) for _ in range(REPEATS))
        three = statistics.median(build(plan, schedule, list(U.LD_TABS)) for _ in range(REPEATS))
        lines.append(f"| `{path}` ({len(plan.topics)} topics) | {one * 1000:.0f} ms | {three * 1000:.0f} ms |")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    out = [
        "# 负荷 page: heatmaps built on a cold cache (bench/bench_load_page.py)",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} CPUs (load average {load}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- Schedule: `solver.greedy.greedy_schedule` of each plan; median of {REPEATS} builds",
        "",
        "| plan | open tab only (now) | all three tabs (before) |",
        "| --- | --- | --- |",
        *lines,
        "",
    ]
    (ROOT / "bench" / "results" / "load_page.md").write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:] or PLANS)
