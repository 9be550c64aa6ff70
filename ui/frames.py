"""Plan and schedule ↔ pandas frames: what the tables on the pages show.

Two directions:

* **Editors** (议题与资源): :func:`editor_frames` turns each list of the plan
  into a frame whose reference cells hold *ids* (the multiselect columns show
  the *names* through ``format_func``); :func:`plan_from_frames` turns the
  edited frames back into a plan document, keeping every field the editors do
  not show, and :func:`validate_frames` runs it through
  :func:`solver.parse_plan` and points each problem at the row on screen.
* **Read-only tables** (lists, findings, diffs, suggestions): one function per
  table, Chinese headers from :mod:`ui.texts`, names instead of ids.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from solver import PlanError, PlanIssue, parse_plan
from solver import texts as ST
from solver.plan import Finding, Plan, Schedule
from solver.rules import GOAL_HELP, GOAL_LABELS
from solver.rules.wishes import Moved
from solver.whatif import Diff, MonthOption, rank_options

from . import texts as U
from .select import finding_entity, finding_kind_label, form_counts, topic_filter  # noqa: F401 (re-exported)

SECTIONS = ("topics", "forms", "committees", "departments", "leaders", "plan")
MONTH_OPTIONS = [str(m) for m in range(1, 13)]
# Prefix of ids made up for rows the planner adds (the id column is not editable:
# ids are references, and a typo in one would silently cut a topic's links).
NEW_ID_PREFIX = {"topics": "T", "forms": "form", "committees": "com", "departments": "dept", "leaders": "ldr"}

# Columns shown per section, in order (the plan's own field names; window is two columns).
COLUMNS = {
    "plan": ["body", "year", "months", "blackout_months", "session_month", "max_topics_per_month"],
    "topics": [
        "id",
        "title",
        "form",
        "lead_options",
        "co_organizers",
        "departments",
        "leaders",
        "window_start",
        "window_end",
        "preferred_months",
        "fixed_month",
        "after",
        "notes",
    ],
    "forms": ["id", "name", "session_only", "max_per_month", "min_gap_months"],
    "committees": ["id", "name", "max_per_month"],
    "departments": ["id", "name", "max_per_month"],
    "leaders": ["id", "name", "role", "unavailable_months", "max_per_month"],
}
_INT_COLUMNS = {
    "year",
    "session_month",
    "max_topics_per_month",
    "window_start",
    "window_end",
    "fixed_month",
    "max_per_month",
    "min_gap_months",
}
_MONTH_LIST_COLUMNS = {"months", "blackout_months", "preferred_months", "unavailable_months"}
_REF_LIST_COLUMNS = {"lead_options", "co_organizers", "departments", "leaders", "after"}


# -- small conversions ----------------------------------------------------------------------


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NA:
        return True
    return isinstance(v, float) and math.isnan(v)


def _int_or_raw(v: Any) -> Any:
    """A cell of an integer column as int (None when empty); a non-integer stays as typed for validation."""
    if _is_missing(v):
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    try:
        return int(v)
    except (TypeError, ValueError):
        return v


def _as_list(v: Any) -> list[str]:
    if v is None or (not isinstance(v, str) and not hasattr(v, "__iter__")):
        return [] if _is_missing(v) else [str(v)]
    if isinstance(v, str):
        return [x.strip() for x in v.replace(",", ",").split(",") if x.strip()]
    return [str(x) for x in v if not _is_missing(x)]


def _months(v: Any) -> list[Any]:
    return [_int_or_raw(x) for x in _as_list(v)]


def _text(v: Any) -> str:
    return "" if _is_missing(v) else str(v)


# An empty cell in an editor shows nothing (Streamlit's default placeholder is the word "None").
EDITOR_PLACEHOLDER = ""


def editor_column_order(section: str) -> list[str]:
    """The editor's columns in display order: the names a planner knows first, the (read-only) id last."""
    cols = COLUMNS[section]
    return [c for c in cols if c != "id"] + (["id"] if "id" in cols else [])


# A month number in an editor cell, spelt as everywhere else (ST.month: "7月", no space).
MONTH_FORMAT = U.MONTH_NUMBER_FORMAT


