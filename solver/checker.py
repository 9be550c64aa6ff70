"""The independent checker: every hard violation and soft warning of any schedule.

It reads the plan and a schedule — one the solver returned, one typed in by
hand, or last year's published months — and asks each rule of the registry
for its *check part*: plain loops over the schedule, written from the format's
definitions beside (but sharing no helper with) the rule's CP-SAT part. So a
bug in the model cannot hide itself here; the tests check every solver answer
with it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import rules
from . import texts as T
from .options import GOALS, Weights
from .plan import Finding, Plan, Schedule, Topic


@dataclass
class CheckReport:
    """Hard violations, soft warnings, and the units missed per soft goal (``counts``)."""

    hard: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {g: 0 for g in GOALS})

    @property
    def ok(self) -> bool:
        return not self.hard

    def penalty(self, weights: Weights | None = None) -> int:
        """The weighted sum of ``counts`` (the objective the solver minimises)."""
        w = weights or Weights()
        return sum(w.of(g) * n for g, n in self.counts.items())


class ScheduleView:
    """A schedule as the check parts read it: who is where, by plain dicts.

    ``seen`` counts assignments per topic id (unknown ids too), ``month`` and
    ``lead`` hold the last assignment of each, ``placed`` pairs every known
    topic with its month, ``by_month`` lists topic ids per month in month order.
    """

    def __init__(self, plan: Plan, schedule: Schedule, baseline: Schedule | None = None) -> None:
        self.plan, self.schedule, self.baseline = plan, schedule, baseline
        self.topics: dict[str, Topic] = {t.id: t for t in plan.topics}
        self.forms = {f.id: f for f in plan.forms}
        self.committees = {c.id: c for c in plan.committees}
        self.leaders = {x.id: x for x in plan.leaders}
        self.seen: dict[str, int] = defaultdict(int)
        self.month: dict[str, int] = {}
        self.lead: dict[str, str] = {}
        for a in schedule.assignments:
            self.seen[a.topic] += 1
            self.month[a.topic] = a.month
            self.lead[a.topic] = a.lead
        self.placed: list[tuple[Topic, int]] = [
            (self.topics[tid], m) for tid, m in self.month.items() if tid in self.topics
        ]
        by_month: dict[int, list[str]] = defaultdict(list)
        for t, m in self.placed:
            by_month[m].append(t.id)
        self.by_month: dict[int, list[str]] = dict(sorted(by_month.items()))

    def label(self, tid: str) -> str:
        """How a topic is named in a sentence: id and the start of its title."""
        t = self.topics.get(tid)
        return T.topic_label(tid, t.title if t else None)

    def committee_name(self, cid: str | None) -> str:
        c = self.committees.get(cid) if cid is not None else None
        return c.name if c else str(cid)

    def finding(
        self, rule: rules.Rule, *, month: int | None = None, topics: list[str] | None = None, **extra: Any
    ) -> Finding:
        """A finding of ``rule``: its violation sentence filled with ``extra``.

        Fields named ``_x`` (and ``topic``, a display label; ``topics`` has the
        ids) fill the sentence only; the others are kept on the finding.
        """
        kept = {k: v for k, v in extra.items() if not k.startswith("_") and k != "topic"}
        words = {k.lstrip("_"): v for k, v in extra.items()}
        if month is not None:
            words["month"] = T.month(month)
        message = T.fill(rule.text.violation, **words)
        return Finding(kind=rule.name, message=message, month=month, topics=topics or [], **kept)


def check(plan: Plan, schedule: Schedule, *, baseline: Schedule | None = None) -> CheckReport:
    """Check ``schedule`` against ``plan`` (and count moves against ``baseline``).

    Returns a :class:`CheckReport`; never raises for a bad schedule (unknown
    topics, duplicates, months outside the calendar are findings).
    """
    view = ScheduleView(plan, schedule, baseline)
    rep = CheckReport()
    for rule in rules.HARD:
        rep.hard.extend(rule.check(view))
    for goal in rules.SOFT:
        for units, finding in goal.check(view):
            rep.counts[goal.name] += units
            rep.warnings.append(finding)
    return rep
