"""View helpers for the pages: filter choices, cached HTML, jumps between pages.

A "jump" is how one page sends the planner to 全年总览 with a filter set (the
冲突与预警 page: "what does 市商务局 have?"): the button's callback stores the
wanted filter under ``jump``; the overview applies it before drawing its
filter widgets, then switches page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import streamlit as st

from solver.plan import Plan, Schedule
from solver.whatif import Diff

from . import calendar, select, state
from . import texts as U
from .theme import form_colors, tint

FILTER_KEYS = {"committee": "ov_committee", "department": "ov_department", "leader": "ov_leader", "form": "ov_form"}

TOPIC_LIST_COLUMNS = {
    U.COL["title"]: st.column_config.TextColumn(U.COL["title"], width="large"),
    U.COL["id"]: st.column_config.TextColumn(U.COL["id"], width="small"),
    U.COL["fixed"]: st.column_config.TextColumn(U.COL["fixed"], width="small"),
}


def topic_list(plan: Plan, schedule: Schedule | None, shown: set[str] | None):
    """The overview's 列表 tab (pandas is imported only when that tab is opened)."""
    from . import frames

    return frames.topic_list(plan, schedule, shown)


def choice_ids(items: Sequence) -> list[str | None]:
    """Options of a filter: None (= all) then every id."""
    return [None, *(x.id for x in items)]


def choice_label(items: Sequence) -> Callable[[str | None], str]:
    names = {x.id: x.name for x in items}
    return lambda i: U.OV_FILTER_ALL if i is None else names.get(i, i)


def entity_filter(column, label: str, items: Sequence, key: str) -> str | None:
    """A "全部 / one entity" selectbox whose choice survives page switches (``state.kept``)."""
    return column.selectbox(
        label,
        choice_ids(items),
        **state.kept(key),
        format_func=choice_label(items),
        placeholder=U.OV_FILTER_ALL,
    )


def clear_filters() -> None:
    for key in FILTER_KEYS.values():
        state.set_kept(key, None)


def jump(kind: str, entity: str) -> None:
    """Callback: open the overview filtered to one department / committee / leader / form."""
    st.session_state.jump = (kind, entity)


def apply_jump() -> None:
    """On the overview, before the filter widgets: turn a pending jump into filter values."""
    wanted = st.session_state.pop("jump", None)
    if wanted and wanted[0] in FILTER_KEYS:
        clear_filters()
        state.set_kept(FILTER_KEYS[wanted[0]], wanted[1])


# Above this many topics the overview opens on the month × form matrix (and compact cards): the card
# calendar of the 200-topic sample is about 5,700 px tall even compact, the matrix one screen.
MANY_TOPICS = 60


@st.cache_data(show_spinner=False, max_entries=128)
def calendar_html(
    plan_token: str,
    schedule_token: str,
    shown: tuple[str, ...] | None,
    compact: bool,
    _plan: Plan,
    _schedule: Schedule | None,
    view: str = "cards",
) -> str:
    """The year as cards (``view="cards"``) or a month × form matrix (``"matrix"``), cached by tokens.

    Overloads the checker finds in the schedule are marked either way.
    """
    placed = _schedule is not None and _schedule.has_schedule and bool(_schedule.assignments)
    over = calendar.overloads_of(state.report(plan_token, schedule_token, _plan, _schedule).warnings) if placed else {}
    picked = set(shown) if shown is not None else None
    if view == "matrix":
        return calendar.matrix_html(_plan, _schedule, picked, overloads=over)
    return calendar.year_html(_plan, _schedule, picked, compact=compact, overloads=over)


def form_kpis_html(plan: Plan) -> str:
    """A strip of "form · count" tiles in the forms' colours (the KPI "topics by form")."""
    colors = form_colors(plan)
    tiles = "".join(
        f'<div style="border-left:4px solid {colors[fid]};background:{tint(colors[fid], 0.07)};'
        f'border-radius:6px;padding:.35rem .6rem;min-width:6rem;flex:1">'
        # a long name without spaces wraps inside its tile instead of running over the next one
        f'<div style="font-size:.78rem;color:#4a4f57;overflow-wrap:anywhere">{escape(name)}</div>'
        f'<div style="font-size:1.45rem;font-weight:700;color:{colors[fid]}">{n}</div></div>'
        for fid, name, n in select.form_counts(plan)
    )
    return (
        f'<div style="font-size:.9rem;color:#5b5f66;margin-bottom:.25rem">{U.OV_KPI_FORMS}</div>'
        f'<div style="display:flex;gap:.5rem;flex-wrap:wrap">{tiles}</div>'
    )


