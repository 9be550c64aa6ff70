"""A greedy schedule: most-constrained topic first, into its cheapest month.

It is what a careful planner does by hand, and serves twice: as the baseline
the benchmark compares CP-SAT against, and as the starting hint of a cold
solve (CP-SAT then improves a sensible schedule instead of searching from
nothing). It keeps the hard rules where it can; a topic it cannot place is
left out, and the result then says ``status="unknown"``. :func:`complete`
then places the topics left out by an ejection chain (the rules' repair parts
name the topics in the way), and repairs a previous schedule the plan's edits
broke the same way.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from . import rules
from .options import Weights
from .plan import Assignment, Plan, Schedule, Status
from .rules.load import spread_target


def allowed_months(plan: Plan, *, stop: Callable[[], None] | None = None) -> dict[str, list[int]]:
    """Months each topic may take: the calendar's, less every pair a hard rule bans.

    The bans are the rules' own (window, blackout, pin, session, leaders), so
    the greedy start offers exactly the months the CP-SAT model has variables for.
    ``stop`` (optional) is called before each ban (one a topic, for most rules)
    and may raise to abandon the count: 0.04 s for 1000 topics idle, 0.3 s
    for 5000, and five to twenty times that on a shared core (2026-12-02).
    """
    banned: set[tuple[str, int]] = set()
    for rule in rules.HARD:
        for ban in rule.bans(plan):
            if stop is not None:
                stop()
            banned.update(ban.pairs)
    months = sorted(set(plan.calendar.months))
    return {t.id: [m for m in months if (t.id, m) not in banned] for t in plan.topics}


@dataclass(frozen=True)
class Frame:
    """What every board of one plan shares, read from the plan alone: each topic's allowed months, the spread target.

    Built once per solve (:func:`frame`) and handed to the greedy, the chain,
    the triage and the polish: each built it again before, four times per
    solve (0.2 s of a 1000-topic start idle, a second on a shared core).
    """

    allowed: dict[str, list[int]]
    target: int


def frame(plan: Plan, *, stop: Callable[[], None] | None = None) -> Frame:
    """The plan's :class:`Frame`; ``stop`` as in :func:`allowed_months` (also called once more before the target)."""
    allowed = allowed_months(plan, stop=stop)
    if stop is not None:
        stop()
    return Frame(allowed, spread_target(plan)[1])


