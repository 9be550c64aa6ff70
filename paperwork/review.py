"""The review step of an import: a draft as editable rows, and the planner's corrections back into a plan.

The review screen (``ui/import_review.py``) shows, per topic, what the reader
read and from which lines; the planner corrects the cells and confirms.
These functions do the work so the screen only lays out widgets:

- :func:`topic_rows` / :func:`form_rows` — the draft as rows of plain values
  (names joined with "、", the time as a phrase the planner can retype);
- :func:`apply_review` — the edited rows → a validated :class:`Plan` (names
  looked up or added, the time phrase read by the same rules as the import),
  or :class:`PaperworkError` naming each bad row and field in Chinese;
- :func:`merge_check` — before a merge: another body's or year's plan, and
  the topics the open plan already has (same title and form);
- :func:`merge_into` — the imported topics added to an open plan (ids
  renumbered where they clash, those it already has left out), when the
  planner chooses to merge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from solver.plan import PLAN_FORMAT, Plan
from solver.validate import PlanError, parse_plan

from .common import PaperIssue, PaperworkError, from_plan_error, next_id
from .published_text import DraftPlan, committee_key, split_names, strip_body
from .time_phrases import parse_time

COLUMNS = {
    "id": "编号",
    "title": "议题",
    "form": "协商形式",
    "time": "时间",
    "lead": "承办",
    "departments": "协商部门",
    "leaders": "出席领导",
    "after": "前序议题",
    "fixed_month": "固定月份",
    "notes": "备注",
    "lines": "来源行",
    "confidence": "把握",
    "doubts": "需核对",
}
"""Row keys → the Chinese column headers the review screen shows."""

FORM_COLUMNS = {
    "id": "编号",
    "name": "名称",
    "session_only": "仅限全会期间",
    "max_per_month": "每月上限",
    "min_gap_months": "最少间隔月数",
}
"""Form row keys → the Chinese column headers."""

_WINDOW_SUFFIX = "(时间窗口)"


def time_text(months: list[int], window: tuple[int, int] | None, *, session: bool = False) -> str:
    """Months and window as a phrase :func:`parse_time` reads back the same way."""
    if session:
        return "全会期间"
    if months:
        if window and list(range(window[0], window[1] + 1)) == months and len(months) > 1:
            return f"{window[0]}-{window[1]}月"
        return "、".join(str(m) for m in months) + "月"
    if window:
        return f"{window[0]}-{window[1]}月{_WINDOW_SUFFIX}"
    return ""


def topic_rows(draft: DraftPlan) -> list[dict[str, Any]]:
    """One row per topic: what was read, the source lines and the reader's confidence (0–100)."""
    plan = draft.plan
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    report = {r.topic: r for r in draft.reports}
    rows = []
    for t in plan.topics:
        form = forms[t.form]
        r = report.get(t.id)
        lines = sorted({ln for s in r.sources for ln in s.lines}) if r else []
        session = form.session_only and t.preferred_months == [plan.calendar.session_month]
        rows.append(
            {
                "id": t.id,
                "title": t.title,
                "form": form.name,
                "time": time_text(t.preferred_months, t.window, session=session),
                "lead": "、".join(comms[c].name for c in t.lead_options + t.co_organizers),
                "departments": "、".join(depts[d].name for d in t.departments),
                "leaders": "、".join(leaders[x].name for x in t.leaders),
                "after": "、".join(t.after),
                "fixed_month": t.fixed_month,
                "notes": t.notes or "",
                "lines": "、".join(str(x) for x in lines),
                "confidence": round(100 * r.confidence) if r else 100,
                "doubts": "、".join(r.doubts) if r else "",
            }
        )
    return rows


def source_rows(draft: DraftPlan) -> list[dict[str, Any]]:
    """Per topic and field: the source line numbers and the words read there (for "where did this come from")."""
    from . import texts as T

    rows = []
    for r in draft.reports:
        for src in r.sources:
            rows.append(
                {
                    "topic": r.topic,
                    "field": T.FIELD_LABEL.get(src.field, src.field),
                    "lines": "、".join(str(x) for x in src.lines),
                    "text": src.text,
                }
            )
    return rows


SOURCE_COLUMNS = {"topic": "议题编号", "field": "字段", "lines": "行号", "text": "原文"}
"""Source row keys → the Chinese column headers."""


