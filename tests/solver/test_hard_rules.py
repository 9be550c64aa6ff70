"""One test per hard rule: the rule binds (the cheaper answer would break it) and
the answer keeps it; then the rule forced against another requirement is infeasible
and the explanation names exactly the clashing requirements."""

from __future__ import annotations

from factories import make_plan, topic

from solver import SolveOptions, Weights


def months(schedule):
    return schedule.month_of()


def kinds(schedule):
    return sorted(c.kind for c in schedule.conflicts)


# -- window ---------------------------------------------------------------------------


def test_window_keeps_topic_inside_even_against_preference(solved):
    s = solved(make_plan(topic("T1", window=[4, 6], preferred_months=[9])))
    assert s.status == "optimal" and 4 <= months(s)["T1"] <= 6
    assert s.objective_breakdown["preferred_month_missed"]["count"] == 1


def test_window_edges_are_inclusive(solved):
    s = solved(make_plan(topic("T1", window=[6, 6], preferred_months=[6])))
    assert months(s)["T1"] == 6 and s.objective == 0


def test_window_against_fixed_month_is_explained(solved):
    s = solved(make_plan(topic("T1", window=[4, 6], fixed_month=9)))
    assert s.status == "infeasible" and kinds(s) == ["fixed_month", "window"]
    assert "9月" in s.explanation and "4–6月" in s.explanation


# -- blackout -------------------------------------------------------------------------


def test_blackout_month_is_avoided(solved):
    s = solved(make_plan(topic("T1", preferred_months=[2]), calendar={"blackout_months": [2]}))
    assert months(s)["T1"] != 2


def test_fixed_in_blackout_is_explained(solved):
    s = solved(make_plan(topic("T1", fixed_month=2), calendar={"blackout_months": [2]}))
    assert kinds(s) == ["blackout", "fixed_month"]


# -- fixed month ------------------------------------------------------------------------


def test_fixed_month_beats_preference(solved):
    s = solved(make_plan(topic("T1", fixed_month=5, preferred_months=[8])))
    assert months(s)["T1"] == 5


# -- session only ----------------------------------------------------------------------


def test_session_only_form_goes_to_session_month(solved):
    s = solved(make_plan(topic("T1", form="plenary", preferred_months=[6]), calendar={"session_month": 3}))
    assert months(s)["T1"] == 3


def test_session_only_against_window_is_explained(solved):
    s = solved(make_plan(topic("T1", form="plenary", window=[4, 11])))
    assert kinds(s) == ["session_only", "window"]


# -- leader availability ------------------------------------------------------------------


def test_leader_away_month_is_avoided(solved):
    plan = make_plan(topic("T1", leaders=["vice"], preferred_months=[7]), leaders={"vice": {"unavailable_months": [7]}})
    s = solved(plan)
    assert months(s)["T1"] != 7


def test_fixed_month_when_leader_away_is_explained_in_words(solved):
    plan = make_plan(topic("T03", leaders=["vice"], fixed_month=7), leaders={"vice": {"unavailable_months": [7]}})
    s = solved(plan)
    assert kinds(s) == ["fixed_month", "leader_unavailable"]
    assert "T03" in s.explanation and "固定在 7月" in s.explanation and "分管副市长 7月 不在岗" in s.explanation


# -- lead options and committee limit ------------------------------------------------------


def test_lead_is_one_of_the_options_and_committee_limit_spreads_leads(solved):
    plan = make_plan(
        topic("T1", lead_options=["proposal", "economy"], fixed_month=5),
        topic("T2", lead_options=["proposal", "economy"], fixed_month=5),
        committees={"proposal": {"max_per_month": 1}, "economy": {"max_per_month": 1}},
    )
    s = solved(plan)
    leads = s.lead_of()
    assert set(leads.values()) == {"proposal", "economy"}


