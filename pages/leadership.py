"""领导总览: the year on one page for leadership, read-only; PDF/PNG of the printed sheet; browser print."""

from datetime import date

import streamlit as st

from services import ServiceError
from ui import leadership, state
from ui import texts as U
from ui.markdown import md_text

plan = state.require_plan(page="leadership")
schedule = state.schedule()
st.html(leadership.PRINT_CSS)
st.title(U.PAGE["leadership"][0])
st.caption(U.LS_INTRO)

s = st.session_state
state_label, version_number = leadership.approval(s.plan_id)
try:
    sheet = leadership.sheet(
        s.plan_token,
        s.schedule_token,
        leadership.viewer(),
        state_label,
        version_number,
        date.today().isoformat(),
        plan,
        schedule,
    )
except ServiceError as err:  # a role that may not see the whole plan: the reason, not a traceback
    st.error(md_text(err))
    st.stop()
leadership.downloads(plan, sheet)
if schedule is None or not schedule.assignments:
    st.info(U.LS_NO_SCHEDULE)
st.html(sheet.css + sheet.body)
