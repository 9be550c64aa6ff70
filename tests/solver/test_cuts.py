"""The redundant cuts find the soft goals' counters and never cut off a best schedule."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from checked import assert_checked
from ortools.sat.python import cp_model

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


# -- the spread's counting cuts (solver.rules.load._spread_counting_cuts) ---------------------

# small generated plans on which the counting cuts add something (checked below, so that the
# tests cannot pass vacuously if the generator changes)
SMALL = [(10, 1), (10, 2), (10, 4), (20, 5), (30, 0), (30, 1), (30, 3), (30, 5)]


def _counting_cuts(pm: PlanModel) -> int:
    from solver.rules.load import _spread_counting_cuts

    excess, _loads, target, tids = pm.cut_inputs["uneven_spread"][0]
    return _spread_counting_cuts(pm, excess, target, tids)


def _cut_rows(pm: PlanModel) -> list[tuple[list[int], list[int], list[int]]]:
    first, end = pm.cut_span
    rows = []
    for i in range(first, end):
        lin = pm.model.proto.constraints[i].linear
        rows.append((list(lin.vars), list(lin.coeffs), list(lin.domain)))
    return rows


def _holds(row, solution) -> bool:
    vars_, coeffs, domain = row
    value = sum(c * solution[v] for v, c in zip(vars_, coeffs, strict=True))
    return any(lo <= value <= hi for lo, hi in zip(domain[::2], domain[1::2], strict=True))


def test_the_counting_cuts_fire_on_the_small_plans():
    added = [_counting_cuts(PlanModel(generate_plan(n, seed=s))) for n, s in SMALL]
    assert all(a > 0 for a in added), added


@pytest.mark.parametrize(("n", "seed"), SMALL)
def test_every_schedule_found_without_the_cuts_keeps_them(n, seed):
    """The cuts hold on many different feasible schedules of the model without them.

    Each schedule is the best found (within a small work budget) by the model
    without cuts for a random objective (random weights on the months, plus the plan's penalty with a
    random sign, so that the spread's excess is pushed up as well as down);
    then every cut row, read back from the proto, is evaluated on it.
    """
    rng = random.Random(seed)
    pm = PlanModel(generate_plan(n, seed=seed))
    rows = _cut_rows(pm)
    assert rows
    first, end = pm.cut_span
    for i in range(first, end):  # the model without the cuts, in place
        pm.model.proto.constraints[i].clear_linear()
    penalty = sum(pm.weights.of(g) * sum(pm.terms[g]) for g in pm.terms)
    for _ in range(12):
        noise = sum(rng.randint(-5, 5) * v for months in pm.x.values() for v in months.values())
        pm.model.minimize(rng.choice([-1, 0, 1]) * penalty + noise)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 20
        solver.parameters.max_deterministic_time = 0.1  # any feasible schedule will do; it need not be optimal
        solver.parameters.random_seed = rng.randint(0, 1000)
        assert solver.solve(pm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        solution = list(solver.response_proto.solution)
        assert all(_holds(row, solution) for row in rows)


@pytest.mark.parametrize(("n", "seed"), SMALL)
def test_small_plans_have_the_same_optimum_with_and_without_the_counting_cuts(n, seed, monkeypatch):
    plan = generate_plan(n, seed=seed)
    options = SolveOptions(time_limit_s=120, work_limit_s=30)
    with_cuts = solve(plan, options)
    monkeypatch.setattr("solver.rules.load._spread_counting_cuts", lambda *args: 0)
    without = solve(plan, options)
    assert with_cuts.status == without.status == "optimal"
    assert with_cuts.objective == without.objective
    assert_checked(plan, with_cuts, options)
    assert_checked(plan, without, options)
