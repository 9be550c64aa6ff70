"""Reading plan and schedule files: one way for every entry (solver, store, paperwork).

Every command that takes a file reads it here, so a file is accepted or
refused the same way everywhere:

- a UTF-8 byte-order mark is accepted (Windows Notepad and Excel write one);
- an empty file, a folder, a missing file, a file we may not read, a file
  that is not UTF-8 (GBK is recognised and named), JSON that is invalid,
  holds ``NaN``/``Infinity`` or is nested deeper than any plan is —
  each is a :class:`~solver.validate.PlanError` with one Chinese sentence;
- a plan without ``topics`` is refused (it would be saved as an empty plan);
- a plan without ``format`` is read as ``consult-plan/1`` with a warning;
- a lone UTF-16 surrogate (``"\\ud800"``) anywhere, or a control character in
  an id, title or name, is refused naming the list, the id and the field:
  such text cannot be written to a file, a workbook or a document later.

The shape and meaning checks are :func:`solver.validate.parse_plan`'s.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from . import texts as T
from .plan import PLAN_FORMAT, Plan, Schedule
from .validate import PlanError, PlanIssue, parse_plan, parse_schedule

# The deepest nesting a plan needs is 5 (plan → topics → list → topic → list);
# other tools' extra fields may add some. Far deeper is an attack or a broken
# generator, and Python's own recursion would fail on it with a traceback.
MAX_JSON_DEPTH = 64
# A 5000-topic plan is about 3 MB and a backup with its saved schedules a few tens;
# reading stops past this, so a device (/dev/zero) or a runaway file is refused, not read forever.
MAX_JSON_BYTES = 256 * 1024 * 1024

# C0/C1 control characters and DEL. Names, ids and titles are one line of
# text: none of these belongs there (openpyxl and lxml refuse most of them).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Unicode's other line breaks (U+2028/U+2029) and the invisible format characters
# (zero-width spaces and joiners, bidirectional overrides, a BOM inside the text):
# in a one-line field they make two titles that look the same differ, reverse what
# a reader sees, or break a line in one office file and not in another.
_INVISIBLE = "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_NOT_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")


def not_one_line(text: str) -> str | None:
    """The first character that does not belong in one line of text (a name, a title), or None."""
    bad = _NOT_ONE_LINE.search(text) or _SURROGATE.search(text)
    return bad.group() if bad else None


# In free text (notes, any other string) tab and line breaks are fine.
_CONTROL_IN_NOTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What in a JSON text can decode to a control character or a lone surrogate:
# an escape (\n, \u0007, \ud800 …) or a raw C1 character. A file without any
# skips the walk over every string (a fifth of reading a 5000-topic plan).
_SUSPECT_JSON = re.compile(
    r"\\[btnfr]|\\u(?:00[01]|00[89]|007[fF]|[dD][89a-fA-F]|20[0-6][0-9a-fA-F]|[fF][eE][fF][fF])"
    f"|[\\x7f-\\x9f{_INVISIBLE}]"
)
# One character class finds "no backslash, no C1 character" in half the time of the above.
_SUSPECT_CHAR = re.compile(f"[\\\\\\x7f-\\x9f{_INVISIBLE}]")
# Fields that are one line of text, per list.
_ONE_LINE_FIELDS = ("id", "name", "title", "role", "form", "body")

_JSON_ZH = T.JSON_REASON

log = logging.getLogger(__name__)


def os_reason(err: OSError) -> str:
    """Why a file could not be read or written, in Chinese (by ``errno``).

    The system's own English (``strerror``, "No such file or directory") is
    logged at INFO for whoever debugs, never put in a sentence for the user.
    """
    log.info("OS error: %r", err)
    if err.errno is None:
        return T.OS_REASON_NO_ERRNO
    return T.OS_REASON.get(err.errno) or T.OS_REASON_OTHER.format(errno=err.errno)


def _fail(message: str, section: str = "plan", item_id: str | None = None, field: str | None = None) -> PlanError:
    return PlanError([PlanIssue(section, item_id, field, message)])


def _json_reason(msg: str) -> str:
    for en, zh in _JSON_ZH:
        if msg.startswith(en):
            return zh
    return T.IO["json_other"]


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def _depth(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of decoded JSON, without recursion; counting stops past ``limit``.

    Level by level over the containers only: decoded JSON holds exact
    ``dict``/``list`` objects, and a list comprehension per container is a
    third of the time of a stack of (value, depth) pairs.
    """
    level = [value] if type(value) is dict or type(value) is list else []
    depth = 0
    while level and depth <= limit:
        depth += 1
        below: list[Any] = []
        for v in level:
            below += [x for x in (v.values() if type(v) is dict else v) if type(x) is dict or type(x) is list]
        level = below
    return depth


