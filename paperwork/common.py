"""What every converter shares: the error type, upload checks, a draft schedule.

A conversion either succeeds whole or raises :class:`PaperworkError` carrying
*every* problem it found, each located (sheet, row, column where that means
something) and worded in Chinese for the office that has to fix the file.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from solver.io import decode_json_text, plan_from_data
from solver.plan import Assignment, Plan, Schedule
from solver.validate import PlanError, parse_schedule

from . import texts as T

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Largest upload accepted (any kind); checked before a byte is parsed."""

MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
"""Largest total a .xlsx/.docx may expand to (guards against zip bombs)."""

MAX_PLAN_LINES = 20_000
"""Most lines a plan document may have: real annual plans have a few hundred
(the corpus's longest, 269). Reading is linear, about 0.2 ms a line; a cap
keeps one upload from holding the server for minutes."""

MAX_PLAN_CHARS = 600_000
"""Most characters a plan document may have (the corpus's longest has under 4,000):
one line of a million characters took 4–13 s (bench/results/import-scale.md)."""

MAX_PDF_PAGES = 100
"""Most pages a PDF plan may have: pypdf reads a page in 30–100 ms, before any line is counted."""

UploadKind = Literal["xlsx", "json", "text", "docx"]

_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "xlsx": (".xlsx",),
    "json": (".json",),
    "text": (".txt", ".docx", ".text"),
    "docx": (".docx",),
}
_KIND_LABEL = {
    "xlsx": "Excel 工作簿(.xlsx)",
    "json": "JSON(.json)",
    "text": "纯文本(.txt)或 Word(.docx)",
    "docx": "Word 文档(.docx)",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc


@dataclass(frozen=True)
class PaperIssue:
    """One problem with an uploaded or converted file, precise enough to fix."""

    message: str  # full Chinese sentence, already naming sheet/row/column
    sheet: str | None = None  # sheet name as the user sees it (「议题」)
    row: int | None = None  # 1-based row number as Excel shows it
    column: str | None = None  # column letter as Excel shows it ("F")
    header: str | None = None  # the column's header ("协商部门")

    def __str__(self) -> str:
        return self.message


class PaperworkError(ValueError):
    """A file that cannot be used; carries every issue found."""

    def __init__(self, issues: list[PaperIssue]):
        self.issues = list(issues)
        super().__init__("\n".join(i.message for i in self.issues))


def issue(message: str, **where) -> PaperIssue:
    return PaperIssue(message, **where)


def fail(key: str, **fmt) -> PaperworkError:
    return PaperworkError([PaperIssue(T.MSG[key].format(**fmt))])


def refuse_oversized(lines: list[str]) -> None:
    """Raise PaperworkError (Chinese, naming the limits) for more lines or characters than any plan has.

    See :data:`MAX_PLAN_LINES`, :data:`MAX_PLAN_CHARS`.
    """
    chars = sum(len(line) for line in lines)
    if len(lines) > MAX_PLAN_LINES or chars > MAX_PLAN_CHARS:
        raise fail("too_long", lines=len(lines), chars=chars, max_lines=MAX_PLAN_LINES, max_chars=MAX_PLAN_CHARS)


def from_plan_error(err: PlanError) -> PaperworkError:
    return PaperworkError([PaperIssue(i.message) for i in err.issues])


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} 字节"


def _zip_names(data: bytes) -> list[zipfile.ZipInfo] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def check_upload(name: str, data: bytes, kind: UploadKind) -> None:
    """Refuse an upload that is too big or not what it claims to be.

    Order matters: the size is checked first, on the raw bytes, so a 50 MB
    file is turned away before anything tries to parse it. Then the
    extension, then the content (an .xlsx must be a zip holding
    ``xl/workbook.xml``; a .docx one holding ``word/document.xml``).
    Raises :class:`PaperworkError` with one clear Chinese message.
    """
    if kind not in _EXTENSIONS:
        raise fail("unknown_kind", kind=kind)
    size = len(data)
    if size > MAX_UPLOAD_BYTES:
        raise fail("too_big", name=name, size=human_size(size), limit=human_size(MAX_UPLOAD_BYTES))
    if size == 0:
        raise fail("empty", name=name)
    lower = (name or "").lower()
    if lower.endswith(".xls") and kind == "xlsx":
        raise fail("old_xls", name=name)
    if lower.endswith(".doc") and kind in ("text", "docx"):
        raise fail("old_doc", name=name)
    if not lower.endswith(_EXTENSIONS[kind]):
        raise fail("wrong_ext", name=name, want=_KIND_LABEL[kind])

    if kind == "xlsx" or (kind in ("docx", "text") and lower.endswith(".docx")):
        want = "xl/workbook.xml" if kind == "xlsx" else "word/document.xml"
        if data.startswith(_OLE_MAGIC):
            raise fail("old_xls" if kind == "xlsx" else "old_doc", name=name)
        infos = _zip_names(data)
        if infos is None or want not in {i.filename for i in infos}:
            raise fail("not_xlsx" if kind == "xlsx" else "not_docx", name=name)
        if sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
            raise fail("zip_bomb", name=name, limit=human_size(MAX_UNZIPPED_BYTES))
    elif kind == "json":
        try:
            json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise fail("not_json", name=name) from None
    elif kind == "text":
        decode_text(name, data)


