"""Why a plan has no schedule: a counting pre-check, then a small conflict set.

1. :func:`precheck` counts before any search — more standing-committee
   meetings than the months can space out, more topics than the monthly limits
   hold, an ``after`` cycle — and says so in the planner's words.
2. :func:`explain_infeasible` builds the model in *explain* mode (every
   requirement guarded by an assumption literal, no objective), asks CP-SAT
   for a sufficient set of assumptions, then shrinks that set by deletion
   until removing any one requirement makes the plan solvable again.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict

from ortools.sat.python import cp_model

from . import texts as T
from .model import PlanModel, Requirement
from .options import SolveOptions
from .plan import Plan

log = logging.getLogger(__name__)


# -- 1. counting ---------------------------------------------------------------------


def _spaced_capacity(months: list[int], gap: int) -> int:
    """Most topics the sorted ``months`` hold when any two are ``gap`` months apart."""
    count, last = 0, None
    for m in months:  # greedy earliest-first is optimal for points on a line
        if last is None or m - last >= gap:
            count, last = count + 1, m
    return count


def _reach(plan: Plan, topics) -> list[int]:
    """Usable months that some topic of ``topics`` could take by its window or session.

    Fixed months are left out on purpose: a conflict caused by the planner's
    pins is better named pin by pin by :func:`explain_infeasible`.
    """
    usable = set(plan.usable_months())
    forms = plan.form_by_id()
    out: set[int] = set()
    for t in topics:
        if forms[t.form].session_only:
            cand = {plan.calendar.session_month}
        else:
            lo, hi = plan.window_of(t)
            cand = set(range(lo, hi + 1))
        out |= cand & usable
    return sorted(out)


def _after_cycle(plan: Plan) -> list[str] | None:
    succ = {t.id: list(t.after) for t in plan.topics}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(u: str) -> list[str] | None:
        state[u] = 1
        stack.append(u)
        for v in succ.get(u, []):
            if state.get(v) == 1:
                return stack[stack.index(v) :] + [v]
            if v not in state:
                found = visit(v)
                if found:
                    return found
        state[u] = 2
        stack.pop()
        return None

    for tid in succ:
        if tid not in state:
            found = visit(tid)
            if found:
                return found
    return None


def precheck(plan: Plan) -> list[Requirement]:
    """Impossibilities that counting alone proves; empty when counting finds none."""
    found: list[Requirement] = []
    by_form = defaultdict(list)
    for t in plan.topics:
        by_form[t.form].append(t)

    for form in plan.forms:
        topics = by_form.get(form.id, [])
        months = _reach(plan, topics)
        tids = [t.id for t in topics]
        if form.min_gap_months >= 1 and len(topics) > 1:
            cap = _spaced_capacity(months, form.min_gap_months)
            if len(topics) > cap:
                msg = T.say(
                    "cap_form_gap",
                    n=len(topics),
                    form=form.name,
                    gap=form.min_gap_months,
                    months=T.months(months),
                    cap=cap,
                )
                found.append(Requirement("capacity_form_gap", msg, tids, entity={"form": form.id}))
                continue
        if form.max_per_month is not None and len(topics) > form.max_per_month * len(months):
            cap = form.max_per_month * len(months)
            msg = T.say(
                "cap_form_limit",
                n=len(topics),
                form=form.name,
                limit=form.max_per_month,
                months=T.months(months),
                cap=cap,
            )
            found.append(Requirement("capacity_form_limit", msg, tids, entity={"form": form.id}))

    limit = plan.calendar.max_topics_per_month
    if limit is not None:
        months = _reach(plan, plan.topics)
        if len(plan.topics) > limit * len(months):
            msg = T.say(
                "cap_month_limit", n=len(plan.topics), limit=limit, months=T.months(months), cap=limit * len(months)
            )
            found.append(Requirement("capacity_month_limit", msg, [t.id for t in plan.topics]))

    for c in plan.committees:
        if c.max_per_month is None:
            continue
        forced = [t for t in plan.topics if t.lead_options == [c.id] or c.id in t.co_organizers]
        months = _reach(plan, forced)
        if len(forced) > c.max_per_month * len(months):
            msg = T.say(
                "cap_committee_limit",
                committee=c.name,
                n=len(forced),
                limit=c.max_per_month,
                months=T.months(months),
                cap=c.max_per_month * len(months),
            )
            found.append(
                Requirement("capacity_committee_limit", msg, [t.id for t in forced], entity={"committee": c.id})
            )

    cycle = _after_cycle(plan)
    if cycle:
        # topic X lists Y in ``after``: Y must come before X, so the chain reads backwards
        text = " → ".join(reversed(cycle))
        found.append(Requirement("after_cycle", T.say("cap_after_cycle", cycle=text), sorted(set(cycle))))
    return found


# -- 2. conflict set -------------------------------------------------------------------


class _Oracle:
    """Answers "is this subset of requirements infeasible?" on the explain model."""

    def __init__(self, pm: PlanModel, options: SolveOptions, deadline: float) -> None:
        self.pm = pm
        self.deadline = deadline
        self.options = options
        self.calls = 0

    def infeasible(self, lits: list[cp_model.IntVar]) -> tuple[bool | None, list[int]]:
        """(True, core indices) if infeasible, (False, []) if feasible, (None, []) if time ran out."""
        remaining = self.deadline - time.perf_counter()
        if remaining <= 0:
            return None, []
        model = self.pm.model
        model.clear_assumptions()
        model.add_assumptions(lits)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = min(remaining, 10.0)
        # Cores come from the single-threaded search; keep it that way and seeded.
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = self.options.random_seed
        self.calls += 1
        code = solver.solve(model)
        if code == cp_model.INFEASIBLE:
            return True, list(solver.sufficient_assumptions_for_infeasibility())
        if code in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return False, []
        return None, []


def explain_infeasible(plan: Plan, options: SolveOptions | None = None) -> list[Requirement]:
    """A small set of the planner's requirements that cannot all hold.

    Deletion filter: a requirement is dropped when the rest stays infeasible;
    after a drop the (possibly smaller) core CP-SAT reports replaces the set.
    Requirements proven necessary stay necessary in every subset, so the
    result is minimal — unless the time budget ran out, which is logged.
    """
    options = options or SolveOptions()
    deadline = time.perf_counter() + options.explain_time_limit_s
    pm = PlanModel(plan, explain=True)
    by_index = {lit.index: (lit, req) for lit, req in pm.requirements}
    oracle = _Oracle(pm, options, deadline)

    verdict, core = oracle.infeasible([lit for lit, _ in pm.requirements])
    if verdict is not True:
        log.warning("explain: the full requirement set was not shown infeasible (verdict %s)", verdict)
        return []
    current = [i for i in core if i in by_index]
    necessary: set[int] = set()
    complete = True
    while True:
        candidates = [i for i in current if i not in necessary]
        if not candidates:
            break
        i = candidates[0]
        trial = [j for j in current if j != i]
        verdict, core = oracle.infeasible([by_index[j][0] for j in trial])
        if verdict is True:
            smaller = [j for j in trial if j in set(core)]
            current = smaller if smaller else trial
        else:
            if verdict is None:
                complete = False
            necessary.add(i)
    if not complete:
        log.warning("explain: time budget ran out; the conflict set may not be minimal")
    log.info("explain: %d requirements in conflict after %d solver calls", len(current), oracle.calls)
    return [by_index[i][1] for i in current]