def test_co_organizer_counts_toward_committee_limit(solved):
    plan = make_plan(
        topic("T1", lead_options=["economy"], co_organizers=["proposal"], preferred_months=[5]),
        topic("T2", lead_options=["proposal"], preferred_months=[5]),
        committees={"proposal": {"max_per_month": 1}},
    )
    s = solved(plan)
    assert months(s)["T1"] != months(s)["T2"]


def test_committee_limit_edge_allows_exactly_the_limit(solved):
    plan = make_plan(
        topic("T1", fixed_month=5), topic("T2", fixed_month=5), committees={"proposal": {"max_per_month": 2}}
    )
    assert solved(plan).status == "optimal"


def test_committee_limit_against_fixed_months_is_explained(solved):
    plan = make_plan(
        topic("T1", fixed_month=5),
        topic("T2", fixed_month=5),
        topic("T3", fixed_month=5),
        committees={"proposal": {"max_per_month": 2}},
    )
    s = solved(plan)
    assert kinds(s) == ["committee_limit", "fixed_month", "fixed_month", "fixed_month"]


# -- form limit, month limit ----------------------------------------------------------------


def test_form_limit_separates_topics_of_a_form(solved):
    plan = make_plan(
        topic("T1", form="standing", preferred_months=[6]),
        topic("T2", form="standing", preferred_months=[6]),
        forms={"standing": {"max_per_month": 1}},
    )
    s = solved(plan)
    assert months(s)["T1"] != months(s)["T2"]
    assert s.objective_breakdown["preferred_month_missed"]["count"] == 1


def test_month_limit_caps_every_month(solved):
    plan = make_plan(*[topic(f"T{i}", preferred_months=[6]) for i in range(5)], calendar={"max_topics_per_month": 2})
    s = solved(plan, SolveOptions(weights=Weights(uneven_spread=0)))
    per_month = {}
    for m in months(s).values():
        per_month[m] = per_month.get(m, 0) + 1
    assert max(per_month.values()) == 2


def test_month_limit_against_fixed_months_is_explained(solved):
    plan = make_plan(topic("T1", fixed_month=6), topic("T2", fixed_month=6), calendar={"max_topics_per_month": 1})
    assert kinds(solved(plan)) == ["fixed_month", "fixed_month", "month_limit"]


# -- form gap -----------------------------------------------------------------------------


def test_form_gap_spaces_standing_meetings(solved):
    plan = make_plan(
        topic("T1", form="standing", preferred_months=[6]),
        topic("T2", form="standing", preferred_months=[7]),
        forms={"standing": {"min_gap_months": 2}},
    )
    s = solved(plan)
    assert abs(months(s)["T1"] - months(s)["T2"]) >= 2


def test_form_gap_edge_exactly_the_gap_is_allowed(solved):
    plan = make_plan(
        topic("T1", form="standing", preferred_months=[6]),
        topic("T2", form="standing", preferred_months=[8]),
        forms={"standing": {"min_gap_months": 2}},
    )
    s = solved(plan)
    assert months(s) == {"T1": 6, "T2": 8} and s.objective == 0


def test_form_gap_against_fixed_months_is_explained(solved):
    plan = make_plan(
        topic("T1", form="standing", fixed_month=6),
        topic("T2", form="standing", fixed_month=7),
        forms={"standing": {"min_gap_months": 2}},
    )
    assert kinds(solved(plan)) == ["fixed_month", "fixed_month", "form_gap"]


# -- after ----------------------------------------------------------------------------------


def test_after_orders_research_before_consultation(solved):
    plan = make_plan(topic("R1", preferred_months=[8]), topic("C1", preferred_months=[5], after=["R1"]))
    s = solved(plan)
    assert months(s)["R1"] < months(s)["C1"]


def test_after_against_fixed_months_is_explained(solved):
    plan = make_plan(topic("R1", fixed_month=8), topic("C1", fixed_month=8, after=["R1"]))
    assert kinds(solved(plan)) == ["after", "fixed_month", "fixed_month"]
