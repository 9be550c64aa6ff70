"""The grammar of a topic's duty sentence: who leads, helps, takes part, attends, and when and as what it meets.

"由区政协X委牵头，区政协Y委配合，邀请A、B等部门参加，拟于5月召开专题协商会，请L出席。"
Its clauses may come in any order and all but the lead may be missing. The
layout rewrite (:func:`paperwork.relayout.title_sentence_paragraphs`) and the
plan reader (:mod:`paperwork.published_text`) ask whether a piece of text is
such a sentence: then it holds a topic's fields, and is never its title.

One grammar, read two ways, from the same words (the verbs are the vocabulary's,
:data:`paperwork.vocabulary.DUTY_VERBS`):

- :func:`is_duty_sentence` *searches*: a lead clause and one more duty anywhere
  in the text, whatever else it says. A searched verb may stand inside an
  ordinary word, so the search leaves out the verbs that often do.
- :func:`duty_sentence_kinds` *matches clause by clause*: every clause (cut at
  "，" "；" "。") must be a duty clause, of at least two kinds; no lead is needed
  ("拟于5月召开，A、B参加"). A clause is matched whole, so it may take verbs the
  search leaves out ("由办公室组织").
"""

from __future__ import annotations

import re

from .common import split_outside_brackets
from .vocabulary import ATTENDING_VERBS, DUTY_VERBS, ROLE_LEAD_VERB, alternation, verbs

# -- the words both readings are made of --------------------------------------------------------

# when a meeting is planned for ("拟于5月召开"), and the verbs of its being held
_PLANNED_FOR = tuple("拟于 拟在 计划于 计划在 定于 预计于 安排在 安排于".split())
_HELD = tuple("召开 举行 开展 进行 举办".split())
# as what it meets: "以座谈会形式" "以实地调研方式"
_AS_FORM = tuple("形式 方式".split())
# who is asked to take part or attend: "邀请A、B参加" "请L出席"
_INVITED = tuple("邀请 请".split())
# the vocabulary's verbs of taking part or helping: "协同" is an ordinary verb ("协同推进") and who
# 列席 may be a leader or a unit (told apart by name elsewhere), so neither says a department here
_TAKING_PART = alternation(verbs("departments", without=("协同", "列席")))

NAMES_A_TIME = re.compile(r"月|季度|半年|适时|年内|年底|年中|另行")
"""A piece of text that says when: a month, a quarter, a half-year, or "适时" / "另行" on purpose."""

# -- searched: a lead and one more duty, anywhere -----------------------------------------------

# who leads: "由X牵头" "由X承办" "由X负责" or a bare "X牵头" ("组织" and "主办" are left out: "由办公室
# 组织委员视察" is no lead clause of a topic, and 主办 here names the host of a meeting, not its lead)
_LEAD_AFTER_YOU = alternation(v for v in DUTY_VERBS["lead"] if v not in ("组织", "主办"))
_LEAD = re.compile(rf"由[^，,。；;]{{2,40}}?(?:{_LEAD_AFTER_YOU})|{ROLE_LEAD_VERB}")
# who helps or takes part ("X配合" "邀请A、B等部门参加"), when and as what it meets ("拟于T召开F"
# "以F形式"), who attends ("请L出席")
_MORE = (
    re.compile(_TAKING_PART),
    re.compile(
        rf"(?:{alternation(_PLANNED_FOR)})[^，,。；;]{{1,16}}?(?:{alternation(_HELD)})"
        rf"|以[^，,。；;]{{2,16}}?(?:{alternation(_AS_FORM)})"
    ),
    re.compile(rf"(?:{alternation(_INVITED)})[^，,。；;]{{2,}}?(?:{alternation(ATTENDING_VERBS)})"),
)
# a sentence opening on its lead: "由X牵头，…"
_OPENS_ON_LEAD = re.compile(rf"^\s*由[^，,。；;]{{2,40}}?(?:{_LEAD_AFTER_YOU})[^，,。；;]{{0,6}}[，,；;]")