class Board:
    """Who is busy when: the loads of a partial schedule, kept up to date move by move.

    The rules' greedy parts read these loads (:meth:`solver.rules.HardRule.allows`,
    :meth:`solver.rules.SoftGoal.units`); ``penalty`` is the weighted cost of
    what is placed, kept exact move by move (a property test holds it to the checker).
    """

    def __init__(
        self, plan: Plan, weights: Weights, baseline: Schedule | None = None, *, shared: Frame | None = None
    ) -> None:
        """``shared``: the plan's :class:`Frame` if the caller has built it (else built here)."""
        shared = shared or frame(plan)
        self.plan, self.w = plan, weights
        self.forms = plan.form_by_id()
        self.committees = plan.committee_by_id()
        self.topics = plan.topic_by_id()
        self.allowed = shared.allowed
        self.dept_limit = {d.id: d.max_per_month for d in plan.departments}
        self.leader_limit = {x.id: x.max_per_month for x in plan.leaders}
        self.baseline = {a.topic: (a.month, a.lead) for a in baseline.assignments} if baseline else None
        self.successors: dict[str, list[str]] = defaultdict(list)
        for t in plan.topics:
            for b in t.after:
                self.successors[b].append(t.id)
        self.target = shared.target
        # only the rules that test loads; the bans are already out of ``allowed``
        # Bound methods and plain int weights: these run for every (topic, month,
        # lead) the search tries, hundreds of thousands of times on a province's plan.
        self._allows = [r.allows for r in rules.HARD if type(r).allows is not rules.HardRule.allows]
        self._costs = [(weights.of(g.name), g.units) for g in rules.SOFT if weights.of(g.name)]
        self.penalty = 0
        self.month: dict[str, int] = {}
        self.lead: dict[str, str] = {}
        self.month_load: dict[int, int] = defaultdict(int)
        self.spread_load: dict[int, int] = defaultdict(int)
        self.form_load: dict[tuple[str, int], int] = defaultdict(int)
        self.form_months: dict[str, list[int]] = defaultdict(list)
        self.comm_load: dict[tuple[str, int], int] = defaultdict(int)
        self.dept_load: dict[tuple[str, int], int] = defaultdict(int)
        self.lead_load: dict[tuple[str, int], int] = defaultdict(int)
        # who is where, for the rules' repair parts (HardRule.blockers): topics by
        # month, by (form, month) and by (committee, month) as lead or co-organizer
        self.in_month: dict[int, set[str]] = defaultdict(set)
        self.form_in_month: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.comm_in_month: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._spread_peak: int | None = None  # busiest month's spread load, recomputed after a move

    def place(self, tid: str, m: int, c: str, *, cost: int | None = None) -> None:
        """Place an unplaced topic; ``cost`` is its ``added_cost`` here if the caller already knows it."""
        self.penalty += self.added_cost(tid, m, c) if cost is None else cost
        self._count(tid, m, c, +1)
        self.month[tid], self.lead[tid] = m, c

    def remove(self, tid: str) -> tuple[int, str, int]:
        """Take a topic out: (month, lead, the cost it had there)."""
        m, c = self.month.pop(tid), self.lead.pop(tid)
        self._count(tid, m, c, -1)
        cost = self.added_cost(tid, m, c)
        self.penalty -= cost
        return m, c, cost

    def _count(self, tid: str, m: int, c: str, sign: int) -> None:
        t = self.topics[tid]
        self._spread_peak = None
        self.month_load[m] += sign
        if not self.forms[t.form].session_only:
            self.spread_load[m] += sign
        self.form_load[(t.form, m)] += sign
        if sign > 0:
            self.form_months[t.form].append(m)
            self.in_month[m].add(tid)
            self.form_in_month[(t.form, m)].add(tid)
        else:
            self.form_months[t.form].remove(m)
            self.in_month[m].discard(tid)
            self.form_in_month[(t.form, m)].discard(tid)
        for cc in (c, *t.co_organizers):
            self.comm_load[(cc, m)] += sign
            if sign > 0:
                self.comm_in_month[(cc, m)].add(tid)
            else:
                self.comm_in_month[(cc, m)].discard(tid)
        for d in t.departments:
            self.dept_load[(d, m)] += sign
        for x in t.leaders:
            self.lead_load[(x, m)] += sign

    def spread_peak(self) -> int:
        """Topics in the busiest month, the plenary aside (cached between moves)."""
        if self._spread_peak is None:
            self._spread_peak = max(self.spread_load.values(), default=0)
        return self._spread_peak

    def fits(self, tid: str, m: int, c: str) -> bool:
        """Placing the (unplaced) topic in month m with lead c keeps every hard rule."""
        t = self.topics[tid]
        for allows in self._allows:
            if not allows(self, t, m, c):
                return False
        return True

    def added_cost(self, tid: str, m: int, c: str) -> int:
        """Weighted penalty the (unplaced) topic adds by going to month m with lead c."""
        t = self.topics[tid]
        cost = 0
        for weight, units in self._costs:
            cost += weight * units(self, t, m, c)
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

    def schedule(self, status: Status) -> Schedule:
        assignments = [
            Assignment(topic=t.id, month=self.month[t.id], lead=self.lead[t.id])
            for t in self.plan.topics
            if t.id in self.month
        ]
        return Schedule(plan_year=self.plan.year, status=status, assignments=assignments)


def misplaced(
    plan: Plan,
    assignment: dict[str, tuple[int, str]],
    weights: Weights | None = None,
    *,
    shared: Frame | None = None,
    deadline: float | None = None,
) -> set[str]:
    """Topics of ``assignment`` that break a hard rule given the others (and those it lacks).

    Places the topics in plan order on a board; a topic that does not fit —
    a month it may not take, a lead not among its options, a full limit, a gap
    or an order broken by one placed before it — is reported instead of placed.
    Linear in the plan, unlike a full check: this is how a start is triaged.
    ``shared``: the plan's :class:`Frame`, if built already. ``deadline``
    (``time.perf_counter()``): the topics not reached by then are reported too.
    """
    return _triage(Board(plan, weights or Weights(), shared=shared), assignment, deadline)


