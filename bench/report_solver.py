"""Markdown tables from ``bench/results/solver-raw.jsonl`` (written by bench/bench_solver.py).

Usage: ``python bench/report_solver.py [raw.jsonl]`` — prints the tables that go into
bench/results/solver.md.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

RAW = Path(__file__).resolve().parent / "results" / "solver-raw.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fmt(x, nd=2) -> str:
    if x is None:
        return "–"
    return f"{x:.{nd}f}" if isinstance(x, float) else str(x)


def best_known(rows: list[dict]) -> dict[tuple, int]:
    """The lowest checked objective of any run, per instance."""
    out: dict[tuple, int] = {}
    for r in rows:
        if r.get("objective") is not None and r.get("hard") == 0:
            key = (r["kind"], r["n"], r["seed"])
            out[key] = min(out.get(key, r["objective"]), r["objective"])
    return out


def matrix(rows: list[dict]) -> str:
    best = best_known(rows)
    head = (
        "| topics | seed | limit (s) | method | status | objective (checker) | vs plain | vs best known | bound "
        "| wall (s) | wall ≤ limit+10 % | stopped by | hard | peak RSS (MB) | load |\n"
        "|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|"
    )
    out = [head]
    by_key = {(r["kind"], r["n"], r["seed"], r["limit"], r["method"]): r for r in rows}
    for r in rows:
        if r["kind"] == "sample" or r["method"] == "replan":
            continue
        plain = by_key.get((r["kind"], r["n"], r["seed"], r["limit"], "plain"))
        vs_plain = "–"
        if not r["method"].startswith("plain") and plain and plain.get("objective") and r.get("objective") is not None:
            vs_plain = f"{(r['objective'] - plain['objective']) / plain['objective']:+.0%}"
        elif (
            not r["method"].startswith("plain")
            and r.get("objective") is not None
            and plain
            and plain.get("objective") is None
        ):
            vs_plain = "plain: none"
        b = best.get((r["kind"], r["n"], r["seed"]))
        vs_best = f"{(r['objective'] - b) / b:+.1%}" if b and r.get("objective") is not None else "–"
        within = "–" if r["method"] == "greedy" else ("yes" if r["wall"] <= 1.1 * r["limit"] else "**no**")
        out.append(
            f"| {r['n']} | {r['seed']} | {r['limit'] or '–'} | {r['method']} | {r['status']} "
            f"| {fmt(r.get('objective'))} | {vs_plain} | {vs_best} | {fmt(r.get('bound'))} | {r['wall']:.2f} "
            f"| {within} | {r.get('stopped_by') or '–'} | {fmt(r.get('hard'))} | {r.get('rss_mb', '–')} "
            f"| {r.get('load', '–')} |"
        )
    return "\n".join(out)


def summary(rows: list[dict]) -> str:
    """Per size, limit and method: schedules found, median objective ratio to plain, walls within the limit."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r["kind"] != "sample" and r["method"] not in ("replan", "greedy"):
            groups[(r["n"], r["limit"], r["method"])].append(r)
    by_key = {(r["n"], r["seed"], r["limit"], r["method"]): r for r in rows if r["kind"] != "sample"}
    out = [
        "| topics | limit (s) | method | runs | schedule with no hard violation | median objective / plain "
        "| median objective / plain-wall | walls within limit+10 % | max wall (s) |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (n, limit, method), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        ok = sum(1 for r in rs if r.get("objective") is not None and r.get("hard") == 0)
        medians = []
        for yardstick in ("plain", "plain-wall"):
            ratios = []
            for r in rs:
                p = by_key.get((n, r["seed"], limit, yardstick))
                if not method.startswith("plain") and p and p.get("objective") and r.get("objective") is not None:
                    ratios.append(r["objective"] / p["objective"])
            medians.append(fmt(statistics.median(ratios)) if ratios else "–")
        within = sum(1 for r in rs if r["wall"] <= 1.1 * limit)
        out.append(
            f"| {n} | {limit} | {method} | {len(rs)} | {ok} | {medians[0]} | {medians[1]} "
            f"| {within}/{len(rs)} | {max(r['wall'] for r in rs):.2f} |"
        )
    return "\n".join(out)


def samples(rows: list[dict]) -> str:
    out = ["| plan | topics | status | objective | wall (s) | stopped by |", "|---|---:|---|---:|---:|---|"]
    for r in rows:
        if r["kind"] == "sample":
            out.append(
                f"| {r['n']} | {r['topics']} | {r['status']} | {fmt(r.get('objective'))} | {r['wall']:.2f} "
                f"| {r.get('stopped_by')} |"
            )
    return "\n".join(out)


def main() -> None:
    rows = load(Path(sys.argv[1]) if len(sys.argv) > 1 else RAW)
    print("### Real sample plans (limit 1 s)\n")
    print(samples(rows))
    print("\n### Summary\n")
    print(summary(rows))
    print("\n### Every run\n")
    print(matrix(rows))
    for r in rows:
        if r["method"] == "replan" and r["status"] == "unknown":
            print(
                f"\n- Re-plan after pinning {r.get('topic')} to {r.get('month')}月 ({r['n']} topics, seed {r['seed']}) "
                f"at a {r.get('replan_limit', 1.0):g} s limit: no schedule (unknown, answered in {r['wall']:.2f} s: "
                f"the limit cannot hold the model and the final check of this plan), load {r.get('load')}."
            )
        elif r["method"] == "replan":
            print(
                f"\n- Re-plan after pinning {r.get('topic')} to {r.get('month')}月 ({r['n']} topics, seed {r['seed']}, "
                f"solved first at a {r['limit']} s limit): {r['wall']:.2f} s wall "
                f"at a {r.get('replan_limit', 1.0):g} s limit, "
                f"status {r['status']}, stopped by {r.get('stopped_by')}, {r.get('moved')} topic(s) moved, "
                f"{r.get('hard')} hard violations, objective {r.get('objective')} (before the pin "
                f"{r.get('cold_objective')}), load {r.get('load')}."
            )


if __name__ == "__main__":
    main()
