"""Page numbers: the one place that says what a page's number looks like, alone on its line.

A printed plan's pages carry their number in a margin, and it comes through
into the text wherever the page broke: "— 3 —", "- 3 -", "－ 12 －", "·4·",
"第3页 共5页", "共5页 第3页", "Page 2 of 7", "3/5", or just "3". Three callers
drop such lines, and each knows a different amount about where the line stood:

- :data:`MARKED_PAGE_NUMBER` — a number the line itself marks as a page's
  (dashes, dots, 页, "Page"). Safe anywhere, also in running text.
- :data:`PAGE_FRACTION` — "3/5". Alone it may be a date or a share, so a caller
  in running text takes it only when the text has several (see
  :func:`paperwork.hard_wrap.page_furniture`).
- :data:`PAGE_NUMBER` — any of the above, or a bare number ("3"). Only for a
  line known to stand outside running text: between the rows of a table (a
  row's number always shares its line with the row's first cell, so a number
  alone between rows is the page's) or at the top or bottom edge of a PDF page.
  In running text a bare number is a list item's number or a wrapped line's tail.

A topic's number ("1." "（一）"), a year ("2026年"), a month ("3月") or a count
("5个") is none of them: each has a mark a page number never has.
"""

from __future__ import annotations

import re

PAGE_NUMBER_DIGITS = 3
"""A page's number has at most this many digits: a plan has no thousand pages, "2026" is a year."""

_N = rf"\d{{1,{PAGE_NUMBER_DIGITS}}}"
# the dashes and dots that frame a page's number: hyphen, em and en dash, horizontal bar, fullwidth
# hyphen-minus; a middle dot and its katakana twin ("·4·")
_FRAME = r"[-—–―－]+|[·・]"

_MARKED = (
    rf"(?:{_FRAME})\s*{_N}\s*(?:{_FRAME})"  # "— 3 —" "-3-" "－ 12 －" "·4·"
    rf"|第\s*{_N}\s*页(?:\s*[,，/]?\s*共\s*{_N}\s*页)?"  # "第3页" "第3页 共5页" "第3页/共5页"
    rf"|共\s*{_N}\s*页\s*[,，]?\s*第\s*{_N}\s*页"  # "共5页 第3页"
    rf"|page\s*{_N}(?:\s*of\s*{_N})?"  # "Page 2" "Page 2 of 7"
)
_FRACTION = rf"{_N}\s*/\s*{_N}"

MARKED_PAGE_NUMBER = re.compile(rf"^\s*(?:{_MARKED})\s*$", re.IGNORECASE)
"""A line that is only a page number marked as one ("— 3 —", "第3页 共5页", "Page 2 of 7")."""

PAGE_FRACTION = re.compile(rf"^\s*{_FRACTION}\s*$")
"""A line that is only "3/5": a page number when the text has several of them."""

PAGE_NUMBER = re.compile(rf"^\s*(?:{_MARKED}|{_FRACTION}|{_N})\s*$", re.IGNORECASE)
"""A line that is only a page number of any form, a bare "3" too: for lines outside running text."""


__all__ = ["MARKED_PAGE_NUMBER", "PAGE_FRACTION", "PAGE_NUMBER", "PAGE_NUMBER_DIGITS"]
