"""Session state, and the services and solver calls the pages make through it.

What one browser session holds (declared once, in :data:`DEFAULTS`):

* the selected plan as saved (``plan``, ``plan_version``) and its current
  schedule (``schedule``) — loaded through :mod:`services.plans` when the planner picks a plan;
* the solver options (weights, time limit) the 编排 page edits;
* the last solve result (``solve_result``), which may be infeasible and is then
  *not* made current;
* the what-if workspace: an edited copy of the plan (``wi_plan``), the schedule
  it started from (``wi_base``), the re-planned answer (``wi_after``) and a log
  of the edits — kept apart from the saved plan until the planner adopts it.

Every object put into the state gets a *token* (a short random string). Cached
derived data (frames, HTML, load rows) is keyed by tokens, so a rerun that
changes nothing hashes a few short strings instead of a whole plan.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from services import database, plans, schedules
from services.access import Actor, Permission
from services.plans import OpenPlan
from solver import GOALS, CheckReport, Plan, Schedule, SolveOptions, Weights, check

# solver.solving and solver.whatif load OR-Tools (~1 s): imported where a page
# needs them, so the overview of a new session paints without waiting for it.

DEFAULTS: dict[str, Any] = {
    "plan_id": None,
    "plan": None,
    "plan_version": None,
    "plan_token": "",
    "schedule": None,
    "schedule_token": "",
    # the 编排 page's sliders, kept across pages (see ``kept``)
    **{f"_keep_w_{goal}": Weights().of(goal) for goal in GOALS},
    "_keep_solve_time_limit": 10,
    "solve_result": None,
    "solve_token": "",
    "solve_job_id": None,  # the 编排 job this session submitted last (ui/jobs.py)
    "solve_job_seen": None,  # the finished job whose result is in ``solve_result``
    "latest": None,  # "solve" or "whatif": which result the planner produced last
    "wi_plan": None,
    "wi_plan_token": "",
    "wi_base": None,
    "wi_base_token": "",
    "wi_after": None,
    "wi_after_token": "",
    "wi_job": None,  # the re-plan job being waited for: a page left mid-wait picks it up again
    "wi_log": [],
    "editor_generation": 0,  # bumped to throw away unsaved table edits
}


# Widget keys whose values belong to one plan: dropped when another plan is picked.
PLAN_SCOPED_PREFIXES = (
    "ov_",
    "_keep_ov_",
    "wi_pin",
    "wi_leader",
    "wi_limit",
    "wi_sugg",
    "wi_for_you",
    "wi_load",
    "cf_",
    "dl_ics",
    "scn_",
    "job_",
)


def init() -> None:
    """Declare every key once (app.py calls this on each run; existing values stay)."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = list(value) if isinstance(value, list) else value


def options() -> SolveOptions:
    """The solver options the planner set on the 编排 page (used by 推演 too)."""
    return SolveOptions(
        weights=Weights(**{g: int(kept_value(f"w_{g}")) for g in GOALS}),
        time_limit_s=float(kept_value("solve_time_limit")),
    )


# -- widget values that outlive their page ------------------------------------------------------
#
# A widget's value is dropped when the planner switches page. ``persist_state``
# keeps it, but a value *set by code* (a jump to a filter, 「恢复默认权重」, the
# plan picker) then reaches the browser only on the widget's own page. So these
# widgets get their value from a shadow key before they are drawn, and write it
# back when the planner changes them; code sets the shadow with ``set_kept``.

KEEP = "_keep_"


def kept(key: str, default: Any = None) -> dict[str, Any]:
    """``key``/``on_change``/``args`` for a widget whose value is kept across pages."""
    s = st.session_state
    if KEEP + key not in s:
        s[KEEP + key] = default
    s[key] = s[KEEP + key]  # always: on another page the widget is new and would start at its default
    return {"key": key, "on_change": _remember, "args": (key,)}


def _remember(key: str) -> None:
    st.session_state[KEEP + key] = st.session_state[key]


def kept_value(key: str, default: Any = None) -> Any:
    return st.session_state.get(KEEP + key, default)


def set_kept(key: str, value: Any) -> None:
    st.session_state[KEEP + key] = value


def _token() -> str:
    return uuid.uuid4().hex[:12]


# -- who is signed in -------------------------------------------------------------------------


def actor() -> Actor:
    """The signed-in account of this run (set by :func:`ui.auth.gate`, which every page passes first)."""
    from .auth import ACTOR, gate

    found = st.session_state.get(ACTOR)
    return found if found is not None else gate()


def may(permission: Permission) -> bool:
    """Whether the signed-in role has ``permission`` (to hide a button; the service refuses anyway)."""
    return actor().can(permission)


