"""Limits alone: per month, per form, per committee, gaps; and their capacity parts."""

from __future__ import annotations

from factories import make_plan, topic
from rule_harness import schedule_of, solve_alone, violations

from solver.rules.calendar import FixedMonth, Window
from solver.rules.limits import CommitteeLimit, FormGap, FormLimit, MonthLimit

MONTH, FORM, COMMITTEE, GAP = MonthLimit(), FormLimit(), CommitteeLimit(), FormGap()
FIXED, WINDOW = FixedMonth(), Window()


def pinned(n: int, month: int, **fields):
    return [topic(f"T{i}", fixed_month=month, **fields) for i in range(n)]


# -- month limit -------------------------------------------------------------------------


def test_month_limit_trivially_feasible():
    plan = make_plan(*[topic(f"T{i}", window=[5, 6]) for i in range(4)], calendar={"max_topics_per_month": 2})
    r = solve_alone(plan, hard=(MONTH, WINDOW))
    assert sorted(r.schedule.month_of().values()) == [5, 5, 6, 6]
    assert violations(MONTH, plan, r.schedule) == []


def test_month_limit_forced_is_infeasible_and_counted():
    plan = make_plan(*pinned(3, 5), calendar={"max_topics_per_month": 2})
    assert solve_alone(plan, hard=(MONTH, FIXED)).status == "infeasible"
    assert solve_alone(plan, hard=(FIXED,)).status == "optimal"
    wide = make_plan(*[topic(f"T{i}", window=[5, 5]) for i in range(3)], calendar={"max_topics_per_month": 2})
    (req,) = MONTH.capacity(wide)
    assert req.kind == "capacity_month_limit" and "3 项" in req.message


def test_month_limit_edge_exactly_the_limit():
    plan = make_plan(*pinned(2, 5), calendar={"max_topics_per_month": 2})
    assert solve_alone(plan, hard=(MONTH, FIXED)).status == "optimal"
    (f,) = violations(
        MONTH,
        make_plan(*pinned(3, 5), calendar={"max_topics_per_month": 2}),
        schedule_of(make_plan(*pinned(3, 5)), {"T0": 5, "T1": 5, "T2": 5}),
    )
    assert f.load == 3 and f.limit == 2 and f.month == 5


# -- form limit --------------------------------------------------------------------------


def test_form_limit_binds_its_form_only():
    plan = make_plan(*pinned(2, 5), *pinned(0, 5), forms={"counterpart": {"max_per_month": 2}})
    assert solve_alone(plan, hard=(FORM, FIXED)).status == "optimal"


def test_form_limit_forced_is_infeasible():
    plan = make_plan(*pinned(2, 5, form="standing"), forms={"standing": {"max_per_month": 1}})
    assert solve_alone(plan, hard=(FORM, FIXED)).status == "infeasible"
    other = make_plan(*pinned(2, 5, form="standing"), forms={"counterpart": {"max_per_month": 1}})
    assert solve_alone(other, hard=(FORM, FIXED)).status == "optimal"


def test_form_limit_edge_and_capacity():
    plan = make_plan(*[topic(f"S{i}", form="standing", window=[4, 5]) for i in range(3)],
                     forms={"standing": {"max_per_month": 1}})  # fmt: skip
    (req,) = FORM.capacity(plan)
    assert req.kind == "capacity_form_limit" and req.entity == {"form": "standing"}
    two = make_plan(*[topic(f"S{i}", form="standing", window=[4, 5]) for i in range(2)],
                    forms={"standing": {"max_per_month": 1}})  # fmt: skip
    assert list(FORM.capacity(two)) == [] and solve_alone(two, hard=(FORM, WINDOW)).status == "optimal"


# -- committee limit ---------------------------------------------------------------------


def test_committee_limit_moves_the_lead_when_there_is_a_choice():
    plan = make_plan(
        topic("T1", fixed_month=5, lead_options=["proposal"]),
        topic("T2", fixed_month=5, lead_options=["proposal", "economy"]),
        committees={"proposal": {"max_per_month": 1}},
    )
    r = solve_alone(plan, hard=(COMMITTEE, FIXED))
    assert r.schedule.lead_of() == {"T1": "proposal", "T2": "economy"}


def test_committee_limit_forced_counts_co_organizers():
    plan = make_plan(
        topic("T1", fixed_month=5, lead_options=["proposal"]),
        topic("T2", fixed_month=5, lead_options=["economy"], co_organizers=["proposal"]),
        committees={"proposal": {"max_per_month": 1}},
    )
    assert solve_alone(plan, hard=(COMMITTEE, FIXED)).status == "infeasible"
    (f,) = violations(COMMITTEE, plan, schedule_of(plan, {"T1": 5, "T2": 5}))
    assert f.committee == "proposal" and f.load == 2 and f.limit == 1


def test_committee_limit_edge_and_capacity():
    plan = make_plan(*[topic(f"T{i}", window=[5, 6]) for i in range(3)], committees={"proposal": {"max_per_month": 1}})
    (req,) = COMMITTEE.capacity(plan)
    assert req.kind == "capacity_committee_limit"
    two = make_plan(*[topic(f"T{i}", window=[5, 6]) for i in range(2)], committees={"proposal": {"max_per_month": 1}})
    assert solve_alone(two, hard=(COMMITTEE, WINDOW)).status == "optimal"


# -- form gap ----------------------------------------------------------------------------


def test_form_gap_trivially_feasible():
    plan = make_plan(*[topic(f"S{i}", form="standing") for i in range(3)], forms={"standing": {"min_gap_months": 3}})
    months = sorted(solve_alone(plan, hard=(GAP,)).schedule.month_of().values())
    assert all(b - a >= 3 for a, b in zip(months, months[1:], strict=False))


def test_form_gap_forced_is_infeasible_and_counted():
    plan = make_plan(
        topic("S1", form="standing", fixed_month=5),
        topic("S2", form="standing", fixed_month=6),
        forms={"standing": {"min_gap_months": 2}},
    )
    assert solve_alone(plan, hard=(GAP, FIXED)).status == "infeasible"
    many = make_plan(*[topic(f"S{i}", form="standing", window=[4, 8]) for i in range(4)],
                     forms={"standing": {"min_gap_months": 2}})  # fmt: skip
    (req,) = GAP.capacity(many)
    assert req.kind == "capacity_form_gap" and "3 个" in req.message  # 4, 6, 8 hold three


def test_form_gap_edge_exactly_the_gap():
    plan = make_plan(
        topic("S1", form="standing", fixed_month=5),
        topic("S2", form="standing", fixed_month=7),
        forms={"standing": {"min_gap_months": 2}},
    )
    assert solve_alone(plan, hard=(GAP, FIXED)).status == "optimal"
    found = [len(violations(GAP, plan, schedule_of(plan, {"S1": 5, "S2": m}))) for m in (6, 7)]
    assert found == [1, 0]
