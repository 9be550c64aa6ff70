"""The independent check every solver answer in the tests goes through."""

from solver import check
from solver.options import GOALS


def assert_checked(plan, schedule, options, baseline=None):
    rep = check(plan, schedule, baseline=baseline)
    assert rep.hard == [], [f.message for f in rep.hard]
    assert {g: schedule.objective_breakdown[g]["count"] for g in GOALS} == rep.counts
    assert rep.penalty(options.weights) == schedule.objective
    assert schedule.bound <= schedule.objective
    if schedule.status == "optimal":
        assert schedule.bound == schedule.objective
