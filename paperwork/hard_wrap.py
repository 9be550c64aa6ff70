"""Text copied out of a PDF: lines broken at a fixed width, and the pages' margins in between.

A plan pasted from a PDF viewer (or saved by ``pdftotext`` without ``-layout``)
keeps the page's line breaks: every line of a paragraph is cut at the same
width, in the middle of a word, a name or a time ("时间：9月" / "中旬"), and
each page break leaves its page number ("— 3 —", "-3-", "第3页 共5页") and the
running header or footer repeated on every page — possibly in the middle of a
topic's field. The plan reader reads one paragraph a line, so such a text is
put back together first:

- :func:`hard_wrap_width` finds the width from the distribution of line lengths
  (many lines of one length, hardly any longer), in characters or in display
  width (an ASCII letter is half a CJK one), never a fixed number;
- :func:`page_furniture` finds the page numbers and the header or footer lines
  repeated beside them;
- :func:`rejoin` drops the furniture and joins each full-width line with the
  next, unless the next starts a paragraph of its own (indented, a number, a
  heading, a bullet, or a field label that is not the tail of the label the
  line above broke).

A text without a fixed width comes back unchanged (the furniture too: the
reader lists it as skipped). :func:`rejoin` says which input lines each output
line was made from, so the review can point at the user's own lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .furniture import MARKED_PAGE_NUMBER, PAGE_FRACTION
from .line_origins import Line, numbered
from .vocabulary import ITEM_NUMBER, LABEL_OF

HARD_WRAP_MIN_WIDTH = 12
"""Narrower than this (in characters) a run of equal lines is a list of short items, not a wrap."""
HARD_WRAP_SHARE = 0.4
"""The share of the text's lines that must be full (at the wrap width) for the text to be hard-wrapped."""
HARD_WRAP_MIN_FULL = 5
"""At least this many full lines, whatever the share (a short note is never taken for a wrapped page)."""
HARD_WRAP_OVER_SHARE = 0.05
"""At most this share of the lines may be longer than the wrap width (a wrapped text has none)."""
HARD_WRAP_SLACK = 1.0
"""How many characters short of the width a line may end and still be full (a line-end comma pushed on)."""

RUNNING_LINE_MAX = 40
"""A running header or footer is a short line (characters)."""
# a running header or footer names the document or its issuer; a line with a sentence's marks is text
_IN_SENTENCE = re.compile(r"[，,；;：:、。]")

# What starts a paragraph of its own on a wrapped page: a number, a heading, a bullet
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|"
    + ITEM_NUMBER
    + r"\s*[.、．)）](?!\d)"
    r"|第\s*[一二三四五六七八九十\d]{1,3}\s*[部分章节条]|[●•○■◆▪★☆①-⑳【Ⅰ-Ⅻ])"
)
_INDENT = re.compile(r"^(?:\u3000|\s{2,}|\t)")
_LABEL_START = re.compile(r"^([\u4e00-\u9fff]{1,8})\s*[:：∶]")
# Lines a wrap never runs through: cells of a table typed as text
_TABLE_LIKE = re.compile(r"\t|[|│┃\u2500-\u257f]|\S {2,}\S|\S\u3000{2,}\S")
_SENTENCE_END = ("。", "！", "？", "!", "?")


def _display_width(line: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 or c in "“”‘’" else 1.0 for c in line)


def _measures(line: str) -> tuple[float, float]:
    text = line.rstrip()
    return float(len(text)), _display_width(text)


def page_furniture(lines: list[str]) -> set[int]:
    """Indexes (0-based) of the page numbers and of the running header or footer lines beside them.

    A page number is a line that is only one ("— 3 —", "第3页 共5页"; "3/5" only when
    there are two or more). A running line is a short line without a sentence's marks
    (，；：、。) standing next to a page number (blank lines aside) whose text stands
    next to a page number at least twice.
    """
    # running text: a bare "3" is an item's number or a wrapped tail, never taken for a page's
    numbers = {i for i, x in enumerate(lines) if MARKED_PAGE_NUMBER.match(x)}
    fractions = {i for i, x in enumerate(lines) if PAGE_FRACTION.match(x)}
    if len(fractions) >= 2:
        numbers |= fractions
    if not numbers:
        return set()

    def neighbours(i: int) -> list[int]:
        out = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and j not in numbers:
                out.append(j)
        return out

    beside: dict[str, list[int]] = {}
    for i in sorted(numbers):
        for j in neighbours(i):
            key = re.sub(r"\s+", "", lines[j])
            if 0 < len(key) <= RUNNING_LINE_MAX and not _IN_SENTENCE.search(key):
                beside.setdefault(key, []).append(j)
    running = {j for js in beside.values() if len(set(js)) >= 2 for j in js}
    return numbers | running


