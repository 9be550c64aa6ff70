"""The audit trail in the database: write one row inside the caller's transaction, read and search.

A write and its audit row commit together or not at all: every write
function of the data layer takes ``audit=`` (one :class:`AuditEntry`, or a
list) and calls :func:`write` on its own session before it commits. Events
that write nothing else (a sign-in, a failed sign-in) use :func:`record`,
its own transaction. Rows are never updated or deleted (triggers refuse it,
migration 0004).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, func, insert, or_, select
from sqlalchemy.orm import Session

from .db import read_session, write_session
from .models import AuditRow
from .repository import as_utc, utcnow

_audit = AuditRow.__table__


@dataclass(frozen=True)
class AuditEntry:
    """What one audit row says; ``at`` is set when it is written.

    ``actor_*``: who (display name, role value, account id or None for the
    command line); ``action``: a :class:`services.audit.Action` value;
    ``target_kind``/``target_id``: what (``plan``/``3``, ``scenario``/``12``,
    ``account``/``zhangsan``, ``setting``/``max_time_limit_s``);
    ``summary``: one Chinese sentence; ``before``/``after``: JSON-able values
    of what changed (None when not relevant); ``address``: the client address
    when known.
    """

    actor_name: str
    actor_role: str
    actor_account_id: int | None
    action: str
    summary: str
    target_kind: str = ""
    target_id: str = ""
    plan_id: int | None = None
    before: Any = None
    after: Any = None
    address: str = ""


@dataclass(frozen=True)
class AuditRecord:
    """One stored row (times timezone-aware UTC)."""

    id: int
    at: datetime
    actor_name: str
    actor_role: str
    account_id: int | None
    action: str
    target_kind: str
    target_id: str
    plan_id: int | None
    summary: str
    before: Any
    after: Any
    address: str


Audit = AuditEntry | Sequence[AuditEntry] | None


def write(s: Session, audit: Audit, *, plan_id: int | None = None, target_id: object = None) -> None:
    """Insert ``audit`` (one entry, a list, or None: nothing) in session ``s``'s transaction.

    ``plan_id``/``target_id``: filled into entries that have none (a new
    plan's or scenario's id is known only inside the transaction).
    """
    if audit is None:
        return
    entries = [audit] if isinstance(audit, AuditEntry) else list(audit)
    if not entries:
        return
    entries = [
        replace(
            e,
            plan_id=e.plan_id if e.plan_id is not None else plan_id,
            target_id=e.target_id or ("" if target_id is None else str(target_id)),
        )
        for e in entries
    ]
    at = utcnow()
    s.execute(
        insert(_audit),
        [
            {
                "at": at,
                "actor_name": e.actor_name,
                "actor_role": e.actor_role,
                "account_id": e.actor_account_id,
                "action": e.action,
                "target_kind": e.target_kind,
                "target_id": e.target_id,
                "plan_id": e.plan_id,
                "summary": e.summary,
                "before": e.before,
                "after": e.after,
                "address": e.address,
            }
            for e in entries
        ],
    )


def record(engine: Engine, audit: Audit) -> None:
    """Write ``audit`` in a transaction of its own (for events that write nothing else)."""
    with write_session(engine) as s:
        write(s, audit)


def _filtered(
    q: Select,
    *,
    actor: str | None,
    actions: Iterable[str] | None,
    plan_id: int | None,
    since: datetime | None,
    until: datetime | None,
    text: str | None,
) -> Select:
    if actor:
        q = q.where(_audit.c.actor_name.contains(actor, autoescape=True))
    if actions:
        q = q.where(_audit.c.action.in_(list(actions)))
    if plan_id is not None:
        q = q.where(_audit.c.plan_id == plan_id)
    if since is not None:
        q = q.where(_audit.c.at >= since)
    if until is not None:
        q = q.where(_audit.c.at < until)
    if text:
        q = q.where(
            or_(
                _audit.c.summary.contains(text, autoescape=True),
                _audit.c.target_id.contains(text, autoescape=True),
            )
        )
    return q


def search(
    engine: Engine,
    *,
    actor: str | None = None,
    actions: Iterable[str] | None = None,
    plan_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str | None = None,
    limit: int | None = 500,
) -> list[AuditRecord]:
    """Rows matching every given filter, newest first (``actor``/``text``: substring of name / summary or target)."""
    q = _filtered(
        select(_audit), actor=actor, actions=actions, plan_id=plan_id, since=since, until=until, text=text
    ).order_by(_audit.c.id.desc())
    if limit is not None:
        q = q.limit(limit)
    with read_session(engine) as s:
        rows = s.execute(q).mappings().all()
    return [AuditRecord(**{**dict(r), "at": as_utc(r["at"])}) for r in rows]


def count(engine: Engine) -> int:
    """How many rows the trail holds."""
    with read_session(engine) as s:
        return s.execute(select(func.count()).select_from(_audit)).scalar_one()
