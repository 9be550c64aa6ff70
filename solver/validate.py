"""Load and check a plan: every error of a file at once, each naming list, id and field.

Two passes. First pydantic checks the shapes (a string where a number belongs,
a missing title); then, when the shapes are right, :func:`check_plan` checks
what pydantic cannot: ids that must exist, ids that must be unique, months in
1–12, windows that run forwards, and so on. Both passes collect everything
they find; nothing stops at the first error.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import texts as T
from .plan import PLAN_FORMAT, SCHEDULE_FORMAT, Plan, Schedule


@dataclass(frozen=True)
class PlanIssue:
    """One thing wrong with a plan, located precisely enough to fix."""

    section: str  # "topics", "forms", … or "calendar"/"plan"
    item_id: str | None  # the id of the row, when it has one
    field: str | None
    message: str  # full Chinese sentence, names list, id and field

    def __str__(self) -> str:
        return self.message


class PlanError(ValueError):
    """A plan (or schedule) that cannot be used; carries every issue found."""

    def __init__(self, issues: list[PlanIssue]):
        self.issues = issues
        super().__init__("\n".join(i.message for i in issues))


def _where(section: str, item_id: str | None, index: int | None = None) -> str:
    name = T.SECTION.get(section, section)
    if item_id:
        return T.VALIDATE["where_id"].format(section=name, id=item_id)
    if index is not None:
        return T.VALIDATE["where_row"].format(section=name, row=index + 1)
    return name


def _issue(section: str, item_id: str | None, field: str | None, text: str, index: int | None = None) -> PlanIssue:
    who = _where(section, item_id, index)
    label = T.FIELD.get(field, field) if field else None
    sep = T.VALIDATE["of_row"] if (item_id or index is not None) else T.VALIDATE["of_section"]
    msg = f"{who}{sep}{label}{text}" if label else f"{who}{text}"
    return PlanIssue(section, item_id, field, msg)


# -- pass 1: shapes ------------------------------------------------------------

_PYDANTIC_TEXT = T.PYDANTIC_TEXT
log = logging.getLogger(__name__)


def _pydantic_text(error: Any) -> str:
    """One pydantic error → Chinese; pydantic's English sentence only in the log."""
    text = _PYDANTIC_TEXT.get(error["type"])
    if text is None:
        log.info("pydantic %s at %s: %s", error["type"], error.get("loc"), error.get("msg"))
        text = T.VALIDATE["other"]
    return text


def _shape_issues(data: dict[str, Any], err: ValidationError) -> list[PlanIssue]:
    issues = []
    for e in err.errors():
        loc = list(e["loc"])
        text = _pydantic_text(e)
        section, item_id, index, field = "plan", None, None, None
        if loc and loc[0] in T.SECTION and loc[0] != "plan":
            section = str(loc[0])
            if section == "calendar":
                field = str(loc[1]) if len(loc) > 1 else None
            elif len(loc) > 1 and isinstance(loc[1], int):
                index = loc[1]
                row = (data.get(section) or [None] * (index + 1))[index]
                if isinstance(row, dict) and isinstance(row.get("id"), str):
                    item_id = row["id"]
                field = str(loc[2]) if len(loc) > 2 else None
        elif loc:
            field = str(loc[0])
        issues.append(_issue(section, item_id, field, " " + text, index))
    return issues


# -- pass 2: meaning -------------------------------------------------------------


# The largest count a limit may hold (topics a month, months between two topics):
# far beyond any plan, and small enough for every database's INTEGER and for CP-SAT
# (10**30 was stored as an OverflowError and a crash).
MAX_COUNT = 1_000_000


def _count_wrong(value: int) -> str | None:
    """Why a count limit is out of range (Chinese, for the issue), or None when it is fine."""
    if value < 0:
        return T.VALIDATE["negative"]
    if value > MAX_COUNT:
        return T.VALIDATE["too_large"].format(max=MAX_COUNT)
    return None


def _month_ok(m: Any) -> bool:
    return isinstance(m, int) and 1 <= m <= 12


# A plan year the calendars, Excel dates and the database can all hold (the
# generator and the command lines use the same range): 10**30 or -5 are typos.
YEAR_MIN, YEAR_MAX = 1949, 2200


