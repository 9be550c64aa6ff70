"""The real plans: what the checker says of the published months, and what the solver does better."""

from __future__ import annotations

from pathlib import Path

import pytest
from checked import assert_checked

from solver import SolveOptions, check, load_plan, load_schedule, solve

DATA = Path(__file__).resolve().parents[2] / "data"

# name -> (department overloads in the published plan, overloaded (department, month) pairs)
PUBLISHED = {
    "weihai-2023": (6, {("jiaotong", 7), ("jiaotong", 8), ("shenpi", 7), ("nongye", 8), ("wenlv", 8), ("zhujian", 8)}),
    "luoyang-2019": (2, {("shangwu", 5), ("xianqu", 5)}),
    "seed001-2022": (0, set()),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_months_keep_hard_rules_and_their_overloads_are_counted(name):
    plan = load_plan(DATA / f"{name}.json")
    rep = check(plan, load_schedule(DATA / f"{name}.published.json", plan))
    assert rep.ok, [f.message for f in rep.hard]
    count, pairs = PUBLISHED[name]
    assert rep.counts["department_overload"] == count
    assert {(w.department, w.month) for w in rep.warnings if w.kind == "department_overload"} == pairs


def test_weihai_published_overload_message_names_department_and_month():
    plan = load_plan(DATA / "weihai-2023.json")
    rep = check(plan, load_schedule(DATA / "weihai-2023.published.json", plan))
    assert "市交通局 8月 需参加 2 项协商(上限 1)" in [w.message for w in rep.warnings]


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_sample_plans_solve_to_optimality_and_beat_the_published_months(name):
    plan = load_plan(DATA / f"{name}.json")
    options = SolveOptions(time_limit_s=10)
    s = solve(plan, options)
    assert s.status == "optimal"
    assert_checked(plan, s, options)
    published = check(plan, load_schedule(DATA / f"{name}.published.json", plan))
    assert s.objective <= published.penalty(options.weights)