def month_label(m: Any) -> str:
    try:
        return ST.month(int(m))
    except (TypeError, ValueError):
        return str(m)


# -- editors: plan → frames ------------------------------------------------------------------


def editor_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """One frame per list of the plan, plus the one-row plan/calendar frame."""
    cal = plan.calendar
    frames: dict[str, pd.DataFrame] = {
        "plan": pd.DataFrame(
            [
                {
                    "body": plan.body,
                    "year": plan.year,
                    "months": [str(m) for m in cal.months],
                    "blackout_months": [str(m) for m in cal.blackout_months],
                    "session_month": cal.session_month,
                    "max_topics_per_month": cal.max_topics_per_month,
                }
            ]
        ),
        "topics": pd.DataFrame(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "form": t.form,
                    "lead_options": list(t.lead_options),
                    "co_organizers": list(t.co_organizers),
                    "departments": list(t.departments),
                    "leaders": list(t.leaders),
                    "window_start": t.window[0] if t.window else None,
                    "window_end": t.window[1] if t.window else None,
                    "preferred_months": [str(m) for m in t.preferred_months],
                    "fixed_month": t.fixed_month,
                    "after": list(t.after),
                    "notes": t.notes,
                }
                for t in plan.topics
            ],
            columns=COLUMNS["topics"],
        ),
        "forms": pd.DataFrame(
            [f.model_dump(include=set(COLUMNS["forms"])) for f in plan.forms], columns=COLUMNS["forms"]
        ),
        "committees": pd.DataFrame(
            [c.model_dump(include=set(COLUMNS["committees"])) for c in plan.committees], columns=COLUMNS["committees"]
        ),
        "departments": pd.DataFrame(
            [d.model_dump(include=set(COLUMNS["departments"])) for d in plan.departments],
            columns=COLUMNS["departments"],
        ),
        "leaders": pd.DataFrame(
            [
                {
                    **x.model_dump(include=set(COLUMNS["leaders"])),
                    "unavailable_months": [str(m) for m in x.unavailable_months],
                }
                for x in plan.leaders
            ],
            columns=COLUMNS["leaders"],
        ),
    }
    for name, df in frames.items():
        for col in df.columns:
            if col in _INT_COLUMNS:
                df[col] = df[col].astype("Int64")
            elif col in ("session_only",):
                df[col] = df[col].astype("boolean")
        frames[name] = df
    return frames


