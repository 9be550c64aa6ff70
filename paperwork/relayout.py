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
- :func:`title_sentence_paragraphs`: "（一）TITLE。由L牵头，A、B参加，…" — the
  title up to its first full stop and the duty sentence in the same paragraph.

Each takes and returns the document's lines (str); :func:`relayout` applies
them all. A document without the layout comes back unchanged.
"""

from __future__ import annotations

import re

from .card_layouts import is_platform_furniture
from .duty_sentence import NAMES_A_TIME, duty_sentence_kinds, is_duty_sentence
from .item_duties import DUTY_LINE, duty_fields, duty_items
from .line_origins import made_from
from .published_text import classify_form
from .vocabulary import (
    ITEM_NUMBER,
    LABEL_OF,
    LABELS,
    NAME_LIST_FIELDS,
    field_of_header,
    norm,
)

_TIME_LABEL = LABELS["time"][0]
_FORM_LABEL = LABELS["form"][0]

# -- months from a progress sentence by item number -------------------------------------------

# "第3项", "第5、8项": items named by number
_ITEM_REF = re.compile(r"第\s*(" + ITEM_NUMBER + r"(?:\s*[、,，和及]\s*" + ITEM_NUMBER + r")*)\s*项")
_NUMBERED_ITEM = re.compile(r"^\s*(" + ITEM_NUMBER + r")\s*[.．、]\s*\S")
_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]")
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
        refs = [int(n) for group in _ITEM_REF.findall(clause) for n in re.findall(ITEM_NUMBER, group)]
        if not refs:
            continue
        first = _ITEM_REF.search(clause)
        assert first is not None
        before = clause[: first.start()]
        if ":" in before or "：" in before:
            before = re.split(r"[:：]", before)[-1]
        before = before.strip(" ，,")
        if NAMES_A_TIME.search(before):
            # "4月，开展第3项…": the time opens the clause
            when = next(piece for piece in re.split(r"[，,]", before) if NAMES_A_TIME.search(piece))
        else:
            # "第9项于上半年、下半年各开展一次", "第12项适时开展": the time follows the items
            last = list(_ITEM_REF.finditer(clause))[-1]
            when = _VERB_AFTER_REFS.sub("", clause[last.end() :].strip(" ，,"))
            if not NAMES_A_TIME.search(when):
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
        if sum(len(re.findall(ITEM_NUMBER, g)) for g in _ITEM_REF.findall(line)) < SCHEDULE_MIN_REFS:
            continue
        clauses = _schedule_clauses(line)
        if sum(len(r) for r, _ in clauses) < SCHEDULE_MIN_REFS:
            continue
        items = _item_lines(lines, s)
        inserts: dict[int, str] = {}
        for refs, when in clauses:
            for n in refs:
                if n in items:
                    inserts[items[n]] = made_from(when, line)  # said by the progress sentence
        if not inserts:
            continue
        out: list[str] = []
        for k, text in enumerate(lines):
            out.append(text)
            if k in inserts and not _has_time(lines, k):
                out.append(made_from(f"{_TIME_LABEL}:{inserts[k]}", inserts[k]))
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


# -- fields in notes keyed by a marker after the title ----------------------------------------

_NOTE_DEF = re.compile(r"^\s*[\[［〔](\d{1,2})[\]］〕]\s*(?P<text>\S.*)$")
_MARKER = re.compile(r"[\[［〔](\d{1,2})[\]］〕]")
_ANY_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*[:：]")
_SENTENCE_DONE = re.compile(r"[。.]\s*$")
NOTES_MIN = 2


def _notes(lines: list[str]) -> tuple[dict[int, str], dict[int, list[int]]]:
    """The notes that give fields ("[3] 承办：…；协商部门：…"), by number, and the line indexes each takes.

    A note wrapped over lines goes on until it ends a sentence or the next note starts.
    """
    notes: dict[int, str] = {}
    used: dict[int, list[int]] = {}
    k = 0
    while k < len(lines):
        m = _NOTE_DEF.match(lines[k])
        labels = [lab for lab in _ANY_LABEL.findall(m.group("text"))] if m else []
        if not m or not any(field_of_header(lab) for lab in labels):
            k += 1
            continue
        text, start = m.group("text").strip(), k
        k += 1
        while k < len(lines) and lines[k].strip() and not _NOTE_DEF.match(lines[k]) and not _SENTENCE_DONE.search(text):
            text += lines[k].strip()
            k += 1
        notes[int(m.group(1))] = text
        used[int(m.group(1))] = list(range(start, k))
    return notes, used


def footnote_fields(lines: list[str]) -> list[str]:
    """Titles marked "[k]" whose lead, departments and leaders are in note [k] at the end → fields under each title.

    The marker may stand on its own line (a superscript the text layer puts on
    a line of its own) or follow the title; several titles may share a note.
    The notes' lines are taken out; each marked title gets its note's fields,
    one ``标签:值`` line each. Needs at least :data:`NOTES_MIN` such notes.
    """
    notes, note_lines = _notes(lines)
    used = {k for taken in note_lines.values() for k in taken}
    # a note is one only if a title elsewhere points at it: "〔3〕推进X。时间:…;承办:…" items numbered
    # in brackets are topics, each its own fields, with no marker anywhere else
    marked = {int(n) for k, line in enumerate(lines) if k not in used for n in _MARKER.findall(line)}
    if len(notes.keys() & marked) < NOTES_MIN:
        return lines
    out: list[str] = []
    pending: list[str] = []  # the fields of the last marked title, written after its own lines
    for k, line in enumerate(lines):
        if k in used:
            continue
        found = [int(n) for n in _MARKER.findall(line) if int(n) in notes]
        if not found:
            if pending and (not line.strip() or _NUMBERED_ITEM.match(line) or not _DASH_TAIL.match(line)):
                out += pending
                pending = []
            out.append(line)
            continue
        if pending:
            out += pending
            pending = []
        rest = _MARKER.sub(lambda m: "" if int(m.group(1)) in notes else m.group(0), line).rstrip()
        if rest.strip():
            out.append(made_from(rest, line))
        for n in found:
            pending += [made_from(x, [lines[j] for j in note_lines[n]]) for x in _note_fields(notes[n])]
    return out + pending


# "——专题协商会，第二季度" (the rest of a title line, wrapped or after a marker)
_DASH_TAIL = re.compile(r"^\s*(?:——|—|--|―)")


def _note_fields(text: str) -> list[str]:
    return [piece.strip() for piece in re.split(r"[；;]", text.strip().rstrip("。.")) if piece.strip()]


# -- "——形式，时间" after a title ----------------------------------------------------------------

_DASH_FORM_TIME = re.compile(
    r"^(?P<head>.*?)\s*(?:——|—|--|―)\s*(?P<form>[^，,—―:：]{2,16})\s*[，,]\s*(?P<time>[^:：]{1,30})$"
)


def dash_form_time(lines: list[str]) -> list[str]:
    """ "1．标题——专题协商会，第二季度" → the title, "协商形式:…" and "时间安排:…".

    The dash part may stand on the line under the title. The form must be one
    the vocabulary knows or end like a form's name, the time must read as one.
    """
    out: list[str] = []
    for line in lines:
        m = _DASH_FORM_TIME.match(line)
        form = m.group("form").strip() if m else ""
        if not m or not (classify_form(form) or _FORM_END.search(form)) or not NAMES_A_TIME.search(m.group("time")):
            out.append(line)
            continue
        head = m.group("head").strip()
        if head and not _NUMBERED_ITEM.match(head):
            out.append(line)
            continue
        if not head and not (out and _NUMBERED_ITEM.match(out[-1])):
            out.append(line)
            continue
        if head:
            out.append(made_from(head, line))
        out += [made_from(f"{_FORM_LABEL}:{form}", line), made_from(f"{_TIME_LABEL}:{m.group('time').strip()}", line)]
    return out


# -- a label alone on its line, its values on the lines below ----------------------------------

_LIST_FIELDS = set(NAME_LIST_FIELDS)
_CARD_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*$")
LABEL_BLOCKS_MIN = 3
VALUE_LINE_MAX = 60
"""A longer line under a bare label is prose, not the label's value."""
# "市科技局 · 市数据局": a list set apart by middle dots on one line
_MIDDLE_DOT = re.compile(r"\s*[·•・]\s*")


