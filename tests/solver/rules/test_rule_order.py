"""Order alone: ``after``, and its capacity part (a cycle)."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, violations

from solver.rules.calendar import FixedMonth, Window
from solver.rules.order import After

AFTER, FIXED, WINDOW = After(), FixedMonth(), Window()


def test_after_trivially_feasible():
    plan = make_plan(topic("R1"), topic("C1", after=["R1"]))
    r = solve_alone(plan, hard=(AFTER,))
    months = r.schedule.month_of()
    assert months["R1"] < months["C1"]
    assert list(AFTER.capacity(plan)) == []


def test_after_against_pins_is_infeasible():
    plan = make_plan(topic("R1", fixed_month=6), topic("C1", after=["R1"], fixed_month=6))
    assert solve_alone(plan, hard=(AFTER, FIXED)).status == "infeasible"
    assert solve_alone(plan, hard=(FIXED,)).status == "optimal"


def test_after_edge_next_month_is_enough_same_month_is_not():
    plan = make_plan(topic("R1", fixed_month=6), topic("C1", after=["R1"], window=[6, 7]))
    assert solve_alone(plan, hard=(AFTER, FIXED, WINDOW)).schedule.month_of() == {"R1": 6, "C1": 7}
    assert [len(violations(AFTER, plan, schedule_of(plan, {"R1": 6, "C1": m}))) for m in (5, 6, 7)] == [1, 1, 0]


def test_after_cycle_is_found_by_counting():
    plan = make_plan(topic("A", after=["C"]), topic("B", after=["A"]), topic("C", after=["B"]))
    (req,) = AFTER.capacity(plan)
    assert req.kind == "after_cycle" and sorted(req.topics) == ["A", "B", "C"]
    assert solve_alone(plan, hard=(AFTER,)).status == "infeasible"


def test_long_after_chain_does_not_hit_the_recursion_limit():
    n = 5000
    plan = make_plan(*[topic(f"T{i}", after=[f"T{i - 1}"] if i else []) for i in range(n)])
    assert list(AFTER.capacity(plan)) == []
