"""负荷: department × month, committee × month and leader × month heatmaps, limits and overloads marked."""

import streamlit as st

from ui import charts, state, views
from ui import texts as U

plan = state.require_plan()
schedule = state.schedule()
st.title(U.PAGE["load"][0])
st.caption(U.LD_INTRO)
if schedule is None or not schedule.assignments:
    st.info(U.CF_NO_SCHEDULE)
    st.stop()

only_busy = st.toggle(U.LD_ONLY_BUSY, value=True, key="ld_busy", persist_state="session")
tables = views.load_tables(st.session_state.plan_token, st.session_state.schedule_token, only_busy, plan, schedule)
for kind, tab in zip(U.LD_TABS, st.tabs([f"{U.LD_TABS[k]}({U.LD_OVERLOADS.format(n=views.overloads(tables[k]))})"
                                         for k in U.LD_TABS])):
    with tab:
        if tables[kind].empty:
            st.info(U.LD_NONE)
        else:
            st.altair_chart(charts.heatmap(tables[kind]), width="stretch")

st.subheader(U.LD_MONTH_TOTAL)
st.altair_chart(charts.month_totals(plan, schedule), width="stretch")
