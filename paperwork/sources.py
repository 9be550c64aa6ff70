"""Any plan document → numbered text lines for the plan reader.

Plain text is read as it is, in any encoding (:func:`paperwork.common.decode_text`), once the marks
other tools set around its lines are off (:mod:`paperwork.text_marks`: a quoted e-mail's ``>``, Markdown's
``#`` and ``**``); a table in it (tab-separated as a spreadsheet copies it, its multi-line cells in
double quotes; a Markdown or plain pipe table, ``<br>`` breaking a cell's lines; space-aligned; drawn with
box characters) is read by :func:`text_tables`. The others become lines that keep what the
layout said:

- **Word (.docx)**: paragraphs and tables in document order. Automatic
  numbering lives in ``numbering.xml``, not in the text; each numbered
  paragraph gets its label back (``一、`` ``(二)`` ``3.`` ``①`` ``●``),
  computed from the level's format and counters, so the reader sees the
  structure the author saw.
- **Tables** (Word or HTML): the header row is matched by the shared label
  vocabulary (:mod:`paperwork.vocabulary`), in any column order; each row
  becomes a numbered title line followed by ``label:value`` lines; merged
  cells are filled down; a row spanning the table is a group heading.
- **.doc / .wps**: converted to .docx by LibreOffice headless (``soffice``).
- **PDF**: the text layer (pypdf); a PDF without one is refused with a message.
- **HTML** (a saved page, or HTML pasted as text): parsed with lxml's HTML
  parser (already installed with python-docx: a real, forgiving parser
  without a second dependency); scripts, styles, navigation, headers and
  footers dropped; block elements become lines; tables as above.

What the lines leave out is not lost: :func:`document_reading` also returns it as
:class:`SetAside` entries (a PDF's headers and page numbers by page and row, a
Word file's page headers and footers, a web page's navigation, header, footer and
forms by the line they stood before, its scripts and styles summed up in one entry,
a contact table by its rows), which the importer lists as skipped.
"""

from __future__ import annotations

import contextvars
import io
import logging
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import texts as T
from .aligned_table import aligned_table
from .common import MAX_PDF_PAGES as _MAX_PDF_PAGES
from .common import MAX_UPLOAD_BYTES, PaperIssue, PaperworkError, decode_text, fail, human_size
from .common import refuse_oversized as _refuse_oversized
from .css_content import apply_generated_text
from .div_tables import div_table_rows
from .furniture import PAGE_NUMBER
from .grid_tables import grid_lines
from .hanzi import plain_ideographs
from .hard_wrap import rejoined_lines
from .labelled_cells import labelled_cell_lines, labelled_paragraphs, title_and_content, title_and_fields
from .line_origins import Line, origin
from .month_grid import lift_month_subheader, ticked_time, time_in_note, time_in_remark
from .outline import assignment_lines
from .pdf_replay import extract
from .pdf_strokes import stroked_rules
from .published_text import _is_form_name, classify_form
from .side_tables import is_card_head, is_contact_card, is_contact_table
from .table_kinds import drop_total_rows, fold_form_ticks
from .text_marks import unmarked_line
from .vocabulary import (
    LABEL_OF,
    LABELS,
    NAME_LIST_FIELDS,
    TABLE_MARK,
    TITLE_ROOT_WORDS,
    alternation,
    field_of_header,
    field_of_label,
    norm,
)

log = logging.getLogger(__name__)

SOFFICE_TIMEOUT_S = 120
"""LibreOffice's first start builds its profile (≈10–20 s on these machines); a document takes a few more."""

DOCUMENT_EXTENSIONS = (".txt", ".text", ".docx", ".doc", ".wps", ".pdf", ".html", ".htm")
"""Files :func:`document_lines` reads."""

_LOOKS_HTML = re.compile(r"<\s*(?:html|body|div|p|table|tr|td|span|br|h\d|li)\b", re.IGNORECASE)
_CN_DIGITS = "零一二三四五六七八九"


# -- what extraction leaves out -----------------------------------------------------------------


@dataclass(frozen=True)
class SetAside:
    """Text of the user's document that extraction left out of the lines read, where it stood and why.

    ``place``: where the user finds it (Chinese, from ``texts.SET_ASIDE_PLACE``); ``reason``: why it
    was left out (``texts.SET_ASIDE_REASON``); ``before``: the 1-based number of the extracted line it
    stood before (len + 1 after the last), None when not known (it is then listed last).
    """

    text: str
    place: str
    reason: str
    before: int | None = None


# The extraction in progress collects what it leaves out here (None: nobody asked, as for a text
# file, whose dropped lines the review finds by itself among the user's own lines)
_ASIDE: contextvars.ContextVar[list[SetAside] | None] = contextvars.ContextVar("set_aside", default=None)


def _set_aside(text: str, place: str, reason: str, before: int | None = None) -> None:
    got = _ASIDE.get()
    if got is not None and text.strip():
        got.append(SetAside(re.sub(r"\s+", " ", text).strip(), place, reason, before))


def _aside_count() -> int:
    got = _ASIDE.get()
    return len(got) if got is not None else 0


def _place_tables(since: int, table: int, before: int) -> None:
    """The table rows set aside since the ``since``-th entry, placed in the ``table``-th table of the document."""
    got = _ASIDE.get()
    if got is None:
        return
    for k in range(since, len(got)):
        a = got[k]
        if a.before is None and a.place.isdigit():
            got[k] = replace(a, place=T.SET_ASIDE_PLACE["table_row"].format(table=table, row=a.place), before=before)


def _contact_rows_aside(rows: list[list[str]]) -> None:
    """A contact table's rows, each set aside by its row number (the caller names the table)."""
    for k, row in enumerate(rows, start=1):
        cells = list(dict.fromkeys(c.strip() for c in row if c.strip()))
        # the place is the row's number until the caller knows which table it is (see _place_tables)
        _set_aside("  ".join(cells), str(k), T.SET_ASIDE_REASON["contacts"])


# -- numbers as Word prints them ------------------------------------------------------------


def _chinese(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    tens, ones = divmod(n, 10)
    return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
        "chineseLegalSimplified",
        "ideographLegalTraditional",
        "taiwaneseCountingThousand",
    ):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, k = "", n
        for v, s in vals:
            while k >= v:
                out, k = out + s, k - v
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)