def decode_json_text(raw: bytes | str, *, what: str) -> Any:
    """Bytes or text of a JSON document → the decoded value; :class:`PlanError` in Chinese.

    ``what`` names the document in messages ("计划文件 a.json"). A UTF-8 BOM is
    dropped; UTF-16 and GBK files are named as such.
    """
    return _decode(raw, what=what)[0]


# File signatures of what planners most often pass instead of a plan's JSON (the first bytes of
# the file): Excel/Word 2007+ are ZIP archives, .xls/.doc/.wps are OLE compound files.
_OTHER_FORMATS = (
    (b"PK\x03\x04", "kind_zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "kind_ole"),
    (b"%PDF", "kind_pdf"),
    (b"SQLite format 3\x00", "kind_sqlite"),
)


def _decode(raw: bytes | str, *, what: str) -> tuple[Any, bool]:
    """(decoded value, whether its text may hold a control character or a lone surrogate)."""
    if isinstance(raw, bytes):
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _fail(T.IO["utf16"].format(what=what))
        for magic, kind in _OTHER_FORMATS:  # an office file handed to a JSON reader: say which, and what reads it
            if raw.startswith(magic):
                raise _fail(T.IO["other_format"].format(what=what, kind=T.IO[kind], hint=T.IO[f"{kind}_hint"]))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            hint = ""
            try:
                raw.decode("gb18030")
                hint = T.IO["gbk_hint"]
            except UnicodeDecodeError:
                pass
            raise _fail(T.IO["not_utf8"].format(what=what, hint=hint, byte=err.start + 1)) from None
    else:
        text = raw.removeprefix("\ufeff")
    if not text.strip():
        raise _fail(T.IO["empty"].format(what=what))
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as err:
        raise _fail(
            T.IO["bad_json"].format(what=what, line=err.lineno, col=err.colno, reason=_json_reason(err.msg))
        ) from None
    except ValueError as err:  # NaN, Infinity, -Infinity
        raise _fail(T.IO["bad_number"].format(what=what, value=err)) from None
    except RecursionError:
        raise _fail(T.IO["too_deep"].format(what=what, max=MAX_JSON_DEPTH)) from None
    if _depth(data) > MAX_JSON_DEPTH:
        raise _fail(T.IO["too_deep"].format(what=what, max=MAX_JSON_DEPTH))
    return data, bool(_SUSPECT_CHAR.search(text) and _SUSPECT_JSON.search(text))


def read_json_file(path: str | Path, *, what: str = T.IO["plan_file"]) -> Any:
    """Read and decode a JSON file; :class:`PlanError` with one Chinese sentence naming the path."""
    return _read_json(path, what=what)[0]


def _read_json(path: str | Path, *, what: str) -> tuple[Any, bool]:
    path = Path(path)
    label = T.IO["label"].format(what=what, path=path)
    if path.is_dir():
        raise _fail(T.IO["is_folder"].format(label=label))
    try:
        if path.is_file():  # its size is known: a file too big is not read at all
            too_big = path.stat().st_size > MAX_JSON_BYTES
            raw = b"" if too_big else path.read_bytes()
        else:  # a device or a pipe (/dev/zero): read no more than the limit, so the read ends
            with path.open("rb") as f:
                raw = f.read(MAX_JSON_BYTES + 1)
            too_big = len(raw) > MAX_JSON_BYTES
    except FileNotFoundError:
        raise _fail(T.IO["not_found"].format(what=what, path=path)) from None
    except PermissionError:
        raise _fail(T.IO["no_permission"].format(label=label)) from None
    except OSError as err:
        raise _fail(T.IO["unreadable"].format(label=label, reason=os_reason(err))) from None
    if too_big:
        raise _fail(T.IO["too_big"].format(label=label, limit=MAX_JSON_BYTES // (1024 * 1024)))
    return _decode(raw, what=label)


def _text_issues(data: dict[str, Any]) -> list[PlanIssue]:
    """Lone surrogates anywhere, control characters in one-line fields: every one, located."""
    issues: list[PlanIssue] = []

    def where(section: str, row: Any, index: int | None) -> tuple[str, str | None]:
        name = T.SECTION.get(section, section)
        rid = row.get("id") if isinstance(row, dict) and isinstance(row.get("id"), str) else None
        if rid and not _SURROGATE.search(rid) and not _CONTROL.search(rid):
            return T.IO["where_id"].format(section=name, id=rid), rid
        if index is not None:
            return T.IO["where_row"].format(section=name, row=index + 1), None
        return T.IO["where_section"].format(section=name), None

    def scan(value: Any, section: str, row: Any, index: int | None, field: str) -> None:
        stack = [value]
        while stack:
            v = stack.pop()
            if isinstance(v, dict):
                stack.extend(v.keys())
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)
            elif isinstance(v, str):
                label = T.FIELD.get(field, field)
                if _SURROGATE.search(v):
                    who, rid = where(section, row, index)
                    issues.append(PlanIssue(section, rid, field, T.IO["surrogate"].format(who=who, field=label)))
                    return
                bad = (_NOT_ONE_LINE if field in _ONE_LINE_FIELDS else _CONTROL_IN_NOTES).search(v)
                if bad:
                    who, rid = where(section, row, index)
                    issues.append(
                        PlanIssue(
                            section,
                            rid,
                            field,
                            (T.IO["control"] if _CONTROL.match(bad.group()) else T.IO["invisible"]).format(
                                who=who, field=label, char=bad.group(), code=ord(bad.group())
                            ),
                        )
                    )
                    return

    for key, value in data.items():
        if key in T.SECTION and isinstance(value, list):
            for i, row in enumerate(value):
                if isinstance(row, dict):
                    for field, v in row.items():
                        scan(field, key, row, i, "id")  # a key itself
                        scan(v, key, row, i, str(field))
                else:
                    scan(row, key, None, i, key)
        else:
            scan(key, "plan", None, None, "id")
            scan(value, "plan", None, None, str(key))
    return issues


def plan_from_data(data: Any, *, what: str = T.IO["plan_file"], scan_text: bool = True) -> tuple[Plan, list[str]]:
    """A decoded plan document → (:class:`Plan`, warnings); :class:`PlanError` with every issue.

    Refuses a document without ``topics``; warns when ``format`` is missing.
    ``scan_text=False`` skips looking for control characters and lone
    surrogates: only for a document whose JSON text cannot hold any.
    """
    if not isinstance(data, dict):
        raise _fail(T.IO["not_object"].format(what=what))
    warnings: list[str] = []
    issues = _text_issues(data) if scan_text else []
    if "topics" not in data:
        issues.append(PlanIssue("plan", None, "topics", T.IO["no_topics"].format(what=what)))
    if "format" not in data:
        warnings.append(T.IO["no_format"].format(what=what, format=PLAN_FORMAT))
    if issues:
        raise PlanError(issues)
    return parse_plan(data), warnings


def read_plan_data(path: str | Path) -> tuple[dict[str, Any], Plan, list[str]]:
    """Read a plan file → (the decoded document, :class:`Plan`, warnings).

    The document is returned too for callers that keep fields beyond the plan
    (``store import`` restores a backup's schedules from it).
    """
    what = T.IO["label"].format(what=T.IO["plan_file"], path=Path(path))
    data, suspect = _read_json(path, what=T.IO["plan_file"])
    plan, warnings = plan_from_data(data, what=what, scan_text=suspect)
    return data, plan, warnings


def read_plan_file(path: str | Path) -> tuple[Plan, list[str]]:
    """Read a plan file → (:class:`Plan`, warnings in Chinese); :class:`PlanError` on anything wrong."""
    _, plan, warnings = read_plan_data(path)
    return plan, warnings


def read_schedule_file(path: str | Path, plan: Plan | None = None) -> Schedule:
    """Read a schedule file (checked against ``plan`` when given); :class:`PlanError` in Chinese."""
    data = read_json_file(path, what=T.IO["schedule_file"])
    if isinstance(data, dict):
        bad = _text_issues({"assignments": data.get("assignments")} if "assignments" in data else {})
        if bad:
            raise PlanError(
                [PlanIssue("schedule", i.item_id, i.field, T.IO["in_schedule"].format(message=i.message)) for i in bad]
            )
    return parse_schedule(data, plan)
