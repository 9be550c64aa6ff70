"""编排: the answer says what stopped the search (the limit is wall-clock seconds)."""

from page_helpers import WEIHAI, click, plan_id_of, texts_of, wait_for_jobs

from services import jobs
from solver import texts as ST
from tests.actors import PLANNER


def test_the_result_names_what_stopped_the_search(open_app, engine, worker):
    at = open_app("solve")
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    (job,) = jobs.plan_jobs(engine, plan_id_of(engine, WEIHAI), actor=PLANNER)
    result = job.result
    assert result.stopped_by == "optimal"  # the 威海 plan is proven optimal well inside the limit
    assert ST.STOPPED_BY["optimal"] in texts_of(at)
    assert result.solve_seconds <= float(job.options["time_limit_s"])
