"""A seeded large-neighbourhood search around CP-SAT: repair a broken start, then improve it.

CP-SAT improves large schedules through its own LNS workers, but only in its
parallel portfolio, whose answer depends on thread timing. Its deterministic
modes (one worker, or ``interleave_search``) hardly improve a 200-topic
schedule at all (bench/RESULTS.md). So for big plans we drive the
neighbourhoods ourselves: keep most topics where the incumbent has them,
free a related group (the topics of one body, of an overloaded department
or leader, of two months, or a random few), and let a single-worker CP-SAT
re-optimise that group. A body is a group of topics sharing no one with the
rest (the province 政协 or one city 政协 of a province plan, see
:func:`find_bodies`): the search sweeps every body once first. Every choice
comes from a seeded RNG and every sub-solve has a deterministic-time limit,
so the same plan and options give the same answer as long as the work
budget, not the clock, ends the search (:mod:`solver.budget`).

With more than one worker, each round solves one neighbourhood per worker
from the same incumbent in parallel threads (CP-SAT releases the GIL while it
searches) and keeps the best in a fixed order: the answer does not depend on
which thread finishes first.

:func:`repair` makes a start that breaks hard rules (a greedy start that left
topics out, a previous schedule the plan's edits broke) keep them all: it frees
the broken topics and those they compete with for a limited resource, wider
and wider, before anything else runs.
"""

from __future__ import annotations

import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .budget import COPY_SHARE, SUB_SOLVE_FLOOR_SHARE, SUB_SOLVE_RATE, Budget
from .checker import CheckReport
from .cuts import without_cuts
from .model import PlanModel
from .options import GOALS, SolveOptions
from .rules.load import DepartmentOverload, LeaderOverload
from .rules.wishes import PreferredMonth

log = logging.getLogger(__name__)

Assignment = dict[str, tuple[int, str]]  # topic id -> (month, lead)

# Work CP-SAT does not count as deterministic time — copying the model, fixing
# and presolving a neighbourhood — is charged per round in seconds of the
# budget, so that the budget stays close to wall seconds and the run
# deterministic. Measured a round's copy + sub-solve at 0.02 s (200 topics),
# 0.04 s (1000) and 0.18 s (5000) on this machine class; the charge grows with
# the plan the same way.
ROUND_CHARGE = 0.01
ROUND_CHARGE_PER_TOPIC = 3e-5
# The most budget seconds one neighbourhood's sub-solve may use: a neighbourhood
# of up to a few hundred topics is solved or given up well within this. A short
# limit gives each round a smaller share, so that a round cannot eat the budget:
# at least ``MIN_ROUNDS`` rounds fit in it.
ROUND_WORK = 1.0
MIN_ROUNDS = 20
# Neighbourhood sizes: a fifth of the plan between these bounds to start with,
# then adapted to what a sub-solve can finish within its work: larger after a
# sub-solve that proved its neighbourhood optimal, smaller after one that ran
# out of work first (CP-SAT's own LNS adapts its neighbourhoods the same way).
# Measured on the 200-topic province plans (load 6–8): a 40-topic neighbourhood
# costs 60 ms of copying and presolve for 0.001 units of search and gains a few
# points; an 80-topic one is proven in 0.27 s and gained 24 points at once. The
# fixed start size stayed at 40 for the whole of a 1 s or 5 s run.
MIN_SIZE, MAX_START_SIZE = 8, 40
GROW, SHRINK = 1.3, 0.8
# Repair: how many times the freed set may widen before the full model takes
# over, and the work one repair sub-solve may use.
REPAIR_LEVELS = 4
REPAIR_WORK = 2.0
# Bodies (see :func:`find_bodies`): a body of up to this many topics, or of up to
# the adapted size when that is larger, is freed whole; a bigger one (the
# province's own 200 topics in a 1000-topic plan) a run of its months at a time.
# Measured on the 1000-topic province plans at an equal work budget of 4 s
# (one worker, from the polished greedy start): 2658 / 3764 / 4200 with 30,
# 2828 / 3806 / 4424 with 60, 3128 / 4138 / 4524 without the body neighbourhood.
BODY_WHOLE = 30


def round_charge(n_topics: int) -> float:
    return ROUND_CHARGE + ROUND_CHARGE_PER_TOPIC * n_topics


