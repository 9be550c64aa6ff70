"""People: a leader who is away cannot attend.

(Their monthly loads are soft goals, in :mod:`solver.rules.load`.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import texts as T
from .base import Ban, HardRule, Requirement

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..plan import Finding, Plan


class LeaderUnavailable(HardRule):
    """A topic is not held in a month when one of its leaders is away."""

    name = "leader_unavailable"
    text = T.LEADER_UNAVAILABLE
    family = "people"

    def bans(self, plan: Plan) -> Iterator[Ban]:
        attending: dict[str, list[str]] = {x.id: [] for x in plan.leaders}
        for t in plan.topics:  # one pass, not leaders × topics
            for lid in t.leaders:
                if lid in attending:
                    attending[lid].append(t.id)
        for leader in plan.leaders:
            tids = attending[leader.id]
            for m in sorted(set(leader.unavailable_months)):
                if tids and m in plan.calendar.months:
                    msg = T.fill(self.text.requirement, leader=leader.name, month=T.month(m))
                    req = Requirement(self.name, msg, tids, month=m, entity={"leader": leader.id})
                    yield Ban(req, [(tid, m) for tid in tids])

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for t, m in view.placed:
            for lid in t.leaders:
                leader = view.leaders[lid]
                if m in leader.unavailable_months:
                    yield view.finding(
                        self, month=m, topics=[t.id], topic=view.label(t.id), leader=lid, _leader=leader.name
                    )
