"""The grammar of a topic's duty sentence: who leads, helps, takes part, attends, and when and as what it meets.

"由区政协X委牵头，区政协Y委配合，邀请A、B等部门参加，拟于5月召开专题协商会，请L出席。"
Its clauses may come in any order and all but the lead may be missing. The
layout rewrite (:func:`paperwork.relayout.title_sentence_paragraphs`) and the
plan reader (:mod:`paperwork.published_text`) both ask whether a piece of text
is such a sentence: then it holds a topic's fields, and is never its title.
"""

from __future__ import annotations

import re

# who leads: "由X牵头" "由X承办" "X牵头"
_LEAD = re.compile(r"由[^，,。；;]{2,40}?(?:牵头|承办|负责)|牵头")
# who helps ("X配合"), who takes part ("邀请A、B等部门参加"), when and as what it meets
# ("拟于T召开F" "以F形式"), who attends ("请L出席")
_MORE = (
    re.compile(r"配合|协助"),
    re.compile(r"参加|参与"),
    re.compile(
        r"(?:拟于|拟在|计划于|定于|安排在)[^，,。；;]{1,16}?(?:召开|开展|举行|进行)|以[^，,。；;]{2,16}?(?:形式|方式)"
    ),
    re.compile(r"(?:邀请|请)[^，,。；;]{2,}?出席"),
)
# a sentence opening on its lead: "由X牵头，…"
_OPENS_ON_LEAD = re.compile(r"^\s*由[^，,。；;]{2,40}?(?:牵头|承办|负责)[^，,。；;]{0,6}[，,；;]")


def is_duty_sentence(text: str) -> bool:
    """Whether ``text`` names a topic's lead and at least one more of its duties (any order)."""
    return bool(_LEAD.search(text)) and any(c.search(text) for c in _MORE)


def opens_duty_sentence(text: str) -> bool:
    """Whether ``text`` is a duty sentence that opens on its lead ("由X牵头，拟于10月召开F。"): never a title."""
    return bool(_OPENS_ON_LEAD.match(text)) and is_duty_sentence(text)


__all__ = ["is_duty_sentence", "opens_duty_sentence"]
