"""编排: weights of the soft goals, time limit; a solve job's live progress and result; saved versions."""

import streamlit as st

from solver import GOALS
from solver.rules import GOAL_HELP, GOAL_LABELS
from ui import jobs, scenarios, state, views, widgets
from ui import texts as U

plan = state.require_plan(page="solve")

st.title(U.PAGE["solve"][0])
views.frozen_banner()  # adopting a result is refused while frozen: say so before the planner solves
views.show_flash()
left, right = st.columns([1, 2], gap="large")

with left:
    st.subheader(U.SOLVE_WEIGHTS)
    st.caption(U.SOLVE_WEIGHTS_HELP)
    for goal in GOALS:
        st.slider(GOAL_LABELS[goal], 0, 100, help=GOAL_HELP[goal], **state.kept(f"w_{goal}"))
    st.slider(U.SOLVE_TIME, 1, 120, help=U.SOLVE_TIME_HELP, **state.kept("solve_time_limit"))
    st.button(U.SOLVE_RESET_WEIGHTS, key="solve_reset", on_click=views.reset_weights, type="tertiary")
    options = state.options()
    if st.button(U.SOLVE_BUTTON, type="primary", key="solve_go", icon=":material/play_arrow:", width="stretch"):
        jobs.submit(options)  # recorded in the database and computed by a worker process
        st.rerun()

with right:
    st.subheader(U.SOLVE_RESULT)
    if not jobs.panel(st.session_state.plan_id):
        current = state.schedule()
        if current is None:
            st.info(U.SOLVE_NO_RESULT)
        else:
            st.caption(U.SOLVE_CURRENT_FROM)
            widgets.result_panel(current)

st.divider()
st.subheader(U.SCN_TITLE)
scenarios.panel(plan)
