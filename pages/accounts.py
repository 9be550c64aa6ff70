"""账号管理 (管理员): the accounts, a new account, change a role, disable/enable, reset a password; settings."""

import streamlit as st

from services.access import Permission
from ui import accounts_ui as A
from ui import state, views
from ui import texts as U

me = state.page_gate(page="accounts")
st.title(U.PAGE["accounts"][0])
st.caption(U.ACC_INTRO)
views.show_flash()
A.show_new_password()

accounts = A.account_list(me)
st.dataframe(A.accounts_frame(accounts), hide_index=True, width="stretch", key="acc_table")

tab_new, tab_edit, tab_settings = st.tabs([U.ACC_TAB_NEW, U.ACC_TAB_EDIT, U.ACC_TAB_SETTINGS])
with tab_new:
    A.new_account_form()
with tab_edit:
    A.edit_account(accounts)
with tab_settings:
    if me.can(Permission.MANAGE_SETTINGS):
        A.settings_form()