def decode_text(name: str, data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), else GB18030."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("not_text", name=name)
    for enc in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise fail("not_text", name=name)


def text_from_upload(name: str, data: bytes) -> str:
    """The text of an uploaded published plan: a .txt file, or a .docx's paragraphs and tables in order."""
    check_upload(name, data, "text")
    if name.lower().endswith(".docx"):
        # paragraphs with their automatic numbers, tables in place (the import's reader)
        from .sources import docx_lines

        return "\n".join(docx_lines(data, name=name))
    return decode_text(name, data)


def json_to_plan(data: bytes, *, name: str = "计划.json") -> Plan:
    """An uploaded plan JSON: size/type checked, then validated; every problem in one error."""
    check_upload(name, data, "json")
    try:
        return plan_from_data(decode_json_text(data, what=name), what=name)[0]
    except PlanError as err:
        raise from_plan_error(err) from None


def json_to_schedule(data: bytes, plan: Plan, *, name: str = "安排.json") -> Schedule:
    """An uploaded schedule JSON, checked against its plan."""
    check_upload(name, data, "json")
    try:
        return parse_schedule(decode_json_text(data, what=name), plan)
    except PlanError as err:
        raise from_plan_error(err) from None


# MIME types for download buttons.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ICS_MIME = "text/calendar"
ZIP_MIME = "application/zip"


# -- schedules ------------------------------------------------------------------------


def draft_schedule(plan: Plan) -> Schedule:
    """A schedule from what the plan already says, for documents before solving.

    Each topic goes to its fixed month, else the session month for a
    session-only form, else its first preferred month, else the start of its
    window; the lead is its first lead option. Not checked against any rule:
    it is what the proposers asked for, not an answer from the solver.
    """
    forms = plan.form_by_id()
    out = []
    for t in plan.topics:
        form = forms.get(t.form)
        if t.fixed_month is not None:
            month = t.fixed_month
        elif form is not None and form.session_only and plan.calendar.session_month:
            month = plan.calendar.session_month
        elif t.preferred_months:
            month = t.preferred_months[0]
        else:
            month = plan.window_of(t)[0]
        if t.lead_options:
            out.append(Assignment(topic=t.id, month=month, lead=t.lead_options[0]))
    return Schedule(plan_year=plan.year, status="feasible", assignments=out)


def usable_schedule(schedule: Schedule | None, what: str) -> None:
    if schedule is not None and schedule.status == "infeasible":
        raise fail("infeasible", status=schedule.status, what=what)


# -- names ------------------------------------------------------------------------------

_LIST_SEPARATORS = "、,，;；\n\r/"
_OPEN, _CLOSE = "(（[【〔《", ")）]】〕》"


def split_names(text: str) -> list[str]:
    """ "市工信局、市教育局, 市人社局" → three names (empty parts dropped).

    A separator inside brackets is part of the name: 「副市长(分管农业农村、生态环境)」 is one
    leader (the Excel export wrote such names as their ids, because they did not survive splitting).
    """
    return split_outside_brackets(text, _LIST_SEPARATORS, _OPEN, _CLOSE)


def split_outside_brackets(
    text: str | None, separators: str | set[str], opens: str | set[str], closes: str | set[str], flat: str = ""
) -> list[str]:
    """``text`` cut at each of ``separators`` (single characters) that is outside brackets; parts stripped,
    empty parts dropped. ``opens``/``closes``: the bracket characters (any closer closes the innermost);
    ``flat``: openers that do not nest inside another bracket (a “ quote inside (…) is text).

    The one rule behind the Excel cells' and the published text's name lists.
    """
    parts, depth, cur = [], 0, []
    for ch in text or "":
        if ch in opens and not (depth and ch in flat):
            depth += 1
        elif ch in closes and depth:
            depth -= 1
        if depth == 0 and ch in separators:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def join_names(names: list[str]) -> str:
    return "、".join(names)