def check_plan(plan: Plan) -> list[PlanIssue]:
    """Every cross-reference and range problem of a shape-valid plan."""
    out: list[PlanIssue] = []
    add = out.append

    if plan.format != PLAN_FORMAT:
        add(_issue("plan", None, "format", T.VALIDATE["bad_format"].format(want=PLAN_FORMAT, got=plan.format)))
    if not YEAR_MIN <= plan.year <= YEAR_MAX:
        add(_issue("plan", None, "year", T.VALIDATE["bad_year"].format(year=plan.year, lo=YEAR_MIN, hi=YEAR_MAX)))

    cal = plan.calendar
    for field in ("months", "blackout_months"):
        bad = [m for m in getattr(cal, field) if not _month_ok(m)]
        if bad:
            add(_issue("calendar", None, field, T.VALIDATE["bad_months"].format(months=bad)))
    if not cal.months:
        add(_issue("calendar", None, "months", T.VALIDATE["no_months"]))
    if cal.session_month is not None:
        if not _month_ok(cal.session_month):
            add(_issue("calendar", None, "session_month", T.VALIDATE["bad_month"].format(month=cal.session_month)))
        elif cal.session_month not in cal.months:
            add(
                _issue(
                    "calendar",
                    None,
                    "session_month",
                    T.VALIDATE["not_in_months"].format(month=T.month(cal.session_month)),
                )
            )
    if cal.max_topics_per_month is not None and _count_wrong(cal.max_topics_per_month):
        add(_issue("calendar", None, "max_topics_per_month", _count_wrong(cal.max_topics_per_month)))

    # unique ids and names per list
    for section in ("forms", "committees", "departments", "leaders", "topics"):
        rows = getattr(plan, section)
        for dup, n in Counter(r.id for r in rows).items():
            if n > 1:
                add(_issue(section, dup, "id", T.VALIDATE["duplicate_id"].format(n=n)))
        for i, r in enumerate(rows):
            if not r.id.strip():
                add(_issue(section, None, "id", T.VALIDATE["empty"], i))
        if section not in ("topics", "forms"):  # forms: checked below, with their other fields
            for r in rows:
                if not r.name.strip():
                    add(_issue(section, r.id, "name", T.VALIDATE["empty"]))
        if section != "topics":
            for dup, n in Counter(r.name for r in rows).items():
                if n > 1:
                    add(_issue(section, None, "name", T.VALIDATE["duplicate_name"].format(name=dup, n=n)))

    forms = plan.form_by_id()
    committees = plan.committee_by_id()
    departments = plan.department_by_id()
    leaders = plan.leader_by_id()
    topic_ids = {t.id: t.id for t in plan.topics}  # built once: per topic it made a 5000-topic check take seconds

    for f in plan.forms:
        if not f.name.strip():
            add(_issue("forms", f.id, "name", T.VALIDATE["empty"]))
        if f.max_per_month is not None and _count_wrong(f.max_per_month):
            add(_issue("forms", f.id, "max_per_month", _count_wrong(f.max_per_month)))
        if _count_wrong(f.min_gap_months):
            add(_issue("forms", f.id, "min_gap_months", _count_wrong(f.min_gap_months)))
        if f.session_only and cal.session_month is None and any(t.form == f.id for t in plan.topics):
            add(_issue("forms", f.id, "session_only", T.VALIDATE["no_session"]))
    for c in plan.committees:
        if c.max_per_month is not None and _count_wrong(c.max_per_month):
            add(_issue("committees", c.id, "max_per_month", _count_wrong(c.max_per_month)))
    for d in plan.departments:
        if _count_wrong(d.max_per_month):
            add(_issue("departments", d.id, "max_per_month", _count_wrong(d.max_per_month)))
    for x in plan.leaders:
        if _count_wrong(x.max_per_month):
            add(_issue("leaders", x.id, "max_per_month", _count_wrong(x.max_per_month)))
        bad = [m for m in x.unavailable_months if not _month_ok(m)]
        if bad:
            add(_issue("leaders", x.id, "unavailable_months", T.VALIDATE["bad_months"].format(months=bad)))

    def refs(t, field: str, ids, known: dict) -> None:
        for ref in ids:
            if ref not in known:
                add(_issue("topics", t.id, field, T.VALIDATE["missing_ref"].format(ref=ref)))
        for dup, n in Counter(ids).items():
            if n > 1:
                add(_issue("topics", t.id, field, T.VALIDATE["duplicate_ref"].format(ref=dup)))

    for i, t in enumerate(plan.topics):
        if not t.title.strip():
            add(_issue("topics", t.id or None, "title", T.VALIDATE["empty"], i))
        if not str(t.form or "").strip():
            add(_issue("topics", t.id, "form", T.VALIDATE["empty"]))
        elif t.form not in forms:
            add(_issue("topics", t.id, "form", T.VALIDATE["missing_ref"].format(ref=t.form)))
        if not t.lead_options:
            add(_issue("topics", t.id, "lead_options", T.VALIDATE["no_lead"]))
        refs(t, "lead_options", t.lead_options, committees)
        refs(t, "co_organizers", t.co_organizers, committees)
        both = set(t.lead_options) & set(t.co_organizers)
        if both:
            add(_issue("topics", t.id, "co_organizers", T.VALIDATE["lead_and_co"].format(ids=sorted(both))))
        refs(t, "departments", t.departments, departments)
        refs(t, "leaders", t.leaders, leaders)
        refs(t, "after", t.after, topic_ids)
        if t.id in t.after:
            add(_issue("topics", t.id, "after", T.VALIDATE["after_self"]))
        if t.window is not None:
            lo, hi = t.window
            if not (_month_ok(lo) and _month_ok(hi)):
                add(_issue("topics", t.id, "window", T.VALIDATE["bad_window"].format(window=list(t.window))))
            elif lo > hi:
                add(_issue("topics", t.id, "window", T.VALIDATE["window_backwards"].format(lo=lo, hi=hi)))
        bad = [m for m in t.preferred_months if not _month_ok(m)]
        if bad:
            add(_issue("topics", t.id, "preferred_months", T.VALIDATE["bad_months"].format(months=bad)))
        if t.fixed_month is not None and not _month_ok(t.fixed_month):
            add(_issue("topics", t.id, "fixed_month", T.VALIDATE["bad_month"].format(month=t.fixed_month)))
    return out


