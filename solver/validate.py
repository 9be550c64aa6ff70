"""Load and check a plan: every error of a file at once, each naming list, id and field.

Two passes. First pydantic checks the shapes (a string where a number belongs,
a missing title); then, when the shapes are right, :func:`check_plan` checks
what pydantic cannot: ids that must exist, ids that must be unique, months in
1–12, windows that run forwards, and so on. Both passes collect everything
they find; nothing stops at the first error.
"""

from __future__ import annotations

import json
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
        return f"{name} {item_id}"
    if index is not None:
        return f"{name} 第 {index + 1} 行"
    return name


def _issue(section: str, item_id: str | None, field: str | None, text: str, index: int | None = None) -> PlanIssue:
    who = _where(section, item_id, index)
    label = T.FIELD.get(field, field) if field else None
    sep = " 的" if (item_id or index is not None) else "的"
    msg = f"{who}{sep}{label}{text}" if label else f"{who}{text}"
    return PlanIssue(section, item_id, field, msg)


# -- pass 1: shapes ------------------------------------------------------------

_PYDANTIC_TEXT = {
    "missing": "缺失(必填)",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "int_not_bool": "应为整数,不能是 true/false",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "tuple_type": "应为 [起, 止] 两个月份",
    "too_short": "应为 [起, 止] 两个月份",
    "too_long": "应为 [起, 止] 两个月份",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "model_type": "格式不正确",
    "dict_type": "格式不正确",
}


def _shape_issues(data: dict[str, Any], err: ValidationError) -> list[PlanIssue]:
    issues = []
    for e in err.errors():
        loc = list(e["loc"])
        text = _PYDANTIC_TEXT.get(e["type"], f"不正确({e['msg']})")
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


def _month_ok(m: Any) -> bool:
    return isinstance(m, int) and 1 <= m <= 12


def check_plan(plan: Plan) -> list[PlanIssue]:
    """Every cross-reference and range problem of a shape-valid plan."""
    out: list[PlanIssue] = []
    add = out.append

    if plan.format != PLAN_FORMAT:
        add(_issue("plan", None, "format", f' 应为 "{PLAN_FORMAT}",实为 "{plan.format}"'))

    cal = plan.calendar
    for field in ("months", "blackout_months"):
        bad = [m for m in getattr(cal, field) if not _month_ok(m)]
        if bad:
            add(_issue("calendar", None, field, f" 含无效月份 {bad}(应为 1–12)"))
    if not cal.months:
        add(_issue("calendar", None, "months", " 为空,没有可安排的月份"))
    if cal.session_month is not None:
        if not _month_ok(cal.session_month):
            add(_issue("calendar", None, "session_month", f" {cal.session_month} 无效(应为 1–12)"))
        elif cal.session_month not in cal.months:
            add(_issue("calendar", None, "session_month", f" {T.month(cal.session_month)} 不在可用月份中"))
    if cal.max_topics_per_month is not None and cal.max_topics_per_month < 0:
        add(_issue("calendar", None, "max_topics_per_month", " 不能为负数"))

    # unique ids and names per list
    for section in ("forms", "committees", "departments", "leaders", "topics"):
        rows = getattr(plan, section)
        for dup, n in Counter(r.id for r in rows).items():
            if n > 1:
                add(_issue(section, dup, "id", f" 重复出现 {n} 次(编号必须唯一)"))
        for i, r in enumerate(rows):
            if not r.id.strip():
                add(_issue(section, None, "id", " 为空", i))
        if section != "topics":
            for dup, n in Counter(r.name for r in rows).items():
                if n > 1:
                    add(_issue(section, None, "name", f' "{dup}" 重复出现 {n} 次'))

    forms = plan.form_by_id()
    committees = plan.committee_by_id()
    departments = plan.department_by_id()
    leaders = plan.leader_by_id()
    topic_ids = {t.id: t.id for t in plan.topics}  # built once: per topic it made a 5000-topic check take seconds

    for f in plan.forms:
        if not f.name.strip():
            add(_issue("forms", f.id, "name", " 为空"))
        if f.max_per_month is not None and f.max_per_month < 0:
            add(_issue("forms", f.id, "max_per_month", " 不能为负数"))
        if f.min_gap_months < 0:
            add(_issue("forms", f.id, "min_gap_months", " 不能为负数"))
        if f.session_only and cal.session_month is None and any(t.form == f.id for t in plan.topics):
            add(_issue("forms", f.id, "session_only", ",但日历未设全会月份"))
    for c in plan.committees:
        if c.max_per_month is not None and c.max_per_month < 0:
            add(_issue("committees", c.id, "max_per_month", " 不能为负数"))
    for d in plan.departments:
        if d.max_per_month < 0:
            add(_issue("departments", d.id, "max_per_month", " 不能为负数"))
    for x in plan.leaders:
        if x.max_per_month < 0:
            add(_issue("leaders", x.id, "max_per_month", " 不能为负数"))
        bad = [m for m in x.unavailable_months if not _month_ok(m)]
        if bad:
            add(_issue("leaders", x.id, "unavailable_months", f" 含无效月份 {bad}(应为 1–12)"))

    def refs(t, field: str, ids, known: dict) -> None:
        for ref in ids:
            if ref not in known:
                add(_issue("topics", t.id, field, f' "{ref}" 不存在'))
        for dup, n in Counter(ids).items():
            if n > 1:
                add(_issue("topics", t.id, field, f' "{dup}" 重复列出'))

    for i, t in enumerate(plan.topics):
        if not t.title.strip():
            add(_issue("topics", t.id or None, "title", " 为空", i))
        if t.form not in forms:
            add(_issue("topics", t.id, "form", f' "{t.form}" 不存在'))
        if not t.lead_options:
            add(_issue("topics", t.id, "lead_options", " 为空,至少需要一个承办专委会"))
        refs(t, "lead_options", t.lead_options, committees)
        refs(t, "co_organizers", t.co_organizers, committees)
        both = set(t.lead_options) & set(t.co_organizers)
        if both:
            add(_issue("topics", t.id, "co_organizers", f" {sorted(both)} 同时列为承办候选"))
        refs(t, "departments", t.departments, departments)
        refs(t, "leaders", t.leaders, leaders)
        refs(t, "after", t.after, topic_ids)
        if t.id in t.after:
            add(_issue("topics", t.id, "after", " 不能包含议题自身"))
        if t.window is not None:
            lo, hi = t.window
            if not (_month_ok(lo) and _month_ok(hi)):
                add(_issue("topics", t.id, "window", f" {list(t.window)} 含无效月份(应为 1–12)"))
            elif lo > hi:
                add(_issue("topics", t.id, "window", f" {lo}–{hi}月 起止颠倒(起始月份晚于结束月份)"))
        bad = [m for m in t.preferred_months if not _month_ok(m)]
        if bad:
            add(_issue("topics", t.id, "preferred_months", f" 含无效月份 {bad}(应为 1–12)"))
        if t.fixed_month is not None and not _month_ok(t.fixed_month):
            add(_issue("topics", t.id, "fixed_month", f" {t.fixed_month} 无效(应为 1–12)"))
    return out


