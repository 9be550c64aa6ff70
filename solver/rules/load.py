"""Load: departments and leaders not overbooked in a month, the year evenly spread.

Counting variables are tied with equalities (``max``/``min``), not one-sided
bounds: then a time-limited, non-optimal answer reports its true counts too,
and a goal with weight 0 still reports what it would have cost.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import texts as T
from .base import SoftGoal

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..greedy import Board
    from ..model import PlanModel
    from ..plan import Finding, Plan, Topic


# -- model side helpers (the check parts below do not use them) ----------------------------


def _topics_of(topics: list[Topic], entities: list[Any], attr: str) -> dict[str, list[str]]:
    """Entity id -> ids of the topics naming it in ``attr``, in one pass (a province has hundreds of entities)."""
    out: dict[str, list[str]] = {e.id: [] for e in entities}
    for t in topics:
        for eid in getattr(t, attr):
            if eid in out:
                out[eid].append(t.id)
    return out


def _overload_terms(pm: PlanModel, goal: str, entity_topics: dict[str, list[str]], limits: dict[str, int]) -> list:
    """Load above the entity's comfortable monthly limit, unit by unit.

    Leaves (counter, held literals, limit) in ``pm.cut_inputs[goal]`` for :func:`_overload_cuts`.
    """
    terms = []
    parts = pm.cut_inputs.setdefault(goal, [])
    for eid, tids in entity_topics.items():
        limit = limits[eid]
        for m in pm.months:
            held = [pm.x[tid][m] for tid in tids if m in pm.x[tid]]
            if len(held) <= limit:
                continue
            over = pm.model.new_int_var(0, len(held) - limit, f"{goal}[{eid},{m}]")
            pm.model.add_max_equality(over, [0, sum(held) - limit])
            terms.append(over)
            parts.append((over, held, limit))
    return terms


def _overload_cuts(pm: PlanModel, goal: str) -> int:
    """``over >= load - limit``: implied by the max-equality, but CP-SAT's LP then sees it.

    At the default linearization level the max-equalities stay out of the LP
    relaxation, which then lets every overload be zero and the proven bound
    stays far below the schedules found (measured in bench/results/solver.md).
    """
    parts = pm.cut_inputs.get(goal, [])
    for over, held, limit in parts:
        pm.model.add(over >= sum(held) - limit)
    return len(parts)


def spread_target(plan: Plan) -> tuple[list[str], int]:
    """Topics that count for the spread, and the even load per month they allow.

    The plenary has its own session and does not crowd a month. The target is
    ceil(topics / usable months their windows reach). Used by the model part
    and by the greedy start (so the two cannot drift); the checker has its own.
    The target is 0 when no window reaches a usable month (all blacked out):
    there is then no even share to exceed, and the goal counts nothing.
    """
    forms = plan.form_by_id()
    tids, months = [], set()
    usable = set(plan.usable_months())
    for t in plan.topics:
        if forms[t.form].session_only:
            continue
        tids.append(t.id)
        lo, hi = plan.window_of(t)
        months.update(m for m in usable if lo <= m <= hi)
    return tids, (math.ceil(len(tids) / len(months)) if months else 0)


def _spread_counting_cuts(pm: PlanModel, excess: Any, target: int, tids: list[str]) -> int:
    """Integer-rounded counting bounds on the spread's excess over runs of months; how many rows added.

    For a run ``M`` of consecutive months (only months some counted topic may
    use; a run of one month adds nothing), let ``A`` be the counted topics
    whose every allowed month (a model variable exists) lies in ``M``, and
    ``S`` the others whose allowed preferred months are a non-empty subset of
    ``M``. Write ``out = sum over S of (1 - sum of x[t][m] for m in M)``: the
    topics of ``S`` held outside ``M`` (each of them misses its wish). With
    ``n = |M|`` the cuts are

    1. **counting**: ``excess >= ceil(|A| / n) - target`` (when positive; only
       the largest over all runs is added);
    2. **with the wishes** (``S`` not empty): with ``k = |A| + |S| - n * target > 0``,
       ``c = ceil(k / n)`` and ``r = k - n * (c - 1)`` (so ``1 <= r <= n``):
       ``r * excess + out >= r * c`` (skipped when ``r == n``: it is then a
       sum of the per-month cuts).

    Proof that no schedule is cut off. In any schedule every topic of ``A``
    is in ``M``, and every topic of ``S`` not counted in ``out`` is in ``M``,
    so the months of ``M`` hold at least ``|A| + |S| - out`` counted topics;
    the fullest of them holds at least the average, and ``peak`` at least
    that: ``n * peak >= |A| + |S| - out``. With ``excess >= peak - target``,
    ``n * excess + out >= k`` (*). Cut 1 is (*) with ``S`` empty, rounded up
    (``excess`` is an integer). Cut 2: ``excess`` is an integer ``>= 0`` and
    ``out >= 0``; if ``excess >= c`` then ``r * excess >= r * c``; otherwise
    ``c - 1 - excess >= 0`` and (*) gives ``out >= k - n * excess
    = n * (c - 1 - excess) + r >= r * (c - 1 - excess) + r = r * (c - excess)``
    since ``n >= r``. (Cut 2 is the mixed-integer rounding of (*).)

    Why: the LP spreads topics fractionally (a peak of 5.4 where only 6 is
    possible) and splits a topic between its wish and other months. On
    generated 50-topic plans the LP bound rose from 18.5 to 22 (the optimum,
    seed 0) and from 34.6 to 37 (optimum 40, seed 2); bench/results/solver.md.
    """
    allowed = {tid: set(pm.x[tid]) for tid in tids}
    usable = [m for m in pm.months if any(m in allowed[tid] for tid in tids)]
    topic = {t.id: t for t in pm.topics}
    preferred = {tid: set(topic[tid].preferred_months) & allowed[tid] for tid in tids}
    seen: set[tuple[frozenset[int], int, frozenset[str]]] = set()
    added = 0
    least_peak = 0  # the largest cut 1 over all runs: one row is enough
    for i, first in enumerate(usable):
        for last in usable[i + 1 :]:
            run = frozenset(m for m in usable if first <= m <= last)
            n = len(run)
            inside = sum(1 for tid in tids if allowed[tid] and allowed[tid] <= run)
            wishes = frozenset(
                tid for tid in tids if not allowed[tid] <= run and preferred[tid] and preferred[tid] <= run
            )
            if (run, inside, wishes) in seen:
                continue
            seen.add((run, inside, wishes))
            least_peak = max(least_peak, -(-inside // n))
            k = inside + len(wishes) - n * target
            if not wishes or k <= 0:
                continue
            c = -(-k // n)
            r = k - n * (c - 1)
            if r == n:
                continue
            out = sum(1 - sum(pm.x[tid][m] for m in run if m in pm.x[tid]) for tid in sorted(wishes))
            pm.model.add(r * excess + out >= r * c)
            added += 1
    if least_peak > target:
        pm.model.add(excess >= least_peak - target)
        added += 1
    return added


# -- the goals ------------------------------------------------------------------------------


class DepartmentOverload(SoftGoal):
    """A department attends at most ``max_per_month`` consultations a month (市商务局 not three times in May)."""

    name = "department_overload"
    text = T.DEPARTMENT_OVERLOAD
    family = "load"
    default_weight = 10

    def terms(self, pm: PlanModel) -> list[Any]:
        topics = _topics_of(pm.topics, pm.plan.departments, "departments")
        return _overload_terms(pm, self.name, topics, {d.id: d.max_per_month for d in pm.plan.departments})

    def cuts(self, pm: PlanModel) -> int:
        return _overload_cuts(pm, self.name)

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        return sum(1 for d in topic.departments if board.dept_load[(d, month)] >= board.dept_limit[d])

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        held: dict[tuple[str, int], list[str]] = defaultdict(list)  # one pass, not departments × topics
        for m, tids in view.by_month.items():
            for tid in tids:
                for did in view.topics[tid].departments:
                    held[(did, m)].append(tid)
        for d in view.plan.departments:
            for m in view.by_month:
                mine = held.get((d.id, m), [])
                if len(mine) > d.max_per_month:
                    f = view.finding(
                        self,
                        month=m,
                        topics=mine,
                        load=len(mine),
                        limit=d.max_per_month,
                        department=d.id,
                        _department=d.name,
                    )
                    yield len(mine) - d.max_per_month, f


class LeaderOverload(SoftGoal):
    """A leader attends at most ``max_per_month`` consultations a month."""

    name = "leader_overload"
    text = T.LEADER_OVERLOAD
    family = "load"
    default_weight = 20

    def terms(self, pm: PlanModel) -> list[Any]:
        topics = _topics_of(pm.topics, pm.plan.leaders, "leaders")
        return _overload_terms(pm, self.name, topics, {x.id: x.max_per_month for x in pm.plan.leaders})

    def cuts(self, pm: PlanModel) -> int:
        return _overload_cuts(pm, self.name)

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        return sum(1 for x in topic.leaders if board.lead_load[(x, month)] >= board.leader_limit[x])

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        held: dict[tuple[str, int], list[str]] = defaultdict(list)  # one pass, not leaders × topics
        for m, tids in view.by_month.items():
            for tid in tids:
                for lid in view.topics[tid].leaders:
                    held[(lid, m)].append(tid)
        for x in view.plan.leaders:
            for m in view.by_month:
                mine = held.get((x.id, m), [])
                if len(mine) > x.max_per_month:
                    f = view.finding(
                        self, month=m, topics=mine, load=len(mine), limit=x.max_per_month, leader=x.id, _leader=x.name
                    )
                    yield len(mine) - x.max_per_month, f


class UnevenSpread(SoftGoal):
    """The busiest month holds no more topics than an even spread over the year would."""

    name = "uneven_spread"
    text = T.UNEVEN_SPREAD
    family = "load"
    default_weight = 6

    def terms(self, pm: PlanModel) -> list[Any]:
        tids, target = spread_target(pm.plan)
        if not tids:
            return []
        peak = pm.model.new_int_var(0, len(tids), "peak")
        loads = [sum(held) for m in pm.months if (held := [pm.x[tid][m] for tid in tids if m in pm.x[tid]])]
        pm.model.add_max_equality(peak, [0, *loads])
        excess = pm.model.new_int_var(0, len(tids), "spread_excess")
        pm.model.add_max_equality(excess, [0, peak - target])
        pm.cut_inputs[self.name] = [(excess, loads, target, tids)]
        return [excess]

    def cuts(self, pm: PlanModel) -> int:
        """``excess >= load of each month - target``, and the counting cuts of :func:`_spread_counting_cuts`.

        The first kind lets the LP count the load above an even spread; it is
        implied by the max-equalities (see :func:`_overload_cuts` for why it is
        written out).
        """
        added = 0
        for excess, loads, target, tids in pm.cut_inputs.get(self.name, []):
            for load in loads:
                pm.model.add(excess >= load - target)
                added += 1
            added += _spread_counting_cuts(pm, excess, target, tids)
        return added

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        if board.forms[topic.form].session_only:
            return 0
        if board.target == 0:
            # No window reaches a usable month, so there is no even share to
            # exceed (the placement already breaks a hard rule); the check part
            # counts nothing then, and a target of 0 must not charge every topic.
            return 0
        peak_now = board.spread_peak()
        peak = max(peak_now, board.spread_load[month] + 1)
        return max(0, peak - board.target) - max(0, peak_now - board.target)

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        # Topics outside the plenary session, over the usable months their
        # windows reach; an even spread puts ceil(n / months) in each. Every
        # topic of the plan counts toward the target, placed or not.
        cal = view.plan.calendar
        usable = [m for m in cal.months if m not in cal.blackout_months]
        reach: set[int] = set()
        n_spread = 0
        for t in view.plan.topics:
            if view.forms[t.form].session_only:
                continue
            n_spread += 1
            lo, hi = t.window if t.window is not None else (min(cal.months), max(cal.months))
            reach.update(x for x in usable if lo <= x <= hi)
        load: dict[int, list[str]] = defaultdict(list)
        for t, m in view.placed:
            if not view.forms[t.form].session_only:
                load[m].append(t.id)
        if not load or not reach:
            return
        target = math.ceil(n_spread / len(reach))
        peak_month = max(sorted(load), key=lambda mm: len(load[mm]))
        peak = len(load[peak_month])
        if peak > target:
            f = view.finding(self, month=peak_month, topics=sorted(load[peak_month]), load=peak, limit=target)
            yield peak - target, f


class DepartmentBackToBack(SoftGoal):
    """A department does not attend consultations in two consecutive months (a month to prepare).

    Optional: weight 0 by default, so it only reports; a planner who wants
    breathing room between a department's consultations gives it a weight.
    """

    name = "department_back_to_back"
    text = T.DEPARTMENT_BACK_TO_BACK
    family = "load"
    default_weight = 0
    optional = True

    def terms(self, pm: PlanModel) -> list[Any]:
        terms = []
        for d in pm.plan.departments:
            tids = [t.id for t in pm.topics if d.id in t.departments]
            busy: dict[int, Any] = {}
            for m in pm.months:
                held = [pm.x[tid][m] for tid in tids if m in pm.x[tid]]
                if held:
                    busy[m] = pm.model.new_bool_var(f"busy[{d.id},{m}]")
                    pm.model.add_max_equality(busy[m], held)
            for m in busy:
                if m + 1 in busy:
                    both = pm.model.new_bool_var(f"back_to_back[{d.id},{m}]")
                    pm.model.add_min_equality(both, [busy[m], busy[m + 1]])
                    terms.append(both)
        return terms

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        units = 0
        for d in topic.departments:
            if board.dept_load[(d, month)] == 0:  # the department becomes busy this month
                units += (board.dept_load[(d, month - 1)] > 0) + (board.dept_load[(d, month + 1)] > 0)
        return units

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        by_department: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for t, m in view.placed:  # one pass, not departments × topics
            for did in t.departments:
                by_department[did][m].append(t.id)
        for d in view.plan.departments:
            months = by_department.get(d.id, {})
            for m in sorted(months):
                if m + 1 in months:
                    f = view.finding(
                        self,
                        month=m,
                        topics=sorted(months[m] + months[m + 1]),
                        department=d.id,
                        _department=d.name,
                        _next_month=T.month(m + 1),
                    )
                    yield 1, f
