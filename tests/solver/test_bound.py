"""The bound from the plan's bodies (solver.bound): never above a schedule, exact when nothing couples."""

from __future__ import annotations

import pytest
from factories import make_plan, topic

from solver import SolveOptions, check, lns, rules, solve
from solver.bound import DROPPED, PER_BODY, covered, solve_bodies, spread_floor
from solver.budget import Budget
from solver.greedy import complete, greedy_schedule, improve
from solver.model import PlanModel
from solver.plan import Assignment, Schedule, Status
from solver.rules.load import UnevenSpread
from tools.generate import generate_plan
from tools.province import province_plan


def _decomposed(plan, hint, work=3.0):
    pm = PlanModel(plan)
    found = solve_bodies(pm, lns.find_bodies(pm), SolveOptions(), Budget(120.0), work, hint=hint)
    assert found is not None
    return found, pm


def _assignment(schedule: Schedule) -> dict[str, tuple[int, str]]:
    return {a.topic: (a.month, a.lead) for a in schedule.assignments}


def test_every_rule_of_the_registry_is_one_the_proof_covers():
    # a new rule must be placed: inside a body (PER_BODY) or dropped/floored (DROPPED), else no bound
    names = {r.name for r in (*rules.HARD, *rules.SOFT)}
    assert names <= PER_BODY | DROPPED
    assert covered(PlanModel(make_plan(topic("甲1"))))


PLANS = [
    pytest.param(lambda: province_plan(120, seed=0, cities=4), id="province-120-0"),
    pytest.param(lambda: province_plan(150, seed=4, cities=6), id="province-150-4"),
    pytest.param(lambda: province_plan(100, seed=7, cities=3), id="province-100-7"),
    pytest.param(lambda: generate_plan(40, seed=3), id="city-40-3"),
]


@pytest.mark.parametrize("make", PLANS)
def test_the_bound_is_never_above_a_schedule_the_greedy_or_the_solver_finds(make):
    plan = make()
    weights = SolveOptions().weights
    start = greedy_schedule(plan, weights)
    if start.status != Status.FEASIBLE:
        start = complete(plan, _assignment(start), weights)
    polished = improve(plan, start, weights)
    found, pm = _decomposed(plan, _assignment(polished))
    schedules = [start, polished]
    for seed in (0, 1):  # other greedy completions
        other = complete(plan, {}, weights, seed=seed)
        if other.status == Status.FEASIBLE:
            schedules.append(other)
    for workers in (2, 1):
        solved = solve(plan, SolveOptions(time_limit_s=30, work_limit_s=1.5, num_workers=workers))
        assert solved.bound <= solved.objective
        schedules.append(solved)
    for s in schedules:
        report = check(plan, s)
        assert report.hard == []
        assert found.bound <= report.penalty(weights), s.stopped_by
        assert found.floor <= report.counts[UnevenSpread.name]
    # the bodies' own schedules together, when they keep the cap, are a schedule too
    together = found.assignment
    rows = [Assignment(topic=t, month=m, lead=c) for t, (m, c) in together.items()]
    report = check(plan, Schedule(plan_year=plan.year, status=Status.FEASIBLE, assignments=rows))
    if not report.hard:
        assert found.bound <= report.penalty(weights)


def _independent(cap: int):
    # body 甲 (提案委, 商务局): three topics in March–April, the bureau once a month: one overload (10),
    # and two topics share a month, over the even spread of 1 a month (6);
    # body 乙 (经济委, 市长): both want June, the mayor once a month: one misses its month (4)
    return make_plan(
        topic("甲1", departments=["commerce"], window=[3, 4]),
        topic("甲2", departments=["commerce"], window=[3, 4]),
        topic("甲3", departments=["commerce"], window=[3, 4]),
        topic("乙1", lead_options=["economy"], leaders=["mayor"], window=[6, 8], preferred_months=[6]),
        topic("乙2", lead_options=["economy"], leaders=["mayor"], window=[6, 8], preferred_months=[6]),
        topic("乙3", lead_options=["economy"], departments=["industry"], preferred_months=[10]),
        calendar={"max_topics_per_month": cap},
    )


def test_on_independent_bodies_with_a_slack_cap_the_bound_is_the_optimum():
    plan = _independent(cap=5)
    pm = PlanModel(plan)
    assert len(lns.find_bodies(pm)) == 2
    assert spread_floor(pm) == 1  # three topics in two months: some month holds two, target 1
    solved = solve(plan, SolveOptions(time_limit_s=20))
    assert solved.status == Status.OPTIMAL and solved.objective == 20
    found, _ = _decomposed(plan, _assignment(solved))
    assert found.proven == 2
    assert found.bound == solved.objective == 10 + 6 + 4


def test_a_binding_cap_is_dropped_so_the_bound_stays_at_most_the_optimum():
    # 乙3 wants March too: with 2 a month it cannot join 甲's two there, which the bodies alone ignore
    plan = _independent(cap=2)
    plan.topics[-1].preferred_months = [3]
    plan.topics[-1].window = (3, 3)
    solved = solve(plan, SolveOptions(time_limit_s=20))
    assert solved.status == Status.OPTIMAL
    found, _ = _decomposed(plan, _assignment(solved))
    assert found.bound <= solved.objective


def test_the_spread_floor_counts_topics_squeezed_into_few_months():
    # five topics that may only use May–June, plus twelve anywhere: 17 topics, target ceil(17/12) = 2;
    # May–June must hold the five, so one of them holds 3: the floor is 1
    squeezed = [topic(f"甲{i}", window=[5, 6]) for i in range(5)]
    free = [topic(f"乙{i}", lead_options=["economy"]) for i in range(12)]
    pm = PlanModel(make_plan(*squeezed, *free))
    assert spread_floor(pm) == 1
    assert spread_floor(PlanModel(make_plan(*free))) == 0


def test_the_spread_floor_is_zero_when_no_window_reaches_a_usable_month():
    # every window inside the blackout: no even share exists and the goal counts nothing (UnevenSpread)
    plan = make_plan(topic("丙1", window=[7, 8]), topic("丙2", window=[8, 8]), calendar={"blackout_months": [7, 8]})
    assert spread_floor(PlanModel(plan)) == 0


def test_a_solve_of_several_bodies_reports_the_higher_bound_and_where_it_comes_from():
    plan = province_plan(150, seed=4, cities=6)
    one = solve(plan, SolveOptions(time_limit_s=30, work_limit_s=2, num_workers=1))
    assert one.bound_source == "bodies"  # one worker: the bodies take the full model's share
    again = solve(plan, SolveOptions(time_limit_s=30, work_limit_s=2, num_workers=1))
    assert (again.bound, again.assignments) == (one.bound, one.assignments)  # the work budget decides: the same
    two = solve(plan, SolveOptions(time_limit_s=30, work_limit_s=2, num_workers=2))
    assert two.bound_source in ("bodies", "full_model")
    for s in (one, two):
        assert 0 < s.bound <= s.objective
        assert check(plan, s).hard == []
    # a city plan of one body: the full model's bound, as before
    city = solve(generate_plan(40, seed=3), SolveOptions(time_limit_s=10))
    assert city.bound_source == "full_model"
