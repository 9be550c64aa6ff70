"""The 账号管理 page's parts: the account table, the new-account form, editing one account, the settings.

Every action goes through :mod:`services.accounts` / :mod:`services.jobs`,
which check ``MANAGE_ACCOUNTS`` / ``MANAGE_SETTINGS`` themselves. A password
the app generates (a new account without one, a reset) is shown once on the
page and nowhere else.
"""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

from services import ServiceError, accounts, jobs, plans
from services import texts as ST
from services.access import Actor, Role

from . import state, views
from . import texts as U
from .markdown import md_text

ROLES = [r.value for r in Role]


def account_list(me: Actor) -> list[accounts.Account]:
    try:
        return accounts.list_accounts(state.engine(), actor=me)
    except ServiceError as err:
        st.error(md_text(err))
        st.stop()
        raise


def accounts_frame(rows: list[accounts.Account]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                U.ACC_COL["login"]: a.login,
                U.ACC_COL["name"]: a.display_name,
                U.ACC_COL["role"]: a.role_name,
                U.ACC_COL["department"]: a.department or "",
                U.ACC_COL["email"]: a.email or "",
                U.ACC_COL["active"]: U.ACC_ACTIVE if a.active else U.ACC_DISABLED,
                U.ACC_COL["last_login"]: a.last_login,
            }
            for a in rows
        ],
        columns=list(U.ACC_COL.values()),
    )


def show_new_password() -> None:
    """The password just generated, once (then it is gone from the session)."""
    shown = st.session_state.pop("acc_new_password", None)
    if shown:
        login, password = shown
        st.warning(U.ACC_PASSWORD_ONCE.format(login=md_text(login)))
        st.code(password, language=None)


def _create() -> None:
    s = st.session_state
    password = s.get("acc_new_pw") or accounts.generate_password()
    try:
        accounts.create_account(
            state.engine(),
            login=s.get("acc_new_login") or "",
            password=password,
            role=s.get("acc_new_role") or Role.PLANNER,
            display_name=s.get("acc_new_name") or "",
            department=s.get("acc_new_department"),
            email=s.get("acc_new_email"),
            actor=state.actor(),
        )
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        created = U.ACC_CREATED.format(login=md_text(s.get("acc_new_login")))
        unknown = _unknown_department(s.get("acc_new_role"), s.get("acc_new_department"))
        views.flash(created + unknown, "warning" if unknown else "success")
        if not s.get("acc_new_pw"):
            s["acc_new_password"] = (s.get("acc_new_login"), password)
    finally:
        s["acc_new_pw"] = ""


def _departments() -> list[str]:
    try:
        return plans.department_names(state.engine(), actor=state.actor())
    except ServiceError:
        return []


def _unknown_department(role: str | None, department: str | None) -> str:
    """A warning when a 部门联络员's department is in no plan (they would see nothing), else ""."""
    if role != Role.LIAISON.value or not department or department in _departments():
        return ""
    return U.ACC_DEPARTMENT_UNKNOWN.format(name=md_text(department))


def new_account_form() -> None:
    with st.form("acc_new", clear_on_submit=True, border=False):
        c1, c2 = st.columns(2)
        c1.text_input(U.AUTH_LOGIN, key="acc_new_login", placeholder="zhangsan")
        c2.text_input(U.ACC_NAME, key="acc_new_name", placeholder=U.AUTHOR_EXAMPLE)
        c1.selectbox(U.ACC_ROLE, ROLES, format_func=ST.ROLE_NAMES.get, index=1, key="acc_new_role")
        c2.selectbox(
            U.ACC_DEPARTMENT,
            _departments(),
            index=None,
            accept_new_options=True,  # a department not in any plan yet: allowed, with a warning (_create)
            placeholder="",
            key="acc_new_department",
            help=U.ACC_DEPARTMENT_HELP,
        )
        c1.text_input(U.ACC_EMAIL, key="acc_new_email", help=U.ACC_EMAIL_HELP)
        c2.text_input(U.AUTH_PASSWORD, key="acc_new_pw", type="password", help=U.ACC_PASSWORD_HELP)
        st.form_submit_button(U.ACC_CREATE, on_click=_create, type="primary", icon=":material/person_add:")


