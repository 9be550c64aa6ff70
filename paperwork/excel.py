"""The plan as an Excel workbook: template, export (with the schedule) and import.

One sheet per list of the plan (议题、协商形式、专委会、部门、领导) and a 日历
sheet of key/value rows. People type *names*, not ids: a list cell holds names
separated by "、"; on import each name is looked up (ids are accepted too) and
every row is checked. Import is all or nothing: either a valid
:class:`~solver.plan.Plan` comes back or :class:`PaperworkError` lists every
problem by sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from solver import texts as ST
from solver.plan import PLAN_FORMAT, Plan, Schedule
from solver.rules import KIND_LABELS
from solver.validate import PlanError, parse_plan

from . import texts as T
from .common import (
    PaperIssue,
    PaperworkError,
    check_upload,
    join_names,
    next_id,
    one_line,
    plan_for_output,
    split_names,
    xml_safe,
)
from .time_phrases import CN_MONTH_NUMBER

log = logging.getLogger(__name__)

# -- what each sheet holds ------------------------------------------------------------
# kind: id | text | title | name | form | committees | departments | leaders | topics
#       | month | months | int | int? | bool
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "topics": [
        ("id", "id"),
        ("title", "title"),
        ("form", "form"),
        ("lead_options", "committees"),
        ("co_organizers", "committees"),
        ("departments", "departments"),
        ("leaders", "leaders"),
        ("window_start", "month"),
        ("window_end", "month"),
        ("preferred_months", "months"),
        ("fixed_month", "month"),
        ("after", "topics"),
        ("notes", "text"),
    ],
    "forms": [
        ("id", "id"),
        ("name", "name"),
        ("session_only", "bool"),
        ("max_per_month", "int?"),
        ("min_gap_months", "int"),
    ],
    "committees": [("id", "id"), ("name", "name"), ("max_per_month", "int?")],
    "departments": [("id", "id"), ("name", "name"), ("max_per_month", "int")],
    "leaders": [
        ("id", "id"),
        ("name", "name"),
        ("role", "text"),
        ("unavailable_months", "months"),
        ("max_per_month", "int"),
    ],
}
REQUIRED = {"topics": {"title", "form", "lead_options"}}
DEFAULTS = {"departments": {"max_per_month": 1}, "leaders": {"max_per_month": 1}, "forms": {"min_gap_months": 0}}
ID_PREFIX = {"topics": "T", "forms": "F", "committees": "C", "departments": "D", "leaders": "L"}
REF_SECTION = {
    "form": "forms",
    "committees": "committees",
    "departments": "departments",
    "leaders": "leaders",
    "topics": "topics",
}
# Header spellings people use besides ours. A topic column's synonyms are the shared label
# vocabulary's (paperwork.vocabulary.LABELS, see _vocabulary_headers); only the template's own
# bracketed spelling is kept here.
ALIASES = {
    "topics": {
        "建议月份(可多个)": "preferred_months",
    },
    "forms": {"协商形式": "name", "形式": "name", "形式名称": "name", "协商形式名称": "name"},
    "committees": {
        "专委会": "name",
        "专委会名称": "name",
        "委员会": "name",
        "委员会名称": "name",
        "专门委员会": "name",
        "专门委员会名称": "name",
    },
    "departments": {"部门": "name", "部门名称": "name", "单位": "name", "单位名称": "name", "部门(单位)": "name"},
    "leaders": {"领导": "name", "姓名": "name", "领导姓名": "name", "出席领导": "name"},
}
CAL_FIELDS = ["body", "year", "months", "blackout_months", "session_month", "max_topics_per_month"]
CAL_KIND = {
    "body": "text",
    "year": "int",
    "months": "months",
    "blackout_months": "months",
    "session_month": "month",
    "max_topics_per_month": "int?",
}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_MAX_BLANK_RUN = 200  # stop reading a sheet after this many empty rows in a row


_SPACES = re.compile(r"\s+")


def _norm(text: Any) -> str:
    """The text as compared: NFKC, no white space (a name is looked up this way tens of thousands of times)."""
    return _norm_str(text if type(text) is str else str(text or ""))


@functools.lru_cache(maxsize=16384)
def _norm_str(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def _header_map(section: str) -> dict[str, str]:
    out = {_norm(T.HEAD[key]): key for key, _ in COLUMNS[section]}
    out.update({_norm(k): v for k, v in ALIASES.get(section, {}).items()})
    out.update({_norm(ST.FIELD["id"]): "id", "id": "id", "ID": "id"})
    for head, key in _vocabulary_headers(section).items():
        out.setdefault(head, key)
    return out


def _vocabulary_headers(section: str) -> dict[str, str]:
    """Header spellings of the shared label vocabulary (paperwork.vocabulary) → this sheet's column keys.

    The text import and the Excel import understand the same words: a
    workbook headed 前置议题 / 牵头专委会 / 不可出席月份 is read like the template.
    """
    from .vocabulary import EXCEL_FIELD, EXCEL_SYNONYMS, LABELS

    keys = {k for k, _ in COLUMNS[section]}
    out: dict[str, str] = {}
    if section == "topics":
        for fld, col in EXCEL_FIELD.items():
            for lab in LABELS[fld]:
                out.setdefault(_norm(lab), col)
    for col, labs in EXCEL_SYNONYMS.items():
        if col in keys:
            for lab in labs:
                out.setdefault(_norm(lab), col)
    return out


def _calendar_keys() -> dict[str, str]:
    """Calendar row labels → keys: the template's, then the shared vocabulary's (可安排月份, 禁排月份 …)."""
    from .vocabulary import EXCEL_SYNONYMS

    keys = {_norm(T.CAL_ROWS[k]): k for k in CAL_FIELDS}
    for k in CAL_FIELDS:
        for lab in EXCEL_SYNONYMS.get(k, ()):
            keys.setdefault(_norm(lab), k)
    return keys


def _warn_lookalike_headers(rd: _Reader, section: str, extras: dict[str, int]) -> None:
    """An unmatched header that looks like a known one gets a warning (it is kept as an extra field)."""
    from .vocabulary import looks_like

    known = {_norm(T.HEAD[k]): T.HEAD[k] for k, _ in COLUMNS[section]}
    for head, idx in extras.items():
        like = looks_like(head, known)
        if like:
            rd.warnings.append(
                T.XLSX_WARN["lookalike"].format(
                    where=T.cell_where(T.SHEET[section], 1, get_column_letter(idx + 1), None), header=head, like=like
                )
            )


# -- styling ------------------------------------------------------------------------------
_HEAD_FONT = Font(name="等线", bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_OVER_FILL = PatternFill("solid", fgColor="F8CBAD")
_OFF_FILL = PatternFill("solid", fgColor="D9D9D9")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WIDTH = {
    "id": 8,
    "title": 40,
    "name": 24,
    "text": 30,
    "form": 20,
    "committees": 22,
    "departments": 36,
    "leaders": 20,
    "topics": 14,
    "month": 10,
    "months": 14,
    "int": 10,
    "int?": 10,
    "bool": 12,
}


def _style_header(ws: Worksheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


# -- writing ------------------------------------------------------------------------------
#
# Every value goes through ``_Rows.add``: text is made XML-safe (openpyxl
# refuses control characters) and written as *text*, never as a formula.
# OWASP's formula-injection guidance names a leading ``=``, ``+``, ``-``,
# ``@``, tab and CR; such a cell is typed as a string with Excel's own
# quote prefix (what Excel stores when a user types ``'=…``), so the office's
# Excel shows and keeps the text, nothing runs, and the import reads the
# same title back (the value itself is unchanged).

# OWASP's starts, and their full-width forms: Excel with a Chinese or Japanese input method
# turns a typed ＝ into = when the cell is edited, so those are formula starts too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_WRAP = Alignment(wrap_text=True, vertical="top")
# Column kinds whose text can outgrow the column and should wrap.
_LONG_KINDS = {"title", "name", "text", "committees", "departments", "leaders", "topics"}
_CENTER = Alignment(horizontal="center")


class _Rows:
    """Appends rows to a sheet, one cell at a time, text always as text (see above)."""

    def __init__(self, ws: Worksheet, *, after: int = 0):
        self.ws = ws
        self.row = after

    def add(self, values: list[Any], *, align: Alignment | None = None, only: frozenset[int] | None = None) -> int:
        """Write ``values`` as the next row (None: no cell); the row number written.

        ``align`` is set on the written cells, or only on those of the columns
        ``only`` (1-based): styling a cell costs as much as writing it, and short
        cells (ids, months) do not need wrapping.
        """
        self.row += 1
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            text = isinstance(value, str)
            cell = self.ws.cell(row=self.row, column=col, value=xml_safe(value) if text else value)
            if text and (cell.data_type != "s" or value.startswith(_FORMULA_START)):
                cell.data_type = "s"
                cell.quotePrefix = True
            if align is not None and (only is None or col in only):
                cell.alignment = align
        return self.row


def _safe_names(ids: list[str], by_id: dict[str, Any]) -> str:
    """Names for ids; an id whose name would not survive splitting stays an id."""
    out = []
    for x in ids:
        item = by_id.get(x)
        name = getattr(item, "name", None) if item is not None else None
        out.append(name if name and split_names(name) == [name] else x)
    return join_names(out)


def _months_text(ms: list[int]) -> str | int | None:
    if not ms:
        return None
    if len(ms) == 1:
        return ms[0]
    return "、".join(str(m) for m in ms)


def _extra_value(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return json.dumps(v, ensure_ascii=False)


def _lookups(plan: Plan) -> dict[str, dict[str, Any]]:
    """The id → item tables a list sheet needs, built once per sheet (not once per cell)."""
    return {
        "form": plan.form_by_id(),
        "committees": plan.committee_by_id(),
        "departments": plan.department_by_id(),
        "leaders": plan.leader_by_id(),
    }


def _cell_value(lookups: dict[str, dict[str, Any]], item: Any, key: str, kind: str) -> Any:
    if key == "window_start":
        return item.window[0] if item.window else None
    if key == "window_end":
        return item.window[1] if item.window else None
    value = getattr(item, key)
    if kind == "form":
        form = lookups["form"].get(value)
        return form.name if form and split_names(form.name) == [form.name] else value
    if kind in ("committees", "departments", "leaders"):
        return _safe_names(value, lookups[kind]) or None
    if kind == "topics":
        return join_names(value) or None
    if kind == "months":
        return _months_text(value)
    if kind == "bool":
        return "是" if value else "否"
    return value if value != "" else None


def _extras(items: list[Any]) -> list[str]:
    keys: list[str] = []
    for it in items:
        for k in it.model_extra or {}:
            if k not in keys:
                keys.append(k)
    return keys


def _write_list(ws: Worksheet, plan: Plan, section: str, *, comments: bool) -> None:
    cols = COLUMNS[section]
    items = getattr(plan, section)
    extras = _extras(items)
    rows = _Rows(ws)
    rows.add([T.HEAD[k] for k, _ in cols] + extras)
    widths = [_WIDTH[kind] for _, kind in cols] + [16] * len(extras)
    _style_header(ws, widths)
    if comments:
        for i, (key, _) in enumerate(cols, start=1):
            if key in T.HEAD_HELP:
                ws.cell(row=1, column=i).comment = Comment(T.HEAD_HELP[key], "协商计划编排")
    lookups = _lookups(plan)
    long_cols = frozenset(i for i, (_, kind) in enumerate(cols, start=1) if kind in _LONG_KINDS)
    long_cols |= frozenset(range(len(cols) + 1, len(cols) + len(extras) + 1))
    for it in items:
        extra = it.model_extra or {}
        row = [_cell_value(lookups, it, k, kind) for k, kind in cols]
        rows.add(row + [_extra_value(extra.get(k)) for k in extras], align=_WRAP, only=long_cols)
    _validations(ws, section, len(items))


def _validations(ws: Worksheet, section: str, n: int) -> None:
    """Drop-downs and number checks, for rows already filled and some spare ones."""
    last = max(n + 1, 2) + 200
    letters = {key: get_column_letter(i) for i, (key, _) in enumerate(COLUMNS[section], start=1)}
    month_msg = "请填写月份数字 1–12"
    for key, kind in COLUMNS[section]:
        col = letters[key]
        rng = f"{col}2:{col}{last}"
        if kind == "month":
            dv = DataValidation(
                type="whole",
                operator="between",
                formula1="1",
                formula2="12",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="月份",
                error=month_msg,
            )
        elif kind == "bool":
            dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
        elif kind == "form":
            dv = DataValidation(
                type="list", formula1=f"'{T.SHEET['forms']}'!$B$2:$B$200", allow_blank=True, showErrorMessage=False
            )
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(rng)


def _write_calendar(ws: Worksheet, plan: Plan) -> None:
    rows = _Rows(ws)
    rows.add([T.CAL_KEY_HEAD, T.CAL_VALUE_HEAD])
    _style_header(ws, [18, 40])
    cal = plan.calendar
    values = {
        "body": plan.body or None,
        "year": plan.year,
        "months": "、".join(str(m) for m in cal.months) or None,
        "blackout_months": "、".join(str(m) for m in cal.blackout_months) or None,
        "session_month": cal.session_month,
        "max_topics_per_month": cal.max_topics_per_month,
    }
    for key in CAL_FIELDS:
        rows.add([T.CAL_ROWS[key], values[key]])
    for k, v in (plan.model_extra or {}).items():
        rows.add([k, _extra_value(v)])
    for k, v in (cal.model_extra or {}).items():
        rows.add([f"calendar.{k}", _extra_value(v)])


def _write_readme(ws: Worksheet) -> None:
    rows = _Rows(ws)
    for line in T.README_LINES:
        rows.add([line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 110


def _names(ids: list[str], by_id: dict[str, Any]) -> str:
    return join_names([getattr(by_id.get(x), "name", x) for x in ids])


def _write_schedule(wb: Workbook, plan: Plan, schedule: Schedule) -> None:
    forms = plan.form_by_id()
    comms = plan.committee_by_id()
    depts = plan.department_by_id()
    leaders = plan.leader_by_id()
    topics = plan.topic_by_id()
    month_of = schedule.month_of()
    lead_of = schedule.lead_of()

    # 月历: every consultation under its month.
    ws = wb.create_sheet(T.SHEET_MONTHS)
    rows = _Rows(ws)
    rows.add(
        [
            ST.FIELD["month"],
            ST.FIELD["id"],
            ST.FIELD["title"],
            ST.FIELD["form"],
            ST.FIELD["lead"],
            ST.FIELD["co_organizers"],
            ST.FIELD["departments"],
            ST.FIELD["leaders"],
        ]
    )
    _style_header(ws, [8, 8, 44, 20, 16, 16, 40, 24])
    by_month: dict[int, list[str]] = {}
    for a in schedule.assignments:
        by_month.setdefault(a.month, []).append(a.topic)
    months = sorted(set(plan.calendar.months) | set(by_month))
    long_cols = frozenset({3, 6, 7, 8})  # title, co-organizers, departments, leaders
    for m in months:
        ids = sorted(by_month.get(m, []))
        if not ids:
            rows.add([ST.month(m), None, "—"], align=_WRAP)
            continue
        for tid in ids:
            t = topics.get(tid)
            if t is None:
                continue
            form = forms.get(t.form)
            rows.add(
                [
                    ST.month(m),
                    t.id,
                    t.title,
                    form.name if form else t.form,
                    getattr(comms.get(lead_of.get(tid, "")), "name", lead_of.get(tid, "")),
                    _names(t.co_organizers, comms),
                    _names(t.departments, depts),
                    _names(t.leaders, leaders),
                ],
                align=_WRAP,
                only=long_cols,
            )

    # Load sheets: who is busy in which month.
    loads: dict[str, dict[str, dict[int, int]]] = {"departments": {}, "committees": {}, "leaders": {}}
    for tid, m in month_of.items():
        t = topics.get(tid)
        if t is None:
            continue
        for d in t.departments:
            loads["departments"].setdefault(d, {}).setdefault(m, 0)
            loads["departments"][d][m] += 1
        for x in t.leaders:
            loads["leaders"].setdefault(x, {}).setdefault(m, 0)
            loads["leaders"][x][m] += 1
        for c in {lead_of.get(tid), *t.co_organizers} - {None}:
            loads["committees"].setdefault(c, {}).setdefault(m, 0)
            loads["committees"][c][m] += 1
    for section in ("departments", "committees", "leaders"):
        ws = wb.create_sheet(T.SHEET_LOAD[section])
        rows = _Rows(ws)
        month_heads = [ST.month(m) for m in range(1, 13)]
        rows.add([ST.FIELD["id"], ST.FIELD["name"], ST.FIELD["max_per_month"], *month_heads, "合计"])
        _style_header(ws, [8, 24, 10] + [6] * 12 + [8])
        for item in getattr(plan, section):
            per = loads[section].get(item.id, {})
            limit = item.max_per_month
            row = rows.add(
                [item.id, item.name, limit] + [per.get(m) or None for m in range(1, 13)] + [sum(per.values())]
            )
            off = set(getattr(item, "unavailable_months", []) or [])
            for m in range(1, 13):
                cell = ws.cell(row=row, column=3 + m)
                if limit is not None and per.get(m, 0) > limit:
                    cell.fill = _OVER_FILL
                elif m in off:
                    cell.fill = _OFF_FILL
                cell.alignment = _CENTER

    # 编排提示: status and every finding, as the solver worded it.
    ws = wb.create_sheet(T.SHEET_FINDINGS)
    rows = _Rows(ws)
    rows.add(["类别", ST.FIELD["month"], "说明"])
    _style_header(ws, [16, 8, 90])
    rows.add([ST.FIELD["status"], None, ST.STATUS.get(schedule.status, schedule.status)])
    for f in [*schedule.conflicts, *schedule.warnings]:
        rows.add([KIND_LABELS.get(f.kind, f.kind), ST.month(f.month) if f.month else None, f.message])


def _workbook(plan: Plan, schedule: Schedule | None, *, template: bool) -> bytes:
    plan = plan_for_output(plan)  # titles and names as one line of clean text
    wb = Workbook()
    readme = wb.active
    readme.title = T.SHEET_README
    _write_readme(readme)
    for section in T.SHEET_ORDER:
        ws = wb.create_sheet(T.SHEET[section])
        if section == "calendar":
            _write_calendar(ws, plan)
        else:
            _write_list(ws, plan, section, comments=template)
    if schedule is not None:
        _write_schedule(wb, plan, schedule)
    wb.active = 1  # open on 议题
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def plan_to_xlsx(plan: Plan, schedule: Schedule | None = None) -> bytes:
    """The plan (and, if given, its schedule: 月历 and load sheets) as .xlsx bytes.

    Titles and names are written as one line (:func:`~paperwork.common.one_line`),
    every text cell as text, never a formula; :func:`xlsx_to_plan` reads them back.
    """
    return _workbook(plan, schedule, template=False)


def example_plan() -> Plan:
    """The filled example in the template: small, realistic, valid."""
    return parse_plan(
        {
            "format": PLAN_FORMAT,
            "body": "某市政协",
            "year": 2024,
            "calendar": {
                "months": list(range(1, 13)),
                "blackout_months": [2],
                "session_month": 1,
                "max_topics_per_month": 4,
            },
            "forms": [
                {"id": "plenary", "name": "全体会议协商", "session_only": True},
                {"id": "standing", "name": "专题议政性常委会议", "max_per_month": 1, "min_gap_months": 2},
                {"id": "bimonthly", "name": "双月协商座谈会", "max_per_month": 1},
                {"id": "counterpart", "name": "对口协商"},
            ],
            "committees": [
                {"id": "proposal", "name": "提案委", "max_per_month": 2},
                {"id": "economy", "name": "经济委", "max_per_month": 2},
                {"id": "agri", "name": "农业和农村委", "max_per_month": 2},
            ],
            "departments": [
                {"id": "fgw", "name": "市发改委", "max_per_month": 1},
                {"id": "gxj", "name": "市工信局", "max_per_month": 1},
                {"id": "nyj", "name": "市农业农村局", "max_per_month": 1},
                {"id": "swj", "name": "市商务局", "max_per_month": 2},
            ],
            "leaders": [
                {
                    "id": "mayor",
                    "name": "市长",
                    "role": "市政府主要领导",
                    "unavailable_months": [3],
                    "max_per_month": 1,
                },
                {"id": "vmayor", "name": "分管副市长", "role": "市政府分管领导", "max_per_month": 1},
            ],
            "topics": [
                {
                    "id": "T01",
                    "title": "围绕市政府工作报告协商议政",
                    "form": "plenary",
                    "lead_options": ["proposal"],
                    "leaders": ["mayor"],
                },
                {
                    "id": "T02",
                    "title": "降低企业成本,吸引投资创业",
                    "form": "standing",
                    "lead_options": ["proposal", "economy"],
                    "departments": ["gxj", "swj", "fgw"],
                    "leaders": ["mayor"],
                    "window": [4, 11],
                    "preferred_months": [7],
                },
                {
                    "id": "T03",
                    "title": "补齐农村突出短板,加快共同富裕进程",
                    "form": "counterpart",
                    "lead_options": ["agri"],
                    "departments": ["nyj"],
                    "leaders": ["vmayor"],
                    "preferred_months": [8],
                    "after": ["T02"],
                    "notes": "先调研后协商,5月起开展调研",
                },
            ],
        }
    )


def template() -> bytes:
    """The blank import template: all six sheets, headers with hints, one filled example."""
    return _workbook(example_plan(), None, template=True)


# -- reading -------------------------------------------------------------------------------


@dataclass
class _Reader:
    issues: list[PaperIssue] = field(default_factory=list)
    # where each item and field sits, to place the validator's findings
    row_of: dict[tuple[str, str], int] = field(default_factory=dict)
    col_of: dict[tuple[str, str], str] = field(default_factory=dict)
    flagged: set[tuple[str, str | None, str | None]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    cached: Any = None  # the workbook opened with data_only=True: formulas' saved values

    def add(
        self,
        sheet_key: str,
        row: int | None,
        col: str | None,
        key: str | None,
        text: str,
        item_id: str | None = None,
        header: str | None = None,
    ) -> None:
        sheet = T.SHEET[sheet_key]
        if header is None and key:
            header = T.HEAD.get(key) if sheet_key != "calendar" else T.CAL_ROWS.get(key)
        where = T.cell_where(sheet, row, col, header)
        self.issues.append(PaperIssue(text.replace("{where}", where), sheet=sheet, row=row, column=col, header=header))
        field_key = {"window_start": "window", "window_end": "window"}.get(key or "", key)
        self.flagged.add((sheet_key, item_id, field_key))


def _is_formula(cell: Any) -> bool:
    if getattr(cell, "data_type", None) == "f":
        return True
    v = cell.value
    return type(v).__name__ in ("ArrayFormula", "DataTableFormula")


def _formula_text(cell: Any) -> str:
    v = cell.value
    text = getattr(v, "text", None) or str(v)
    return text if len(text) <= 40 else text[:40] + "…"


_DATE_TEXT = re.compile(r"^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?$|^\d{1,2}月\d{1,2}日$")


class _Bad(Exception):
    def __init__(self, key: str, value: Any = None):
        self.key = key
        self.value = value


def _month(v: Any) -> int | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise _Bad("not_month", v)
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        raise _Bad("date_not_month")
    if isinstance(v, float):
        if not v.is_integer():
            raise _Bad("not_month", v)
        v = int(v)
    if isinstance(v, str):
        s = _norm(v)
        if _DATE_TEXT.match(s):
            raise _Bad("date_not_month")
        s = re.sub(r"月份?$", "", s)
        if s in CN_MONTH_NUMBER:
            return CN_MONTH_NUMBER[s]
        if not re.fullmatch(r"-?\d+", s):
            raise _Bad("not_month", v)
        v = int(s)
    if not 1 <= v <= 12:
        raise _Bad("month_range", v)
    return v


def _months(v: Any) -> list[int]:
    if v is None or isinstance(v, (int, float, dt.date, dt.datetime, dt.time)) and not isinstance(v, bool):
        m = _month(v)
        return [] if m is None else [m]
    s = unicodedata.normalize("NFKC", str(v))
    if _DATE_TEXT.match(_norm(s)):
        raise _Bad("date_not_month")
    s = re.sub(r"\s+(?=[月份至到~\-–—])|(?<=[至到~\-–—])\s+", "", s)  # "5 月", "5 - 7 月": one token each
    out: list[int] = []
    for tok in re.split(r"[、,;\s]+", s):
        if not tok:
            continue
        rng = re.fullmatch(r"(\d{1,2})月?\s*[-–—~至到]\s*(\d{1,2})月?份?", tok)
        if rng:
            lo, hi = _month(rng.group(1)), _month(rng.group(2))
            if lo is not None and hi is not None and lo <= hi:
                out.extend(range(lo, hi + 1))
                continue
            raise _Bad("not_month", tok)
        m = _month(tok)
        if m is not None and m not in out:
            out.append(m)
    return out


def _int(v: Any, *, optional: bool, default: int | None = None) -> int | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None if optional else default
    if isinstance(v, bool):
        raise _Bad("not_int", v)
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        raise _Bad("not_int", v)
    if isinstance(v, float):
        if not v.is_integer():
            raise _Bad("not_int", v)
        return int(v)
    if isinstance(v, int):
        return v
    s = _norm(v)
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    raise _Bad("not_int", v)


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if v is None:
        return False
    if isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    s = _norm(v).lower()
    if s in T.BOOL_TRUE:
        return True
    if s in T.BOOL_FALSE:
        return False
    raise _Bad("not_bool", v)


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def _extra_in(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.loads(v)
        except json.JSONDecodeError:
            return v
    return v


def _rows(ws: Worksheet | _PlainSheet, rd: _Reader, sheet_key: str) -> list[tuple[int, list[Any]]]:
    """Data rows (row number, cells), formulas flagged and blanked, blank rows skipped."""
    if isinstance(ws, _PlainSheet):  # no formulas: the values as they are
        return _filled(enumerate(ws.values[1:], start=2))
    return _filled(_formula_checked_rows(ws, rd, sheet_key))


def _filled(rows: Iterable[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
    """The rows holding a value; reading stops after more than _MAX_BLANK_RUN blank rows in a row
    (``rows`` is consumed lazily, so nothing past that point is read or reported)."""
    out = []
    blank_run = 0
    for row, values in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            blank_run += 1
            if blank_run > _MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        out.append((row, values))
    return out


def _formula_checked_rows(ws: Worksheet, rd: _Reader, sheet_key: str) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) of a worksheet read by openpyxl: a formula cell gives its cached value, or is
    reported and blanked."""
    heads = {
        c.column_letter: str(c.value).strip()
        for c in next(ws.iter_rows(min_row=1, max_row=1), ())
        if c.value is not None and not _is_formula(c)
    }
    for cells in ws.iter_rows(min_row=2):
        if not cells:
            continue
        row = cells[0].row
        values = []
        for c in cells:
            if _is_formula(c):
                cached = _cached_value(rd, ws, c)
                if cached is not None:
                    values.append(cached)
                    continue
                rd.add(
                    sheet_key,
                    row,
                    c.column_letter,
                    None,
                    T.MSG["formula"].replace("{formula}", _formula_text(c)),
                    header=heads.get(c.column_letter) if sheet_key != "calendar" else None,
                )
                values.append(None)
            else:
                values.append(c.value)
        yield row, values


