"""A seeded large-neighbourhood search around CP-SAT, for big plans that must stay reproducible.

CP-SAT improves large schedules through its own LNS workers, but only in its
parallel portfolio, whose answer depends on thread timing. Its deterministic
modes (one worker, or ``interleave_search``) hardly improve a 200-topic
schedule at all (bench/RESULTS.md). So for big plans we drive the
neighbourhoods ourselves: keep most topics where the incumbent has them,
free a related group (the topics of an overloaded department or leader, of
two months, or a random few), and let a single-worker CP-SAT re-optimise
that group. Every choice comes from a seeded RNG and every sub-solve has a
deterministic-time limit, so the same plan and options give the same answer.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .model import PlanModel
from .options import GOALS, SolveOptions

log = logging.getLogger(__name__)

Assignment = dict[str, tuple[int, str]]  # topic id -> (month, lead)

# Work CP-SAT does not count as deterministic time — copying the model, fixing
# and presolving a neighbourhood — is charged per round, so that the budget
# stays close to wall seconds (measured 0.04–0.06 s a round on 200–1000 topics,
# bench/RESULTS.md). A constant keeps the run deterministic.
ROUND_CHARGE = 0.05


@dataclass
class Incumbent:
    """The best schedule so far, with the per-goal counts CP-SAT reported for it."""

    assignment: Assignment
    objective: int
    counts: dict[str, int]

    @classmethod
    def read(cls, pm: PlanModel, solver: cp_model.CpSolver) -> Incumbent:
        counts = {g: int(solver.value(sum(pm.terms[g]))) if pm.terms[g] else 0 for g in GOALS}
        # The objective of the solution read, from its own values: the parallel
        # portfolio's ``objective_value`` was seen to lag the returned solution.
        objective = sum(pm.weights.of(g) * n for g, n in counts.items())
        if objective != round(solver.objective_value):
            log.debug("objective_value %s differs from the solution's objective %s", solver.objective_value, objective)
        return cls(read_solution(pm, solver), objective, counts)


def _solver(options: SolveOptions, dtime: float) -> cp_model.CpSolver:
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    s.parameters.random_seed = options.random_seed
    s.parameters.max_deterministic_time = dtime
    s.parameters.max_time_in_seconds = max(1.0, 4 * dtime)  # a wall-clock safety net only
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


def _fixed_copy(pm: PlanModel, incumbent: Assignment, free: set[str]) -> cp_model.CpModel:
    """The model with every topic outside ``free`` fixed where ``incumbent`` has it; ``free`` hinted.

    Works on the proto directly (domains and hint arrays): adding thousands of
    ``==`` constraints through the Python API costs more than the sub-solve.
    """
    sub = pm.model.clone()
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


def evaluate(pm: PlanModel, assignment: Assignment, options: SolveOptions) -> Incumbent | None:
    """The objective and counts of a complete assignment, or None if it breaks a hard rule."""
    if any(t.id not in assignment or assignment[t.id][0] not in pm.x[t.id] for t in pm.topics):
        return None
    solver = _solver(options, 1.0)
    if solver.solve(_fixed_copy(pm, assignment, set())) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Incumbent.read(pm, solver)
    return None


def repair(pm: PlanModel, assignment: Assignment, broken: set[str], options: SolveOptions) -> Incumbent | None:
    """A schedule close to ``assignment`` that keeps every hard rule, moving ``broken`` topics first.

    Frees the broken topics; if that is not enough, also the topics of their
    months, then ever more. Returns None when even a wide repair fails (the
    full model then searches from scratch).
    """
    rng = random.Random(options.random_seed)
    tids = [t.id for t in pm.topics]
    free = {tid for tid in broken if tid in pm.x}
    months = {assignment[tid][0] for tid in free if tid in assignment}
    for _ in range(4):
        solver = _solver(options, 0.5)
        code = solver.solve(_fixed_copy(pm, assignment, free))
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Incumbent.read(pm, solver)
        widened = {tid for tid, (m, _) in assignment.items() if m in months}
        if widened <= free:
            widened |= set(rng.sample(tids, min(len(tids), 2 * len(free) + 8)))
        free |= widened
    return None


def _neighbourhoods(pm: PlanModel, rng: random.Random, size: int) -> list[Callable[[Assignment], set[str]]]:
    plan = pm.plan
    tids = [t.id for t in pm.topics]
    by_dept = {d.id: [t.id for t in pm.topics if d.id in t.departments] for d in plan.departments}
    by_leader = {x.id: [t.id for t in pm.topics if x.id in t.leaders] for x in plan.leaders}
    groups = [g for g in list(by_dept.values()) + list(by_leader.values()) if len(g) > 1]

    def random_topics(_: Assignment) -> set[str]:
        return set(rng.sample(tids, min(size, len(tids))))

    def two_months(inc: Assignment) -> set[str]:
        a, b = rng.sample(pm.months, 2) if len(pm.months) > 1 else (pm.months[0], pm.months[0])
        chosen = [t for t, (m, _) in inc.items() if m in (a, b)]
        rng.shuffle(chosen)
        return set(chosen[:size])

    def entity_group(_: Assignment) -> set[str]:
        group = list(rng.choice(groups)) if groups else []
        rng.shuffle(group)
        chosen = set(group[: size // 2])
        chosen |= set(rng.sample(tids, min(size - len(chosen), len(tids))))
        return chosen

    return [entity_group, two_months, random_topics]


def improve_with_lns(pm: PlanModel, best: Incumbent, options: SolveOptions, budget: float) -> Incumbent:
    """Improve ``best`` within ``budget`` deterministic seconds of CP-SAT work."""
    rng = random.Random(options.random_seed)
    size = max(8, min(40, len(pm.topics) // 5))
    moves = _neighbourhoods(pm, rng, size)
    spent, rounds, stale = 0.0, 0, 0
    while spent < budget:
        incumbent = best.assignment
        free = moves[rounds % len(moves)](incumbent)
        rounds += 1
        sub = _fixed_copy(pm, incumbent, free)
        solver = _solver(options, min(0.5, budget - spent))
        code = solver.solve(sub)
        spent += solver.deterministic_time + ROUND_CHARGE
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) and round(solver.objective_value) < best.objective:
            # the clone keeps the original's variable indices, so pm's variables read its solution
            best = Incumbent.read(pm, solver)
            stale = 0
        else:
            stale += 1
            if stale > 3 * len(moves) and size >= len(pm.topics):
                break  # no neighbourhood size, up to the whole plan, improves it any more
            if stale > 3 * len(moves):
                size = min(len(pm.topics), int(size * 1.5))  # stuck: look wider
                moves = _neighbourhoods(pm, rng, size)
                stale = 0
    log.info("lns: %d rounds, objective %d", rounds, best.objective)
    return best
