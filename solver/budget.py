"""The time a solve may take: the planner's wall-clock limit, and a work budget inside it.

The planner gives seconds on the clock (the 编排 page's slider, ``--time-limit``);
the answer must arrive within them, under load too. Inside that limit the
search also counts its *work* — CP-SAT's deterministic time plus a fixed charge
for each step CP-SAT does not count (building a sub-model, presolving it) — and
stops when a work budget calibrated to the limit is spent. On an idle machine
the work budget runs out first, so the same plan and options give the same
schedule; on a busy machine the clock may run out first, and the answer then
says so (``Schedule.stopped_by``), because what was found by then depends on
the load.
"""

from __future__ import annotations

import enum
import gc
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# The work budget is counted in wall-equivalent seconds: what a step takes on
# an idle machine of this class. CP-SAT reports its own work as deterministic
# time; these rates turn it into seconds. The full model's search (after its
# presolve, which is charged apart) did 0.52–0.56 units a wall second on an
# idle machine (load < 1, 2026-12-01 11:34: 200 and 1000 province topics, one
# worker); 0.42 keeps the work budget the first to run out there, so that the
# answer is reproducible, without leaving a quarter of the full model's time
# unused (0.3, the rate measured at load 2, did: at 1 s the 200-topic seed 2
# was proven optimal with 0.42 and not with 0.3; bench/results/solver.md).
# A neighbourhood sub-solve: about twice the full model's rate at load 2 (not re-measured).
FULL_MODEL_RATE = 0.42
SUB_SOLVE_RATE = 0.6
# Of the wall limit, what is kept for the steps after the search (reading the
# answer, the independent check of its warnings, building the answer): the
# 10 % the planner allows past the limit stay unused.
WALL_RESERVE_SHARE = 0.05
WALL_RESERVE_MIN_S = 0.02
# The independent check that adds the warnings to the answer indexes the
# schedule in one pass per rule: measured 44–63 µs a topic on an idle machine
# (0.044 s for a 1000-topic province plan, 0.32 s for 5000; it was entities ×
# topics before the rules indexed their loads). Twice that leaves room for load.
CHECK_SECONDS_PER_TOPIC = 1.2e-4
# What the check takes a topic in CPU seconds of the main thread: times how
# much slower this machine runs right now (see :meth:`Budget.slowdown`), it
# predicts the check before it has run once. Measured as thread CPU time on a
# busy machine (2026-12-02, load 12): 74, 87, 70 and 112 µs a topic for 120,
# 200, 1000 and 5000 province topics (6e-5, the idle figure above, let the
# check of a 120-topic start end 0.05–0.15 s past a 1 s limit on a slowed machine).
CHECK_CPU_PER_TOPIC = 1e-4
# Steps that cannot stop on the clock, in shares of the wall seconds this very
# run took to build its CP-SAT model (that time grows with the plan and with
# the load alike). Measured 2026-12-02 on 1000 province topics at load 7–11
# (2 cores): model 3.9–4.3 s; a copy of it (clone, cuts dropped, a
# neighbourhood fixed) 0.31–0.47 s (0.08–0.11 of it); CP-SAT on the full model
# given 1 ms, 0.49–0.80 s before it returned (0.13–0.19); on a 40-topic
# neighbourhood, 0.13–0.17 s (0.03–0.04). A step is started only when the clock
# left holds its share; CP-SAT's own limit counts its part, but cannot stop it sooner.
COPY_SHARE = 0.15
FULL_SOLVE_FLOOR_SHARE = 0.3
SUB_SOLVE_FLOOR_SHARE = 0.06
# The measured check is scaled by this much when the time kept for the answer's check is set.
CHECK_SAFETY = 2.0


@contextmanager
def no_full_heap_scans() -> Iterator[None]:
    """Keep the objects alive now out of the cyclic collector's full collections while the block runs.

    A full (generation 2) collection walks every object the process holds —
    the plan, the modules, a page's or a worker's whole state — and no step
    can stop it: on one core shared with three busy processes it took
    0.54–0.67 s of a 1 s limit, inside the greedy start, for a 1000-topic plan
    built before the solve (2026-12-02). Frozen (:func:`gc.freeze`), those
    objects are skipped; the solve's own garbage is still collected, and they
    go back to the collector when the block ends. The freeze is the process's:
    the CLI and a job worker run one solve at a time; should two run at once
    in one process, the first to end unfreezes both (the pauses may come back
    for the other; nothing else changes).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def keep_out_of_full_scans() -> None:
    """Add what the solve has built so far (its CP-SAT model) to the objects frozen by :func:`no_full_heap_scans`."""
    gc.freeze()


class StopReason(enum.StrEnum):
    """What ended the search; the answer's optional ``stopped_by`` field."""

    OPTIMAL = "optimal"  # the schedule is proven best: nothing could stop it earlier
    NO_IMPROVEMENT = "no_improvement"  # the neighbourhood search found nothing better, up to the whole plan
    WORK_LIMIT = "work_limit"  # the work budget: reproducible on any machine
    TIME_LIMIT = "time_limit"  # the wall clock: what was found depends on the machine's load
    INFEASIBLE = "infeasible"  # proven: no schedule keeps every hard rule


class OutOfTime(Exception):
    """The clock reached the deadline inside a step that cannot give a part of its result (building a model)."""