def _cached_value(rd: _Reader, ws: Worksheet, cell: Any) -> Any:
    """The value Excel saved for a formula cell (None if it saved none, e.g. a file never opened in Excel)."""
    if rd.cached is None:
        return None
    try:
        return rd.cached[ws.title][cell.coordinate].value
    except KeyError:
        return None


def _check_merged(ws: Worksheet | _PlainSheet, rd: _Reader, sheet_key: str) -> None:
    ranges = ws.merged if isinstance(ws, _PlainSheet) else ws.merged_cells.ranges
    for rng in sorted(ranges, key=lambda r: (r.min_row, r.min_col)):
        rd.add(sheet_key, None, None, None, T.MSG["merged"].replace("{ref}", rng.coord))


def _header_cells(ws: Worksheet | _PlainSheet) -> list[tuple[int, Any, str | None]]:
    """Row 1 as (column number from 1, value, the formula's text or None)."""
    if isinstance(ws, _PlainSheet):
        return [(i, v, None) for i, v in enumerate(ws.values[0] if ws.values else [], start=1)]
    first = next(ws.iter_rows(min_row=1, max_row=1), ())
    return [(c.column, c.value, _formula_text(c) if _is_formula(c) else None) for c in first]


def _headers(ws: Worksheet | _PlainSheet, rd: _Reader, section: str) -> dict[str, int] | None:
    """Column index of each known field, plus extras keyed by their header text."""
    known = _header_map(section)
    cols: dict[str, int] = {}
    extras: dict[str, int] = {}
    for column, value, formula in _header_cells(ws):
        if formula is not None:
            rd.add(section, 1, get_column_letter(column), None, T.MSG["formula"].replace("{formula}", formula))
            continue
        if value is None or not str(value).strip():
            continue
        head = _norm(value)
        key = known.get(head)
        if key is None:
            extras[str(value).strip()] = column - 1
            continue
        if key in cols:
            rd.add(
                section,
                1,
                get_column_letter(column),
                None,
                T.MSG["duplicate_column"].replace("{header}", str(value).strip()),
            )
            continue
        cols[key] = column - 1
    where = T.cell_where(T.SHEET[section])
    needed = {"id"} | {k for k, kind in COLUMNS[section] if kind in ("name",)} | REQUIRED.get(section, set())
    missing = [k for k, _ in COLUMNS[section] if k in needed and k not in cols and k != "id"]
    for k in missing:
        rd.issues.append(
            PaperIssue(
                T.MSG["missing_column"].format(where=where, header=T.HEAD[k]),
                sheet=T.SHEET[section],
                row=1,
                header=T.HEAD[k],
            )
        )
    if missing:
        return None
    _warn_lookalike_headers(rd, section, extras)
    for head, idx in extras.items():
        cols["extra:" + head] = idx
    return cols