# -- the editors of 议题与资源 ------------------------------------------------------------------


def editor_key(section: str) -> str:
    """Stable while the planner edits; a new generation (after save/discard) starts clean tables."""
    return f"ed_{section}_{st.session_state.editor_generation}"


@st.cache_data(show_spinner=False, max_entries=16)
def editor_frames(plan_token: str, _plan: Plan) -> dict:
    from . import frames

    return frames.editor_frames(_plan)


def editor_height(rows: int) -> int:
    """Tall enough to show every row of a small table (plus one to add), scrolling beyond 16."""
    return 35 * (min(rows, 16) + 2) + 3


def editors_dirty() -> bool:
    """Whether any table has an unsaved edit (added, changed or deleted rows)."""
    from . import frames

    for section in frames.SECTIONS:
        edits = st.session_state.get(editor_key(section)) or {}
        if any(edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
            return True
    return False


def discard_edits() -> None:
    st.session_state.editor_generation += 1


def frozen_banner(message: str = U.AP_LOCKED) -> bool:
    """At the top of a page that edits the plan: whether the plan may change now; if not, a banner naming
    the approval state (the page then shows its tables read-only instead of refusing only on save)."""
    from services import approval

    summary = approval.summary(state.engine(), st.session_state.plan_id, actor=state.actor())
    if not summary.editable:
        st.warning(message.format(state=summary.state_label), icon=":material/lock:")
    return summary.editable


def reload_latest() -> None:
    """Read the selected plan again as stored (another user saved it): the page's edits are dropped."""
    state.select_plan(st.session_state.plan_id)
    state.refresh()
    discard_edits()
    flash(U.RES_RELOADED, "info")


def flash(message: str, kind: str = "success") -> None:
    """A message to show once on the next run (after st.rerun)."""
    st.session_state.flash = (kind, message)


def show_flash() -> None:
    kind, message = st.session_state.pop("flash", (None, None))
    if message:
        {"success": st.success, "warning": st.warning, "error": st.error, "info": st.info}[kind](message)


# -- the 编排 page ---------------------------------------------------------------------------------


def reset_weights() -> None:
    from solver import GOALS, Weights

    for goal in GOALS:
        state.set_kept(f"w_{goal}", Weights().of(goal))


def progress_ticker(bar, limit_s: float) -> Callable[[float], None]:
    """Callback for state.solve_with_progress: move the bar with the time spent (never quite to the end)."""

    def tick(elapsed: float) -> None:
        bar.progress(min(elapsed / max(limit_s, 0.1), 0.99), text=U.SOLVE_PROGRESS.format(s=elapsed, t=limit_s))

    return tick


# -- the 推演 page --------------------------------------------------------------------------------


SUGGESTION_COLUMNS = {
    **{
        label: st.column_config.TextColumn(label, width="small")
        for label in (U.COL["month"], U.COL["feasible"], U.COL["penalty_change"])
    },
    U.COL["reasons"]: st.column_config.TextColumn(U.COL["reasons"], width="large"),
}


def affected_first(plan: Plan, diff: Diff, kind: str) -> dict[str, str]:
    """id → name of a kind's entities, those the re-plan changed something for first (marked ●)."""
    touched = {r.entity for r in diff.for_you if r.kind == kind}
    items = {"department": plan.departments, "committee": plan.committees, "leader": plan.leaders}[kind]
    first = {x.id: f"● {x.name}" for x in items if x.id in touched}
    return first | {x.id: x.name for x in items if x.id not in touched}


# -- the 冲突与预警 page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A schedule the 冲突与预警 page can show, with the plan it belongs to and what is wrong with it."""

    plan: Plan
    schedule: Schedule
    hard: list  # conflicts (no schedule) or violations (a schedule that breaks a rule)
    warnings: list


def current_report():
    """The checker's report on the current schedule (cached by tokens)."""
    s = st.session_state
    return state.report(s.plan_token, s.schedule_token, s.plan, s.schedule)


def result_sources() -> dict[str, Shown]:
    """The schedules there is something to say about: current, last failed solve, what-if result."""
    s = st.session_state
    out: dict[str, Shown] = {}
    if s.schedule is not None and s.schedule.assignments:
        rep = current_report()
        out["current"] = Shown(s.plan, s.schedule, rep.hard, rep.warnings)
    if s.solve_result is not None and not s.solve_result.assignments:
        out["solve"] = Shown(s.plan, s.solve_result, s.solve_result.conflicts, [])
    if s.wi_after is not None:
        after = s.wi_after
        out["whatif"] = Shown(s.wi_plan or s.plan, after, after.conflicts, after.warnings)
    return out


def latest_source(sources: dict) -> str:
    latest = st.session_state.get("latest")
    return latest if latest in sources else next(iter(sources))


def kind_options(df) -> dict[str, str]:
    """Kinds present in a findings frame → label, in the order of the soft goals."""
    from solver import GOALS

    present = list(dict.fromkeys(df["_kind"]))
    order = [g for g in GOALS if g in present] + [k for k in present if k not in GOALS]
    return {k: select.finding_kind_label(k) for k in order}


def month_or_all(m: int | None) -> str:
    from solver import texts as ST

    return U.CF_ALL if m is None else ST.month(m)


def _go(key: str) -> None:
    picked = st.session_state.get(key)
    if picked:
        kind, entity = picked.split(":", 1)
        jump(kind, entity)


def jump_row(entities: dict[str, str], *, key: str) -> None:
    """Pick a department / committee / leader / form named above and open the overview filtered to it."""
    usable = {k: v for k, v in entities.items() if k.split(":", 1)[0] in FILTER_KEYS}
    if not usable:
        return
    c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
    c1.selectbox(U.CF_FILTER_ENTITY, list(usable), format_func=usable.get, key=key, help=U.CF_JUMP_HELP)
    if c2.button(U.CF_JUMP, key=f"{key}_go", icon=":material/calendar_month:"):
        _go(key)
        st.switch_page("pages/overview.py")


# -- the 负荷 page --------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def load_rows(plan_token: str, schedule_token: str, _plan: Plan, _schedule: Schedule) -> list:
    """Every entity's load per month (``whatif.LoadRow``; cached: the loads of a schedule do not change)."""
    from solver import whatif

    return whatif.loads(_plan, _schedule)


def overload_counts(rows: list) -> dict[str, int]:
    """Kind (of ``U.LD_TABS``) → overloaded (entity, month) cells, counted on the rows (no frame, no chart)."""
    return {kind: sum(1 for r in rows if r.kind == kind and r.over) for kind in U.LD_TABS}


# Building an Altair chart and turning it into a Vega-Lite spec costs tens of
# milliseconds a chart; a page rerun that changes nothing must not pay it again,
# so pages draw cached specs with st.vega_lite_chart. The 负荷 page asks for the
# open tab's heatmap only, so a kind's frame and chart are built when first shown.


@st.cache_data(show_spinner=False, max_entries=96)
def heatmap_spec(
    plan_token: str, schedule_token: str, only_busy: bool, kind: str, _plan: Plan, _schedule: Schedule
) -> dict | None:
    """One kind's heatmap as a Vega-Lite spec (``None``: nobody of that kind to show)."""
    from . import charts

    df = charts.load_frame(load_rows(plan_token, schedule_token, _plan, _schedule), _plan, kind, only_busy=only_busy)
    return charts.heatmap(df).to_dict() if not df.empty else None


@st.cache_data(show_spinner=False, max_entries=32)
def month_totals_spec(plan_token: str, schedule_token: str, _plan: Plan, _schedule: Schedule | None) -> dict:
    from . import charts

    return charts.month_totals(_plan, _schedule).to_dict()


@st.cache_data(show_spinner=False, max_entries=64)
def before_after_spec(
    plan_token: str, before_token: str, after_token: str, kind: str, entity: str, _before_rows: list, _after_rows: list
) -> dict:
    from . import charts

    return charts.before_after(_before_rows, _after_rows, kind, entity).to_dict()


@st.cache_data(show_spinner=False, max_entries=32)
def monthly_before_after_spec(
    plan_token: str, before_token: str, after_token: str, _plan: Plan, _before: Schedule, _after: Schedule
) -> dict:
    from . import charts

    return charts.monthly_before_after(_plan, _before, _after).to_dict()
