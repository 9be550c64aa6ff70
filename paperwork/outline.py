"""Numbered outlines and cross-references the plan reader does not read directly, rewritten into its shapes.

Runs over a document's lines before :func:`~paperwork.published_text.parse_published_text`
(see :func:`restructure`); a document without these layouts comes back unchanged.

- **Legal-style decimal outlines** (Word multi-level numbering ``1`` / ``1.1``, or typed
  that way): a part ``2 全体会议协商`` is the reader's ``二、全体会议协商`` and an item
  ``2.1 某议题`` its ``1.某议题``; so is an item ``2.1`` under a part ``二、…`` (a legal-style
  level, ``w:isLgl``, under a Chinese-numbered one). Only a whole outline is rewritten: at least
  :data:`MIN_PARTS` parts, each item numbered under the part above it, in sequence.
- **Leaders in a separate assignment table** (``序号 | 省领导 | 联系议题（编号）``, the
  cells listing item numbers such as ``3.1、4.1`` or the range ``5.5—5.8``): each topic
  gets an ``出席领导:`` line with every leader whose row lists its number, in row order.
  The table's rows come from :func:`assignment_lines` (called by the table reader); once
  given to the topics they are dropped (read as lines, they would be glued onto the topic above).
"""

from __future__ import annotations

import re

from .line_origins import made_from
from .vocabulary import LABELS, field_of_header, norm

MIN_PARTS = 3
"""Parts (``1 …``, ``2 …``, ``3 …``) a decimal outline must have before its numbers are trusted."""

_CN = "零一二三四五六七八九十"

# "2 全体会议协商": a part's number, a space (Word's suffix), a short heading
_PART = re.compile(r"^(?P<n>\d{1,2})\s+(?P<head>[\u4e00-\u9fff“《(（].{0,38})$")
# "二、专题协商会": a part numbered the Chinese way, whose items Word numbers "2.1" (a legal-style
# level, ``w:isLgl``, under a chineseCounting one)
_CN_PART = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})、\s*(?P<head>\S.{0,38})$")
# "2.1 围绕…": an item of part 2 ("1.5月,围绕…" is item 1 in May, not item 1.5)
_ITEM = re.compile(
    r"^(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\.(?P<m>\d{1,2})(?![\d.月日号])\s*(?P<rest>[^\s\d.].*)$"
)

# A cell listing item numbers: "3.1、4.1" "5.1、5.2、5.5—5.8" "第3项、第7项" "2,5"
_NUMBER = r"(?:第\s*)?\d{1,2}(?:\.\d{1,2})*(?:\s*[项条])?"
_RANGE_DASH = r"\s*[—–\-~～至到]+\s*"
_NUMBER_LIST = re.compile(
    rf"^\s*{_NUMBER}(?:{_RANGE_DASH}{_NUMBER})?(?:\s*[、,，;；/\s]\s*{_NUMBER}(?:{_RANGE_DASH}{_NUMBER})?)*\s*$"
)

ASSIGN_MARK = "【分工】"
"""Starts a line the table reader writes for one row of a leader assignment table: ``【分工】领导=编号,编号``."""


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    return "十" + _CN[n - 10] if n < 20 else _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _cn_value(numeral: str) -> int:
    """ "二" → 2, "十二" → 12, "二十" → 20 (a part's number, up to 九十九)."""
    tens, _, ones = numeral.rpartition("十")
    if "十" not in numeral:
        return _CN.index(numeral) if len(numeral) == 1 else 0
    return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)


def decimal_outline(lines: list[str]) -> list[str]:
    """Lines with a legal-style outline (``2 形式`` / ``2.1 议题``) rewritten as ``二、形式`` / ``1.议题``.

    Returns ``lines`` unchanged unless at least :data:`MIN_PARTS` parts each have items
    ``N.1``, ``N.2`` … in sequence under them, every item under the part of its number.
    The parts are numbered ``2`` or, when no such outline is found, ``二、`` (Word's
    legal-style items under Chinese-numbered parts: only the items are rewritten).
    """
    for part in (_PART, _CN_PART):
        found = _outline(lines, part)
        if found is None:
            continue
        parts, items = found
        out = list(lines)
        for i, n in parts.items():
            if part is _PART:  # "二、专题协商会" is already the reader's part
                out[i] = made_from(f"{_cn(n)}、{_PART.match(lines[i].strip()).group('head')}", lines[i])
        for i, (_, m) in items.items():
            out[i] = made_from(f"{m}.{_ITEM.match(lines[i].strip()).group('rest')}", lines[i])
        return out
    return lines


def _outline(lines: list[str], part: re.Pattern[str]) -> tuple[dict[int, int], dict[int, tuple[int, int]]] | None:
    """({line index: part number}, {line index: (part, item)}) of an outline whose parts ``part`` matches, or None."""
    parts: dict[int, int] = {}
    items: dict[int, tuple[int, int]] = {}
    current, expect = None, 1
    for i, line in enumerate(lines):
        s = line.strip()
        im = _ITEM.match(s)
        if im and (part is _CN_PART or im.group("n").isdigit()):
            # "一.1": the same item where LibreOffice, which ignores w:isLgl, numbered it (a .doc or .wps)
            n = int(im.group("n")) if im.group("n").isdigit() else _cn_value(im.group("n"))
            m = int(im.group("m"))
            if n != current or m != expect:
                return None  # an item outside its part, or out of sequence: not this kind of outline
            items[i] = (n, m)
            expect += 1
            continue
        pm = part.match(s)
        if pm and not re.search(r"[。;；:：]$", s):
            n = int(pm.group("n")) if part is _PART else _cn_value(pm.group("n"))
            if current is not None and n != current + 1:
                continue  # "3 个工作日内…" inside prose, not the next part
            parts[i], current, expect = n, n, 1
    with_items = {n for n, _ in items.values()}
    if len(parts) < MIN_PARTS or len(with_items) < MIN_PARTS:
        return None
    return parts, items