@dataclass
class _Row:
    row: int
    data: dict[str, Any]
    raw_refs: dict[str, Any]


def _read_list(ws: Worksheet | _PlainSheet, rd: _Reader, section: str) -> list[_Row]:
    cols = _headers(ws, rd, section)
    if cols is None:
        return []
    kinds = dict(COLUMNS[section])
    out = []
    for row, values in _rows(ws, rd, section):
        data: dict[str, Any] = {}
        refs: dict[str, Any] = {}
        for key, idx in cols.items():
            v = values[idx] if idx < len(values) else None
            letter = get_column_letter(idx + 1)
            if key.startswith("extra:"):
                if v is not None:
                    data[key[6:]] = _extra_in(v)
                continue
            rd.col_of[(section, key)] = letter
            kind = kinds[key]
            try:
                if kind in ("id", "title", "name") or (kind == "text" and key != "notes"):
                    # one line, as the plan file reader wants it (an Alt+Enter or a pasted
                    # zero-width space in a title cell would make a plan no other entry reads)
                    data[key] = one_line(_text(v))
                elif kind == "text":
                    data[key] = _text(v)
                elif kind == "month":
                    data[key] = _month(v)
                elif kind == "months":
                    data[key] = _months(v)
                elif kind == "int":
                    data[key] = _int(v, optional=False, default=DEFAULTS.get(section, {}).get(key, 0))
                elif kind == "int?":
                    data[key] = _int(v, optional=True)
                elif kind == "bool":
                    data[key] = _bool(v)
                else:  # references, resolved once every sheet is read
                    refs[key] = v
            except _Bad as bad:
                rd.add(section, row, letter, key, T.MSG[bad.key].replace("{value}", _text(bad.value)))
        out.append(_Row(row, data, refs))
    return out