def next_id(prefix: str, taken: set[str], width: int = 2) -> str:
    """The lowest id ``prefix`` + number (``width`` digits at least) not in ``taken``, added to it.

    One call scans from 1: for many ids in a row use :class:`FreshIds`, which gives the same ids.
    """
    n = 1
    while True:
        cand = f"{prefix}{n:0{width}d}"
        if cand not in taken:
            taken.add(cand)
            return cand
        n += 1


class FreshIds:
    """Ids ``prefix`` + number not in ``taken`` (which it extends), in order: the ids repeated
    :func:`next_id` calls give while ids are only ever added to ``taken``, but linear in total
    (a pasted text of thousands of topics took seconds in ``next_id``'s scans alone)."""

    def __init__(self, prefix: str, taken: set[str], width: int = 2) -> None:
        self.prefix, self.taken, self.width, self.n = prefix, taken, width, 0

    def __call__(self) -> str:
        while True:
            self.n += 1
            cand = f"{self.prefix}{self.n:0{self.width}d}"
            if cand not in self.taken:
                self.taken.add(cand)
                return cand


# -- typography ------------------------------------------------------------------------

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019\u300a\u300b"
_FULL = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "?": "\uff1f", "!": "\uff01"}


def zh_punct(text: str) -> str:
    """Half-width punctuation in Chinese text → full-width, as printed documents use it.

    Plans typed or pasted from the web often carry ASCII "," ":" "(" between
    Chinese characters; a document should not. Punctuation between Latin
    letters or digits ("1,000", "10:30") is left alone.
    """
    text = re.sub(rf"(?<=[{_CJK}])([,:;?!])|([,:;?!])(?=[{_CJK}])", lambda m: _FULL[m.group(0)], text)
    # Brackets around or beside Chinese text: "(一)" "(2项)" "委(协办)".
    text = re.sub(rf"\(([^()]*[{_CJK}][^()]*)\)", "\uff08\\1\uff09", text)
    text = re.sub(rf"(?<=[{_CJK}])\(([^()]*)\)", "\uff08\\1\uff09", text)
    return text


# -- text written to files ------------------------------------------------------------------

# Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF): openpyxl and lxml refuse them, so an export would crash.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Line and tab breaks, and the C1 controls (invisible in every office program).
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_C1 = re.compile(r"[\x7f-\x84\x86-\x9f]")
# Invisible format characters (zero-width spaces and joiners, bidirectional overrides, a
# BOM inside the text): in a title or a name they only make two equal-looking names differ
# or reverse what a reader sees; the plan file reader refuses them in such fields.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def without_invisible(text: str) -> str:
    """``text`` without invisible format characters (zero-width spaces and joiners, word joiners, a BOM)."""
    return _INVISIBLE.sub("", text)


def xml_safe(text: str) -> str:
    """Free text (notes, a preamble) as an office file can hold it: XML-illegal characters dropped.

    Tabs and line breaks stay; a lone surrogate becomes U+FFFD (it was a
    broken character, and the reader should see that something was there).
    """
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    return _XML_ILLEGAL.sub("", text)


def one_line(text: str) -> str:
    """A title or a name as one line: breaks and tabs become one space, control and invisible characters go,
    ends trimmed.

    Applied on the way out (Excel, Word, calendars) so that a title typed with
    a stray line break comes back from the .xlsx or .docx as the same single
    title: ``one_line`` of what went out is what comes back in.
    """
    text = _BREAKS.sub(" ", xml_safe(text))
    return _INVISIBLE.sub("", _C1.sub("", text)).strip()


def _needs_cleaning(text: str) -> bool:
    return bool(text) and one_line(text) != text


def plan_for_output(plan: Plan) -> Plan:
    """The plan with every title, name, role and the body made :func:`one_line` (a copy when anything changes).

    Notes keep their line breaks (only :func:`xml_safe`). Cheap when nothing
    needs cleaning: the same object comes back.
    """
    changed = False

    def fix(item, fields: tuple[str, ...]):
        nonlocal changed
        update = {f: one_line(getattr(item, f)) for f in fields if _needs_cleaning(getattr(item, f))}
        notes = getattr(item, "notes", None)
        if isinstance(notes, str) and xml_safe(notes) != notes:
            update["notes"] = xml_safe(notes)
        if not update:
            return item
        changed = True
        return item.model_copy(update=update)

    update = {
        "forms": [fix(f, ("name",)) for f in plan.forms],
        "committees": [fix(c, ("name",)) for c in plan.committees],
        "departments": [fix(d, ("name",)) for d in plan.departments],
        "leaders": [fix(x, ("name", "role")) for x in plan.leaders],
        "topics": [fix(t, ("title",)) for t in plan.topics],
    }
    if _needs_cleaning(plan.body):
        update["body"] = one_line(plan.body)
        changed = True
    return plan.model_copy(update=update) if changed else plan
