"""Approval in the data layer (issue 12): a plan's state, its frozen numbered versions, comments, notices.

One transaction per function, as in :mod:`store.api`. Which transition a role
may make is decided by :mod:`services.approval`; here a transition is a
compare-and-set on the plan's state (``expected`` → ``to_state``) that freezes
the plan and its current schedule as the next numbered version, in one
transaction with the notices it brings (a re-issue) — all of it or nothing.

Frozen versions are immutable: this module has no function that changes one,
and the migration adds a trigger that refuses any UPDATE of ``approval_version``.
The plan itself is frozen while its state is not in
:data:`~store.models.EDITABLE_STATES` (see :func:`store.repository.refuse_if_locked`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from solver.plan import Plan, Schedule
from solver.validate import parse_plan, parse_schedule

from . import audit as audit_store
from . import texts as T
from .audit import Audit
from .db import read_session, write_session
from .errors import NotFoundError, StoreError
from .json_codec import find_unstorable
from .models import ApprovalCommentRow, ApprovalVersionRow, ChangeNoticeRow, PlanApprovalRow
from .repository import PlanRepository, ScheduleRepository, as_utc, utcnow

_state = PlanApprovalRow.__table__
_version = ApprovalVersionRow.__table__
_comment = ApprovalCommentRow.__table__
_notice = ChangeNoticeRow.__table__

DRAFT = "draft"


@dataclass(frozen=True)
class ApprovalState:
    """A plan's approval state (``draft`` when never submitted), the adjustment reason, who moved it last."""

    plan_id: int
    state: str
    reason: str
    updated_at: datetime | None
    updated_by: str


@dataclass(frozen=True)
class VersionRecord:
    """One frozen version without its content: the history line (who, when, what, note, meeting date)."""

    id: int
    plan_id: int
    number: int
    action: str
    from_state: str
    to_state: str
    note: str
    reason: str
    meeting_date: date
    plan_version: int
    created_at: datetime
    created_by: str
    created_by_role: str
    has_schedule: bool


@dataclass(frozen=True)
class FrozenVersion:
    """A frozen version with its content: the plan and schedule exactly as they were at that step."""

    record: VersionRecord
    plan: Plan
    schedule: Schedule | None


@dataclass(frozen=True)
class CommentRecord:
    id: int
    version_id: int
    version_number: int
    author: str
    author_role: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class NoticeLine:
    """One change for one recipient (what :mod:`services.notices` computes and this stores).

    ``recipient_kind``: ``department`` / ``committee`` / ``leader``; ``change``:
    ``month_changed`` / ``lead_changed`` / ``month_and_lead_changed`` / ``added`` /
    ``removed``; months 1–12 or None; leads are committee names.
    """

    recipient_kind: str
    recipient_code: str
    recipient_name: str
    topic_code: str
    topic_title: str
    change: str
    old_month: int | None
    new_month: int | None
    old_lead: str | None
    new_lead: str | None


@dataclass(frozen=True)
class NoticeRecord:
    id: int
    plan_id: int
    version_id: int
    version_number: int
    previous_version_id: int
    previous_version_number: int
    line: NoticeLine
    reason: str
    created_at: datetime


# The audit row(s) of a transition, or a function building them from the new
# version's record (its number is known only inside the transaction).
VersionAudit = Audit | Callable[["VersionRecord"], Audit]


def _state_of(s: Session, plan_id: int) -> ApprovalState:
    PlanRepository(s).version_of(plan_id)  # NotFoundError for an unknown plan
    r = s.execute(select(_state).where(_state.c.plan_id == plan_id)).mappings().one_or_none()
    if r is None:
        return ApprovalState(plan_id, DRAFT, "", None, "")
    return ApprovalState(plan_id, r["state"], r["reason"], as_utc(r["updated_at"]), r["updated_by"])


def state(engine: Engine, plan_id: int) -> ApprovalState:
    """The plan's approval state (``draft`` when it was never submitted). :class:`NotFoundError` if no plan."""
    with read_session(engine) as s:
        return _state_of(s, plan_id)


def _version_record(r: Any) -> VersionRecord:
    return VersionRecord(
        id=r["id"],
        plan_id=r["plan_id"],
        number=r["number"],
        action=r["action"],
        from_state=r["from_state"],
        to_state=r["to_state"],
        note=r["note"],
        reason=r["reason"],
        meeting_date=r["meeting_date"],
        plan_version=r["plan_version"],
        created_at=as_utc(r["created_at"]),
        created_by=r["created_by"],
        created_by_role=r["created_by_role"],
        has_schedule=r["schedule_data"] is not None,
    )