def _assign_ids(rows: list[_Row], rd: _Reader, section: str) -> None:
    seen: dict[str, int] = {}
    letter = rd.col_of.get((section, "id"))
    for r in rows:
        rid = r.data.get("id", "")
        if rid:
            if rid in seen:
                rd.add(
                    section,
                    r.row,
                    letter,
                    "id",
                    T.MSG["duplicate_id"].replace("{value}", rid).replace("{other}", str(seen[rid])),
                    item_id=rid,
                )
            else:
                seen[rid] = r.row
    taken = set(seen)
    for r in rows:
        if not r.data.get("id"):
            r.data["id"] = next_id(ID_PREFIX[section], taken)
        rd.row_of.setdefault((section, r.data["id"]), r.row)


def _resolve(rows_by: dict[str, list[_Row]], rd: _Reader) -> None:
    """Names (or ids) in reference cells → ids; every unknown one is an issue."""
    lookup: dict[str, dict[str, str]] = {}
    shared = _shared_names(rows_by)
    for section, rows in rows_by.items():
        table: dict[str, str] = {}
        for r in rows:  # ids first so a name equal to another row's id still wins below
            table.setdefault(_norm(r.data["id"]), r.data["id"])
        for r in rows:
            key = "title" if section == "topics" else "name"
            if r.data.get(key):
                table[_norm(r.data[key])] = r.data["id"]
        lookup[section] = table
    kinds = dict(COLUMNS["topics"])
    for r in rows_by.get("topics", []):
        for key, v in r.raw_refs.items():
            target = REF_SECTION[kinds[key]]
            letter = rd.col_of.get(("topics", key))
            names = split_names(_text(v)) if kind_is_list(kinds[key]) else [_text(v)]
            names = [n for n in map(one_line, names) if n]
            ids = []
            for name in names:
                found = lookup[target].get(_norm(name))
                rows_named = shared.get((target, _norm(name)))
                if rows_named and _norm(name) not in {_norm(x.data["id"]) for x in rows_by.get(target, [])}:
                    text = (
                        T.XLSX_WARN["ambiguous_ref"]
                        .replace("{value}", name)
                        .replace("{sheet}", T.SHEET[target])
                        .replace("{rows}", "、".join(f"第 {n} 行" for n in rows_named))
                    )
                    rd.add("topics", r.row, letter, key, text, item_id=r.data["id"])
                    continue
                if found is None:
                    rd.add(
                        "topics",
                        r.row,
                        letter,
                        key,
                        T.MSG["unknown_ref"].replace("{value}", name).replace("{sheet}", T.SHEET[target]),
                        item_id=r.data["id"],
                    )
                elif found not in ids:
                    ids.append(found)
            r.data[key] = ids if kind_is_list(kinds[key]) else (ids[0] if ids else "")


