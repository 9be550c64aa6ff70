"""Accounts and sign-in (issue 12): the first administrator, the administrator's account management,
signing in with back-off, sessions that expire when idle, single sign-on by email.

Passwords are hashed with argon2id by ``argon2-cffi`` (its default
parameters, re-hashed when they are raised). A session is a random token
kept in the browser session's state; the database keeps only its SHA-256.
Neither a password nor a token is ever logged or put into an exception
message or an audit row.

Back-off: failed sign-ins are counted per login name and per client
address in the database (so every web process sees them). After
:data:`FREE_FAILURES` consecutive failures on a login name, each further
one makes it wait :data:`FIRST_WAIT_S` seconds, doubling up to
:data:`MAX_WAIT_S`; an address (many names from one machine) gets more
free failures, since an office may share one address. A correct password
during a back-off is refused too (that is the point), with how long to wait.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine

from jobs.settings import read_settings
from store import accounts as store_accounts
from store import audit as store_audit
from store import texts as store_texts
from store.accounts import AccountRecord, AccountsExistError
from store.repository import utcnow

from . import texts as T
from .access import Actor, Permission, Role, require
from .audit import Action, entry
from .errors import Reason, ServiceError, translated

log = logging.getLogger(__name__)

__all__ = [
    "Account",
    "SignedIn",
    "authenticate",
    "change_role",
    "create_account",
    "create_first_admin",
    "generate_password",
    "has_accounts",
    "list_accounts",
    "resume",
    "set_active",
    "set_password",
    "sign_in_sso",
    "sign_out",
]

MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")

# Five tries cover typos and a forgotten Caps Lock; then 30 s, 60 s, 120 s …
# up to an hour: a guesser gets ~30 tries a day per name instead of thousands
# a second, and a colleague who forgot the password is not locked out for good.
FREE_FAILURES = 5
FIRST_WAIT_S = 30.0
MAX_WAIT_S = 3600.0
# One address may be a whole office behind NAT: more free failures there.
FREE_FAILURES_PER_ADDRESS = 20
# A count with no failure for a day starts again.
FAILURES_FORGOTTEN_AFTER = timedelta(hours=24)

_hasher = PasswordHasher()
# verified against when the login name is unknown, so a wrong name costs as
# long as a wrong password (the answer time does not reveal which names exist)
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Account:
    """An account as the 账号管理 page lists it (no password hash)."""

    id: int
    login: str
    display_name: str
    role: Role
    department: str | None
    email: str | None
    active: bool
    created_at: datetime
    last_login_at: datetime | None

    @property
    def role_name(self) -> str:
        return T.ROLE_NAMES[self.role]

    @property
    def last_login(self) -> str:
        """Beijing time of the last sign-in, or ``—``."""
        return store_texts.when(self.last_login_at) if self.last_login_at else "—"


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: who, and the session token to keep in the browser session (never log it)."""

    actor: Actor
    token: str = ""

    def __repr__(self) -> str:
        return f"SignedIn(actor={self.actor!r}, token=<hidden>)"


def _account(r: AccountRecord) -> Account:
    return Account(
        r.id, r.login, r.display_name, Role(r.role), r.department, r.email, r.active, r.created_at, r.last_login_at
    )


