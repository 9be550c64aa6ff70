"""A plan table whose cells carry their own labels (``形式：…`` | ``时间：…`` | ``承办：…``) → reader lines.

Portal pages lay a topic out over two table rows: a title row (``议题：…``,
often merged across the row) and a row of field cells, each opening with its
label. The column headers then say nothing (``序号 | 协商议题及安排``): the
labels inside the cells do. :func:`labelled_cell_lines` turns such a table into
``N.标题`` / ``标签:值`` lines; any other table is left to the column reader.
"""

from __future__ import annotations

import re

from .vocabulary import (
    LABELS,
    NAME_LIST_FIELDS,
    TABLE_MARK,
    TITLE_ROOT_WORDS,
    alternation,
    field_of_header,
    field_of_label,
)

# "形式：专题议政性常委会议" — a short label, a colon, the value
_LABELLED = re.compile(r"^\s*([^:：\s]{1,8})\s*[:：]\s*(.*?)\s*$", re.S)
# a 序号 cell (repeated into the next row by its rowspan)
_NUMBER = re.compile(r"\s*\d{1,3}\s*[.、．]?\s*")

LABELLED_ROWS_MIN = 2
"""Rows made only of labelled cells a table needs before it is read this way."""


def _row_fields(row: list[str]) -> list[tuple[str, str]] | None:
    """(field, value) of each labelled cell of a row, or None when a cell is not a known labelled one."""
    cells = list(dict.fromkeys(c.strip() for c in row if c.strip()))  # a merged cell comes once
    out = []
    for cell in cells:
        if _NUMBER.fullmatch(cell):
            continue
        m = _LABELLED.match(cell)
        key = field_of_label(m.group(1)) if m else None
        if not key or key == "number":
            return None
        out.append((key, re.sub(r"\s*\n\s*", "", m.group(2))))
    return out or None


def labelled_cell_lines(rows: list[list[str]]) -> list[str] | None:
    """``rows`` (cells' text, merged cells repeated) → lines, or None when the table is not of this kind.

    The kind: after at most two header rows, every row is made of labelled
    cells (a 序号 cell aside), and a title label (``议题：``) starts each topic —
    or a row of one unlabelled cell, the title, over a row of labelled fields.
    """
    read = [(i, _row_fields(r)) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    for k, (i, fields) in enumerate(read):
        # a title row without its label ("推进某事" merged across the row) over a labelled row
        cells = [c for c in dict.fromkeys(c.strip() for c in rows[i] if c.strip()) if not _NUMBER.fullmatch(c)]
        below = read[k + 1][1] if k + 1 < len(read) else None
        if (
            fields is None
            and len(cells) == 1
            and field_of_header(cells[0]) is None
            and below
            and all(key != "title" for key, _ in below)
        ):
            read[k] = (i, [("title", re.sub(r"\s*\n\s*", "", cells[0]))])
    labelled = [(i, f) for i, f in read if f]
    if len(labelled) < LABELLED_ROWS_MIN or len(read) - len(labelled) > 2:
        return None
    if any(f is None for i, f in read if i > labelled[0][0]):
        return None  # an unlabelled row inside the table: a column table after all
    if not any(k == "title" for _, f in labelled for k, _ in f):
        return None
    head = [c.strip() for i, f in read if f is None for c in rows[i] if c.strip()]
    out = [f"{TABLE_MARK}{'、'.join(dict.fromkeys(head))}"]
    n = 0
    for _, fields in labelled:
        for key, value in fields:
            if key == "title":
                n += 1
                out.append(f"{n}.{value}")
            elif value:
                out.append(f"{LABELS[key][0]}:{value}")
    return out


# "议题及主要内容" "协商议题和内容": one column for the title and the paragraph describing it
_TITLE_AND_CONTENT = re.compile(rf"(?:{alternation(TITLE_ROOT_WORDS)}).{{0,2}}[及和与、/].{{0,3}}内容")


def title_and_content(cell: str, header: str) -> tuple[str, str]:
    """(title, content) of a cell under a title-and-content column: its first paragraph is the title.

    Under any other header, or with one paragraph, the whole cell is the title
    (its wrapped lines run together) and the content is "".
    """
    paragraphs = [p.strip() for p in cell.split("\n") if p.strip()]
    if len(paragraphs) >= 2 and _TITLE_AND_CONTENT.search(re.sub(r"\s+", "", header or "")):
        return paragraphs[0], "".join(paragraphs[1:])
    return re.sub(r"\s*\n\s*", "", cell.strip()), ""


def title_and_fields(cell: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(title, its (field, value) pairs) of a title cell whose later paragraphs are labelled fields.

    "推进某事" / "时间：6月" / "部门：A、B" in one cell under 议题 (or "议题及安排"): the first
    paragraph, unlabelled, is the title; every later one opens with a label the vocabulary
    knows and is that field. None for any other cell (one paragraph, a labelled first
    paragraph, or a later paragraph without a known label: a title wrapped over lines).
    """
    paragraphs = [p.strip() for p in cell.split("\n") if p.strip()]
    if len(paragraphs) < 2 or _LABELLED.match(paragraphs[0]):
        return None
    fields = []
    for p in paragraphs[1:]:
        m = _LABELLED.match(p)
        key = field_of_label(m.group(1)) if m and len(m.group(1)) <= CELL_LABEL_MAX else None
        if not key or key in ("number", "title") or not m.group(2):
            return None
        fields.append((key, m.group(2)))
    return paragraphs[0], fields


CELL_LABEL_MAX = 6
"""Characters a field's label inside a title cell may have ("时间", "协商部门", "出席市领导")."""


PART_LABEL_MAX = 4
"""Characters a part's label in a cell may have ("牵头", "参与单位")."""

# Columns of responsibility, whose cells may name their parts ("牵头：X" alone, on the plenary's row):
# the name lists but the leaders' ("市政协副主席：某某" under 出席领导 is a title and a name) and the
# members' (no duty: "界别：…" there is a remark)
_RESPONSIBILITY = tuple(k for k in NAME_LIST_FIELDS if k not in ("leaders", "members"))


def labelled_paragraphs(cell: str, column: str | None = None) -> list[tuple[str, str]] | None:
    """A cell of labelled paragraphs ("牵头：X" / "参与：A、B" under 责任单位) → its (field, value) pairs.

    None unless every paragraph opens with a label the vocabulary knows (as a
    label, or as a column header word), and the cell has at least two
    paragraphs — or one, under a ``column`` of responsibility (lead, departments).
    """
    paragraphs = [p.strip() for p in cell.split("\n") if p.strip()]
    if len(paragraphs) < (1 if column in _RESPONSIBILITY else 2):
        return None
    out = []
    for p in paragraphs:
        m = _LABELLED.match(p)
        if m and len(m.group(1)) > PART_LABEL_MAX:
            return None  # "市政协副主席：某某" is a title and a name, not a part's label
        key = (field_of_label(m.group(1)) or field_of_header(m.group(1))) if m else None
        if not key or key in ("number", "title"):
            return None
        out.append((key, m.group(2)))
    return out


__all__ = ["labelled_cell_lines", "labelled_paragraphs", "title_and_content", "title_and_fields"]