def transition(
    engine: Engine,
    plan_id: int,
    *,
    action: str,
    expected: str,
    to_state: str,
    note: str,
    meeting_date: date,
    reason: str | None,
    author: str,
    author_role: str,
    notices: Callable[[Plan, Schedule | None], Sequence[NoticeLine]] | None = None,
    previous_version_id: int | None = None,
    restore_version_id: int | None = None,
    audit: VersionAudit = None,
) -> VersionRecord:
    """Move the plan from ``expected`` to ``to_state`` and freeze it as the next numbered version.

    In one transaction: the state changes only if it still is ``expected``
    (else :class:`StoreError` naming both states, nothing written); the plan
    and its current schedule are copied into a new ``approval_version`` row
    numbered one more than the plan's last; ``reason`` (when not None) becomes
    the plan's adjustment reason; ``notices(plan, schedule)`` (given for a
    re-issue, with ``previous_version_id``) computes the lines stored for the
    new version from the frozen content; ``audit`` (entries, or a function of
    the new version's record giving them) is written in the same transaction.
    ``restore_version_id``: first put the plan and its current schedule back
    as that version froze them (an abandoned 年中调整), while the plan is
    still editable. Returns the new version's record.
    """
    for where, value in ((T.APPROVAL_NOTE, note), (T.APPROVAL_REASON, reason or "")):
        if find_unstorable(value) is not None:
            raise StoreError(T.unstorable_text(where))
    with write_session(engine) as s:
        plans = PlanRepository(s)
        # the row lock / write lock comes first, so two transitions of one plan queue here
        cur = _lock_state(s, plan_id)
        if cur.state != expected:
            raise StoreError(T.approval_state_changed(plans.version_of(plan_id).label, expected, cur.state))
        if restore_version_id is not None:
            _restore(s, plan_id, restore_version_id, author)
        now = utcnow()
        values: dict[str, Any] = {"state": to_state, "updated_at": now, "updated_by": author}
        if reason is not None:
            values["reason"] = reason
        s.execute(update(_state).where(_state.c.plan_id == plan_id).values(**values))
        plan, plan_version = plans.get(plan_id)
        schedules = ScheduleRepository(s)
        current_id = schedules.current_id(plan_id)
        schedule = None if current_id is None else schedules.get(current_id).schedule
        number = (s.execute(select(func.max(_version.c.number)).where(_version.c.plan_id == plan_id)).scalar() or 0) + 1
        version_id = s.execute(
            insert(_version)
            .values(
                plan_id=plan_id,
                number=number,
                action=action,
                from_state=expected,
                to_state=to_state,
                note=note,
                reason=reason if reason is not None else cur.reason,
                meeting_date=meeting_date,
                plan_version=plan_version,
                plan_data=plan.to_dict(),
                schedule_data=None if schedule is None else schedule.to_dict(),
                created_at=now,
                created_by=author,
                created_by_role=author_role,
            )
            .returning(_version.c.id)
        ).scalar_one()
        if notices is not None and previous_version_id is not None:
            lines = notices(plan, schedule)
            rows = [
                {
                    "plan_id": plan_id,
                    "version_id": version_id,
                    "previous_version_id": previous_version_id,
                    "recipient_kind": ln.recipient_kind,
                    "recipient_code": ln.recipient_code,
                    "recipient_name": ln.recipient_name,
                    "topic_code": ln.topic_code,
                    "topic_title": ln.topic_title,
                    "change": ln.change,
                    "old_month": ln.old_month,
                    "new_month": ln.new_month,
                    "old_lead": ln.old_lead,
                    "new_lead": ln.new_lead,
                    "reason": reason if reason is not None else cur.reason,
                    "created_at": now,
                }
                for ln in lines
            ]
            if rows:
                s.execute(insert(_notice), rows)
        r = s.execute(select(_version).where(_version.c.id == version_id)).mappings().one()
        record = _version_record(r)
        audit_store.write(s, audit(record) if callable(audit) else audit)
        return record


def _restore(s: Session, plan_id: int, version_id: int, author: str) -> None:
    """Write back the plan and current schedule a version froze (a new plan version; the frozen row untouched)."""
    r = s.execute(select(_version).where(_version.c.id == version_id)).mappings().one_or_none()
    if r is None or r["plan_id"] != plan_id:
        raise NotFoundError(T.approval_version_not_found(version_id))
    plan = parse_plan(r["plan_data"])
    plans = PlanRepository(s)
    version = plans.bump_version(plan_id, plans.version_of(plan_id).version, author=author)
    plans.replace(plan_id, plan)
    if r["schedule_data"] is not None:
        schedule = parse_schedule(r["schedule_data"], plan)
        ScheduleRepository(s).set_current(plan_id, schedule, plan_version=version, author=author)