def _bare_label(line: str) -> str | None:
    """The field a line names when it is nothing but a known label ("协商部门", no colon, no value)."""
    text = norm(line).strip()
    return LABEL_OF.get(text) if 2 <= len(text) <= 8 else None


def _is_value(line: str) -> bool:
    """A line that may be (one more of) a bare label's values."""
    text = line.strip()
    return not (
        not text
        or _bare_label(text)
        or _CARD_NUMBER.match(text)
        or _NUMBERED_ITEM.match(text)
        or _LABELLED.match(text)  # "来源：…" under the last card: a line of its own
        or "。" in text
        or len(text) > VALUE_LINE_MAX
        or is_platform_furniture(text)  # "#协商计划", "微信扫一扫" under the last card
    )


def label_line_blocks(lines: list[str]) -> list[str]:
    """A label on a line of its own, its value on the next lines → one ``标签:值`` line.

    A pasted card or slide lists "协商部门" then one department a line; the
    values end at a blank line, the next bare label, a card number ("02") or a
    numbered line. Values of a list field (departments, leaders …) are joined
    by "、", others run together. Applied only when the document has at least
    :data:`LABEL_BLOCKS_MIN` such blocks (a lone word "时间" in prose is left be)
    and one of them has more than one value line (labels over one value line
    each, the reader joins itself).
    """
    starts = [
        k
        for k, line in enumerate(lines)
        if _bare_label(line) and k + 1 < len(lines) and lines[k + 1].strip() and not _bare_label(lines[k + 1])
    ]
    if len(starts) < LABEL_BLOCKS_MIN:
        return lines
    if not any(_is_value(lines[k + 2]) for k in starts if k + 2 < len(lines)):
        return lines  # one value line under each label: the reader joins those itself
    cards = _card_heads(lines, starts)
    out: list[str] = []
    k = 0
    while k < len(lines):
        if k in cards:
            number, form, title, j = cards[k]
            shown = [x for x in lines[k + 1 : j] if x.strip()]  # the form line (if any), then the title line
            out.append(made_from(f"{number}.{title}", shown[-1], lines[k]))
            if form:
                out.append(made_from(f"{_FORM_LABEL}:{form}", shown[0]))
            k = j
            continue
        key = _bare_label(lines[k]) if k in starts else None
        if not key:
            out.append(lines[k])
            k += 1
            continue
        values = []
        j = k + 1
        while j < len(lines):
            text = lines[j].strip()
            if not _is_value(text):
                break
            values += _MIDDLE_DOT.split(text) if key in _LIST_FIELDS else [text]
            if key not in _LIST_FIELDS:
                j += 1
                break  # a time, a form or a title is one line: what follows is the next item
            j += 1
        joined = ("、" if key in _LIST_FIELDS else "").join(values)
        out.append(made_from(f"{norm(lines[k]).strip()}:{joined}", lines[k:j]))
        if j < len(lines) and lines[j].strip() and not (_bare_label(lines[j]) or _CARD_NUMBER.match(lines[j])):
            out.append("")  # the values ended here: what follows is not more of them
        k = j
    return out


