"""Wishes: the months proposers asked for, and a re-plan that keeps what was announced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import texts as T
from .base import SoftGoal

if TYPE_CHECKING:
    from ..checker import ScheduleView
    from ..greedy import Board
    from ..model import PlanModel
    from ..plan import Finding, Topic


class PreferredMonth(SoftGoal):
    """A topic is held in one of the months its proposers asked for."""

    name = "preferred_month_missed"
    text = T.PREFERRED_MONTH_MISSED
    family = "wishes"
    default_weight = 4

    def terms(self, pm: PlanModel) -> list[Any]:
        terms = []
        for t in pm.topics:
            if not t.preferred_months:
                continue
            hit = [pm.x[t.id][m] for m in set(t.preferred_months) if m in pm.x[t.id]]
            terms.append(1 - sum(hit))
        return terms

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        return int(bool(topic.preferred_months) and month not in topic.preferred_months)

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        for t, m in view.placed:
            if t.preferred_months and m not in t.preferred_months:
                f = view.finding(
                    self,
                    month=m,
                    topics=[t.id],
                    topic=view.label(t.id),
                    preferred_months=sorted(t.preferred_months),
                    _preferred=T.months(t.preferred_months),
                )
                yield 1, f


class Moved(SoftGoal):
    """In a re-plan, a topic keeps the month and lead committee it had before."""

    name = "moved"
    text = T.MOVED
    family = "wishes"
    default_weight = 30

    def terms(self, pm: PlanModel) -> list[Any]:
        if pm.baseline is None:
            return []
        months, leads = pm.baseline.month_of(), pm.baseline.lead_of()
        terms: list[Any] = []
        for t in pm.topics:
            if t.id not in months:
                continue  # a new topic has nowhere to be moved from
            stay = pm.x[t.id].get(months[t.id])
            same_lead = pm.lead[t.id].get(leads[t.id])
            if stay is None or same_lead is None:
                terms.append(1)  # its old place is no longer allowed
                continue
            is_moved = pm.model.new_bool_var(f"moved[{t.id}]")
            pm.model.add_max_equality(is_moved, [1 - stay, 1 - same_lead])
            terms.append(is_moved)
        return terms

    def units(self, board: Board, topic: Topic, month: int, lead: str) -> int:
        if board.baseline is None or topic.id not in board.baseline:
            return 0
        return int(board.baseline[topic.id] != (month, lead))

    def check(self, view: ScheduleView) -> Iterator[tuple[int, Finding]]:
        if view.baseline is None:
            return
        old_m, old_l = view.baseline.month_of(), view.baseline.lead_of()
        for t, m in view.placed:
            if t.id in old_m and (old_m[t.id] != m or old_l[t.id] != view.lead.get(t.id)):
                before = f"{T.month(old_m[t.id])}/{view.committee_name(old_l[t.id])}"
                after = f"{T.month(m)}/{view.committee_name(view.lead.get(t.id))}"
                f = view.finding(
                    self,
                    month=m,
                    topics=[t.id],
                    topic=view.label(t.id),
                    from_month=old_m[t.id],
                    _before=before,
                    _after=after,
                )
                yield 1, f
