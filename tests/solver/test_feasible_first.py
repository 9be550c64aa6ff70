"""Feasibility first: a start that breaks hard rules is repaired, never given up on.

Province-wide plans (tools.province) are built so that the greedy start
cannot place every topic; edits to a plan break its previous schedule. Every
answer goes through the independent checker. Nothing here is timed: the time
limits are generous, and the stop reason is what is asserted.
"""

from __future__ import annotations

import pytest
from checked import assert_checked

from solver import SolveOptions, check, solve
from solver.greedy import greedy_schedule, misplaced
from solver.whatif import mark_leader_away, pin
from tools.province import province_plan

GENEROUS = 120  # seconds on the clock; the work budget below ends the search


def _options(**kw) -> SolveOptions:
    return SolveOptions(time_limit_s=GENEROUS, work_limit_s=1.5, **kw)


# (topics, cities, seed): the greedy start leaves 1–4 topics out of each (checked below)
GREEDY_FAILS = [(40, 2, 7), (60, 3, 1), (120, 5, 0)]


@pytest.mark.parametrize(("n", "cities", "seed"), GREEDY_FAILS)
@pytest.mark.parametrize("lns_above", [0, 1000])
def test_a_plan_greedy_cannot_place_still_gets_a_schedule(n, cities, seed, lns_above):
    plan = province_plan(n, seed=seed, cities=cities)
    assert greedy_schedule(plan).status == "unknown"  # the premise: greedy leaves topics out
    options = _options(lns_above_topics=lns_above)
    s = solve(plan, options)
    assert s.status in ("optimal", "feasible"), s.explanation
    assert len(s.assignments) == n
    assert_checked(plan, s, options)


def test_misplaced_names_the_topics_that_break_a_rule():
    plan = province_plan(60, seed=0, cities=3)
    s = solve(plan, _options())
    start = {a.topic: (a.month, a.lead) for a in s.assignments}
    assert misplaced(plan, start) == set()
    series = [t for t in plan.topics if t.form.startswith("standing_")]
    a, b = series[0], series[1]
    start[b.id] = (start[a.id][0], start[b.id][1])  # two of one series in one month
    gone = next(iter(start))
    del start[gone]
    out = misplaced(plan, start)
    assert gone in out and (a.id in out or b.id in out)
    assert len(out) <= 3


def _broken_by_edits(plan, previous, options):
    """Edits that break the previous schedule yet leave the plan solvable.

    A leader away in a month they attend, and a topic pinned to another month
    of its window; candidates whose edited plan has no schedule at all (a cold
    solve proves it) are passed over.
    """
    months = previous.month_of()

    def movable(t) -> bool:
        return t.fixed_month is None and t.window[1] - t.window[0] >= 3 and not t.after

    absences = [
        (x, months[t.id])
        for t in plan.topics
        if movable(t)
        for x in t.leaders
        if all(movable(o) for o in plan.topics if x in o.leaders and months[o.id] == months[t.id])
    ]
    pins = [
        (t.id, m)
        for t in plan.topics
        if movable(t) and not t.leaders
        for m in range(t.window[0], t.window[1] + 1)
        if abs(m - months[t.id]) >= 2
    ]
    for (leader, month), (topic, pinned) in list(zip(absences[::7], pins[::5], strict=False))[:6]:
        candidate = pin(mark_leader_away(plan, leader, month), topic, pinned)
        if not check(candidate, previous).ok and solve(candidate, options).status != "infeasible":
            return candidate
    raise AssertionError("no solvable breaking edit found")


@pytest.mark.parametrize(("n", "cities", "seed", "lns_above"), [(60, 3, 0, 1000), (120, 5, 6, 0)])
def test_a_previous_schedule_broken_by_edits_is_repaired(n, cities, seed, lns_above):
    plan = province_plan(n, seed=seed, cities=cities)
    options = _options(lns_above_topics=lns_above)
    first = solve(plan, options)
    assert first.status in ("optimal", "feasible")
    edited = _broken_by_edits(plan, first, options)
    assert not check(edited, first).ok  # the premise: the edits broke it
    again = solve(edited, options, baseline=first)
    assert again.status in ("optimal", "feasible"), again.explanation
    assert_checked(edited, again, options, baseline=first)
    # a repair, not a new plan: only a few topics move
    assert again.objective_breakdown["moved"]["count"] <= max(6, n // 10)


def test_the_answer_says_the_work_budget_stopped_it():
    plan = province_plan(120, seed=6, cities=5)
    s = solve(plan, _options())
    assert s.stopped_by in ("work_limit", "no_improvement", "optimal")
    assert s.to_dict()["stopped_by"] == s.stopped_by


def test_a_limit_too_short_says_how_long_a_retry_needs():
    plan = province_plan(300, seed=1)
    s = solve(plan, SolveOptions(time_limit_s=0.01))
    assert s.status == "unknown"
    assert s.stopped_by == "time_limit"
    assert s.retry_seconds >= 1
    assert f"{s.retry_seconds} 秒" in s.explanation and "0.01 秒" in s.explanation


def test_the_clock_is_reported_when_it_stops_the_search():
    # a work budget far beyond the clock: only the clock can stop this run
    plan = province_plan(300, seed=1)
    s = solve(plan, SolveOptions(time_limit_s=3, work_limit_s=10_000))
    assert s.stopped_by in ("time_limit", "no_improvement", "optimal")
    if s.status in ("optimal", "feasible"):
        assert check(plan, s).ok
