"""Labels a plan marks off with something other than a colon: line shapes the text reader rewrites to ``label:value``.

Each function takes one line already NFKC-normalised (see
``published_text._clean``) and returns the line, rewritten when its shape is
recognised, unchanged otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .common import split_outside_brackets
from .time_phrases import parse_time
from .vocabulary import FIELD_LINE, LABEL_OF, NAME_LIST_FIELDS, field_of_label

# "协商形式——专题协商会" "时间安排—6月" "县领导--张某": a label and its value joined by a dash.
# Only a label the vocabulary knows (or names by its root word) is taken: "推进X——专题协商会" is a
# title and its form, read elsewhere.
_DASH_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})\s*(?:[—―]{1,2}|-{2}|─{1,2})\s*(?=\S)")


def dash_label(line: str) -> str:
    """``"时间安排——5月"`` → ``"时间安排:5月"``; any other line is returned as it is."""
    m = _DASH_LABEL.match(line)
    if not m or not field_of_label(m.group("label")):
        return line
    return f"{m.group('label')}:{line[m.end() :]}"


# Fields whose label a card layout sets on a line of its own, the value on the next
# (a WeChat article's label box and value box; a two-column list copied as lines)
_CARD_FIELDS = {"time", "form", *NAME_LIST_FIELDS}


def colon_bare_labels(rows: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A row that is only a known label ("协商时间"), its value on the next row → ``"协商时间:"``.

    ``rows`` are the reader's (line number, raw line, cleaned line). The colon lets
    the reader join the value to its label as it does for ``"议题:"`` on a line of its
    own. Taken only when the document does it at least twice (a layout, not a stray
    word) and the next row is a value, not another label.
    """
    texts = [r[2] for r in rows]

    def bare(i: int) -> bool:
        t = texts[i].strip()
        return bool(t) and LABEL_OF.get(t) in _CARD_FIELDS

    def value_after(i: int) -> bool:
        nxt = next((t for t in texts[i + 1 :] if t.strip()), "")
        return bool(nxt) and not bare(texts.index(nxt, i + 1)) and not FIELD_LINE.match(nxt)

    marks = [i for i in range(len(rows)) if bare(i) and value_after(i)]
    if len(marks) < 2:
        return rows
    out = list(rows)
    for i in marks:
        n, raw, t = out[i]
        out[i] = (n, raw, t.strip() + ":")
    return out


# "县政协十届五次会议期间,围绕县政府工作报告协商议政(承办:县政协办公室)。": a form's one topic told
# in a sentence: when, then the topic, then its fields in brackets
_WHEN_THEN_TOPIC = re.compile(
    r"^(?P<when>[^,;。()]{1,20}?(?:期间|前后|月份?|月中旬|月下旬|月上旬|季度|上半年|下半年))\s*,\s*"
    r"(?P<title>[^,;。()]{4,40}?)\s*\((?P<fields>[^()]*:[^()]*)\)\s*。?$"
)


def when_then_topic(line: str) -> tuple[str, str, list[str]] | None:
    """``"X期间,围绕Y协商议政(承办:Z)。"`` → ``("围绕Y协商议政", "X期间", ["承办:Z"])``, else None.

    The bracket must hold at least one known label; its fields are cut at ``;``/``,``
    before a label (``"承办:Z;协商部门:W"``).
    """
    m = _WHEN_THEN_TOPIC.match(line)
    if not m:
        return None
    fields = [f.strip() for f in re.split(r"[;,](?=[\u4e00-\u9fff]{2,8}:)", m.group("fields")) if f.strip()]
    if not any(FIELD_LINE.match(f) for f in fields):
        return None
    return m.group("title").strip(), m.group("when").strip(), fields


