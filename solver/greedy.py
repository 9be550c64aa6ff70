"""A greedy schedule: most-constrained topic first, into its cheapest month.

It is what a careful planner does by hand, and serves twice: as the baseline
the benchmark compares CP-SAT against, and as the starting hint of a cold
solve (CP-SAT then improves a sensible schedule instead of searching from
nothing). It keeps the hard rules where it can; a topic it cannot place is
left out, and the result then says ``status="unknown"``.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict

from .options import Weights
from .plan import Assignment, Plan, Schedule


def allowed_months(plan: Plan) -> dict[str, list[int]]:
    """Months each topic may take by its own requirements (window, blackout, pin, session, leaders)."""
    forms = plan.form_by_id()
    away = {x.id: set(x.unavailable_months) for x in plan.leaders}
    black = set(plan.calendar.blackout_months)
    out = {}
    for t in plan.topics:
        lo, hi = plan.window_of(t)
        months = []
        for m in sorted(set(plan.calendar.months)):
            if m in black or not lo <= m <= hi:
                continue
            if t.fixed_month is not None and m != t.fixed_month:
                continue
            if forms[t.form].session_only and m != plan.calendar.session_month:
                continue
            if any(m in away[x] for x in t.leaders):
                continue
            months.append(m)
        out[t.id] = months
    return out


class _Board:
    """Who is busy when: the loads of a partial schedule, kept up to date move by move."""

    def __init__(self, plan: Plan, weights: Weights) -> None:
        self.plan, self.w = plan, weights
        self.forms = plan.form_by_id()
        self.committees = plan.committee_by_id()
        self.topics = plan.topic_by_id()
        self.allowed = allowed_months(plan)
        self.dept_limit = {d.id: d.max_per_month for d in plan.departments}
        self.leader_limit = {x.id: x.max_per_month for x in plan.leaders}
        self.successors: dict[str, list[str]] = defaultdict(list)
        for t in plan.topics:
            for b in t.after:
                self.successors[b].append(t.id)
        spread = [t.id for t in plan.topics if not self.forms[t.form].session_only]
        reach = {m for tid in spread for m in self.allowed[tid]}
        self.target = math.ceil(len(spread) / len(reach)) if reach else 0
        self.month: dict[str, int] = {}
        self.lead: dict[str, str] = {}
        self.month_load: dict[int, int] = defaultdict(int)
        self.spread_load: dict[int, int] = defaultdict(int)
        self.form_load: dict[tuple[str, int], int] = defaultdict(int)
        self.form_months: dict[str, list[int]] = defaultdict(list)
        self.comm_load: dict[tuple[str, int], int] = defaultdict(int)
        self.dept_load: dict[tuple[str, int], int] = defaultdict(int)
        self.lead_load: dict[tuple[str, int], int] = defaultdict(int)

    def place(self, tid: str, m: int, c: str) -> None:
        self._count(tid, m, c, +1)
        self.month[tid], self.lead[tid] = m, c

    def remove(self, tid: str) -> tuple[int, str]:
        m, c = self.month.pop(tid), self.lead.pop(tid)
        self._count(tid, m, c, -1)
        return m, c

    def _count(self, tid: str, m: int, c: str, sign: int) -> None:
        t = self.topics[tid]
        self.month_load[m] += sign
        if not self.forms[t.form].session_only:
            self.spread_load[m] += sign
        self.form_load[(t.form, m)] += sign
        if sign > 0:
            self.form_months[t.form].append(m)
        else:
            self.form_months[t.form].remove(m)
        for cc in (c, *t.co_organizers):
            self.comm_load[(cc, m)] += sign
        for d in t.departments:
            self.dept_load[(d, m)] += sign
        for x in t.leaders:
            self.lead_load[(x, m)] += sign

    def fits(self, tid: str, m: int, c: str) -> bool:
        """Placing the (unplaced) topic in month m with lead c keeps every hard rule."""
        t = self.topics[tid]
        form = self.forms[t.form]
        cap = self.plan.calendar.max_topics_per_month
        if cap is not None and self.month_load[m] >= cap:
            return False
        if form.max_per_month is not None and self.form_load[(form.id, m)] >= form.max_per_month:
            return False
        if form.min_gap_months and any(abs(m - o) < form.min_gap_months for o in self.form_months[form.id]):
            return False
        for cc in (c, *t.co_organizers):
            limit = self.committees[cc].max_per_month
            if limit is not None and self.comm_load[(cc, m)] >= limit:
                return False
        if any(self.month[b] >= m for b in t.after if b in self.month):
            return False
        return not any(self.month[s] <= m for s in self.successors[tid] if s in self.month)

    def added_cost(self, tid: str, m: int, c: str) -> int:
        """Weighted penalty the (unplaced) topic adds by going to month m."""
        t, w = self.topics[tid], self.w
        cost = sum(w.department_overload for d in t.departments if self.dept_load[(d, m)] >= self.dept_limit[d])
        cost += sum(w.leader_overload for x in t.leaders if self.lead_load[(x, m)] >= self.leader_limit[x])
        if t.preferred_months and m not in t.preferred_months:
            cost += w.preferred_month_missed
        if not self.forms[t.form].session_only:
            peak_now = max(self.spread_load.values(), default=0)
            peak = max(peak_now, self.spread_load[m] + 1)
            cost += w.uneven_spread * (max(0, peak - self.target) - max(0, peak_now - self.target))
        return cost

    def best_move(self, tid: str) -> tuple[int, int, str] | None:
        """(cost, month, lead) of the cheapest place for an unplaced topic; ties: emptier month, earlier."""
        best = None
        for m in self.allowed[tid]:
            for c in self.topics[tid].lead_options:
                if not self.fits(tid, m, c):
                    continue
                key = (self.added_cost(tid, m, c), self.month_load[m], self.comm_load[(c, m)], m)
                if best is None or key < best[0]:
                    best = (key, m, c)
        return None if best is None else (best[0][0], best[1], best[2])

    def schedule(self, status: str) -> Schedule:
        assignments = [
            Assignment(topic=t.id, month=self.month[t.id], lead=self.lead[t.id])
            for t in self.plan.topics
            if t.id in self.month
        ]
        return Schedule(plan_year=self.plan.year, status=status, assignments=assignments)


def misplaced(plan: Plan, assignment: dict[str, tuple[int, str]], weights: Weights | None = None) -> set[str]:
    """Topics of ``assignment`` that break a hard rule given the others (and those it lacks).

    Places the topics in plan order on a board; a topic that does not fit —
    a month it may not take, a lead not among its options, a full limit, a gap
    or an order broken by one placed before it — is reported instead of placed.
    Linear in the plan, unlike a full check: this is how a start is triaged.
    """
    board = _Board(plan, weights or Weights())
    out = set()
    for t in plan.topics:
        if t.id not in assignment:
            out.add(t.id)
            continue
        m, c = assignment[t.id]
        if m in board.allowed[t.id] and c in t.lead_options and board.fits(t.id, m, c):
            board.place(t.id, m, c)
        else:
            out.add(t.id)
    return out


def greedy_schedule(plan: Plan, weights: Weights | None = None) -> Schedule:
    """Most-constrained topic first (fewest allowed months, most attendees), each into its cheapest month."""
    board = _Board(plan, weights or Weights())
    order = sorted(plan.topics, key=lambda t: (len(board.allowed[t.id]), -len(t.departments) - len(t.leaders), t.id))
    for t in order:
        move = board.best_move(t.id)
        if move is not None:
            board.place(t.id, move[1], move[2])
    return board.schedule("feasible" if len(board.month) == len(plan.topics) else "unknown")


def improve(
    plan: Plan,
    schedule: Schedule,
    weights: Weights | None = None,
    *,
    max_rounds: int = 50,
    deadline: float | None = None,
) -> Schedule:
    """Polish a complete schedule by single-topic moves that lower the weighted penalty.

    First-improvement descent over (topic, month, lead) moves that keep every
    hard rule; deterministic (fixed scan order). CP-SAT then starts from a
    schedule with no cheap move left, and spends its time on the hard ones.
    ``deadline`` (a ``time.perf_counter()`` value) stops the polish between two
    scans of the plan, so a 5000-topic plan does not eat a short time limit.
    """
    if schedule.status != "feasible":
        return schedule
    board = _Board(plan, weights or Weights())
    for a in schedule.assignments:
        board.place(a.topic, a.month, a.lead)
    for _ in range(max_rounds):
        if deadline is not None and time.perf_counter() >= deadline:
            break
        improved = False
        for t in plan.topics:
            m, c = board.remove(t.id)
            stay = board.added_cost(t.id, m, c)
            move = board.best_move(t.id)
            if move is not None and move[0] < stay:
                board.place(t.id, move[1], move[2])
                improved = True
            else:
                board.place(t.id, m, c)
        if not improved:
            break
    return board.schedule("feasible")
