"""Random small plans: every answer passes the independent checker, every conflict
set is infeasible on its own and minimal, every pre-check verdict is real."""

from __future__ import annotations

from checked import assert_checked
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model
from test_explain import assert_minimal_conflict

from solver import SolveOptions, Weights, check, parse_plan, solve
from solver.model import PlanModel

OPTIONS = SolveOptions(time_limit_s=5)
months = st.integers(1, 12)


@st.composite
def plans(draw):
    n_topics = draw(st.integers(2, 7))
    calendar_months = sorted(draw(st.sets(months, min_size=3, max_size=12)))
    session = draw(st.sampled_from(calendar_months))
    forms = [
        {"id": "plenary", "name": "全体会议", "session_only": True},
        {
            "id": "standing",
            "name": "常委会议",
            "max_per_month": draw(st.none() | st.integers(1, 2)),
            "min_gap_months": draw(st.integers(0, 3)),
        },
        {"id": "other", "name": "对口协商", "max_per_month": draw(st.none() | st.integers(1, 3))},
    ]
    committees = [
        {"id": f"c{i}", "name": f"委{i}", "max_per_month": draw(st.none() | st.integers(1, 2))} for i in range(3)
    ]
    departments = [{"id": f"d{i}", "name": f"局{i}", "max_per_month": draw(st.integers(1, 2))} for i in range(3)]
    leaders = [
        {
            "id": f"l{i}",
            "name": f"领导{i}",
            "max_per_month": 1,
            "unavailable_months": sorted(draw(st.sets(months, max_size=2))),
        }
        for i in range(2)
    ]
    topics = []
    for i in range(n_topics):
        lo = draw(st.sampled_from(calendar_months))
        hi = draw(st.sampled_from([m for m in calendar_months if m >= lo]))
        form = draw(st.sampled_from(["plenary", "standing", "standing", "other", "other", "other", "other"]))
        topics.append(
            {
                "id": f"T{i}",
                "title": f"议题{i}",
                "form": form,
                "lead_options": sorted(draw(st.sets(st.sampled_from(["c0", "c1", "c2"]), min_size=1, max_size=2))),
                "departments": sorted(draw(st.sets(st.sampled_from(["d0", "d1", "d2"]), max_size=2))),
                "leaders": sorted(draw(st.sets(st.sampled_from(["l0", "l1"]), max_size=1))),
                "window": None if form == "plenary" else draw(st.none() | st.just([lo, hi])),
                "preferred_months": sorted(draw(st.sets(st.sampled_from(calendar_months), max_size=2))),
                "fixed_month": draw(st.sampled_from(calendar_months)) if draw(st.integers(0, 5)) == 0 else None,
                "after": [f"T{j}" for j in range(i) if draw(st.integers(0, 5)) == 0],
            }
        )
    blackout = sorted(draw(st.sets(st.sampled_from(calendar_months), max_size=1)) - {session})
    return parse_plan(
        {
            "format": "consult-plan/1",
            "year": 2025,
            "calendar": {
                "months": calendar_months,
                "blackout_months": blackout,
                "session_month": session,
                "max_topics_per_month": draw(st.none() | st.integers(2, 4)),
            },
            "forms": forms,
            "committees": committees,
            "departments": departments,
            "leaders": leaders,
            "topics": topics,
        }
    )


def _really_infeasible(plan) -> bool:
    pm = PlanModel(plan, weights=Weights())
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 5
    return solver.solve(pm.model) == cp_model.INFEASIBLE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_answer_is_checked_or_explained(plan):
    s = solve(plan, OPTIONS)
    if s.status in ("optimal", "feasible"):
        assert_checked(plan, s, OPTIONS)
    elif s.conflict_source == "precheck":
        assert _really_infeasible(plan)
    else:
        assert s.status == "infeasible"
        assert_minimal_conflict(plan, s, single_conflict=False)


@settings(max_examples=20, deadline=None)
@given(plans())
def test_same_plan_same_answer(plan):
    a, b = solve(plan, OPTIONS), solve(plan, OPTIONS)
    assert a.status == b.status
    assert a.assignments == b.assignments and [c.kind for c in a.conflicts] == [c.kind for c in b.conflicts]


