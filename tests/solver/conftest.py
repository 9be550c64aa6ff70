import pytest
from checked import assert_checked

from solver import SolveOptions, solve


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