def _picked(rows: list[accounts.Account]) -> accounts.Account | None:
    sid = st.session_state.get("acc_pick")
    return next((a for a in rows if a.id == sid), None)


def _save_role(rows: list[accounts.Account]) -> None:
    s = st.session_state
    a = _picked(rows)
    if a is None:
        return
    try:
        accounts.change_role(
            state.engine(),
            a.id,
            s.get("acc_edit_role"),
            department=s.get("acc_edit_department"),
            display_name=s.get("acc_edit_name"),
            email=s.get("acc_edit_email") or "",
            actor=state.actor(),
        )
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash(U.ACC_SAVED.format(login=md_text(a.login)))


def _toggle(rows: list[accounts.Account]) -> None:
    a = _picked(rows)
    if a is None:
        return
    try:
        accounts.set_active(state.engine(), a.id, not a.active, actor=state.actor())
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash((U.ACC_ENABLED if not a.active else U.ACC_DISABLED_DONE).format(login=md_text(a.login)))


def _reset(rows: list[accounts.Account]) -> None:
    a = _picked(rows)
    if a is None:
        return
    password = accounts.generate_password()
    try:
        accounts.set_password(state.engine(), a.id, password, actor=state.actor())
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash(U.ACC_RESET_DONE.format(login=md_text(a.login)))
        st.session_state["acc_new_password"] = (a.login, password)


def edit_account(rows: list[accounts.Account]) -> None:
    if not rows:
        return
    labels = {a.id: f"{a.login}({a.display_name},{a.role_name})" for a in rows}
    st.selectbox(U.ACC_PICK, list(labels), format_func=labels.get, key="acc_pick")
    a = _picked(rows)
    if a is None:
        return
    with st.form(f"acc_edit_{a.id}", border=False):
        c1, c2 = st.columns(2)
        c1.text_input(U.ACC_NAME, value=a.display_name, key="acc_edit_name")
        c2.selectbox(U.ACC_ROLE, ROLES, index=ROLES.index(a.role), format_func=ST.ROLE_NAMES.get, key="acc_edit_role")
        c1.text_input(U.ACC_DEPARTMENT, value=a.department or "", key="acc_edit_department")
        c2.text_input(U.ACC_EMAIL, value=a.email or "", key="acc_edit_email")
        st.form_submit_button(U.ACC_SAVE, on_click=_save_role, args=(rows,), icon=":material/save:")
    c1, c2, _ = st.columns([1, 1, 3])
    c1.button(
        U.ACC_ENABLE if not a.active else U.ACC_DISABLE,
        key="acc_toggle",
        on_click=_toggle,
        args=(rows,),
        icon=":material/toggle_on:" if not a.active else ":material/block:",
    )
    c2.button(U.ACC_RESET, key="acc_reset", on_click=_reset, args=(rows,), icon=":material/key:")


def _save_settings() -> None:
    s = st.session_state
    me = state.actor()
    try:
        current = asdict(jobs.settings(state.engine(), actor=me))
        for key, old in current.items():
            new = s.get(f"acc_set_{key}")
            if new is not None and float(new) != float(old):
                jobs.set_setting(state.engine(), key, new, actor=me)
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash(U.ACC_SETTINGS_SAVED)


def settings_form() -> None:
    from jobs import texts as JT
    from jobs.settings import BOUNDS

    current = asdict(jobs.settings(state.engine(), actor=state.actor()))
    with st.form("acc_settings", border=False):
        for key, value in current.items():
            low, high = BOUNDS[key]
            whole = isinstance(value, int)
            st.number_input(
                JT.SETTING_LABELS[key],
                min_value=int(low) if whole else float(low),
                max_value=int(high) if whole else float(high),
                value=value,
                key=f"acc_set_{key}",
            )
        st.form_submit_button(U.ACC_SETTINGS_SAVE, on_click=_save_settings, icon=":material/save:")
