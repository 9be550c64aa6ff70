"""Wishes alone: preferred months, and moves in a re-plan."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, units

from solver.options import Weights
from solver.rules.calendar import FixedMonth
from solver.rules.wishes import Moved, PreferredMonth

PREF, MOVED, FIXED = PreferredMonth(), Moved(), FixedMonth()


def test_preferred_month_free_costs_nothing():
    plan = make_plan(topic("T1", preferred_months=[7, 8]))
    r = solve_alone(plan, soft=(PREF,))
    assert r.objective == 0 and r.schedule.month_of()["T1"] in (7, 8)


def test_preferred_month_forced_costs_its_weight():
    plan = make_plan(topic("T1", preferred_months=[7], fixed_month=3))
    r = solve_alone(plan, hard=(FIXED,), soft=(PREF,), weights=Weights(preferred_month_missed=4))
    assert r.objective == 4 == 4 * units(PREF, plan, r.schedule)


def test_preferred_month_edge_no_wish_no_cost():
    plan = make_plan(topic("T1", fixed_month=3))
    assert units(PREF, plan, schedule_of(plan, {"T1": 3})) == 0
    wish = make_plan(topic("T1", preferred_months=[3]))
    assert [units(PREF, wish, schedule_of(wish, {"T1": m})) for m in (2, 3, 4)] == [1, 0, 1]


def test_moved_free_when_nothing_has_to_move():
    plan = make_plan(topic("T1"), topic("T2"))
    before = schedule_of(plan, {"T1": 4, "T2": 9})
    r = solve_alone(plan, soft=(MOVED,), baseline=before)
    assert r.objective == 0 and r.schedule.month_of() == {"T1": 4, "T2": 9}


def test_moved_forced_counts_each_topic_once():
    plan = make_plan(topic("T1", fixed_month=5, lead_options=["proposal", "economy"]), topic("T2"))
    before = schedule_of(plan, {"T1": 4, "T2": 9}, {"T1": "economy"})
    r = solve_alone(plan, hard=(FIXED,), soft=(MOVED,), weights=Weights(moved=30), baseline=before)
    assert r.objective == 30 == 30 * units(MOVED, plan, r.schedule, before)
    # T1 moved once whatever its lead; T2 stays
    assert r.schedule.month_of()["T2"] == 9


def test_moved_edge_a_new_topic_has_nowhere_to_be_moved_from():
    plan = make_plan(topic("T1"), topic("T2"))
    before = schedule_of(make_plan(topic("T1")), {"T1": 4})
    assert units(MOVED, plan, schedule_of(plan, {"T1": 4, "T2": 6}), before) == 0
    assert units(MOVED, plan, schedule_of(plan, {"T1": 5, "T2": 6}), before) == 1
