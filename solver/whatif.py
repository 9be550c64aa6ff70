"""What-if: edit a plan (pin, move, leader away, limit), re-plan, and see what changed.

Every edit returns a new plan and leaves the given one alone, so the page can
keep "before" and "after" side by side. Loads, diffs and month suggestions are
computed from plain data with the independent checker, not the CP-SAT model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import texts as T
from .checker import check
from .compare import compare_schedules
from .options import GOALS, SolveOptions, Weights
from .plan import Assignment, Plan, Schedule
from .rules.calendar import FixedMonth
from .solving import solve

# -- edits ---------------------------------------------------------------------------


def pin(plan: Plan, topic_id: str, month: int | None) -> Plan:
    """Fix a topic to a month (``None`` unpins it)."""
    new = plan.model_copy(deep=True)
    topic = new.topic_by_id()[topic_id]
    topic.fixed_month = month
    return new


def mark_leader_away(plan: Plan, leader_id: str, month: int, away: bool = True) -> Plan:
    new = plan.model_copy(deep=True)
    leader = new.leader_by_id()[leader_id]
    months = set(leader.unavailable_months)
    months.add(month) if away else months.discard(month)
    leader.unavailable_months = sorted(months)
    return new


def set_limit(plan: Plan, kind: str, entity_id: str | None, value: int | None) -> Plan:
    """Change a ``max_per_month`` (kind: form/committee/department/leader) or the month limit (kind: month)."""
    new = plan.model_copy(deep=True)
    if kind == "month":
        new.calendar.max_topics_per_month = value
        return new
    table = {
        "form": new.form_by_id,
        "committee": new.committee_by_id,
        "department": new.department_by_id,
        "leader": new.leader_by_id,
    }[kind]()
    table[entity_id].max_per_month = value
    return new


def replan(plan: Plan, previous: Schedule, options: SolveOptions | None = None) -> Schedule:
    """Solve again from ``previous``, moving as few topics as the goals allow."""
    return solve(plan, options, baseline=previous)


# -- what changed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """A topic whose month or lead changed (lead names for display; months None if absent)."""

    topic: str
    title: str
    month_before: int | None
    month_after: int | None
    lead_before: str | None
    lead_after: str | None
    lead_before_name: str | None
    lead_after_name: str | None

    @property
    def lead_changed(self) -> bool:
        return self.lead_before != self.lead_after


@dataclass(frozen=True)
class ChangesFor:
    """What changed for one department, committee or leader: one line per moved topic."""

    kind: str  # "department", "committee" or "leader"
    entity: str
    name: str
    changes: list[str]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.entity}"


@dataclass(frozen=True)
class Diff:
    """The moved topics of a re-plan, and per entity what changed for it."""

    moved: list[Move] = field(default_factory=list)
    for_you: list[ChangesFor] = field(default_factory=list)


@dataclass(frozen=True)
class LoadRow:
    """The load of one entity in one month (``limit`` None: no limit)."""

    kind: str  # "department", "leader" or "committee"
    entity: str
    name: str
    month: int
    load: int
    limit: int | None
    over: bool
    topics: list[str]


@dataclass(frozen=True)
class MonthOption:
    """One month a topic could move to, everything else left in place.

    ``feasible``: the move keeps every hard rule (else ``reasons`` say which it
    breaks); ``penalty_change`` the change of the weighted objective;
    ``changes`` the change of each soft goal's count (goal name -> units).
    """

    month: int
    current: bool
    feasible: bool
    reasons: list[str]
    penalty_change: int
    changes: dict[str, int]


def diff(plan: Plan, before: Schedule, after: Schedule) -> Diff:
    """Moved topics and, per department / committee / leader, what changed for them."""
    topics = plan.topic_by_id()
    committees = plan.committee_by_id()

    def cname(cid: str | None) -> str | None:
        return committees[cid].name if cid in committees else cid

    moved = [
        Move(mv.topic, mv.title, mv.month_before, mv.month_after, mv.lead_before, mv.lead_after,
             cname(mv.lead_before), cname(mv.lead_after))
        for mv in compare_schedules(plan, before, after).moved
    ]  # fmt: skip
    per_entity: dict[tuple[str, str], list[str]] = defaultdict(list)
    names = {"department": plan.department_by_id(), "leader": plan.leader_by_id(), "committee": committees}
    for mv in moved:
        t = topics.get(mv.topic)
        if t is None:
            continue  # gone from the plan: nobody attends it any more
        line = f"{T.topic_label(t.id, t.title)}:{T.month(mv.month_before)} → {T.month(mv.month_after)}"
        for d in t.departments:
            per_entity[("department", d)].append(line)
        for x in t.leaders:
            per_entity[("leader", x)].append(line)
        for c in {mv.lead_before, mv.lead_after, *t.co_organizers} - {None}:
            per_entity[("committee", c)].append(line)
    for_you = [
        ChangesFor(kind, eid, names[kind][eid].name if eid in names[kind] else eid, lines)
        for (kind, eid), lines in sorted(per_entity.items())
    ]
    return Diff(moved, for_you)


def loads(plan: Plan, schedule: Schedule) -> list[LoadRow]:
    """One row per (kind, entity, month 1–12) with load, limit and whether it is over."""
    month, lead = schedule.month_of(), schedule.lead_of()
    rows = []
    tables = (
        ("department", plan.departments, lambda t, e: e.id in t.departments),
        ("leader", plan.leaders, lambda t, e: e.id in t.leaders),
        ("committee", plan.committees, lambda t, e: lead.get(t.id) == e.id or e.id in t.co_organizers),
    )
    for kind, entities, involved in tables:
        for e in entities:
            by_month: dict[int, list[str]] = defaultdict(list)
            for t in plan.topics:
                if t.id in month and involved(t, e):
                    by_month[month[t.id]].append(t.id)
            for m in range(1, 13):
                load = len(by_month.get(m, []))
                limit = e.max_per_month
                over = limit is not None and load > limit
                rows.append(LoadRow(kind, e.id, e.name, m, load, limit, over, by_month.get(m, [])))
    return rows


# -- where could this topic go? ------------------------------------------------------------


def suggest_months(
    plan: Plan, schedule: Schedule, topic_id: str, *, weights: Weights | None = None
) -> list[MonthOption]:
    """Every calendar month for one topic, ranked by :func:`rank_options`.

    Each option says whether the move keeps every hard rule (and, if not, why),
    and how each soft goal would change, with everything else left in place.
    """
    weights = weights or Weights()
    current = check(plan, schedule)
    base = current.penalty(weights)
    lead = schedule.lead_of().get(topic_id)
    now = schedule.month_of().get(topic_id)
    rows = []
    for m in plan.calendar.months:
        moved = Schedule(
            plan_year=schedule.plan_year,
            status=schedule.status,
            assignments=[
                a if a.topic != topic_id else Assignment(topic=topic_id, month=m, lead=lead or "")
                for a in schedule.assignments
            ],
        )
        rep = check(plan, moved)
        # A fixed month is the planner's own pin; suggestions show where it could go if unpinned.
        reasons = [f.message for f in rep.hard if topic_id in f.topics and f.kind != FixedMonth.name]
        changes = {g: rep.counts[g] - current.counts[g] for g in GOALS}
        rows.append(MonthOption(m, m == now, not reasons, reasons, rep.penalty(weights) - base, changes))
    return rank_options(rows)


def rank_options(rows: list[MonthOption]) -> list[MonthOption]:
    """The order a planner reads month options in: feasible ones by change of penalty (then month),
    then the others by month — a penalty change means nothing for a month that breaks a hard rule."""
    ok = sorted((r for r in rows if r.feasible), key=lambda r: (r.penalty_change, r.month))
    return ok + sorted((r for r in rows if not r.feasible), key=lambda r: r.month)
