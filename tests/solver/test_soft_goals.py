"""One test per soft goal: free it costs nothing; forced it costs exactly its weight."""

from __future__ import annotations

from factories import make_plan, topic

from solver import SolveOptions, Weights

# Topics pinned to one month also crowd that month; tests of other goals switch
# the spread goal off so the expected objective is that goal's alone.
NO_SPREAD = SolveOptions(weights=Weights(uneven_spread=0))


def test_department_overload_is_avoided_when_possible(solved):
    plan = make_plan(
        topic("T1", departments=["commerce"], preferred_months=[5]),
        topic("T2", departments=["commerce"], preferred_months=[5]),
    )
    s = solved(plan)
    # moving one topic (4) is cheaper than overloading 市商务局 (10)
    assert s.objective_breakdown["department_overload"]["count"] == 0
    assert s.objective == 4


def test_department_overload_forced_costs_exactly_its_weight(solved):
    plan = make_plan(
        topic("T1", departments=["commerce"], fixed_month=5),
        topic("T2", departments=["commerce"], fixed_month=5),
        topic("T3", departments=["commerce"], fixed_month=5),
    )
    s = solved(plan, SolveOptions(weights=Weights(department_overload=7)))
    assert s.objective_breakdown["department_overload"] == {"count": 2, "weight": 7, "penalty": 14}
    w = [x for x in s.warnings if x.kind == "department_overload"]
    assert len(w) == 1 and w[0].department == "commerce" and w[0].load == 3 and w[0].limit == 1
    assert w[0].message == "市商务局 5月 需参加 3 项协商(上限 1)"


def test_department_limit_edge(solved):
    plan = make_plan(
        topic("T1", departments=["commerce"], fixed_month=5),
        topic("T2", departments=["commerce"], fixed_month=5),
        departments={"commerce": {"max_per_month": 2}},
    )
    assert solved(plan, NO_SPREAD).objective == 0


def test_leader_overload_forced(solved):
    plan = make_plan(topic("T1", leaders=["mayor"], fixed_month=9), topic("T2", leaders=["mayor"], fixed_month=9))
    s = solved(plan, NO_SPREAD)
    assert s.objective_breakdown["leader_overload"]["count"] == 1 and s.objective == 20


def test_leader_overload_avoided(solved):
    plan = make_plan(topic("T1", leaders=["mayor"]), topic("T2", leaders=["mayor"]))
    assert solved(plan).objective == 0


def test_preferred_month_missed_forced(solved):
    s = solved(make_plan(topic("T1", preferred_months=[6], fixed_month=8)))
    assert s.objective_breakdown["preferred_month_missed"]["count"] == 1 and s.objective == 4


def test_uneven_spread_forced(solved):
    # 4 topics over 2 reachable months: an even spread is 2 a month; all in May is 2 too many
    plan = make_plan(
        *[topic(f"T{i}", fixed_month=5) for i in range(4)], calendar={"months": [5, 6], "session_month": None}
    )
    s = solved(plan)
    assert s.objective_breakdown["uneven_spread"]["count"] == 2 and s.objective == 12


def test_uneven_spread_avoided(solved):
    plan = make_plan(
        *[topic(f"T{i}", preferred_months=[5]) for i in range(4)], calendar={"months": [5, 6], "session_month": None}
    )
    s = solved(plan, SolveOptions(weights=Weights(preferred_month_missed=1, uneven_spread=10)))
    assert s.objective_breakdown["uneven_spread"]["count"] == 0
    assert sorted(s.month_of().values()) == [5, 5, 6, 6]


def test_plenary_does_not_count_toward_spread(solved):
    plan = make_plan(topic("P", form="plenary"), topic("T1", window=[1, 1]), calendar={"months": [1, 2]})
    # two topics in January, but the plenary has its own session: no spread penalty
    assert solved(plan).objective == 0


def test_replan_moves_only_the_pinned_topic(solved):
    plan = make_plan(
        *[topic(f"T{i}", departments=["commerce"]) for i in range(5)],
        calendar={"months": list(range(4, 12)), "session_month": None},
    )
    first = solved(plan)
    pinned_to = next(m for m in range(4, 12) if m not in first.month_of().values())
    from solver.whatif import pin

    second = solved(pin(plan, "T2", pinned_to), baseline=first)
    assert second.month_of()["T2"] == pinned_to
    assert second.objective_breakdown["moved"]["count"] == 1
    assert {k: v for k, v in second.month_of().items() if k != "T2"} == {
        k: v for k, v in first.month_of().items() if k != "T2"
    }


def test_replan_pays_moves_only_when_worth_it(solved):
    plan = make_plan(
        topic("T1", departments=["commerce"]),
        topic("T2", departments=["commerce"]),
        calendar={"months": [5, 6], "session_month": None},
    )
    first = solved(plan)
    # pin T1 into T2's month: overload (10) is cheaper than moving T2 (30)
    second = solved(
        __import__("solver.whatif", fromlist=["pin"]).pin(plan, "T1", first.month_of()["T2"]), baseline=first
    )
    assert second.objective_breakdown["moved"]["count"] == 1  # T1 itself
    assert second.objective_breakdown["department_overload"]["count"] == 1
