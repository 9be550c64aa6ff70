"""编排: weights of the soft goals, time limit, solve with progress, the result, saved versions."""

import streamlit as st

from services import ServiceError
from solver import GOALS
from solver import texts as ST
from solver import texts_search as TS
from solver.rules import GOAL_HELP, GOAL_LABELS
from ui import scenarios, state, views, widgets
from ui import texts as U
from ui.markdown import md_text

plan = state.require_plan()

st.title(U.PAGE["solve"][0])
views.show_flash()
left, right = st.columns([1, 2], gap="large")

with left:
    st.subheader(U.SOLVE_WEIGHTS)
    st.caption(U.SOLVE_WEIGHTS_HELP)
    for goal in GOALS:
        st.slider(GOAL_LABELS[goal], 0, 100, help=GOAL_HELP[goal], **state.kept(f"w_{goal}"))
    time_limit = st.slider(U.SOLVE_TIME, 1, 120, help=U.SOLVE_TIME_HELP, **state.kept("solve_time_limit"))
    st.button(U.SOLVE_RESET_WEIGHTS, key="solve_reset", on_click=views.reset_weights, type="tertiary")
    options = state.options()
    go = st.button(U.SOLVE_BUTTON, type="primary", key="solve_go", icon=":material/play_arrow:", width="stretch")

with right:
    st.subheader(U.SOLVE_RESULT)
    if go:
        with st.status(U.SOLVE_RUNNING.format(n=len(plan.topics), t=time_limit), expanded=True):
            bar = st.progress(0.0, text=U.SOLVE_PROGRESS.format(s=0, t=time_limit))
            # the limit is wall-clock seconds (solver.budget): the bar and the solver count the same clock
            result = state.solve_with_progress(plan, options, on_tick=views.progress_ticker(bar, time_limit))
            bar.progress(1.0, text=U.SOLVE_PROGRESS.format(s=result.solve_seconds or 0, t=time_limit))
        ok = result.has_schedule
        done = U.SOLVE_DONE if ok else U.SOLVE_FAILED
        try:
            state.record_solve(result, author=widgets.author())
        except ServiceError as err:  # the plan was saved by someone else meanwhile: say so, keep nothing
            views.flash(md_text(err), "error")
        else:
            stopped = TS.STOPPED_BY.get(getattr(result, "stopped_by", None) or "", "")
            views.flash(
                done.format(status=ST.STATUS[result.status], s=result.solve_seconds or 0)
                + (f"({stopped})" if stopped else ""),
                "success" if ok else "error",
            )
        st.rerun()  # the sidebar and every page now show the new current schedule
    shown = st.session_state.solve_result or state.schedule()
    if shown is None:
        st.info(U.SOLVE_NO_RESULT)
    else:
        if st.session_state.solve_result is None:
            st.caption(U.SOLVE_CURRENT_FROM)
        widgets.result_panel(shown)
        if not shown.has_schedule:
            st.page_link("pages/conflicts.py", label=U.SOLVE_SEE_CONFLICTS, icon=":material/report:")
        else:
            st.page_link("pages/overview.py", label=U.SOLVE_SEE_CALENDAR, icon=":material/calendar_month:")

st.divider()
st.subheader(U.SCN_TITLE)
scenarios.panel(plan)
