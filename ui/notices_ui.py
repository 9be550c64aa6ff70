"""The 变更通知 page's parts: the notices table, the filters, the lists and calendars to send."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services import ServiceError, notices
from services.access import Actor, Permission
from services.notices import NoticeRecord, Recipient
from solver import texts as ST
from solver.plan import Plan

from . import state
from . import texts as U
from .downloads import file_button
from .markdown import md_text


def _frame(found: list[NoticeRecord]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                U.NT_COL["version"]: U.NT_VERSION_N.format(prev=n.previous_version_number, n=n.version_number),
                U.NT_COL["kind"]: notices.kind_label(n.line.recipient_kind),
                U.NT_COL["recipient"]: n.line.recipient_name,
                U.NT_COL["topic"]: ST.topic_label(n.line.topic_code, n.line.topic_title, width=36),
                U.NT_COL["change"]: notices.change_label(n.line.change),
                U.NT_COL["old_month"]: ST.month(n.line.old_month),
                U.NT_COL["new_month"]: ST.month(n.line.new_month),
                U.NT_COL["old_lead"]: n.line.old_lead or "—",
                U.NT_COL["new_lead"]: n.line.new_lead or "—",
                U.NT_COL["reason"]: n.reason,
            }
            for n in found
        ]
    )


def page(plan: Plan, plan_id: int, actor: Actor) -> None:
    """Liaisons: their department's notices and calendar. Planners: every notice, filters, the lists to send."""
    eng = state.engine()
    liaison = not actor.can(Permission.VIEW_ALL)
    try:
        everything = notices.list_notices(eng, plan_id, actor=actor)
    except ServiceError as err:
        st.error(md_text(err))
        return
    if liaison:
        st.caption(U.NT_INTRO_LIAISON.format(department=md_text(actor.department or "")))
    else:
        st.caption(U.NT_INTRO)
    if not everything:
        st.info(U.NT_NONE)
        return
    versions = {
        n.version_id: U.NT_VERSION_N.format(prev=n.previous_version_number, n=n.version_number) for n in everything
    }
    c1, c2 = st.columns(2)
    version_id = c1.selectbox(U.NT_VERSION, list(versions), format_func=versions.get, key="nt_version")
    in_version = [n for n in everything if n.version_id == version_id]
    people = notices.recipients(in_version)
    recipient: Recipient | None = None
    if not liaison:
        choice = c2.selectbox(
            U.NT_RECIPIENT,
            [None, *people],
            format_func=lambda r: U.NT_ALL if r is None else r.label,
            key="nt_recipient",
        )
        recipient = choice
    shown = [
        n
        for n in in_version
        if recipient is None or (n.line.recipient_kind == recipient.kind and n.line.recipient_name == recipient.name)
    ]
    if not shown:
        st.info(U.NT_NONE_FILTERED)
        return
    st.caption(U.NT_COUNT.format(n=len(shown), k=len(notices.recipients(shown))))
    st.dataframe(_frame(shown), hide_index=True, width="stretch", key="nt_table")

    stem = U.NT_FILE.format(body=plan.body, year=plan.year)
    cols = st.columns(3, vertical_alignment="bottom")
    if not liaison:
        file_button(
            cols[0],
            U.NT_DOCX,
            lambda: notices.notices_docx(eng, plan_id, actor=actor, version_id=version_id),
            kind="docx",
            file_name=f"{stem}.docx",
            key="nt_dl_docx",
        )
        file_button(
            cols[1],
            U.NT_XLSX,
            lambda: notices.notices_xlsx(eng, plan_id, actor=actor, version_id=version_id),
            kind="xlsx",
            file_name=f"{stem}.xlsx",
            key="nt_dl_xlsx",
        )
    who = people[0] if liaison and people else recipient
    if who is None and people:
        who = cols[2].selectbox(U.NT_ICS_FOR, people, format_func=lambda r: r.label, key="nt_ics_for")
    if who is not None:
        try:
            name, data = notices.recipient_calendar(eng, version_id, who, actor=actor)
        except ServiceError as err:
            st.error(md_text(err))
            return
        file_button(
            st,
            U.NT_ICS,
            data,
            kind="ics",
            file_name=name,
            key="nt_dl_ics",
            help=U.NT_ICS_HELP,
            stretch=False,
        )
