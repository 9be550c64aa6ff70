"""The grammar of a topic's duty sentence: who leads, helps, takes part, attends, and when and as what it meets.

"由区政协X委牵头，区政协Y委配合，邀请A、B等部门参加，拟于5月召开专题协商会，请L出席。"
Its clauses may come in any order and all but the lead may be missing. The
layout rewrite (:func:`paperwork.relayout.title_sentence_paragraphs`) and the
plan reader (:mod:`paperwork.published_text`) both ask whether a piece of text
is such a sentence: then it holds a topic's fields, and is never its title.
"""

from __future__ import annotations

import re

from .vocabulary import ATTENDING_VERBS, DUTY_VERBS, ROLE_LEAD_VERB, alternation, verbs

# who leads: "由X牵头" "由X承办" "由X负责" or a bare "X牵头" ("组织" and "主办" are left out: "由办公室
# 组织委员视察" is no lead clause of a topic, and 主办 here names the host of a meeting, not its lead)
_LEAD_AFTER_YOU = alternation(v for v in DUTY_VERBS["lead"] if v not in ("组织", "主办"))
_LEAD = re.compile(rf"由[^，,。；;]{{2,40}}?(?:{_LEAD_AFTER_YOU})|{ROLE_LEAD_VERB}")
# who helps ("X配合"), who takes part ("邀请A、B等部门参加"), when and as what it meets
# ("拟于T召开F" "以F形式"), who attends ("请L出席")
_MORE = (
    # helping, not "协同" (an ordinary verb in running text: "协同推进") nor the taking part below
    re.compile(alternation(verbs("departments", without=("协同", "参加", "参与", "列席")))),
    re.compile(alternation(verbs("departments", without=("协同", "配合", "协助", "列席")))),
    re.compile(
        r"(?:拟于|拟在|计划于|定于|安排在)[^，,。；;]{1,16}?(?:召开|开展|举行|进行)|以[^，,。；;]{2,16}?(?:形式|方式)"
    ),
    re.compile(rf"(?:邀请|请)[^，,。；;]{{2,}}?(?:{alternation(ATTENDING_VERBS)})"),
)
# a sentence opening on its lead: "由X牵头，…"
_OPENS_ON_LEAD = re.compile(rf"^\s*由[^，,。；;]{{2,40}}?(?:{_LEAD_AFTER_YOU})[^，,。；;]{{0,6}}[，,；;]")


def is_duty_sentence(text: str) -> bool:
    """Whether ``text`` names a topic's lead and at least one more of its duties (any order)."""
    return bool(_LEAD.search(text)) and any(c.search(text) for c in _MORE)


def opens_duty_sentence(text: str) -> bool:
    """Whether ``text`` is a duty sentence that opens on its lead ("由X牵头，拟于10月召开F。"): never a title."""
    return bool(_OPENS_ON_LEAD.match(text)) and is_duty_sentence(text)


__all__ = ["is_duty_sentence", "opens_duty_sentence"]
