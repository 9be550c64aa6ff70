"""The ejection chain: a start with topics left out (or breaking rules) becomes a complete schedule.

Province-wide plans (tools.province) are built so that the greedy start cannot
place every topic; the chain must place them all, and the independent checker
must find no hard violation. Nothing here is timed.
"""

from __future__ import annotations

import pytest
from checked import assert_checked
from factories import make_plan, topic

from solver import SolveOptions, check, solve
from solver.greedy import complete, greedy_schedule
from tools.province import province_plan


def _assignment(schedule):
    return {a.topic: (a.month, a.lead) for a in schedule.assignments}


@pytest.mark.parametrize(("n", "seed", "cities"), [(120, 0, 5), (1000, 1, None), (1000, 2, None)])
def test_the_chain_places_what_the_greedy_left_out(n, seed, cities):
    plan = province_plan(n, seed=seed, cities=cities)
    start = greedy_schedule(plan)
    assert start.status == "unknown" and len(start.assignments) < n  # the premise
    done = complete(plan, _assignment(start), seed=0)
    assert done.status == "feasible"
    assert sorted(a.topic for a in done.assignments) == sorted(t.id for t in plan.topics)
    assert check(plan, done).hard == []


def test_the_chain_is_reproducible():
    plan = province_plan(200, seed=1)
    start = _assignment(greedy_schedule(plan))
    assert complete(plan, start, seed=3).assignments == complete(plan, start, seed=3).assignments


def test_a_topic_put_back_moves_no_other_that_need_not_move():
    plan = province_plan(200, seed=0)
    solved = solve(plan, SolveOptions(time_limit_s=60, work_limit_s=1))
    start = _assignment(solved)
    free = next(t.id for t in plan.topics if t.after)  # a topic in a chain: the hardest to put back
    del start[free]
    done = _assignment(complete(plan, start))
    assert check(plan, complete(plan, start)).hard == []
    assert {tid for tid, where in start.items() if done[tid] != where} == set()


def test_a_start_breaking_rules_keeps_what_it_can():
    plan = province_plan(200, seed=2)
    start = _assignment(solve(plan, SolveOptions(time_limit_s=60, work_limit_s=1)))
    series = [t for t in plan.topics if t.form.startswith("standing_") and t.fixed_month is None]
    a, b = series[0], series[1]
    start[b.id] = (start[a.id][0], start[b.id][1])  # two of one series in one month: a broken start
    assert not check(plan, _schedule(plan, start)).ok
    done = complete(plan, start)
    assert done.status == "feasible" and check(plan, done).hard == []
    moved = {a.topic for a in done.assignments if start[a.topic] != (a.month, a.lead)}
    assert 1 <= len(moved) <= 5


def _schedule(plan, assignment):
    from solver.plan import Assignment, Schedule

    rows = [Assignment(topic=t, month=m, lead=c) for t, (m, c) in assignment.items()]
    return Schedule(plan_year=plan.year, status="feasible", assignments=rows)


def test_a_topic_with_nowhere_to_go_ends_the_chain_unplaced():
    # three topics of one committee limited to one a month, all pinned to March: no schedule exists
    plan = make_plan(
        topic("A", fixed_month=3),
        topic("B", window=[3, 3]),
        topic("C", window=[2, 4]),
        topic("D", window=[2, 4]),
        committees={"proposal": {"max_per_month": 1}},
    )
    done = complete(plan, {})
    assert done.status == "unknown"
    assert len(done.assignments) == 3


def test_no_schedule_yet_means_the_work_budget_cannot_stop_the_search():
    # a work budget spent before the search starts; the clock is generous: a schedule must still come
    plan = province_plan(120, seed=0, cities=5)
    assert greedy_schedule(plan).status == "unknown"
    options = SolveOptions(time_limit_s=120, work_limit_s=0.001)
    s = solve(plan, options)
    assert s.status in ("optimal", "feasible"), s.explanation
    assert_checked(plan, s, options)
    assert s.stopped_by in ("work_limit", "optimal")


def test_when_the_model_would_not_fit_in_time_the_start_is_the_answer(monkeypatch):
    # as if the machine were so loaded that the model could never be built in time
    import solver.solving as solving

    monkeypatch.setattr(solving, "MODEL_PER_START", 1e9)
    plan = province_plan(120, seed=0, cities=5)
    options = SolveOptions(time_limit_s=60)
    s = solve(plan, options)
    assert s.status == "feasible" and s.stopped_by == "time_limit"
    assert s.bound == 0
    assert_checked(plan, s, options)