def _shared_names(rows_by: dict[str, list[_Row]]) -> dict[tuple[str, str], list[int]]:
    """(sheet, name) → the rows of every name or title written on more than one row of that sheet."""
    seen: dict[tuple[str, str], list[int]] = {}
    for section, rows in rows_by.items():
        key = "title" if section == "topics" else "name"
        for r in rows:
            if r.data.get(key):
                seen.setdefault((section, _norm(r.data[key])), []).append(r.row)
    return {k: v for k, v in seen.items() if len(v) > 1}


def kind_is_list(kind: str) -> bool:
    return kind in ("committees", "departments", "leaders", "topics")


def _read_calendar(ws: Worksheet | _PlainSheet, rd: _Reader) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(calendar fields, plan-level fields body/year, plan extras)."""
    keys = _calendar_keys()
    cal: dict[str, Any] = {}
    top: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    cal_extra: dict[str, Any] = {}
    for row, values in _rows(ws, rd, "calendar"):
        label = values[0] if values else None
        value = values[1] if len(values) > 1 else None
        if label is None:
            continue
        key = keys.get(_norm(label))
        if key is None:
            raw = str(label).strip()
            if _IDENT.match(raw):
                if raw.startswith("calendar."):
                    cal_extra[raw[9:]] = _extra_in(value)
                else:
                    extra[raw] = _extra_in(value)
                continue
            rd.add(
                "calendar",
                row,
                "A",
                None,
                T.MSG["unknown_cal_key"]
                .replace("{value}", raw)
                .replace("{keys}", "、".join(T.CAL_ROWS[k] for k in CAL_FIELDS)),
            )
            continue
        rd.row_of[("calendar", key)] = row
        try:
            kind = CAL_KIND[key]
            if kind == "text":
                top[key] = one_line(_text(value))
            elif kind == "int":
                v = _int(re.sub(r"年度?$", "", value.strip()) if isinstance(value, str) else value, optional=True)
                if v is None:
                    rd.add("calendar", row, "B", key, T.MSG["year_missing"])
                else:
                    top[key] = v
            elif kind == "int?":
                cal[key] = _int(value, optional=True)
            elif kind == "month":
                cal[key] = _month(value)
            else:
                ms = _months(value)
                if key == "months" and not ms:
                    continue  # blank = the whole year (the format's default)
                cal[key] = ms
        except _Bad as bad:
            rd.add("calendar", row, "B", key, T.MSG[bad.key].replace("{value}", _text(bad.value)))
    if "year" not in top and ("calendar", "year") not in rd.row_of:
        rd.add("calendar", None, None, "year", T.MSG["year_missing"])
    cal.update(cal_extra)
    return cal, top, extra


def _place(rd: _Reader, issues: list[Any]) -> None:
    """The validator's findings, each pinned to the cell it is about."""
    for i in issues:
        if (i.section, i.item_id, i.field) in rd.flagged or (
            i.field in ("year", "body") and ("calendar", None, i.field) in rd.flagged
        ):
            continue  # already reported at the cell, in the cell's own words
        section = i.section if i.section in T.SHEET else "calendar" if i.field in ("year", "body") else None
        if section is None:
            rd.issues.append(PaperIssue(i.message))
            continue
        sheet = T.SHEET[section]
        if section == "calendar":
            row = rd.row_of.get(("calendar", i.field or ""))
            header = T.CAL_ROWS.get(i.field or "")
            where = T.cell_where(sheet, row, "B" if row else None, header)
            rd.issues.append(
                PaperIssue(f"{where}:{i.message}", sheet=sheet, row=row, column="B" if row else None, header=header)
            )
            continue
        fld = "window_start" if i.field == "window" else i.field
        row = rd.row_of.get((section, i.item_id or ""))
        col = rd.col_of.get((section, fld or "")) if fld else None
        header = T.HEAD.get(fld or "") if fld else None
        where = T.cell_where(sheet, row, col, header)
        rd.issues.append(PaperIssue(f"{where}:{i.message}", sheet=sheet, row=row, column=col, header=header))


