"""Plan tables laid out in ways the plain header → record reading does not cover, folded into its shape.

Each function takes the table's rows (cells' text, merged cells repeated, as
:func:`paperwork.sources.table_lines` gets them) and returns rows of the
ordinary shape: one header row naming the fields, one row per topic.

- :func:`fold_form_ticks`: the form given by a mark (√) in one of several
  sub-columns, each headed by a form's name under a merged "协商形式" head.
- :func:`drop_total_rows`: a closing "合计" row of counts is no topic.
"""

from __future__ import annotations

import re

from .published_text import classify_form
from .vocabulary import field_of_header, norm

# A mark in a form sub-column meaning "this topic takes this form"
_FORM_TICK = re.compile(r"\s*[✓✔√☑●■★]\s*")

# The first cells of a table's total row ("合计", "总计", "小计", "共计")
_TOTAL = re.compile(r"\s*(?:合\s*计|总\s*计|小\s*计|共\s*计)\s*[:：]?\s*")

HEADER_ROWS_SEARCHED = 5


def drop_total_rows(rows: list[list[str]]) -> list[list[str]]:
    """The rows without a total row: one whose first non-number cell is "合计" (its counts are no topic)."""
    out = []
    for row in rows:
        cells = [c for c in row if c.strip()]
        first = next((c for c in cells if not re.fullmatch(r"\s*\d{1,3}\s*[.．、]?\s*", c)), "")
        if _TOTAL.fullmatch(first):
            continue
        out.append(row)
    return out


def fold_form_ticks(rows: list[list[str]]) -> list[list[str]]:
    """A two-row header whose "协商形式" spans form-name sub-columns (ticked per topic) → one 协商形式 column.

    The header row holds "协商形式" over several columns (a horizontally merged
    cell, repeated); the row under it names a form in each of them (专题协商会 |
    对口协商 | …), the other columns repeating the header (merged vertically).
    Each topic row's form is the name of the sub-column holding its mark; a row
    with several marks gets them joined by "、" (the reader reports it). Rows of
    any other table come back unchanged.
    """
    for i, row in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        if i + 1 >= len(rows):
            break
        form_cols = [j for j, c in enumerate(row) if field_of_header(c) == "form"]
        if len(form_cols) < 2:
            continue
        sub = rows[i + 1]
        names = {j: sub[j].strip() for j in form_cols if j < len(sub)}
        if not all(n and norm(n) != norm(row[j]) and classify_form(n) for j, n in names.items()):
            continue
        keep = form_cols[0]
        header = [c for j, c in enumerate(row) if j not in form_cols or j == keep]
        out = [*rows[:i], header]
        for body in rows[i + 2 :]:
            ticked = [names[j] for j in form_cols if j < len(body) and _FORM_TICK.fullmatch(body[j] or "")]
            cells = []
            for j, c in enumerate(body):
                if j == keep:
                    cells.append("、".join(ticked))
                elif j not in form_cols:
                    cells.append(c)
            out.append(cells)
        return out
    return rows


__all__ = ["drop_total_rows", "fold_form_ticks"]
