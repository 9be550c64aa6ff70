"""协商计划编排 — the entry point: page config, session defaults, the database, sign-in, the pages.

Run with ``streamlit run app.py``. The database is ``DATABASE_URL`` (default: a
SQLite file created on first start with the sample plans loaded). Nobody
reaches a page without signing in (``ui.auth.gate``; the first start asks for
the first 管理员 instead); the navigation lists the pages the role may use
(``ui.navigation.PAGES``). The plan picker in the sidebar is drawn by each
page (see ``ui.state.require_plan``).
"""

import streamlit as st

from services import ServiceError
from ui import auth, navigation, state
from ui import texts as U
from ui.markdown import md_text
from ui.theme import GLOBAL_CSS, LANG_SCRIPT

st.set_page_config(page_title=U.APP_TITLE, page_icon=U.APP_ICON, layout="wide")
st.html(GLOBAL_CSS)
with st.sidebar.container(key="xs-lang"):  # hidden by GLOBAL_CSS: no gap in the sidebar
    st.html(LANG_SCRIPT, unsafe_allow_javascript=True)
state.init()

try:
    state.engine()
except ServiceError as err:  # the reason on screen, not a traceback
    st.error(md_text(err))
    st.stop()

actor = auth.gate()  # the sign-in or first-start form and a stop, unless signed in
specs = navigation.pages_for(actor)
pages = [st.Page(p.path, title=U.PAGE[p.key][0], icon=U.PAGE[p.key][1], default=i == 0) for i, p in enumerate(specs)]
st.navigation(pages).run()
state.warm_up()  # after the page: the heavy imports overlap with the browser drawing it