def actor_of(r: AccountRecord) -> Actor:
    """The :class:`Actor` an account acts as."""
    return Actor(
        name=r.display_name,
        role=Role(r.role),
        account_id=r.id,
        login=r.login,
        department=r.department if r.role == Role.LIAISON else None,
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def generate_password() -> str:
    """A random password of 16 URL-safe characters (the first administrator's, a reset one)."""
    return secrets.token_urlsafe(12)


# -- checks ----------------------------------------------------------------------------------------


def _checked_login(login: str) -> str:
    login = (login or "").strip()
    if not LOGIN_PATTERN.match(login):
        raise ServiceError(T.BAD_LOGIN, reason=Reason.INVALID)
    return login


def _checked_password(password: str, login: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ServiceError(T.password_too_short(MIN_PASSWORD_LENGTH), reason=Reason.INVALID)
    if password.strip().lower() == login.lower():
        raise ServiceError(T.PASSWORD_IS_LOGIN, reason=Reason.INVALID)
    return password


def _checked_role(role: Role | str, department: str | None) -> tuple[Role, str | None]:
    try:
        role = Role(role)
    except ValueError:
        raise ServiceError(T.unknown_role(str(role)), reason=Reason.INVALID) from None
    department = _checked_text(department, "department") or None
    if role == Role.LIAISON and department is None:
        raise ServiceError(T.LIAISON_NEEDS_DEPARTMENT, reason=Reason.INVALID)
    return role, department if role == Role.LIAISON else None


MAX_NAME_CHARS = 64  # a display name or a department: one line in every table and sheet
MAX_EMAIL_CHARS = 254  # RFC 5321's longest address


def _checked_text(value: str | None, field: str, limit: int = MAX_NAME_CHARS) -> str:
    """``value`` trimmed; ``Reason.INVALID`` for a control, line-break or invisible character or over ``limit``."""
    from solver.io import not_one_line

    value = (value or "").strip()
    bad = not_one_line(value)
    if bad is not None:
        raise ServiceError(T.account_text_not_one_line(field, ord(bad)), reason=Reason.INVALID)
    if len(value) > limit:
        raise ServiceError(T.account_text_too_long(field, limit, len(value)), reason=Reason.INVALID)
    return value


def _name(display_name: str, login: str) -> str:
    return _checked_text(display_name, "display_name") or login


def _email(email: str | None) -> str | None:
    email = _checked_text(email, "email", MAX_EMAIL_CHARS)
    if email and ("@" not in email.strip("@") or " " in email):
        raise ServiceError(T.BAD_EMAIL, reason=Reason.INVALID)
    return email or None


# -- the first administrator -------------------------------------------------------------------


def has_accounts(engine: Engine) -> bool:
    """Whether any account exists (the first-start page is shown only while none does)."""
    with translated():
        return store_accounts.count_accounts(engine) > 0


def create_first_admin(engine: Engine, *, login: str, password: str, display_name: str = "") -> Actor:
    """Create the first 管理员; works only while there is no account at all (``Reason.REFUSED`` after).

    No actor is needed: whoever reaches a database without accounts is setting
    it up. Recorded in the audit trail under the new account's name.
    """
    login = _checked_login(login)
    _checked_password(password, login)
    name = _name(display_name, login)
    first = Actor(name=name, role=Role.ADMIN, login=login)
    try:
        with translated():
            account_id = store_accounts.create_account(
                engine,
                login=login,
                display_name=name,
                role=Role.ADMIN,
                password_hash=_hasher.hash(password),
                created_by=name,
                only_if_none=True,
                audit=entry(first, Action.ACCOUNT_CREATE, T.audit_first_admin(login, name), target=("account", login)),
            )
    except ServiceError as err:
        if isinstance(err.__cause__, AccountsExistError):
            raise ServiceError(err.message, reason=Reason.REFUSED) from err.__cause__
        raise
    return Actor(name=name, role=Role.ADMIN, account_id=account_id, login=login)


# -- the administrator's account management ----------------------------------------------------


def list_accounts(engine: Engine, *, actor: Actor) -> list[Account]:
    """Every account, by login name. ``Reason.DENIED`` without MANAGE_ACCOUNTS."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with translated():
        return [_account(r) for r in store_accounts.list_accounts(engine)]


def create_account(
    engine: Engine,
    *,
    login: str,
    password: str,
    role: Role | str,
    display_name: str = "",
    department: str | None = None,
    email: str | None = None,
    actor: Actor,
) -> int:
    """A new account; its id. A 部门联络员 needs ``department`` (the department's name as plans spell it).

    Refused (``Reason.INVALID``) for a bad login name, a short password, an
    unknown role; (``Reason.DUPLICATE``) for a login or email taken.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    login = _checked_login(login)
    _checked_password(password, login)
    role, department = _checked_role(role, department)
    name = _name(display_name, login)
    email = _email(email)
    after = {"login": login, "display_name": name, "role": str(role), "department": department, "email": email}
    with translated():
        return store_accounts.create_account(
            engine,
            login=login,
            display_name=name,
            role=role,
            password_hash=_hasher.hash(password),
            department=department,
            email=email,
            created_by=actor.name,
            audit=entry(
                actor,
                Action.ACCOUNT_CREATE,
                T.audit_account_created(login, name, T.ROLE_NAMES[role]),
                target=("account", login),
                after=after,
            ),
        )


def _get(engine: Engine, account_id: int) -> AccountRecord:
    with translated():
        return store_accounts.get_account(engine, account_id)


def _keep_one_admin(engine: Engine, target: AccountRecord) -> None:
    """Refuse a change that would leave no active administrator (nobody could manage accounts again)."""
    with translated():
        others = [
            a for a in store_accounts.list_accounts(engine) if a.active and a.role == Role.ADMIN and a.id != target.id
        ]
    if target.active and target.role == Role.ADMIN and not others:
        raise ServiceError(T.LAST_ADMIN, reason=Reason.REFUSED)


def change_role(
    engine: Engine,
    account_id: int,
    role: Role | str,
    *,
    department: str | None = None,
    display_name: str | None = None,
    email: str | None = None,
    actor: Actor,
) -> None:
    """Change an account's role (and its department, display name, email). Takes effect on its next page.

    Refused (``Reason.REFUSED``) when it would leave no active 管理员.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    role, department = _checked_role(role, department)
    before = _get(engine, account_id)
    if role != Role.ADMIN:
        _keep_one_admin(engine, before)
    values: dict[str, object] = {"role": str(role), "department": department}
    if display_name is not None:
        values["display_name"] = _name(display_name, before.login)
    if email is not None:
        values["email"] = _email(email)
    old = {k: getattr(before, k) for k in values}
    changed = {k: v for k, v in values.items() if old[k] != v}
    if not changed:
        return
    with translated():
        store_accounts.update_account(
            engine,
            account_id,
            audit=entry(
                actor,
                Action.ACCOUNT_UPDATE,
                T.audit_account_changed(before.login, T.ROLE_NAMES[before.role], T.ROLE_NAMES[role]),
                target=("account", before.login),
                before={k: old[k] for k in changed},
                after=changed,
            ),
            **values,
        )


def set_active(engine: Engine, account_id: int, active: bool, *, actor: Actor) -> None:
    """Disable (signed out everywhere at once) or enable an account. Accounts are never deleted.

    Refused (``Reason.REFUSED``) for disabling the last active 管理员, or oneself.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    before = _get(engine, account_id)
    if before.active == active:
        return
    if not active:
        if actor.account_id == account_id:
            raise ServiceError(T.CANNOT_DISABLE_SELF, reason=Reason.REFUSED)
        _keep_one_admin(engine, before)
    with translated():
        store_accounts.update_account(
            engine,
            account_id,
            active=active,
            end_sessions=not active,
            audit=entry(
                actor,
                Action.ACCOUNT_ENABLE if active else Action.ACCOUNT_DISABLE,
                T.audit_account_active(before.login, active),
                target=("account", before.login),
                before={"active": before.active},
                after={"active": active},
            ),
        )
    if active:  # a disabled account's back-off would still hold
        with translated():
            store_accounts.clear_failures(engine, [("account", before.login.lower())])


def set_password(
    engine: Engine, account_id: int, password: str, *, actor: Actor, old_password: str | None = None
) -> None:
    """Reset an account's password (管理员), or change one's own (``old_password`` given, any role).

    The account's other sessions end; its back-off is cleared. Refused
    (``Reason.INVALID``) for a short password, (``Reason.DENIED``) for a wrong
    old password or someone else's account without MANAGE_ACCOUNTS.
    """
    own = actor is not None and actor.account_id == account_id and old_password is not None
    if not own:
        require(actor, Permission.MANAGE_ACCOUNTS)
    before = _get(engine, account_id)
    _checked_password(password, before.login)
    if own and not _verify(before.password_hash, old_password or ""):
        raise ServiceError(T.WRONG_OLD_PASSWORD, reason=Reason.DENIED)
    with translated():
        store_accounts.update_account(
            engine,
            account_id,
            password_hash=_hasher.hash(password),
            end_sessions=not own,
            audit=entry(
                actor,
                Action.PASSWORD_CHANGE if own else Action.PASSWORD_RESET,
                T.audit_password(before.login, own),
                target=("account", before.login),
            ),
        )
        store_accounts.clear_failures(engine, [("account", before.login.lower())])


# -- signing in ------------------------------------------------------------------------------------


def _delay(scope: str, failures: int) -> float:
    free = FREE_FAILURES if scope == "account" else FREE_FAILURES_PER_ADDRESS
    if failures < free:
        return 0.0
    return min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - free))


def _keys(login: str, address: str) -> list[tuple[str, str]]:
    keys = [("account", login.lower())]
    if address:
        keys.append(("address", address))
    return keys


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def _failed_sign_in(login: str, reason: str, address: str) -> store_audit.AuditEntry:
    """The audit row of a refused sign-in: nobody is signed in, so the 操作人 is 「未登录(登录名 x)」 with
    no role (whoever typed the name may not be its owner; the trial saw 「lingdao · 领导」)."""
    row = entry(
        Actor(name=T.not_signed_in(login), role=Role.LIAISON),
        Action.SIGN_IN_FAILED,
        T.audit_sign_in_failed(login, reason),
        target=("account", login),
        address=address,
    )
    return dataclasses.replace(row, actor_role="")


def _wait_error(until: datetime) -> ServiceError:
    seconds = max(1, int((until - utcnow()).total_seconds() + 0.999))
    return ServiceError(T.wait_before_retry(seconds), reason=Reason.THROTTLED)


def _start(engine: Engine, account: AccountRecord, address: str, how: str) -> SignedIn:
    token = secrets.token_urlsafe(32)
    actor = actor_of(account)
    with translated():
        store_accounts.start_session(
            engine,
            account.id,
            _token_hash(token),
            address=address,
            audit=entry(
                actor,
                Action.SIGN_IN,
                T.audit_sign_in(account.login, how),
                target=("account", account.login),
                address=address,
            ),
        )
    log.info("account %s signed in (%s)", account.login, how)
    return SignedIn(actor, token)


def authenticate(engine: Engine, login: str, password: str, *, address: str = "") -> SignedIn:
    """Check a login name and password; on success a new session (actor and token).

    Refused, with the same message whether the name or the password is wrong
    (``Reason.DENIED``), or (``Reason.THROTTLED``) while the name or the
    address is backing off: the message says how many seconds to wait.
    Every failure is recorded in the audit trail (the name typed, never the
    password).
    """
    login = (login or "").strip()
    keys = _keys(login, address)
    with translated():
        until = store_accounts.blocked_until(engine, keys)
    if until is not None:  # refused by the back-off: recorded too, a guesser's every try shows in 操作记录
        with translated():
            store_audit.record(engine, _failed_sign_in(login, T.SIGN_IN_THROTTLED, address))
        raise _wait_error(until)
    with translated():
        account = store_accounts.find_account(engine, login=login) if login else None
    ok = _verify(account.password_hash if account else None, password or "")
    if account is None or not ok or not account.active:
        reason = T.SIGN_IN_DISABLED if (account is not None and ok) else T.BAD_CREDENTIALS
        with translated():
            until = store_accounts.record_failure(
                engine,
                keys,
                delay=_delay,
                reset_after=FAILURES_FORGOTTEN_AFTER,
                audit=_failed_sign_in(login, reason, address),
            )
        log.info("failed sign-in for %r from %r", login, address)
        if until is not None:
            raise ServiceError(reason + T.wait_before_retry_tail(until, utcnow()), reason=Reason.THROTTLED)
        raise ServiceError(reason, reason=Reason.DENIED)
    if _hasher.check_needs_rehash(account.password_hash or ""):
        with translated():
            store_accounts.rehash_password(engine, account.id, _hasher.hash(password))
    with translated():
        store_accounts.clear_failures(engine, keys[:1])
    return _start(engine, account, address, T.HOW_PASSWORD)


def sign_in_sso(engine: Engine, email: str, *, address: str = "") -> SignedIn:
    """A session for the active account whose email is ``email`` (Streamlit's OIDC ``st.user.email``).

    Refused (``Reason.DENIED``) when no active account has that email: single
    sign-on proves who someone is, the administrator still decides whether
    they may use the app and in which role.
    """
    email = (email or "").strip()
    with translated():
        account = store_accounts.find_account(engine, email=email) if email else None
    if account is None or not account.active:
        with translated():
            store_accounts.record_failure(
                engine,
                [("address", address)] if address else [],
                delay=_delay,
                reset_after=FAILURES_FORGOTTEN_AFTER,
                audit=entry(
                    Actor(name=email or "—", role=Role.LIAISON),
                    Action.SIGN_IN_FAILED,
                    T.audit_sign_in_failed(email, T.SSO_NO_ACCOUNT),
                    target=("account", email),
                    address=address,
                ),
            )
        raise ServiceError(T.sso_no_account(email), reason=Reason.DENIED)
    return _start(engine, account, address, T.HOW_SSO)


def idle_limit(engine: Engine) -> timedelta:
    """How long a session may stay idle (the administrator's ``session_idle_min``)."""
    with translated():
        return timedelta(minutes=read_settings(engine).session_idle_min)


def resume(engine: Engine, token: str | None) -> Actor | None:
    """The actor of a live session (its idle clock restarted), or None: no token, unknown, ended,
    idle too long (then ended), or the account was disabled. The role is read afresh on every call,
    so a role change or a disabled account takes effect on the next page run."""
    if not token:
        return None
    idle = idle_limit(engine)
    with translated():
        account = store_accounts.touch_session(engine, _token_hash(token), idle=idle)
    return None if account is None else actor_of(account)


def sign_out(engine: Engine, token: str | None, *, actor: Actor | None) -> None:
    """End the session of ``token`` (recorded when ``actor`` is known)."""
    if not token:
        return
    audit = None
    if actor is not None:
        audit = entry(actor, Action.SIGN_OUT, T.audit_sign_out(actor.login), target=("account", actor.login))
    with translated():
        store_accounts.end_session(engine, _token_hash(token), audit=audit)


def account_by_login(engine: Engine, login: str, *, actor: Actor) -> Account:
    """The account with login name ``login``. ``Reason.NOT_FOUND`` if none; ``Reason.DENIED`` without
    MANAGE_ACCOUNTS."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with translated():
        found = store_accounts.find_account(engine, login=(login or "").strip())
    if found is None:
        raise ServiceError(store_texts.account_not_found(login), reason=Reason.NOT_FOUND)
    return _account(found)
