"""The search modes: one deterministic worker, the seeded LNS for big plans, the
parallel portfolio, and the greedy start — every answer checked independently."""

from __future__ import annotations

from pathlib import Path

import pytest
from checked import assert_checked

from solver import SolveOptions, check, load_plan, solve
from solver.greedy import greedy_schedule, improve
from tools.generate import generate_plan

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def plan60():
    return generate_plan(60, seed=7)


@pytest.mark.parametrize("workers", [1, 2])
def test_lns_mode_is_checked_and_reproducible(plan60, workers):
    # a work budget well inside a generous clock: the work, not the load, ends the search
    options = SolveOptions(time_limit_s=120, work_limit_s=1.0, lns_above_topics=0, num_workers=workers)
    a, b = solve(plan60, options), solve(plan60, options)
    assert a.status in ("optimal", "feasible")
    assert a.stopped_by in ("work_limit", "no_improvement", "optimal")
    assert_checked(plan60, a, options)
    assert a.assignments == b.assignments and a.objective == b.objective


def test_parallel_mode_is_checked(plan60):
    options = SolveOptions(time_limit_s=1.5, deterministic=False)
    s = solve(plan60, options)
    assert s.status in ("optimal", "feasible")
    assert_checked(plan60, s, options)


def test_lns_never_worse_than_its_start(plan60):
    start = improve(plan60, greedy_schedule(plan60))
    s = solve(plan60, SolveOptions(time_limit_s=1.5, lns_above_topics=0))
    assert s.objective <= check(plan60, start).penalty()


@pytest.mark.parametrize("name", ["weihai-2023", "luoyang-2019", "seed001-2022", "synthetic-50"])
def test_greedy_and_polish_keep_hard_rules(name):
    plan = load_plan(DATA / f"{name}.json")
    g = greedy_schedule(plan)
    assert g.status == "feasible" and check(plan, g).ok
    polished = improve(plan, g)
    assert check(plan, polished).ok and check(plan, polished).penalty() <= check(plan, g).penalty()


def test_lns_replan_repairs_the_previous_schedule(plan60):
    from solver.whatif import pin, suggest_months

    options = SolveOptions(time_limit_s=1.5, lns_above_topics=0)
    first = solve(plan60, options)
    # the first topic with a feasible other month
    for t in plan60.topics:
        rows = [r for r in suggest_months(plan60, first, t.id) if r.feasible and not r.current]
        if rows:
            tid, month = t.id, rows[0].month
            break
    pinned = pin(plan60, tid, month)
    again = solve(pinned, options, baseline=first)
    assert again.month_of()[tid] == month
    assert_checked(pinned, again, options, baseline=first)
    assert again.objective_breakdown["moved"]["count"] <= 3