def form_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per form with its rules (the defaults the import gave a recognised form)."""
    return [
        {
            "id": f.id,
            "name": f.name,
            "session_only": f.session_only,
            "max_per_month": f.max_per_month,
            "min_gap_months": f.min_gap_months,
        }
        for f in plan.forms
    ]


def _clean(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):  # None or NaN from a data editor
        return ""
    return str(v).strip()


def _int_or_none(v: Any) -> int | None:
    s = _clean(v)
    if not s:
        return None
    return int(float(s))


class _Names:
    """Name → id for one list: the draft's ids reused, new names added."""

    def __init__(self, prefix: str, items: list[Any], key=lambda n: n):
        self.prefix = prefix
        self.key = key
        self.by_name = {key(i.name): i.model_dump(mode="json") for i in items}
        self.used: dict[str, dict[str, Any]] = {}
        self.taken = {i.id for i in items}

    def id_of(self, name: str) -> str:
        item = self.by_name.get(self.key(name))
        if item is None:
            item = {"id": next_id(self.prefix, self.taken), "name": name}
            self.by_name[self.key(name)] = item
        self.used[item["id"]] = item
        return item["id"]

    def dump(self) -> list[dict[str, Any]]:
        return list(self.used.values())


def apply_review(
    draft: DraftPlan,
    rows: list[dict[str, Any]],
    *,
    forms: list[dict[str, Any]] | None = None,
    body: str,
    year: int | None,
    session_month: int | None = None,
    blackout_months: list[int] | None = None,
) -> Plan:
    """The planner's corrected rows → a validated plan (only the names the rows use are kept).

    ``rows``: as :func:`topic_rows` returned them, edited (extra keys ignored;
    the ``time`` cell is read with :func:`~paperwork.time_phrases.parse_time`;
    ``after`` names earlier topics by id or by title, "、"-separated;
    ``fixed_month`` is 1–12 or blank; ``notes`` is free text). A row without
    one of these three keys keeps the draft's value.
    ``forms``: as :func:`form_rows`, edited (None keeps the draft's).
    ``year`` must be given (the draft may only have a placeholder).
    Raises PaperworkError listing every problem, each naming the topic and field.
    """
    issues: list[str] = []
    if year is None:
        issues.append("请填写计划年度(文本中没有写明年份)")
    if not body.strip():
        issues.append("请填写政协名称(如“某市政协”)")
    plan = draft.plan
    form_list = forms if forms is not None else form_rows(plan)
    form_items: list[dict[str, Any]] = []
    for f in form_list:
        name = _clean(f.get("name"))
        if not name:
            issues.append(f"协商形式 {f.get('id') or ''}:名称为空")
            continue
        try:
            item = {
                "id": _clean(f.get("id")) or next_id("F", {x["id"] for x in form_items}, width=1),
                "name": name,
                "session_only": bool(f.get("session_only")),
                "max_per_month": _int_or_none(f.get("max_per_month")),
                "min_gap_months": _int_or_none(f.get("min_gap_months")) or 0,
            }
        except ValueError:
            issues.append(f"协商形式「{name}」:每月上限或间隔月数应为整数")
            continue
        form_items.append(item)
    form_by_name = {f["name"]: f for f in form_items}
    cal = plan.calendar.model_dump(mode="json")
    if session_month is not None:
        cal["session_month"] = session_month
    if blackout_months is not None:
        cal["blackout_months"] = sorted(blackout_months)
    session = cal.get("session_month") or 1

    committees = _Names("C", plan.committees, key=committee_key)
    departments = _Names("D", plan.departments)
    leaders = _Names("L", plan.leaders)
    old = plan.topic_by_id()
    topics = []
    row_ids = [_clean(row.get("id")) or f"T{k:02d}" for k, row in enumerate(rows, start=1)]
    by_title = {_clean(row.get("title")): tid for row, tid in zip(rows, row_ids, strict=True)}
    for k, row in enumerate(rows, start=1):
        tid = _clean(row.get("id")) or f"T{k:02d}"
        title = _clean(row.get("title"))
        where = f"议题 {tid}"
        if not title:
            issues.append(f"{where}:议题名称为空")
        form = form_by_name.get(_clean(row.get("form")))
        if form is None:
            issues.append(f"{where}:协商形式“{_clean(row.get('form'))}”不在协商形式表中")
        leads = [strip_body(n) for n in split_names(_clean(row.get("lead")))]
        if not leads:
            issues.append(f"{where}:承办专委会为空")
        d: dict[str, Any] = {"id": tid, "title": title, "form": form["id"] if form else ""}
        if tid in old:
            d.update(
                {
                    k2: v
                    for k2, v in old[tid].model_dump(mode="json").items()
                    if k2 in ("notes", "after", "fixed_month") and v
                }
            )
        _edited_extras(row, d, where, tid, set(row_ids), by_title, issues)
        d["lead_options"] = [committees.id_of(n) for n in leads[:1]]
        d["co_organizers"] = [committees.id_of(n) for n in leads[1:]]
        d["departments"] = list(
            dict.fromkeys(departments.id_of(n) for n in split_names(_clean(row.get("departments"))))
        )
        d["leaders"] = list(dict.fromkeys(leaders.id_of(n) for n in split_names(_clean(row.get("leaders")))))
        text = _clean(row.get("time"))
        window_only = text.endswith(_WINDOW_SUFFIX)  # "7-9月(时间窗口)": a window, no preferred month
        text = text.removesuffix(_WINDOW_SUFFIX)
        tm = parse_time(text)
        if window_only and tm.window:
            tm.months = []
        if tm.session or (form and form["session_only"] and not tm.months):
            d["preferred_months"] = [session]
        elif tm.months:
            d["preferred_months"] = tm.months
            if tm.window:
                d["window"] = list(tm.window)
        elif tm.window:
            d["window"] = list(tm.window)
        elif text and not tm.undecided:
            issues.append(f"{where}:时间“{text}”无法识别(可写“5月”“5、6月”“4-6月”“第三季度”“全会期间”)")
        topics.append(d)
    if issues:
        raise PaperworkError([PaperIssue(m) for m in issues])
    used_forms = {t["form"] for t in topics}
    doc = {
        "format": PLAN_FORMAT,
        "body": body.strip(),
        "year": year,
        "calendar": cal,
        "forms": [f for f in form_items if f["id"] in used_forms],
        "committees": committees.dump(),
        "departments": departments.dump(),
        "leaders": leaders.dump(),
        "topics": topics,
    }
    try:
        return parse_plan(doc)
    except PlanError as err:
        raise from_plan_error(err) from None