def editor_columns(plan: Plan, section: str) -> dict[str, Any]:
    """``column_config`` for one editor: Chinese headers, names shown for id references."""
    cc = st.column_config
    F = ST.FIELD
    forms = {f.id: f.name for f in plan.forms}
    committees = {c.id: c.name for c in plan.committees}
    departments = {d.id: d.name for d in plan.departments}
    leaders = {x.id: x.name for x in plan.leaders}
    topics = {t.id: t.title for t in plan.topics}

    def names(table: dict[str, str]):
        return lambda i: table.get(i, i)

    def month_list(label: str, help: str | None = None):
        return cc.MultiselectColumn(label, options=MONTH_OPTIONS, format_func=month_label, help=help)

    def month_num(label: str, help: str | None = None):
        return cc.NumberColumn(label, min_value=1, max_value=12, step=1, format=MONTH_FORMAT, help=help)

    def limit(label: str = F["max_per_month"]):
        return cc.NumberColumn(label, min_value=0, step=1, format="%d")

    # No column is ``required``: the browser holds back a new row with an empty required cell
    # and never sends it, so the row vanished on save while the check said 「检查通过」.
    # Every row typed reaches validate_frames, which names each empty field by row in Chinese.
    id_col = cc.TextColumn(F["id"], disabled=True, width="small", help=U.RES_NEW_ID_HELP)
    configs: dict[str, dict[str, Any]] = {
        "plan": {
            "body": cc.TextColumn(F["body"], width="medium"),
            "year": cc.NumberColumn(F["year"], min_value=2000, max_value=2100, step=1, format="%d"),
            "months": month_list(F["months"]),
            "blackout_months": month_list(F["blackout_months"]),
            "session_month": month_num(F["session_month"]),
            "max_topics_per_month": limit(F["max_topics_per_month"]),
        },
        "topics": {
            "id": id_col,
            "title": cc.TextColumn(F["title"], width="large"),
            "form": cc.SelectboxColumn(F["form"], options=list(forms), format_func=names(forms)),
            "lead_options": cc.MultiselectColumn(
                F["lead_options"], options=list(committees), format_func=names(committees)
            ),
            "co_organizers": cc.MultiselectColumn(
                F["co_organizers"], options=list(committees), format_func=names(committees)
            ),
            "departments": cc.MultiselectColumn(
                F["departments"], options=list(departments), format_func=names(departments)
            ),
            "leaders": cc.MultiselectColumn(F["leaders"], options=list(leaders), format_func=names(leaders)),
            "window_start": month_num(U.RES_WINDOW_START),
            "window_end": month_num(U.RES_WINDOW_END),
            "preferred_months": month_list(F["preferred_months"]),
            "fixed_month": month_num(F["fixed_month"]),
            "after": cc.MultiselectColumn(
                F["after"], options=list(topics), format_func=lambda i: ST.topic_label(i, topics.get(i), width=10)
            ),
            "notes": cc.TextColumn(F["notes"], width="medium"),
        },
        "forms": {
            "id": id_col,
            "name": cc.TextColumn(F["name"], width="medium"),
            "session_only": cc.CheckboxColumn(F["session_only"]),
            "max_per_month": limit(),
            "min_gap_months": cc.NumberColumn(F["min_gap_months"], min_value=0, step=1, format="%d"),
        },
        "committees": {
            "id": id_col,
            "name": cc.TextColumn(F["name"], width="medium"),
            "max_per_month": limit(),
        },
        "departments": {
            "id": id_col,
            "name": cc.TextColumn(F["name"], width="medium"),
            "max_per_month": limit(),
        },
        "leaders": {
            "id": id_col,
            "name": cc.TextColumn(F["name"], width="medium"),
            "role": cc.TextColumn(F["role"], width="medium"),
            "unavailable_months": month_list(F["unavailable_months"]),
            "max_per_month": limit(),
        },
    }
    return configs[section]


# -- editors: frames → plan --------------------------------------------------------------------


def _fill_new_ids(section: str, df: pd.DataFrame, taken: set[str]) -> pd.DataFrame:
    """Rows the planner added have no id: give each the next free one (T12, dept42 …)."""
    if section == "plan" or "id" not in df.columns:
        return df
    df = df.copy()
    prefix = NEW_ID_PREFIX[section]
    used = set(taken) | {str(x) for x in df["id"] if not _is_missing(x) and str(x).strip()}
    n = len(used) + 1
    for i in df.index:
        v = df.at[i, "id"]
        if _is_missing(v) or not str(v).strip():
            while f"{prefix}{n:02d}" in used:
                n += 1
            df.at[i, "id"] = f"{prefix}{n:02d}"
            used.add(f"{prefix}{n:02d}")
    return df


