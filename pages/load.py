"""负荷: department × month, committee × month and leader × month heatmaps, limits and overloads marked."""

import streamlit as st

from ui import state, views
from ui import texts as U

plan = state.require_plan(page="load")
schedule = state.schedule()
st.title(U.PAGE["load"][0])
st.caption(U.LD_INTRO)
if schedule is None or not schedule.assignments:
    st.info(U.CF_NO_SCHEDULE)
    st.stop()

only_busy = st.toggle(U.LD_ONLY_BUSY, value=True, key="ld_busy", persist_state="session")
tokens = (st.session_state.plan_token, st.session_state.schedule_token)
over = views.overload_counts(views.load_rows(*tokens, plan, schedule))
# Lazy tabs: only the open tab's heatmap is built (each costs a frame and an Altair chart).
tabs = st.tabs(
    [f"{U.LD_TABS[k]}({U.LD_OVERLOADS.format(n=over[k])})" for k in U.LD_TABS],
    key="ld_tab",
    on_change="rerun",
)
for kind, tab in zip(U.LD_TABS, tabs, strict=True):
    if not tab.open:
        continue
    with tab:
        spec = views.heatmap_spec(*tokens, only_busy, kind, plan, schedule)
        if spec is None:
            st.info(U.LD_NONE)
        else:
            st.vega_lite_chart(spec, width="stretch", key=f"ld_heat_{kind}")

st.subheader(U.LD_MONTH_TOTAL)
st.vega_lite_chart(views.month_totals_spec(*tokens, plan, schedule), width="stretch", key="ld_totals")
