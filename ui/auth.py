"""Who is signed in: the sign-in gate every run passes, the first-start page, the sidebar's account box.

The session holds only a random token (``st.session_state["auth_token"]``);
:func:`services.accounts.resume` turns it into the :class:`Actor` on every
run — reading the role afresh and ending a session idle for longer than the
administrator's ``session_idle_min``. Pages call :func:`require` with the
permission they need (defence in depth: the navigation already hides what a
role may not use, and the services refuse anyway).

Single sign-on: when Streamlit's ``[auth]`` section is configured in
``.streamlit/secrets.toml``, the sign-in page shows 「单点登录」 (``st.login``)
and maps ``st.user.email`` to an active account with that email.
"""

from __future__ import annotations

import logging

import streamlit as st

from services import ServiceError, accounts
from services.access import Actor, Permission

from . import texts as U
from .markdown import md_text

log = logging.getLogger(__name__)

TOKEN = "auth_token"
ACTOR = "_actor"  # the actor this run's gate found (ui.state.actor reads it)
EXPIRED = "auth_expired"  # set when a session ended by idleness: the sign-in page says why


def client_address() -> str:
    """The browser's address as the web server sees it ("" when unknown), for the back-off per address."""
    try:
        address = st.context.ip_address
    except Exception:  # no browser behind this run
        return ""
    return address if isinstance(address, str) else ""  # AppTest hands out a mock


def _engine():
    from .state import engine

    return engine()


def current() -> Actor | None:
    """The signed-in actor of this session, or None (never signed in, signed out, idle too long, disabled)."""
    s = st.session_state
    token = s.get(TOKEN)
    if not token:
        return None
    actor = accounts.resume(_engine(), token)
    if actor is None:
        del s[TOKEN]
        s[EXPIRED] = True
    return actor