def _card_heads(lines: list[str], starts: list[int]) -> dict[int, tuple[int, str, str, int]]:
    """Cards opening with a number line ("01"), an optional form line and the title, then the first bare label.

    Returns, by the number line's index: (number, form or "", title, index of the label line).
    """
    cards = {}
    for k, line in enumerate(lines):
        m = _CARD_NUMBER.match(line)
        if not m or not line.strip().isdigit():
            continue
        between = []
        j = k + 1
        while j < len(lines) and j not in starts and len(between) <= 2:
            if lines[j].strip():
                between.append(lines[j].strip())
            j += 1
        if j not in starts or not 1 <= len(between) <= 2:
            continue
        form = between[0] if len(between) == 2 else ""
        if form and not classify_form(form) and not _FORM_END.search(form):
            continue
        cards[k] = (int(line.strip()), form, between[-1], j)
    return cards


# How a form's name ends when the vocabulary does not know it ("“梅岗议事厅”协商")
_FORM_END = re.compile(r"(?:协商|议政|座谈会|协商会|常委会议|恳谈会)$")


# -- titles listed first, their fields later by item number ("第3项：4月，教科卫体委员会；…") ----------

ITEM_FIELDS_MIN = 2
# a title line that carries fields of its own: a trailing bracket, or a label
_OWN_FIELDS = re.compile(r"[)）]\s*$|[\u4e00-\u9fff]{2,8}\s*[:：]")
# a line that starts something else: a numbered item, a part heading "三、", a sub-heading "（一）"
_STARTS_OWN = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])"
)