# -- leaders from an assignment table -----------------------------------------------------------


def assignment_lines(rows: list[list[str]]) -> list[str] | None:
    """A leader assignment table (a leader column and a column of item numbers) → ``【分工】…`` lines.

    ``rows``: cells' text row by row. Returns None unless the first row heads a leaders
    column and another column whose every non-empty body cell is a list of item numbers.
    """
    if len(rows) < 2:
        return None
    heads = [norm(c) for c in rows[0]]
    leader_col = next((j for j, h in enumerate(heads) if h and field_of_header(h) == "leaders"), None)
    if leader_col is None:
        return None
    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    number_col = None
    for j, h in enumerate(heads):
        if j == leader_col or not h or field_of_header(h) == "number":
            continue
        cells = [r[j].strip() for r in body if j < len(r) and r[j].strip()]
        if cells and all(_NUMBER_LIST.match(norm(c)) for c in cells) and any("." in c or "项" in c for c in cells):
            number_col = j
            break
    if number_col is None:
        return None
    out = []
    for r in body:
        leader = re.sub(r"\s*\n\s*", "", r[leader_col]).strip() if leader_col < len(r) else ""
        numbers = norm(r[number_col]) if number_col < len(r) else ""
        if leader and numbers:
            out.append(f"{ASSIGN_MARK}{leader}={numbers}")
    return out


def _expand(cell: str) -> list[str]:
    """``"5.1、5.5—5.8"`` → ``["5.1", "5.5", "5.6", "5.7", "5.8"]``; ``"第3项"`` → ``["3"]``."""
    out: list[str] = []
    for piece in re.split(r"\s*[、,，;；/\s]\s*", cell):
        piece = re.sub(r"第|[项条]", "", piece).strip()
        if not piece:
            continue
        ends = re.split(_RANGE_DASH, piece)
        if len(ends) == 2 and ends[0] and ends[1]:
            a, b = ends[0].rsplit(".", 1) if "." in ends[0] else ("", ends[0])
            c, d = ends[1].rsplit(".", 1) if "." in ends[1] else ("", ends[1])
            if a == c and d.isdigit() and b.isdigit() and int(b) <= int(d):
                out += [f"{a}.{k}" if a else str(k) for k in range(int(b), int(d) + 1)]
                continue
        out += [e for e in ends if e]
    return out


_ITEM_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)(?:\s+|\s*[、.．]\s*)(?=[^\d\s.])")


def distribute_leaders(lines: list[str]) -> list[str]:
    """Each topic numbered in an assignment table gets an ``出席领导:`` line under its title line.

    The ``【分工】`` rows themselves are dropped: what they say is in the ``出席领导:`` lines.
    A number no line carries, or carried by several lines, is left alone.
    """
    rows = [(i, line[len(ASSIGN_MARK) :]) for i, line in enumerate(lines) if line.startswith(ASSIGN_MARK)]
    if not rows:
        return lines
    leaders_of: dict[str, list[str]] = {}
    rows_of: dict[str, list[str]] = {}  # the table rows that name each number: where its leaders line comes from
    for k, row in rows:
        leader, _, numbers = row.partition("=")
        for num in _expand(numbers):
            leaders_of.setdefault(num, [])
            rows_of.setdefault(num, []).append(lines[k])
            if leader not in leaders_of[num]:
                leaders_of[num].append(leader)
    at: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        m = _ITEM_NUMBER.match(line.strip())
        if m and not line.startswith(ASSIGN_MARK):
            at.setdefault(m.group("num"), []).append(i)
    out: list[str] = []
    marks = dict(rows)
    for i, line in enumerate(lines):
        if i in marks:
            # the row is said by the 出席领导 lines it gave; kept as a line, the reader would take it for the
            # wrapped tail of the field above
            continue
        out.append(line)
        m = _ITEM_NUMBER.match(line.strip())
        if m and len(at.get(m.group("num"), [])) == 1 and m.group("num") in leaders_of:
            num = m.group("num")
            out.append(made_from(f"{LABELS['leaders'][0]}:{'、'.join(leaders_of[num])}", rows_of[num]))
    return out


def assignment_warnings(lines: list[str]) -> list[str]:
    """A warning per leader whose listed item numbers name no topic line (or several): they were not given."""
    from . import texts as T

    at: dict[str, int] = {}
    for line in lines:
        m = _ITEM_NUMBER.match(line.strip())
        if m and not line.startswith(ASSIGN_MARK):
            at[m.group("num")] = at.get(m.group("num"), 0) + 1
    out = []
    for line in lines:
        if line.startswith(ASSIGN_MARK):
            leader, _, numbers = line[len(ASSIGN_MARK) :].partition("=")
            lost = [n for n in _expand(numbers) if at.get(n) != 1]
            if lost:
                out.append(T.OUTLINE_WARN["number_not_found"].format(leader=leader, numbers="、".join(lost)))
    return out


def restructure(lines: list[str]) -> list[str]:
    """All the rewrites, in order (leaders are matched by number before renumbering; then form paragraphs)."""
    from .clauses import form_paragraphs  # clauses reads published_text, which the table reader here must not
    from .legend import column_notes, positional_fields

    return column_notes(positional_fields(form_paragraphs(decimal_outline(distribute_leaders(lines)))))


__all__ = [
    "ASSIGN_MARK",
    "assignment_lines",
    "assignment_warnings",
    "decimal_outline",
    "distribute_leaders",
    "restructure",
]