def _edited_extras(
    row: dict[str, Any],
    d: dict[str, Any],
    where: str,
    tid: str,
    ids: set[str],
    by_title: dict[str, str],
    issues: list[str],
) -> None:
    """The ``after``, ``fixed_month`` and ``notes`` cells of one row into topic dict ``d`` (problems to ``issues``)."""
    from . import texts as T

    if "notes" in row:
        d.pop("notes", None)
        if _clean(row.get("notes")):
            d["notes"] = _clean(row.get("notes"))
    if "fixed_month" in row:
        d.pop("fixed_month", None)
        value = _clean(row.get("fixed_month")).removesuffix("月").strip()
        if value:
            try:
                month = int(float(value))
            except ValueError:
                month = 0
            if not 1 <= month <= 12:
                issues.append(T.REVIEW_MSG["fixed_month"].format(where=where, value=_clean(row.get("fixed_month"))))
            else:
                d["fixed_month"] = month
    if "after" in row:
        after = []
        for name in split_names(_clean(row.get("after"))):
            ref = name if name in ids else by_title.get(name)
            if ref is None:
                issues.append(T.REVIEW_MSG["after_unknown"].format(where=where, value=name))
            elif ref == tid:
                issues.append(T.REVIEW_MSG["after_self"].format(where=where))
            elif ref not in after:
                after.append(ref)
        d.pop("after", None)
        if after:
            d["after"] = after


def _same_topic_key(plan: Plan, topic: Any) -> tuple[str, str]:
    """(title without blanks, form name): what makes an imported topic the same as one the plan has."""
    return "".join(topic.title.split()), plan.form_by_id()[topic.form].name


@dataclass(frozen=True)
class MergeCheck:
    """What the planner must see before merging an import into the open plan.

    ``other_body`` / ``other_year``: the document's own body / year where it
    differs from the open plan's (None when it is the same or not written);
    ``duplicates``: (imported topic id, title) of each topic whose title and
    form the open plan already has — a second import of the same document
    would otherwise add every topic again.
    """

    other_body: str | None = None
    other_year: int | None = None
    duplicates: tuple[tuple[str, str], ...] = ()

    @property
    def other_plan(self) -> bool:
        """True when the document is another body's or another year's plan."""
        return self.other_body is not None or self.other_year is not None


