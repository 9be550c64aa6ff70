"""Change notices (变更通知, issue 12): what a re-issued plan changes for each department, committee and leader.

When a plan is issued again after an earlier issued version (a 年中调整 approved),
:func:`change_lines` compares the two frozen versions and, for every
department, committee and leader whose consultations differ, lists each
topic that moved, changed lead, was added to or removed from their year.
:mod:`services.approval` stores them with the new version in one transaction;
here they are read (a 部门联络员 sees only their department's), exported for
the office to send (.docx, .xlsx) and turned into updated calendars (.ics).

Who counts as affected (the same as the calendars of :mod:`paperwork.ics`):
a department or leader named by the topic, a committee leading it (the
schedule's lead) or co-organising it. Recipients are matched by name across
the two versions, as a liaison is (department codes are per plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from solver.plan import Plan, Schedule
from store import approval as store_approval
from store.approval import NoticeLine, NoticeRecord

from . import texts as T
from .access import Actor, Permission, require
from .errors import Reason, ServiceError, translated

__all__ = [
    "KINDS",
    "NoticeLine",
    "NoticeRecord",
    "Recipient",
    "change_lines",
    "list_notices",
    "notices_docx",
    "notices_xlsx",
    "recipient_calendar",
    "recipients",
]

KINDS = ("department", "committee", "leader")


def _involvement(plan: Plan, schedule: Schedule | None, kind: str) -> dict[str, dict[str, tuple[int | None, str]]]:
    """name → {topic id → (month, lead committee name)} for one kind of recipient."""
    month_of = schedule.month_of() if schedule else {}
    lead_of = schedule.lead_of() if schedule else {}
    committees = {c.id: c.name for c in plan.committees}
    names = {
        "department": {d.id: d.name for d in plan.departments},
        "leader": {x.id: x.name for x in plan.leaders},
        "committee": committees,
    }[kind]
    out: dict[str, dict[str, tuple[int | None, str]]] = {}
    for t in plan.topics:
        month = month_of.get(t.id)
        if month is None:  # not in the schedule: nobody meets for it
            continue
        lead = lead_of.get(t.id)
        if kind == "department":
            codes = list(t.departments)
        elif kind == "leader":
            codes = list(t.leaders)
        else:
            codes = ([lead] if lead else []) + list(t.co_organizers)
        for code in codes:
            if code in names:
                out.setdefault(names[code], {})[t.id] = (month, committees.get(lead or "", lead or ""))
    return out


def change_lines(before: tuple[Plan, Schedule | None], after: tuple[Plan, Schedule | None]) -> list[NoticeLine]:
    """Every change for every recipient from the ``before`` (plan, schedule) to the ``after`` one.

    Ordered by kind (department, committee, leader), then the recipient's order
    in the newer plan, then the topic's. Empty when nothing changed for anyone.
    """
    (old_plan, old_sched), (new_plan, new_sched) = before, after
    titles = {t.id: t.title for t in old_plan.topics} | {t.id: t.title for t in new_plan.topics}
    topic_order = {t.id: i for i, t in enumerate([*new_plan.topics, *old_plan.topics])}
    lines: list[NoticeLine] = []
    for kind in KINDS:
        old, new = _involvement(old_plan, old_sched, kind), _involvement(new_plan, new_sched, kind)
        items = {
            "department": (new_plan.departments, old_plan.departments),
            "committee": (new_plan.committees, old_plan.committees),
            "leader": (new_plan.leaders, old_plan.leaders),
        }[kind]
        code_of: dict[str, str] = {}
        order: dict[str, int] = {}
        for i, x in enumerate([*items[0], *items[1]]):
            code_of.setdefault(x.name, x.id)
            order.setdefault(x.name, i)
        for name in sorted(set(old) | set(new), key=lambda n: order.get(n, len(order))):
            was, now = old.get(name, {}), new.get(name, {})
            for topic in sorted(set(was) | set(now), key=lambda t: topic_order.get(t, len(topic_order))):
                o, n = was.get(topic), now.get(topic)
                if o == n:
                    continue
                if o is None:
                    change = "added"
                elif n is None:
                    change = "removed"
                elif o[0] != n[0] and o[1] != n[1]:
                    change = "month_and_lead_changed"
                elif o[0] != n[0]:
                    change = "month_changed"
                else:
                    change = "lead_changed"
                lines.append(
                    NoticeLine(
                        recipient_kind=kind,
                        recipient_code=code_of.get(name, ""),
                        recipient_name=name,
                        topic_code=topic,
                        topic_title=titles.get(topic, topic),
                        change=change,
                        old_month=o[0] if o else None,
                        new_month=n[0] if n else None,
                        old_lead=o[1] if o else None,
                        new_lead=n[1] if n else None,
                    )
                )
    return lines


@dataclass(frozen=True)
class Recipient:
    kind: str
    name: str

    @property
    def label(self) -> str:
        return f"{T.RECIPIENT_KINDS[self.kind]}:{self.name}"


def list_notices(
    engine: Engine,
    plan_id: int,
    *,
    actor: Actor,
    recipient: Recipient | None = None,
    version_id: int | None = None,
) -> list[NoticeRecord]:
    """The plan's change notices, newest version first.

    A 部门联络员 (no ``VIEW_ALL``) gets only their department's (``actor.department``,
    matched by name; ``recipient`` is ignored for them); ``Reason.DENIED``
    without ``VIEW_NOTICES`` or for a liaison without a department. Others
    get all, or ``recipient``'s.
    """
    require(actor, Permission.VIEW_NOTICES)
    kind = name = None
    if not actor.can(Permission.VIEW_ALL):
        if not actor.department:
            raise ServiceError(T.NO_DEPARTMENT, reason=Reason.DENIED)
        kind, name = "department", actor.department
    elif recipient is not None:
        kind, name = recipient.kind, recipient.name
    with translated():
        return store_approval.notices(engine, plan_id, recipient_kind=kind, recipient_name=name, version_id=version_id)


def recipients(notices: list[NoticeRecord]) -> list[Recipient]:
    """The distinct recipients of ``notices``, in their order (department, committee, leader)."""
    seen: dict[Recipient, None] = {}
    for n in sorted(notices, key=lambda n: KINDS.index(n.line.recipient_kind)):
        seen.setdefault(Recipient(n.line.recipient_kind, n.line.recipient_name))
    return list(seen)


def _paper_rows(notices: list[NoticeRecord]) -> list[tuple]:
    from paperwork.notices import NoticeRow

    return [
        NoticeRow(
            recipient_kind=T.RECIPIENT_KINDS[n.line.recipient_kind],
            recipient=n.line.recipient_name,
            topic=n.line.topic_title,
            change=T.CHANGE_LABELS[n.line.change],
            old_month=n.line.old_month,
            new_month=n.line.new_month,
            old_lead=n.line.old_lead or "",
            new_lead=n.line.new_lead or "",
            reason=n.reason,
            version=n.version_number,
            previous_version=n.previous_version_number,
        )
        for n in notices
    ]


def _title(engine: Engine, plan_id: int) -> str:
    from store import api as store

    with translated():
        plan, _ = store.load_plan(engine, plan_id)
    return T.NOTICE_TITLE.format(body=plan.body, year=plan.year)


def notices_docx(engine: Engine, plan_id: int, *, actor: Actor, version_id: int | None = None) -> bytes:
    """The notices (all, or of one issued version) as a Word list, grouped by recipient, for the office to send."""
    from paperwork.notices import notices_docx as write

    rows = _paper_rows(list_notices(engine, plan_id, actor=actor, version_id=version_id))
    return write(_title(engine, plan_id), rows)


def notices_xlsx(engine: Engine, plan_id: int, *, actor: Actor, version_id: int | None = None) -> bytes:
    """The notices as an Excel list (one row per change, Chinese headers)."""
    from paperwork.notices import notices_xlsx as write

    rows = _paper_rows(list_notices(engine, plan_id, actor=actor, version_id=version_id))
    return write(_title(engine, plan_id), rows)


def recipient_calendar(
    engine: Engine, version_id: int, recipient: Recipient, *, actor: Actor, stamp: dt.datetime | None = None
) -> tuple[str, bytes]:
    """(file name, .ics) of ``recipient``'s consultations in the issued version ``version_id``.

    The events keep their UIDs (:func:`paperwork.ics.uid_for`) and carry the
    version number as SEQUENCE, so importing it updates the recipient's
    calendar in place; a consultation they no longer have in it (removed by
    this version) comes as a cancelled event. A liaison may only fetch their
    own department's.
    """
    from paperwork import calendar_filename, calendars

    require(actor, Permission.VIEW_NOTICES)
    own = recipient.kind == "department" and recipient.name == actor.department
    if not actor.can(Permission.VIEW_ALL) and not own:
        message = T.denied_other_department() if actor.department else T.NO_DEPARTMENT
        raise ServiceError(message, reason=Reason.DENIED)
    with translated():
        frozen = store_approval.load_version(engine, version_id)
        gone = [
            (n.line.topic_code, n.line.topic_title, n.line.old_month)
            for n in store_approval.notices(
                engine,
                frozen.record.plan_id,
                recipient_kind=recipient.kind,
                recipient_name=recipient.name,
                version_id=version_id,
            )
            if n.line.change == "removed" and n.line.old_month is not None
        ]
    items = {"department": frozen.plan.departments, "committee": frozen.plan.committees, "leader": frozen.plan.leaders}
    code = next((x.id for x in items[recipient.kind] if x.name == recipient.name), None)
    if code is None:
        raise ServiceError(T.notice_recipient_unknown(recipient.name), reason=Reason.NOT_FOUND)
    data = calendars(
        frozen.plan,
        frozen.schedule,
        kind=recipient.kind,
        entity_id=code,
        stamp=stamp,
        sequence=frozen.record.number,
        cancelled=gone,
    )
    return calendar_filename(frozen.plan, recipient.kind, code), data


def kind_label(kind: str) -> str:
    """部门 / 专委会 / 领导 for a recipient kind."""
    return T.RECIPIENT_KINDS.get(kind, kind)


def change_label(change: str) -> str:
    """调整月份 / 新增 / 取消 … for a change kind."""
    return T.CHANGE_LABELS.get(change, change)
