"""Labels a plan marks off with something other than a colon: line shapes the text reader rewrites to ``label:value``.

Each function takes one line already NFKC-normalised (see
``published_text._clean``) and returns the line, rewritten when its shape is
recognised, unchanged otherwise.
"""

from __future__ import annotations

import re

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


__all__ = ["colon_bare_labels", "dash_label", "when_then_topic"]


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