@dataclass(frozen=True)
class XlsxImport:
    """A workbook read: the plan, and the warnings that did not stop it (Chinese, located)."""

    plan: Plan
    warnings: list[str]


def xlsx_to_plan(data: bytes, *, name: str = "计划.xlsx") -> Plan:
    """Read a filled workbook; a valid Plan, or PaperworkError listing every problem."""
    return xlsx_import(data, name=name).plan


# A formula cell in a worksheet's XML: <f>…</f>, <f t="shared" …/>, or with a namespace prefix.
_FORMULA_XML = re.compile(rb"<(?:\w+:)?f[\s>/]")
# What only openpyxl reads the way this module expects (see _plain_sheets): an error
# value (t="e"; any attribute "e" is taken for one), an empty text (<t/>, <t></t>, also
# an empty run of rich text) and Excel's escape of a character in text (_x000D_:
# calamine decodes it, openpyxl not). A false alarm only costs the slower reader.
# Three patterns, not one alternation: five times faster on a 5000-topic workbook.
_NOT_PLAIN_XML = (
    re.compile(rb"""=\s*["']e["']"""),
    re.compile(rb"<(?:\w+:)?t(?:\s[^<>]*)?(?:/>|></)"),
    re.compile(rb"_x[0-9A-Fa-f]{4}_"),
)


