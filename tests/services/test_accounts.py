"""services.accounts on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the first
administrator, account management, sign-in with back-off, idle sessions, nothing secret in a log."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from services import Reason, ServiceError, accounts, audit, jobs
from services.access import COMMAND_LINE, Permission, Role
from store.models import AccountSessionRow, LoginThrottleRow
from store.repository import as_utc, utcnow
from tests.actors import ADMIN, PLANNER

PASSWORD = "correct horse 1"


def _admin(engine):
    return accounts.create_first_admin(engine, login="admin", password=PASSWORD, display_name="管理员甲")


def test_the_first_administrator_only_while_there_is_no_account(engine):
    assert not accounts.has_accounts(engine)
    first = _admin(engine)
    assert first.role is Role.ADMIN and first.account_id is not None
    assert accounts.has_accounts(engine)
    with pytest.raises(ServiceError) as err:
        accounts.create_first_admin(engine, login="intruder", password=PASSWORD)
    assert err.value.reason is Reason.REFUSED and "已经有账号" in str(err.value)
    assert [a.login for a in accounts.list_accounts(engine, actor=first)] == ["admin"]


def test_passwords_are_argon2_hashes_never_the_password(engine):
    _admin(engine)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM account")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_sign_in_gives_a_session_that_resumes_with_the_role_read_afresh(engine):
    first = _admin(engine)
    pid = accounts.create_account(engine, login="lisi", password=PASSWORD, role="planner", actor=first)
    signed = accounts.authenticate(engine, "lisi", PASSWORD, address="10.0.0.7")
    assert signed.actor.role is Role.PLANNER and signed.actor.account_id == pid
    assert accounts.resume(engine, signed.token) == signed.actor
    accounts.change_role(engine, pid, Role.LEADER, actor=first)
    assert accounts.resume(engine, signed.token).role is Role.LEADER  # takes effect on the next page run
    accounts.set_active(engine, pid, False, actor=first)
    assert accounts.resume(engine, signed.token) is None  # disabled: signed out everywhere
    with pytest.raises(ServiceError) as err:
        accounts.authenticate(engine, "lisi", PASSWORD)
    assert err.value.reason is Reason.DENIED and "停用" in str(err.value)


def test_a_wrong_password_or_name_gets_the_same_answer(engine):
    _admin(engine)
    answers = set()
    for login, password in (("admin", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(ServiceError) as err:
            accounts.authenticate(engine, login, password)
        assert err.value.reason is Reason.DENIED
        answers.add(str(err.value))
    assert answers == {"登录名或密码不正确"}


def test_a_brute_force_attempt_on_one_account_backs_off(engine):
    _admin(engine)
    for _ in range(accounts.FREE_FAILURES - 1):
        with pytest.raises(ServiceError) as err:
            accounts.authenticate(engine, "admin", "guess", address="10.0.0.9")
        assert err.value.reason is Reason.DENIED
    with pytest.raises(ServiceError) as err:  # the fifth failure starts the back-off
        accounts.authenticate(engine, "admin", "guess", address="10.0.0.9")
    assert err.value.reason is Reason.THROTTLED and "30 秒后再试" in str(err.value)
    # during the back-off even the right password is refused, from another address too
    with pytest.raises(ServiceError) as err:
        accounts.authenticate(engine, "admin", PASSWORD, address="10.0.0.10")
    assert err.value.reason is Reason.THROTTLED and "请" in str(err.value)
    # the wait doubles: pretend the first one is over, fail again
    with engine.begin() as conn:
        conn.execute(update(LoginThrottleRow.__table__).values(blocked_until=utcnow() - timedelta(seconds=1)))
    with pytest.raises(ServiceError) as err:
        accounts.authenticate(engine, "admin", "guess", address="10.0.0.9")
    assert err.value.reason is Reason.THROTTLED and "1 分钟后再试" in str(err.value)
    # stored in the database: a second "web process" (another engine) sees the back-off
    from store.db import make_engine

    other = make_engine(engine.url)
    try:
        with pytest.raises(ServiceError) as err:
            accounts.authenticate(other, "admin", PASSWORD)
        assert err.value.reason is Reason.THROTTLED
    finally:
        other.dispose()
    failed = audit.search(engine, audit.AuditQuery(actions=("session.sign_in_failed",)), actor=ADMIN)
    # every try is recorded, those refused by the back-off too (trial defect 18): FREE_FAILURES + 1 checked,
    # 2 refused while waiting; the 操作人 is nobody signed in, named by the login typed, with no role
    assert len(failed) == accounts.FREE_FAILURES + 3
    assert sum("限制登录" in r.summary for r in failed) == 2
    assert {(r.actor_name, r.actor_role) for r in failed} == {("未登录(登录名 admin)", "")}
    assert all("guess" not in repr(r) for r in failed)


def test_after_the_wait_the_right_password_works_and_clears_the_count(engine):
    _admin(engine)
    for _ in range(accounts.FREE_FAILURES):
        with pytest.raises(ServiceError):
            accounts.authenticate(engine, "admin", "guess")
    with engine.begin() as conn:
        conn.execute(update(LoginThrottleRow.__table__).values(blocked_until=utcnow() - timedelta(seconds=1)))
    assert accounts.authenticate(engine, "admin", PASSWORD).actor.login == "admin"
    with engine.connect() as conn:
        assert conn.execute(select(LoginThrottleRow.failures)).scalars().all() == [0]


def test_one_address_trying_many_names_backs_off_too(engine):
    _admin(engine)
    for i in range(accounts.FREE_FAILURES_PER_ADDRESS - 1):
        with pytest.raises(ServiceError) as err:
            accounts.authenticate(engine, f"user{i}", "guess", address="192.0.2.1")
        assert err.value.reason is Reason.DENIED
    with pytest.raises(ServiceError) as err:
        accounts.authenticate(engine, "another", "guess", address="192.0.2.1")
    assert err.value.reason is Reason.THROTTLED
    assert accounts.authenticate(engine, "admin", PASSWORD, address="192.0.2.2").actor.login == "admin"


def test_an_idle_session_expires(engine):
    first = _admin(engine)
    signed = accounts.authenticate(engine, "admin", PASSWORD)
    jobs.set_setting(engine, "session_idle_min", 5, actor=first)
    assert accounts.resume(engine, signed.token) is not None
    with engine.begin() as conn:  # six minutes without a page run
        conn.execute(update(AccountSessionRow.__table__).values(last_seen_at=utcnow() - timedelta(minutes=6)))
    assert accounts.resume(engine, signed.token) is None
    with engine.begin() as conn:  # ended for good: coming back does not revive it
        conn.execute(update(AccountSessionRow.__table__).values(last_seen_at=utcnow()))
    assert accounts.resume(engine, signed.token) is None
    assert accounts.resume(engine, "not-a-token") is None
    assert accounts.resume(engine, None) is None


def test_sign_out_ends_the_session(engine):
    _admin(engine)
    signed = accounts.authenticate(engine, "admin", PASSWORD)
    accounts.sign_out(engine, signed.token, actor=signed.actor)
    assert accounts.resume(engine, signed.token) is None


def test_passwords_and_tokens_never_reach_a_log(engine, caplog):
    caplog.set_level(logging.DEBUG)
    _admin(engine)
    with pytest.raises(ServiceError):
        accounts.authenticate(engine, "admin", "Wrong-Secret-123")
    signed = accounts.authenticate(engine, "admin", PASSWORD, address="10.1.1.1")
    accounts.resume(engine, signed.token)
    accounts.sign_out(engine, signed.token, actor=signed.actor)
    assert caplog.records  # the sign-ins were logged …
    logged = caplog.text + "".join(repr(r.args) for r in caplog.records)
    for secret in (PASSWORD, "Wrong-Secret-123", signed.token):  # … without a secret
        assert secret not in logged
    assert signed.token not in repr(signed)
    rows = audit.search(engine, actor=ADMIN)
    assert all(signed.token not in repr(r) and PASSWORD not in repr(r) for r in rows)


def test_account_management_is_refused_to_other_roles_and_checked(engine):
    first = _admin(engine)
    with pytest.raises(ServiceError) as err:
        accounts.create_account(engine, login="x1", password=PASSWORD, role="planner", actor=PLANNER)
    assert err.value.reason is Reason.DENIED and "管理账号" in str(err.value)
    for kwargs, words in (
        ({"login": "a b", "password": PASSWORD, "role": "planner"}, "登录名"),
        ({"login": "ab", "password": "short", "role": "planner"}, "8 个字符"),
        ({"login": "ab", "password": PASSWORD, "role": "boss"}, "角色"),
        ({"login": "ab", "password": PASSWORD, "role": "liaison"}, "所属部门"),
    ):
        with pytest.raises(ServiceError) as err:
            accounts.create_account(engine, actor=first, **kwargs)
        assert err.value.reason is Reason.INVALID and words in str(err.value)
    accounts.create_account(engine, login="ab", password=PASSWORD, role="planner", actor=first)
    with pytest.raises(ServiceError) as err:
        accounts.create_account(engine, login="ab", password=PASSWORD, role="planner", actor=first)
    assert err.value.reason is Reason.DUPLICATE
    assert [a.login for a in accounts.list_accounts(engine, actor=first)] == ["ab", "admin"]


def test_the_last_administrator_cannot_be_disabled_or_demoted(engine):
    first = _admin(engine)
    for action in (
        lambda: accounts.set_active(engine, first.account_id, False, actor=COMMAND_LINE),
        lambda: accounts.change_role(engine, first.account_id, Role.PLANNER, actor=COMMAND_LINE),
    ):
        with pytest.raises(ServiceError) as err:
            action()
        assert err.value.reason is Reason.REFUSED and "最后一个" in str(err.value)
    with pytest.raises(ServiceError) as err:
        accounts.set_active(engine, first.account_id, False, actor=first)
    assert "自己" in str(err.value)


def test_a_reset_password_ends_the_sessions_and_the_old_password(engine):
    first = _admin(engine)
    pid = accounts.create_account(engine, login="lisi", password=PASSWORD, role="planner", actor=first)
    signed = accounts.authenticate(engine, "lisi", PASSWORD)
    accounts.set_password(engine, pid, "another password", actor=first)
    assert accounts.resume(engine, signed.token) is None
    with pytest.raises(ServiceError):
        accounts.authenticate(engine, "lisi", PASSWORD)
    me = accounts.authenticate(engine, "lisi", "another password").actor
    with pytest.raises(ServiceError) as err:  # one's own password: the old one is needed
        accounts.set_password(engine, pid, "third password", actor=me, old_password="wrong")
    assert err.value.reason is Reason.DENIED
    accounts.set_password(engine, pid, "third password", actor=me, old_password="another password")
    assert accounts.authenticate(engine, "lisi", "third password").actor.account_id == pid


def test_single_sign_on_maps_an_email_to_an_active_account(engine):
    first = _admin(engine)
    accounts.create_account(
        engine, login="wang", password=PASSWORD, role="leader", email="Wang@Example.org", actor=first
    )
    assert accounts.sign_in_sso(engine, "wang@example.org").actor.login == "wang"
    with pytest.raises(ServiceError) as err:
        accounts.sign_in_sso(engine, "stranger@example.org")
    assert err.value.reason is Reason.DENIED and "stranger@example.org" in str(err.value)


def test_a_liaison_acts_for_their_department_only(engine):
    first = _admin(engine)
    accounts.create_account(
        engine, login="swj", password=PASSWORD, role="liaison", department=" 市商务局 ", actor=first
    )
    me = accounts.authenticate(engine, "swj", PASSWORD).actor
    assert me.department == "市商务局" and not me.can(Permission.VIEW_ALL)


def test_a_page_run_restarts_the_idle_clock(engine):
    first = _admin(engine)
    signed = accounts.authenticate(engine, "admin", PASSWORD)
    jobs.set_setting(engine, "session_idle_min", 5, actor=first)
    with engine.begin() as conn:  # four idle minutes: still signed in …
        conn.execute(update(AccountSessionRow.__table__).values(last_seen_at=utcnow() - timedelta(minutes=4)))
    assert accounts.resume(engine, signed.token) is not None
    with engine.connect() as conn:  # … and the clock starts again from now
        seen = conn.execute(select(AccountSessionRow.last_seen_at)).scalar_one()
    assert as_utc(seen) > utcnow() - timedelta(minutes=1)