def sso_configured() -> bool:
    """Whether Streamlit's OIDC sign-in is configured (an ``[auth]`` section in the secrets)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _sso_signed_in() -> Actor | None:
    """After ``st.login`` came back: a session for the account of ``st.user.email`` (once)."""
    if not sso_configured():
        return None
    try:
        logged_in = bool(st.user.is_logged_in)
    except Exception:
        return None
    if not logged_in:
        return None
    try:
        signed = accounts.sign_in_sso(_engine(), str(st.user.get("email") or ""), address=client_address())
    except ServiceError as err:
        st.error(md_text(err))
        st.logout()
        return None
    st.session_state[TOKEN] = signed.token
    return signed.actor


HIDE_SIDEBAR_CSS = (
    "<style>[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'] { display: none !important; }</style>"
)


def gate() -> Actor:
    """The signed-in actor; otherwise draw the sign-in (or first-start) form and stop the run."""
    actor = current() or _sso_signed_in()
    if actor is not None:
        st.session_state[ACTOR] = actor
        return actor
    st.session_state.pop(ACTOR, None)
    try:
        first = not accounts.has_accounts(_engine())
    except ServiceError as err:
        st.error(md_text(err))
        st.stop()
    # Before sign-in app.py stops ahead of st.navigation, so Streamlit would list the pages/
    # folder's file names (English, every page) in the sidebar: nobody needs a sidebar here.
    st.html(HIDE_SIDEBAR_CSS)
    if first:
        first_start_form()
    else:
        sign_in_form()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises


def require(permission: Permission = Permission.VIEW_PLAN) -> Actor:
    """At the top of a page: the actor, if its role has ``permission``; else a Chinese refusal and stop."""
    actor = gate()
    if not actor.can(permission):
        from services import texts as ST

        st.error(U.PAGE_DENIED.format(role=ST.ROLE_NAMES[actor.role], action=ST.PERMISSION_NAMES[permission]))
        st.stop()
    return actor


def _sign_in() -> None:
    s = st.session_state
    try:
        signed = accounts.authenticate(
            _engine(), s.get("signin_login") or "", s.get("signin_password") or "", address=client_address()
        )
    except ServiceError as err:
        s["signin_error"] = str(err)
        return
    finally:
        s["signin_password"] = ""  # not kept in the session beyond this click
    s[TOKEN] = signed.token
    s.pop(EXPIRED, None)
    s.pop("signin_error", None)


def sign_in_form() -> None:
    """The sign-in page: login name and password; 单点登录 when configured."""
    s = st.session_state
    st.title(U.APP_TITLE)
    if s.pop(EXPIRED, False):
        st.info(U.AUTH_EXPIRED)
    with st.form("signin_form", border=True):
        st.markdown(f"**{U.AUTH_TITLE}**")
        st.text_input(U.AUTH_LOGIN, key="signin_login", autocomplete="username")
        st.text_input(U.AUTH_PASSWORD, key="signin_password", type="password", autocomplete="current-password")
        st.form_submit_button(U.AUTH_SUBMIT, on_click=_sign_in, type="primary", icon=":material/login:")
    if s.get("signin_error"):
        st.error(s["signin_error"])
    if sso_configured():
        if st.button(U.AUTH_SSO, key="signin_sso", icon=":material/badge:"):
            st.login()
    st.caption(U.AUTH_HELP)


def _first_start() -> None:
    s = st.session_state
    if (s.get("first_password") or "") != (s.get("first_password2") or ""):
        s["first_error"] = U.AUTH_PASSWORDS_DIFFER
        return
    try:
        accounts.create_first_admin(
            _engine(),
            login=s.get("first_login") or "",
            password=s.get("first_password") or "",
            display_name=s.get("first_name") or "",
        )
        signed = accounts.authenticate(
            _engine(), s.get("first_login") or "", s.get("first_password") or "", address=client_address()
        )
    except ServiceError as err:
        s["first_error"] = str(err)
        return
    finally:
        s["first_password"] = s["first_password2"] = ""
    s[TOKEN] = signed.token
    s.pop("first_error", None)


def first_start_form() -> None:
    """The first-start page: create the first 管理员 (shown only while no account exists)."""
    s = st.session_state
    st.title(U.APP_TITLE)
    st.info(U.FIRST_START_INTRO)
    with st.form("first_form", border=True):
        st.markdown(f"**{U.FIRST_START_TITLE}**")
        st.text_input(U.AUTH_LOGIN, key="first_login", placeholder="admin")
        st.text_input(U.ACC_NAME, key="first_name", placeholder=U.AUTHOR_EXAMPLE)
        st.text_input(U.AUTH_PASSWORD, key="first_password", type="password", autocomplete="new-password")
        st.text_input(U.AUTH_PASSWORD_AGAIN, key="first_password2", type="password", autocomplete="new-password")
        st.form_submit_button(U.FIRST_START_SUBMIT, on_click=_first_start, type="primary")
    if s.get("first_error"):
        st.error(s["first_error"])


def _sign_out(actor: Actor) -> None:
    s = st.session_state
    try:
        accounts.sign_out(_engine(), s.get(TOKEN), actor=actor)
    except ServiceError:
        log.warning("sign-out not recorded", exc_info=True)
    s.pop(TOKEN, None)
    if sso_configured():
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:
            pass


def account_box(actor: Actor) -> None:
    """In the sidebar: who is signed in, in which role, and 退出登录."""
    from services import texts as ST

    st.caption(U.AUTH_WHO.format(name=md_text(actor.name), role=ST.ROLE_NAMES[actor.role]))
    if actor.department:
        st.caption(U.AUTH_DEPARTMENT.format(department=md_text(actor.department)))
    st.button(U.AUTH_SIGN_OUT, key="signout", on_click=_sign_out, args=(actor,), icon=":material/logout:")
    if actor.account_id is None:
        return
    with st.expander(U.AUTH_CHANGE_PASSWORD, icon=":material/key:"):
        with st.form("own_pw", clear_on_submit=True, border=False):
            st.text_input(U.AUTH_OLD_PASSWORD, type="password", key="own_pw_old", autocomplete="current-password")
            st.text_input(U.AUTH_NEW_PASSWORD, type="password", key="own_pw_new", autocomplete="new-password")
            st.text_input(U.AUTH_PASSWORD_AGAIN, type="password", key="own_pw_new2", autocomplete="new-password")
            st.form_submit_button(U.AUTH_CHANGE_PASSWORD, on_click=_change_own, args=(actor,))
        kind, message = st.session_state.pop("own_pw_msg", (None, None))
        if message:
            (st.success if kind == "ok" else st.error)(message)


def _change_own(actor: Actor) -> None:
    s = st.session_state
    old, new, again = (s.get(k) or "" for k in ("own_pw_old", "own_pw_new", "own_pw_new2"))
    s["own_pw_old"] = s["own_pw_new"] = s["own_pw_new2"] = ""  # not kept in the session
    if new != again:
        s["own_pw_msg"] = ("error", U.AUTH_PASSWORDS_DIFFER)
        return
    try:
        accounts.set_password(_engine(), actor.account_id, new, actor=actor, old_password=old)
    except ServiceError as err:
        s["own_pw_msg"] = ("error", str(err))
    else:
        s["own_pw_msg"] = ("ok", U.AUTH_PASSWORD_CHANGED)
