"""Compare two schedules of one plan: which topics moved, and how loads changed.

Pure functions over plan objects: the data layer compares saved versions with
it, and :func:`solver.whatif.diff` builds its "what changed for you" on it.

Loads are counted as the format defines them: a department or leader is
loaded by every topic that names it; a committee by the topics it leads and
those it co-organises. A topic that a schedule names but the plan no longer
has (deleted since the scenario was saved) still shows as moved, and counts
only for its lead committee, which the assignment itself names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import texts as T
from .plan import Plan, Schedule

KIND_ORDER = ("committee", "department", "leader")  # the order load changes are listed in


@dataclass(frozen=True)
class MovedTopic:
    topic: str
    title: str
    month_before: int | None  # None: not in that schedule
    month_after: int | None
    lead_before: str | None
    lead_after: str | None

    @property
    def month_changed(self) -> bool:
        return self.month_before != self.month_after

    @property
    def lead_changed(self) -> bool:
        return self.lead_before != self.lead_after


@dataclass(frozen=True)
class LoadChange:
    kind: str  # "committee", "department" or "leader"
    id: str
    name: str
    month: int
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def kind_label(self) -> str:
        return T.ENTITY_KIND[self.kind]


@dataclass(frozen=True)
class ScheduleComparison:
    moved: list[MovedTopic]
    load_changes: list[LoadChange]
    topics_per_month_before: dict[int, int] = field(default_factory=dict)
    topics_per_month_after: dict[int, int] = field(default_factory=dict)
    unchanged: int = 0  # topics in the same month with the same lead in both


def _loads(plan: Plan, schedule: Schedule) -> Counter[tuple[str, str, int]]:
    topics = plan.topic_by_id()
    load: Counter[tuple[str, str, int]] = Counter()
    for a in schedule.assignments:
        load["committee", a.lead, a.month] += 1
        t = topics.get(a.topic)
        if t is None:
            continue
        for c in t.co_organizers:
            load["committee", c, a.month] += 1
        for d in t.departments:
            load["department", d, a.month] += 1
        for x in t.leaders:
            load["leader", x, a.month] += 1
    return load


def compare_schedules(plan: Plan, before: Schedule, after: Schedule) -> ScheduleComparison:
    """What changes from ``before`` to ``after`` (both schedules of ``plan``)."""
    topics = plan.topic_by_id()
    month_a, lead_a = before.month_of(), before.lead_of()
    month_b, lead_b = after.month_of(), after.lead_of()

    # plan order first, then topics only the schedules know, in their order
    order = [t.id for t in plan.topics]
    seen = set(order)
    for a in [*before.assignments, *after.assignments]:
        if a.topic not in seen:
            seen.add(a.topic)
            order.append(a.topic)

    moved, unchanged = [], 0
    for tid in order:
        if tid not in month_a and tid not in month_b:
            continue
        mb, ma, lb, la = month_a.get(tid), month_b.get(tid), lead_a.get(tid), lead_b.get(tid)
        if mb == ma and lb == la:
            unchanged += 1
            continue
        t = topics.get(tid)
        moved.append(MovedTopic(tid, t.title if t else T.GONE_TOPIC, mb, ma, lb, la))

    names = {
        "committee": {c.id: (i, c.name) for i, c in enumerate(plan.committees)},
        "department": {d.id: (i, d.name) for i, d in enumerate(plan.departments)},
        "leader": {x.id: (i, x.name) for i, x in enumerate(plan.leaders)},
    }
    kind_order = {k: i for i, k in enumerate(KIND_ORDER)}
    la, lb = _loads(plan, before), _loads(plan, after)
    changes = []
    for key in la.keys() | lb.keys():
        if la[key] == lb[key]:
            continue
        kind, ident, month = key
        _pos, name = names[kind].get(ident, (len(names[kind]), ident))
        changes.append(LoadChange(kind, ident, name, month, la[key], lb[key]))
    changes.sort(key=lambda c: (kind_order[c.kind], names[c.kind].get(c.id, (len(names[c.kind]),))[0], c.id, c.month))

    return ScheduleComparison(
        moved=moved,
        load_changes=changes,
        topics_per_month_before=dict(sorted(Counter(month_a.values()).items())),
        topics_per_month_after=dict(sorted(Counter(month_b.values()).items())),
        unchanged=unchanged,
    )
