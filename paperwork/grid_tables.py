"""A plan laid out as a calendar grid: one row per form (or committee), one column per month, titles in the cells.

``协商形式＼月份 | 2月 | 3月 | …`` over rows such as ``专题议政性常委会议 | | | 推进X(经济委) | …``:
the month a topic is held is its column's, the form its row's; a cell may hold
several topics, each followed by its lead in brackets. :func:`grid_lines` turns
such a table into the lines the text reader reads (a form heading, then
``N.标题`` / ``时间安排:`` / ``承办部门:`` per topic).
"""

from __future__ import annotations

import re
import unicodedata

from .hanzi import to_simplified
from .published_text import classify_form
from .vocabulary import LABELS, TABLE_MARK, field_of_header

_CN_MONTH = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"十一": 11, "十二": 12}
_MONTH_HEAD = re.compile(r"^\s*(1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])\s*月份?\s*$")
GRID_MIN_MONTHS = 3
"""Month columns a header needs before the table is read as a calendar grid."""

# "推进X(经济委)" "加强Y(办公室)": a title, then who leads it in brackets (a cell may hold several)
_TITLE_LEAD = re.compile(r"(?P<title>[^()]{2,60}?)\s*\((?P<lead>[^()]{1,16})\)")
_EDGE = re.compile(r"^[\s;、,]+|[\s;、,]+$")
_COMMITTEE_HEAD = re.compile(r"专委会|专门委员会|委室|委员会")
_TITLE_TEXT = re.compile(r"[\u4e00-\u9fff]{2}")
_LEAD_END = re.compile(r"(?:委|委员会|办公室|办|室|组|会|部)$")


def _month(head: str) -> int | None:
    m = _MONTH_HEAD.match(unicodedata.normalize("NFKC", head or ""))
    if not m:
        return None
    n = m.group(1)
    return int(n) if n.isdigit() else _CN_MONTH.get(n)


def _topics_in(cell: str, *, committee_rows: bool = False) -> list[tuple[str, str]]:
    """``"推进X(经济委)加强Y(城建委)"`` → ``[("推进X", "经济委"), ("加强Y", "城建委")]``; a bracket that names
    no committee stays in the title. With ``committee_rows`` (the row names the lead), the bracket
    names the topic's form instead (``"推进X(对口协商)"`` → ``("推进X", "对口协商")``)."""
    text = unicodedata.normalize("NFKC", to_simplified(cell)).strip()
    found, at = [], 0
    for m in _TITLE_LEAD.finditer(text):
        inner = m.group("lead").strip()
        if not (classify_form(inner) if committee_rows else _LEAD_END.search(inner)):
            continue
        title = _EDGE.sub("", text[at : m.start("title")] + m.group("title"))
        found.append((title, m.group("lead").strip()))
        at = m.end()
    rest = _EDGE.sub("", text[at:])
    if rest:
        found.append((rest, ""))
    return [(t, lead) for t, lead in found if t]


def _is_month_header(row: list[str]) -> bool:
    """A first cell that is not a month, then at least :data:`GRID_MIN_MONTHS` months."""
    return bool(row) and _month(row[0]) is None and sum(1 for c in row[1:] if _month(c)) >= GRID_MIN_MONTHS


def grid_lines(rows: list[list[str]]) -> list[str] | None:
    """A calendar grid (see the module docstring) → lines, or None when ``rows`` are not one.

    ``rows``: cells' text row by row (merged cells repeated). The header is the first
    of the first three rows with at least :data:`GRID_MIN_MONTHS` month cells after a
    first cell that is not a month; a table with a title column (``议题``) is a
    table of topics, not a grid, and is left to the table reader.
    """
    at = next(
        (
            k
            for k, r in enumerate(rows[:3])
            if r and _month(r[0]) is None and sum(map(bool, map(_month, r))) >= GRID_MIN_MONTHS
        ),
        None,
    )
    if at is None:
        return None
    head = rows[at]
    months = {j: m for j, c in enumerate(head) if j > 0 and (m := _month(c))}
    if any(field_of_header(c) == "title" for j, c in enumerate(head) if j not in months):
        return None  # the topics have a column of their own: a month matrix of ticks, read elsewhere
    cells = [c.strip() for row in rows[at + 1 :] for j, c in enumerate(row) if j in months and c.strip()]
    if not cells or any(not _TITLE_TEXT.search(c) for c in cells):
        return None  # marks (✓ ●) in the month columns, not titles
    out = [f"{TABLE_MARK}{'、'.join(c.strip() for c in head if c.strip())}"]
    # rows named by committee ("专委会＼月份", "经济委"): the row is each topic's lead, a bracket its form
    corner = re.split(r"[\\/＼]", unicodedata.normalize("NFKC", head[0]))[0]
    by_committee = field_of_header(corner) == "lead" or bool(_COMMITTEE_HEAD.search(corner))
    n = 0
    for row in rows[at + 1 :]:
        label = (row[0] if row else "").strip()
        topics = [
            (title, extra, months[j])
            for j, cell in enumerate(row)
            if j in months and cell.strip() and cell.strip() != label
            for title, extra in _topics_in(cell, committee_rows=by_committee)
        ]
        if not label and not topics:
            continue
        if label and not by_committee:
            # the row's form (or group) as a heading with its count, as a plan's text would write it
            out.append(f"{label}({len(topics)}项)" if topics else label)
            n = 0
        for title, extra, month in topics:
            n += 1
            out.append(f"{n}.{title}")
            out.append(f"{LABELS['time'][0]}:{month}月")
            lead = label if by_committee else extra
            if lead:
                out.append(f"{LABELS['lead'][0]}:{lead}")
            if by_committee and extra:
                out.append(f"{LABELS['form'][0]}:{extra}")
    return out


__all__ = ["GRID_MIN_MONTHS", "grid_lines"]
