"""Roles × pages: the navigation lists only what a role may use, every page refuses a role that may not,
the sign-in gate, the first start, idle expiry; 账号管理 and 操作记录 driven as the administrator."""

from __future__ import annotations

from datetime import timedelta

import pytest
import streamlit as st
from page_helpers import APP, ROOT, TEST_PASSWORD, TIMEOUT, WEIHAI, click, plan_id_of, sign_in, texts_of
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from services import accounts, audit
from services.access import ROLE_PERMISSIONS, Role
from store import api as store
from store.models import AccountSessionRow
from store.repository import utcnow
from tests.actors import ADMIN
from ui import navigation
from ui import texts as U

PAGE_KEYS = [p.key for p in navigation.PAGES]


def test_the_navigation_lists_only_the_pages_a_role_may_use():
    listed = {role: [p.key for p in navigation.pages_for(ADMIN.__class__(name="x", role=role))] for role in Role}
    assert listed[Role.ADMIN] == PAGE_KEYS
    assert listed[Role.PLANNER] == [
        "overview",
        "leadership",
        "resources",
        "solve",
        "whatif",
        "conflicts",
        "load",
        "approval",
        "notices",
    ]
    assert listed[Role.LEADER] == ["leadership", "overview", "conflicts", "load", "approval"]  # starts on 领导总览
    assert listed[Role.LIAISON] == ["overview", "approval", "notices"]
    for role, keys in listed.items():  # the same thing, from the permissions themselves
        assert sorted(keys) == sorted(p.key for p in navigation.PAGES if p.permission in ROLE_PERMISSIONS[role])


CASES = [(role, page) for role in ("admin", "planner", "leader", "liaison") for page in PAGE_KEYS]


@pytest.mark.parametrize(("role", "page"), CASES, ids=[f"{r}-{p}" for r, p in CASES])
def test_every_page_as_every_role(open_app, engine, role, page):
    spec = next(p for p in navigation.PAGES if p.key == page)
    if spec.permission in ROLE_PERMISSIONS[Role(role)]:
        at = open_app(page, role=role)
        assert "无权" not in "\n".join(e.value for e in at.error)
        assert [t.value for t in at.title] == [U.PAGE[page][0]]
        return
    # the navigation of a new session does not list it: AppTest cannot even switch to it …
    at = sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT), engine, role=role)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(spec.path)
    # … and the page itself, run directly (a hand-made URL, defence in depth), refuses before drawing anything
    direct = sign_in(AppTest.from_file(str(ROOT / spec.path), default_timeout=TIMEOUT), engine, role=role)
    direct.run()
    assert not direct.exception
    errors = "\n".join(e.value for e in direct.error)
    assert "无权" in errors and "不对您的角色开放" in errors
    assert [t.value for t in direct.title] == []
    assert not direct.button and not direct.text_input and not direct.dataframe


def test_a_liaison_sees_the_plan_as_it_concerns_their_department(open_app):
    at = open_app("overview", role="liaison")
    plan = at.session_state["plan"]
    assert plan.topics and all(
        any(d.name == "市商务局" for d in plan.departments if d.id in t.departments) for t in plan.topics
    )
    assert len(plan.topics) < 11  # the 威海 sample has 11 topics


def test_without_a_session_only_the_sign_in_form_is_shown(engine):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == [U.APP_TITLE]
    assert not at.error  # no complaint about a missing secrets file (single sign-on is optional)
    assert U.AUTH_SSO not in [b.label for b in at.button]  # not configured: no 单点登录 button
    assert at.text_input(key="signin_login") is not None
    at.switch_page("pages/overview.py").run()  # a page asked for directly: the gate is on the page too
    assert at.text_input(key="signin_login") is not None and U.PAGE["overview"][0] not in [t.value for t in at.title]


def test_signing_in_with_the_form_and_a_wrong_password(engine):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="signin_login").input("test_planner")
    at.text_input(key="signin_password").input("not the password")
    at.button(key="FormSubmitter:signin_form-登录").click().run()
    assert "登录名或密码不正确" in texts_of(at)
    assert "auth_token" not in at.session_state
    at.text_input(key="signin_login").input("test_planner")
    at.text_input(key="signin_password").input(TEST_PASSWORD)
    at.button(key="FormSubmitter:signin_form-登录").click().run()
    assert not at.exception
    assert at.session_state["auth_token"]
    assert at.session_state["signin_password"] == ""  # not kept in the session
    at.switch_page("pages/overview.py").run()
    assert "当前用户:测试planner(编排人员)" in texts_of(at)
    click(at, "signout")
    at.run()
    assert at.text_input(key="signin_login") is not None


