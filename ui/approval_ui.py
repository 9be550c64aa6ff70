"""The 审批与版本 page's parts: the step bar, the moves the signed-in role may make, the history, the versions."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import streamlit as st

from services import ServiceError, approval
from services.access import Actor, Permission
from services.approval import ApprovalSummary, Move, State, VersionRecord
from solver import texts as ST
from solver.plan import Plan

from . import state, views
from . import texts as U
from .downloads import file_button
from .markdown import md_text

T_STEPS = approval.STEP_LABELS

_STEP_CSS = """
<style>
.xs-steps{display:flex;gap:0;margin:.25rem 0 1rem 0;font-size:.95rem}
.xs-step{flex:1;text-align:center;padding:.55rem .25rem;border:1px solid #c9d3e0;background:#f4f6f9;color:#5b6573;
  position:relative}
.xs-step+.xs-step{border-left:none}
.xs-step.done{background:#e3f1e6;color:#1e6b34;border-color:#9cc9a8}
.xs-step.now{background:#b3261e;color:#fff;border-color:#b3261e;font-weight:700}
.xs-step small{display:block;font-weight:400;font-size:.75rem;opacity:.9}
</style>
"""


def step_bar(summary: ApprovalSummary) -> None:
    """Five steps 草案 … 印发执行: done ones green, the current one red; a 年中调整 is noted under 印发执行."""
    cells = []
    for i, label in enumerate(T_STEPS):
        cls = "done" if i < summary.step else ("now" if i == summary.step else "")
        sub = ""
        if i == summary.step and summary.state.label != label:
            sub = f"<small>{html.escape(summary.state_label)}</small>"
        cells.append(f'<div class="xs-step {cls}" data-step="{i}">{html.escape(label)}{sub}</div>')
    st.html(_STEP_CSS + '<div class="xs-steps">' + "".join(cells) + "</div>")


def headline(summary: ApprovalSummary, actor: Actor | None) -> None:
    c1, c2, c3 = st.columns(3)
    c1.metric(U.AP_STATE, summary.state_label)
    c2.metric(U.AP_VERSION, U.AP_VERSION_N.format(n=summary.version_number) if summary.version_number else U.AP_NONE)
    c3.metric(
        U.AP_ISSUED,
        U.AP_VERSION_N.format(n=summary.issued_version_number) if summary.issued_version_number else U.AP_NONE,
    )
    if summary.updated_by:
        st.caption(U.AP_LAST_MOVE.format(who=md_text(summary.updated_by), at=approval.when(summary.updated_at)))
    if summary.reason and summary.state in (State.ADJUSTING, State.ADJUSTMENT_REVIEW, State.ISSUED):
        st.caption(U.AP_REASON.format(reason=md_text(summary.reason)))
    if summary.state is State.ISSUED:
        may_adjust = actor is not None and actor.can(Permission.ADVANCE)
        st.info(U.AP_LOCKED_ISSUED if may_adjust else U.AP_ISSUED_READONLY)
    elif not summary.editable:
        st.info(U.AP_LOCKED.format(state=summary.state_label))


def _make(plan_id: int, which: Move, expected: State) -> None:
    s = st.session_state
    s["ap_pending"] = None
    try:
        rec = approval.move(
            state.engine(),
            plan_id,
            which,
            actor=state.actor(),
            expected=expected,
            note=s.get("ap_note") or "",
            meeting_date=s.get("ap_date"),
            reason=s.get(f"ap_reason_{expected.value}") or None,
        )
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        views.flash(U.AP_MOVED.format(move=which.label, n=rec.number))
        s["ap_note"] = ""
        state.refresh()


def moves(summary: ApprovalSummary, actor: Actor | None) -> None:
    """The form with the note, the date and one button per move the signed-in role may make now."""
    st.subheader(U.AP_ACTIONS)
    allowed = approval.moves_for(summary.state, actor)
    if not allowed:
        st.caption(U.AP_NO_ACTIONS)
        return
    asks_reason = any(approval.MOVES[m].needs_reason for m in allowed) or summary.state is State.ADJUSTING
    # No st.form: a form submits on Ctrl+Enter in its text area, and that moved a plan by accident.
    # A move button only asks; the move is made by 「确认」 on a second step that names it and its version.
    with st.container(border=True):
        st.text_area(U.AP_NOTE, key="ap_note", height=80)
        c1, c2 = st.columns(2)
        c1.date_input(U.AP_DATE, value=dt.date.today(), key="ap_date", format="YYYY-MM-DD")
        if asks_reason:
            c2.text_input(
                U.AP_REASON_INPUT,
                key=f"ap_reason_{summary.state.value}",  # one per state: a new 年中调整 starts empty
                value=summary.reason if summary.state is State.ADJUSTING else "",
            )
        pending = st.session_state.get("ap_pending")
        if pending not in {m.value for m in allowed}:
            cols = st.columns(len(allowed))
            for col, m in zip(cols, allowed, strict=True):
                back = approval.MOVES[m].needs_note  # returning, withdrawing, abandoning: the quieter button
                col.button(
                    m.label,
                    key=f"ap_move_{m.value}",
                    on_click=_ask,
                    args=(m,),
                    type="secondary" if back else "primary",
                    width="stretch",
                )
            return
        m = Move(pending)
        st.warning(U.AP_CONFIRM.format(move=m.label, n=(summary.version_number or 0) + 1), icon=":material/help:")
        y, n, _ = st.columns([1, 1, 3])
        y.button(
            U.AP_CONFIRM_YES,
            key="ap_confirm",
            type="primary",
            on_click=_make,
            args=(summary.plan_id, m, summary.state),
            width="stretch",
        )
        n.button(U.AP_CONFIRM_NO, key="ap_cancel", on_click=_ask, args=(None,), width="stretch")


def _ask(which: Move | None) -> None:
    """A move button was pressed (or 「取消」: None): the next run asks to confirm it."""
    st.session_state["ap_pending"] = which.value if which else None


def history(records: list[VersionRecord]) -> None:
    st.subheader(U.AP_HISTORY)
    if not records:
        st.caption(U.AP_NO_HISTORY)
        return
    labels = {m.value: m.label for m in Move}
    frame = pd.DataFrame(
        [
            {
                U.AP_COL["number"]: r.number,
                U.AP_COL["move"]: labels.get(r.action, r.action),
                U.AP_COL["from"]: State(r.from_state).label,
                U.AP_COL["to"]: State(r.to_state).label,
                U.AP_COL["who"]: r.created_by,
                U.AP_COL["role"]: approval.role_label(r.created_by_role),
                U.AP_COL["at"]: approval.when(r.created_at),
                U.AP_COL["date"]: r.meeting_date.isoformat(),
                U.AP_COL["note"]: r.note,
                U.AP_COL["reason"]: r.reason,
            }
            for r in reversed(records)
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="ap_history")


def _schedule_frame(plan: Plan, month_of: dict[str, int], lead_of: dict[str, str]) -> pd.DataFrame:
    committees, forms = plan.committee_by_id(), plan.form_by_id()
    rows = sorted(plan.topics, key=lambda t: (month_of.get(t.id, 99), t.id))
    return pd.DataFrame(
        [
            {
                U.COL["month"]: ST.month(month_of.get(t.id)),
                U.COL["title"]: ST.topic_label(t.id, t.title, width=40),
                U.COL["form"]: forms[t.form].name if t.form in forms else t.form,
                U.COL["lead"]: committees[lead_of[t.id]].name if lead_of.get(t.id) in committees else "—",
            }
            for t in rows
        ]
    )


def _compare(picked: VersionRecord, records: list[VersionRecord], plan: Plan) -> None:
    earlier = [r for r in records if r.number < picked.number]
    if not earlier:
        st.caption(U.AP_FIRST_VERSION)
        return
    labels = {r.id: f"{U.AP_VERSION_N.format(n=r.number)} · {State(r.to_state).label}" for r in earlier}
    choices = [r.id for r in reversed(earlier)]
    # an issued version is read against the issued one it replaces: that is what changed for the recipients
    issued_before = [r.id for r in reversed(earlier) if approval.is_issued(r)]
    default = choices.index(issued_before[0]) if approval.is_issued(picked) and issued_before else 0
    base = st.selectbox(U.AP_COMPARE_WITH, choices, index=default, format_func=labels.get, key=f"ap_base_{picked.id}")
    comp = approval.compare_with_previous(state.engine(), picked.id, actor=state.actor(), base_id=base)
    if comp is None or not comp.moved:
        st.caption(U.AP_SAME)
        return
    committees = plan.committee_by_id()

    def lead(code: str | None) -> str:
        return "—" if code is None else (committees[code].name if code in committees else code)

    st.caption(U.AP_DIFF.format(n=len(comp.moved)))
    st.dataframe(
        pd.DataFrame(
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
        ),
        hide_index=True,
        width="stretch",
        key="ap_compare",
    )


def _send_comment(version_id: int) -> None:
    try:
        approval.add_comment(state.engine(), version_id, st.session_state.get("ap_comment") or "", actor=state.actor())
    except ServiceError as err:
        views.flash(md_text(err), "error")
    else:
        st.session_state.ap_comment = ""
        views.flash(U.AP_COMMENT_SAVED)


def version_key(records: list[VersionRecord]) -> str:
    """The widget key of the version picker: one per newest version."""
    return f"ap_version_{records[-1].id}"


def versions(records: list[VersionRecord], actor: Actor | None) -> None:
    """Pick a version: view it, compare it with the one before, export it, read and add comments."""
    if not records or actor is None or not actor.can(Permission.VIEW_ALL):
        return  # a 部门联络员 sees where the plan stands, not the whole plan's versions
    st.subheader(U.AP_VERSIONS)
    by_id = {r.id: r for r in records}
    labels = {r.id: f"{U.AP_VERSION_N.format(n=r.number)} · {State(r.to_state).label}" for r in records}
    ids = [r.id for r in reversed(records)]
    # keyed by the newest version: after a move the box opens on the version just frozen, not on the
    # one picked (or shown first) before it, which the trial read as "the newest" (defect 20c)
    picked = st.selectbox(U.AP_PICK_VERSION, ids, format_func=labels.get, key=version_key(records))
    if picked is None:
        return
    rec = by_id[picked]
    eng = state.engine()
    tab_view, tab_cmp, tab_export, tab_comments = st.tabs(
        [U.AP_TAB_VIEW, U.AP_TAB_COMPARE, U.AP_TAB_EXPORT, U.AP_TAB_COMMENTS]
    )
    frozen = approval.version(eng, picked, actor=actor)
    with tab_view:
        if frozen is None or frozen.schedule is None:
            st.caption(U.AP_NO_SCHEDULE)
        else:
            st.dataframe(
                _schedule_frame(frozen.plan, frozen.schedule.month_of(), frozen.schedule.lead_of()),
                hide_index=True,
                width="stretch",
                key="ap_view",
            )
    with tab_cmp:
        _compare(rec, records, frozen.plan)
    with tab_export:
        if frozen is not None:
            stem = U.AP_FILE.format(body=frozen.plan.body, year=frozen.plan.year, n=rec.number)
            c1, c2, c3 = st.columns(3)
            file_button(
                c1,
                U.AP_EXPORT_DOCX,
                lambda: approval.export_version_docx(eng, picked, actor=actor),
                kind="docx",
                file_name=f"{stem}.docx",
                key="ap_dl_docx",
            )
            file_button(
                c2,
                U.AP_EXPORT_XLSX,
                lambda: approval.export_version_xlsx(eng, picked, actor=actor),
                kind="xlsx",
                file_name=f"{stem}.xlsx",
                key="ap_dl_xlsx",
            )
            file_button(
                c3,
                U.AP_EXPORT_JSON,
                lambda: approval.export_version_json(eng, picked, actor=actor),
                kind="json",
                file_name=f"{stem}.json",
                key="ap_dl_json",
                help=U.AP_EXPORT_JSON_HELP,
            )
    with tab_comments:
        found = [c for c in approval.comments(eng, rec.plan_id, actor=actor) if c.version_id == picked]
        if not found:
            st.caption(U.AP_NO_COMMENTS)
        for c in found:
            st.markdown(
                U.AP_COMMENT_LINE.format(
                    who=md_text(c.author),
                    role=approval.role_label(c.author_role),
                    at=approval.when(c.created_at),
                    n=c.version_number,
                    text=md_text(c.text),
                )
            )
        if actor is not None and actor.can(Permission.COMMENT):
            with st.form("ap_comment_form", border=False):
                st.text_area(U.AP_COMMENT_INPUT, key="ap_comment", height=70)
                st.form_submit_button(U.AP_COMMENT_SEND, on_click=_send_comment, args=(picked,))
