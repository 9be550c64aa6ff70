"""Small composite widgets more than one page draws: status badge, result panel, sidebar summary."""

from __future__ import annotations

import streamlit as st

from solver import texts as ST
from solver.plan import Schedule

from . import texts as U
from .markdown import md_text
from .theme import GOLD, MUTED, OK, OVER

STATUS_COLOR = {"optimal": OK, "feasible": GOLD, "infeasible": OVER, "unknown": MUTED}


def status_badge(status: str | None) -> str:
    """HTML for a coloured pill with the status in words."""
    if status is None:
        return f'<span class="xs-badge" style="background:{MUTED}">{U.SIDEBAR_NO_SCHEDULE.split(":")[-1]}</span>'
    return f'<span class="xs-badge" style="background:{STATUS_COLOR[status]}">{ST.STATUS[status]}</span>'


def sidebar(choices: dict[int, str]) -> None:
    """The plan picker (shared by all pages), what is selected, who is signed in, which database."""
    from services.access import Role
    from services.database import database_label

    from .auth import account_box
    from .state import actor

    with st.sidebar:
        st.markdown(f"### {U.APP_TITLE}")
        if choices:
            st.selectbox(
                U.SIDEBAR_PLAN, list(choices), format_func=choices.get, key="plan_picker", help=U.SIDEBAR_PLAN_HELP
            )
            sidebar_summary()
        else:
            st.info(U.SIDEBAR_NO_PLANS)
        me = actor()
        account_box(me)
        if me is not None and me.role is Role.ADMIN:  # where the data lives is the administrator's business
            st.caption(U.SIDEBAR_DB.format(url=md_text(database_label())))  # password hidden (render_as_string)


def sidebar_summary() -> None:
    s = st.session_state
    if s.plan is None:
        return
    st.caption(U.SIDEBAR_VERSION.format(version=s.plan_version, topics=len(s.plan.topics)))
    sched = s.schedule
    label = U.SIDEBAR_SCHEDULE.format(status=ST.STATUS[sched.status]) if sched else U.SIDEBAR_NO_SCHEDULE
    st.caption(label)


def gap_text(schedule: Schedule) -> str:
    if schedule.objective is None or schedule.bound is None:
        return "—"
    if schedule.objective == 0:
        return "0%"
    return f"{(schedule.objective - schedule.bound) / schedule.objective:.0%}"


def _or_dash(v: object) -> object:
    return "—" if v is None else v


def result_panel(schedule: Schedule) -> None:
    """Status, objective, proven bound, gap, time; then the objective per soft goal."""
    st.html(f"<div style='margin:.2rem 0 .6rem 0'>{status_badge(schedule.status)}</div>")
    if not schedule.has_schedule:
        st.error(md_text(schedule.explanation or ST.STATUS[schedule.status]))
        return
    c1, c2, c3, c4 = st.columns([1, 1.3, 0.85, 0.85])  # 「已证明下界」 and its help icon fit at 1280 px
    c1.metric(U.SOLVE_OBJECTIVE, _or_dash(schedule.objective), help=U.SOLVE_OBJECTIVE_HELP, border=True)
    c2.metric(U.SOLVE_BOUND, _or_dash(schedule.bound), help=U.SOLVE_BOUND_HELP, border=True)
    c3.metric(U.SOLVE_GAP, gap_text(schedule), border=True)
    c4.metric(
        U.SOLVE_TIME_USED,
        "—" if schedule.solve_seconds is None else U.SECONDS.format(s=schedule.solve_seconds),
        border=True,
    )
    stopped = ST.STOPPED_BY.get(getattr(schedule, "stopped_by", None) or "", "")
    if stopped:  # the limit is wall-clock seconds: say whether the clock, the work budget or a proof ended it
        st.caption(U.SOLVE_STOPPED_BY.format(reason=stopped))
    if schedule.objective_breakdown is None:
        st.caption(U.SOLVE_NO_BREAKDOWN)
        return
    from . import frames

    st.markdown(f"**{U.SOLVE_BREAKDOWN}**")
    st.dataframe(
        frames.breakdown_frame(schedule),
        hide_index=True,
        width="stretch",
        column_config={
            U.COL["goal"]: st.column_config.TextColumn(U.COL["goal"], width="medium"),
            U.COL["message"]: st.column_config.TextColumn(U.COL["message"], width="large"),
        },
    )
