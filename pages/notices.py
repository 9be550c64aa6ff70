"""变更通知: what a re-issued plan changed for each department, committee and leader; lists and calendars to send."""

import streamlit as st

from ui import notices_ui, state, views
from ui import texts as U

plan = state.require_plan("notices")
actor = state.actor()
st.title(U.PAGE["notices"][0])
views.show_flash()
notices_ui.page(plan, st.session_state.plan_id, actor)