def _item_field_lines(lines: list[str]) -> list[tuple[list[int], list[int], list[tuple[str, str]]]]:
    """(item numbers, line indexes taken, fields) of each "第N项：…" line, a wrapped line joined to it."""
    found = []
    k = 0
    while k < len(lines):
        m = DUTY_LINE.match(lines[k].strip())
        if not m:
            k += 1
            continue
        text, taken = m.group("body").strip(), [k]
        k += 1
        while (
            k < len(lines)
            and lines[k].strip()
            and not _SENTENCE_DONE.search(text)
            and not DUTY_LINE.match(lines[k].strip())
            and not _STARTS_OWN.match(lines[k])
        ):
            text += lines[k].strip()  # "…协商部门：A、市外事" + "办；出席：…": the line wrapped
            taken.append(k)
            k += 1
        fields = duty_fields(text)
        if fields:
            found.append((duty_items(m.group("items")), taken, fields))
    return found


def titles_then_item_fields(lines: list[str]) -> list[str]:
    """Numbered titles listed first, each one's fields on a "第N项：…" line of a later part → fields under each title.

    "1．推进X" … then "第1项：6月，经济委员会；协商部门：A、B；出席：副市长某。" (the later lines
    in any order, e.g. by month): the "第N项" lines are taken out and their fields written as
    ``标签:值`` lines under title N, so each title and its line are one topic. Needs at least
    :data:`ITEM_FIELDS_MIN` such lines, every number they name printed once before the first of
    them; otherwise (numbering restarting per form, a number with no title) nothing changes.
    """
    found = _item_field_lines(lines)
    if len(found) < ITEM_FIELDS_MIN:
        return lines
    first = min(taken[0] for _, taken, _ in found)
    titles: dict[int, list[int]] = {}
    for k in range(first):
        m = _NUMBERED_ITEM.match(lines[k])
        if m:
            titles.setdefault(int(m.group(1)), []).append(k)
    wanted = {n for items, _, _ in found for n in items}
    if not wanted or any(len(titles.get(n, [])) != 1 for n in wanted):
        return lines
    if any(_OWN_FIELDS.search(lines[titles[n][0]]) for n in wanted):
        # "1．推进X（专题协商会，6月）": titles with fields of their own take the rest from their duty
        # line after the scan (paperwork.item_duties), which fills only what a title lacks
        return lines
    under: dict[int, list[str]] = {}
    for items, taken, fields in found:
        parents = [lines[j] for j in taken]
        for n in items:
            under.setdefault(titles[n][0], []).extend(
                made_from(f"{LABELS[key][0]}:{value}", parents) for key, value in fields
            )
    dropped = {j for _, taken, _ in found for j in taken}
    out: list[str] = []
    for k, line in enumerate(lines):
        if k in dropped:
            continue
        out.append(line)
        out += under.get(k, [])
    return out


def relayout(lines: list[str]) -> list[str]:
    """All the rewrites of this module, in turn (each leaves a document without its layout unchanged)."""
    lines = titles_then_item_fields(lines)
    lines = schedule_by_item(lines)
    lines = footnote_fields(lines)
    lines = dash_form_time(lines)
    lines = label_line_blocks(lines)
    lines = title_sentence_paragraphs(lines)
    return lines


# "（一）TITLE。…由L牵头，A、B参加…" in one paragraph: a numbered item whose title (no comma, no
# full stop) ends at the first "。" and whose rest is a duty sentence naming a lead and who takes part
_TITLE_THEN_SENTENCE = re.compile(
    r"^(?P<title>\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.．、])\s*[^，,。；;：:]{4,60}?)\s*。\s*(?P<rest>\S.*)$"
)


def title_sentence_paragraphs(lines: list[str]) -> list[str]:
    """Split "（一）TITLE。duty sentence" paragraphs into the title line and the sentence line.

    The duty sentence names a lead and who takes part ("由L牵头，A、B参加"), or is made only of
    duty clauses in any order (:func:`duty_sentence_kinds`: "拟于5月召开，由L承办，A、B参加，X出席").
    Only when at least two numbered paragraphs have that shape (one such paragraph is more
    likely prose, e.g. a work requirement). Lines: str in, str out; other lines unchanged.
    """
    hits = {
        i: m
        for i, line in enumerate(lines)
        if (m := _TITLE_THEN_SENTENCE.match(line)) and (is_duty_sentence(m["rest"]) or duty_sentence_kinds(m["rest"]))
    }
    if len(hits) < 2:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        m = hits.get(i)
        out += [made_from(m["title"].rstrip(), line), made_from(m["rest"].strip(), line)] if m else [line]
    return out


__all__ = [
    "dash_form_time",
    "duty_sentence_kinds",  # paperwork.duty_sentence's, named here too for the layout's callers
    "footnote_fields",
    "label_line_blocks",
    "relayout",
    "schedule_by_item",
    "title_sentence_paragraphs",
]