def merge_check(base: Plan, draft: DraftPlan) -> MergeCheck:
    """The differences between the draft read for a merge and the open plan ``base`` (see :class:`MergeCheck`)."""
    plan = draft.plan
    body = plan.body.strip() if "body" not in draft.required else ""
    other_body = body if body and "".join(body.split()) != "".join(base.body.split()) else None
    other_year = plan.year if "year" not in draft.required and plan.year != base.year else None
    return MergeCheck(other_body=other_body, other_year=other_year, duplicates=duplicate_topics(base, plan))


def duplicate_topics(base: Plan, imported: Plan) -> tuple[tuple[str, str], ...]:
    """(id, title) of each imported topic whose title and form ``base`` already has, in ``imported``'s order."""
    have = {_same_topic_key(base, t) for t in base.topics}
    return tuple((t.id, t.title) for t in imported.topics if _same_topic_key(imported, t) in have)


def merge_into(base: Plan, imported: Plan, *, keep_duplicates: bool = False) -> Plan:
    """``base`` with the imported topics added (their ids renumbered where they clash).

    ``imported`` must have been read with ``known=base`` so its committees,
    departments, leaders and forms reuse base's ids; its lists (base's items
    plus the new ones) replace base's. The calendar, body and year stay base's.
    A topic whose title and form ``base`` already has (:func:`duplicate_topics`)
    is left out unless ``keep_duplicates``: merging the same document twice
    must not double the plan; an ``after`` naming a left-out topic then names
    the topic ``base`` already has.
    """
    have = {_same_topic_key(base, t): t.id for t in base.topics}
    taken = {t.id for t in base.topics}
    renamed: dict[str, str] = {}
    new_topics = []
    for t in imported.topics:
        same = have.get(_same_topic_key(imported, t))
        if same is not None and not keep_duplicates:
            renamed[t.id] = same
            continue
        nid = t.id if t.id not in taken else next_id("T", taken)
        taken.add(nid)
        renamed[t.id] = nid
        new_topics.append(t.model_dump(mode="json") | {"id": nid})
    for t in new_topics:
        t["after"] = [renamed.get(a, a) for a in t.get("after", [])]

    def union(a: list[Any], b: list[Any], used: set[str]) -> list[dict[str, Any]]:
        # only what an added topic uses comes in: a left-out duplicate's names would be orphans
        out = {x.id: x.model_dump(mode="json") for x in a}
        for x in b:
            if x.id in used:
                out.setdefault(x.id, x.model_dump(mode="json"))
        return list(out.values())

    def used(*fields: str) -> set[str]:
        return {v for t in new_topics for f in fields for v in ([t[f]] if isinstance(t[f], str) else t.get(f, []))}

    doc = base.to_dict() | {
        "forms": union(base.forms, imported.forms, used("form")),
        "committees": union(base.committees, imported.committees, used("lead_options", "co_organizers")),
        "departments": union(base.departments, imported.departments, used("departments")),
        "leaders": union(base.leaders, imported.leaders, used("leaders")),
        "topics": [t.model_dump(mode="json") for t in base.topics] + new_topics,
    }
    try:
        return parse_plan(doc)
    except PlanError as err:
        raise from_plan_error(err) from None


def used_only(plan: Plan) -> Plan:
    """``plan`` with only the forms, committees, departments and leaders its topics use.

    A draft read with ``known=`` lists all of the known plan's items (so a merge can reuse
    their ids); saved or written out as a plan of its own it must carry only its own.
    """
    topics = plan.topics
    keep = {
        "forms": {t.form for t in topics},
        "committees": {c for t in topics for c in [*t.lead_options, *t.co_organizers]},
        "departments": {d for t in topics for d in t.departments},
        "leaders": {x for t in topics for x in t.leaders},
    }
    doc = plan.to_dict()
    for section, ids in keep.items():
        doc[section] = [x for x in doc[section] if x["id"] in ids]
    try:
        return parse_plan(doc)
    except PlanError as err:
        raise from_plan_error(err) from None


def own_form_count(plan: Plan) -> int:
    """How many forms the plan's topics use (a draft read for a merge also lists the open plan's other forms)."""
    return len({t.form for t in plan.topics})


__all__ = [
    "COLUMNS",
    "FORM_COLUMNS",
    "SOURCE_COLUMNS",
    "MergeCheck",
    "apply_review",
    "duplicate_topics",
    "form_rows",
    "merge_check",
    "merge_into",
    "own_form_count",
    "used_only",
    "source_rows",
    "time_text",
    "topic_rows",
]