def _triage(board: Board, assignment: dict[str, tuple[int, str]], deadline: float | None = None) -> set[str]:
    """Place on ``board``, in plan order, every topic of ``assignment`` that fits; the others (see :func:`misplaced`).

    ``deadline`` (``time.perf_counter()``) stops the placing: the topics not
    reached are counted with the others (0.1 s for 1000 topics idle, a second on a shared core).
    """
    out = set()
    for t in board.plan.topics:
        if t.id not in assignment or (deadline is not None and time.perf_counter() >= deadline):
            out.add(t.id)
            continue
        m, c = assignment[t.id]
        if m in board.allowed[t.id] and c in t.lead_options and board.fits(t.id, m, c):
            board.place(t.id, m, c)
        else:
            out.add(t.id)
    return out


def greedy_schedule(
    plan: Plan, weights: Weights | None = None, *, deadline: float | None = None, shared: Frame | None = None
) -> Schedule:
    """Most-constrained topic first (fewest allowed months, most attendees), each into its cheapest month.

    ``deadline`` (a ``time.perf_counter()`` value) stops it between two topics:
    the topics not reached are left out (``status="unknown"``), as those it
    could not place are. On a loaded machine the greedy of a 1000-topic plan
    took 1.5 s of a 1 s limit before it checked the clock (2026-12-02).
    ``shared``: the plan's :class:`Frame`, if built already (its build does not read ``deadline``).
    """
    board = Board(plan, weights or Weights(), shared=shared)
    order = sorted(plan.topics, key=lambda t: (len(board.allowed[t.id]), -len(t.departments) - len(t.leaders), t.id))
    for t in order:
        if deadline is not None and time.perf_counter() >= deadline:
            break
        move = board.best_move(t.id)
        if move is not None:
            board.place(t.id, move[1], move[2], cost=move[0])
    return board.schedule(Status.FEASIBLE if len(board.month) == len(plan.topics) else Status.UNKNOWN)


# The polish reads the clock every this many topics of a scan (a scan of 5000
# topics takes seconds on a loaded machine).
POLISH_CLOCK_EVERY = 32


def improve(
    plan: Plan,
    schedule: Schedule,
    weights: Weights | None = None,
    *,
    max_rounds: int = 50,
    deadline: float | None = None,
    shared: Frame | None = None,
) -> Schedule:
    """Polish a complete schedule by single-topic moves that lower the weighted penalty.

    First-improvement descent over (topic, month, lead) moves that keep every
    hard rule; deterministic (fixed scan order). CP-SAT then starts from a
    schedule with no cheap move left, and spends its time on the hard ones.
    ``deadline`` (a ``time.perf_counter()`` value) stops the polish between two
    topics (every ``POLISH_CLOCK_EVERY``), so a 5000-topic plan does not eat a
    short time limit; the schedule is complete whenever it stops. ``shared``:
    the plan's :class:`Frame`, if built already.
    """
    if schedule.status != Status.FEASIBLE:
        return schedule
    board = Board(plan, weights or Weights(), shared=shared)
    for a in schedule.assignments:
        board.place(a.topic, a.month, a.lead)
    for _ in range(max_rounds):
        if deadline is not None and time.perf_counter() >= deadline:
            break
        improved = False
        for i, t in enumerate(plan.topics):
            if deadline is not None and i % POLISH_CLOCK_EVERY == POLISH_CLOCK_EVERY - 1:
                if time.perf_counter() >= deadline:
                    break
            m, c, stay = board.remove(t.id)
            move = board.best_move(t.id)
            if move is not None and move[0] < stay:
                board.place(t.id, move[1], move[2], cost=move[0])
                improved = True
            else:
                board.place(t.id, m, c, cost=stay)
        if not improved or (deadline is not None and time.perf_counter() >= deadline):
            break
    return board.schedule(Status.FEASIBLE)


# The ejection-chain repair (:func:`complete`) takes at most this many steps per
# topic it starts with unplaced, and per topic of the plan in all.
EJECT_STEPS_PER_TOPIC = 400
EJECT_STEPS_PER_PLAN_TOPIC = 4
# A topic taken out of a month may not go back there for this many steps:
# without it, two topics in each other's way swap places forever.
TABU_STEPS = 7


