"""The shape of a schedule: enforced by the variables, found by the check parts."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, violations

from solver.plan import Assignment, Schedule
from solver.rules.assignment import Duplicate, Lead, NotInCalendar, Unassigned, UnknownTopic


def plan2():
    return make_plan(
        topic("T1", lead_options=["proposal", "economy"]),
        topic("T2"),
        calendar={"months": [3, 4, 5], "session_month": 3},
    )


def test_the_variables_alone_give_every_topic_one_calendar_month_and_a_candidate_lead():
    plan = plan2()
    r = solve_alone(plan)
    assert r.status == "optimal"
    for rule in (UnknownTopic(), Duplicate(), Unassigned(), NotInCalendar(), Lead()):
        assert violations(rule, plan, r.schedule) == [], rule


def test_an_empty_calendar_has_no_schedule():
    plan = make_plan(topic("T1"), calendar={"months": [3], "session_month": 3})
    plan.calendar.months = []  # validation refuses this plan; the model must still say "no schedule"
    assert solve_alone(plan).status == "infeasible"


def test_unassigned_and_unknown_and_duplicate_are_found():
    plan = plan2()
    typed = Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[
            Assignment(topic="T1", month=3, lead="proposal"),
            Assignment(topic="T1", month=4, lead="proposal"),
            Assignment(topic="X9", month=4, lead="proposal"),
        ],
    )
    assert [f.topics for f in violations(Unassigned(), plan, typed)] == [["T2"]]
    assert [f.topics for f in violations(UnknownTopic(), plan, typed)] == [["X9"]]
    (dup,) = violations(Duplicate(), plan, typed)
    assert dup.topics == ["T1"] and dup.n == 2 and "2 次" in dup.message


def test_not_in_calendar_edge():
    plan = plan2()
    found = [len(violations(NotInCalendar(), plan, schedule_of(plan, {"T1": m, "T2": 4}))) for m in (2, 3, 5, 6)]
    assert found == [1, 0, 0, 1]


def test_lead_outside_the_candidates_is_found():
    plan = plan2()
    assert violations(Lead(), plan, schedule_of(plan, {"T1": 3, "T2": 3}, {"T1": "economy"})) == []
    (f,) = violations(Lead(), plan, schedule_of(plan, {"T1": 3, "T2": 3}, {"T2": "economy"}))
    assert f.topics == ["T2"] and f.committee == "economy" and "经济委" in f.message