@dataclass
class Incumbent:
    """The best schedule so far, with the per-goal counts CP-SAT reported for it."""

    assignment: Assignment
    objective: int
    counts: dict[str, int]
    # the independent checker's report of this schedule, when it was made (the answer then
    # reuses it: a check of 1000 topics took 0.5–0.85 s on a loaded machine)
    report: CheckReport | None = None

    @classmethod
    def read(cls, pm: PlanModel, solver: cp_model.CpSolver) -> Incumbent:
        counts = {g: int(solver.value(sum(pm.terms[g]))) if pm.terms[g] else 0 for g in GOALS}
        # The objective of the solution read, from its own values: the parallel
        # portfolio's ``objective_value`` was seen to lag the returned solution.
        objective = sum(pm.weights.of(g) * n for g, n in counts.items())
        return cls(read_solution(pm, solver), objective, counts)


def sub_solver(
    options: SolveOptions, budget: Budget, work: float, *, wall_only: bool = False
) -> cp_model.CpSolver | None:
    """A one-worker CP-SAT for a neighbourhood: at most ``work`` units and the clock that is left.

    None when either limit is already reached. ``wall_only``: the work budget
    left does not cap it (a repair: until a schedule is known only the clock
    may stop the search), ``work`` still does.
    """
    dtime, wall = budget.cap(work, SUB_SOLVE_RATE) if not wall_only else (work * SUB_SOLVE_RATE, budget.wall_left())
    if dtime <= 0 or wall <= 0:
        budget.exhausted()
        return None
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    s.parameters.catch_sigint_signal = False  # Ctrl-C is the caller's (the CLI, the worker), not CP-SAT's
    s.parameters.random_seed = options.random_seed
    s.parameters.max_deterministic_time = dtime
    s.parameters.max_time_in_seconds = wall
    # A neighbourhood is small and mostly fixed: a light presolve is enough, and
    # presolve work is largely outside the deterministic-time count.
    s.parameters.max_presolve_iterations = 1
    s.parameters.cp_model_probing_level = 0
    s.parameters.symmetry_level = 0
    return s


def read_solution(pm: PlanModel, solver: cp_model.CpSolver) -> Assignment:
    out = {}
    for t in pm.topics:
        m = next(m for m, v in pm.x[t.id].items() if solver.boolean_value(v))
        c = next(c for c, v in pm.lead[t.id].items() if isinstance(v, int) or solver.boolean_value(v))
        out[t.id] = (m, c)
    return out


def fixed_copy(pm: PlanModel, incumbent: Assignment, free: set[str], *, cuts: bool = False) -> cp_model.CpModel:
    """The model with every topic outside ``free`` fixed where ``incumbent`` has it; ``free`` hinted.

    A topic missing from ``incumbent`` stays free and unhinted. Works on the
    proto directly (domains and hint arrays): adding thousands of ``==``
    constraints through the Python API costs more than the sub-solve.
    """
    sub = pm.model.clone() if cuts else without_cuts(pm)
    sub.clear_hints()
    variables = sub.proto.variables
    hint_vars, hint_vals = [], []
    for t in pm.topics:
        if t.id not in incumbent:
            continue
        m, c = incumbent[t.id]
        pairs = [(var.index, int(mm == m)) for mm, var in pm.x[t.id].items()]
        pairs += [(var.index, int(cc == c)) for cc, var in pm.lead[t.id].items() if not isinstance(var, int)]
        for index, value in pairs:
            if t.id in free:
                hint_vars.append(index)
                hint_vals.append(value)
            else:
                domain = variables[index].domain  # a Boolean's domain is [0, 1]
                domain[0] = value
                domain[1] = value
    sub.proto.solution_hint.vars.extend(hint_vars)
    sub.proto.solution_hint.values.extend(hint_vals)
    return sub


def _solve_charged(pm: PlanModel, sub: cp_model.CpModel, solver: cp_model.CpSolver, budget: Budget) -> int:
    code = solver.solve(sub)
    budget.charge_cpsat(solver.deterministic_time, SUB_SOLVE_RATE)
    budget.charge(round_charge(len(pm.topics)))
    budget.exhausted()  # notes whether the clock ran out during the sub-solve
    return code