# Labels typed without a colon ("时间 5月", "协商部门\t县水利局", "时 间 10月下旬", several on one
# line: "牵头 区政协社会和法制委 时 间 10月下旬"): the fields whose values can be told from a title's
# words. Content, notes and the title's own labels are left to the colon and gap rules.
_UNMARKED_FIELDS = ("time", "form", "research", *NAME_LIST_FIELDS)
_UNMARKED = sorted((lab for lab, key in LABEL_OF.items() if key in _UNMARKED_FIELDS), key=len, reverse=True)
# a label with its letters spaced out to line up ("时  间", "形 式") is the same label
_LABEL_AT = re.compile("|".join(r"[ \t]*".join(map(re.escape, lab)) for lab in _UNMARKED))
SHORT_LABEL_LEN = 3
"""Labels this long or shorter (时间, 形式, 牵头, 部门, 市领导) name a field only before a value of their
field's shape; longer ones (协商部门, 出席领导) are distinctive enough to take any value but a sentence."""
# Long labels that end ordinary names too ("县直有关部门", "各相关部门"): never read glued to a value.
_NAME_ENDING_LABELS = re.compile(r"^(?:有关|相关|对口|政府)")
# what a value ends in when a long label is glued to it: a unit's or committee's last character,
# a time's ("县政协农业农村委协商部门县水利局", "5月出席领导…"); "各重点提案承办单位" is one name
_NAME_OR_TIME_END = re.compile(r"[月日份度年旬底前后委局办厅室组处院会心队界府联站所馆社署)”]")
# a line that starts with a word of 3–6 hanzi, then a gap: perhaps a label the vocabulary knows by its root
_GUESSED_LABEL = re.compile(r"^([\u4e00-\u9fff]{3,6})[ \t]+(?=\S)")
# how such a word must end: as a known label of three or more characters does (单位, 领导, 时间, 委员会 …)
_LABEL_TAILS = frozenset(lab[-2:] for lab in _UNMARKED if len(lab) >= 3)
# where a time phrase may start, for "时间5月" typed with no gap at all
_TIME_START = re.compile(r"^[\d一二三四五六七八九十第上下全年适本今明春夏秋冬]")
# A name in a list: a unit or committee by its last character, or a person by a role word
_UNIT_END = re.compile(r"[局委办会院室厅部组界府心司联团队站所馆社处署行区县市镇乡街村]\)?$")
_ROLE_WORD = re.compile(r"长|主席|书记|常委|主任|领导|秘书|委员")


def _names_shaped(value: str) -> bool:
    """Whether every part of ``value`` cut at 、,; (outside brackets) reads as a unit or a person."""
    parts = split_outside_brackets(value.rstrip("。"), set("、,;"), set("(“"), set(")”"))
    return bool(parts) and all(len(p) <= 40 and (_UNIT_END.search(p) or _ROLE_WORD.search(p)) for p in parts)


def _plausible(key: str, label: str, value: str, is_form: Callable[[str], bool], *, glued_start: bool) -> bool:
    """Whether ``value`` can be the value of a field ``key`` written under ``label`` without a colon."""
    if not value or "。" in value.rstrip("。") or len(value) > 300 or not re.match(r"[\u4e00-\u9fff\d(“]", value):
        return False
    if key == "time":
        t = parse_time(value)
        said = bool(t.months or t.window or t.deadline or t.session or t.undecided)
        return said and len(value) <= 24 and (not glued_start or bool(_TIME_START.match(value)))
    if glued_start:
        return False  # "协商部门联动机制": only a time can follow its label with no gap
    if key == "form":
        return len(value) <= 20 and is_form(value)
    return len(label) > SHORT_LABEL_LEN or _names_shaped(value)