# -- the database ----------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The app's engine: schema upgraded, sample plans loaded on a brand-new database (ServiceError if not)."""
    return database.open_database()


def outdated_note() -> str | None:
    """The overview's warning when the plan was edited after its current schedule was made (else None).

    Read on every run (one small query): another planner may have saved the plan since this session opened it.
    """
    from services import ServiceError, jobs

    from . import texts as U

    s = st.session_state
    try:
        age = plans.schedule_age(engine(), s.plan_id, actor=actor())
    except ServiceError:
        return None  # the plan is gone: the page's own loading says so
    if not age.outdated:
        return None
    who = U.OV_OUTDATED_WHO.format(who=age.plan_updated_by) if age.plan_updated_by else " "
    if age.schedule_plan_version is None:
        return U.OV_OUTDATED_NO_VERSION.format(
            at=jobs.when(age.plan_updated_at), who=who, made=jobs.when(age.schedule_at)
        )
    return U.OV_OUTDATED.format(
        at=jobs.when(age.plan_updated_at), who=who, now=age.plan_version, old=age.schedule_plan_version
    )


PLAN_LIST_TTL_S = 5  # seconds a server keeps the list of plans before asking the database again


def plan_choices() -> list[tuple[int, str]]:
    """(id, label) of every plan, newest year first (the role is checked on every run, so not cached here)."""
    return _plan_choices(actor())


@st.cache_data(show_spinner=False, ttl=PLAN_LIST_TTL_S)
def _plan_choices(_actor: Actor) -> list[tuple[int, str]]:
    # Every role that may view sees the same list: cached, cleared after every write made here. The TTL is for
    # writes made elsewhere (`python -m store import`, another server of the office): without it a plan added
    # from the shell stayed invisible until the server restarted.
    return [(p.id, p.label) for p in plans.list_plans(engine(), actor=_actor)]


def default_plan() -> int | None:
    """The plan a new session opens (:func:`services.plans.default_plan_id`)."""
    return plans.default_plan_id(engine(), actor=actor())


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Once per server process, after the first page is sent: import OR-Tools, pandas and Altair.

    The overview does not need them, so a new session paints without them; the
    first 编排 / 推演 / 负荷 of the day would then pay ~1.5 s of imports. A
    background thread pays it while the browser is still drawing the first page.
    """

    def _imports() -> None:
        import altair  # noqa: F401
        import pandas  # noqa: F401

        import solver.solving  # noqa: F401
        import solver.whatif  # noqa: F401

    thread = threading.Thread(target=_imports, name="xieshang-warm-up", daemon=True)
    thread.start()
    return thread


def refresh() -> None:
    """After a write: cached frames and lists may be stale."""
    st.cache_data.clear()


# -- the selected plan -----------------------------------------------------------------------


def select_plan(plan_id: int | None) -> None:
    """Load a plan, its version and its current schedule into the session (and reset what-if)."""
    s = st.session_state
    if plan_id is None:
        s.plan_id, s.plan, s.plan_version, s.schedule = None, None, None, None
        return
    opened = plans.open_plan(engine(), plan_id, actor=actor())
    s.plan_actor = _view_of(actor())  # a liaison's plan is cut to their department
    # Choices made for another plan (filters, picked topics, leaders) name ids this plan may not have.
    for key in [k for k in s if isinstance(k, str) and k.startswith(PLAN_SCOPED_PREFIXES)]:
        del s[key]
    _keep_opened(opened)
    s.solve_result, s.solve_token, s.latest = None, "", None
    reset_whatif()
    s.editor_generation += 1


def _view_of(me: Actor) -> tuple[bool, str | None]:
    """What decides how a plan is shown: the whole plan, or one department's part of it."""
    return (me.can(Permission.VIEW_ALL), None if me.can(Permission.VIEW_ALL) else me.department)


def follow_picker(choices: dict[int, str]) -> None:
    """The sidebar picker's value is the selected plan: a new value (planner or test) loads that plan."""
    s = st.session_state
    if s.get("plan_pick_next") is not None:  # open_new_plan: set before the picker widget exists this run
        s.plan_picker = s.pop("plan_pick_next")
    picked = s.get("plan_picker")
    me = actor()
    if s.plan_id is not None and s.get("plan_actor") != _view_of(me):
        select_plan(s.plan_id if s.plan_id in choices else None)  # the role changed: reload as it sees the plan
    if picked in choices and picked != s.plan_id:
        select_plan(picked)
    elif s.plan_id not in choices:
        first = default_plan()
        select_plan(first if first in choices else next(iter(choices), None))
    # Always, not only when it differs: after a page switch the picker is a new
    # widget that would otherwise start at its first option.
    s.plan_picker = s.plan_id