def solve_freed(
    pm: PlanModel, assignment: Assignment, free: set[str], options: SolveOptions, budget: Budget
) -> Incumbent | None:
    """The best schedule with every topic outside ``free`` where ``assignment`` has it, if proven in budget.

    ``free`` is hinted from ``assignment``. None when the sub-solve did not
    prove its answer optimal (or found none) within ``ROUND_WORK``.
    """
    if not budget.fits(COPY_SHARE + SUB_SOLVE_FLOOR_SHARE):  # the copy and CP-SAT's floor would overrun
        budget.wall_hit = True
        return None
    sub = fixed_copy(pm, assignment, free)
    solver = sub_solver(options, budget, ROUND_WORK)
    if solver is None:
        return None
    code = _solve_charged(pm, sub, solver, budget)
    log.info("freed %d topics, the rest fixed: %s", len(free), solver.status_name(code))
    return Incumbent.read(pm, solver) if code == cp_model.OPTIMAL else None


class _Rivals:
    """Which topics compete with which for a hard-limited resource, and where.

    A topic's rivals are the topics of its form (when the form has a monthly
    limit or a gap), of its committees (when they have a monthly limit), and of
    its ``after`` chain. Only rivals sitting in a month the topic could take
    (within a form's gap of it) can be in its way.
    """

    def __init__(self, pm: PlanModel) -> None:
        plan = pm.plan
        self.pm = pm
        self.by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.keys: dict[str, list[tuple[str, str]]] = {}
        self.reach: dict[tuple[str, str], int] = {}  # months either side that still clash
        limited_forms = {f.id: f for f in plan.forms if f.max_per_month is not None or f.min_gap_months > 0}
        limited_comms = {c.id for c in plan.committees if c.max_per_month is not None}
        self.chain: dict[str, set[str]] = defaultdict(set)
        for t in pm.topics:
            keys = []
            if t.form in limited_forms:
                key = ("form", t.form)
                keys.append(key)
                self.reach[key] = max(0, limited_forms[t.form].min_gap_months - 1)
            keys += [("committee", c) for c in (*t.lead_options, *t.co_organizers) if c in limited_comms]
            self.keys[t.id] = keys
            for key in keys:
                self.by_key[key].append(t.id)
            for b in t.after:
                self.chain[t.id].add(b)
                self.chain[b].add(t.id)

    def of(self, tids: set[str], assignment: Assignment) -> set[str]:
        out: set[str] = set()
        for tid in tids:
            months = set(self.pm.x.get(tid, {}))
            for key in self.keys.get(tid, []):
                r = self.reach.get(key, 0)
                near = {m + d for m in months for d in range(-r, r + 1)}
                out.update(o for o in self.by_key[key] if o in assignment and assignment[o][0] in near)
            out |= self.chain.get(tid, set())
        return out - tids


def repair(
    pm: PlanModel, assignment: Assignment, broken: set[str], options: SolveOptions, budget: Budget
) -> Incumbent | None:
    """A schedule close to ``assignment`` that keeps every hard rule, moving the ``broken`` topics first.

    ``assignment`` may lack topics (a greedy start that could not place them):
    they count as broken. Frees the broken topics, then also the topics they
    compete with for a limited form, committee or order, then theirs, up to
    ``REPAIR_LEVELS`` times; topics in months at the monthly limit join from the
    second round on. Returns None when that is not enough or the budget ran
    out (the caller then searches the full model).
    """
    rivals = _Rivals(pm)
    broken = {tid for tid in broken if tid in pm.x} | {t.id for t in pm.topics if t.id not in assignment}
    free = set(broken)
    frontier = set(broken)
    cap = pm.plan.calendar.max_topics_per_month
    for level in range(REPAIR_LEVELS):
        new = rivals.of(frontier, assignment)
        if level >= 1 and cap is not None:
            load: dict[int, list[str]] = defaultdict(list)
            for tid, (m, _) in assignment.items():
                load[m].append(tid)
            wanted = {m for tid in free for m in pm.x[tid]}
            new |= {tid for m in wanted if len(load[m]) >= cap for tid in load[m]}
        frontier = new - free
        free |= frontier
        if not budget.fits(COPY_SHARE + SUB_SOLVE_FLOOR_SHARE):  # the copy and CP-SAT's floor would overrun
            budget.wall_hit = True
            return None
        sub = fixed_copy(pm, assignment, free)
        # the clock left is read after the copy
        solver = sub_solver(options, budget, REPAIR_WORK, wall_only=True)
        if solver is None:
            return None
        # any schedule keeping the hard rules will do here: the search improves it next
        solver.parameters.stop_after_first_solution = True
        sub.clear_objective()
        code = _solve_charged(pm, sub, solver, budget)
        log.info(
            "repair level %d: %d broken, %d free, %s (%.2f work units, %.2f s)",
            level,
            len(broken),
            len(free),
            solver.status_name(code),
            solver.deterministic_time,
            solver.wall_time,
        )
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Incumbent.read(pm, solver)
        if not frontier:
            break
    return None


