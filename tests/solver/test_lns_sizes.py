"""The neighbourhood search adapts its size to whether its sub-solves finish (solver.lns)."""

from __future__ import annotations

import pytest
from checked import assert_checked

from solver import SolveOptions, check, lns, solve
from solver.budget import Budget
from solver.greedy import greedy_schedule, improve
from solver.model import PlanModel
from solver.plan import Assignment, Schedule, Status
from tools.generate import generate_plan

REAL_FIXED_COPY = lns.fixed_copy


@pytest.fixture(scope="module")
def plan30():
    return generate_plan(30, seed=3)


def _search(plan, monkeypatch, work: float):
    """Run the neighbourhood search from the polished greedy start; (best, converged, sizes freed)."""
    options = SolveOptions()
    start = improve(plan, greedy_schedule(plan, options.weights), options.weights)
    assert start.status == Status.FEASIBLE
    assignment = {a.topic: (a.month, a.lead) for a in start.assignments}
    report = check(plan, start)
    best = lns.Incumbent(assignment, report.penalty(options.weights), report.counts)
    sizes = []

    def spy(pm, incumbent, free, **kw):
        sizes.append(len(free))
        return REAL_FIXED_COPY(pm, incumbent, free, **kw)

    monkeypatch.setattr(lns, "fixed_copy", spy)
    pm = PlanModel(plan, weights=options.weights)
    found, converged = lns.improve_with_lns(pm, best, options, Budget(120.0, work=work), workers=1)
    return found, converged, sizes


def test_sizes_grow_while_sub_solves_finish_and_the_whole_plan_ends_it(plan30, monkeypatch):
    found, converged, sizes = _search(plan30, monkeypatch, work=30.0)
    # a 30-topic plan's neighbourhoods are proven at once: each round frees more, up to the plan
    assert sizes[0] == lns.MIN_SIZE
    assert max(sizes) == len(plan30.topics)
    assert converged  # the whole plan freed and proven: nothing better exists
    rows = [Assignment(topic=t, month=m, lead=c) for t, (m, c) in found.assignment.items()]
    report = check(plan30, Schedule(plan_year=plan30.year, status=Status.FEASIBLE, assignments=rows))
    assert report.hard == []
    assert report.penalty(SolveOptions().weights) == found.objective
    # and that is the optimum the full model proves
    full_options = SolveOptions(time_limit_s=30, lns_above_topics=1000)
    full = solve(plan30, full_options)
    assert_checked(plan30, full, full_options)
    assert full.status == "optimal"
    assert found.objective == full.objective


def test_same_budget_same_neighbourhoods(plan30, monkeypatch):
    first = _search(plan30, monkeypatch, work=0.5)
    again = _search(plan30, monkeypatch, work=0.5)
    assert first[2] == again[2]
    assert first[0].assignment == again[0].assignment