# -- entry points ------------------------------------------------------------------


def parse_plan(data: Any) -> Plan:
    """Validate a decoded JSON plan; raise :class:`PlanError` with every issue."""
    if not isinstance(data, dict):
        raise PlanError([PlanIssue("plan", None, None, T.VALIDATE["plan_not_object"])])
    try:
        plan = Plan.model_validate(data)
    except ValidationError as err:
        raise PlanError(_shape_issues(data, err)) from None
    issues = check_plan(plan)
    if issues:
        raise PlanError(issues)
    return plan


def _decode(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise PlanError(
            [
                PlanIssue(
                    "plan",
                    None,
                    None,
                    T.VALIDATE["bad_json"].format(what=what, line=err.lineno, col=err.colno, msg=err.msg),
                )
            ]
        ) from None


def load_plan(source: str | Path | bytes) -> Plan:
    """Read a plan from a path, or from JSON text/bytes."""
    if isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PlanError([PlanIssue("plan", None, None, T.VALIDATE["plan_not_found"].format(path=path))]) from None
        except UnicodeDecodeError:
            raise PlanError([PlanIssue("plan", None, None, T.VALIDATE["plan_not_utf8"].format(path=path))]) from None
    else:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
    return parse_plan(_decode(text, T.IO["plan_file"]))


def parse_schedule(data: Any, plan: Plan | None = None) -> Schedule:
    """Validate a decoded schedule; with ``plan``, also check its references."""
    if not isinstance(data, dict):
        raise PlanError([PlanIssue("plan", None, None, T.VALIDATE["schedule_not_object"])])
    try:
        sched = Schedule.model_validate(data)
    except ValidationError as err:
        issues = []
        for e in err.errors():
            loc = ".".join(str(x) for x in e["loc"])
            issues.append(
                PlanIssue(
                    "schedule",
                    None,
                    loc,
                    T.VALIDATE["schedule_shape"].format(loc=loc, text=_pydantic_text(e)),
                )
            )
        raise PlanError(issues) from None
    issues = []
    if sched.format != SCHEDULE_FORMAT:
        issues.append(PlanIssue("schedule", None, "format", T.VALIDATE["schedule_format"].format(want=SCHEDULE_FORMAT)))
    if plan is not None:
        topics = plan.topic_by_id()
        committees = plan.committee_by_id()
        for dup, n in Counter(a.topic for a in sched.assignments).items():
            if n > 1:
                issues.append(
                    PlanIssue("schedule", dup, "topic", T.VALIDATE["schedule_duplicate"].format(topic=dup, n=n))
                )
        for a in sched.assignments:
            if a.topic not in topics:
                issues.append(
                    PlanIssue("schedule", a.topic, "topic", T.VALIDATE["schedule_unknown_topic"].format(topic=a.topic))
                )
            if not _month_ok(a.month):
                issues.append(
                    PlanIssue(
                        "schedule",
                        a.topic,
                        "month",
                        T.VALIDATE["schedule_bad_month"].format(topic=a.topic, month=a.month),
                    )
                )
            if a.lead not in committees:
                issues.append(
                    PlanIssue(
                        "schedule",
                        a.topic,
                        "lead",
                        T.VALIDATE["schedule_unknown_lead"].format(topic=a.topic, lead=a.lead),
                    )
                )
    if issues:
        raise PlanError(issues)
    return sched


def load_schedule(source: str | Path, plan: Plan | None = None) -> Schedule:
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError([PlanIssue("plan", None, None, T.VALIDATE["schedule_not_found"].format(path=path))]) from None
    return parse_schedule(_decode(text, T.IO["schedule_file"]), plan)
