"""Calendar rules alone: window, blackout, fixed month, session only."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, violations

from solver.rules.calendar import Blackout, FixedMonth, SessionOnly, Window

WINDOW, BLACKOUT, FIXED, SESSION = Window(), Blackout(), FixedMonth(), SessionOnly()


# -- window ------------------------------------------------------------------------------


def test_window_trivially_feasible():
    plan = make_plan(topic("T1", window=[4, 6]))
    r = solve_alone(plan, hard=(WINDOW,))
    assert r.status == "optimal" and 4 <= r.schedule.month_of()["T1"] <= 6
    assert violations(WINDOW, plan, r.schedule) == []


def test_window_outside_the_calendar_is_infeasible():
    plan = make_plan(topic("T1", window=[4, 6]), calendar={"months": [1, 2, 3, 7]})
    assert solve_alone(plan, hard=(WINDOW,)).status == "infeasible"
    assert solve_alone(plan).status == "optimal"  # without the rule it would fit


def test_window_edges_are_inclusive():
    plan = make_plan(topic("T1", window=[6, 6]))
    assert solve_alone(plan, hard=(WINDOW,)).schedule.month_of() == {"T1": 6}
    assert [len(violations(WINDOW, plan, schedule_of(plan, {"T1": m}))) for m in (5, 6, 7)] == [1, 0, 1]
    (f,) = violations(WINDOW, plan, schedule_of(plan, {"T1": 7}))
    assert f.kind == "window" and f.month == 7 and f.topics == ["T1"] and "6月" in f.message


# -- blackout ----------------------------------------------------------------------------


def test_blackout_trivially_feasible():
    plan = make_plan(topic("T1"), calendar={"blackout_months": [2]})
    r = solve_alone(plan, hard=(BLACKOUT,))
    assert r.status == "optimal" and r.schedule.month_of()["T1"] != 2


def test_blackout_of_every_month_is_infeasible():
    plan = make_plan(topic("T1"), calendar={"months": [1, 2], "blackout_months": [1, 2], "session_month": 1})
    assert solve_alone(plan, hard=(BLACKOUT,)).status == "infeasible"


def test_blackout_edge_only_that_month():
    plan = make_plan(topic("T1"), calendar={"months": [2, 3], "blackout_months": [2], "session_month": 3})
    assert solve_alone(plan, hard=(BLACKOUT,)).schedule.month_of() == {"T1": 3}
    assert [len(violations(BLACKOUT, plan, schedule_of(plan, {"T1": m}))) for m in (2, 3)] == [1, 0]


# -- fixed month -------------------------------------------------------------------------


def test_fixed_month_trivially_feasible():
    plan = make_plan(topic("T1", fixed_month=5))
    assert solve_alone(plan, hard=(FIXED,)).schedule.month_of() == {"T1": 5}


def test_fixed_month_outside_the_calendar_is_infeasible():
    plan = make_plan(topic("T1", fixed_month=5), calendar={"months": [3, 4, 6], "session_month": 3})
    assert solve_alone(plan, hard=(FIXED,)).status == "infeasible"


def test_fixed_month_edge_one_month_off_is_a_violation():
    plan = make_plan(topic("T1", fixed_month=5))
    assert [len(violations(FIXED, plan, schedule_of(plan, {"T1": m}))) for m in (4, 5, 6)] == [1, 0, 1]


# -- session only ------------------------------------------------------------------------


def test_session_only_trivially_feasible():
    plan = make_plan(topic("P1", form="plenary"), calendar={"session_month": 2})
    assert solve_alone(plan, hard=(SESSION,)).schedule.month_of() == {"P1": 2}


def test_session_only_against_a_pin_is_infeasible():
    plan = make_plan(topic("P1", form="plenary", fixed_month=3), calendar={"session_month": 2})
    assert solve_alone(plan, hard=(SESSION, FIXED)).status == "infeasible"
    assert solve_alone(plan, hard=(FIXED,)).status == "optimal"


def test_session_only_binds_its_form_only():
    plan = make_plan(topic("P1", form="plenary"), topic("T1", fixed_month=3), calendar={"session_month": 2})
    r = solve_alone(plan, hard=(SESSION, FIXED))
    assert r.schedule.month_of() == {"P1": 2, "T1": 3}
    assert [len(violations(SESSION, plan, schedule_of(plan, {"P1": m, "T1": 5}))) for m in (1, 2, 3)] == [1, 0, 1]