def unmarked_labels(line: str, *, is_form: Callable[[str], bool]) -> str:
    """Fields whose labels a typist set off by spaces or tabs instead of a colon, rewritten ``label:value``.

    ``line``: one line, already NFKC-normalised (full-width spaces and colons are ASCII).
    ``is_form``: whether a short text names a consultation form (the reader's own test).

    A label of :data:`LABELS` (time, form, research and the name lists; its letters may be
    spaced out, "时  间") starts a field where it stands at a field boundary: at the line's
    start or after whitespace, followed by whitespace and a value; after ``;`` or ``,`` too,
    and glued to the value before it ("农业农村委协商部门县水利局") when it is four
    characters or longer, once a field has started on the line. A time label may be glued to
    its value at the line's start ("时间5 月"). A short label (≤ :data:`SHORT_LABEL_LEN`)
    needs a value of its field's shape (a time phrase, a form's name, a list of units or
    people); a long one any value but a sentence. A line's first word that the vocabulary
    names only by its root (:func:`field_of_label`: "承办委员会", "拟请领导") is a label too,
    judged like a short one. "完善协商部门联动机制", "时间银行" and "加强领导 干部队伍建设"
    stay titles. Labels already followed by a colon are left as they are (they still end the
    value before them). Returns the line unchanged when no such field is found.
    """
    cands: list[tuple[int, int, str, str]] = []  # (start, value start, label, how it stands)
    for p in range(len(line)):
        before = line[p - 1] if p else ""
        if p and not before.isspace() and before not in ";,":
            if not (cands and _NAME_OR_TIME_END.match(before)):
                continue
            how = "glued"
        else:
            how = "start" if p == 0 else ("space" if before.isspace() else "punct")
        m = _LABEL_AT.match(line, p)
        if not m or line[p].isspace():
            continue
        label = re.sub(r"\s", "", m.group(0))
        if how == "glued" and (len(label) <= SHORT_LABEL_LEN or _NAME_ENDING_LABELS.match(label)):
            continue
        if how == "punct" and not cands:
            continue
        gap = re.match(r"\s*:", line[m.end() :])
        if gap:
            cands.append((p, m.end() + gap.end(), label, "marked"))
        elif m.end() < len(line) and line[m.end()].isspace():
            cands.append((p, m.end(), label, how))
        elif how == "start" and LABEL_OF[label] == "time":
            cands.append((p, m.end(), label, "glued_start"))
        elif how == "glued" and re.match(r"[\u4e00-\u9fff(“]", line[m.end() :]):
            cands.append((p, m.end(), label, how))
    guessed = _GUESSED_LABEL.match(line)
    if (
        guessed
        and not cands
        and guessed.group(1)[-2:] in _LABEL_TAILS  # "孙立平副市长 · …" is a person, not a label
        and field_of_label(guessed.group(1)) in _UNMARKED_FIELDS
    ):
        # "承办委员会  X" "拟请领导 Y": a label the vocabulary names only by its root word
        # (field_of_label) must stand at the line's start and pass the short labels' test
        cands.append((0, guessed.end(), guessed.group(1), "guessed"))
    while True:
        bad = None
        for i, (_p, v, label, how) in enumerate(cands):
            end = cands[i + 1][0] if i + 1 < len(cands) else len(line)
            value = line[v:end].strip().rstrip(";,").strip()
            if how == "marked":
                continue
            key = LABEL_OF.get(label) or field_of_label(label)
            shown = label if how != "guessed" else label[:SHORT_LABEL_LEN]  # judged as strictly as a short one
            if (how in ("glued", "punct") and not i) or not _plausible(
                key, shown, value, is_form, glued_start=how == "glued_start"
            ):
                bad = i
                break
        if bad is None:
            break
        del cands[bad]
    if not any(how != "marked" for *_, how in cands):
        return line
    head = line[: cands[0][0]].strip()
    fields = []
    for i, (_p, v, label, _how) in enumerate(cands):
        end = cands[i + 1][0] if i + 1 < len(cands) else len(line)
        fields.append(f"{label}:{line[v:end].strip().rstrip(';,').strip()}")
    return " ".join([head, *fields] if head else fields)


__all__ = ["SHORT_LABEL_LEN", "colon_bare_labels", "dash_label", "unmarked_labels", "when_then_topic"]
