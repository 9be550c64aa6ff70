"""Parts of a page that are not this year's plan: another year's plan, and the notes under a plan.

``set_aside_lines(raws, cleaned)`` is run once over a document's lines before
the reader reads them; the lines it returns are listed as skipped (with the
reason's key in :data:`paperwork.texts.PAGE_PART_SKIP`), and never read as
topics or as the continuation of a field.

- **Another year's plan on the same page**: a portal that keeps "2026年度协商计划"
  and "2025年度协商计划(已执行)" one under the other (either first). The newest
  plan title names the plan's year; from a plan title of another year up to the
  next title of the plan's year, the lines are that other plan's.
- **Notes**: a ``注:`` line (alone, or with its notes on it) and the footnotes
  under it that start with a circled number (``①…``) or are numbered sentences; footnote markers after a
  title are dropped by :func:`drop_footnote_marks`.
"""

from __future__ import annotations

import re

# "政协某市委员会2025年度协商计划(已执行)" "2026年度协商工作计划": a plan's own title line, no sentence
_PLAN_TITLE = re.compile(
    r"^[^,,。;;:]{0,30}?(?P<year>20\d\d)\s*年度?[^,,。;;:]{0,16}?"
    r"(?:协商(?:工作)?计划|协商议题(?:安排|计划)?|协商工作安排)\s*(?:\([^()]{1,10}\))?$"
)
_NOTE_HEAD = re.compile(r"^(?:注|附注)\s*:")  # not 备注: a topic's own field (notes)
# a note under "注:": "①…", or "1.…" written as a sentence (a topic's title has no comma or full stop)
_NOTE_ITEM = re.compile(r"^\s*(?:[\u2460-\u2473\u2776-\u277f]|\d{1,2}\s*[.．、](?=.*[，。；,;]))")
# "推进X①" "推进X¹": a footnote's marker after a title (before the line's end or a bracket)
_FOOTNOTE_MARK = re.compile(
    r"(?<=[\u4e00-\u9fff”》)）])[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]+(?=\s*(?:$|[(（【]))"
)


def drop_footnote_marks(line: str) -> str:
    """``line`` without the footnote markers after its words ("建设①" → "建设")."""
    return _FOOTNOTE_MARK.sub("", line)


def set_aside_lines(raws: list[str], cleaned: list[str]) -> dict[int, str]:
    """{line number (1-based): reason key} of the lines that are not this year's plan (see the module)."""
    out: dict[int, str] = {}
    # the newest plan is the page's own: an archive page may keep last year's above or below it
    years = [m.group("year") for m in map(_PLAN_TITLE.match, cleaned) if m]
    own_year = max(years, default=None)
    other = False
    notes = False
    for lineno, (raw, line) in enumerate(zip(raws, cleaned, strict=True), start=1):
        tm = _PLAN_TITLE.match(line)
        if tm:
            other = tm.group("year") != own_year
            notes = False
        if other:
            out[lineno] = "other_year"
            continue
        if _NOTE_HEAD.match(line):
            out[lineno] = "note"
            notes = True
            continue
        if notes and _NOTE_ITEM.match(raw):
            out[lineno] = "note"
            continue
        notes = notes and not line.strip()
    return out


__all__ = ["drop_footnote_marks", "set_aside_lines"]
