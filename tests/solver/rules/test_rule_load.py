"""Load goals alone: exact penalties from the model, the same counts from the check part."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, units

from solver.greedy import Board
from solver.options import Weights
from solver.rules.calendar import FixedMonth, Window
from solver.rules.load import DepartmentBackToBack, DepartmentOverload, LeaderOverload, UnevenSpread

DEPT, LEADER, SPREAD, B2B = DepartmentOverload(), LeaderOverload(), UnevenSpread(), DepartmentBackToBack()
FIXED, WINDOW = FixedMonth(), Window()


def penalty(plan, goal, weight=1, hard=(FIXED,)):
    r = solve_alone(plan, hard=hard, soft=(goal,), weights=Weights(**{goal.name: weight}))
    assert r.status == "optimal"
    assert r.objective == weight * units(goal, plan, r.schedule)  # model and check part agree
    return r


# -- department overload -----------------------------------------------------------------


def test_department_overload_free_costs_nothing():
    plan = make_plan(topic("T1", departments=["commerce"]), topic("T2", departments=["commerce"]))
    assert penalty(plan, DEPT).objective == 0


def test_department_overload_forced_costs_exactly_its_units():
    plan = make_plan(*[topic(f"T{i}", departments=["commerce"], fixed_month=5) for i in range(3)])
    assert penalty(plan, DEPT, weight=7).objective == 14  # 3 against a limit of 1: 2 units


def test_department_overload_edge_at_the_limit():
    plan = make_plan(
        *[topic(f"T{i}", departments=["commerce"], fixed_month=5) for i in range(2)],
        departments={"commerce": {"max_per_month": 2}},
    )
    assert penalty(plan, DEPT).objective == 0


# -- leader overload ---------------------------------------------------------------------


def test_leader_overload_free_costs_nothing():
    assert penalty(make_plan(topic("T1", leaders=["vice"]), topic("T2", leaders=["vice"])), LEADER).objective == 0


def test_leader_overload_forced_costs_exactly_its_units():
    plan = make_plan(*[topic(f"T{i}", leaders=["vice"], fixed_month=3) for i in range(2)])
    assert penalty(plan, LEADER, weight=20).objective == 20


def test_leader_overload_edge_at_the_limit():
    plan = make_plan(*[topic(f"T{i}", leaders=["vice"], fixed_month=3) for i in range(3)],
                     leaders={"vice": {"max_per_month": 3}})  # fmt: skip
    assert penalty(plan, LEADER).objective == 0


# -- uneven spread -----------------------------------------------------------------------


def test_uneven_spread_free_costs_nothing():
    plan = make_plan(*[topic(f"T{i}", window=[4, 5]) for i in range(4)])
    assert penalty(plan, SPREAD, hard=(WINDOW,)).objective == 0  # 2 and 2


def test_uneven_spread_forced_costs_the_excess_over_an_even_spread():
    # 4 topics over windows reaching 4–5: target 2 a month; all pinned in May: 2 above
    plan = make_plan(*[topic(f"T{i}", window=[4, 5], fixed_month=5) for i in range(4)])
    assert penalty(plan, SPREAD, weight=6, hard=(WINDOW, FIXED)).objective == 12


def test_uneven_spread_ignores_the_plenary_and_rounds_up():
    plan = make_plan(topic("P", form="plenary", fixed_month=1), *[topic(f"T{i}", window=[4, 5]) for i in range(3)])
    assert penalty(plan, SPREAD, hard=(WINDOW, FIXED)).objective == 0  # target ceil(3/2) = 2


def test_uneven_spread_target_is_the_windows_not_the_leaders_absence():
    # The drift issue 8 names: 4 topics whose leader is away in 1–10 → the target is
    # ceil(4 / 12) = 1 for the model, the checker and the greedy start alike.
    plan = make_plan(*[topic(f"T{i}", leaders=["vice"], fixed_month=11) for i in range(2)],
                     leaders={"vice": {"unavailable_months": list(range(1, 11)), "max_per_month": 9}})  # fmt: skip
    assert penalty(plan, SPREAD).objective == 1


def test_uneven_spread_counts_nothing_when_every_window_is_blacked_out():
    # Both windows hold only the summer break (7–8, blacked out): no usable month,
    # so no even share. Held in April anyway (windows broken), the greedy board
    # charged the whole peak (2) against a target of 0; the check part counts none.
    plan = make_plan(topic("S1", window=[7, 8]), topic("S2", window=[8, 8]), calendar={"blackout_months": [7, 8]})
    schedule = schedule_of(plan, {"S1": 4, "S2": 4})
    board = Board(plan, Weights(**{SPREAD.name: 1}))
    for a in schedule.assignments:
        board.place(a.topic, a.month, a.lead)
    assert units(SPREAD, plan, schedule) == 0
    assert board.penalty == 0


# -- department back to back (optional, weight 0 by default) -----------------------------


def test_back_to_back_free_costs_nothing():
    plan = make_plan(topic("T1", departments=["commerce"]), topic("T2", departments=["commerce"]))
    assert penalty(plan, B2B).objective == 0


def test_back_to_back_forced_counts_each_pair_of_months():
    plan = make_plan(*[topic(f"T{i}", departments=["commerce"], fixed_month=m) for i, m in enumerate((4, 5, 6, 9))])
    assert penalty(plan, B2B, weight=5).objective == 10  # 4–5 and 5–6


def test_back_to_back_edge_one_month_between_is_free():
    plan = make_plan(*[topic(f"T{i}", departments=["commerce"], fixed_month=m) for i, m in enumerate((4, 6, 8))])
    assert penalty(plan, B2B, weight=5).objective == 0


def test_back_to_back_is_off_by_default_and_still_reported():
    assert Weights().of(B2B.name) == 0
