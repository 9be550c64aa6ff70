"""Saved versions of a plan's schedule (方案版本): save the current one, list, compare, restore."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services import ServiceError, scenarios
from solver import texts as ST
from solver.plan import Plan

from . import state, views
from . import texts as U
from .markdown import md_text


@st.cache_data(show_spinner=False, max_entries=16)
def scenario_rows(plan_id: int, generation: str) -> list[dict]:
    """The plan's saved versions as plain dicts (cached; ``generation`` changes after every write)."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "author": s.author,
            "note": s.note,
            "created_at": s.saved_at,
            "status": s.status,
            "n": s.topic_count,
            "plan_version": s.plan_version,
        }
        for s in scenarios.list_scenarios(state.engine(), plan_id, actor=state.actor())
    ]


def _table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                U.COL["name"]: r["name"],
                U.COL["author"]: r["author"] or "—",
                U.COL["saved_at"]: r["created_at"],
                U.COL["status"]: ST.STATUS.get(r["status"], r["status"]),
                U.COL["topic_count"]: r["n"],
                U.COL["plan_version"]: r["plan_version"],
                U.COL["note"]: r["note"],
            }
            for r in rows
        ]
    )


def _compare_frame(plan: Plan, a: int, b: int) -> pd.DataFrame:
    comp = scenarios.compare_scenarios(state.engine(), a, b, actor=state.actor())
    committees = plan.committee_by_id()

    def lead(c: str | None) -> str:
        return "—" if c is None else (committees[c].name if c in committees else c)

    return pd.DataFrame(
        [
            {
                U.COL["title"]: ST.topic_label(m.topic, m.title, width=30),
                U.COL["month_before"]: ST.month(m.month_before),
                U.COL["month_after"]: ST.month(m.month_after),
                U.COL["lead_before"]: lead(m.lead_before),
                U.COL["lead_after"]: lead(m.lead_after),
            }
            for m in comp.moved
        ]
    )


def _save(plan_id: int) -> None:
    s = st.session_state
    try:
        scenarios.save_scenario(
            state.engine(),
            plan_id,
            state.schedule(),
            name=s.scn_name or "",
            actor=state.actor(),
            note=s.scn_note or "",
        )
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash(U.SCN_SAVED.format(name=md_text(s.scn_name.strip())))
        state.refresh()


def _restore(rows: list[dict]) -> None:
    sid = st.session_state.scn_restore_pick
    name = next((r["name"] for r in rows if r["id"] == sid), "")
    try:
        now = scenarios.restore_scenario(state.engine(), sid, actor=state.actor())
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        state.set_schedule(now)
        st.session_state.solve_result = None
        views.flash(U.SCN_RESTORED.format(name=md_text(name)))


def panel(plan: Plan) -> None:
    s = st.session_state
    rows = scenario_rows(s.plan_id, s.schedule_token)
    left, right = st.columns([1, 2], gap="large")
    with left, st.form("scn_form", clear_on_submit=True, border=True):
        st.markdown(f"**{U.SCN_SAVE}**")
        st.text_input(U.SCN_NAME, key="scn_name", placeholder=U.SCN_NAME_EXAMPLE)
        st.text_area(U.SCN_NOTE, key="scn_note", height=70)
        st.form_submit_button(
            U.SCN_SAVE,
            disabled=state.schedule() is None,
            on_click=_save,
            args=(s.plan_id,),
            icon=":material/bookmark_add:",
        )
    with right:
        if not rows:
            st.info(U.SCN_NONE)
            return
        st.dataframe(_table(rows), hide_index=True, width="stretch")
        ids = [r["id"] for r in rows]
        names = {r["id"]: f"{r['name']}({r['created_at']})" for r in rows}
        t1, t2 = st.tabs([U.SCN_COMPARE, U.SCN_RESTORE])
        with t1:
            c1, c2 = st.columns(2)
            a = c1.selectbox(U.SCN_LEFT, ids, format_func=names.get, key="scn_a")
            b = c2.selectbox(U.SCN_RIGHT, ids, index=len(ids) - 1, format_func=names.get, key="scn_b")
            if a is not None and b is not None and a != b:
                diff = _compare_frame(plan, a, b)
                st.caption(U.SCN_DIFF.format(n=len(diff)) if len(diff) else U.SCN_SAME)
                if len(diff):
                    st.dataframe(diff, hide_index=True, width="stretch")
        with t2:
            c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
            c1.selectbox(U.SCN_PICK, ids, format_func=names.get, key="scn_restore_pick")
            c2.button(U.SCN_RESTORE, key="scn_restore", on_click=_restore, args=(rows,), icon=":material/restore:")
