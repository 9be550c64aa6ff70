"""A table a CMS draws with ``<div>`` rows and CSS, no ``<table>`` element.

A portal's editor may lay out a plan as ``div.grid`` > ``div.row`` > ``div.cell``
(widths and borders from classes). Read as blocks, every cell is a line of its
own and the columns are lost: a unit's name passes for a topic. :func:`div_table_rows`
tells such a grid by its shape, never by its class names:

- at least :data:`DIV_TABLE_MIN_ROWS` child rows, nothing but rows in the container
  (no text of its own between them);
- each row holds only cells (no text of its own), each cell text or inline markup
  (no block of rows inside it);
- the first row is a header: at least :data:`DIV_TABLE_MIN_HEADERS` of its cells name
  a field of the plan (序号 | 协商议题 | 时间安排 | …);
- every other row has the header's number of cells, or one cell spanning the row
  (a group row, "一、专题协商会", repeated across the columns as a ``colspan`` cell is).

Its rows then go where a ``<table>``'s go (the table reader).
"""

from __future__ import annotations

import re

from .vocabulary import field_of_header

DIV_TABLE_MIN_ROWS = 3
"""A header and at least two rows: fewer is a card or a pair of fields, not a table."""
DIV_TABLE_MIN_HEADERS = 2
"""Header cells that must name a plan field (a page's layout row of boxes names none)."""

# What a cell may not hold: a block of rows of its own (then it is a layout box, not a cell)
_NESTED_BLOCKS = ("div", "table", "ul", "ol", "dl", "section", "article", "p")
_ROW_TAGS = ("div", "li")


def _elements(el) -> list:
    return [c for c in el if isinstance(c.tag, str)]


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _cells(row) -> list | None:
    """A row's cells, or None when the row holds text or blocks of its own."""
    if row.tag not in _ROW_TAGS or not _blank(row.text):
        return None
    cells = _elements(row)
    if not cells or any(not _blank(c.tail) for c in cells):
        return None
    if any(next(c.iterdescendants(*_NESTED_BLOCKS), None) is not None for c in cells):
        return None
    return cells


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 3 and sum(1 for h in cells if field_of_header(re.sub(r"\s+", "", h))) >= DIV_TABLE_MIN_HEADERS


def div_table_rows(el, cell_text) -> list[list[str]] | None:
    """The rows of ``el`` (an lxml element) as a table's (cells' text by ``cell_text``), or None.

    None unless ``el`` is shaped like a grid of ``<div>`` rows under a header row (see the module).
    """
    if el.tag != "div" or not _blank(el.text):
        return None
    rows = _elements(el)
    if len(rows) < DIV_TABLE_MIN_ROWS or any(not _blank(r.tail) for r in rows):
        return None
    grid = []
    for row in rows:
        cells = _cells(row)
        if cells is None:
            return None
        grid.append([cell_text(c) for c in cells])
        if len(grid) == 1 and not _is_header(grid[0]):
            return None  # told by its first row: most of a page's boxes end here
    width = len(grid[0])
    if any(len(r) not in (1, width) for r in grid[1:]) or sum(1 for r in grid[1:] if len(r) == width) < 2:
        return None
    return [r * width if len(r) == 1 else r for r in grid]
