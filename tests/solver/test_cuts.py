"""The redundant cuts find the soft goals' counters and never cut off a best schedule."""

from __future__ import annotations

from pathlib import Path

import pytest
from checked import assert_checked

from solver import SolveOptions, load_plan, solve
from solver import cuts as cuts_module
from solver.model import PlanModel
from tools.generate import generate_plan
from tools.province import province_plan

DATA = Path(__file__).resolve().parents[2] / "data"


def test_cuts_find_every_overload_counter_and_the_spread():
    plan = load_plan(DATA / "synthetic-50.json")
    pm = PlanModel(plan)
    expected = len(pm.terms["department_overload"]) + len(pm.terms["leader_overload"])
    added = cuts_module.add_cuts(pm)
    assert expected > 0
    assert added > expected  # one per overload counter, and the spread's months besides


def test_no_cuts_in_explain_mode():
    assert cuts_module.add_cuts(PlanModel(load_plan(DATA / "weihai-2023.json"), explain=True)) == 0


@pytest.mark.parametrize(
    "make",
    [
        lambda: load_plan(DATA / "weihai-2023.json"),
        lambda: load_plan(DATA / "luoyang-2019.json"),
        lambda: generate_plan(30, seed=11),
        lambda: province_plan(40, seed=3, cities=2),
    ],
)
def test_the_optimum_is_the_same_with_and_without_cuts(make, monkeypatch):
    plan = make()
    options = SolveOptions(time_limit_s=120, work_limit_s=30)
    with_cuts = solve(plan, options)
    monkeypatch.setattr(cuts_module, "add_cuts", lambda pm: 0)
    without = solve(plan, options)
    assert with_cuts.status == without.status == "optimal"
    assert with_cuts.objective == without.objective
    assert_checked(plan, with_cuts, options)