@dataclass
class _PlainSheet:
    """A worksheet as values (row 1 first; cells as openpyxl gives them), for a workbook without formulas."""

    title: str
    values: list[list[Any]]
    merged: list[CellRange]


def _scan(data: bytes) -> tuple[bool, bool]:
    """(any worksheet holds a formula, the workbook can be read by :func:`_plain_sheets`).

    Looked up in the sheets' XML rather than cell by cell: asking openpyxl for
    every cell creates the empty ones too (a tenth of a 5000-topic import). A
    false alarm only costs reading the saved values, or the slower reader.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            xml = [zf.read(n) for n in sheets]
            if any(_FORMULA_XML.search(x) for x in xml):
                return True, False
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                return False, False
            texts = [zf.read("xl/sharedStrings.xml")] if "xl/sharedStrings.xml" in names else []
            return False, not any(pattern.search(x) for pattern in _NOT_PLAIN_XML for x in xml + texts)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, EOFError, NotImplementedError):
        return True, False  # openpyxl read it (or will say why not): let it look for itself


def _openpyxl_value(v: Any) -> Any:
    """A value read by calamine as openpyxl gives it: no cell None, whole numbers int, a date a datetime.

    Excel (and openpyxl, LibreOffice) write a whole number as an integer
    (``<v>3</v>``), which openpyxl reads as int; calamine gives every number
    as float. Beyond 15 digits Excel writes an exponent, read as float.
    """
    if v == "":
        return None
    if type(v) is float:
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if type(v) is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v


def _plain_sheets(data: bytes) -> list[_PlainSheet] | None:
    """The worksheets read by python-calamine (Rust; ten times faster than openpyxl), or None if it cannot.

    Only for a workbook :func:`_scan` found plain: no formulas (their saved
    values and the refusal of those without need openpyxl), no error values
    (openpyxl gives their text, calamine nothing), no empty texts (openpyxl
    gives "", calamine no cell), no ``_x000D_`` escapes (calamine decodes
    them, openpyxl keeps the text). The values are then the ones openpyxl gives
    (a test compares both readers on the test workbooks).
    """
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum

        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            out = []
            for meta in wb.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue  # openpyxl's worksheets: no chart sheets
                sheet = wb.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = [
                    CellRange(min_col=c0 + 1, min_row=r0 + 1, max_col=c1 + 1, max_row=r1 + 1)
                    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []
                ]
                out.append(_PlainSheet(meta.name, [[_openpyxl_value(v) for v in r] for r in rows], merged))
            return out
        finally:
            wb.close()
    except Exception as err:  # noqa: BLE001 - whatever calamine cannot read, openpyxl reads (or says why not)
        log.info("calamine could not read the workbook (%r): openpyxl reads it", err)
        return None


def xlsx_import(data: bytes, *, name: str = "计划.xlsx") -> XlsxImport:
    """Read a filled workbook: :class:`XlsxImport` (plan + warnings), or PaperworkError listing every problem.

    Headers are matched by the template's names, then by the shared label
    vocabulary (:mod:`paperwork.vocabulary`); an unmatched header that looks
    like a known one is kept as an extra field *and* warned about. A formula
    cell is read by the value Excel saved with it; only a formula without a
    saved value is refused. A reference naming a title or name that two rows
    share is an error naming both rows.
    """
    check_upload(name, data, "xlsx")
    formulas, plain = _scan(data)
    sheets: list[Worksheet] | list[_PlainSheet] | None = _plain_sheets(data) if plain else None
    if sheets is None:
        try:
            wb = load_workbook(io.BytesIO(data), data_only=False)
        except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds
            log.info("workbook %s unreadable: %r", name, err)
            raise PaperworkError([PaperIssue(T.MSG["bad_workbook"].format(error=type(err).__name__))]) from None
        sheets = wb.worksheets
    have = {_norm(ws.title): ws for ws in sheets}
    missing = [T.SHEET[s] for s in T.SHEET_ORDER if _norm(T.SHEET[s]) not in have]
    if missing:
        names = "、".join(ws.title for ws in sheets)
        raise PaperworkError([PaperIssue(T.MSG["missing_sheet"].format(sheet=s, have=names), sheet=s) for s in missing])
    rd = _Reader()
    if formulas:
        rd.cached = load_workbook(io.BytesIO(data), data_only=True)
    rows_by: dict[str, list[_Row]] = {}
    for section in T.SHEET_ORDER:
        ws = have[_norm(T.SHEET[section])]
        _check_merged(ws, rd, section)
        if section != "calendar":
            rows_by[section] = _read_list(ws, rd, section)
            _assign_ids(rows_by[section], rd, section)
    cal, top, extra = _read_calendar(have[_norm(T.SHEET["calendar"])], rd)
    _resolve(rows_by, rd)

    for r in rows_by.get("topics", []):
        lo, hi = r.data.pop("window_start", None), r.data.pop("window_end", None)
        if lo is not None or hi is not None:
            r.data["window"] = [lo if lo is not None else 1, hi if hi is not None else 12]
        for key in ("title", "form", "lead_options"):
            if not r.data.get(key) and ("topics", r.data["id"], key) not in rd.flagged:
                rd.add(
                    "topics", r.row, rd.col_of.get(("topics", key)), key, T.MSG["empty_required"], item_id=r.data["id"]
                )
    for section in ("forms", "committees", "departments", "leaders"):
        for r in rows_by.get(section, []):
            if not r.data.get("name"):
                rd.add(
                    section,
                    r.row,
                    rd.col_of.get((section, "name")),
                    "name",
                    T.MSG["empty_required"],
                    item_id=r.data["id"],
                )

    # A missing year is already reported at its cell; validate the rest with a
    # stand-in so every other problem is listed in the same pass.
    doc: dict[str, Any] = {"format": PLAN_FORMAT, **extra, "year": 2000, **top, "calendar": cal}
    for section in ("forms", "committees", "departments", "leaders", "topics"):
        doc[section] = [{k: v for k, v in r.data.items() if v is not None} for r in rows_by.get(section, [])]
    try:
        plan = parse_plan(doc)
    except PlanError as err:
        _place(rd, err.issues)
        plan = None
    if rd.issues:
        order = {T.SHEET[k]: i for i, k in enumerate(T.SHEET_ORDER)}

        def where(i: PaperIssue) -> tuple:
            col = i.column or ""
            return (order.get(i.sheet or "", 99), i.row or 0, len(col), col)

        raise PaperworkError(sorted(rd.issues, key=where))
    assert plan is not None
    return XlsxImport(plan=plan, warnings=rd.warnings)
