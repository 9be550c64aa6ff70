"""Accounts, signed-in sessions and failed sign-ins in the database: one transaction per call (issue 12).

The rules (what a password must be, how long a back-off lasts, when a
session is idle) belong to :mod:`services.accounts`; this module stores and
reads. Passwords arrive already hashed; session tokens arrive as their
SHA-256 (the token itself never reaches the database or a log).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, tuple_, update

from . import audit as audit_store
from . import texts as T
from .audit import Audit
from .db import read_session, write_session
from .errors import DuplicateError, NotFoundError, StoreError
from .models import AccountRow, AccountSessionRow, LoginThrottleRow
from .repository import as_utc, utcnow

_account = AccountRow.__table__
_session = AccountSessionRow.__table__
_throttle = LoginThrottleRow.__table__

# An arbitrary constant: the PostgreSQL advisory lock that serialises "create
# the first administrator", so two first-start pages cannot both succeed.
_FIRST_ACCOUNT_LOCK_KEY = 7_305_553_320


class AccountsExistError(StoreError):
    """The first administrator can only be created while there is no account."""


@dataclass(frozen=True)
class AccountRecord:
    """An account as stored (``password_hash`` stays inside the services)."""

    id: int
    login: str
    display_name: str
    role: str
    department: str | None
    email: str | None
    password_hash: str | None
    active: bool
    created_at: datetime
    created_by: str
    updated_at: datetime
    last_login_at: datetime | None
    password_changed_at: datetime | None

    def __repr__(self) -> str:  # never show the hash in a log or a traceback
        return f"AccountRecord(id={self.id}, login={self.login!r}, role={self.role!r}, active={self.active})"


def _record(r: Any) -> AccountRecord:
    data = dict(r)
    for key in ("created_at", "updated_at", "last_login_at", "password_changed_at"):
        data[key] = as_utc(data[key])
    data["active"] = bool(data["active"])
    return AccountRecord(**data)


def count_accounts(engine: Engine) -> int:
    """How many accounts exist (active or not)."""
    with read_session(engine) as s:
        return s.execute(select(func.count()).select_from(_account)).scalar_one()


def list_accounts(engine: Engine) -> list[AccountRecord]:
    """Every account, by login name."""
    with read_session(engine) as s:
        return [_record(r) for r in s.execute(select(_account).order_by(_account.c.login)).mappings()]


def get_account(engine: Engine, account_id: int) -> AccountRecord:
    """One account; :class:`NotFoundError` if there is none."""
    with read_session(engine) as s:
        r = s.execute(select(_account).where(_account.c.id == account_id)).mappings().one_or_none()
    if r is None:
        raise NotFoundError(T.account_not_found(str(account_id)))
    return _record(r)


def find_account(engine: Engine, *, login: str | None = None, email: str | None = None) -> AccountRecord | None:
    """The account with this login name (or this email, case-insensitive), or None."""
    q = select(_account)
    if login is not None:
        q = q.where(_account.c.login == login)
    elif email is not None:
        q = q.where(func.lower(_account.c.email) == email.lower())
    else:
        return None
    with read_session(engine) as s:
        r = s.execute(q).mappings().first()
    return None if r is None else _record(r)


def create_account(
    engine: Engine,
    *,
    login: str,
    display_name: str,
    role: str,
    password_hash: str | None,
    department: str | None = None,
    email: str | None = None,
    created_by: str = "",
    only_if_none: bool = False,
    audit: Audit = None,
) -> int:
    """Store a new account; its id.

    ``only_if_none``: refused (:class:`AccountsExistError`) unless the table is
    empty, checked in the same transaction (the first administrator).
    :class:`DuplicateError` for a login or email already taken.
    """
    now = utcnow()
    with write_session(engine) as s:
        if engine.dialect.name == "postgresql":
            s.execute(select(func.pg_advisory_xact_lock(_FIRST_ACCOUNT_LOCK_KEY)))
        if only_if_none and s.execute(select(func.count()).select_from(_account)).scalar_one():
            raise AccountsExistError(T.ACCOUNTS_EXIST)
        if s.execute(select(_account.c.id).where(_account.c.login == login)).first() is not None:
            raise DuplicateError(T.login_taken(login))
        if email and s.execute(select(_account.c.id).where(func.lower(_account.c.email) == email.lower())).first():
            raise DuplicateError(T.email_taken(email))
        account_id = s.execute(
            insert(_account)
            .values(
                login=login,
                display_name=display_name,
                role=role,
                department=department,
                email=email or None,
                password_hash=password_hash,
                active=True,
                created_at=now,
                created_by=created_by,
                updated_at=now,
                password_changed_at=now if password_hash else None,
            )
            .returning(_account.c.id)
        ).scalar_one()
        audit_store.write(s, audit)
        return account_id


def update_account(
    engine: Engine, account_id: int, *, end_sessions: bool = False, audit: Audit = None, **values: Any
) -> None:
    """Change an account's columns (``role``, ``display_name``, ``department``, ``email``, ``active``,
    ``password_hash``); ``end_sessions`` signs it out everywhere. :class:`NotFoundError` if there is none."""
    now = utcnow()
    if "password_hash" in values:
        values["password_changed_at"] = now
    with write_session(engine) as s:
        email = values.get("email")
        if (
            email
            and s.execute(
                select(_account.c.id).where(func.lower(_account.c.email) == email.lower(), _account.c.id != account_id)
            ).first()
        ):
            raise DuplicateError(T.email_taken(email))
        done = s.execute(update(_account).where(_account.c.id == account_id).values(updated_at=now, **values))
        if done.rowcount == 0:
            raise NotFoundError(T.account_not_found(str(account_id)))
        if end_sessions:
            s.execute(
                update(_session)
                .where(_session.c.account_id == account_id, _session.c.ended_at.is_(None))
                .values(ended_at=now)
            )
        audit_store.write(s, audit)


def rehash_password(engine: Engine, account_id: int, password_hash: str) -> None:
    """Store a stronger hash of the same password (argon2's parameters were raised); not an audited change."""
    with write_session(engine) as s:
        s.execute(update(_account).where(_account.c.id == account_id).values(password_hash=password_hash))


# -- sessions ------------------------------------------------------------------------------------


def start_session(engine: Engine, account_id: int, token_hash: str, *, address: str = "", audit: Audit = None) -> None:
    """Record a signed-in session and the account's last sign-in time."""
    now = utcnow()
    with write_session(engine) as s:
        s.execute(
            insert(_session).values(
                token_hash=token_hash, account_id=account_id, created_at=now, last_seen_at=now, address=address
            )
        )
        s.execute(update(_account).where(_account.c.id == account_id).values(last_login_at=now))
        audit_store.write(s, audit)


def touch_session(engine: Engine, token_hash: str, *, idle: timedelta) -> AccountRecord | None:
    """The active account of a live session, its idle clock restarted; None (and the session ended) when
    it is unknown, ended, idle for longer than ``idle``, or its account is disabled."""
    now = utcnow()
    with write_session(engine) as s:
        r = (
            s.execute(
                select(_session.c.id, _session.c.last_seen_at, _session.c.ended_at, _session.c.account_id).where(
                    _session.c.token_hash == token_hash
                )
            )
            .mappings()
            .one_or_none()
        )
        if r is None or r["ended_at"] is not None:
            return None
        account = s.execute(select(_account).where(_account.c.id == r["account_id"])).mappings().one()
        if as_utc(r["last_seen_at"]) + idle < now or not account["active"]:
            s.execute(update(_session).where(_session.c.id == r["id"]).values(ended_at=now))
            return None
        s.execute(update(_session).where(_session.c.id == r["id"]).values(last_seen_at=now))
        return _record(account)


def end_session(engine: Engine, token_hash: str, *, audit: Audit = None) -> None:
    """Sign a session out (nothing if it is unknown or already ended)."""
    with write_session(engine) as s:
        s.execute(
            update(_session)
            .where(_session.c.token_hash == token_hash, _session.c.ended_at.is_(None))
            .values(ended_at=utcnow())
        )
        audit_store.write(s, audit)


# -- failed sign-ins -------------------------------------------------------------------------------


def blocked_until(engine: Engine, keys: list[tuple[str, str]]) -> datetime | None:
    """The latest back-off end among ``keys`` ((scope, key) pairs) still in the future, or None."""
    if not keys:
        return None
    now = utcnow()
    with read_session(engine) as s:
        rows = s.execute(
            select(_throttle.c.blocked_until).where(
                tuple_(_throttle.c.scope, _throttle.c.key).in_(keys), _throttle.c.blocked_until.is_not(None)
            )
        ).all()
    ends = [e for e in (as_utc(r.blocked_until) for r in rows) if e is not None and e > now]
    return max(ends) if ends else None


def record_failure(
    engine: Engine,
    keys: list[tuple[str, str]],
    *,
    delay: Callable[[str, int], float],
    reset_after: timedelta,
    audit: Audit = None,
) -> datetime | None:
    """Count one failed sign-in for every (scope, key); the latest back-off end it sets (None: no back-off).

    ``delay(scope, failures)``: seconds to wait after that many consecutive
    failures (0: none). A count whose last failure is older than ``reset_after``
    starts again from one.
    """
    now = utcnow()
    latest: datetime | None = None
    with write_session(engine) as s:
        for scope, key in keys:
            row = (
                s.execute(
                    select(_throttle.c.failures, _throttle.c.last_failure_at).where(
                        _throttle.c.scope == scope, _throttle.c.key == key
                    )
                )
                .mappings()
                .one_or_none()
            )
            fresh = row is not None and as_utc(row["last_failure_at"]) + reset_after >= now
            failures = row["failures"] + 1 if fresh else 1
            wait = delay(scope, failures)
            until = now + timedelta(seconds=wait) if wait > 0 else None
            values = {"failures": failures, "last_failure_at": now, "blocked_until": until}
            if row is None:
                s.execute(insert(_throttle).values(scope=scope, key=key, **values))
            else:
                s.execute(update(_throttle).where(_throttle.c.scope == scope, _throttle.c.key == key).values(**values))
            if until is not None and (latest is None or until > latest):
                latest = until
        audit_store.write(s, audit)
    return latest


def clear_failures(engine: Engine, keys: list[tuple[str, str]]) -> None:
    """Forget the failed sign-ins of ``keys`` (after a successful one, or an administrator's reset)."""
    with write_session(engine) as s:
        for scope, key in keys:
            s.execute(
                update(_throttle)
                .where(_throttle.c.scope == scope, _throttle.c.key == key)
                .values(failures=0, blocked_until=None)
            )