class _Numbering:
    """The labels Word would print before numbered paragraphs (numbering.xml), in document order."""

    def __init__(self, doc) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, lvlText, start)
        self.counters: dict[str, dict[int, int]] = {}
        # numId → ilvl → (what follows the number: "tab" | "space" | "nothing", legal style: every level decimal)
        self.after: dict[str, dict[int, tuple[str, bool]]] = {}
        self._by_style: dict[str | None, object] = {}  # style id → its numPr (see _style_num_pr)
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        abstract_after: dict[str, dict[int, tuple[str, bool]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            lv = {}
            after = abstract_after.setdefault(an.get(qn("w:abstractNumId")), {})
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")))
                suff = lvl.find(qn("w:suff"))
                legal = lvl.find(qn("w:isLgl"))
                after[ilvl] = (
                    suff.get(qn("w:val")) if suff is not None else "tab",
                    legal is not None and legal.get(qn("w:val"), "true") not in ("0", "false"),
                )
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                lv[ilvl] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"))] = lv
        for num in root.findall(qn("w:num")):
            aid = num.find(qn("w:abstractNumId"))
            if aid is None:
                continue
            lv = dict(abstract.get(aid.get(qn("w:val")), {}))
            self.after[num.get(qn("w:numId"))] = abstract_after.get(aid.get(qn("w:val")), {})
            for ov in num.findall(qn("w:lvlOverride")):
                so = ov.find(qn("w:startOverride"))
                ilvl = int(ov.get(qn("w:ilvl")))
                if so is not None and ilvl in lv:
                    fmt, text, _ = lv[ilvl]
                    lv[ilvl] = (fmt, text, int(so.get(qn("w:val"))))
            self.levels[num.get(qn("w:numId"))] = lv

    def _num_pr(self, paragraph):
        qn = self.qn
        ppr = paragraph._p.pPr
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            num_pr = self._style_num_pr(paragraph)
        if num_pr is None:
            return None
        nid = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if nid is None:
            return None
        return nid.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0

    def _style_num_pr(self, paragraph):
        """The numbering (``w:numPr`` element or None) this paragraph's style or the styles it is based on give.

        Looked up once per style id: python-docx finds a paragraph's style by a
        scan of all the document's styles, which cost about a millisecond a paragraph.
        """
        sid = paragraph._p.style
        if sid not in self._by_style:
            qn = self.qn
            num_pr = None
            style = paragraph.style
            while num_pr is None and style is not None:
                sppr = style.element.find(qn("w:pPr"))
                num_pr = sppr.find(qn("w:numPr")) if sppr is not None else None
                style = style.base_style
            self._by_style[sid] = num_pr
        return self._by_style[sid]

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("" if none); advances the counters."""
        pr = self._num_pr(paragraph)
        if pr is None or pr[0] == "0" or pr[0] not in self.levels:
            return ""
        nid, ilvl = pr
        levels = self.levels[nid]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(nid, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels below it
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "●" if not text or ord(text[0]) >= 0xF000 else text  # Symbol-font bullets are private-use
        if fmt == "none":
            return ""

        suffix, legal = self.after.get(nid, {}).get(ilvl, ("tab", False))

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            n = counters.get(k, levels.get(k, ("decimal", "", 1))[2])
            return str(n) if legal else _format_number(n, levels.get(k, ("decimal", "", 1))[0])

        label = re.sub(r"%(\d)", sub, text)
        if suffix != "nothing" and re.search(r"[0-9A-Za-z]$", label):
            # "2.1" then a tab or space: glued to the text ("2.1围绕…") the number would run into it
            label += " "
        return label


# -- tables ---------------------------------------------------------------------------------


_GROUP_COLUMNS = 1  # columns 0–1 (after a 序号) are where a table groups rows by a merged month


# The steps of one topic under a spanning 时间安排 ("调研 | 协商 | 视察"): only the 协商 step
# times the consultation; the others are read as steps (their months are theirs, domain notes §5)
_STEP_WORDS = (("协商", "time", "协商时间"), ("调研", "research", "调研时间"), ("视察", "research", "视察时间"))


def _step_subcolumns(heads: list[str], sub: list[str]) -> dict[int, tuple[str, str]]:
    """Sub-columns "调研 | 协商 | 视察" under a 时间安排 merged across them → {column: (field key, label)}.

    Only under a time header that spans two or more columns; a sub-cell naming none
    of the steps is left out (the caller then does not take the row as a header).
    """
    out: dict[int, tuple[str, str]] = {}
    for j, cell in enumerate(sub):
        if j >= len(heads) or field_of_header(heads[j]) != "time":
            continue
        if sum(1 for h in heads if norm(h) == norm(heads[j])) < 2:
            continue
        word = norm(cell)
        step = next((x for x in _STEP_WORDS if word.startswith(x[0]) and len(word) <= len(x[0]) + 2), None)
        if step is not None:
            out[j] = (step[1], step[2])
    return out


# "政协某市委员会2025年度协商计划表" merged across the table's first row: the document's title,
# which names the year (and the body) when nothing outside the table does
_YEAR_CAPTION = re.compile(r"(?:19|20)\d\d\s*年")


# "一、专题协商(3次)" "(二)对口协商" "【三】界别协商": a form row's own number, kept as the heading's
_FORM_ROW_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（【〔]\s*[一二三四五六七八九十]{1,3}\s*[)）】〕])\s*"
)
_FORM_ROW_COUNT = re.compile(r"\s*[(（]\s*(?:共\s*)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[个项次件场]\s*[)）]\s*$")


def _form_row_heading(text: str) -> str | None:
    """A merged row above a table's header that names a form → a form heading line, else None.

    "一、专题议政性常委会议" stays as written (a numbered heading); "对口协商(4次)" becomes
    "【对口协商(4次)】", the reader's boxed form heading: every row of the table is of that form.
    """
    one = unicodedata.normalize("NFKC", text).strip()
    if "\n" in one or len(one) > 30:
        return None
    number = _FORM_ROW_NUMBER.match(one)
    name = _FORM_ROW_COUNT.sub("", one[number.end() :] if number else one).strip()
    if not name or not (classify_form(name) or _is_form_name(name)):
        return None
    if not number and not classify_form(name) and not _FORM_ROW_COUNT.search(one):
        # shaped like a form's name, but neither numbered, counted nor known: the reader would not head by it
        return None
    return one if number and not one.startswith(("(", "【", "〔")) else f"【{one[number.end() :] if number else one}】"


def _caption_rows(rows: list[list[str]]) -> list[str]:
    """The rows above a table's header that hold one text naming a year (a merged title row) or a
    form (a merged form row, "一、专题协商": the form of all the table's rows), as lines."""
    out = []
    for row in rows:
        distinct = list(dict.fromkeys(c.strip() for c in row if c.strip()))
        if len(distinct) != 1:
            continue
        form = _form_row_heading(distinct[0])
        if form:
            out.append(form)
        elif _YEAR_CAPTION.search(distinct[0]) and "\n" not in distinct[0]:
            out.append(distinct[0])
    return out


def table_lines(rows: list[list[str]]) -> list[str]:
    """A plan table → lines the reader understands.

    ``rows``: the cells' text, row by row (merged cells already repeated).
    The first row whose cells name a title column and at least one more known
    field (by :func:`~paperwork.vocabulary.field_of_header`) is the header.
    Each row under it becomes ``"N.标题"`` then ``"标签:值"`` for every other
    column; blank form cells take the form above (a merged or ditto cell); a
    title cell whose later paragraphs open with labels ("时间：…", "部门：…")
    gives them as the row's fields; a
    row whose cells are all the same text is a group heading. Columns the
    vocabulary does not know are kept as ``"表头:值"`` so the reader reports
    them. A table without such a header is returned row by row.
    """
    if is_contact_card(rows):
        _contact_rows_aside(rows)
        return []  # contacts set as a card ("联系人 | 赵某", "电话 | 0766-…"): no topic, no field of one
    record = _record_table(rows)
    if record is not None:
        return record
    assigned = assignment_lines(rows)
    if assigned is not None:
        return assigned  # leaders by item number: given to their topics by outline.restructure
    grid = grid_lines(rows)
    if grid is not None:
        return grid
    labelled = labelled_cell_lines(rows)
    if labelled is not None:
        return labelled
    rows = lift_month_subheader(fold_form_ticks(drop_total_rows(rows)))
    header_at, cols = None, {}
    for i, row in enumerate(rows[:5]):
        found = {j: field_of_header(c) for j, c in enumerate(row)}
        found = {j: k for j, k in found.items() if k}
        if "title" not in found.values() and list(found.values()).count("content") == 1:
            # "协商内容" heads the topic column when no column is called 议题
            found = {j: "title" if k == "content" else k for j, k in found.items()}
        if "title" in found.values() and len(found) >= 2:
            header_at, cols = i, found
            break
    if header_at is None:
        if is_contact_table(rows):
            _contact_rows_aside(rows)
            return []  # a 附表 of contacts: its numbered rows are no topics
        keys = [field_of_header(c) for c in rows[0]] if rows else []
        named = all(k or not c.strip() for k, c in zip(keys, rows[0], strict=False)) if rows else False
        if len(rows) >= 2 and sum(1 for k in keys if k) >= 2 and named:
            # a topic's own small table ("协商形式|时间安排|协商部门" over its values): its fields
            wrap = re.compile(r"\s*\n\s*")
            return [
                LABELS[k][0] + ":" + wrap.sub(_CELL_JOIN.get(k, ""), c.strip())
                for row in rows[1:]
                for k, c in zip(keys, row, strict=False)
                if k and k != "title" and c.strip()
            ]
        out = []
        for row in rows:
            cells = list(dict.fromkeys(c.strip() for c in row if c.strip()))
            if cells:
                out.append("  ".join(cells))
        return out
    heads = list(rows[header_at])
    steps: dict[int, tuple[str, str]] = {}
    if header_at + 1 < len(rows):
        # a header of two rows: "责任分工" spanning "牵头单位 | 参与单位" below it
        sub = [c.strip() for c in rows[header_at + 1]]
        under = {
            j: field_of_header(c) for j, c in enumerate(sub) if c and (j >= len(heads) or norm(c) != norm(heads[j]))
        }
        steps = _step_subcolumns(heads, sub)
        under.update({j: key for j, (key, _) in steps.items()})
        if under and all(under.values()) and "title" not in under.values():
            for j, key in under.items():
                cols[j] = key
                if j < len(heads):
                    heads[j] = steps[j][1] if j in steps else sub[j]
            header_at += 1
        else:
            steps = {}  # the row below is no header: its cells are a topic's
    # "1月" … "12月" as column heads: a month matrix, a mark in a month's column (✓) says when
    month_cols = {
        j: int(m.group(1))
        for j, h in enumerate(heads)
        if (m := re.fullmatch(r"\s*(1[0-2]|0?[1-9])\s*月份?\s*", h or ""))
    }
    if len(month_cols) < 3:
        month_cols = {}
    raw_rows = rows  # cells with their paragraphs (a title and its content, labelled parts)
    rows = [_cell_paragraphs(row, cols, header_at, k) for k, row in enumerate(rows)]
    out = _caption_rows(raw_rows[:header_at]) + [f"{TABLE_MARK}{'、'.join(h.strip() for h in heads if h.strip())}"]
    last: dict[str, str] = {}
    above: dict[int, str] = {}  # each column's value in the row above (for a "同上" cell)
    n = 0
    groups = 0
    for row, raw_row in zip(rows[header_at + 1 :], raw_rows[header_at + 1 :], strict=True):
        cells = [c.strip() for c in row] + [""] * (len(heads) - len(row))
        distinct = {c for c in cells if c}
        if not distinct:
            continue
        if _is_total_row(distinct):
            continue  # "合计 | 44项": the table's total, not a topic
        if len(distinct) == 1 and len(cells) > 2 and sum(1 for c in cells if c) >= len(cells) - 1:
            head = distinct.pop()
            if classify_form(head) and not re.match(r"^[一二三四五六七八九十]+[、.]|^[(（]", head):
                groups += 1
                head = f"{_chinese(groups)}、{head}"
            out.append(head)
            last.clear()
            n = 0
            continue
        title_col = next(j for j, k in cols.items() if k == "title")
        title = cells[title_col] if title_col < len(cells) else ""
        if not title:
            continue
        in_cell = title_and_fields(raw_row[title_col])
        title, content = (in_cell[0], "") if in_cell else title_and_content(raw_row[title_col], heads[title_col])
        n += 1
        out.append(f"{n}.{title}")
        # "时间：6月" / "部门：A、B" under the title in its cell: the row's own fields
        out += [f"{LABELS[k][0]}:{v}" for k, v in in_cell[1]] if in_cell else []
        if content:
            out.append(f"{LABELS['content'][0]}:{content}")
        ticked = [month_cols[j] for j in month_cols if j < len(cells) and _TICK.fullmatch(cells[j].strip())]
        if ticked:
            # a month matrix: each ticked month is one meeting ("5月、11月各一次")
            out.append(f"{LABELS['time'][0]}:{ticked_time(ticked)}")
        elif month_cols:
            notes = [c for j, c in enumerate(cells) if cols.get(j) == "notes" and time_in_note(c)]
            if notes:
                out.append(f"{LABELS['time'][0]}:{time_in_note(notes[0])}")  # no tick: "备注 | 11月底前"
        elif "time" not in cols.values():
            # no time column: "备注 | 拟安排在5月" is the row's time (the note stays a note too)
            said = [t for j, c in enumerate(cells) if cols.get(j) == "notes" and (t := time_in_remark(c))]
            if said:
                out.append(f"{LABELS['time'][0]}:{said[0]}")
        for j, cell in enumerate(cells):
            key = cols.get(j)
            if key in ("title", "number") or j in month_cols:
                continue
            if _DITTO.fullmatch(cell):
                cell = above.get(j, "")  # "同上": the cell above, as written there
            above[j] = cell
            if (key == "form" or (key == "time" and j <= _GROUP_COLUMNS)) and not cell:
                # a merged form cell, or a merged month leading the row (a table ordered by
                # month), comes out empty from a PDF: it is the one above
                cell = last.get(key, "")
            if key == "time" and re.fullmatch(
                r"\s*(?:1[0-2]|0?[1-9])(?:\s*[、,,\-—~至]\s*(?:1[0-2]|0?[1-9]))*\s*", cell
            ):
                cell += "月"  # a 月份 column holding bare numbers ("5", "9、10")
            if key in ("form", "time") and cell:
                last[key] = cell
            if not cell:
                continue
            parts = labelled_paragraphs(raw_row[j], key) if j < len(raw_row) else None
            if parts:
                # "牵头：X" / "参与：A、B" in one 责任单位 cell: each part is its own field
                out += [f"{LABELS[k][0]}:{v}" for k, v in parts]
                continue
            head = heads[j].strip() if j < len(heads) else ""
            label = steps[j][1] if j in steps else LABELS[key][0] if key else head  # "视察时间:9月" as the step
            if key == "notes" and norm(head) in LABEL_OF:
                label = norm(head)  # "成果形式" and "备注" both remarks, told apart (a 注 may explain one)
            if not label:
                continue
            out.append(f"{label}:{cell}")
    return out


_TOTAL_WORD = re.compile(r"^(?:合\s*计|总\s*计|共\s*计|小\s*计|总\s*数)\s*[:：]?$")
_COUNT_CELL = re.compile(r"^(?:共\s*)?(?:\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:项|个|次|场|件|个议题|项议题)?$")


def _is_total_row(distinct: set[str]) -> bool:
    """A table's total row: a 合计/总计 cell, the others counts ("44项") — merged across, or not."""
    if len(distinct) == 1:
        # "合计:44项" in one cell merged across the whole row
        one = re.sub(r"\s+", "", next(iter(distinct)))
        word = re.match(r"^(?:合计|总计|共计|小计|总数)[:：]?", one)
        return bool(word) and bool(_COUNT_CELL.match(one[word.end() :]) or not one[word.end() :])
    words = [c for c in distinct if _TOTAL_WORD.match(c)]
    return bool(words) and all(c in words or _COUNT_CELL.match(c) or c in "—-/" for c in distinct)


# A cell that repeats the one above it
_DITTO = re.compile(r"\s*(?:同上|同前|〃|\u3003|”|〃〃)\s*")


# A month matrix's mark for the meeting's month; a research month's (△) or any other mark is not it
_TICK = re.compile(r"[✓✔√☑]|[●■★]")


# How the paragraphs of one cell are joined: one name per paragraph in a list column,
# one step per paragraph in a time cell ("3月(调研)" / "5月(协商)"), a wrapped title run together
# a remark's lines are kept apart (a 注 may say the column lists names: see legend.column_notes)
_CELL_JOIN = {**dict.fromkeys(NAME_LIST_FIELDS, "、"), "time": ";", "notes": "；"}


def _cell_paragraphs(row: list[str], cols: dict[int, str], header_at: int, k: int) -> list[str]:
    if k <= header_at:
        return [re.sub(r"\s*\n\s*", "", c) for c in row]
    return [re.sub(r"[、,，;；]?\s*\n\s*", _CELL_JOIN.get(cols.get(j) or "", ""), c.strip()) for j, c in enumerate(row)]


RECORD_MIN_KNOWN = 0.6
"""Share of a two-column table's left cells that must be known labels for it to be one topic's record."""


# The middle cell of "时间安排 | 调研 | 3—5月": a step of the work. Any other middle cell makes the row
# a row of a table, even when its first cell is a header word ("督办 | 推进X | 市委督查室")
_STEP_CELL = re.compile(r"(?:前期)?(?:调研|协商|视察|考察|座谈|监督|准备|筹备|实施|总结|成果报送)(?:阶段|环节)?")


def _record_table(rows: list[list[str]]) -> list[str] | None:
    """A topic laid out as a two-column table (``议题名称 | …``, ``协商时间 | 6月`` …) → ``标签:值`` lines.

    A row may also hold two label/value pairs, or a label, a step (调研, 协商) and
    its value. Returns None unless every row is one of those, the table names a
    title, and at least :data:`RECORD_MIN_KNOWN` of its labels are in the
    vocabulary. Several records in one table follow each other (a new title
    label starts the next topic in the reader).
    """
    pairs = []
    for k, row in enumerate(rows):
        if k == 0 and is_card_head(row):
            continue  # "项目 | 内容" over the card's rows: the columns' names, no title "内容"
        cells = [c.strip() for c in row if c.strip()]
        cells = list(dict.fromkeys(cells))  # a value merged across columns comes once
        if not cells:
            continue
        if len(cells) == 2:
            pairs.append((cells[0], cells[1]))
        elif len(cells) == 4 and field_of_header(cells[0]) and field_of_header(cells[2]):
            # "协商形式 | 专题协商会 | 牵头专委会 | 市政协教科卫体委": two pairs on one row
            pairs += [(cells[0], cells[1]), (cells[2], cells[3])]
        elif len(cells) == 3 and field_of_header(cells[0]) and _STEP_CELL.fullmatch(norm(cells[1])):
            # "时间安排 | 调研 | 3—5月" under a merged label: the step names its value
            pairs.append((cells[0], f"{cells[1]}{cells[2]}"))
        else:
            return None
    keys = [field_of_header(a) for a, _ in pairs]
    if sum(1 for k in keys if k) < RECORD_MIN_KNOWN * len(pairs):
        return None
    if "title" not in keys and not _fields_record(pairs, keys):
        return None
    if len(pairs) < 2:
        return None
    return [f"{LABELS[k][0] if k else norm(a).rstrip(':')}:{b}" for (a, b), k in zip(pairs, keys, strict=True)]


RECORD_MIN_FIELDS = 3
"""Rows a two-column table of labels without a title needs to be read as one topic's fields."""


def _fields_record(pairs: list[tuple[str, str]], keys: list[str | None]) -> bool:
    """A title-less record ("协商时间 | 5月", "承办单位 | …" under a title set as a heading above it).

    At least :data:`RECORD_MIN_FIELDS` rows, every label a different known field or an
    unknown short label, and no value that is itself a label (a header row over values).
    """
    known = [k for k in keys if k]
    return (
        len(pairs) >= RECORD_MIN_FIELDS
        and len(set(norm(a) for a, _ in pairs)) == len(pairs)
        and len(set(known)) >= RECORD_MIN_FIELDS
        and all(len(norm(a)) <= 8 for a, _ in pairs)
        and not any(field_of_header(b) and len(norm(b)) <= 6 and not re.search(r"\d", b) for _, b in pairs)
    )


# -- Word -------------------------------------------------------------------------------------


def docx_lines(data: bytes, *, name: str = "计划.docx") -> list[str]:
    """A .docx's paragraphs (with their automatic numbers) and tables, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any parse failure is "not a docx"
        raise fail("not_docx", name=name) from None
    _unwrap_content_controls(doc.element.body)
    _accept_tracked_changes(doc.element.body)
    numbering = _Numbering(doc)
    out: list[str] = _header_lines(doc)
    tables = 0

    def blocks(parent) -> None:
        nonlocal tables
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                p = Paragraph(child, doc)
                label = numbering.label(p)
                text = p.text
                for line in text.split("\n") if text else [""]:
                    out.append(f"{label}{line}" if label and line.strip() else line)
                    label = ""
                for box in _text_boxes(child):
                    blocks(box)  # a text box anchored here is read where it is anchored
            elif tag == "tbl":
                table = Table(child, doc)
                if _has_nested_tables(table):
                    out.extend(_nested_table_lines(table))
                    continue
                rows = [[c.text for c in row.cells] for row in table.rows]
                tables += 1
                since = _aside_count()
                out.extend(table_lines(rows))
                _place_tables(since, tables, len(out) + 1)

    read = len(out)
    blocks(doc.element.body)
    _word_margins_aside(doc, len(out), read=out[:read])
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _unwrap_content_controls(body) -> None:
    """Read content controls (``w:sdt``) as the text they show (in place, on the XML).

    A form template keeps each topic, and each field value, in a content control;
    python-docx reads only a paragraph's own runs and the body's own paragraphs and
    tables, so everything inside a control would be lost. Each control is replaced
    by what its ``w:sdtContent`` holds: a combo box's or drop-down's list entries
    live in ``w:sdtPr`` and are options, not values, so only the displayed text
    stays. A control still showing its placeholder ("单击或点击此处输入文字。",
    ``w:showingPlcHdr``) holds no value: it is dropped, with everything inside it,
    unless a control inside it was filled in (then only the filled parts are text).
    ``w:customXml`` wrappers (the older form of the same template markup) are
    unwrapped the same way.
    """
    placeholder = _W + "showingPlcHdr"
    for sdt in list(body.iter(_W + "sdt")):  # outer controls before the controls inside them
        parent = sdt.getparent()
        if parent is None:
            continue
        pr = sdt.find(_W + "sdtPr")
        if pr is not None and pr.find(placeholder) is not None:
            inner = list(sdt.iter(_W + "sdt"))[1:]
            if all((ipr := el.find(_W + "sdtPr")) is not None and ipr.find(placeholder) is not None for el in inner):
                parent.remove(sdt)
                continue
        _lift(sdt, sdt.find(_W + "sdtContent"))
    for el in list(body.iter(_W + "customXml")):
        if el.getparent() is not None:
            _lift(el, el, skip=_W + "customXmlPr")


def _lift(wrapper, content, *, skip: str = "") -> None:
    """Put ``content``'s children where ``wrapper`` is (``skip``: a property child left out); drop ``wrapper``."""
    parent = wrapper.getparent()
    at = parent.index(wrapper)
    kids = [] if content is None else [k for k in content if k.tag != skip]
    for k, child in enumerate(kids):
        parent.insert(at + k, child)
    parent.remove(wrapper)


def _text_boxes(p) -> list:
    """The text boxes (``w:txbxContent``) anchored in paragraph ``p``, each once, in document order.

    Word stores a text box twice: the DrawingML shape in ``mc:AlternateContent/mc:Choice``
    and a VML copy of the same text in ``mc:Fallback`` for older readers. The copy is
    skipped when its Choice holds a text box (a VML-only box, from an older Word or a
    converter, is read as it is). A box inside a box is read with its outer box.
    """
    out = []
    for box in p.iter(_W + "txbxContent"):
        up = box.getparent()
        while up is not None and up is not p:
            if up.tag == _W + "txbxContent":
                break
            if up.tag == _MC + "Fallback" and any(
                next(choice.iter(_W + "txbxContent"), None) is not None
                for choice in up.itersiblings(_MC + "Choice", preceding=True)
            ):
                break
            up = up.getparent()
        else:
            out.append(box)
    return out


def _header_lines(doc) -> list[str]:
    """The first page's header, as lines to read before the body.

    An office's plan may name its body and year only in the running header
    ("某市政协办公室<tab>2026年"), printed above the title of every page; read
    there, the header says what it says on paper. Only the first section's header
    (its first-page header when that differs) is read: the others repeat it or
    belong to later pages. Lines without a Chinese character (a page number) are left out.
    """
    try:
        section = doc.sections[0]
    except IndexError:
        return []
    headers = [section.first_page_header] if section.different_first_page_header_footer else []
    headers.append(section.header)
    out: list[str] = []
    for header in headers:
        if header.is_linked_to_previous:  # the first section's: no header of its own
            continue
        for p in header.paragraphs:
            out.extend(x for x in p.text.split("\n") if re.search(r"[\u4e00-\u9fff]", x) and x not in out)
        if out:
            break
    return out


def _word_margins_aside(doc, count: int, *, read: list[str] = ()) -> None:
    """A Word file's page headers and footers (its sections' own, not the linked ones), set aside once each.

    ``count``: the lines the body gave (a footer stands after the last). A PAGE field shows the number
    Word saved ("1"): the footer is listed as written in the file. ``read``: the header lines read
    above the body (:func:`_header_lines`), not set aside again.
    """
    from docx.oxml.ns import qn

    if _ASIDE.get() is None:
        return
    said: set[str] = set()
    many = len(doc.sections) > 1
    for n, section in enumerate(doc.sections, start=1):
        for kind, parts in (
            ("header", (section.header, section.first_page_header, section.even_page_header)),
            ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue  # no header of its own: the section before's (or none)
                for p in part._element.iter(qn("w:p")):
                    text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                    if not text or (kind, text) in said:
                        continue
                    if kind == "header" and re.sub(r"\s+", "", text) in {re.sub(r"\s+", "", x) for x in read}:
                        continue  # read as the first lines of the document
                    said.add((kind, text))
                    place = (
                        T.SET_ASIDE_PLACE[f"word_section_{kind}"].format(section=n)
                        if many
                        else T.SET_ASIDE_PLACE[f"word_{kind}"]
                    )
                    _set_aside(text, place, T.SET_ASIDE_REASON[f"word_{kind}"], 1 if kind == "header" else count + 1)


def _accept_tracked_changes(body) -> None:
    """Read a draft with tracked changes as if every change were accepted (in place, on the XML).

    python-docx reads only runs that are a paragraph's own children: a run inside ``w:ins``
    (or ``w:moveTo``) would be lost. Those runs are lifted into their parent; ``w:del`` and
    ``w:moveFrom`` (text that is no longer there) are removed, whatever they hold; a paragraph
    whose mark was deleted runs on into the next one.
    """
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    marks = (w + "rPr", w + "pPr", w + "tcPr", w + "sectPr")  # a mark on a run's or paragraph's properties
    for tag in ("del", "moveFrom"):
        for el in list(body.iter(w + tag)):
            parent = el.getparent()
            if parent is None or parent.tag in marks:
                continue
            if parent.tag == w + "trPr":  # a deleted table row: the whole row goes
                row = parent.getparent()
                if row is not None and row.getparent() is not None:
                    row.getparent().remove(row)
                continue
            parent.remove(el)
    for tag in ("ins", "moveTo"):
        for el in list(body.iter(w + tag)):
            parent = el.getparent()
            if parent is None or parent.tag in marks or parent.tag == w + "trPr":
                continue  # a mark, not a container of runs: nothing to lift
            at = parent.index(el)
            for k, child in enumerate(list(el)):
                parent.insert(at + k, child)
            parent.remove(el)
    # A deleted paragraph mark joins the paragraph to the next one: what is left of its text runs on
    # into that paragraph, which keeps its own properties (the mark that stays holds them). A topic
    # deleted with its marks leaves no empty lines, and a title split by a mark is one title again.
    for p in [el for el in body.iter(w + "p") if el.find(f"{w}pPr/{w}rPr/{w}del") is not None]:
        after = p.getnext()
        if after is None or after.tag != w + "p":
            continue  # the last paragraph of the body or of a cell: nothing to join
        props = after.find(w + "pPr")
        at = 0 if props is None else after.index(props) + 1
        for k, child in enumerate([c for c in p if c.tag != w + "pPr"]):
            after.insert(at + k, child)
        p.getparent().remove(p)


def _has_nested_tables(table) -> bool:
    """Whether a Word table holds another table inside one of its cells."""
    return any(tc.tbl_lst for tc in table._tbl.iter_tcs())


_ROW_NUMBER = re.compile(r"([一二三四五六七八九十]{1,3}|\d{1,3})\s*[、.．]?")
"""A cell that only numbers its row ("一" "3" "二、")."""


def _nested_table_lines(table) -> list[str]:
    """A Word table whose cells hold tables of their own → lines, in document order.

    An outer table that groups topics ("协商形式 | 议题安排", the form on the left, a
    small table of its topics on the right) says nothing a line of text would not:
    each cell is read as its paragraphs and the tables inside it (each one read by
    :func:`table_lines`), cell by cell, row by row. The outer header row, when every
    cell is a known header word, becomes the table mark line; a cell merged across
    columns is read once.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    rows = list(table.rows)
    first = [c.text.strip() for c in rows[0].cells] if rows else []
    header = bool(first) and all(field_of_header(c) for c in first) and not any(c.tables for c in rows[0].cells)
    if header:
        out.append(f"{TABLE_MARK}{'、'.join(dict.fromkeys(first))}")
        rows = rows[1:]
    for row in rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell)
        skip: set[int] = set()
        for k, cell in enumerate(cells):
            if k in skip:
                continue  # the form read with its row's number
            number = _ROW_NUMBER.fullmatch(cell.text.strip()) if not cell.tables else None
            if number:
                # "一 | 专题协商会 | (its topics' table)": the row's number and its form are one heading;
                # a number alone on a line would run into the line above it
                name = cells[k + 1].text.strip() if k + 1 < len(cells) and not cells[k + 1].tables else ""
                n = number.group(1)
                named = f"{n}、{name}" if n[0] in "一二三四五六七八九十" else name
                heading = _form_row_heading(named) if name else None
                if heading:
                    out.append(heading)
                    skip.add(k + 1)
                continue
            for child in cell._tc.iterchildren():
                tag = child.tag.rsplit("}", 1)[-1]
                if tag == "p":
                    out.extend(line for line in Paragraph(child, cell).text.split("\n") if line.strip())
                elif tag == "tbl":
                    inner = Table(child, cell)
                    if _has_nested_tables(inner):
                        out.extend(_nested_table_lines(inner))
                    else:
                        out.extend(table_lines([[c.text for c in r.cells] for r in inner.rows]))
    return out


def soffice_path() -> str | None:
    """The LibreOffice command, or None if it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(data: bytes, *, name: str, to: str = "docx") -> bytes:
    """Convert a document with LibreOffice headless (``soffice --headless --convert-to``).

    ``to``: the target extension (``docx``, ``pdf`` …). Raises PaperworkError
    when soffice is missing, fails, or runs past :data:`SOFFICE_TIMEOUT_S`.
    """
    exe = soffice_path()
    if exe is None:
        raise PaperworkError([PaperIssue(T.READ_WARN["soffice_missing"].format(name=name))])
    suffix = Path(name).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="xieshang-convert-") as tmp:
        src = Path(tmp) / f"source{suffix}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"  # a private profile: no clash with another soffice running
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False)
        except (subprocess.TimeoutExpired, OSError) as err:
            log.info("soffice failed on %s: %r", name, err)
            raise PaperworkError([PaperIssue(T.READ_WARN["convert_failed"].format(name=name))]) from None
        out = Path(tmp) / f"source.{to}"
        if not out.exists():
            raise PaperworkError([PaperIssue(T.READ_WARN["convert_failed"].format(name=name))])
        return out.read_bytes()


# -- PDF ----------------------------------------------------------------------------------------


PDF_LINE_TOLERANCE = 2.0
"""Text runs whose baselines differ by at most this many points are on one line."""
PDF_COLUMN_TOLERANCE = 6.0
"""A run belongs to the table column whose header starts at most this many points to its right."""


PDF_WORD_GAP_EM = 0.25
"""In a browser's PDF, runs closer than this share of the font size are one word (one cell)."""


def _pdf_page_runs(page, *, glyphs: bool = False) -> list[tuple[float, float, str]]:
    """The page's text runs as (x, y, text).

    ``glyphs``: the PDF places characters one by one (a browser's print to PDF),
    so runs that touch on a line are merged into the words and cells they make.
    """
    from pypdf import mult

    runs: list[tuple[float, float, str, float]] = []

    def visit(text, cm, tm, _font, size) -> None:
        if text and text.strip():
            m = mult(tm, cm)
            runs.append((m[4], m[5], plain_ideographs(text), (size or 10) * (abs(m[0]) or 1)))

    extract(page, visitor_text=visit)
    if not glyphs:
        return [(x, y, _Run(t, x + _em_width(t.rstrip()) * em, em)) for x, y, t, em in runs]
    merged: list[list] = []  # [x, y, text, end]
    for x, y, t, em in sorted(runs, key=lambda r: (-round(r[1] / PDF_LINE_TOLERANCE), r[0])):
        t = t.strip() if not merged or abs(merged[-1][1] - y) > PDF_LINE_TOLERANCE else t
        end = x + _em_width(t.strip()) * em
        last = merged[-1] if merged else None
        if last and abs(last[1] - y) <= PDF_LINE_TOLERANCE and -0.2 * em <= x - last[3] <= PDF_WORD_GAP_EM * em:
            last[2] += t.strip() if x - last[3] < 0.1 * em else t
            last[3] = max(last[3], end)
        else:
            merged.append([x, y, t.strip(), end, em])
    return [(x, y, _Run(t, end, em)) for x, y, t, end, em in merged]


class _Run(str):
    """A run's text that knows where on its line it ends (``end``, points) and its character size (``em``).

    A table cell's lines are joined by how far each ends from the cell's edge
    (:func:`_cell_text`); anything else reads it as the plain text it is.
    """

    end: float
    em: float

    def __new__(cls, text: str, end: float, em: float) -> _Run:
        run = super().__new__(cls, text)
        run.end, run.em = end, em
        return run


def _pdf_rows_at(runs: list[tuple[float, float, str]]) -> list[tuple[float, list[tuple[float, str]]]]:
    """Runs grouped into lines, top to bottom, each with its height; each line's runs left to right."""
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for x, y, text in sorted(runs, key=lambda r: (-r[1], r[0])):
        if lines and abs(lines[-1][0] - y) <= PDF_LINE_TOLERANCE:
            lines[-1][1].append((x, text))
        else:
            lines.append((y, [(x, text)]))
    return [(y, sorted(r)) for y, r in lines]


def _pdf_rows(runs: list[tuple[float, float, str]]) -> list[list[tuple[float, str]]]:
    """Runs grouped into lines, top to bottom; each line's runs left to right."""
    return [r for _, r in _pdf_rows_at(runs)]


PDF_ROW_MIN_CELLS = 3  # fewer filled cells than this on a line is a wrap, not a new row


def _pdf_table_header(line: list[tuple[float, str]]) -> dict[float, str] | None:
    cols = {x: field_of_header(t) for x, t in line}
    if "title" not in cols.values() and list(cols.values()).count("content") == 1:
        cols = {x: "title" if k == "content" else k for x, k in cols.items()}
    if "title" in cols.values() and sum(1 for k in cols.values() if k) >= 3 and all(cols.values()):
        return {x: t for x, t in line}
    return None


# "序号 协商议/题名称": a title column's header, possibly wrapped, next to the number column
_WRAPPED_TITLE_HEADER = re.compile(rf"序号.{{0,12}}?(?:{alternation(TITLE_ROOT_WORDS)})")
PDF_HEADER_LINES = 3
"""Lines a table header may wrap over in a narrow column ("协商议" / "题名称")."""


def _pdf_header_at(lines: list[list[tuple[float, str]]], i: int) -> tuple[dict[float, str] | None, int]:
    """The header starting at line ``i`` and how many lines it takes, or (None, 0).

    A header cell wrapped in a narrow column continues on the next lines at the
    same x; those lines are joined column by column until the header is known.
    """
    merged = dict(lines[i])
    for used in range(1, PDF_HEADER_LINES + 1):
        header = _pdf_table_header(sorted(merged.items()))
        if header is not None:
            return header, used
        if i + used >= len(lines):
            break
        for x, t in lines[i + used]:
            near = min(merged, key=lambda k: abs(k - x))
            if abs(near - x) > PDF_COLUMN_TOLERANCE:
                return None, 0  # a run where no header cell is: a row, not the header's second line
            merged[near] += t
    return None, 0


def _pdf_tables(lines: list[list[tuple[float, str]]]) -> list[str]:
    """A page's lines; a table under a header of known columns is read cell by cell."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header, used = _pdf_header_at(lines, i)
        if header is None:
            out.append("".join(t for _, t in lines[i]).strip())
            i += 1
            continue
        i += used - 1  # a header wrapped over several lines: the rows start after its last line
        xs = sorted(header)
        keys = [field_of_header(header[x]) for x in xs]
        first_key = keys[0]
        # The column whose cells never wrap marks where a row starts: 序号, else the time
        # ("6月" fits any column), else the first column.
        anchor = keys.index("number") if "number" in keys else keys.index("time") if "time" in keys else 0
        rows: list[list[str]] = [[header[x] for x in xs]]
        i += 1
        while i < len(lines):
            line = lines[i]
            cells = ["" for _ in xs]
            ok = True
            for x, t in line:
                col = max((k for k, cx in enumerate(xs) if cx <= x + PDF_COLUMN_TOLERANCE), default=None)
                if col is None:
                    ok = False
                    break
                quotes = bool(cells[col]) and bool(_BARE_QUOTES.fullmatch(t))
                cells[col] += f" {t.strip()}" if quotes else t
            if not ok:
                break
            cells = [_quotes_in_piece(c) for c in cells]
            # a row whose anchor cell is merged (empty) still starts a row when nearly every
            # column begins on this line; a wrapped cell continues one or two columns only
            numbered = keys[anchor] == "number" and all(r[anchor].strip() for r in rows[1:])
            starts_row = (
                bool(cells[anchor].strip())
                # a numbered table's rows all start on their number: a wrapped line filling
                # nearly every column ("五次会议重 | 商会 | 各一次 | 委 | …") is not a row
                or (not numbered and sum(1 for c in cells if c.strip()) >= max(PDF_ROW_MIN_CELLS, len(cells) - 1))
                or (
                    # the anchor is merged over several rows (two topics in one month): a new
                    # row begins a form or a lead while the row above already has a whole one
                    keys[anchor] != "number"
                    and sum(1 for c in cells if c.strip()) >= PDF_ROW_MIN_CELLS
                    and len(rows) > 1
                    and any(
                        len(cells[k].strip()) > 3
                        and _WHOLE_CELL[key].search(cells[k].strip())
                        and _WHOLE_CELL[key].search(rows[-1][k].strip())
                        for k, key in enumerate(keys)
                        if key in _WHOLE_CELL
                    )
                )
            )
            if first_key == "number" and cells[0].strip() and not re.fullmatch(r"\s*\d{1,3}\s*", cells[0]):
                break  # prose under the table, starting at the left margin
            if (
                len([c for c in cells if c.strip()]) == 1
                and cells[0].strip()
                and len(line) == 1
                and anchor != 0
                and len(rows) > 1
                and _is_sentence_like(cells[0])
            ):
                break  # a paragraph under a table without a number column
            if starts_row or len(rows) == 1:
                rows.append(cells)
            else:
                rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            i += 1
        out.extend(table_lines([[_repair_quotes(c) for c in row] for row in rows]))
    return out


# A run of nothing but quotes: Word set them in a Western font, apart from the Chinese run
_BARE_QUOTES = re.compile(r"[\s“”‘’]*[“”‘’][\s“”‘’]*")


def _quotes_in_piece(piece: str) -> str:
    """One line's part of a cell, its bare quotes put back into its own holes (see :func:`_repair_quotes`).

    Quotes are placed line by line: the holes of the lines a cell wraps over
    are not one sentence. A piece without holes takes its quote at its end ("实 ”" → "实”").
    """
    if not re.search(r"\s[“”‘’]", piece):
        return piece
    fixed = _repair_quotes(piece)
    return fixed if fixed != piece else re.sub(r"\s+(?=[“”‘’])", "", piece)


# How a short column's value ends when it is whole (a form's name, a committee's name):
# a wrapped one ("专题议政性常委" / "会议") does not
_WHOLE_CELL = {
    "form": re.compile(r"(?:协商|会议|座谈会|协商会|恳谈会|议政|调研|视察|监督|活动)$"),
    "lead": re.compile(r"(?:委|委员会|办公室|办公厅|研究室|联络组)$"),
}


def _is_sentence_like(text: str) -> bool:
    return text.rstrip().endswith(("。", ":")) or len(text) > 40


# How a table pasted as text separates its cells: tabs (from Word or Excel), pipes
# ("| 序号 | 议题 |", a Markdown or plain-text table), or a run of spaces lining up columns.
_TEXT_CELL_SEPARATORS = (
    ("tab", re.compile(r"\t")),
    ("pipe", re.compile(r"\s*[|¦│｜]\s*")),
    ("spaces", re.compile(r"[ \u3000\t]{2,}")),
)
_RULE_ROW = re.compile(r"^[\s|:+\-─━═=—]*$")
# A Markdown table breaks a cell's lines with an HTML tag ("市发改委<br>市科技局")
_CELL_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _text_cells(line: str, sep: re.Pattern[str]) -> list[str]:
    line = line.strip()
    if sep is _TEXT_CELL_SEPARATORS[1][1]:  # pipes: the outer ones are borders, not empty cells
        line = _CELL_BREAK.sub("\n", line.strip("|¦│｜"))
    return [c.strip() for c in sep.split(line)]


_BOX_RULE = re.compile(r"^\s*[┌├└╔╠╚┏┣┗+][─━═┬┼┴╤╪╧┳╋┻+\-\s]*[┐┤┘╗╣╝┓┫┛+]?\s*$")
_BOX_ROW = re.compile(r"^\s*[│║┃|]")


def _box_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """A table drawn with box characters (┌─┬─┐ │ ├─┼─┤), from line ``i``: (rows, next line).

    The physical lines between two rules are one row; a cell wrapped over
    several lines is joined back column by column.
    """
    rows: list[list[str]] = []
    current: list[str] | None = None
    while i < len(lines) and (_BOX_RULE.match(lines[i]) or _BOX_ROW.match(lines[i])):
        if _BOX_RULE.match(lines[i]):
            if current is not None:
                rows.append(current)
            current = None
        else:
            cells = [c.strip() for c in re.split(r"[│║┃|]", lines[i].strip().strip("│║┃|"))]
            if current is None:
                current = cells
            else:
                current = [a + b for a, b in zip(current, cells + [""] * (len(current) - len(cells)), strict=False)]
        i += 1
    if current is not None:
        rows.append(current)
    return rows, i


_TABLE_LINE_HEAD = re.compile(r"^(?:" + re.escape(TABLE_MARK) + r"|\d{1,3}\.|[^:：]{1,12}[:：])")


# What a typed table holds besides its cells: rules (|---|, ├──┼──┤), and page numbers ("- 3 -", "第 2 页",
# a bare "3" too: PAGE_NUMBER, since a row's own number shares its line with the row's first cell)
_TABLE_RULE = re.compile(r"^[\s|:+\-─━═=—┌├└╔╠╚┏┣┗┬┼┴╤╪╧┳╋┻┐┤┘╗╣╝┓┫┛│║┃]*$")


def _from_table(made: list[str], block: list[str]) -> list[str]:
    """A table's lines (:func:`table_lines`) each at the source lines of ``block`` (the table as typed) it came from.

    A line is found by the first letters of its value, searched from its row's title line on; a source line
    no made line is found at (a wrapped cell's tail, a rule) goes with the made line found just above it.
    Lines of ``block`` that carry no origin (not :class:`~paperwork.line_origins.Line`) leave ``made`` as it is.
    """
    if not any(origin(x) for x in block):
        return made
    keys = [re.sub(r"\s+", "", x) for x in block]
    found: list[int] = []
    start = 0
    for text in made:
        head = re.sub(r"\s+", "", _TABLE_LINE_HEAD.sub("", text))[:4]
        hits = [i for i in range(start, len(block)) if head and head in keys[i]] or [
            i for i in range(len(block)) if head and head in keys[i]
        ]
        at = hits[0] if hits else (found[-1] if found else 0)
        if re.match(r"^\d{1,3}\.", text) and hits:
            start = at  # a new row: its fields are on its lines or below
        found.append(at)
    parts: list[list[int]] = [[k] for k in found]
    head = re.sub(r"\s+", "", block[0]) if block else ""
    for i in set(range(len(block))) - set(found):
        if _TABLE_RULE.match(block[i]) or PAGE_NUMBER.match(block[i]) or (i and keys[i] == head):
            continue  # a rule, a page number, the header again after a page break: dropped, the review says so
        above = [j for j, k in enumerate(found) if k <= i]
        if parts:
            parts[max(above, key=lambda j: found[j]) if above else 0].append(i)
    return [Line(text, [n for i in p for n in origin(block[i])]) for text, p in zip(made, parts, strict=True)]


def _copied_row(row: list[str], width: int) -> list[str] | None:
    """A row of a table copied out of a spreadsheet, or None where the copied range has ended.

    A row whose only filled cell is its first is a merged group heading ("二、对口协商⇥⇥⇥") when it names
    a form (repeated over the row, as :func:`table_lines` knows group headings); any other such row
    (a blank row, "注：…⇥⇥⇥") is no row of the table.
    """
    filled = [c for c in row if c.strip()]
    if len(filled) != 1 or not row[0].strip():
        return row if filled else None
    head = row[0].strip()
    return [head] * max(width, len(row)) if classify_form(_FORM_HEAD_COUNT.sub("", head)) else None


# "二、" "（三）" before a group heading's form, "（4项）" after it
_FORM_HEAD_COUNT = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*|[（(][^()（）]*[)）]\s*$"
)


def excel_tab_row(lines: list[str], i: int) -> tuple[list[str], int]:
    """One row of tab-separated text from line ``i``, as a spreadsheet copies it: (cells, next line).

    A cell holding a line break comes in ASCII double quotes (``"市发改委⏎市科技局"``, ``""`` for a quote
    inside), its lines running over several lines of the text; its quotes go and its breaks stay. A quote
    that never closes (within the lines of one row), or closes before more text, is the cell's own text:
    the line is cut at its tabs only.
    """
    cells: list[str] = []
    cell: list[str] = []
    quoted = False
    j, text, k = i, str(lines[i]), 0
    while True:
        if k >= len(text):
            if not quoted:
                cells.append("".join(cell).strip())
                return cells, j + 1
            j += 1
            if j >= len(lines) or j - i > _MAX_CELL_LINES:
                return [c.strip() for c in str(lines[i]).split("\t")], i + 1
            cell.append("\n")
            text, k = str(lines[j]), 0
            continue
        ch = text[k]
        if quoted and ch == '"':
            if text[k + 1 : k + 2] == '"':
                cell.append('"')
                k += 2
                continue
            if k + 1 == len(text) or text[k + 1] == "\t":
                quoted = False
                k += 1
                continue
            return [c.strip() for c in str(lines[i]).split("\t")], i + 1  # '"一老一小"服务': typed, not Excel's
        if not quoted and ch == '"' and not "".join(cell).strip():
            quoted, cell = True, []
        elif not quoted and ch == "\t":
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(ch)
        k += 1


_MAX_CELL_LINES = 40
"""Lines one copied cell may run over before its opening quote is taken for the cell's own text."""


def text_tables(lines: list[str]) -> list[str]:
    """Tables pasted as text (tab-, pipe- or space-aligned, or drawn with box characters) → :func:`table_lines`.

    A line whose cells (split by tabs, by ``|``, or by runs of two or more
    spaces) name a title column and at least two more known fields starts a
    table; the following lines that split the same way are its rows (a ruling
    line such as ``|---|---|`` is skipped). Other lines pass through unchanged.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _BOX_RULE.match(lines[i]) and re.search(r"[┌╔┏]", lines[i]):
            first = i
            rows, i = _box_table(lines, i)
            out.extend(_from_table(table_lines(rows), lines[first:i]))
            continue
        aligned = aligned_table(lines, i)
        if aligned is not None:
            # columns lined up by spaces alone, long cells wrapped (pdftotext -layout)
            first = i
            rows, i = aligned
            out.extend(_from_table(table_lines(rows), lines[first:i]))
            continue
        for _, sep in _TEXT_CELL_SEPARATORS:
            cells = _text_cells(lines[i], sep)
            keys = [field_of_header(c) for c in cells] if len(cells) >= 3 else []
            if keys and ("title" in keys or keys.count("content") == 1) and sum(1 for k in keys if k) >= 3:
                break
        else:
            out.append(lines[i])
            i += 1
            continue
        rows = [cells]
        first = i
        i += 1
        while i < len(lines):
            if _RULE_ROW.match(lines[i]) and lines[i].strip():
                i += 1
                continue
            if sep is _TEXT_CELL_SEPARATORS[0][1]:
                row, after = excel_tab_row(lines, i)
                row = _copied_row(row, len(cells))
                if row is None:
                    break  # a blank row, a note under the table: the copied range's end
            else:
                row, after = _text_cells(lines[i], sep), i + 1
            if len(row) < 2:
                break
            rows.append(row)
            i = after
        out.extend(_from_table(table_lines(rows), lines[first:i]))
    return out


# Word sets “ ” in a Western font: in its PDF the quotes are a run of their own, which
# pypdf prints apart ("“ ”") while the Chinese run keeps a space where each quote stood.
_QUOTE_RUN = re.compile(
    r"[“”‘’](?:\s+[“”‘’])+|(?:(?<=\s)|^)[“”‘’]+(?=\s|$)|(?<=\s)[“”‘’]+(?=[\u4e00-\u9fff])|^[“”‘’]+(?=[\u4e00-\u9fff])"
)
_CJKISH = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"
_QUOTE_HOLE = re.compile(rf"(?<={_CJKISH}) (?={_CJKISH})")


def _repair_quotes(line: str) -> str:
    """ "围绕 加快X 召开…“ ”" → "围绕“加快X”召开…": quotes put back into the holes they left.

    The holes are single spaces between Chinese characters, filled in order; a
    closing and an opening quote may share one hole (”“); a quote left over
    closes the Chinese stretch after the last hole. A line without a run of
    bare quotes is returned unchanged.
    """
    runs = [m for m in _QUOTE_RUN.finditer(line) if m.group(0).strip()]
    if not runs:
        return line
    quotes = [c for m in runs for c in m.group(0) if c in "“”‘’"]
    rest = _QUOTE_RUN.sub("", line)
    rest = re.sub(r"^\s+", "", rest)
    holes = [m.start() for m in _QUOTE_HOLE.finditer(rest)]
    if not holes:
        return line
    groups: list[str] = []
    for q in quotes:
        if groups and len(quotes) > len(holes) and groups[-1][-1] in "”’" and q in "“‘" and len(groups[-1]) == 1:
            groups[-1] += q
        else:
            groups.append(q)
    out, last = [], 0
    for at, g in zip(holes, groups, strict=False):
        out.append(rest[last:at] + g)
        last = at + 1
    tail = rest[last:]
    left = "".join(groups[len(holes) :])
    if left:
        m = re.match(r"[\u4e00-\u9fff]*", tail)
        tail = tail[: m.end()] + left + tail[m.end() :]
    return re.sub(r"\s{2,}", " ", "".join(out) + tail).strip()


# What starts a paragraph of its own: a number, a heading, a bullet or a label
_NEW_PARAGRAPH = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.、．)）]"
    r"|第\s*[一二三四五六七八九十\d]{1,3}\s*[部分章项条个]|[●•○■◆▪★☆·\-—①-⑳【\[Ⅰ-Ⅻⅰ-ⅻ]|[IVX]{1,4}\s*[、.．]"
    r"|(?:[\u4e00-\u9fff][ \u3000]*){2,8}[:：∶])"
)
PDF_FULL_LINE = 3.0
"""How many characters short of the page's longest line a line may end and still be one that wraps."""


def _width(line: str) -> float:
    return sum(1.0 if ord(c) > 0x2000 and c not in "“”‘’" else 0.5 for c in line.strip())


def _join_wrapped(lines: list[str]) -> list[str]:
    """A page's lines with each wrapped paragraph joined into one line.

    A PDF keeps the lines as the page broke them: "1.5月,围绕…由市" / "政协经济委承办,…".
    A line as long as the page's longest (within :data:`PDF_FULL_LINE` characters)
    that does not end a sentence runs on into the next, unless the next starts a
    paragraph of its own (a number, a heading, a bullet, a label).
    """
    widths = [_width(x) for x in lines]
    full = max(widths, default=0) - PDF_FULL_LINE
    out: list[str] = []
    joining = False
    for line, w in zip(lines, widths, strict=True):
        if out and line.strip() and (joining and not _NEW_PARAGRAPH.match(line) or _cut_label(out[-1], line)):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
        joining = w >= full and full > 10 and not line.rstrip().endswith(("。", "！", "？", "!", "?"))
    return out


# "…;责任专委会:市政协城建委;协" | "商部门:市住建局…": a label's first characters left at a line's end
# after a field separator, the rest of it opening the next line with its colon. A short line alone
# ("加强山塘" | "参会部门:…") is a title above its fields, not half a label.
_LABEL_START = re.compile(r"[;；,，。]\s*([\u4e00-\u9fff]{1,4})\s*$")
_LABEL_REST = re.compile(r"^\s*([\u4e00-\u9fff]{1,8})\s*[:：∶]")


def _cut_label(before: str, after: str) -> bool:
    """True when a line or page break cut a field label: ``before`` ends with its first characters, ``after``
    opens with the rest and the colon ("…;邀" + "请市领导:…", "…;协商" + "部门:…").

    The two pieces must make a label the vocabulary knows, and the rest alone must
    not be one already ("…;副市长" + "时间:5月" is a value, then a field of its own;
    "…;出席" + "领导:…" is still joined, 出席领导 being a label word for word).
    """
    start, rest = _LABEL_START.search(before), _LABEL_REST.match(after)
    if not start or not rest:
        return False
    label = start.group(1) + rest.group(1)
    return label in LABEL_OF or (rest.group(1) not in LABEL_OF and field_of_label(label) is not None)


def _run_on(out: list[str], page: list[str]) -> list[str]:
    """``out`` (the lines read so far) with the next page's lines added; a label cut by the page break
    ("…;邀" | header, footer | "请市领导:…") is joined again, the blank lines the furniture left dropped."""
    last = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
    first = next((k for k, line in enumerate(page) if line.strip()), None)
    if last is None or first is None or not _cut_label(out[last], page[first]):
        return out + page
    return [*out[:last], out[last].rstrip() + page[first].strip(), *page[first + 1 :]]


# What a printer or a browser writes in a page's margins: a page number ("- 3 -", "第3页 共5页",
# "2/5", "Page 2 of 5", a bare "3": PAGE_NUMBER, as only a page's edge rows are looked at), the file's
# address (Chromium's footer), the print time (its header)
_MARGIN_NOTE = re.compile(
    r"^\s*(?:(?:file|https?)://\S+"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s*,?\s*(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2})",
    re.IGNORECASE,
)
PDF_EDGE_ROWS = 2
"""How many rows at a page's top and bottom are looked at for its header and footer."""


def _furniture(pages: list[list[tuple[float, str]]]) -> list[list[str]]:
    """Per page, the texts of its header and footer rows (empty lists when none).

    ``pages``: each page's rows as (y, text), top to bottom. A row at a page's
    edge is furniture when it is a page number, an address or a print time
    (a browser's header and footer), or when it comes back at the same height
    on another page's edge: word for word (a running header), or with only its
    numbers changed when one of them is the page's own number ("第1页" "2/5"),
    and is printed mid-page less often than at the edges: a field line the plan
    repeats ("承办单位:X") may end two pages at the same height, but it stands
    among the text as often; a running header is the document's title once at most.
    """

    def flat(t: str, masked: bool) -> str:
        t = re.sub(r"\s+", "", t)
        return re.sub(r"\d+", "#", t) if masked else t

    edges = [
        [(y, t) for k, (y, t) in enumerate(rows) if k < PDF_EDGE_ROWS or k >= len(rows) - PDF_EDGE_ROWS]
        for rows in pages
    ]
    inside: dict[tuple[bool, str], int] = {}  # how often each text (or its masked form) stands mid-page
    for rows in pages:
        for k, (_, t) in enumerate(rows):
            if PDF_EDGE_ROWS <= k < len(rows) - PDF_EDGE_ROWS:
                for masked in (False, True):
                    inside[(masked, flat(t, masked))] = inside.get((masked, flat(t, masked)), 0) + 1
    seen: dict[tuple[bool, str, int], int] = {}
    for n, page in enumerate(edges, start=1):
        keys = {(False, flat(t, False), round(y / PDF_LINE_TOLERANCE)) for y, t in page}
        keys |= {
            (True, flat(t, True), round(y / PDF_LINE_TOLERANCE)) for y, t in page if str(n) in re.findall(r"\d+", t)
        }
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    out = []
    for n, page in enumerate(edges, start=1):
        drop = []
        for y, t in page:
            at = round(y / PDF_LINE_TOLERANCE)
            # a running header may also be the title once; a field line stands mid-page as often as at edges
            plain, masked = seen.get((False, flat(t, False), at), 0), seen.get((True, flat(t, True), at), 0)
            repeated = (plain >= 2 and inside.get((False, flat(t, False)), 0) < plain) or (
                str(n) in re.findall(r"\d+", t) and masked >= 2 and inside.get((True, flat(t, True)), 0) < masked
            )
            if PAGE_NUMBER.match(t) or _MARGIN_NOTE.match(unicodedata.normalize("NFKC", t)) or repeated:
                drop.append(t)
        out.append(drop)
    return out


def _without(text: str, furniture: list[str]) -> str:
    """``text`` with each furniture row's text taken out once, wherever pypdf put it."""
    for row in furniture:
        chars = [re.escape(c) for c in row if not c.isspace()]
        if not chars:
            continue
        m = None
        for m in re.finditer(r"\s*".join(chars), text):  # noqa: B007 - the last one: a footer is printed last
            pass
        if m is not None:
            text = text[: m.start()] + "\n" + text[m.end() :]
    return text


def _em_width(text: str) -> float:
    return sum(1.0 if ord(c) > 0x2000 else 0.5 for c in text)


# pypdf puts a space where a browser's PDF changes font ("建设 , 破解" "Ⅰ 、" "时间安排 :5 月"):
# no space stands before Chinese punctuation or after an opening bracket or quote
_UNSPACED = re.compile(
    r"[ \t]+(?=[,，。、;；:：)）】》”])|(?<=[(（【《“、:：])[ \t]+|(?<=[,，。;；])[ \t]+(?=[\u4e00-\u9fff])"
    r"|(?<=\d\.)[ \t]+(?=[\u4e00-\u9fff])|(?<=\d)[ \t]+(?=月)"
)


def _positioned_lines(page, drop: list[str]) -> list[str]:
    """A page's lines in pypdf's order, a new line wherever a run stands on another line.

    For PDFs not made by an office suite (a browser's print to PDF places its
    characters one by one and draws the page's header and footer last), pypdf's
    text runs some lines together (the last line and the footer); the runs'
    heights do not. Furniture rows (``drop``) are left out. A line reaching the
    right margin that does not end a sentence runs on into the next, unless that
    one starts a paragraph of its own; the margin is where the runs end, not
    the longest line (a page of short lines wraps none).
    """
    from pypdf import mult

    lines: list[list] = []  # [y, text, left start, right end]

    def visit(text, cm, tm, _font, size) -> None:
        if not text:
            return
        m = mult(tm, cm)
        y, end = m[5], m[4] + _em_width(text.strip()) * (size or 10) * (abs(m[0]) or 1)
        for k, part in enumerate(text.split("\n")):
            if lines and not k and (not part.strip() or abs(lines[-1][0] - y) <= PDF_LINE_TOLERANCE):
                lines[-1][1] += part
                if part.strip():
                    lines[-1][2] = min(lines[-1][2], m[4])
                    lines[-1][3] = max(lines[-1][3], end)
            elif part.strip() or not k:
                lines.append([y, part, m[4] if part.strip() else float("inf"), end if part.strip() else 0.0])

    extract(page, visitor_text=visit)
    keep = [
        (_closed_up(_UNSPACED.sub("", plain_ideographs(t))), x, e)
        for _, t, x, e in lines
        if t.strip() and not _is_dropped(t, drop)
    ]
    # the text block's right edge mirrors its left one (pages are set with equal side margins); a page
    # set in columns has one edge per column: the farthest a line starting in that column reaches
    left = min((x for _, x, _ in keep), default=0.0)
    margin = float(page.mediabox.width) - left
    starts = sorted({round(x) for _, x, _ in keep})
    columns = [x for k, x in enumerate(starts) if not k or x - starts[k - 1] > PDF_COLUMN_GAP]
    # a column holds several lines; a lone centred title starting mid-page is no column
    columns = [c for c in columns if sum(1 for _, x, _ in keep if c - 1 <= x < c + PDF_COLUMN_GAP) >= 3]
    if len(columns) > 1:
        edges = {c: _common_end([e for _, x, e in keep if c - 1 <= x < c + PDF_COLUMN_GAP]) for c in columns}
    out: list[str] = []
    joining = False
    for text, x, end in keep:
        if out and (
            (joining and (not _NEW_PARAGRAPH.match(text) or _fields_run_on(out[-1], text))) or _cut_label(out[-1], text)
        ):
            out[-1] = out[-1].rstrip() + text.strip()
        else:
            out.append(text)
        home = [c for c in columns if c - 1 <= x < c + PDF_COLUMN_GAP]
        edge = edges[home[0]] if len(columns) > 1 and home else margin
        # a line reaching past its column's edge spans the page (a title): it does not wrap into the column
        beyond = len(columns) > 1 and end > edge + PDF_WRAP_EMS * 12
        # a narrow column's lines end more ragged: a character that may not start a line (":" ";")
        # takes the one before it along, leaving up to two characters' room
        slack = (PDF_COLUMN_WRAP_EMS if len(columns) > 1 else PDF_WRAP_EMS) * 12
        joining = end >= edge - slack and not beyond and not text.rstrip().endswith(("。", "！", "？", "!", "?"))
    if joining and out:
        out[-1] += _RUNS_ON  # the page's last line runs on to the next page
    return out


# "政 协 苕 岭 县 委 员 会": a heading set with letter-spacing, each character a word of its own
_SPACED_LETTERS = re.compile(r"\s*(?:[\u4e00-\u9fff][ \u3000]+){2,}[\u4e00-\u9fff]\s*")


def _closed_up(line: str) -> str:
    """A line of single Chinese characters set apart by spaces (a letter-spaced heading), closed up; any other
    line unchanged (words of two or more characters apart are words: "甲 乙" closes, "专题 协商" does not)."""
    return re.sub(r"[ \u3000]+", "", line) if _SPACED_LETTERS.fullmatch(line) else line


def _fields_run_on(before: str, after: str) -> bool:
    """A full line ending in a field separator, then a line opening with a known label: one paragraph of fields
    ("…时间:7月;承办:…;协商部门:A、B;" | "出席:分管副市长。") that the column's width broke."""
    rest = _LABEL_REST.match(after)
    return before.rstrip().endswith((";", "；")) and rest is not None and field_of_label(rest.group(1)) is not None


_RUNS_ON = "\u2060"  # WORD JOINER: marks a page's last line that wraps on to the next page


def _common_end(ends: list[float]) -> float:
    """Where most lines of a text column end (its right edge), the farther of two as common."""
    bins: dict[int, int] = {}
    for e in ends:
        bins[round(e / 6)] = bins.get(round(e / 6), 0) + 1
    return 6.0 * max(bins, key=lambda b: (bins[b], b)) if bins else 0.0


PDF_COLUMN_GAP = 120.0
"""Lines starting this many points apart or more stand in different text columns (an indent is less)."""
PDF_WRAP_EMS = 1.5
"""How far (in 12-point characters) short of the right margin a line may end and still wrap."""
PDF_COLUMN_WRAP_EMS = 2.0
"""The same in a page set in two or more text columns."""


def _is_dropped(line: str, drop: list[str]) -> bool:
    flat = re.sub(r"\s+", "", plain_ideographs(line))
    return any(flat == re.sub(r"\s+", "", d) for d in drop)


PDF_RULE_MAX = 2.0
"""A drawn rectangle at most this thick (points) is a table's rule, not a shaded box."""
PDF_RULE_SNAP = 4.0
"""Rules closer than this (points) are one boundary (a cell's bottom border and the next one's top)."""


PDF_MARGIN_BAND = 36.0
"""Points from a page's top and bottom edge where only its header and footer stand (half an inch)."""
PDF_MIN_BOXES = 4
"""Fewer cell boxes than this on a page with vertical rules: the borders are collapsed into a grid."""


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > PDF_RULE_SNAP:
            out.append(v)
    return out


def _ruled_tables(
    page, chunks: list[tuple[float, float, str]]
) -> list[tuple[list[list[str]], float, float, bool]] | None:
    """The tables drawn with rules on a browser's PDF page, or None.

    Each as (rows of cell texts, top, bottom, whether its first row goes on
    from the page before: a row the page break cut).

    A browser centres each cell's text in its row, so a row's cells do not share
    a line; the boxes drawn around the cells say where each cell is. A box is a
    top and a bottom rule of the same width drawn one after the other; a box
    holding other boxes is a table's frame. Inside a frame, the boxes' edges cut
    the table into rows and columns; a cell over several rows or columns (a
    merged cell, a caption row) has its text repeated in each, as a merged Word
    cell is.
    """
    from pypdf import mult

    rules: list[tuple[float, float, float]] = []  # (x0, x1, y) of each thin horizontal rule, in drawing order

    def before(op, args, cm, _tm) -> None:
        if op != b"re" or len(args) != 4:
            return
        x, y, w, h = (float(a) for a in args)
        (ax, ay), (bx, by) = (mult([1, 0, 0, 1, px, py], cm)[4:6] for px, py in ((x, y), (x + w, y + h)))
        if abs(ay - by) <= PDF_RULE_MAX and abs(ax - bx) >= 10:
            rules.append((min(ax, bx), max(ax, bx), (ay + by) / 2))
        elif abs(ax - bx) <= PDF_RULE_MAX and abs(ay - by) >= 10:
            verticals.append(((ax + bx) / 2, max(ay, by), min(ay, by)))

    verticals: list[tuple[float, float, float]] = []  # (x, top, bottom) of each thin vertical rule
    extract(page, visitor_operand_before=before)
    boxes: list[tuple[float, float, float, float]] = []  # (x0, x1, top, bottom)
    pending = None
    paired: set[int] = set()
    for k, rule in enumerate(rules):
        if pending and abs(pending[0] - rule[0]) <= 1 and abs(pending[1] - rule[1]) <= 1 and pending[2] != rule[2]:
            boxes.append((pending[0], pending[1], max(pending[2], rule[2]), min(pending[2], rule[2])))
            paired |= {k - 1, k}
            pending = None
        else:
            pending = rule
    if len(boxes) < PDF_MIN_BOXES and verticals:  # collapsed borders: one rule between two cells, a grid to cut
        return _grid_tables(rules, verticals, chunks) or None
    # a row the page break cuts: its cells' top rules end this page, their bottom rules start the next
    continued = False
    height = float(page.mediabox.height)
    if boxes:
        lowest, highest = min(b[3] for b in boxes), max(b[2] for b in boxes)
        starts = _snap([b[0] for b in boxes])
        for k, (x0, x1, y) in enumerate(rules):
            if k in paired or sum(1 for x in starts if x0 - 1 <= x < x1) != 1:
                continue  # a frame's rule spans several columns: not a cell's
            # only at the page's edge: nothing but the margin's furniture beyond it (a link's
            # underline under a line of text is no cell)
            if y < lowest - 1 and not any(PDF_MARGIN_BAND < cy < y - 1 for _, cy, _ in chunks):
                boxes.append((x0, x1, y, -1.0))
            elif y > highest + 1 and not any(y + 1 < cy < height - PDF_MARGIN_BAND for _, cy, _ in chunks):
                boxes.append((x0, x1, height + 1, y))
                continued = True

    def inside(b: tuple, outer: tuple) -> bool:
        return (
            b != outer
            and outer[0] - 1 <= b[0]
            and b[1] <= outer[1] + 1
            and outer[3] - 1 <= b[3]
            and b[2] <= outer[2] + 1
        )

    frames = [f for f in boxes if any(inside(b, f) for b in boxes)]
    cells_all = [b for b in boxes if b not in frames]
    if not frames and cells_all:
        frames = [
            (
                min(b[0] for b in cells_all),
                max(b[1] for b in cells_all),
                max(b[2] for b in cells_all),
                min(b[3] for b in cells_all),
            )
        ]
    frames = [f for f in frames if not any(inside(f, g) for g in frames)]
    ordered = sorted(chunks, key=lambda c: (-round(c[1] / PDF_LINE_TOLERANCE), c[0]))
    tables = []
    for frame in frames:
        cells = [b for b in cells_all if inside(b, frame) or b == frame]
        spans = _snap([b[0] for b in cells])
        if len(spans) < 2:
            continue
        bounds = sorted(_snap([y for b in cells for y in (b[2], b[3])]), reverse=True)
        tops = sorted(_snap([b[2] for b in cells]), reverse=True)
        grid = [["" for _ in spans] for _ in tops]
        for x0, x1, top, bottom in cells:
            text = _cell_text([(x, y, t) for x, y, t in ordered if x0 - 1 <= x <= x1 and bottom < y < top], x0, x1)
            for r, row_top in enumerate(tops):
                if bottom + 1 < row_top <= top + PDF_RULE_SNAP:
                    for j, col in enumerate(spans):
                        if x0 - PDF_RULE_SNAP <= col < x1:
                            grid[r][j] = text
        grid = [row for row in grid if any(c.strip() for c in row)]
        if grid and bounds:
            top = max(frame[2], *(b[2] for b in cells))
            tables.append((grid, top, min(frame[3], *(b[3] for b in cells)), continued and top == max(tops)))
    return tables or None


# Characters a line may not end with (an opening bracket or quote goes down with what it opens) and
# may not start with (a closing one, a pause): a soft wrap next to one leaves up to two characters' room
_NO_LINE_END = "(（[【《“‘〔"
_NO_LINE_START = ")）]】》”’〕、，,。；;：:！？!?/／"
PDF_ENTRY_ROOM_EMS = 0.05
"""How much room (in the cell's characters) beyond what the next line's first character needs a line must
leave for its break to be the writer's own (a new entry), not the cell's width wrapping it."""


# A name's last characters (a unit's, a leader's post) and a name's first (the level of government,
# "各…" collectives): a full line ending one name before a line opening another is two entries
_ENTRY_END = re.compile(r"(?:[局委办会院室厅部组府心司联协团队站所馆社处署行]|书记|[省市县区州]长|主任)[)）]?$")
_ENTRY_START = re.compile(r"^(?:[省市县区州旗乡镇各团]|国网)")
# A leader named by post and person ("市政协主席顾远"): the post says it is a name, wherever it ends
_LEADER_POST = re.compile(r"主席|书记|主任|[省市县区州]长")
# A footnote's mark set small and raised after a name ("县林业局①"): no part of the name
_NOTE_MARK = re.compile(r"^[\s①-⑳*※†‡\d]{1,4}$")
PDF_RAISED_SIZE = 0.85
"""A run smaller than this share of its cell's text, standing above a line's baseline, is raised (a footnote mark)."""


def _entries_meet(before: str, after: str) -> bool:
    """Whether the text ``before`` a break ends one name and the text ``after`` it is another whole one."""
    before, after = before.rstrip(), after.strip()
    return (
        # a unit's or a post's name ends, or a bracket closes one ("副市长（分管生态环境、水务）")
        bool(_ENTRY_END.search(before) or before.endswith((")", "）")))
        and before.count("(") + before.count("（") <= before.count(")") + before.count("）")
        and bool(_ENTRY_START.match(after))
        and bool(_ENTRY_END.search(after) or _LEADER_POST.search(after))
    )


def _cell_text(parts: list[tuple[float, float, str]], x0: float, x1: float) -> str:
    """A cell's runs (x, y, text, in reading order) → its text, a line break kept ("\n") where the writer made one.

    A line the cell's width broke is full: the next line's first character (two,
    where a bracket or a pause may not stand at a line's edge) would not have fitted
    after it. A line that stops short with room for it was ended by the writer: in a
    list of names one entry per line, that break separates entries as "、" would. A
    break inside a bracket, or right after a pause (、,;), is never one. A full line
    is a writer's break only where it ends a name and the lines up to the next
    break make another whole one (:func:`_entries_meet`). A footnote mark raised
    after a name is left out. Runs that do not know where they end (plain ``str``)
    are joined as before, with nothing.
    """
    sizes = [t.em for _, _, t in parts if getattr(t, "em", None)]
    body = max(sizes, default=0.0)
    bases = [y for _, y, t in parts if getattr(t, "em", None) and t.em >= body * PDF_RAISED_SIZE]
    parts = [
        (x, y, t)
        for x, y, t in parts
        if not (
            getattr(t, "em", None)
            and t.em < body * PDF_RAISED_SIZE
            and _NOTE_MARK.match(t)
            and any(0 < y - b < body for b in bases)
        )
    ]
    lines: list[list] = []  # [y, start, end, em, text]
    for x, y, t in parts:
        end, em = getattr(t, "end", None), getattr(t, "em", None)
        if lines and abs(lines[-1][0] - y) <= PDF_LINE_TOLERANCE:
            line = lines[-1]
            line[4] += t
            line[1] = min(line[1], x)
            line[2] = None if end is None or line[2] is None else max(line[2], end)
        else:
            lines.append([y, x, end, em, str(t)])
    if len(lines) < 2 or any(line[2] is None for line in lines):
        return "".join(line[4] for line in lines)
    pad = max(0.0, min(line[1] for line in lines) - x0)
    width = x1 - x0 - 2 * pad
    own: list[bool] = []  # by the width alone: the line ends short of the cell's edge
    for above, below in zip(lines, lines[1:], strict=False):
        nxt = below[4].strip()
        em = above[3] or 10.0
        need = _em_width(nxt[:1]) * em
        if nxt[:1] in _NO_LINE_END or nxt[1:2] in _NO_LINE_START:
            need += _em_width(nxt[1:2]) * em
        own.append(width - (above[2] - above[1]) >= need + PDF_ENTRY_ROOM_EMS * em)
    # a cell that separates its names with "、" or "/" (outside brackets) wraps them where the width says:
    # only a line that stops short there was ended by the writer
    listed = bool(re.search(r"[、/／]", re.sub(r"[(（][^)）]*[)）]", "", "".join(line[4] for line in lines))))
    out = lines[0][4]
    entry = lines[0][4]  # the name being read, since the last break between names
    for k, below in enumerate(lines[1:]):
        text = entry.rstrip()
        depth = sum(text.count(c) for c in "(（") - sum(text.count(c) for c in ")）")
        nxt = "".join(line[4] for line in lines[k + 1 : next((j + 1 for j in range(k + 1, len(own)) if own[j]), None)])
        split = (
            depth <= 0
            and text[-1:] not in "、，,；;"
            and not text[-1:].isdigit()  # "4" | "月、10月": a number goes with what it counts, wherever it wraps
            and below[4].strip()[:1] not in _NO_LINE_START
            and (own[k] or (not listed and _entries_meet(text, nxt)))
        )
        out += ("\n" if split else "") + below[4]
        entry = below[4] if split or text[-1:] in "、，,；;" else entry + below[4]
    return out


def _grid_tables(
    rules: list[tuple[float, float, float]], verticals: list[tuple[float, float, float]], chunks
) -> list[tuple[list[list[str]], float, float, bool]]:
    """Tables whose cells share their borders (CSS ``border-collapse``), from the rules drawn.

    Each run of vertical rules overlapping down the page is one table; its rules'
    positions cut it into a grid, and a rule missing between two grid cells
    merges them (a merged cell's text is repeated in each).
    """
    regions: list[list[float]] = []  # [top, bottom]
    for _, top, bottom in sorted(verticals, key=lambda v: -v[1]):
        if regions and top >= regions[-1][1] - PDF_RULE_SNAP:
            regions[-1][1] = min(regions[-1][1], bottom)
        else:
            regions.append([top, bottom])
    ordered = sorted(chunks, key=lambda c: (-round(c[1] / PDF_LINE_TOLERANCE), c[0]))
    tables = []
    for top, bottom in regions:
        vs = [v for v in verticals if v[1] <= top + PDF_RULE_SNAP and v[2] >= bottom - PDF_RULE_SNAP]
        xs = _snap([v[0] for v in vs])
        hs = [h for h in rules if bottom - PDF_RULE_SNAP <= h[2] <= top + PDF_RULE_SNAP]
        ys = sorted(_snap([top, bottom, *[h[2] for h in hs]]), reverse=True)
        if len(xs) < 3 or len(ys) < 3:
            continue
        n_rows, n_cols = len(ys) - 1, len(xs) - 1
        parent = list(range(n_rows * n_cols))

        def find(a: int, parent: list[int] = parent) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        for r in range(n_rows):
            for j in range(n_cols):
                mid_x, mid_y = (xs[j] + xs[j + 1]) / 2, (ys[r] + ys[r + 1]) / 2
                if r + 1 < n_rows and not any(
                    abs(h[2] - ys[r + 1]) <= PDF_RULE_SNAP and h[0] <= mid_x <= h[1] for h in hs
                ):
                    parent[find((r + 1) * n_cols + j)] = find(r * n_cols + j)
                if j + 1 < n_cols and not any(
                    abs(v[0] - xs[j + 1]) <= PDF_RULE_SNAP and v[2] <= mid_y <= v[1] for v in vs
                ):
                    parent[find(r * n_cols + j + 1)] = find(r * n_cols + j)
        members: dict[int, list[int]] = {}
        for k in range(n_rows * n_cols):
            members.setdefault(find(k), []).append(k)
        grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
        for cells in members.values():
            boxes = [(xs[k % n_cols], xs[k % n_cols + 1], ys[k // n_cols], ys[k // n_cols + 1]) for k in cells]
            text = _cell_text(
                [(x, y, t) for x, y, t in ordered if any(x0 - 1 <= x < x1 and b < y < a for x0, x1, a, b in boxes)],
                min(b[0] for b in boxes),
                max(b[1] for b in boxes),
            )
            for k in cells:
                grid[k // n_cols][k % n_cols] = text
        grid = [row for row in grid if any(c.strip() for c in row)]
        if grid:
            # no rule along the table's top: its first row goes on from the page before
            tables.append((grid, top, bottom, not any(abs(h[2] - top) <= PDF_RULE_SNAP for h in hs)))
    return tables


def _tables_and_text(
    rows: list[tuple[float, list[tuple[float, str]]]],
    drop: list[str],
    tables: list[tuple[list[list[str]], float, float, bool]],
    clean: Callable[[str], str],
    line: Callable[[str], str] = str,
) -> list[tuple]:
    """A page's tables and the rows of text outside them, top to bottom: ("table", cells, continued) and ("text", line).

    ``clean`` tidies each cell's text, ``line`` each row of text outside the tables.

    ``rows``: the page's rows as (y, runs), ``drop``: the texts of its header and footer rows;
    ``tables``: (cells, top, bottom, continued), each cell passed through ``clean``. A row between
    a table's top and bottom is the table's; the text between tables has its wrapped lines joined
    (:func:`_join_wrapped`).
    """
    items = [(top, ("table", [[clean(c) for c in r] for r in cells], cont)) for cells, top, _, cont in tables]
    for y, row in rows:
        text = "".join(t for _, t in row)
        if text not in drop and not any(bottom < y < top for _, top, bottom, _ in tables):
            items.append((y, ("text", line(text))))
    ordered = [item for _, item in sorted(items, key=lambda it: -it[0])]
    out: list[tuple] = []
    texts: list[str] = []
    for item in ordered:
        if item[0] == "text":
            texts.append(item[1])
            continue
        out += [("text", x) for x in _join_wrapped(texts)]
        texts = []
        out.append(item)
    return out + [("text", x) for x in _join_wrapped(texts)]


def _browser_page_items(page, rows: list[tuple[float, list[tuple[float, str]]]], drop: list[str]) -> list[tuple]:
    """A page not made by an office suite, top to bottom: ("table", cells, continued) and ("text", line) items.

    Ruled tables are read cell by cell (:func:`_ruled_tables`); a page without one
    is read by its runs' positions.
    """
    chunks = [(x, y, t) for y, row in rows for x, t in row]
    tables = _ruled_tables(page, chunks) or []
    if tables:
        # a browser's letter-spaced heading ("政 协 苕 岭 县 委 员 会") closed up, as fix22 reads it
        return _tables_and_text(rows, drop, tables, lambda c: _UNSPACED.sub("", c), _closed_up)
    lines = [row for y, row in rows if "".join(t for _, t in row) not in drop]
    if any(_pdf_header_at(lines, k)[0] for k in range(len(lines))):
        return [("text", line) for line in _pdf_tables(lines)]
    return [("text", line) for line in _positioned_lines(page, drop)]


def _browser_lines(items: list[tuple]) -> list[str]:
    """The lines of a browser's PDF from its pages' items: a table running over pages is one table.

    A table whose first row goes on from the page before (the break cut the row)
    adds that row's cells to the last row of the table above; a table without its
    own header on a new page continues the table above when it has as many columns.
    """
    blocks: list[list] = []  # ["text", line] or ["table", rows]
    for item in items:
        if item[0] == "text":
            blocks.append(["text", item[1]])
            continue
        _, cells, cont = item
        last = next((b for b in reversed(blocks) if b[0] == "table"), None)
        between = blocks[blocks.index(last) + 1 :] if last else []
        joins = (
            last is not None
            and len(last[1][0]) == len(cells[0])
            and not _has_header(cells)
            and all(not _CONTINUES_OVER.search(b[1]) for b in between)
        )
        if joins and cont:
            last[1][-1] = [_cut_cell(a, b) for a, b in zip(last[1][-1], cells[0], strict=True)]
            last[1].extend(cells[1:])
        elif joins:
            last[1].extend(cells)
        else:
            blocks.append(["table", cells])
    out: list[str] = []
    runs_on = False
    for kind, value in blocks:
        if kind == "text" and runs_on and out and not _NEW_PARAGRAPH.match(value):
            out[-1] += value.strip()  # a paragraph the page break cut
        else:
            out.extend([value] if kind == "text" else table_lines(value))
        runs_on = kind == "text" and value.endswith(_RUNS_ON)
        out[-1] = out[-1].replace(_RUNS_ON, "")
    return out


def _cut_cell(above: str, below: str) -> str:
    """A cell the page break cut: its part on the page before, then the rest, joined with nothing — or with a
    line break where the break fell between two names of a list ("…省工业和信息化厅" | "省人力资源社会保障厅…")."""
    last = above.rstrip().rsplit("\n", 1)[-1]
    first = below.lstrip().split("\n", 1)[0]
    listed = bool(re.search(r"[、/／]", re.sub(r"[(（][^)）]*[)）]", "", above + below)))  # "A、B": as written
    return above + ("\n" if last and first and not listed and _entries_meet(last, first) else "") + below


# Text between two parts of one table at a page break is the page's furniture only: a heading
# or a sentence there ends the table above
_CONTINUES_OVER = re.compile(r"[\u4e00-\u9fff]{2}")


def _stroked_page_items(
    page, rows: list[tuple[float, list[tuple[float, str]]]], drop: list[str], before: list[tuple]
) -> list[tuple]:
    """An office PDF's page holding a plan table drawn with stroked rules → its items (as a browser page's), or [].

    The table must name a title column, or go on from the table of the page
    before (``before``'s items) with as many columns. A header row repeated
    at the top of the new page is dropped, so the two parts are one table and a
    merged form cell cut by the page break fills the rows under it.
    """
    horizontals, verticals = stroked_rules(page)
    if not verticals:
        return []
    chunks = [(x, y, t) for y, row in rows for x, t in row]
    tables = _grid_tables(horizontals, verticals, chunks)
    last = next((it[1] for it in reversed(before) if it[0] == "table"), None)
    head = next((it[1][0] for it in reversed(before) if it[0] == "table" and _has_header(it[1])), None)
    kept = []
    for cells, top, bottom, cont in tables:
        if last and head and cells and len(cells[0]) == len(head) and norm("".join(cells[0])) == norm("".join(head)):
            cells = cells[1:]  # the header repeated on the new page
            cont = _row_goes_on(head, last, cells)
        elif last and head and cells and len(cells[0]) == len(head) and not _has_header(cells):
            # no header repeated: a first row without its number is still the rest of the row cut
            cont = cont or _row_goes_on(head, last, cells)
        if cells and (_has_header(cells) or (last and len(cells[0]) == len(last[0]))):
            kept.append((cells, top, bottom, cont))
    if not kept:
        return []
    return _tables_and_text(rows, drop, kept, lambda c: _requote(_UNSPACED.sub("", c)))


def _row_goes_on(head: list[str], above: list[list[str]], cells: list[list[str]]) -> bool:
    """The first row under a repeated header is the rest of the row the page break cut.

    Its number cell (序号) is blank while the last row above has one: a row of
    its own always has its number.
    """
    number = next((j for j, h in enumerate(head) if field_of_header(h) == "number"), None)
    if number is None or not cells or not above or len(above[-1]) <= number:
        return False
    return not cells[0][number].strip() and bool(above[-1][number].strip())


def _requote(cell: str) -> str:
    """ "优化 一件“事一次办 政务服”务" → "优化“一件事一次办”政务服务": quotes set by x into the holes they left.

    A quote glyph is narrower than the space left for it, so sorting by x puts
    it a character late; when there are exactly as many holes as quotes, each
    quote goes into its hole, in order. Any other cell is returned unchanged.
    """
    quotes = [c for c in cell if c in "“”‘’"]
    if not quotes:
        return cell
    bare = re.sub(r"[“”‘’]", "", cell)
    holes = [m.start() for m in _QUOTE_HOLE.finditer(bare)]
    if len(holes) != len(quotes):
        return cell
    out, last = [], 0
    for at, q in zip(holes, quotes, strict=True):
        out.append(bare[last:at] + q)
        last = at + 1
    return "".join(out) + bare[last:]


def _has_header(cells: list[list[str]]) -> bool:
    return any(field_of_header(c) in ("title", "content") for r in cells[:3] for c in r)


def _pdf_table_goes_on(table: list[list[tuple[float, str]]], page: list[list[tuple[float, str]]]):
    """The lines of ``page`` that continue the table read so far, or None when the page does not open with it.

    A table runs on over a page break when the new page's first line either
    repeats the table's header (dropped) or — the table having run to the
    foot of the page before — puts every run on one of the table's column
    starts with a row number or none: a row, or the rest of a row the break
    cut. Prose at the left margin names no row number and stops it.
    """
    if not table or not page:
        return None
    found = [(k, *_pdf_header_at(table, k)) for k in range(len(table))]
    found = [(k, h, used) for k, h, used in found if h]
    if not found:
        return None
    _, header, _ = found[-1]
    xs = sorted(header)
    again, used = _pdf_header_at(page, 0)
    if again is not None:
        same = [t for _, t in sorted(again.items())] == [t for _, t in sorted(header.items())]
        return page[used:] if same else None
    keys = [field_of_header(header[x]) for x in xs]

    def in_table(line: list[tuple[float, str]]) -> bool:
        # each cell's first run starts on its column ("6" at the time column, "月底前" after it)
        cells: dict[int, float] = {}
        for x, _ in sorted(line):
            col = max((k for k, cx in enumerate(xs) if cx <= x + PDF_COLUMN_TOLERANCE), default=None)
            if col is None:
                return False
            cells.setdefault(col, x)
        on_columns = all(abs(x - xs[col]) <= PDF_COLUMN_TOLERANCE for col, x in cells.items())
        number = [t for x, t in line if abs(x - xs[0]) <= PDF_COLUMN_TOLERANCE]
        return on_columns and not (keys[0] == "number" and number and not re.fullmatch(r"\s*\d{1,3}\s*", number[0]))

    # the table ran to the foot of the page before, and this page opens with a row or the rest of one
    return page if in_table(table[-1]) and in_table(page[0]) else None


def _made_by_office(reader) -> bool:
    """True for a PDF saved by an office suite (LibreOffice, Word, WPS), whose text order pypdf keeps."""
    meta = reader.metadata or {}
    made = f"{meta.get('/Producer', '')} {meta.get('/Creator', '')}"
    return not made.strip() or bool(re.search(r"LibreOffice|OpenOffice|Microsoft|Word|WPS|Kingsoft", made, re.I))


def _pdf_furniture_aside(page_rows: list, furniture: list[list[str]]) -> list[tuple[int, bool]]:
    """Each page's header, footer and page number rows (``furniture``) set aside at their page and row.

    Returns, per entry set aside, (its page, whether it is at the page's foot), for :func:`_place_pdf_pages`.
    """
    spots: list[tuple[int, bool]] = []
    for n, (rows, drop) in enumerate(zip(page_rows, furniture, strict=True), start=1):
        if not drop:
            continue
        for k, (_, row) in enumerate(rows, start=1):
            text = "".join(t for _, t in row)
            # only the page's edge rows are furniture (see _furniture): the same words mid-page are the text's
            if text.strip() and text in drop and (k <= PDF_EDGE_ROWS or k > len(rows) - PDF_EDGE_ROWS):
                reason = "page_number" if PAGE_NUMBER.match(text) else "page_edge"
                place = T.SET_ASIDE_PLACE["pdf"].format(page=n, row=k)
                _set_aside(plain_ideographs(text), place, T.SET_ASIDE_REASON[reason], None)
                spots.append((n, k > len(rows) // 2))
    return spots


def _pdf_key(text: str) -> str:
    return re.sub(r"\s+", "", plain_ideographs(text))


def _place_pdf_pages(
    since: int, spots: list[tuple[int, bool]], page_rows: list, furniture: list[list[str]], out: list[str]
) -> None:
    """The furniture set aside from the ``since``-th entry on (``spots``: its page and whether at the foot),
    each before the first extracted line of its page (found by the text of the page's first kept row) or
    of the next page for a footer; a contact table's rows after them (no page known) by their row."""
    got = _ASIDE.get()
    if got is None:
        return
    keys = [_pdf_key(x) for x in out]
    starts: list[int] = []  # per page, the 1-based extracted line its text begins on
    k = 0
    for rows, drop in zip(page_rows, furniture, strict=True):
        first = next(
            (_pdf_key("".join(t for _, t in r))[:6] for _, r in rows if "".join(t for _, t in r) not in drop), ""
        )
        found = next((j for j in range(k, len(keys)) if first and first in keys[j]), None) if first else None
        if found is not None:
            k = found
        starts.append(k + 1)
    starts.append(len(out) + 1)
    for j, (page, foot) in enumerate(spots, start=since):
        got[j] = replace(got[j], before=starts[page] if foot else starts[page - 1])
    for j in range(since + len(spots), len(got)):
        if got[j].place.isdigit():
            got[j] = replace(got[j], place=T.SET_ASIDE_PLACE["pdf_table_row"].format(row=got[j].place))


def pdf_lines(data: bytes, *, name: str = "计划.pdf") -> list[str]:
    """The text layer of a PDF, page by page; PaperworkError for a scan or a broken file.

    A page holding a table whose header row names known columns (序号/协商议题/
    时间安排 …) is read by the runs' positions, so wrapped cells stay in their
    column and row; other pages are pypdf's text as extracted.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    out: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > _MAX_PDF_PAGES:
            raise fail("too_many_pages", name=name, pages=len(reader.pages), limit=_MAX_PDF_PAGES)
        office = _made_by_office(reader)
        browser: list[tuple] = []  # a browser's pages, read as items (tables run over pages)
        page_rows = [_pdf_rows_at(_pdf_page_runs(page, glyphs=not office)) for page in reader.pages]
        furniture = _furniture([[(y, "".join(t for _, t in row)) for y, row in rows] for rows in page_rows])
        since = _aside_count()
        spots = _pdf_furniture_aside(page_rows, furniture)
        stroked: list[tuple] = []  # an office PDF's pages with a stroked table, read as items
        table: list[list[tuple[float, str]]] = []  # a table page's lines, and the pages its table runs on to
        for page, rows, drop in zip(reader.pages, page_rows, furniture, strict=True):
            if not office:
                browser.extend(_browser_page_items(page, rows, drop))
                continue
            items = _stroked_page_items(page, rows, drop, stroked)
            if items:
                if table:
                    out.extend(_pdf_tables(table))
                    table = []
                stroked.extend(items)
                continue
            if stroked:
                out.extend(_browser_lines(stroked))
                stroked = []
            lines = [row for y, row in rows if "".join(t for _, t in row) not in drop]
            more = _pdf_table_goes_on(table, lines)
            if more is not None:
                table += more  # the table of the page before runs on at the top of this one
                continue
            if table:
                out.extend(_pdf_tables(table))
                table = []
            text = plain_ideographs(_without(plain_ideographs(extract(page) or ""), drop))
            if re.search(r"[\u4e00-\u9fff]", text) and (
                any(field_of_header(tok) in ("title", "content") for tok in re.split(r"\s+", text[:20000]))
                or _WRAPPED_TITLE_HEADER.search(re.sub(r"\s+", "", text[:20000]))
            ):
                if any(_pdf_header_at(lines, k)[0] for k in range(len(lines))):
                    table = lines
                    continue
            out = _run_on(out, _join_wrapped([_repair_quotes(line) for line in text.splitlines()]))
        out.extend(_browser_lines(stroked))
        if table:
            out.extend(_pdf_tables(table))
        out.extend(_browser_lines(browser))
        _place_pdf_pages(since, spots, page_rows, furniture, out)
    except PaperworkError:
        raise  # a ValueError too, but already said in Chinese (too many pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        log.info("pdf %s unreadable: %r", name, err)
        raise PaperworkError([PaperIssue(T.READ_WARN["bad_pdf"].format(name=name))]) from None
    if not any(re.search(r"[\u4e00-\u9fff]", line) for line in out):
        raise PaperworkError([PaperIssue(T.READ_WARN["scanned_pdf"].format(name=name))])
    return out


# -- HTML ---------------------------------------------------------------------------------------

_BLOCK = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "section",
    "article",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "center",
    "option",  # a drop-down menu's choices, one a line (set aside with the page's forms)
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DROP = {"script", "style", "nav", "header", "footer", "noscript", "iframe", "form", "button", "select", "head"}
# What a browser does not show, dropped unread and summed up in one skipped entry
_INVISIBLE = ("script", "style", "noscript", "iframe")
# The page's furniture a reader sees but that is no part of the plan: read, then set aside line by line
_FURNITURE_REASON = {"nav": "nav", "header": "header", "footer": "footer", "form": "form", "button": "form"}
_FURNITURE_REASON["select"] = "form"


# A Markdown table's row ("| 1 | 议题 | 市发改委<br>市科技局 |"): its "<br>" tags break a cell's lines in a
# text that is no web page
_PIPE_ROW = re.compile(r"^[ \t]*\|.*$", re.MULTILINE)


def looks_like_html(text: str) -> bool:
    """Pasted text that is really HTML source (several tags; those inside a Markdown table's rows do not count)."""
    return len(_LOOKS_HTML.findall(_PIPE_ROW.sub("", text[:20000]))) >= 3


# An inline element's text that opens with a label ("协商部门：", "邀请区领导:")
_HTML_LABEL_START = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[:：]")


def _opens_with_label(el) -> bool:
    """Whether ``el`` (an element, or None) is a field of its own: its text opens with a label."""
    return el is not None and isinstance(el.tag, str) and bool(_HTML_LABEL_START.match(el.text_content() or ""))


def html_lines(data: bytes | str, *, name: str = "计划.html") -> list[str]:
    """The visible text of a web page as lines; tables through :func:`table_lines`."""
    import lxml.html
    from lxml import etree

    if isinstance(data, bytes):
        m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
        try:
            text = data.decode(m.group(1).decode("ascii")) if m else decode_text(name, data)
        except (LookupError, UnicodeDecodeError):
            text = decode_text(name, data)
    else:
        text = data
    raw = text.encode("utf-8")
    try:
        root = lxml.html.document_fromstring(raw, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as err:
        log.info("html %s unreadable: %r", name, err)
        raise PaperworkError([PaperIssue(T.READ_WARN["bad_html"].format(name=name))]) from None
    apply_generated_text(root)  # a label's "：" drawn by CSS is text the reader sees
    body = root.find("body")
    unseen = {t: sum(1 for _ in root.iter(t)) for t in _INVISIBLE}
    site = _site_body(root)  # before the head goes with the rest of what a page does not show
    for el in list(root.iter(*(_DROP - set(_FURNITURE_REASON)))):
        el.drop_tree()
    out: list[str] = []
    buf: list[str] = []
    since = _aside_count()
    tables = 0

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    def walk(el, heading: bool = False) -> None:
        nonlocal tables
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br" and heading:
            # "<h4>推动X<br>融合发展</h4>": a title broken for the page's width is one title
            if el.tail:
                buf.append(el.tail)
            return
        heading = heading or tag in _HEADING_TAGS
        if tag in _FURNITURE_REASON:
            # navigation, a page header or footer, a form: its lines as the page shows them, set aside
            flush()
            mark = len(out)
            if el.text:
                buf.append(el.text)
            for child in el:
                walk(child, heading)
            flush()
            for line in out[mark:]:
                _set_aside(line, "", T.SET_ASIDE_REASON[_FURNITURE_REASON[tag]], mark + 1)
            del out[mark:]
            if el.tail:
                buf.append(el.tail)
            return
        if tag == "table" and _is_layout_table(el):
            # an old page laid out in a table (banner row, menu row, a side column, the article's cell):
            # its cells are the page's blocks, and the data table inside the article cell is read as a table
            flush()
            for tr in _own_rows(el):
                for td in tr:
                    if isinstance(td.tag, str) and td.tag in ("td", "th"):
                        flush()
                        if td.text:
                            buf.append(td.text)
                        for child in td:
                            walk(child, heading)
                        flush()
            if el.tail:
                buf.append(el.tail)
            return
        grid = div_table_rows(el, _html_cell_text) if tag == "div" else None
        if tag == "table" or grid is not None:
            # a <table>, or a CMS's grid of <div> rows drawn as one by CSS: read by the table reader
            flush()
            tables += 1
            table_since = _aside_count()
            rows = grid or []
            for tr in el.iter("tr") if grid is None else ():
                cells = []
                for td in tr:
                    if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                        continue
                    span = int(td.get("colspan", "1") or 1) if str(td.get("colspan", "1")).isdigit() else 1
                    cells.extend([_html_cell_text(td)] * span)
                rows.append(cells)
            if grid is None:
                _fill_rowspans(el, rows)
            out.extend(table_lines(rows))
            _place_tables(table_since, tables, len(out) + 1)
            if el.tail:
                buf.append(el.tail)
            return
        if tag == "pre":
            # fixed-width text (a plan typed in a text editor, pasted into <pre>): its line breaks are
            # the page's lines, as a text file's are (the text reader joins what was wrapped)
            flush()
            for br in el.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for line in el.text_content().splitlines():
                buf.append(line)
                flush()
            if el.tail:
                buf.append(el.tail)
            return
        if tag in _BLOCK:
            flush()
        elif (
            el.text
            and buf
            and _HTML_LABEL_START.match(el.text)
            and not buf[-1][-1:].isspace()
            and _opens_with_label(el.getprevious())
        ):
            # "<span>时间：6月</span><span>协商部门：…</span>": fields in spans side by side, set apart
            # on the page by CSS only; a space keeps "6月" and the next label apart. Only after a span
            # that is itself a field: Word's fragments ("<span>邀</span><span>请</span><span>出席领导：")
            # cut one label into pieces
            buf.append(" ")
        if el.text and tag:
            buf.append(el.text)
        for child in el:
            walk(child, heading)
        if tag in _BLOCK:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(body if body is not None else root)
    flush()
    if site and not any(site[1] in line or site[2] in line for line in out):
        # "市政协2026年度协商计划" on a page titled "… - 岷淇市政协": the article names its body only by
        # level; the page's <title> (dropped with the head; its header and footer are set aside) names it in full
        out.insert(0, site[0])
        _shift_page_parts(since, 1)  # the lines they stood before moved down by one
    _place_page_parts(since, len(out))
    seen = [T.SET_ASIDE_INVISIBLE.format(tag=t, n=n) for t, n in unseen.items() if n]
    if seen:
        _set_aside(
            T.SET_ASIDE_JOIN.join(seen), T.SET_ASIDE_PLACE["html_source"], T.SET_ASIDE_REASON["invisible"], len(out) + 1
        )
    return out


def _place_page_parts(since: int, count: int) -> None:
    """The web page's furniture set aside since the ``since``-th entry, placed by the line it stood before
    (``count``: how many lines the page gave; one standing after the last is at the page's end)."""
    got = _ASIDE.get()
    if got is None:
        return
    for k in range(since, len(got)):
        a = got[k]
        if not a.place and a.before is not None:
            place = T.SET_ASIDE_PLACE["html_before"].format(line=a.before) if a.before <= count else None
            got[k] = replace(a, place=place or T.SET_ASIDE_PLACE["html_end"])


def _shift_page_parts(since: int, by: int) -> None:
    """The extracted line each piece set aside since the ``since``-th entry stood before, moved down
    ``by`` lines (a line put above them all, as the site's name from <title> is)."""
    got = _ASIDE.get()
    if got is None:
        return
    for k in range(since, len(got)):
        a = got[k]
        if a.before is not None:
            got[k] = replace(a, before=a.before + by)


# "岷淇市政协" "政协岷淇市委员会" "鹤鸣县政协网": the site's name at the end of a page's <title>, naming a body
# (as the reader takes a body's name alone on a line: see published_text._year_and_body)
_SITE_BODY = re.compile(
    r"(?:(?P<a>[\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))政协|政协(?P<b>[\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))委员会)"
    r"(?:网|网站)?"
)


def _site_body(root) -> tuple[str, str, str] | None:
    """(the site's name, "X市政协", "政协X市委员会") from a <title> "文章标题 - 岷淇市政协", or None."""
    title = root.find(".//title")
    text = re.sub(r"\s+", " ", title.text_content()).strip() if title is not None else ""
    parts = re.split(r"\s*[-_|｜—－]\s*", text)
    m = _SITE_BODY.fullmatch(parts[-1]) if len(parts) > 1 else None
    if not m:
        return None
    place = m.group("a") or m.group("b")
    return m.group(0), f"{place}政协", f"政协{place}委员会"


def _own_rows(table) -> list:
    """A table's own rows (``<tr>`` in it, its ``<thead>``/``<tbody>``/``<tfoot>``), not a nested table's."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _is_layout_table(table) -> bool:
    """A table that holds another table in a cell: an old page's layout grid (banner, menu, side
    column, article cell), not a table of data; a data table's cells hold text."""
    return any(t is not table for t in table.iter("table"))


def _html_cell_text(td) -> str:
    """A table cell's text, a ``<br>`` kept as a line break: "区商务局<br>区科技局" is two names, as a
    Word cell's two paragraphs are (the table reader joins a list column's lines with 、, a title's with nothing)."""
    parts: list[str] = []

    def add(text: str | None) -> None:
        if text:
            parts.append(re.sub(r"\s+", " ", text))

    def rec(el) -> None:
        if el.tag == "br":
            parts.append("\n")
        elif isinstance(el.tag, str):
            add(el.text)
            for child in el:
                rec(child)
                add(child.tail)

    rec(td)
    return re.sub(r" *\n *", "\n", "".join(parts)).strip()


def _fill_rowspans(table, rows: list[list[str]]) -> None:
    """Cells merged down (rowspan) repeated into the rows below, as Word's merged cells are."""
    pending: dict[int, tuple[int, str]] = {}  # column → (rows left, text)
    r = 0
    for tr in table.iter("tr"):
        if r >= len(rows):
            break
        new: list[str] = []
        col = 0
        cells = iter(c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th"))
        while True:
            if col in pending:
                left, text = pending[col]
                new.append(text)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (left - 1, text)
                col += 1
                continue
            td = next(cells, None)
            if td is None:
                break
            text = _html_cell_text(td)
            span = int(td.get("colspan", "1")) if str(td.get("colspan", "1")).isdigit() else 1
            down = int(td.get("rowspan", "1")) if str(td.get("rowspan", "1")).isdigit() else 1
            for _ in range(span):
                if down > 1:
                    pending[col] = (down - 1, text)
                new.append(text)
                col += 1
        rows[r] = new
        r += 1


# -- any document ------------------------------------------------------------------------------


def document_lines(name: str, data: bytes) -> list[str]:
    """The lines of an uploaded plan document, by its extension (see the module docstring).

    Raises PaperworkError (Chinese) for an empty or oversized file, an
    unknown extension, a scanned PDF, a missing LibreOffice, or a file that
    is not what its name says.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise fail("too_big", name=name, size=human_size(len(data)), limit=human_size(MAX_UPLOAD_BYTES))
    if not data:
        raise fail("empty", name=name)
    lower = (name or "").lower()
    if lower.endswith((".doc", ".wps")):
        return docx_lines(convert_with_soffice(data, name=name), name=name)
    if lower.endswith(".docx"):
        return docx_lines(data, name=name)
    if lower.endswith(".pdf"):
        return pdf_lines(data, name=name)
    if lower.endswith((".html", ".htm")):
        return html_lines(data, name=name)
    if lower.endswith((".txt", ".text")):
        text = decode_text(name, data)
        return html_lines(text, name=name) if looks_like_html(text) else text_tables(_plan_sized(text))
    raise fail("wrong_ext", name=name, want="纯文本、Word(.docx/.doc/.wps)、PDF 或网页(.html)")


def _reading(read, *args) -> tuple[list[str], list[SetAside]]:
    got: list[SetAside] = []
    token = _ASIDE.set(got)
    try:
        lines = read(*args)
    finally:
        _ASIDE.reset(token)
    # a contact table nested in another one, or a PDF's: placed by its row alone
    done = [
        replace(a, place=T.SET_ASIDE_PLACE["pdf_table_row"].format(row=a.place)) if a.place.isdigit() else a
        for a in got
    ]
    return lines, done


def document_reading(name: str, data: bytes) -> tuple[list[str], list[SetAside]]:
    """(:func:`document_lines`, what the extraction left out of them) for a Word file, a PDF or a web page.

    A text file's left-out lines are its own lines, which the review lists by itself: none here.
    Raises as :func:`document_lines`.
    """
    lines, aside = _reading(document_lines, name, data)
    if (name or "").lower().endswith((".txt", ".text")) and not looks_like_html(decode_text(name, data)):
        return lines, []
    return lines, aside


def text_reading(text: str) -> tuple[list[str], list[SetAside]]:
    """(:func:`text_lines`, what a web page's extraction left out of them; none for plain text)."""
    lines, aside = _reading(text_lines, text)
    return lines, aside if looks_like_html(text) else []


def text_lines(text: str) -> list[str]:
    """Pasted text as lines: HTML source (copied from a page's source) is parsed as a page."""
    return html_lines(text) if looks_like_html(text) else text_tables(_plan_sized(text))


def _plan_sized(text: str) -> list[str]:
    """The text's lines, marks of other tools off (:mod:`paperwork.text_marks`), a hard wrap undone
    (:mod:`paperwork.hard_wrap`: text copied out of a PDF).

    PaperworkError for more than a plan has, before the (linear but not free) table scan.
    """
    lines = text.splitlines()
    _refuse_oversized(lines)
    lines = [unmarked_line(x) for x in lines]  # "> " of a quoted mail, Markdown's "## " and "**": no text
    # a hard wrap undone; each line knows the numbers of the lines it was joined from: the review cites them
    return rejoined_lines(lines)


__all__ = [
    "DOCUMENT_EXTENSIONS",
    "SOFFICE_TIMEOUT_S",
    "SetAside",
    "document_reading",
    "text_reading",
    "convert_with_soffice",
    "document_lines",
    "docx_lines",
    "html_lines",
    "looks_like_html",
    "norm",
    "pdf_lines",
    "soffice_path",
    "table_lines",
    "text_lines",
    "text_tables",
]
