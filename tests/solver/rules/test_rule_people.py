"""People alone: a leader who is away."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, violations

from solver.rules.people import LeaderUnavailable

AWAY = LeaderUnavailable()


def test_leader_unavailable_trivially_feasible():
    plan = make_plan(topic("T1", leaders=["vice"]), leaders={"vice": {"unavailable_months": [5]}})
    r = solve_alone(plan, hard=(AWAY,))
    assert r.status == "optimal" and r.schedule.month_of()["T1"] != 5


def test_leader_away_all_year_is_infeasible():
    plan = make_plan(topic("T1", leaders=["vice"]), leaders={"vice": {"unavailable_months": list(range(1, 13))}})
    assert solve_alone(plan, hard=(AWAY,)).status == "infeasible"
    # a topic without that leader is not affected
    other = make_plan(topic("T1", leaders=["mayor"]), leaders={"vice": {"unavailable_months": list(range(1, 13))}})
    assert solve_alone(other, hard=(AWAY,)).status == "optimal"


def test_leader_away_all_but_one_month_edge():
    plan = make_plan(
        topic("T1", leaders=["vice"]), leaders={"vice": {"unavailable_months": [m for m in range(1, 13) if m != 8]}}
    )
    assert solve_alone(plan, hard=(AWAY,)).schedule.month_of() == {"T1": 8}
    (f,) = violations(AWAY, plan, schedule_of(plan, {"T1": 7}))
    assert f.kind == "leader_unavailable" and f.leader == "vice" and "分管副市长" in f.message
    assert violations(AWAY, plan, schedule_of(plan, {"T1": 8})) == []
