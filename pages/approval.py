"""审批与版本: where the plan stands (step bar), the moves the signed-in role may make, the history, the versions."""

import streamlit as st

from services import ServiceError, approval
from ui import approval_ui, state, views
from ui import texts as U
from ui.markdown import md_text

plan = state.require_plan("approval")
actor = state.actor()
plan_id = st.session_state.plan_id
st.title(U.PAGE["approval"][0])
st.caption(U.AP_INTRO)
views.show_flash()
try:
    summary = approval.summary(state.engine(), plan_id, actor=actor)
    records = approval.versions(state.engine(), plan_id, actor=actor)
except ServiceError as err:
    st.error(md_text(err))
    st.stop()

approval_ui.step_bar(summary)
approval_ui.headline(summary, actor)
approval_ui.moves(summary, actor)
approval_ui.history(records)
approval_ui.versions(records, actor)