def _lock_state(s: Session, plan_id: int) -> ApprovalState:
    """The plan's state row, created as ``draft`` if missing, locked for this transaction."""
    PlanRepository(s).version_of(plan_id)
    exists = s.execute(select(_state.c.plan_id).where(_state.c.plan_id == plan_id)).first()
    if exists is None:
        try:
            with s.begin_nested():  # a concurrent first move may insert it first: then use theirs
                s.execute(
                    insert(_state).values(plan_id=plan_id, state=DRAFT, reason="", updated_at=utcnow(), updated_by="")
                )
        except IntegrityError:
            pass
    # a no-op UPDATE takes PostgreSQL's row lock (SQLite writers are serialised by BEGIN IMMEDIATE)
    s.execute(update(_state).where(_state.c.plan_id == plan_id).values(state=_state.c.state))
    return _state_of(s, plan_id)


def versions(engine: Engine, plan_id: int) -> list[VersionRecord]:
    """The plan's frozen versions, oldest first (the approval history)."""
    with read_session(engine) as s:
        PlanRepository(s).version_of(plan_id)
        rows = s.execute(select(_version).where(_version.c.plan_id == plan_id).order_by(_version.c.number)).mappings()
        return [_version_record(r) for r in rows]


def load_version(engine: Engine, version_id: int) -> FrozenVersion:
    """One frozen version with its plan and schedule (validated as a file would be)."""
    with read_session(engine) as s:
        r = s.execute(select(_version).where(_version.c.id == version_id)).mappings().one_or_none()
    if r is None:
        raise NotFoundError(T.approval_version_not_found(version_id))
    plan = parse_plan(r["plan_data"])
    schedule = None if r["schedule_data"] is None else parse_schedule(r["schedule_data"], plan)
    return FrozenVersion(_version_record(r), plan, schedule)


def add_comment(
    engine: Engine,
    version_id: int,
    text: str,
    *,
    author: str,
    author_role: str,
    audit: Audit = None,
) -> int:
    """Append a comment to a frozen version (its audit row in the same transaction); its id."""
    if find_unstorable(text) is not None:
        raise StoreError(T.unstorable_text(T.APPROVAL_COMMENT))
    with write_session(engine) as s:
        if s.execute(select(_version.c.id).where(_version.c.id == version_id)).first() is None:
            raise NotFoundError(T.approval_version_not_found(version_id))
        comment_id = s.execute(
            insert(_comment)
            .values(version_id=version_id, author=author, author_role=author_role, text=text, created_at=utcnow())
            .returning(_comment.c.id)
        ).scalar_one()
        audit_store.write(s, audit)
        return comment_id


def comments(engine: Engine, plan_id: int) -> list[CommentRecord]:
    """Every comment on the plan's versions, oldest first."""
    with read_session(engine) as s:
        rows = s.execute(
            select(_comment, _version.c.number)
            .join(_version, _version.c.id == _comment.c.version_id)
            .where(_version.c.plan_id == plan_id)
            .order_by(_comment.c.id)
        ).mappings()
        return [
            CommentRecord(
                r["id"], r["version_id"], r["number"], r["author"], r["author_role"], r["text"], as_utc(r["created_at"])
            )
            for r in rows
        ]


def notices(
    engine: Engine,
    plan_id: int,
    *,
    recipient_kind: str | None = None,
    recipient_name: str | None = None,
    version_id: int | None = None,
) -> list[NoticeRecord]:
    """The plan's change notices, newest version first, then by recipient and topic; optionally filtered."""
    prev = _version.alias("prev")
    with read_session(engine) as s:
        q = (
            select(_notice, _version.c.number, prev.c.number.label("prev_number"))
            .join(_version, _version.c.id == _notice.c.version_id)
            .join(prev, prev.c.id == _notice.c.previous_version_id)
            .where(_notice.c.plan_id == plan_id)
        )
        if recipient_kind is not None:
            q = q.where(_notice.c.recipient_kind == recipient_kind)
        if recipient_name is not None:
            q = q.where(_notice.c.recipient_name == recipient_name)
        if version_id is not None:
            q = q.where(_notice.c.version_id == version_id)
        q = q.order_by(_version.c.number.desc(), _notice.c.id)
        return [
            NoticeRecord(
                id=r["id"],
                plan_id=r["plan_id"],
                version_id=r["version_id"],
                version_number=r["number"],
                previous_version_id=r["previous_version_id"],
                previous_version_number=r["prev_number"],
                line=NoticeLine(
                    r["recipient_kind"],
                    r["recipient_code"],
                    r["recipient_name"],
                    r["topic_code"],
                    r["topic_title"],
                    r["change"],
                    r["old_month"],
                    r["new_month"],
                    r["old_lead"],
                    r["new_lead"],
                ),
                reason=r["reason"],
                created_at=as_utc(r["created_at"]),
            )
            for r in s.execute(q).mappings()
        ]