def open_new_plan(plan_id: int) -> None:
    """The session switches to a plan just created, outside a callback (the picker widget already exists,
    so its value cannot be set now: :func:`follow_picker` sets it on the next run, before it is drawn)."""
    select_plan(plan_id)
    st.session_state["plan_pick_next"] = plan_id


def plan() -> Plan | None:
    return st.session_state.plan


def schedule() -> Schedule | None:
    return st.session_state.schedule


def page_gate(page: str | None = None) -> Actor:
    """The sign-in gate and the page's permission (``page``: its key in :data:`ui.navigation.PAGES`),
    then the shared sidebar; the signed-in actor. A page without a plan (账号管理, 操作记录) starts here."""
    from . import auth, navigation
    from .widgets import sidebar

    init()
    me = auth.require(navigation.permission_of(page) if page else Permission.VIEW_PLAN)
    choices = dict(plan_choices())
    follow_picker(choices)
    sidebar(choices)
    return me


def require_plan(page: str | None = None) -> Plan:
    """Each page starts with this: :func:`page_gate`, then the selected plan (or a hint and stop).

    Done by the page rather than by app.py, for two reasons found the hard way
    (Streamlit 1.67): a widget created in the entry script before
    ``st.navigation`` gets another element id on the session's second run, so
    the plan picker showed a stale choice after the first pick; and AppTest,
    seeing a ``pages/`` folder, re-runs only the page script after the first
    run, so anything app.py does per run would not happen in the tests (the
    sign-in gate runs here too, for the same reason).
    """
    from . import texts as U

    page_gate(page)
    p = plan()
    if p is None:
        st.info(U.NO_PLAN)
        st.stop()
    return p


def _keep_opened(opened: OpenPlan) -> None:
    """Put a plan as stored (and its current schedule) into the session, with fresh tokens."""
    s = st.session_state
    s.plan_id, s.plan, s.plan_version, s.plan_token = opened.plan_id, opened.plan, opened.version, _token()
    s.schedule, s.schedule_token = opened.schedule, _token()


def save_plan(new_plan: Plan) -> int:
    """Save an edited copy with the version check; the new version. ServiceError (nothing saved) passes through."""
    s = st.session_state
    _keep_opened(plans.save_plan(engine(), s.plan_id, new_plan, s.plan_version, actor=actor()))
    s.editor_generation += 1
    reset_whatif()  # the what-if copy was made from the old version
    refresh()
    return s.plan_version


def set_schedule(schedule_: Schedule | None) -> None:
    """The session now shows ``schedule_`` as the plan's current schedule (already stored by a service)."""
    s = st.session_state
    s.schedule, s.schedule_token = schedule_, _token()
    reset_whatif()  # a what-if compares against the current schedule: a new one starts it afresh
    refresh()


# -- solving -----------------------------------------------------------------------------------


# A solve is a job run by a worker process (services.jobs, ui/jobs.py): the
# 编排 page submits it and shows the job's record. The 推演 page waits for its
# re-plan job on the spot; left mid-wait, it picks the job up again when the
# planner comes back (``whatif_resume``).

REPLAN_POLL_S = 0.2  # how often a waiting 推演 re-reads its job (a small re-plan takes about a second)


def wait_for_job(job_id: int, on_tick: Callable[[float], None] | None = None) -> Schedule:
    """Wait for a job while ``on_tick(elapsed_seconds)`` moves a progress bar; its answer.

    A job that fails or is cancelled (or cannot be submitted) comes back as a
    schedule without assignments whose explanation is the Chinese reason, so
    the page shows it as it shows any solve without a schedule.
    """
    from services import jobs

    started = time.perf_counter()
    while True:
        job = jobs.job(engine(), job_id, actor=actor())
        if not job.active:
            break
        if on_tick is not None:
            on_tick(time.perf_counter() - started)
        time.sleep(REPLAN_POLL_S)
    if job.result is not None:
        return job.result
    return _no_answer(job.message)


def _no_answer(message: str) -> Schedule:
    year = st.session_state.plan.year if st.session_state.plan is not None else 0
    return Schedule(plan_year=year, status="unknown", explanation=message)


def show_solve_result(result: Schedule) -> None:
    """The session's last solve answer is ``result`` (a finished job's; the conflicts page reads it)."""
    s = st.session_state
    s.solve_result, s.solve_token, s.latest = result, _token(), "solve"


# -- what-if workspace ------------------------------------------------------------------------------