# -- matched clause by clause -------------------------------------------------------------------

# who is present: "X出席" "X到会"; a clause may lack the invitation, so "莅临" and "列席" (which a
# department does too: "县直有关部门列席") are left to the search, where "邀请" comes first
_PRESENT = alternation(v for v in ATTENDING_VERBS if v not in ("莅临", "列席"))
# the clauses a duty sentence is made of, each named by the verb or preposition that frames it:
# "拟于5月召开" (time), "由X承办" (lead), "A、B参加" (departments), "X出席" (leaders), "以F形式进行" (form);
# a clause is matched whole, so a bare "于"/"在" may open a time and every lead verb end a lead
_DUTY_CLAUSES = {
    "time": re.compile(
        rf"^(?:{alternation(_PLANNED_FOR)}|于|在)?\s*(?P<when>[^召举开进组]{{1,14}}?)\s*"
        rf"(?:{alternation((*_HELD, '组织开展'))})$|^(?:协商)?时间(?:为|定于|安排在)\s*(?P<said>.+)$"
    ),
    "lead": re.compile(rf"^(?:由|请)\s*.{{2,40}}?(?:{alternation(DUTY_VERBS['lead'])})$|^.{{2,40}}?{ROLE_LEAD_VERB}$"),
    "departments": re.compile(rf"^(?:{alternation(_INVITED)})?.{{2,160}}?(?:等(?:部门|单位))?(?:{_TAKING_PART})$"),
    "leaders": re.compile(rf"^(?:并)?(?:{alternation(_INVITED)})?.{{2,120}}?(?:{_PRESENT})(?:会议|指导)?$"),
    "form": re.compile(rf"^(?:拟|将)?(?:采取|采用)?以.{{2,20}}?(?:{alternation(_AS_FORM)})(?:{alternation(_HELD)})?$"),
}
DUTY_SENTENCE_MIN_KINDS = 2
"""Kinds of clause a sentence of duty clauses only must name (one alone is more likely prose)."""


def is_duty_sentence(text: str) -> bool:
    """Whether ``text`` names a topic's lead and at least one more of its duties (any order)."""
    return bool(_LEAD.search(text)) and any(c.search(text) for c in _MORE)


def opens_duty_sentence(text: str) -> bool:
    """Whether ``text`` is a duty sentence that opens on its lead ("由X牵头，拟于10月召开F。"): never a title."""
    return bool(_OPENS_ON_LEAD.match(text)) and is_duty_sentence(text)


def _names_it(kind: str, m: re.Match) -> bool:
    """Whether a clause shaped like ``kind`` is one: a time clause must name a time ("协商会召开" names none)."""
    return kind != "time" or bool(NAMES_A_TIME.search(m["when"] or m["said"] or ""))


def duty_sentence_kinds(text: str) -> set[str] | None:
    """The kinds of field a duty sentence names ("time", "lead", "departments", "leaders", "form"), or None.

    ``"拟于5月召开，由市政协经济委员会承办，市发改委、市商务局参加，副市长X出席。"`` →
    ``{"time", "lead", "departments", "leaders"}``. A sentence is one only when every clause
    (cut at "，" "；" "。" outside brackets) is such a clause, in any order, and at least
    :data:`DUTY_SENTENCE_MIN_KINDS` kinds are named; prose with any other clause
    ("协商成果于会后报送…") gives None.
    """
    clauses = split_outside_brackets(text, ",，;；。", "（(【〔“", "）)】〕”")
    kinds: set[str] = set()
    for clause in clauses:
        kind = next((k for k, rx in _DUTY_CLAUSES.items() if (m := rx.match(clause)) and _names_it(k, m)), None)
        if kind is None:
            return None
        kinds.add(kind)
    return kinds if len(kinds) >= DUTY_SENTENCE_MIN_KINDS else None


__all__ = ["DUTY_SENTENCE_MIN_KINDS", "NAMES_A_TIME", "duty_sentence_kinds", "is_duty_sentence", "opens_duty_sentence"]
