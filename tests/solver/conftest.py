import pytest

from solver import SolveOptions, check, solve
from solver.options import GOALS


@pytest.fixture
def solved():
    """Solve, then assert the independent checker agrees with the answer."""

    def run(plan, options=None, baseline=None):
        options = options or SolveOptions(time_limit_s=10)
        schedule = solve(plan, options, baseline=baseline)
        if schedule.status in ("optimal", "feasible"):
            assert_checked(plan, schedule, options, baseline)
        return schedule

    return run


def assert_checked(plan, schedule, options, baseline=None):
    rep = check(plan, schedule, baseline=baseline)
    assert rep.hard == [], [f.message for f in rep.hard]
    assert {g: schedule.objective_breakdown[g]["count"] for g in GOALS} == rep.counts
    assert rep.penalty(options.weights) == schedule.objective
    assert schedule.bound <= schedule.objective
    if schedule.status == "optimal":
        assert schedule.bound == schedule.objective