class _Relations:
    """Who shares what: topics by department, leader, committee and form, built once per search."""

    def __init__(self, pm: PlanModel) -> None:
        self.tids = [t.id for t in pm.topics]
        self.by_entity: dict[str, list[str]] = defaultdict(list)
        self.entities: dict[str, list[str]] = {}
        for t in pm.topics:
            keys = [f"d:{d}" for d in t.departments] + [f"l:{x}" for x in t.leaders]
            keys += [f"c:{c}" for c in (*t.lead_options, *t.co_organizers)] + [f"f:{t.form}"]
            self.entities[t.id] = keys
            for k in keys:
                self.by_entity[k].append(t.id)
        self.limit = {f"d:{d.id}": d.max_per_month for d in pm.plan.departments}
        self.limit.update({f"l:{x.id}": x.max_per_month for x in pm.plan.leaders})
        self.groups = [g for k, g in self.by_entity.items() if k[0] in "dl" and len(g) > 1]
        self.bodies = find_bodies(pm)


def find_bodies(pm: PlanModel) -> list[list[str]]:
    """The plan's bodies: groups of topics that share nothing but the monthly cap and the spread.

    Topics sharing a department, a leader, a committee, a form with a monthly
    limit or a gap, or an ``after`` link belong together, transitively. A
    province plan splits into the province 政协 and each city 政协 this way
    (each has its own people, committees and series), whatever the topics'
    names say. Every body's topics in plan order, the bodies in the order of
    their first topic; one body when nothing splits the plan.
    """
    forms = pm.forms
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for t in pm.topics:
        keys = [f"d:{d}" for d in t.departments] + [f"l:{x}" for x in t.leaders]
        keys += [f"c:{c}" for c in (*t.lead_options, *t.co_organizers)] + [f"t:{b}" for b in t.after]
        form = forms.get(t.form)
        if form is not None and (form.max_per_month is not None or form.min_gap_months > 0):
            keys.append(f"f:{t.form}")
        for k in keys:
            parent[root(f"t:{t.id}")] = root(k)
    groups: dict[str, list[str]] = {}
    for t in pm.topics:
        groups.setdefault(root(f"t:{t.id}"), []).append(t.id)
    return list(groups.values())


def _body_costs(pm: PlanModel, rel: _Relations, bodies: list[list[str]], inc: Assignment) -> list[int]:
    """What each body's topics cost in ``inc``: their overloads and missed months, weighted.

    An estimate to visit the costliest bodies first (the spread and the moves,
    shared by the whole plan, are left out).
    """
    w = pm.weights
    load: dict[tuple[str, int], int] = defaultdict(int)
    for tid, (m, _) in inc.items():
        for k in rel.entities[tid]:
            if k in rel.limit:
                load[(k, m)] += 1
    weight = {"d": w.of(DepartmentOverload.name), "l": w.of(LeaderOverload.name)}
    over: dict[str, int] = defaultdict(int)  # entity -> weighted load above its limit, all months
    for (k, _), n in load.items():
        if n > rel.limit[k]:
            over[k] += weight[k[0]] * (n - rel.limit[k])
    missed = w.of(PreferredMonth.name)
    topic = {t.id: t for t in pm.topics}
    out = []
    for group in bodies:
        entities = {k for tid in group for k in rel.entities[tid] if k in over}
        cost = sum(over[k] for k in entities)
        wished = [topic[tid].preferred_months for tid in group if tid in inc]
        placed = [inc[tid][0] for tid in group if tid in inc]
        cost += missed * sum(1 for months, m in zip(wished, placed, strict=True) if months and m not in months)
        out.append(cost)
    return out


