"""Plans whose fields stand away from their topic's title, rewritten into one labelled field a line.

The plan reader (:func:`paperwork.published_text.parse_published_text`) reads
a topic's fields from the lines under its title. Some plans put them
elsewhere; each function here finds one such layout by its structure and
moves the fields under the titles, as ``标签:值`` lines, leaving every other
text as it was:

- :func:`schedule_by_item`: months only in a progress sentence that names
  topics by item number ("4月，开展第3项、第7项协商；…").
- :func:`footnote_fields`: a marker after each title ("[3]") and the fields in
  a list of notes at the end keyed by it; one note may serve several topics.
- :func:`dash_form_time`: "——形式，时间" after a title.
- :func:`label_line_blocks`: a label alone on its line (no colon) and its
  value on the lines below it, one name a line.

Each takes and returns the document's lines (str); :func:`relayout` applies
them all. A document without the layout comes back unchanged.
"""

from __future__ import annotations

import re

from .published_text import classify_form
from .vocabulary import LABELS, field_of_header

_TIME_LABEL = LABELS["time"][0]
_FORM_LABEL = LABELS["form"][0]

# -- months from a progress sentence by item number -------------------------------------------

_ITEM_REF = re.compile(r"第\s*(\d{1,2})\s*项")
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.．、]\s*\S")
_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]")
_WHEN = re.compile(r"月|季度|半年|适时|年内|年底|年中|另行")
_CLAUSE_END = re.compile(r"[；;。]")
_VERB_AFTER_REFS = re.compile(r"^(?:于|在|拟于|拟在|计划于|定于)\s*")
SCHEDULE_MIN_REFS = 2


def _item_lines(lines: list[str], end: int) -> dict[int, int]:
    """Item number → index of its title line, for numbered items followed by a labelled field (a topic)."""
    found: dict[int, int] = {}
    for k in range(end):
        m = _NUMBERED_ITEM.match(lines[k])
        if not m or k + 1 >= end:
            continue
        nxt = _LABELLED.match(lines[k + 1])
        if nxt and field_of_header(nxt.group(1)):
            found[int(m.group(1))] = k
    return found


def _schedule_clauses(text: str) -> list[tuple[list[int], str]]:
    """(item numbers, time phrase) for each clause of a progress sentence naming items."""
    out = []
    for clause in _CLAUSE_END.split(text):
        refs = [int(n) for n in _ITEM_REF.findall(clause)]
        if not refs:
            continue
        first = _ITEM_REF.search(clause)
        assert first is not None
        before = clause[: first.start()]
        if ":" in before or "：" in before:
            before = re.split(r"[:：]", before)[-1]
        before = before.strip(" ，,")
        if _WHEN.search(before):
            # "4月，开展第3项…": the time opens the clause
            when = next(piece for piece in re.split(r"[，,]", before) if _WHEN.search(piece))
        else:
            # "第9项于上半年、下半年各开展一次", "第12项适时开展": the time follows the items
            last = list(_ITEM_REF.finditer(clause))[-1]
            when = _VERB_AFTER_REFS.sub("", clause[last.end() :].strip(" ，,"))
            if not _WHEN.search(when):
                continue
        out.append((refs, when.strip()))
    return out


def schedule_by_item(lines: list[str]) -> list[str]:
    """Months given only in a sentence referring to items by number → a time line under each item.

    The sentence must name at least :data:`SCHEDULE_MIN_REFS` items, each
    with a time phrase ("5月中旬，召开第1项…", "第9项于上半年、下半年各开展一次").
    An item is a numbered title line followed by a labelled field above the
    sentence; an item that already has a time line keeps it.
    """
    for s, line in enumerate(lines):
        if len(_ITEM_REF.findall(line)) < SCHEDULE_MIN_REFS:
            continue
        clauses = _schedule_clauses(line)
        if sum(len(r) for r, _ in clauses) < SCHEDULE_MIN_REFS:
            continue
        items = _item_lines(lines, s)
        inserts: dict[int, str] = {}
        for refs, when in clauses:
            for n in refs:
                if n in items:
                    inserts[items[n]] = when
        if not inserts:
            continue
        out: list[str] = []
        for k, text in enumerate(lines):
            out.append(text)
            if k in inserts and not _has_time(lines, k):
                out.append(f"{_TIME_LABEL}:{inserts[k]}")
        return out
    return lines


def _has_time(lines: list[str], k: int) -> bool:
    for text in lines[k + 1 :]:
        m = _LABELLED.match(text)
        if not m:
            return False
        if field_of_header(m.group(1)) == "time":
            return True
    return False


def relayout(lines: list[str]) -> list[str]:
    """All the rewrites of this module, in turn (each leaves a document without its layout unchanged)."""
    lines = schedule_by_item(lines)
    return lines


__all__ = ["relayout", "schedule_by_item"]
