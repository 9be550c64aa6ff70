"""A duty list keyed by item numbers, apart from the topic list → the fields of those topics.

Some plans list the topics first (``1．title（form，time）``) and give the
lead, departments and leaders later, in a section of their own, by item number::

    第1项、第6项：由市政协经济委员会承办，协商部门为A、B；出席领导：副市长某某。
    第2项：由…承办，协商部门为…。

One line may serve several items (``第1项、第6项``, ``第3—5项``) and the lines
need not be in order. :func:`assign_item_duties` reads such lines after the
scan, gives each numbered topic the fields its line names, and marks the lines
as used. The clause reader is the label vocabulary
(:func:`~paperwork.vocabulary.field_of_label`) plus the verbs that name a lead
(``由X承办``, ``X牵头``), departments (``A、B配合``) and leaders (``邀请X出席``).
"""

from __future__ import annotations

import re
from typing import Any

from . import texts as T
from .time_phrases import CN_MONTH_NUMBER, parse_time
from .vocabulary import ATTENDING_VERBS, DUTY_VERBS, alternation, field_of_label

_N = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_DASH = r"(?:——|[-–—―─~〜～至到])"
# "第1项、第6项：" "第3—5项:" "第二、四项：" — the items, then the duties
DUTY_LINE = re.compile(
    rf"^\s*(?P<items>第\s*{_N}\s*项?(?:\s*(?:[、,，和及与]|{_DASH})\s*(?:第\s*)?{_N}\s*项?)*)\s*[：:]\s*(?P<body>.+)$"
)
# a topic's own number at the head of its line: "1．" "（3）" "12、"
_TOPIC_NUMBER = re.compile(r"^\s*[（(]?\s*(\d{1,3})\s*[)）]?\s*[.．、]?")
# "由X承办" "由X负责组织实施" / "X牵头": a lead named by its verb
_LEAD_VERB = re.compile(rf"^(?:由|请)?(?P<who>.+?)(?:负责)?(?:{alternation(DUTY_VERBS['lead'])})$")
# "邀请X、Y出席" / "A、B配合": leaders and departments named by their verbs
_LEADERS_VERB = re.compile(rf"^(?:邀请|请)?(?P<who>.+?)(?:{alternation(ATTENDING_VERBS)})$")
_DEPARTMENTS_VERB = re.compile(
    rf"^(?:邀请|请)?(?P<who>.+?)(?:等(?:部门|单位))?(?:{alternation(DUTY_VERBS['departments'])})$"
)
# "协商部门为A、B" "出席领导：X" "承办单位是Y": a known label, then its value
_LABELLED = re.compile(r"^(?P<label>[^：:为是]{1,8}?)\s*(?:[：:]|为|是)\s*(?P<value>.+)$")
# clauses end at "；" "。" — and at "，" outside brackets ("各区（县）人民政府" stays whole)
_CLAUSE_END = re.compile(r"[；;。]|[，,](?![^（(]*[)）])")


def _number(tok: str) -> int:
    tok = tok.strip()
    if tok.isdigit():
        return int(tok)
    if tok in CN_MONTH_NUMBER:
        return CN_MONTH_NUMBER[tok]
    if len(tok) >= 2 and tok[-1] != "十" and "十" in tok:  # 十三, 二十一
        tens, _, ones = tok.partition("十")
        return (CN_MONTH_NUMBER.get(tens, 1) if tens else 1) * 10 + CN_MONTH_NUMBER.get(ones, 0)
    if tok.endswith("十"):  # 二十
        return CN_MONTH_NUMBER.get(tok[:-1], 1) * 10
    return 0


def duty_items(items: str) -> list[int]:
    """ "第1项、第6项" → [1, 6]; "第3—5项" → [3, 4, 5]."""
    out: list[int] = []
    for m in re.finditer(rf"({_N})(?:\s*项?\s*{_DASH}\s*(?:第\s*)?({_N}))?", items):
        lo = _number(m.group(1))
        hi = _number(m.group(2)) if m.group(2) else lo
        out += [n for n in range(lo, hi + 1) if n and n not in out]
    return out


