"""Explanations: the conflict set is infeasible on its own and every item is needed;
the counting pre-check says what it counted."""

from __future__ import annotations

from factories import make_plan, topic
from relax import drop, keep_only

from solver import SolveOptions, precheck, solve

FAST = SolveOptions(time_limit_s=5)


def assert_minimal_conflict(plan, schedule, *, single_conflict: bool = True):
    """The set alone is infeasible; without any one of its items it is not.

    With ``single_conflict`` the plan has no other clash, so dropping any item
    from the whole plan must make the whole plan solvable.
    """
    assert schedule.status == "infeasible" and schedule.conflicts
    core = keep_only(plan, schedule.conflicts)
    assert solve(core, FAST).status == "infeasible", "the set alone is not infeasible"
    for c in schedule.conflicts:
        target = plan if single_conflict else core
        relaxed = solve(drop(target, c), FAST)
        assert relaxed.status in ("optimal", "feasible"), f"dropping {c.message} did not make it solvable"


def test_conflict_among_many_requirements_is_small_and_minimal():
    plan = make_plan(
        topic("T1", window=[4, 11], preferred_months=[6]),
        topic("T2", leaders=["vice"], window=[6, 7], departments=["commerce"]),
        topic("T3", form="standing", fixed_month=7, lead_options=["economy"]),
        topic("T4", form="standing", window=[5, 9], after=["T1"]),
        topic("T5", leaders=["vice"], fixed_month=6),
        calendar={"blackout_months": [2]},
        leaders={"vice": {"unavailable_months": [7]}},
        forms={"standing": {"min_gap_months": 2}},
        committees={"proposal": {"max_per_month": 1}},
    )
    s = solve(plan, FAST)
    # T2 can only be in June (window 6–7, vice away in July), where T5 is pinned, and
    # 提案委 leads both but may lead one a month.
    assert sorted(c.kind for c in s.conflicts) == ["committee_limit", "fixed_month", "leader_unavailable", "window"]
    assert_minimal_conflict(plan, s)


def test_precheck_counts_standing_meetings_against_the_gap():
    plan = make_plan(
        *[topic(f"S{i}", form="standing", window=[4, 11]) for i in range(5)], forms={"standing": {"min_gap_months": 2}}
    )
    found = precheck(plan)
    assert [r.message for r in found] == ["5 个专题议政性常委会议 需间隔 2 个月,但可用月份(4–11月)只容得下 4 个"]
    s = solve(plan, FAST)
    assert s.status == "infeasible" and s.conflict_source == "precheck"
    assert s.conflicts[0].kind == "capacity_form_gap"


def test_precheck_edge_exactly_fits():
    plan = make_plan(
        *[topic(f"S{i}", form="standing", window=[4, 11]) for i in range(4)], forms={"standing": {"min_gap_months": 2}}
    )
    assert precheck(plan) == []
    assert solve(plan, FAST).status == "optimal"


def test_precheck_month_and_committee_capacity():
    plan = make_plan(
        *[topic(f"T{i}", window=[4, 5]) for i in range(5)],
        calendar={"max_topics_per_month": 2},
        committees={"proposal": {"max_per_month": 3}},
    )
    kinds = [r.kind for r in precheck(plan)]
    assert kinds == ["capacity_month_limit"]
    plan = make_plan(*[topic(f"T{i}", window=[4, 5]) for i in range(5)], committees={"proposal": {"max_per_month": 2}})
    assert [r.kind for r in precheck(plan)] == ["capacity_committee_limit"]


def test_after_cycle_is_named():
    plan = make_plan(topic("A", after=["C"]), topic("B", after=["A"]), topic("C", after=["B"]))
    found = precheck(plan)
    assert len(found) == 1 and found[0].kind == "after_cycle"
    assert set(found[0].topics) == {"A", "B", "C"}


def test_explanation_sentence_reads_like_the_planner_would_say_it():
    plan = make_plan(
        topic("T03", title="发展智慧交通", leaders=["vice"], fixed_month=7),
        leaders={"vice": {"unavailable_months": [7]}},
    )
    s = solve(plan, FAST)
    assert s.explanation == "T03「发展智慧交通」固定在 7月,但 分管副市长 7月 不在岗"


def test_with_two_independent_clashes_one_minimal_set_is_returned():
    plan = make_plan(
        topic("T1", leaders=["vice"], fixed_month=7),
        topic("T2", window=[4, 5], fixed_month=9),
        leaders={"vice": {"unavailable_months": [7]}},
    )
    s = solve(plan, FAST)
    assert len(s.conflicts) == 2
    assert_minimal_conflict(plan, s, single_conflict=False)
    # fixing the clash that was named leaves the other one to be named next
    again = solve(drop(plan, s.conflicts[0]), FAST)
    assert again.status == "infeasible" and {c.kind for c in again.conflicts} != {c.kind for c in s.conflicts}


def test_a_topic_named_twice_in_the_explanation_is_named_once():
    plan = make_plan(topic("T1", title="全会协商", form="plenary", fixed_month=9))
    s = solve(plan, FAST)
    assert s.explanation == "T1「全会协商」固定在 9月,但 该议题(全体会议协商)只能安排在全会月份 1月"
