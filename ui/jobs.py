"""The 编排 page's jobs: submit a solve, show its live progress from the job record, cancel, adopt.

The page never computes: it records a job (:mod:`services.jobs`) and shows
what the job's row says. While a job is queued or running, a fragment re-reads
the row every :data:`POLL_S`; when it finishes, the whole page runs again so
the sidebar and the other pages see the result. Because everything is read
from the database, a planner who leaves the page, closes the tab or finds the
web server restarted sees the same job again.
"""

from __future__ import annotations

import streamlit as st

from services import ServiceError
from services import jobs as jobs_service
from services.access import Permission
from services.jobs import JobRecord
from solver import SolveOptions

from . import state, views, widgets
from . import texts as U
from .markdown import md_text

POLL_S = 1.0  # how often an open 编排 page re-reads a running job (one indexed SELECT)
JOBS_LISTED = 10
CHART_MIN_SPAN_S = 1.0


def submit(options: SolveOptions) -> None:
    """Record a solve job of the selected plan; flash what happened (Chinese); never raises ServiceError."""
    s = st.session_state
    try:
        job_id = jobs_service.submit_solve(state.engine(), s.plan_id, s.plan_version, options, actor=state.actor())
    except ServiceError as err:
        views.flash(md_text(err), "error")
        return
    s.solve_job_id = job_id
    s.pop("job_pick", None)  # show the new job, not the one picked before
    views.flash(U.JOB_SUBMITTED.format(id=job_id), "success")


def _shown_job(plan_id: int) -> tuple[JobRecord | None, list[JobRecord]]:
    """The job to show: the one picked, else the one this session submitted, else the plan's newest."""
    s = st.session_state
    listed = jobs_service.plan_jobs(state.engine(), plan_id, actor=state.actor(), limit=JOBS_LISTED)
    wanted = s.get("job_pick") or s.get("solve_job_id")
    job = next((j for j in listed if j.id == wanted), listed[0] if listed else None)
    return job, listed


def panel(plan_id: int) -> bool:
    """The job part of the 编排 page; False when the plan has no job yet (the page then shows the current schedule)."""
    job, listed = _shown_job(plan_id)
    if job is None:
        return False
    if len(listed) > 1:
        labels = {j.id: _label(j) for j in listed}
        st.selectbox(U.JOB_PICK, list(labels), format_func=labels.get, index=list(labels).index(job.id), key="job_pick")
    if job.active:
        _live(job.id)
    else:
        _finished(job)
    return True


def _label(job: JobRecord) -> str:
    return U.JOB_PICK_LABEL.format(
        id=job.id, status=U.JOB_STATUS[job.status], author=job.author or U.JOB_ANON, at=_when(job.created_at)
    )


@st.fragment(run_every=POLL_S)
def _live(job_id: int) -> None:
    job = jobs_service.job(state.engine(), job_id, actor=state.actor())
    if not job.active:
        st.rerun(scope="app")
    _header(job)
    limit = float(job.options.get("time_limit_s", 0))
    if job.status == "queued":
        st.info(U.JOB_QUEUED.format(ahead=_ahead(job)))
    else:
        elapsed = job.progress[-1]["t"] if job.progress else 0.0
        st.progress(min(elapsed / max(limit, 0.1), 0.99), text=U.JOB_RUNNING.format(s=elapsed, t=limit))
        _progress_chart(job)
    if job.cancel_requested:
        st.caption(U.JOB_CANCEL_ASKED)
    elif st.button(U.JOB_CANCEL, key="job_cancel", icon=":material/stop:"):
        jobs_service.cancel(state.engine(), job.id, actor=state.actor())
        st.rerun(scope="app")


def _ahead(job: JobRecord) -> int:
    return jobs_service.queued_ahead(state.engine(), job.id, actor=state.actor())


def _header(job: JobRecord) -> None:
    st.markdown(f"**{U.JOB_TITLE.format(id=job.id, status=U.JOB_STATUS[job.status])}**")
    who = U.JOB_WHO.format(
        author=md_text(job.author) if job.author else U.JOB_ANON,
        at=_when(job.created_at),
        n=job.topic_count,
        t=float(job.options.get("time_limit_s", 0)),
    )
    if job.attempts > 1:
        who += " · " + U.JOB_RETRIED_NOTE.format(n=job.attempts)
    st.caption(who)


def _when(dt) -> str:
    return jobs_service.when(dt)


def _progress_chart(job: JobRecord) -> None:
    points = [p for p in job.progress if p.get("objective") is not None or p.get("bound") is not None]
    # a solve of a few tenths of a second has no story to draw
    if len(points) < 2 or points[-1]["t"] - points[0]["t"] < CHART_MIN_SPAN_S:
        return
    import pandas as pd

    frame = pd.DataFrame(
        {
            U.JOB_COL_T: [p["t"] for p in points],
            U.JOB_COL_OBJECTIVE: [p.get("objective") for p in points],
            U.JOB_COL_BOUND: [p.get("bound") for p in points],
        }
    ).set_index(U.JOB_COL_T)
    st.caption(U.JOB_PROGRESS_CAPTION)
    st.line_chart(frame, height=180)


def _finished(job: JobRecord) -> None:
    s = st.session_state
    _header(job)
    if job.status != "done" or job.result is None:
        (st.warning if job.status == "cancelled" else st.error)(job.message or U.JOB_STATUS[job.status])
        return
    result = job.result
    # the conflicts page and the overview read the last solve from the session
    if s.get("solve_job_seen") != job.id:
        s.solve_job_seen = job.id
        state.show_solve_result(result)
    widgets.result_panel(result)
    _progress_chart(job)
    if not result.has_schedule:
        st.page_link("pages/conflicts.py", label=U.SOLVE_SEE_CONFLICTS, icon=":material/report:")
        return
    if job.adopted_at is not None:
        who = md_text(job.adopted_by) if job.adopted_by else U.JOB_ANON
        st.success(U.JOB_ADOPTED_BY.format(at=_when(job.adopted_at), who=who))
        st.page_link("pages/overview.py", label=U.SOLVE_SEE_CALENDAR, icon=":material/calendar_month:")
        return
    st.info(U.JOB_CANDIDATE)
    if not state.may(Permission.ADOPT):  # hidden for a role that may not; the service refuses anyway
        return
    if st.button(U.JOB_ADOPT, key="job_adopt", type="primary", help=U.JOB_ADOPT_HELP, icon=":material/check:"):
        try:
            current = jobs_service.adopt(state.engine(), job.id, actor=state.actor())
        except ServiceError as err:
            views.flash(md_text(err), "error")
        else:
            state.set_schedule(current)
            views.flash(U.JOB_ADOPTED.format(id=job.id), "success")
        st.rerun()
