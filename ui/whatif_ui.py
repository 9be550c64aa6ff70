"""The 推演 page's callbacks and labels: each edit goes through :mod:`solver.whatif` and is logged.

Callbacks read the widget values from ``st.session_state`` (keys ``wi_*``),
make the edited copy with :func:`solver.whatif.pin` / ``mark_leader_away`` /
``set_limit`` and record a Chinese line for the 「已做的调整」 list.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from solver import texts as ST
from solver import whatif
from solver.plan import Plan, Schedule

from . import state
from . import texts as U

LIMIT_KINDS = list(U.WI_LIMIT_KINDS)


def topic_label(plan: Plan) -> Callable[[str], str]:
    """A topic as its selectbox shows it. Only id and title: a selectbox keeps its choice by the label,
    so a label that changed with the schedule (its month) would drop the choice after every re-plan."""
    topics = plan.topic_by_id()
    return lambda tid: ST.topic_label(tid, topics[tid].title, width=26)


def topic_now(plan: Plan, schedule: Schedule | None, tid: str) -> str:
    """Where the topic is now, and whether it is pinned (the line under the topic selectbox)."""
    t = plan.topic_by_id()[tid]
    month = schedule.month_of().get(tid) if schedule is not None else None
    text = U.WI_TOPIC_NOW.format(month=ST.month(month))
    if t.fixed_month is not None:
        text += U.WI_TOPIC_PINNED.format(month=ST.month(t.fixed_month))
    return text


def first_free_topic(plan: Plan) -> int:
    """Index of the first topic not bound to the session month (the plenary is rarely the one to move)."""
    forms = plan.form_by_id()
    return next((i for i, t in enumerate(plan.topics) if not (t.form in forms and forms[t.form].session_only)), 0)


def entity_options(plan: Plan, kind: str) -> dict[str, str]:
    """id → name of the entities whose limit can be changed for a kind ({} for the month limit)."""
    items = {
        "form": plan.forms,
        "committee": plan.committees,
        "department": plan.departments,
        "leader": plan.leaders,
    }.get(kind, [])
    return {x.id: x.name for x in items}


def current_limit(plan: Plan, kind: str, entity: str | None) -> int | None:
    if kind == "month":
        return plan.calendar.max_topics_per_month
    items = {
        "form": plan.form_by_id,
        "committee": plan.committee_by_id,
        "department": plan.department_by_id,
        "leader": plan.leader_by_id,
    }[kind]()
    return items[entity].max_per_month if entity in items else None


def limit_required(kind: str) -> bool:
    """Departments and leaders always have a comfortable load (the format's default is 1)."""
    return kind in ("department", "leader")


# -- callbacks ------------------------------------------------------------------------------------


def _topic_name(plan: Plan, tid: str) -> str:
    t = plan.topic_by_id()[tid]
    return ST.topic_label(tid, t.title)


def on_pin() -> None:
    s = st.session_state
    plan = state.whatif_plan()
    tid, month = s.wi_pin_topic, s.wi_pin_month
    state.whatif_edit(
        whatif.pin(plan, tid, month), U.LOG_PIN.format(topic=_topic_name(plan, tid), month=ST.month(month))
    )


def on_unpin() -> None:
    s = st.session_state
    plan = state.whatif_plan()
    tid = s.wi_pin_topic
    state.whatif_edit(whatif.pin(plan, tid, None), U.LOG_UNPIN.format(topic=_topic_name(plan, tid)))


def on_away(away: bool) -> None:
    s = st.session_state
    plan = state.whatif_plan()
    lid, month = s.wi_leader, s.wi_leader_month
    name = plan.leader_by_id()[lid].name
    line = (U.LOG_AWAY if away else U.LOG_BACK).format(leader=name, month=ST.month(month))
    state.whatif_edit(whatif.mark_leader_away(plan, lid, month, away=away), line)


def on_limit(key: str) -> None:
    s = st.session_state
    plan = state.whatif_plan()
    kind, entity, value = s.wi_limit_kind, s.get("wi_limit_entity"), s.get(key)
    value = None if value is None else int(value)
    shown = U.WI_LIMIT_NONE if value is None else str(value)
    if kind == "month":
        line = U.LOG_MONTH_LIMIT.format(value=shown)
        entity = None
    else:
        line = U.LOG_LIMIT.format(kind=U.WI_LIMIT_KINDS[kind], name=entity_options(plan, kind)[entity], value=shown)
    state.whatif_edit(whatif.set_limit(plan, kind, entity, value), line)


def on_move_here() -> None:
    """Pin the suggestions' topic to the chosen month, then ask the page to re-plan."""
    s = st.session_state
    plan = state.whatif_plan()
    tid, month = s.wi_sugg_topic, s.wi_sugg_month
    state.whatif_edit(
        whatif.pin(plan, tid, month), U.LOG_PIN.format(topic=_topic_name(plan, tid), month=ST.month(month))
    )
    s.wi_replan_now = True


def on_reset() -> None:
    state.reset_whatif()


def on_discard_result() -> None:
    s = st.session_state
    s.wi_after, s.wi_after_token = None, ""