def with_new_ids(plan: Plan, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    taken = {
        "topics": {t.id for t in plan.topics},
        "forms": {f.id for f in plan.forms},
        "committees": {c.id for c in plan.committees},
        "departments": {d.id for d in plan.departments},
        "leaders": {x.id for x in plan.leaders},
        "plan": set(),
    }
    return {s: _fill_new_ids(s, df, taken[s]) for s, df in frames.items()}


# A new topic typed without any month (no window, no preferred month, no fixed month) would be free to
# take every calendar month the hard rules leave, the plenary month and January included: the trial
# saw a new 对口协商 printed as 「时间安排:1月」 beside the 全会. A planner who leaves the months empty
# means "whenever topics usually go", so such a row gets the plan's usual window (the commonest window
# of its ordinary topics; April–November when it has none, the default of shared/domain-notes.md:
# no ordinary topic in any real plan is set in Jan–Mar). The solver keeps its own meaning of "no
# window" (any month but the blackout), which imports, the plenary topic and the CLI rely on; the
# window is written into the row, so the planner sees it in the grid and may change it.
DEFAULT_WINDOW = (4, 11)


def usual_window(plan: Plan) -> tuple[int, int]:
    """The commonest window of the plan's ordinary (not session-only) topics; April–November if none."""
    session_only = {f.id for f in plan.forms if f.session_only}
    windows = [tuple(t.window) for t in plan.topics if t.window and t.form not in session_only]
    if not windows:
        return DEFAULT_WINDOW
    return max(set(windows), key=lambda w: (windows.count(w), -w[0], w[1]))


def new_topics_without_months(plan: Plan, frames: dict[str, pd.DataFrame]) -> list[str]:
    """Ids of the rows added to the topics table with no month at all (they get :func:`usual_window`)."""
    known = {t.id for t in plan.topics}
    session_only = {f.id for f in plan.forms if f.session_only}
    out = []
    for rec in frames["topics"].to_dict("records"):
        if str(rec.get("id")) in known or str(rec.get("form")) in session_only:
            continue
        cells = [rec.get(c) for c in ("window_start", "window_end", "fixed_month")]
        if all(_is_missing(v) for v in cells) and not _as_list(rec.get("preferred_months")):
            out.append(str(rec.get("id")))
    return out


def plan_from_frames(plan: Plan, frames: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """The plan document the edited frames describe (fields not shown are kept from ``plan``)."""
    data = plan.to_dict()
    row = frames["plan"].iloc[0].to_dict() if len(frames["plan"]) else {}
    data["body"] = _text(row.get("body"))
    data["year"] = _int_or_raw(row.get("year"))
    cal = dict(data.get("calendar") or {})
    cal["months"] = _months(row.get("months"))
    cal["blackout_months"] = _months(row.get("blackout_months"))
    cal["session_month"] = _int_or_raw(row.get("session_month"))
    cal["max_topics_per_month"] = _int_or_raw(row.get("max_topics_per_month"))
    data["calendar"] = cal
    no_months = set(new_topics_without_months(plan, frames))

    for section in SECTIONS:
        if section == "plan":
            continue
        before = {item["id"]: item for item in data.get(section, [])}
        items = []
        for rec in frames[section].to_dict("records"):
            item = dict(before.get(str(rec.get("id")), {}))
            for col, v in rec.items():
                if col in ("window_start", "window_end"):
                    continue
                if col in _MONTH_LIST_COLUMNS:
                    item[col] = _months(v)
                elif col in _REF_LIST_COLUMNS:
                    item[col] = _as_list(v)
                elif col in _INT_COLUMNS:
                    item[col] = _int_or_raw(v)
                elif col == "session_only":
                    item[col] = False if _is_missing(v) else bool(v)
                else:
                    item[col] = _text(v)
            if section == "topics":
                lo, hi = _int_or_raw(rec.get("window_start")), _int_or_raw(rec.get("window_end"))
                item["window"] = None if lo is None and hi is None else [lo, hi]
                if item.get("id") in no_months:
                    item["window"] = list(usual_window(plan))
            if section in ("forms", "committees") and item.get("max_per_month") is None:
                item["max_per_month"] = None
            if section == "forms" and item.get("min_gap_months") is None:
                item["min_gap_months"] = 0
            items.append(item)
        data[section] = items
    return data


def _row_of(frames: dict[str, pd.DataFrame], section: str, item_id: str | None) -> int | None:
    df = frames.get(section)
    if df is None or item_id is None or "id" not in df.columns:
        return None
    hits = [i for i, v in enumerate(df["id"].tolist()) if str(v) == item_id]
    return hits[0] + 1 if hits else None


def issues_frame(frames: dict[str, pd.DataFrame], issues: Iterable[PlanIssue]) -> pd.DataFrame:
    """Each problem with the table and the row number the planner sees it on."""
    rows = []
    for i in issues:
        section = "plan" if i.section == "calendar" else i.section
        n = _row_of(frames, section, i.item_id)
        where = U.RES_ISSUE_ROW.format(section=tab_label(section), row=n) if n else tab_label(section)
        rows.append(
            {
                U.COL["section"]: where,
                U.COL["field"]: ST.FIELD.get(i.field or "", i.field or ""),
                U.COL["message"]: i.message,
            }
        )
    return pd.DataFrame(rows, columns=[U.COL["section"], U.COL["field"], U.COL["message"]])


def tab_label(section: str) -> str:
    return U.RES_TAB_PLAN if section == "plan" else ST.SECTION[section]


def validate_frames(plan: Plan, frames: dict[str, pd.DataFrame]) -> tuple[Plan | None, pd.DataFrame]:
    """(the edited plan, no problems) or (None, a frame of every problem, located by row)."""
    frames = with_new_ids(plan, frames)
    data = plan_from_frames(plan, frames)
    try:
        return parse_plan(data), issues_frame(frames, [])
    except PlanError as err:
        return None, issues_frame(frames, err.issues)


# -- read-only tables ------------------------------------------------------------------------------


def _names(table: dict, ids: Iterable[str]) -> str:
    return U.joined(table[i].name if i in table else i for i in ids)


def topic_list(plan: Plan, schedule: Schedule | None, shown: set[str] | None = None) -> pd.DataFrame:
    """The plan as a list, in month order: what the 列表 tab and the exports show."""
    month = schedule.month_of() if schedule is not None else {}
    lead = schedule.lead_of() if schedule is not None else {}
    forms, committees = plan.form_by_id(), plan.committee_by_id()
    departments, leaders = plan.department_by_id(), plan.leader_by_id()
    rows = []
    for t in plan.topics:
        if shown is not None and t.id not in shown:
            continue
        rows.append(
            {
                "_m": month.get(t.id, 99),
                U.COL["month"]: ST.month(month.get(t.id)),
                U.COL["title"]: t.title,
                U.COL["form"]: forms[t.form].name if t.form in forms else t.form,
                U.COL["lead"]: _names(committees, [lead[t.id]] if t.id in lead else t.lead_options),
                U.COL["co_organizers"]: _names(committees, t.co_organizers),
                U.COL["departments"]: _names(departments, t.departments),
                U.COL["leaders"]: _names(leaders, t.leaders),
                U.COL["fixed"]: ST.month(t.fixed_month) if t.fixed_month is not None else "",
                U.COL["id"]: t.id,
            }
        )
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(
            columns=[
                U.COL[k]
                for k in ("month", "title", "form", "lead", "co_organizers", "departments", "leaders", "fixed", "id")
            ]
        )
    return df.sort_values(["_m", U.COL["id"]]).drop(columns="_m").reset_index(drop=True)


def findings_frame(plan: Plan, findings: Iterable[Finding]) -> pd.DataFrame:
    """A row per finding: kind, month, who, which topics, the sentence."""
    topics = plan.topic_by_id()
    rows = []
    for f in findings:
        kind, eid, name = finding_entity(plan, f)
        rows.append(
            {
                "_kind": f.kind,
                "_entity_kind": kind or "",
                "_entity": eid or "",
                "_month": f.month or 0,
                U.COL["kind"]: finding_kind_label(f.kind),
                U.COL["month"]: ST.month(f.month) if f.month else "",
                U.COL["entity"]: f"{U.ENTITY_KIND.get(kind, '')} {name}".strip() if name else "",
                U.COL["topics"]: U.joined(
                    ST.topic_label(t, topics[t].title if t in topics else None, width=12) for t in f.topics
                ),
                U.COL["message"]: f.message,
            }
        )
    cols = [
        "_kind",
        "_entity_kind",
        "_entity",
        "_month",
        U.COL["kind"],
        U.COL["month"],
        U.COL["entity"],
        U.COL["topics"],
        U.COL["message"],
    ]
    return pd.DataFrame(rows, columns=cols)


def breakdown_frame(schedule: Schedule) -> pd.DataFrame:
    """Objective per soft goal: label, count, weight, penalty."""
    rows = [
        {
            U.COL["goal"]: GOAL_LABELS.get(g, g),
            U.COL["count"]: v.get("count", 0),
            U.COL["weight"]: v.get("weight", 0),
            U.COL["penalty"]: v.get("penalty", 0),
            U.COL["message"]: GOAL_HELP.get(g, ""),
        }
        for g, v in (schedule.objective_breakdown or {}).items()
    ]
    return pd.DataFrame(
        rows, columns=[U.COL["goal"], U.COL["count"], U.COL["weight"], U.COL["penalty"], U.COL["message"]]
    )


def moved_frame(diff: Diff) -> pd.DataFrame:
    """Moved topics, before → after."""
    rows = [
        {
            U.COL["title"]: ST.topic_label(m.topic, m.title, width=30),
            U.COL["month_before"]: ST.month(m.month_before),
            U.COL["month_after"]: ST.month(m.month_after),
            U.COL["change"]: f"{ST.month(m.month_before)} → {ST.month(m.month_after)}"
            + (U.MOVED_LEAD.format(before=m.lead_before_name, after=m.lead_after_name) if m.lead_changed else ""),
        }
        for m in diff.moved
    ]
    return pd.DataFrame(rows, columns=[U.COL["title"], U.COL["month_before"], U.COL["month_after"], U.COL["change"]])


def for_you_options(diff: Diff) -> list[str]:
    """ "kind:id" keys of every entity something changed for, departments first."""
    order = {"department": 0, "committee": 1, "leader": 2}
    return [r.key for r in sorted(diff.for_you, key=lambda r: (order.get(r.kind, 9), r.name))]


def for_you_label(diff: Diff) -> dict[str, str]:
    return {r.key: f"{U.ENTITY_KIND.get(r.kind, '')} · {r.name}({len(r.changes)})" for r in diff.for_you}


def for_you_changes(diff: Diff, key: str | None) -> list[str]:
    for r in diff.for_you:
        if r.key == key:
            return list(r.changes)
    return []


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("0" if n == 0 else f"−{-n}")


def suggestion_order(rows: list[MonthOption]) -> list[MonthOption]:
    """The months a planner reads, in the solver's ranking (:func:`solver.whatif.rank_options`)."""
    return rank_options(rows)


def suggestions_frame(plan: Plan, topic_id: str, rows: list[MonthOption]) -> pd.DataFrame:
    """suggest_months rows as a table: month, feasible, change of the penalty and of each soft goal, why not.

    Rows in :func:`suggestion_order`. Changes are signed text (「+4」「−2」); a month that breaks a hard
    rule shows 「—」 there and says why, naming the topic as 「本议题」 (it is the one picked above).
    """
    t = plan.topic_by_id().get(topic_id)
    label = ST.topic_label(topic_id, t.title if t else None)
    goals = [g for g in (rows[0].changes if rows else {}) if g != Moved.name]
    out = []
    for r in suggestion_order(rows):
        rec = {
            U.COL["month"]: ST.month(r.month) + (f"({U.WI_NOW})" if r.current else ""),
            U.COL["feasible"]: ("✓ " + U.WI_YES) if r.feasible else ("✗ " + U.WI_NO),
            U.COL["penalty_change"]: _signed(r.penalty_change) if r.feasible else "—",
        }
        for g in goals:
            rec[GOAL_LABELS[g]] = _signed(r.changes[g]) if r.feasible else "—"
        rec[U.COL["reasons"]] = ";".join(m.replace(label, U.WI_THIS_TOPIC) for m in r.reasons)
        out.append(rec)
    return pd.DataFrame(out)


def filter_findings(
    df: pd.DataFrame, *, kinds: Iterable[str] = (), month: int | None = None, entity: str | None = None
) -> pd.DataFrame:
    """Rows of a findings frame of the given kinds (all if none), month and entity ("kind:id")."""
    kinds = list(kinds)
    keep = pd.Series(True, index=df.index)
    if kinds:
        keep &= df["_kind"].isin(kinds)
    if month:
        keep &= df["_month"] == month
    if entity:
        keep &= (df["_entity_kind"] + ":" + df["_entity"]) == entity
    return df[keep]


def finding_entities(df: pd.DataFrame) -> dict[str, str]:
    """ "kind:id" → 「部门 市商务局」 for every entity named in a findings frame."""
    named = df[df["_entity"] != ""].drop_duplicates(["_entity_kind", "_entity"])
    return dict(zip(named["_entity_kind"] + ":" + named["_entity"], named[U.COL["entity"]], strict=True))


VISIBLE_FINDING_COLUMNS = [U.COL["month"], U.COL["entity"], U.COL["topics"], U.COL["message"]]
HARD_FINDING_COLUMNS = [U.COL["kind"], *VISIBLE_FINDING_COLUMNS]