# -- entry points ------------------------------------------------------------------


def parse_plan(data: Any) -> Plan:
    """Validate a decoded JSON plan; raise :class:`PlanError` with every issue."""
    if not isinstance(data, dict):
        raise PlanError([PlanIssue("plan", None, None, "计划文件的顶层应为 JSON 对象 {…}")])
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
            [PlanIssue("plan", None, None, f"{what}不是有效的 JSON:第 {err.lineno} 行第 {err.colno} 列附近 {err.msg}")]
        ) from None


def load_plan(source: str | Path | bytes) -> Plan:
    """Read a plan from a path, or from JSON text/bytes."""
    if isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PlanError([PlanIssue("plan", None, None, f"找不到计划文件 {path}")]) from None
        except UnicodeDecodeError:
            raise PlanError([PlanIssue("plan", None, None, f"计划文件 {path} 不是 UTF-8 编码的文本")]) from None
    else:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
    return parse_plan(_decode(text, "计划文件"))


def parse_schedule(data: Any, plan: Plan | None = None) -> Schedule:
    """Validate a decoded schedule; with ``plan``, also check its references."""
    if not isinstance(data, dict):
        raise PlanError([PlanIssue("plan", None, None, "安排文件的顶层应为 JSON 对象 {…}")])
    try:
        sched = Schedule.model_validate(data)
    except ValidationError as err:
        issues = []
        for e in err.errors():
            loc = ".".join(str(x) for x in e["loc"])
            issues.append(PlanIssue("schedule", None, loc, f"安排文件 {loc} {_PYDANTIC_TEXT.get(e['type'], e['msg'])}"))
        raise PlanError(issues) from None
    issues = []
    if sched.format != SCHEDULE_FORMAT:
        issues.append(PlanIssue("schedule", None, "format", f'安排文件的格式标识应为 "{SCHEDULE_FORMAT}"'))
    if plan is not None:
        topics = plan.topic_by_id()
        committees = plan.committee_by_id()
        for dup, n in Counter(a.topic for a in sched.assignments).items():
            if n > 1:
                issues.append(PlanIssue("schedule", dup, "topic", f"安排中议题 {dup} 出现 {n} 次"))
        for a in sched.assignments:
            if a.topic not in topics:
                issues.append(PlanIssue("schedule", a.topic, "topic", f'安排中的议题 "{a.topic}" 不在计划中'))
            if not _month_ok(a.month):
                issues.append(
                    PlanIssue("schedule", a.topic, "month", f"安排中议题 {a.topic} 的月份 {a.month} 无效(应为 1–12)")
                )
            if a.lead not in committees:
                issues.append(
                    PlanIssue("schedule", a.topic, "lead", f'安排中议题 {a.topic} 的承办专委会 "{a.lead}" 不存在')
                )
    if issues:
        raise PlanError(issues)
    return sched


def load_schedule(source: str | Path, plan: Plan | None = None) -> Schedule:
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError([PlanIssue("plan", None, None, f"找不到安排文件 {path}")]) from None
    return parse_schedule(_decode(text, "安排文件"), plan)
