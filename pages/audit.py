"""操作记录 (管理员): who changed what and when, searchable, exported to Excel. Nothing here deletes a row."""

import streamlit as st

from ui import audit_ui as A
from ui import state
from ui import texts as U
from ui.downloads import file_button

me = state.page_gate(page="audit")
st.title(U.PAGE["audit"][0])
st.caption(U.AUD_INTRO)

query = A.filters()
rows = A.search(query, me)
st.caption(U.AUD_COUNT.format(n=len(rows)) + (U.AUD_LIMITED if len(rows) >= A.SHOWN else ""))
st.dataframe(
    A.frame(rows, dict(state.plan_choices())),
    hide_index=True,
    width="stretch",
    key="aud_table",
    column_config=A.COLUMNS,
)
file_button(
    st,
    U.AUD_EXPORT,
    lambda: A.export(query, me),
    kind="xlsx",
    file_name=U.AUD_FILE,
    key="aud_export",
    icon=":material/download:",
    stretch=False,
)