# What may stand beside the time phrase of an unlabelled clause ("5月、10月各一次", "第三季度", "8月底前")
_TIME_WORDS = re.compile(
    r"[\s\d第一二三四五六七八九十月份季度上中下半年旬初底末前、,，至到—–\-~]|各[一1]次|适时|年内|视情|另行安排"
)
# "教科卫体委员会" "经济界、农业界": an unlabelled clause naming a 政协 committee or sectors, the lead
_COMMITTEE_CLAUSE = re.compile(r"^[\u4e00-\u9fff、]{2,30}(?:委员会|委|界|联络组)$")
# a government's commission ("市发改委", "县卫生健康委") is a department, never the lead
_NOT_COMMITTEE = re.compile(r"政府|党委|[省市县区]委(?!员)|局|厅|^[省市县区州旗](?!政协)")


def _unlabelled(clause: str, out: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An unlabelled clause of a duty line: its time ("4月，…") or its lead committee ("…，经济委员会")."""
    keys = {k for k, _ in out}
    tm = parse_time(clause)
    said = tm.months or tm.window or tm.deadline or tm.undecided
    if "time" not in keys and said and not _TIME_WORDS.sub("", clause):
        return ("time", clause)
    if "lead" not in keys and _COMMITTEE_CLAUSE.match(clause) and not _NOT_COMMITTEE.search(clause):
        return ("lead", clause)
    return None


def duty_fields(body: str) -> list[tuple[str, str]]:
    """The (field, value) pairs a duty line's text names, in order; clauses it cannot read are left out.

    Besides labelled clauses and clauses named by their verb, a clause that is only a time phrase
    is the time, and one that is only a 政协 committee's (or sectors') name is the lead:
    "第3项：4月，教科卫体委员会；协商部门：…".
    """
    out: list[tuple[str, str]] = []
    for clause in _CLAUSE_END.split(body):
        clause = clause.strip()
        if not clause:
            continue
        bare = _unlabelled(clause, out) if not _LABELLED.match(clause) else None
        if bare:
            out.append(bare)
            continue
        lm = _LABELLED.match(clause)
        key = field_of_label(lm.group("label")) if lm else None
        if lm and key and key not in ("title", "number", "content"):
            out.append((key, lm.group("value").strip()))
            continue
        for key, verb in (("lead", _LEAD_VERB), ("leaders", _LEADERS_VERB), ("departments", _DEPARTMENTS_VERB)):
            vm = verb.match(clause)
            if vm:
                out.append((key, vm.group("who").strip()))
                break
    return out


def assign_item_duties(parsed: Any) -> int:
    """Give the scanned topics the fields of a duty list keyed by item number; returns the lines used.

    ``parsed``: the scan (its ``all_lines``, ``sections``, ``loose``, ``roles``,
    ``closing``, ``preamble``). Topics are matched by the number printed at the
    head of their line when those numbers are unique, else by their position
    in the document. A duty line only fills fields the topic does not have.
    """
    topics = sorted([t for s in parsed.sections for t in s.topics] + list(parsed.loose), key=lambda t: t.line)
    duties = []
    for lineno, raw in enumerate(parsed.all_lines, start=1):
        m = DUTY_LINE.match(raw.strip())
        if m and not any(t.line == lineno for t in topics):
            fields = duty_fields(m.group("body"))
            if fields:
                duties.append((lineno, raw.strip(), duty_items(m.group("items")), fields))
    if not duties or not topics:
        return 0
    printed = [int(m.group(1)) if (m := _TOPIC_NUMBER.match(parsed.all_lines[t.line - 1])) else None for t in topics]
    if None not in printed and len(set(printed)) == len(printed):
        by_number = dict(zip(printed, topics, strict=True))
    else:
        by_number = dict(enumerate(topics, start=1))
    used = 0
    for lineno, raw, items, fields in duties:
        targets = [by_number[n] for n in items if n in by_number]
        if not targets:
            continue
        for topic in targets:
            had = set(topic.fields)
            for key, value in fields:
                if key not in had:
                    topic.set_field(key, value, lineno)
            topic.lines.append(lineno)
            topic.last = None
        parsed.roles[lineno] = T.ITEM_DUTY_ROLE
        for prose in (parsed.closing, parsed.preamble):
            if raw in prose:
                prose.remove(raw)
        used += 1
    return used


__all__ = ["DUTY_LINE", "assign_item_duties", "duty_fields", "duty_items"]
