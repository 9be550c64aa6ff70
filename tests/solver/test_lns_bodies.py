"""Bodies in the neighbourhood search (solver.lns): groups of topics that share no one, swept first."""

from __future__ import annotations

import random

import pytest
from factories import make_plan, topic

from solver import SolveOptions, check, lns
from solver.budget import Budget
from solver.greedy import complete, greedy_schedule, improve
from solver.model import PlanModel
from solver.plan import Assignment, Schedule, Status
from tools.province import province_plan

REAL_FIXED_COPY = lns.fixed_copy


def _bodies_of(plan) -> list[set[str]]:
    return [set(group) for group in lns.find_bodies(PlanModel(plan))]


def test_topics_sharing_no_one_are_apart_and_anything_shared_joins_them():
    # 甲 and 乙 share only an unlimited form and the year's spread: two bodies
    alone = make_plan(
        topic("甲1", departments=["commerce"]),
        topic("甲2", departments=["commerce"], leaders=["mayor"]),
        topic("乙1", departments=["industry"], lead_options=["economy"]),
    )
    assert _bodies_of(alone) == [{"甲1", "甲2"}, {"乙1"}]
    # a shared leader, a shared committee (as co-organiser), an order link: one body each time
    for extra in ({"leaders": ["mayor"]}, {"co_organizers": ["proposal"]}, {"after": ["甲1"]}):
        joined = make_plan(
            topic("甲1", departments=["commerce"], leaders=["mayor"]),
            topic("乙1", departments=["industry"], lead_options=["economy"], **extra),
        )
        assert _bodies_of(joined) == [{"甲1", "乙1"}], extra
    # a form joins its topics only when it limits them (a monthly limit or a gap)
    same_form = [
        topic("甲1", form="standing", departments=["commerce"]),
        topic("乙1", form="standing", departments=["industry"], lead_options=["economy"]),
    ]
    assert len(_bodies_of(make_plan(*same_form))) == 2
    assert len(_bodies_of(make_plan(*same_form, forms={"standing": {"min_gap_months": 2}}))) == 1
    assert len(_bodies_of(make_plan(*same_form, forms={"standing": {"max_per_month": 1}}))) == 1


@pytest.fixture(scope="module")
def province():
    return province_plan(150, seed=4, cities=6)


def _start(plan) -> Schedule:
    """The greedy start, completed by the ejection chain and polished, as the solver makes it."""
    weights = SolveOptions().weights
    start = greedy_schedule(plan, weights)
    if start.status != Status.FEASIBLE:
        start = complete(plan, {a.topic: (a.month, a.lead) for a in start.assignments}, weights)
    start = improve(plan, start, weights)
    assert start.status == Status.FEASIBLE
    return start


def _search(plan, monkeypatch, work: float):
    """The neighbourhood search from the polished greedy start: (best, [(freed, cuts kept)])."""
    options = SolveOptions()
    start = _start(plan)
    assignment = {a.topic: (a.month, a.lead) for a in start.assignments}
    report = check(plan, start)
    best = lns.Incumbent(assignment, report.penalty(options.weights), report.counts)
    freed = []

    def spy(pm, incumbent, free, **kw):
        freed.append((set(free), kw.get("cuts", False)))
        return REAL_FIXED_COPY(pm, incumbent, free, **kw)

    monkeypatch.setattr(lns, "fixed_copy", spy)
    pm = PlanModel(plan, weights=options.weights)
    found, _ = lns.improve_with_lns(pm, best, options, Budget(120.0, work=work), workers=1)
    return found, freed, best


def test_a_province_plan_is_swept_body_by_body_first_and_the_answer_keeps_the_rules(province, monkeypatch):
    bodies = _bodies_of(province)
    assert len(bodies) == 7  # the province and its six cities: nothing but the monthly cap joins them
    found, freed, start = _search(province, monkeypatch, work=3.0)
    sweep = freed[: len(bodies)]
    for free, cuts in sweep:
        assert cuts  # a body's sub-solve keeps the cuts
        assert sum(free <= body for body in bodies) == 1  # one body (whole, or a run of its months)
    visited = [next(i for i, body in enumerate(bodies) if free <= body) for free, _ in sweep]
    assert sorted(visited) == list(range(len(bodies)))  # every body once
    # then the body is one kind among the others, which free topics of any body, without the cuts
    after = [cuts for _, cuts in freed[len(bodies) : len(bodies) + 6]]
    assert after == [True, False, False, False, False, False]
    assert found.objective <= start.objective
    rows = [Assignment(topic=t, month=m, lead=c) for t, (m, c) in found.assignment.items()]
    report = check(province, Schedule(plan_year=province.year, status=Status.FEASIBLE, assignments=rows))
    assert report.hard == []
    assert report.penalty(SolveOptions().weights) == found.objective


def test_the_costliest_body_comes_first(province):
    pm = PlanModel(province)
    rel = lns._Relations(pm)
    start = _start(province)
    inc = {a.topic: (a.month, a.lead) for a in start.assignments}
    costs = lns._body_costs(pm, rel, rel.bodies, inc)
    body_move, cuts = lns._neighbourhoods(pm, rel, random.Random(0), [40])[0]
    first = body_move(inc)
    costliest = max(range(len(costs)), key=lambda i: costs[i])
    assert first <= set(rel.bodies[costliest])


def test_one_body_means_no_body_neighbourhood():
    plan = make_plan(topic("甲1", leaders=["mayor"]), topic("甲2", leaders=["mayor"]))
    pm = PlanModel(plan)
    kinds = lns._neighbourhoods(pm, lns._Relations(pm), random.Random(0), [8])
    assert all(not cuts for _, cuts in kinds)
    assert len(kinds) == 5


def test_same_budget_same_sweep(province, monkeypatch):
    first = _search(province, monkeypatch, work=1.0)
    again = _search(province, monkeypatch, work=1.0)
    assert [f for f, _ in first[1]] == [f for f, _ in again[1]]
    assert first[0].assignment == again[0].assignment
