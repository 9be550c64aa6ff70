"""The shape of a schedule: each topic placed once, in a calendar month, led by one of its candidates.

The decision variables enforce these by construction (one month variable per
calendar month, exactly one true; one lead literal per candidate, exactly one
true), so their model part adds nothing. Their check part matters: a schedule
typed in by hand or published last year can break any of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import texts as T
from .base import HardRule

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..plan import Finding


class UnknownTopic(HardRule):
    """Every topic a schedule names is a topic of the plan."""

    name = "unknown_topic"
    text = T.UNKNOWN_TOPIC
    family = "assignment"
    structural = True

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for tid in view.seen:
            if tid not in view.topics:
                yield view.finding(self, topics=[tid], topic=tid)


class Duplicate(HardRule):
    """A topic is placed once."""

    name = "duplicate"
    text = T.DUPLICATE
    family = "assignment"
    structural = True

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for tid, n in view.seen.items():
            if tid in view.topics and n > 1:
                yield view.finding(self, topics=[tid], topic=view.label(tid), n=n)


class Unassigned(HardRule):
    """Every topic of the plan is placed."""

    name = "unassigned"
    text = T.UNASSIGNED
    family = "assignment"
    structural = True

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for tid in view.topics:
            if tid not in view.month:
                yield view.finding(self, topics=[tid], topic=view.label(tid))


class NotInCalendar(HardRule):
    """A topic is held in one of the calendar's months."""

    name = "not_in_calendar"
    text = T.NOT_IN_CALENDAR
    family = "assignment"
    structural = True

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        months = set(view.plan.calendar.months)
        for t, m in view.placed:
            if m not in months:
                yield view.finding(self, month=m, topics=[t.id], topic=view.label(t.id))


class Lead(HardRule):
    """A topic is led by one of its candidate lead committees."""

    name = "lead"
    text = T.LEAD
    family = "assignment"
    structural = True

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for t, _m in view.placed:
            cid = view.lead.get(t.id)
            if cid not in t.lead_options:
                c = view.committees.get(cid)
                cname = c.name if c is not None else cid
                yield view.finding(self, topics=[t.id], topic=view.label(t.id), committee=cid, _committee=cname)