def hard_wrap_width(lines: list[str]) -> tuple[int, float] | None:
    """(measure, width) of a text broken at a fixed width, or None.

    ``measure`` 0 counts characters, 1 display width (ASCII half). ``lines``: the
    text's lines without its page furniture. Hard-wrapped when at least
    :data:`HARD_WRAP_SHARE` of the non-blank lines (and :data:`HARD_WRAP_MIN_FULL`)
    end within :data:`HARD_WRAP_SLACK` of one width of at least
    :data:`HARD_WRAP_MIN_WIDTH`, and hardly any line is longer.
    """
    text = [x for x in lines if x.strip() and not _TABLE_LIKE.search(x.strip())]
    if not text:
        return None
    for measure in (0, 1):
        values = [_measures(x)[measure] for x in text]
        common = Counter(v for v in values if v >= HARD_WRAP_MIN_WIDTH)
        if not common:
            continue
        top = max(common.values())
        width = max(v for v, n in common.items() if n == top)
        full = sum(1 for v in values if width - HARD_WRAP_SLACK <= v <= width)
        over = sum(1 for v in values if v > width + HARD_WRAP_SLACK)
        if full >= max(HARD_WRAP_MIN_FULL, HARD_WRAP_SHARE * len(text)) and over <= HARD_WRAP_OVER_SHARE * len(text):
            return measure, width
    return None


def _starts_paragraph(line: str, above: str) -> bool:
    """Whether ``line`` begins a paragraph of its own after the full line ``above``."""
    if _INDENT.match(line) or _ITEM_START.match(line.strip()) or _TABLE_LIKE.search(line.strip()):
        return True
    lm = _LABEL_START.match(line.strip())
    if not lm or lm.group(1) not in LABEL_OF:
        return False
    # "…；协商" / "部门：…": the tail of a label the line above broke, not a label of its own
    tail = re.sub(r"\s+", "", above)
    return not any(tail[-k:] + lm.group(1) in LABEL_OF for k in range(1, 5) if len(tail) >= k)


@dataclass(frozen=True)
class Joined:
    """One line of the re-joined text and the input lines (0-based indexes) it was made from."""

    text: str
    parts: tuple[int, ...]


def rejoin(lines: list[str]) -> list[Joined] | None:
    """The text's paragraphs put back together, or None when the text is not hard-wrapped.

    Page furniture (:func:`page_furniture`) is dropped, also between two halves of
    a field; a full line (at the width :func:`hard_wrap_width` found) that does not
    end a sentence runs on into the next line unless that one starts a paragraph
    (:func:`_starts_paragraph`). Blank lines are kept (and end a paragraph).
    """
    furniture = page_furniture(lines)
    kept = [i for i in range(len(lines)) if i not in furniture]
    found = hard_wrap_width([lines[i] for i in kept])
    if found is None:
        return None
    measure, width = found
    out: list[Joined] = []
    joining = False
    for i in kept:
        line = lines[i]
        if joining and out and line.strip() and not _starts_paragraph(line, out[-1].text):
            out[-1] = Joined(out[-1].text.rstrip() + line.strip(), (*out[-1].parts, i))
        else:
            out.append(Joined(line, (i,)))
        full = _measures(line)[measure] >= width - HARD_WRAP_SLACK
        joining = full and not _TABLE_LIKE.search(line.strip()) and not line.rstrip().endswith(_SENTENCE_END)
    return out


def rejoined_lines(lines: list[str]) -> list[Line]:
    """``lines`` with a hard wrap undone (:func:`rejoin`), each a :class:`~paperwork.line_origins.Line`
    that knows the (1-based) numbers of the input lines it was made from; page furniture dropped
    by the re-join is in none, so the review lists it as skipped. Not hard-wrapped: every line
    as it is, at its own number."""
    joined = rejoin(lines)
    if joined is None:
        return numbered(lines)
    return [Line(j.text, (k + 1 for k in j.parts)) for j in joined]


__all__ = ["Joined", "hard_wrap_width", "page_furniture", "rejoin", "rejoined_lines"]
