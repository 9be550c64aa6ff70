"""Calendars (.ics) of the year's consultations, per leader, department or committee.

The plan only fixes the *month* of each consultation; a calendar must not
pretend to know the day. Each consultation is therefore an all-day event that
spans its whole month (``DTSTART;VALUE=DATE`` the 1st, ``DTEND`` the 1st of the
next month), marked free/transparent so it does not block the month in
Outlook, with the month-only nature spelled out in the description. UIDs are
stable (body, year, topic) so importing a revised calendar updates the events
instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Sequence
from typing import Literal

from icalendar import Calendar, Event

from solver.plan import Plan, Schedule, Topic

from . import texts as T
from .common import draft_schedule, fail, plan_for_output, usable_schedule, zh_punct

Kind = Literal["leader", "department", "committee"]
PRODID = "-//协商计划编排//consult-plan//ZH"
UID_DOMAIN = "consult-plan.invalid"


def _involved(kind: str, entity_id: str, topic: Topic, lead: str | None) -> bool:
    if kind == "leader":
        return entity_id in topic.leaders
    if kind == "department":
        return entity_id in topic.departments
    return entity_id == lead or entity_id in topic.co_organizers or (lead is None and entity_id in topic.lead_options)


def _entity_name(plan: Plan, kind: str, entity_id: str) -> str:
    table = {"leader": plan.leader_by_id, "department": plan.department_by_id, "committee": plan.committee_by_id}
    if kind not in table:
        raise fail("bad_kind", kind=kind)
    item = table[kind]().get(entity_id)
    if item is None:
        raise fail("unknown_entity", id=entity_id, what=T.ICS_KIND[kind])
    return item.name


def uid_for(plan: Plan, topic_id: str) -> str:
    """Stable across exports: the same consultation always has the same UID."""
    body = hashlib.sha1(plan.body.encode("utf-8")).hexdigest()[:8]
    return f"{plan.year}-{body}-{topic_id}@{UID_DOMAIN}"


def _first_of(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _next_month(year: int, month: int) -> dt.date:
    return dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)


def _description(plan: Plan, topic: Topic, month: int, lead: str | None) -> str:
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()

    def names(ids, table):
        return "、".join(table[x].name if x in table else x for x in ids)

    lines = [T.ICS_MONTH_NOTE.format(year=plan.year, month=month)]
    form = forms.get(topic.form)
    lines.append(f"{T.ICS_FIELDS['form']}:{form.name if form else topic.form}")
    lead_ids = [lead] if lead else topic.lead_options
    lines.append(f"{T.ICS_FIELDS['lead']}:{names(lead_ids, comms)}")
    if topic.co_organizers:
        lines.append(f"{T.ICS_FIELDS['co']}:{names(topic.co_organizers, comms)}")
    if topic.departments:
        lines.append(f"{T.ICS_FIELDS['departments']}:{names(topic.departments, depts)}")
    if topic.leaders:
        lines.append(f"{T.ICS_FIELDS['leaders']}:{names(topic.leaders, leaders)}")
    if topic.notes:
        lines.append(f"{T.ICS_FIELDS['notes']}:{topic.notes}")
    return "\n".join(lines)


def calendars(
    plan: Plan,
    schedule: Schedule | None,
    *,
    kind: Kind,
    entity_id: str,
    stamp: dt.datetime | None = None,
    sequence: int = 0,
    cancelled: Sequence[tuple[str, str, int]] = (),
) -> bytes:
    """One .ics with an event per consultation the entity takes part in, in its month.

    ``schedule`` None: the plan's own months (fixed / preferred), as a draft.
    ``stamp``: the DTSTAMP to write (default now, UTC) — pass one for
    byte-identical output. An updated calendar (a plan re-issued after a
    年中调整) passes a higher ``sequence`` (the version number), so a calendar
    that imported the earlier one moves the events instead of keeping both,
    and ``cancelled`` ``(topic id, title, old month)`` for consultations the
    entity no longer has: they are written as cancelled events with the same UID.
    """
    usable_schedule(schedule, "日历")
    plan = plan_for_output(plan)  # icalendar cannot encode a lone surrogate; a title is one line
    name = _entity_name(plan, kind, entity_id)
    sched = schedule or draft_schedule(plan)
    month_of, lead_of = sched.month_of(), sched.lead_of()
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    forms = plan.form_by_id()

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", T.ICS_CALNAME.format(body=plan.body, year=plan.year, name=name))
    cal.add("x-wr-caldesc", T.ICS_CALDESC.format(body=plan.body, year=plan.year, name=name))
    cal.add("x-wr-timezone", "Asia/Shanghai")

    topics = sorted(plan.topics, key=lambda t: (month_of.get(t.id, 99), t.id))
    for t in topics:
        month = month_of.get(t.id)
        lead = lead_of.get(t.id)
        if month is None or not _involved(kind, entity_id, t, lead):
            continue
        form = forms.get(t.form)
        ev = Event()
        ev.add("uid", uid_for(plan, t.id))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", _first_of(plan.year, month))
        ev.add("dtend", _next_month(plan.year, month))
        ev.add("summary", zh_punct(T.ICS_SUMMARY.format(form=form.name if form else t.form, title=t.title)))
        ev.add("description", zh_punct(_description(plan, t, month, lead)))
        ev.add("categories", [T.ICS_CATEGORY])
        ev.add("transp", "TRANSPARENT")  # a month-long placeholder must not block the month
        ev.add("status", "TENTATIVE")
        ev.add("sequence", sequence)
        # Outlook: show as an all-day, free item.
        ev.add("x-microsoft-cdo-alldayevent", "TRUE")
        ev.add("x-microsoft-cdo-busystatus", "FREE")
        ev.add("x-consult-month-only", "TRUE")
        cal.add_component(ev)
    for topic_id, title, month in cancelled:
        ev = Event()
        ev.add("uid", uid_for(plan, topic_id))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", _first_of(plan.year, month))
        ev.add("dtend", _next_month(plan.year, month))
        ev.add("summary", zh_punct(T.ICS_CANCELLED_SUMMARY.format(title=title)))
        ev.add("status", "CANCELLED")
        ev.add("transp", "TRANSPARENT")
        ev.add("sequence", sequence)
        cal.add_component(ev)
    return cal.to_ical()


def calendar_filename(plan: Plan, kind: Kind, entity_id: str) -> str:
    name = _entity_name(plan, kind, entity_id)
    return f"{plan.year}年协商活动-{T.ICS_KIND[kind]}-{name}.ics"


def all_calendars(plan: Plan, schedule: Schedule | None, *, stamp: dt.datetime | None = None) -> bytes:
    """A .zip holding one calendar per leader, department and committee that has any consultation."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    plan = plan_for_output(plan)  # names go into file names too
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for kind, items in (("leader", plan.leaders), ("department", plan.departments), ("committee", plan.committees)):
            for item in items:
                data = calendars(plan, schedule, kind=kind, entity_id=item.id, stamp=stamp)
                if b"BEGIN:VEVENT" in data:
                    zf.writestr(calendar_filename(plan, kind, item.id), data)
    return buf.getvalue()


__all__ = ["all_calendars", "calendar_filename", "calendars", "uid_for"]