weights = st.builds(
    Weights, **{g: st.integers(0, 30) for g in Weights.model_fields}
)  # every goal of the registry, the optional ones switched on too


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), weights)
def test_greedy_keeps_and_counts_what_the_checker_does(plan, w):
    """The greedy start reads the rules' own allow/cost parts: it cannot drift from the checker.

    A schedule it calls complete has no hard violation, and the penalty it kept
    move by move (placing, then the polish's removals and re-placings) equals
    the checker's weighted count of the same schedule, goal for goal.
    """
    from solver.greedy import Board, greedy_schedule, improve

    first = greedy_schedule(plan, w)
    if first.status != "feasible":
        return  # a topic left unplaced: nothing complete to compare
    assert check(plan, first).hard == []
    for schedule in (first, improve(plan, first, w)):
        board = Board(plan, w)
        for a in schedule.assignments:
            board.place(a.topic, a.month, a.lead)
        assert board.penalty == check(plan, schedule).penalty(w)
        assert check(plan, schedule).hard == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), weights, st.randoms(use_true_random=False))
def test_greedy_cost_accounting_equals_the_checker_on_any_schedule(plan, w, rnd):
    """Any complete schedule — crowded months included — costs the greedy board what it costs the checker."""
    from solver.greedy import Board
    from solver.plan import Assignment, Schedule

    crowd = rnd.sample(plan.calendar.months, k=min(2, len(plan.calendar.months)))
    assignments = [
        Assignment(topic=t.id, month=rnd.choice(crowd), lead=rnd.choice(t.lead_options)) for t in plan.topics
    ]
    schedule = Schedule(plan_year=plan.year, status="feasible", assignments=assignments)
    board = Board(plan, w)
    for a in assignments:
        board.place(a.topic, a.month, a.lead)
    assert board.penalty == check(plan, schedule).penalty(w)
    for a in reversed(assignments):  # taking topics out again gives the cost back exactly
        board.remove(a.topic)
    assert board.penalty == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.randoms(use_true_random=False))
def test_each_rules_blockers_are_what_stands_in_the_way(plan, rnd):
    """The repair part of every hard rule agrees with its greedy part.

    On any partial schedule (rules broken or not), for every unplaced topic and
    every month and lead it may take: a rule names no blockers exactly when it
    allows the move, and taking out any ``k`` of each group it names makes it
    allow the move.
    """
    from solver import rules
    from solver.greedy import Board

    board = Board(plan, Weights())
    placed = rnd.sample(plan.topics, k=rnd.randint(0, len(plan.topics) - 1))
    for t in placed:
        board.place(t.id, rnd.choice(plan.calendar.months), rnd.choice(t.lead_options))
    for t in plan.topics:
        if t.id in board.month:
            continue
        for m in board.allowed[t.id]:
            for c in t.lead_options:
                for rule in rules.HARD:
                    groups = rule.blockers(board, t, m, c)
                    assert groups is not None, rule.name  # every rule of the registry can name them
                    assert (groups == []) == rule.allows(board, t, m, c), rule.name
                    taken = {}
                    for ids, k in groups:
                        assert 0 < k <= len(ids) and all(u in board.month for u in ids)
                        for u in rnd.sample(ids, k):
                            if u not in taken:
                                taken[u] = board.remove(u)
                    assert rule.allows(board, t, m, c), rule.name
                    for u, (um, uc, cost) in taken.items():
                        board.place(u, um, uc, cost=cost)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.randoms(use_true_random=False))
def test_what_the_ejection_chain_calls_complete_keeps_every_hard_rule(plan, rnd):
    """From any start — topics missing, months and leads at random, rules broken — a schedule the
    chain calls feasible places every topic and breaks no hard rule; one it cannot complete says so."""
    from solver.greedy import complete

    start = {
        t.id: (rnd.choice(plan.calendar.months), rnd.choice(t.lead_options)) for t in plan.topics if rnd.random() < 0.7
    }
    done = complete(plan, start, seed=rnd.randint(0, 9))
    placed = {a.topic for a in done.assignments}
    assert len(placed) == len(done.assignments)
    if done.status == "feasible":
        assert placed == {t.id for t in plan.topics}
        assert check(plan, done).hard == []
    else:
        assert done.status == "unknown" and placed < {t.id for t in plan.topics}
        partial = check(plan, done)
        assert [f for f in partial.hard if f.kind != "unassigned"] == []  # what it placed keeps the rules