def complete(
    plan: Plan,
    assignment: dict[str, tuple[int, str]],
    weights: Weights | None = None,
    *,
    deadline: float | None = None,
    seed: int = 0,
    max_steps: int | None = None,
    shared: Frame | None = None,
) -> Schedule:
    """Place every topic ``assignment`` lacks (or has where a hard rule forbids) by an ejection chain.

    A start the greedy could not complete, or a previous schedule the plan's
    edits broke, is triaged first (:func:`misplaced`): what breaks a hard rule
    is taken out. Then each unplaced topic, most constrained first, goes to its
    cheapest month that keeps every hard rule; where there is none, to the
    month whose rules name the fewest placed topics in its way (each rule's
    ``blockers``, topics often moved count more), which are taken out and
    placed in turn. A topic may not return to the month it just left for a few
    steps (tabu), ties are broken by a seeded RNG, and the steps are bounded
    (``EJECT_STEPS_*``), so the same input gives the same schedule.

    Returns a schedule with ``status="feasible"`` when every topic is placed
    (every hard rule kept), else ``status="unknown"`` with the topics it could
    place. Linear in the plan per step; ``deadline`` (``time.perf_counter()``)
    stops it early under load (the triage too), ``max_steps`` (placements tried)
    sooner. ``shared``: the plan's :class:`Frame`, if built already.
    """
    import random  # only here: the greedy itself is not random

    board = Board(plan, weights or Weights(), shared=shared)
    broken = _triage(board, assignment, deadline)
    hard = [r for r in rules.HARD if type(r).blockers is not rules.HardRule.blockers]
    others = [r for r in rules.HARD if type(r).blockers is rules.HardRule.blockers]
    rng = random.Random(seed)
    moved: dict[str, int] = defaultdict(int)
    tabu: dict[tuple[str, int], int] = {}
    key = {t.id: (len(board.allowed[t.id]), -len(t.departments) - len(t.leaders), t.id) for t in plan.topics}
    queue = sorted(broken, key=key.__getitem__)
    steps = 0
    if max_steps is None:
        max_steps = EJECT_STEPS_PER_TOPIC * len(queue) + EJECT_STEPS_PER_PLAN_TOPIC * len(plan.topics)
    while queue and steps < max_steps:
        # every step reads the clock: one step is linear in the plan, and 64 of them took
        # 0.4 s past the deadline on a loaded machine at 1000 topics (2026-12-02)
        if deadline is not None and time.perf_counter() >= deadline:
            break
        steps += 1
        tid = queue.pop(0)
        move = board.best_move(tid)
        if move is not None:
            board.place(tid, move[1], move[2], cost=move[0])
            continue
        choice = _ejection(board, tid, hard, others, moved, tabu, steps, rng)
        if choice is None:  # nowhere to go even by moving others: try again after the rest
            queue.append(tid)
            continue
        m, c, out = choice
        for u in out:
            um, _, _ = board.remove(u)
            moved[u] += 1
            tabu[(u, um)] = steps + TABU_STEPS
        if board.fits(tid, m, c):
            board.place(tid, m, c)
        else:  # a rule named too few: undo nothing (the others are placed again below), retry later
            queue.append(tid)
        queue[:0] = sorted(out, key=key.__getitem__)  # the chain goes on with those taken out
    done = len(board.month) == len(plan.topics)
    return board.schedule(Status.FEASIBLE if done else Status.UNKNOWN)


def _ejection(
    board: Board,
    tid: str,
    hard: list,
    others: list,
    moved: dict[str, int],
    tabu: dict[tuple[str, int], int],
    step: int,
    rng,
) -> tuple[int, str, list[str]] | None:
    """(month, lead, topics to take out) of the cheapest ejection for the unplaced ``tid``, or None."""
    t = board.topics[tid]
    best = None
    for m in board.allowed[tid]:
        if tabu.get((tid, m), 0) > step:
            continue
        for c in t.lead_options:
            if any(not r.allows(board, t, m, c) for r in others):
                continue
            out: set[str] = set()
            ok = True
            for r in hard:
                groups = r.blockers(board, t, m, c)
                if groups is None:
                    ok = False
                    break
                for ids, k in groups:
                    # the k least moved first, those with the most months next: they fit elsewhere most easily
                    pick = sorted(ids, key=lambda u: (u in out, moved[u], -len(board.allowed[u]), u))
                    need = k - sum(1 for u in ids if u in out)
                    out.update(pick[: max(0, need)])
            if not ok or not out:
                continue
            score = sum((1 + moved[u]) ** 2 for u in out)
            key = (score, rng.random())
            if best is None or key < best[0]:
                best = (key, m, c, sorted(out))
    return None if best is None else (best[1], best[2], best[3])