def _neighbourhoods(
    pm: PlanModel, rel: _Relations, rng: random.Random, sizing: list[int]
) -> list[tuple[Callable[[Assignment], set[str]], bool]]:
    """The neighbourhood kinds, each with whether its sub-solve keeps the cuts (:mod:`solver.cuts`).

    ``sizing[0]`` is the size they pick (the search adapts it). The first kind
    is the body's when the plan has more than one body (:func:`find_bodies`).
    """
    tids = rel.tids

    def random_topics(_: Assignment) -> set[str]:
        size = sizing[0]
        return set(rng.sample(tids, min(size, len(tids))))

    def two_months(inc: Assignment) -> set[str]:
        size = sizing[0]
        a, b = rng.sample(pm.months, 2) if len(pm.months) > 1 else (pm.months[0], pm.months[0])
        chosen = [t for t, (m, _) in inc.items() if m in (a, b)]
        rng.shuffle(chosen)
        return set(chosen[:size])

    def entity_group(_: Assignment) -> set[str]:
        size = sizing[0]
        group = list(rng.choice(rel.groups)) if rel.groups else []
        rng.shuffle(group)
        chosen = set(group[: size // 2])
        chosen |= set(rng.sample(tids, min(size - len(chosen), len(tids))))
        return chosen

    def connected(inc: Assignment, seed_tids: list[str] | None = None) -> set[str]:
        # topics linked through a shared department, leader, committee or form, breadth first:
        # what one of them can do depends on where the others are
        size = sizing[0]
        queue = list(seed_tids or [rng.choice(tids)])
        chosen: set[str] = set()
        while queue and len(chosen) < size:
            tid = queue.pop(0)
            if tid in chosen:
                continue
            chosen.add(tid)
            for k in rng.sample(rel.entities[tid], len(rel.entities[tid])):
                others = rel.by_entity[k]
                queue.extend(rng.sample(others, min(len(others), 4)))
        return chosen

    def overloaded(inc: Assignment) -> set[str]:
        # an overloaded department or leader in a month: its topics, and those linked to them
        load: dict[tuple[str, int], int] = defaultdict(int)
        for tid, (m, _) in inc.items():
            for k in rel.entities[tid]:
                if k in rel.limit:
                    load[(k, m)] += 1
        over = sorted((k, m) for (k, m), n in load.items() if n > rel.limit[k])
        if not over:
            return connected(inc)
        k, m = rng.choice(over)
        size = sizing[0]
        mine = [tid for tid in rel.by_entity[k]]
        rng.shuffle(mine)
        return connected(inc, mine[: max(1, size // 2)])

    bodies = rel.bodies if len(rel.bodies) > 1 else []
    order: list[int] = []  # bodies still to visit in this sweep

    def body(inc: Assignment) -> set[str]:
        # one body whole, or the topics of a big one in a run of months: its topics
        # share their people among themselves only, so a body is where moves pay
        size = max(sizing[0], BODY_WHOLE)
        if not order:
            shuffled = rng.sample(range(len(bodies)), len(bodies))
            cost = _body_costs(pm, rel, bodies, inc)
            shuffled.sort(key=lambda i: cost[i])  # popped from the end: the costliest first
            order.extend(shuffled)
        group = bodies[order.pop()]
        if len(group) <= size:
            return set(group)
        months = sorted({inc[tid][0] for tid in group if tid in inc})
        first = rng.randrange(len(months))
        chosen: set[str] = set()
        for m in months[first:] + months[:first]:
            if len(chosen) >= size:
                break
            chosen.update(tid for tid in group if tid in inc and inc[tid][0] == m)
        return chosen

    kinds = [(k, False) for k in (overloaded, connected, two_months, entity_group, random_topics)]
    # a body's sub-solve keeps the cuts: its overloads are then counted in the LP and a
    # body of 20–45 topics is proven or improved more often (measured: a sweep of the
    # 28 bodies of the 1000-topic seed 0 plan reached 2654 with them, 2796 without)
    return [(body, True), *kinds] if bodies else kinds


def improve_with_lns(
    pm: PlanModel, best: Incumbent, options: SolveOptions, budget: Budget, *, workers: int = 1
) -> tuple[Incumbent, bool]:
    """Improve ``best`` until the budget is spent or no neighbourhood helps.

    Returns the best schedule and whether the search stopped because nothing,
    up to the whole plan, improved it any more (a sub-solve that freed every
    topic proved the incumbent optimal). ``workers`` neighbourhoods are solved
    at once per round (see the module docstring); a round is charged the work
    of its longest sub-solve, as that is the wall time it takes. The size of the
    neighbourhoods adapts to whether their sub-solves finish (see ``GROW``):
    each sub-solve's status, not its wall time, decides, so the run stays
    reproducible while the work budget ends it.
    """
    rng = random.Random(options.random_seed)
    n = len(pm.topics)
    sizing = [max(MIN_SIZE, min(MAX_START_SIZE, n // 5, n))]
    size_f = float(sizing[0])  # the size before rounding, so that small steps add up
    round_work = min(ROUND_WORK, budget.work / MIN_ROUNDS)
    rel = _Relations(pm)
    moves = _neighbourhoods(pm, rel, rng, sizing)
    # A plan of several bodies starts with one sweep over them, the costliest first:
    # moves inside one body are where its people's overloads go away (measured above
    # ``BODY_WHOLE``: the sweep first gave 2756 where the body among the others gave 3036).
    sweep = len(rel.bodies) if len(rel.bodies) > 1 else 0
    rounds, converged = 0, False
    # A round's copy of the model and its sub-solve's floor cannot stop on the clock
    # (0.3–0.45 s and 0.13–0.17 s at 1000 topics on a loaded machine): a round starts only
    # when the clock left holds the last copy measured and that floor. Reading the
    # clock decides nothing while the work budget, not the clock, ends the search.
    copy_s = COPY_SHARE * budget.model_s
    floor_s = SUB_SOLVE_FLOOR_SHARE * budget.model_s
    pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        while not budget.exhausted():
            incumbent = best.assignment
            batch = []
            for _ in range(workers):
                if budget.wall_left() < copy_s + floor_s:
                    budget.wall_hit = True
                    break
                move, cuts = moves[0] if rounds < sweep else moves[(rounds - sweep) % len(moves)]
                free = move(incumbent)
                rounds += 1
                began = time.perf_counter()
                sub = fixed_copy(pm, incumbent, free, cuts=cuts)
                copy_s = time.perf_counter() - began
                # the clock left is read after the copy, which takes 0.1–0.25 s on a loaded machine at 1000+ topics
                solver = sub_solver(options, budget, round_work)
                if solver is None:
                    break
                batch.append((sub, solver, len(free)))
            if not batch:
                break
            if pool is None:
                codes = [s.solve(sub) for sub, s, _ in batch]
            else:
                codes = list(pool.map(lambda job: job[1].solve(job[0]), batch))
            log.debug(
                "lns round %d: size %d, %s",
                rounds,
                sizing[0],
                [(s.status_name(c), round(s.wall_time, 2)) for c, (_, s, _) in zip(codes, batch, strict=True)],
            )
            budget.charge_cpsat(max(s.deterministic_time for _, s, _ in batch), SUB_SOLVE_RATE)
            budget.charge(round_charge(n))
            improved = False
            for code, (_, s, _) in zip(codes, batch, strict=True):
                if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) and round(s.objective_value) < best.objective:
                    # the clone keeps the original's variable indices, so pm's variables read its solution
                    candidate = Incumbent.read(pm, s)
                    if candidate.objective < best.objective:
                        best, improved = candidate, True
            for code, (_, _, freed) in zip(codes, batch, strict=True):
                if code == cp_model.OPTIMAL:
                    if freed >= n and not improved:
                        converged = True  # the whole plan freed and solved: the incumbent is the best there is
                    size_f = min(float(n), size_f * GROW)
                else:
                    size_f = max(float(MIN_SIZE), size_f * SHRINK)
            sizing[0] = min(n, max(MIN_SIZE, round(size_f)))
            if converged:
                break
    finally:
        if pool is not None:
            pool.shutdown()
    log.info("lns: %d neighbourhoods, objective %d, size %d at the end", rounds, best.objective, sizing[0])
    return best, converged
