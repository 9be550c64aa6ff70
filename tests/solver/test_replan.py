"""A re-plan moves the fewest topics first, then lowers the penalty among answers with that many moves.

Province-wide plans; every answer goes through the independent checker.
Nothing here is timed.
"""

from __future__ import annotations

import pytest
from checked import assert_checked

from solver import SolveOptions, check, solve
from solver.plan import Assignment, Schedule
from solver.whatif import pin, replan, suggest_months
from tools.province import province_plan

OPTIONS = SolveOptions(time_limit_s=120, work_limit_s=2)
BANS = ("窗口", "不安排", "不在岗", "全会")  # reasons a pin there would make the plan itself infeasible


@pytest.fixture(scope="module")
def solved():
    plan = province_plan(200, seed=1)
    return plan, solve(plan, OPTIONS)


def _options(plan, schedule, *, fits: bool, upto: int):
    """The first ``upto`` + 1 (topic, month) pins: where the topic fits with the rest in place,
    or where others must make room."""
    out = []
    for t in plan.topics:
        if len(out) > upto:
            break
        if t.fixed_month is not None:
            continue
        for r in suggest_months(plan, schedule, t.id):
            if r.current:
                continue
            if fits and r.feasible:
                out.append((t.id, r.month))
            elif not fits and not r.feasible and not any(b in x for x in r.reasons for b in BANS):
                out.append((t.id, r.month))
    return out


def _moved(before: Schedule, after: Schedule) -> set[str]:
    old = {a.topic: (a.month, a.lead) for a in before.assignments}
    return {a.topic for a in after.assignments if old.get(a.topic) != (a.month, a.lead)}


def _with(schedule: Schedule, tid: str, month: int) -> Schedule:
    rows = [a if a.topic != tid else Assignment(topic=tid, month=month, lead=a.lead) for a in schedule.assignments]
    return Schedule(plan_year=schedule.plan_year, status="feasible", assignments=rows)


@pytest.mark.parametrize("pick", [0, 7, 20])
def test_a_pin_that_fits_moves_that_topic_alone_to_its_best_place(solved, pick):
    plan, first = solved
    tid, month = _options(plan, first, fits=True, upto=pick)[pick]
    pinned = pin(plan, tid, month)
    again = replan(pinned, first, OPTIONS)
    assert again.status == "optimal"
    assert_checked(pinned, again, OPTIONS, baseline=first)
    assert _moved(first, again) == {tid}
    assert again.month_of()[tid] == month
    # nothing that moves only this topic is cheaper: its old lead in the pinned month is one such answer
    alone = check(pinned, _with(first, tid, month), baseline=first)
    assert alone.hard == []
    assert again.objective <= alone.penalty(OPTIONS.weights)


def test_two_pins_move_those_two_only(solved):
    plan, first = solved
    fits = _options(plan, first, fits=True, upto=12)
    (a, ma), (b, mb) = fits[0], next(o for o in fits if o[0] != fits[0][0])
    pinned = pin(pin(plan, a, ma), b, mb)
    again = replan(pinned, first, OPTIONS)
    assert again.status in ("optimal", "feasible")
    assert_checked(pinned, again, OPTIONS, baseline=first)
    assert _moved(first, again) == {a, b}


@pytest.mark.parametrize("pick", [0, 3])
def test_a_pin_that_needs_room_moves_few_others(solved, pick):
    plan, first = solved
    tid, month = _options(plan, first, fits=False, upto=pick)[pick]
    pinned = pin(plan, tid, month)
    again = replan(pinned, first, OPTIONS)
    assert again.status in ("optimal", "feasible"), again.explanation
    assert_checked(pinned, again, OPTIONS, baseline=first)
    moved = _moved(first, again)
    # it does not fit with everything else in place, so someone else moves too; but only a few
    assert tid in moved and 2 <= len(moved) <= 3


def test_a_replan_of_an_unchanged_plan_moves_nothing(solved):
    plan, first = solved
    again = replan(plan, first, OPTIONS)
    assert again.status == "optimal"
    assert_checked(plan, again, OPTIONS, baseline=first)
    assert _moved(first, again) == set()
