"""The calendar: windows, blackout months, pinned months, the plenary session.

All four are *bans*: they forbid (topic, month) pairs. Solving removes those
month variables; explaining guards each requirement with one literal; the
greedy start never offers those months. The check parts below recompute each
violation from the schedule with their own loops.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import texts as T
from .base import Ban, HardRule, Requirement

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..plan import Finding, Plan


class Window(HardRule):
    """A topic is held within its window (research first means a later start)."""

    name = "window"
    text = T.WINDOW
    family = "calendar"

    def bans(self, plan: Plan) -> Iterator[Ban]:
        for t in plan.topics:
            if t.window is None:
                continue
            lo, hi = t.window
            pairs = [(t.id, m) for m in plan.calendar.months if not lo <= m <= hi]
            if pairs:
                msg = T.fill(
                    self.text.requirement, topic=T.topic_label(t.id, t.title), window=T.months(range(lo, hi + 1))
                )
                yield Ban(Requirement(self.name, msg, [t.id], entity={"window": [lo, hi]}), pairs)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for t, m in view.placed:
            if t.window is not None and not t.window[0] <= m <= t.window[1]:
                win = T.months(range(t.window[0], t.window[1] + 1))
                yield view.finding(self, month=m, topics=[t.id], topic=view.label(t.id), _window=win)


class Blackout(HardRule):
    """No topic is held in a blackout month."""

    name = "blackout"
    text = T.BLACKOUT
    family = "calendar"

    def bans(self, plan: Plan) -> Iterator[Ban]:
        for m in sorted(set(plan.calendar.blackout_months)):
            if m in plan.calendar.months:
                pairs = [(t.id, m) for t in plan.topics]
                yield Ban(Requirement(self.name, T.fill(self.text.requirement, month=T.month(m)), [], month=m), pairs)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        black = set(view.plan.calendar.blackout_months)
        for t, m in view.placed:
            if m in black:
                yield view.finding(self, month=m, topics=[t.id], topic=view.label(t.id))


class FixedMonth(HardRule):
    """A topic pinned by the planner stays in its month."""

    name = "fixed_month"
    text = T.FIXED_MONTH
    family = "calendar"

    def bans(self, plan: Plan) -> Iterator[Ban]:
        for t in plan.topics:
            if t.fixed_month is None:
                continue
            pairs = [(t.id, m) for m in plan.calendar.months if m != t.fixed_month]
            msg = T.fill(self.text.requirement, topic=T.topic_label(t.id, t.title), month=T.month(t.fixed_month))
            yield Ban(Requirement(self.name, msg, [t.id], month=t.fixed_month), pairs)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for t, m in view.placed:
            if t.fixed_month is not None and m != t.fixed_month:
                yield view.finding(self, month=m, topics=[t.id], topic=view.label(t.id), _fixed=T.month(t.fixed_month))


class SessionOnly(HardRule):
    """A topic of a session-only form (the plenary) is held in the session month."""

    name = "session_only"
    text = T.SESSION_ONLY
    family = "calendar"

    def bans(self, plan: Plan) -> Iterator[Ban]:
        forms = plan.form_by_id()
        session = plan.calendar.session_month
        for t in plan.topics:
            form = forms.get(t.form)
            if form is None or not form.session_only:
                continue
            pairs = [(t.id, m) for m in plan.calendar.months if m != session]
            msg = T.fill(
                self.text.requirement, topic=T.topic_label(t.id, t.title), form=form.name, month=T.month(session)
            )
            yield Ban(Requirement(self.name, msg, [t.id], month=session, entity={"form": form.id}), pairs)

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        session = view.plan.calendar.session_month
        for t, m in view.placed:
            form = view.forms[t.form]
            if form.session_only and m != session:
                yield view.finding(
                    self, month=m, topics=[t.id], topic=view.label(t.id), _form=form.name, _session=T.month(session)
                )
