"""协商计划编排 — the entry point: page config, session defaults, the database, the pages.

Run with ``streamlit run app.py``. The database is ``DATABASE_URL`` (default: a
SQLite file created on first start with the sample plans loaded). The plan
picker in the sidebar is drawn by each page (see ``ui.state.require_plan``).
"""

import streamlit as st

from services import ServiceError
from ui import state
from ui import texts as U
from ui.theme import GLOBAL_CSS, LANG_SCRIPT

st.set_page_config(page_title=U.APP_TITLE, page_icon=U.APP_ICON, layout="wide")
st.html(GLOBAL_CSS)
with st.sidebar.container(key="xs-lang"):  # hidden by GLOBAL_CSS: no gap in the sidebar
    st.html(LANG_SCRIPT, unsafe_allow_javascript=True)
state.init()

try:
    state.engine()
except ServiceError as err:  # the reason on screen, not a traceback
    st.error(str(err))
    st.stop()

pages = [
    st.Page("pages/overview.py", title=U.PAGE["overview"][0], icon=U.PAGE["overview"][1], default=True),
    st.Page("pages/resources.py", title=U.PAGE["resources"][0], icon=U.PAGE["resources"][1]),
    st.Page("pages/solve.py", title=U.PAGE["solve"][0], icon=U.PAGE["solve"][1]),
    st.Page("pages/whatif.py", title=U.PAGE["whatif"][0], icon=U.PAGE["whatif"][1]),
    st.Page("pages/conflicts.py", title=U.PAGE["conflicts"][0], icon=U.PAGE["conflicts"][1]),
    st.Page("pages/load.py", title=U.PAGE["load"][0], icon=U.PAGE["load"][1]),
]
st.navigation(pages).run()
state.warm_up()  # after the page: the heavy imports overlap with the browser drawing it