def reset_whatif() -> None:
    s = st.session_state
    s.wi_plan, s.wi_plan_token = None, ""
    s.wi_base, s.wi_base_token = None, ""
    s.wi_after, s.wi_after_token = None, ""
    s.wi_job = None
    s.wi_log = []
    if s.get("latest") == "whatif":
        s.latest = None


def whatif_plan() -> Plan:
    """The edited copy (started from the saved plan on first use)."""
    s = st.session_state
    if s.wi_plan is None:
        s.wi_plan, s.wi_plan_token = s.plan, s.plan_token
    return s.wi_plan


def whatif_base() -> Schedule | None:
    """The schedule the what-if starts from: the current schedule when the workspace was opened."""
    s = st.session_state
    if s.wi_base is None and s.schedule is not None:
        s.wi_base, s.wi_base_token = s.schedule, s.schedule_token
    return s.wi_base


def whatif_latest() -> tuple[Schedule | None, str]:
    """The schedule to show suggestions against: the re-planned one if feasible, else the base."""
    s = st.session_state
    if s.wi_after is not None and s.wi_after.has_schedule:
        return s.wi_after, s.wi_after_token
    return whatif_base(), s.wi_base_token


def whatif_edit(new_plan: Plan, log_line: str) -> None:
    s = st.session_state
    s.wi_plan, s.wi_plan_token = new_plan, _token()
    s.wi_log = [*s.wi_log, log_line]


def whatif_replan(options: SolveOptions, on_tick: Callable[[float], None] | None = None) -> Schedule:
    """Re-plan the edited copy from the schedule the workspace started from (moves count against it)."""
    from services import ServiceError, jobs

    s = st.session_state
    base = whatif_base()
    try:
        job_id = jobs.submit_replan(engine(), s.plan_id, s.plan_version, whatif_plan(), base, options, actor=actor())
    except ServiceError as err:
        result = _no_answer(str(err))
    else:
        # kept until the answer is in the session: a planner who leaves 推演 while it
        # computes finds the answer when back (``whatif_resume``); the job itself is in the database
        s.wi_job = job_id
        result = wait_for_job(job_id, on_tick)
    s.wi_after, s.wi_after_token, s.latest, s.wi_job = result, _token(), "whatif", None
    return result


def whatif_pending() -> int | None:
    """The re-plan job this session submitted and has not shown yet (the page was left while it ran)."""
    return st.session_state.get("wi_job")


def whatif_resume(on_tick: Callable[[float], None] | None = None) -> Schedule:
    """Pick up the re-plan job a left page was waiting for: wait for it if still running; its answer."""
    s = st.session_state
    result = wait_for_job(s.wi_job, on_tick)
    s.wi_after, s.wi_after_token, s.latest, s.wi_job = result, _token(), "whatif", None
    return result


def whatif_adopt() -> int:
    """Save the edited plan and make the re-planned schedule current, in one transaction; the plan version.

    ServiceError (nothing saved) if the plan changed meanwhile or the result cannot be adopted.
    """
    s = st.session_state
    edited = s.wi_plan if s.wi_plan is not None and s.wi_plan_token != s.plan_token else None
    opened = schedules.adopt_whatif(engine(), s.plan_id, s.plan_version, s.wi_after, edited_plan=edited, actor=actor())
    if edited is not None:
        s.editor_generation += 1
    _keep_opened(opened)
    reset_whatif()
    refresh()
    return opened.version


# -- cached derived data (keyed by tokens) ------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def loads_rows(plan_token: str, schedule_token: str, _plan: Plan, _schedule: Schedule) -> list:
    from solver import whatif

    return whatif.loads(_plan, _schedule)


@st.cache_data(show_spinner=False, max_entries=64)
def diff(plan_token: str, before_token: str, after_token: str, _plan: Plan, _before: Schedule, _after: Schedule) -> Any:
    from solver import whatif

    return whatif.diff(_plan, _before, _after)


@st.cache_data(show_spinner=False, max_entries=64)
def suggestions(
    plan_token: str, schedule_token: str, topic_id: str, weights_json: str, _plan: Plan, _schedule: Schedule
) -> list:
    from solver import whatif

    return whatif.suggest_months(_plan, _schedule, topic_id, weights=Weights.model_validate_json(weights_json))


@st.cache_data(show_spinner=False, max_entries=64)
def report(plan_token: str, schedule_token: str, _plan: Plan, _schedule: Schedule) -> CheckReport:
    """The independent checker's verdict on a schedule: hard violations and soft warnings.

    Used for what the overview and 冲突与预警 show about the *current* schedule,
    which may have been imported (a published plan) and carries no warnings of its own.
    """
    return check(_plan, _schedule)
