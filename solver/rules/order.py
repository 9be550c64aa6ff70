"""Order: research before consultation, consultation before inspection (``after``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import texts as T
from .base import Blockers, HardRule, Requirement

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..greedy import Board
    from ..model import PlanModel
    from ..plan import Finding, Plan, Topic


def after_cycle(plan: Plan) -> list[str] | None:
    """A cycle of ``after`` references (ids, first repeated at the end), or None."""
    succ = {t.id: list(t.after) for t in plan.topics}
    state: dict[str, int] = {}
    for root in succ:
        if root in state:
            continue
        # iterative depth-first search: a province's long chains must not hit the recursion limit
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(succ[root]))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            if state.get(child) == 1:
                return path[path.index(child) :] + [child]
            if child not in state and child in succ:
                state[child] = 1
                stack.append((child, iter(succ[child])))
                path.append(child)
    return None


class After(HardRule):
    """A topic comes in a later month than every topic in its ``after`` list."""

    name = "after"
    text = T.AFTER
    family = "order"
    capacity_kind = "after_cycle"

    def add(self, pm: PlanModel) -> None:
        titles = {t.id: t.title for t in pm.topics}
        for t in pm.topics:
            for before in t.after:
                label = T.topic_label(before, titles.get(before))
                msg = T.fill(self.text.requirement, topic=T.topic_label(t.id, t.title), before=label)
                enforce = pm.guard(Requirement(self.name, msg, [before, t.id], entity={"before": before}))
                pm.model.add(pm.month_var(t.id) >= pm.month_var(before) + 1).only_enforce_if(enforce)

    def capacity(self, plan: Plan) -> Iterator[Requirement]:
        cycle = after_cycle(plan)
        if cycle:
            # topic X lists Y in ``after``: Y must come before X, so the chain reads backwards
            text = " → ".join(reversed(cycle))
            yield Requirement(self.capacity_name(), T.fill(self.text.capacity, cycle=text), sorted(set(cycle)))

    def allows(self, board: Board, topic: Topic, month: int, lead: str) -> bool:
        if any(board.month[b] >= month for b in topic.after if b in board.month):
            return False
        return not any(board.month[s] <= month for s in board.successors[topic.id] if s in board.month)

    def blockers(self, board: Board, topic: Topic, month: int, lead: str) -> list[Blockers] | None:
        early = [b for b in topic.after if b in board.month and board.month[b] >= month]
        late = [s for s in board.successors[topic.id] if s in board.month and board.month[s] <= month]
        return [(early + late, len(early) + len(late))] if early or late else []

    def check(self, view: ScheduleView) -> Iterator[Finding]:
        for t, m in view.placed:
            for before in t.after:
                if before in view.month and not view.month[before] < m:
                    yield view.finding(
                        self,
                        month=m,
                        topics=[before, t.id],
                        topic=view.label(t.id),
                        before=before,
                        _before=view.label(before),
                        _before_month=T.month(view.month[before]),
                    )