def test_an_idle_session_is_signed_out(open_app, engine):
    at = open_app("overview")
    with engine.begin() as conn:  # longer than the default 30 minutes without a page run
        conn.execute(update(AccountSessionRow.__table__).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    at.run()
    assert U.AUTH_EXPIRED in texts_of(at)
    assert at.text_input(key="signin_login") is not None


@pytest.fixture
def empty_accounts_db(template_db, tmp_path, monkeypatch):
    """A database with the sample plans and no account at all (a first start)."""
    path = tmp_path / "fresh.sqlite3"
    engine = store.ensure_database(store.get_engine(f"sqlite:///{path}"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    st.cache_resource.clear()
    st.cache_data.clear()
    yield engine
    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_first_start_creates_the_administrator_once(empty_accounts_db):
    engine = empty_accounts_db
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert U.FIRST_START_INTRO in texts_of(at)
    at.text_input(key="first_login").input("boss")
    at.text_input(key="first_name").input("办公室主任")
    at.text_input(key="first_password").input("a long password")
    at.text_input(key="first_password2").input("a long password")
    at.button(key=f"FormSubmitter:first_form-{U.FIRST_START_SUBMIT}").click().run()
    assert not at.exception
    assert at.session_state["auth_token"]
    (only,) = accounts.list_accounts(engine, actor=ADMIN)
    assert (only.login, only.role) == ("boss", Role.ADMIN)
    again = AppTest.from_file(APP, default_timeout=TIMEOUT)  # another browser: the sign-in form now
    again.run()
    assert U.FIRST_START_INTRO not in texts_of(again) and again.text_input(key="signin_login") is not None


def test_the_administrator_creates_an_account_on_the_page(open_app, engine):
    at = open_app("accounts", role="admin")
    at.text_input(key="acc_new_login").input("wangwu")
    at.text_input(key="acc_new_name").input("王五")
    at.selectbox(key="acc_new_role").select("leader")
    at.button(key=f"FormSubmitter:acc_new-{U.ACC_CREATE}").click().run()
    assert not at.exception
    assert "已创建账号 wangwu" in texts_of(at)
    password = at.code[0].value  # generated, shown once
    assert accounts.authenticate(engine, "wangwu", password).actor.role is Role.LEADER
    at.run()
    assert not at.code  # gone on the next run
    rows = audit.search(engine, audit.AuditQuery(actions=("account.create",)), actor=ADMIN)
    assert rows[0].actor_name == "测试admin" and "wangwu" in rows[0].summary


def test_the_audit_page_searches_and_exports_and_deletes_nothing(open_app, engine):
    at = open_app("audit", role="admin")
    table = at.dataframe[0].value
    assert len(table) >= 1 and "登录" in set(table["操作"])  # this test's own sign-in
    assert not table.isna().any().any() and "None" not in set(table["计划"])  # a sign-in has no plan: blank
    assert at.multiselect(key="aud_action").placeholder == "全部操作"  # not Streamlit's "Choose options"
    at.multiselect(key="aud_action").select("session.sign_in").run()
    assert set(at.dataframe[0].value["操作"]) == {"登录"}
    at.text_input(key="aud_who").input("没有这个人").run()
    assert at.dataframe[0].value.empty
    labels = [b.label for b in at.button]
    assert not any("删除" in label for label in labels)


def test_everyone_changes_their_own_password_in_the_sidebar(open_app, engine):
    at = open_app("overview", role="liaison")
    at.text_input(key="own_pw_old").input("wrong")
    at.text_input(key="own_pw_new").input("a brand new one")
    at.text_input(key="own_pw_new2").input("a brand new one")
    at.button(key=f"FormSubmitter:own_pw-{U.AUTH_CHANGE_PASSWORD}").click().run()
    assert "原密码不正确" in texts_of(at)
    at.text_input(key="own_pw_old").input(TEST_PASSWORD)
    at.text_input(key="own_pw_new").input("a brand new one")
    at.text_input(key="own_pw_new2").input("a brand new one")
    at.button(key=f"FormSubmitter:own_pw-{U.AUTH_CHANGE_PASSWORD}").click().run()
    assert U.AUTH_PASSWORD_CHANGED in texts_of(at)
    assert accounts.authenticate(engine, "test_liaison", "a brand new one").actor.role is Role.LIAISON
    at.run()
    assert at.session_state["auth_token"] and not at.error  # this session goes on


def test_a_liaison_is_created_for_a_department_picked_from_the_plans(open_app, engine):
    # Trial defect 7: a liaison for a department no plan has was created without a word.
    at = open_app("accounts", role="admin")
    assert "市商务局" in at.selectbox(key="acc_new_department").options
    # (AppTest cannot type a new option into the box: the warning for an unknown name is not driven here)
    for login, department, warned in (("lianluo2", "市商务局", False),):
        at.text_input(key="acc_new_login").input(login)
        at.text_input(key="acc_new_name").input("赵联络")
        at.selectbox(key="acc_new_role").select("liaison")
        at.selectbox(key="acc_new_department").set_value(department)
        at.button(key=f"FormSubmitter:acc_new-{U.ACC_CREATE}").click().run()
        assert not at.exception
        said = " ".join(w.value for w in at.warning)
        assert (f"没有任何计划包含部门「{department}」" in said) is warned, login
        assert f"已创建账号 {login}" in texts_of(at)


@pytest.mark.parametrize("role", ["planner", "leader", "liaison", "admin"])
def test_only_the_administrator_sees_the_database_address(open_app, role):
    # Trial defect 15: every role saw 「数据库:sqlite:////…」 in the sidebar.
    at = open_app("overview", role=role)
    shown = " ".join(c.value for c in at.sidebar.caption)
    assert ("数据库:" in shown) is (role == "admin")
    assert "sqlite" not in shown or role == "admin"


def test_the_audit_page_names_the_plan_not_its_number(open_app, engine):
    from services import plans as P

    pid = plan_id_of(engine, WEIHAI)
    opened = P.open_plan(engine, pid, actor=ADMIN)
    opened.plan.topics[0].notes = "改一处"
    P.save_plan(engine, pid, opened.plan, opened.version, actor=ADMIN)
    table = open_app("audit", role="admin").dataframe[0].value
    shown = set(table["计划"])
    assert any(WEIHAI in str(x) for x in shown) and str(pid) not in shown
