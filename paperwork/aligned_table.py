"""A table laid out with spaces only (``pdftotext -layout``), its long cells wrapped → rows of cells.

``pdftotext -layout`` prints a table without rules or tabs: a cell starts
where its column starts, cells may be only one space apart, and a long cell
wraps onto the lines above and below the line that holds the row's number::

        序号      协商议题    协商形式 时间 牵头单位        协商部门     区领导
    1        推动某某数字经济 专题议政性 6月 区政协经济 区发改局、区科技     某某副区
                                         局、区商务局        长
             产业园提档升级   常委会议        委     ...

:func:`aligned_table` finds such a table under a header line whose words the
vocabulary knows (序号 and a title column among them), learns where each
column starts from the lines that fill every column, gives every word of
every line to a column (in order, nearest start), and joins a row's wrapped
pieces column by column. A page footer (``—1—``) and a repeated header
between rows are passed over. The rows then go to the same table reader as
any other table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import PAGE_NUMBER
from .vocabulary import field_of_header

# a word of the layout: no space inside (cells may stand one space apart)
_WORD = re.compile(r"\S+")
_ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")

# The sign-off under a table: "2024年3月5日", and the issuer above it ("政协某省委员会办公厅").
# It stands alone on its line and ends the table; it is never a wrapped piece of a cell.
_DATE_ALONE = re.compile(r"^\s*[((]?\s*(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s*年[^,,;;。:\s]{1,8}日\s*[))]?\s*$")
_ISSUER_ALONE = re.compile(r"^\s*[^,,;;。:\s]{4,24}(?:办公室|办公厅|委员会)\s*$")


def _is_sign_off(lines: list[str], j: int) -> bool:
    """Line ``j`` is a date alone, or an issuer alone with a date as the next non-blank line."""
    if _DATE_ALONE.match(lines[j]):
        return True
    if not _ISSUER_ALONE.match(lines[j]):
        return False
    after = next((x for x in lines[j + 1 : j + 4] if x.strip()), "")
    return bool(_DATE_ALONE.match(after))


DRIFT = 4
"""Characters a word may stand off its column's span: ``pdftotext`` places wide glyphs only roughly."""

HEADER_KNOWN_MIN = 4
"""Known header words a line needs (序号 and a title column among them) to head such a table."""


@dataclass
class _Column:
    lo: int  # leftmost start seen on a line that fills every column
    hi: int  # rightmost such start

    def distance(self, start: int) -> int:
        return 0 if self.lo <= start <= self.hi else min(abs(start - self.lo), abs(start - self.hi))


def _words(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _WORD.finditer(line)]


def _header(line: str) -> list[str] | None:
    words = [w for _, w in _words(line)]
    keys = [field_of_header(w) for w in words]
    if len(words) < HEADER_KNOWN_MIN or not all(keys) or keys[0] != "number":
        return None
    if "title" not in keys and keys.count("content") != 1:
        return None
    return words


def _assign(words: list[tuple[int, str]], columns: list[_Column]) -> list[int] | None:
    """Each word's column (strictly left to right, nearest span), or None when a word fits nowhere."""
    n, k = len(columns), len(words)
    if k > n:
        return None
    inf = float("inf")
    # best[i][j]: least cost of words[:i] in columns[:j], words[i-1] in column j-1
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    best[0] = [0.0] * (n + 1)
    for i in range(1, k + 1):
        start, word = words[i - 1]
        for j in range(i, n + 1):
            d = columns[j - 1].distance(start)
            if d > DRIFT or (j == 1 and not _ROW_NUMBER.fullmatch(word)):
                continue  # the first column holds only row numbers
            prev = min(range(i - 1, j), key=lambda p: best[i - 1][p])
            if best[i - 1][prev] + d < best[i][j]:
                best[i][j], back[i][j] = best[i - 1][prev] + d, prev
    end = min(range(k, n + 1), key=lambda j: best[k][j])
    if best[k][end] == inf:
        return None
    out = []
    for i in range(k, 0, -1):
        out.append(end - 1)
        end = back[i][end]
    return out[::-1]


def _spans(lines: list[str], n: int, header: list[tuple[int, str]]) -> list[_Column]:
    """Where each column starts, from the lines that fill all ``n`` columns (else from the header)."""
    full = [w for w in (_words(x) for x in lines) if len(w) == n and _ROW_NUMBER.fullmatch(w[0][1])]
    if not full:
        return [_Column(s, s) for s, _ in header]
    return [_Column(min(w[j][0] for w in full), max(w[j][0] for w in full)) for j in range(n)]


def aligned_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The space-aligned table whose header is ``lines[i]``: (rows of cells, header first; next line).

    None when ``lines[i]`` is no such header, when no numbered row follows, or
    when no cell wraps (a table of one line per row is read by the plain
    space-separated reader).
    """
    if "\t" in lines[i]:
        return None  # cells set apart by tabs: a word's position says nothing of its column (text_tables reads them)
    head = _header(lines[i])
    if head is None:
        return None
    n = len(head)
    header_words = _words(lines[i])
    # the table's extent: until a line that is neither a row, a wrapped piece, a footer nor the header again
    j = i + 1
    body: list[int] = []
    columns = _spans(lines[i + 1 : i + 60], n, header_words)
    while j < len(lines):
        line = lines[j]
        # between rows a number alone is the page's, a bare one too: a row's own number shares its line
        # with the row's first cell (the furniture module's PAGE_NUMBER, not its running-text variant)
        if not line.strip() or PAGE_NUMBER.match(line) or _header(line) == head:
            j += 1
            continue
        if _assign(_words(line), columns) is None or _is_sign_off(lines, j):
            break
        body.append(j)
        j += 1
    rows: list[list[str]] = []
    wrapped = False
    for ln in body:
        words = _words(lines[ln])
        cols = _assign(words, columns) or []
        if cols and cols[0] == 0:
            rows.append([""] * n)
        elif not rows:
            return None  # a piece before the first numbered row: not this kind of table
        else:
            wrapped = True
        for (_, word), c in zip(words, cols, strict=True):
            rows[-1][c] += word
    if not rows or not wrapped:
        return None
    return [head, *rows], body[-1] + 1


__all__ = ["aligned_table"]
