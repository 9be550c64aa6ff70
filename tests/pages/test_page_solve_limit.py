"""编排: the answer says what stopped the search (the limit is wall-clock seconds)."""

from page_helpers import click, texts_of

from solver import texts as TS


def test_the_flash_names_what_stopped_the_search(open_app):
    at = open_app("solve")
    click(at, "solve_go")
    result = at.session_state["solve_result"]
    assert result.stopped_by == "optimal"  # the 威海 plan is proven optimal well inside the limit
    assert TS.STOPPED_BY["optimal"] in texts_of(at)
    assert result.solve_seconds <= at.session_state["solve_time_limit"]