@dataclass
class Budget:
    """A wall-clock deadline and a work budget, both counted from ``started``.

    ``limit_s``: the planner's wall-clock seconds (> 0). ``work``: the work
    budget in wall-equivalent seconds (see the module docstring), by default
    the time to the deadline.
    """

    limit_s: float
    started: float = field(default_factory=time.perf_counter)
    # CPU seconds of the thread that made the budget, at ``started`` (see :meth:`slowdown`)
    cpu_started: float = field(default_factory=time.thread_time)
    work: float = -1.0
    reserve_s: float = 0.0  # wall seconds kept for the steps after the search, besides the share below
    spent: float = 0.0
    wall_hit: bool = False
    # set by a search running beside another that has proven its schedule optimal
    done: threading.Event = field(default_factory=threading.Event)
    # (step, seconds from the start when it began, wall seconds it took), one row per step
    # that ran: where the time went, for the log and for the tests that slow a step down
    phases: list[tuple[str, float, float]] = field(default_factory=list)
    # wall seconds this run took to build the CP-SAT model (0 until built): scales the floors above
    model_s: float = 0.0

    def __post_init__(self) -> None:
        reserve = max(WALL_RESERVE_MIN_S, WALL_RESERVE_SHARE * self.limit_s) + self.reserve_s
        self.deadline = self.started + max(0.0, self.limit_s - reserve)
        if self.work < 0:
            self.work = max(0.0, self.limit_s - reserve)

    def keep(self, seconds: float) -> None:
        """Keep ``seconds`` (measured or predicted on this run) before the limit for the steps after the search.

        Moves the deadline, never the work budget: on an idle machine the same
        plan still gets the same work, so the same schedule.
        """
        self.reserve_s = seconds
        reserve = max(WALL_RESERVE_MIN_S, WALL_RESERVE_SHARE * self.limit_s) + seconds
        self.deadline = self.started + max(0.0, self.limit_s - reserve)

    def slowdown(self) -> float:
        """How many wall seconds a CPU second of the calling thread has taken since ``started`` (≥ 1).

        Meaningful on the thread that made the budget while it works alone (the
        start, before any search thread): 1 on an idle machine, 4–5 on one core
        shared with three busy processes.
        """
        cpu = time.thread_time() - self.cpu_started
        return max(1.0, self.elapsed() / cpu) if cpu > 0.01 else 1.0

    def to_limit(self) -> float:
        """Seconds on the clock before the planner's limit itself (not the search's deadline; may be < 0)."""
        return self.started + self.limit_s - time.perf_counter()

    def fits(self, share: float) -> bool:
        """True when the clock left before the deadline holds ``share`` of this run's model-building time."""
        return self.wall_left() > share * self.model_s

    def took(self, name: str) -> float | None:
        """Wall seconds the steps called ``name`` took in all; None when none ran."""
        times = [took for step, _, took in self.phases if step == name]
        return sum(times) if times else None

    @classmethod
    def for_plan(cls, limit_s: float, n_topics: int, work_s: float | None = None) -> Budget:
        """The budget of one solve: ``limit_s`` wall seconds, with time kept for the final check.

        ``work_s``: the work budget (default: the time to the deadline).
        """
        reserve = CHECK_SECONDS_PER_TOPIC * n_topics
        return cls(limit_s, reserve_s=reserve, work=-1.0 if work_s is None else work_s)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def wall_left(self) -> float:
        """Seconds on the clock before the search must stop (≥ 0)."""
        return max(0.0, self.deadline - time.perf_counter())

    def work_left(self) -> float:
        return max(0.0, self.work - self.spent)

    def charge(self, units: float) -> None:
        self.spent += units

    def exhausted(self) -> bool:
        """True once either limit is reached; remembers whether the clock was the one."""
        if self.done.is_set():
            return True
        if self.wall_left() <= 0:
            self.wall_hit = True
            return True
        return self.work_left() <= 0

    def cap(self, work: float, rate: float) -> tuple[float, float]:
        """(CP-SAT deterministic time, wall seconds) for a search of at most ``work`` seconds of the budget.

        ``rate``: CP-SAT work units per wall-equivalent second for that kind of search.
        """
        return min(work, self.work_left()) * rate, self.wall_left()

    def charge_cpsat(self, deterministic_time: float, rate: float) -> None:
        self.spent += deterministic_time / rate

    def late(self) -> bool:
        """True once the deadline has passed (and remembers that the clock stopped the search)."""
        if time.perf_counter() >= self.deadline:
            self.wall_hit = True
            return True
        return False

    def stop_if_late(self) -> None:
        """Raise :class:`OutOfTime` once the deadline has passed: a long step calls it between its parts."""
        if self.late():
            raise OutOfTime

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time one step of the solve into ``phases`` (and the debug log), however it ends."""
        began = time.perf_counter()
        try:
            yield
        finally:
            took = time.perf_counter() - began
            self.phases.append((name, round(began - self.started, 3), round(took, 3)))
            log.debug("%s: %.3f s (from %.3f s)", name, took, began - self.started)

    def reason(self) -> StopReason:
        """Which limit stopped a search that was not stopped by a proof."""
        return StopReason.TIME_LIMIT if self.wall_hit or self.wall_left() <= 0 else StopReason.WORK_LIMIT
