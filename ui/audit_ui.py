"""The 操作记录 page's parts: the search filters, the table, the Excel export (:mod:`services.audit`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta, timezone

import pandas as pd
import streamlit as st

from services import ServiceError, audit
from services import texts as ST
from services.access import Actor
from services.audit import AuditQuery, AuditRecord

from . import state
from . import texts as U
from .markdown import md_text

SHOWN = 500  # rows on screen; the export has them all
BEIJING = timezone(timedelta(hours=8))  # the office's day boundaries, as the times are shown
COLUMNS = {
    U.AUD_COL["summary"]: st.column_config.TextColumn(U.AUD_COL["summary"], width="large"),
    U.AUD_COL["before"]: st.column_config.TextColumn(U.AUD_COL["before"], width="medium"),
    U.AUD_COL["after"]: st.column_config.TextColumn(U.AUD_COL["after"], width="medium"),
}


def _day_start(d) -> datetime:
    return datetime.combine(d, time(0), tzinfo=BEIJING).astimezone(UTC)


def filters() -> AuditQuery:
    c1, c2, c3 = st.columns(3)
    who = c1.text_input(U.AUD_WHO, key="aud_who")
    actions = c2.multiselect(
        U.AUD_ACTION,
        list(ST.AUDIT_ACTIONS),
        format_func=ST.AUDIT_ACTIONS.get,
        placeholder=U.AUD_ALL_ACTIONS,  # Streamlit's own is "Choose options"
        key="aud_action",
    )
    plans = dict(state.plan_choices())
    plan_id = c3.selectbox(
        U.AUD_PLAN, [None, *plans], format_func=lambda p: U.AUD_ALL if p is None else plans[p], key="aud_plan"
    )
    d1, d2 = st.columns([1, 2])
    days = d1.date_input(U.AUD_DATES, value=(), key="aud_dates")
    text = d2.text_input(U.AUD_TEXT, key="aud_text")
    since = until = None
    if isinstance(days, tuple | list) and len(days) >= 1:
        since = _day_start(days[0])
        until = _day_start(days[-1]) + timedelta(days=1)
    return AuditQuery(
        who=who.strip() or None,
        actions=tuple(actions),
        plan_id=plan_id,
        since=since,
        until=until,
        text=text.strip() or None,
        limit=SHOWN,
    )


def search(query: AuditQuery, me: Actor) -> list[AuditRecord]:
    try:
        return audit.search(state.engine(), query, actor=me)
    except ServiceError as err:
        st.error(md_text(err))
        st.stop()
        raise


def _json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def frame(rows: list[AuditRecord], plan_names: dict[int, str] | None = None) -> pd.DataFrame:
    """The rows as the page shows them; ``plan_names``: plan id → name (the 计划 column names the plan)."""
    from services.jobs import when

    names = plan_names or {}

    return pd.DataFrame(
        [
            {
                U.AUD_COL["at"]: when(r.at),
                U.AUD_COL["who"]: r.actor_name,
                U.AUD_COL["role"]: ST.ROLE_NAMES.get(r.actor_role, r.actor_role),
                U.AUD_COL["action"]: audit.action_label(r.action),
                # an account's rows: no plan; a deleted plan: its number
                U.AUD_COL["plan"]: "" if r.plan_id is None else names.get(r.plan_id, str(r.plan_id)),
                U.AUD_COL["summary"]: r.summary,
                U.AUD_COL["before"]: _json(r.before),
                U.AUD_COL["after"]: _json(r.after),
            }
            for r in rows
        ],
        columns=list(U.AUD_COL.values()),
    )


def export(query: AuditQuery, me: Actor) -> bytes:
    return audit.export_xlsx(state.engine(), query, actor=me)
