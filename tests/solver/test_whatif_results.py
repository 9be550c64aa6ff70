"""What-if results are typed: a diff, load rows and month options as dataclasses."""

from __future__ import annotations

from checked import assert_checked
from factories import make_plan, topic

from solver import SolveOptions, solve
from solver.whatif import ChangesFor, Diff, LoadRow, MonthOption, Move, diff, loads, pin, replan, suggest_months


def _plan():
    return make_plan(
        topic("T1", departments=["commerce"], leaders=["vice"], preferred_months=[5]),
        topic("T2", departments=["industry"], preferred_months=[7], lead_options=["proposal", "economy"]),
    )


def test_diff_names_the_moved_topic_and_who_it_concerns():
    plan, options = _plan(), SolveOptions(time_limit_s=5)
    before = solve(plan, options)
    assert_checked(plan, before, options)
    pinned = pin(plan, "T1", 9)
    after = replan(pinned, before, options)
    assert_checked(pinned, after, options, before)
    d = diff(pinned, before, after)
    assert isinstance(d, Diff) and [type(m) for m in d.moved] == [Move]
    (m,) = d.moved
    assert (m.topic, m.month_before, m.month_after, m.lead_changed) == ("T1", 5, 9, False)
    assert {c.key for c in d.for_you} == {"department:commerce", "leader:vice", "committee:proposal"}
    assert all(isinstance(c, ChangesFor) and c.changes == [c.changes[0]] for c in d.for_you)
    assert "5月 → 9月" in d.for_you[0].changes[0]


def test_loads_are_rows_of_every_month_and_mark_the_overload():
    plan = make_plan(
        topic("T1", departments=["commerce"], fixed_month=4), topic("T2", departments=["commerce"], fixed_month=4)
    )
    rows = loads(plan, solve(plan))
    commerce = [r for r in rows if r.kind == "department" and r.entity == "commerce"]
    assert all(isinstance(r, LoadRow) for r in rows) and [r.month for r in commerce] == list(range(1, 13))
    april = commerce[3]
    assert (april.load, april.limit, april.over, sorted(april.topics)) == (2, 1, True, ["T1", "T2"])


def test_month_options_rank_feasible_cheapest_first_and_say_why_not():
    plan = make_plan(topic("T1", window=[4, 6], preferred_months=[5]), topic("T2"))
    schedule = solve(plan)
    options = suggest_months(plan, schedule, "T1")
    assert all(isinstance(o, MonthOption) for o in options)
    assert [o.month for o in options][:3] == [5, 4, 6] and options[0].current and options[0].penalty_change == 0
    assert options[1].changes["preferred_month_missed"] == 1
    outside = [o for o in options if not o.feasible]
    assert len(outside) == 9 and all("时间窗口" in o.reasons[0] for o in outside)
