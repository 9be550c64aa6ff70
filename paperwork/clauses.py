"""A form's topics written as one paragraph of clauses, rewritten as the reader's numbered items and fields.

County plans often give each form one paragraph: an inline heading, a count, then
the topics as clauses separated by ``；``::

    二、专题议政性常委会议。全年安排2项：5月，围绕“推进某园区扩能”召开常委会议，
    由县政协经济委员会承办，县发展改革局、县财政局参加，邀请县长出席；拟于第三季度围绕“…”…

Each clause holding a quoted title becomes ``k.标题`` and its ``时间:`` ``承办部门:``
``协商部门:`` ``出席领导:`` lines (see :func:`form_paragraphs`); the clause's parts are
found by their verbs (``由…承办``, ``…参加``, ``邀请…出席``) and its time wherever
it stands (before the title, ``拟于…围绕``, ``时间为…``, ``…各开展一次``).
"""

from __future__ import annotations

import re

from .common import split_outside_brackets
from .line_origins import made_from
from .page_parts import says_not_counted
from .published_text import _is_form_name, classify_form
from .time_phrases import parse_time
from .vocabulary import ATTENDING_VERBS, DUTY_VERBS, LABELS, alternation

# "二、专题议政性常委会议。全年安排2项：…": the heading ends at the first 。 or :
_FORM_PARAGRAPH = re.compile(
    r"^(?P<num>[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*(?P<head>[^。;；:：,，]{2,24}?)\s*[。:：]\s*(?P<body>.+)$"
)
# "全年安排2项：" "在乡镇安排2项：" "共3项:": the count before the clauses
_COUNT_PREFIX = re.compile(
    r"^[^;；。“]{0,12}?(?:安排|共|计)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[项个次场](?:议题|活动)?\s*[:：,，]?\s*"
)
# "“有事好商量”协商议事" "协商议事": a form named by a platform, shaped as the reader's form names are not
_PLATFORM_FORM = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:协商议事|议事|协商)$")
_TITLE = re.compile(r"“(?P<title>[^”]{2,60})”")
# the clause's duties by the verb that ends it (the vocabulary's duty verbs)
_LEAD = re.compile(rf"^由(?P<who>.+?)(?:{alternation(DUTY_VERBS['lead'])})$")
_ATTEND = re.compile(rf"^(?P<who>.+?)(?:{alternation(DUTY_VERBS['departments'])})$")
# "邀请县长出席" "县长参加会议": present, not a department (who is not checked to be a leader here)
_LEADERS = re.compile(rf"^(?:邀请|请)?(?P<who>.+?)(?:{alternation(ATTENDING_VERBS)}|参加会议)$")
# "时间为9月" "协商时间定于第三季度": a time label of the vocabulary, then its value
_TIME_IS = re.compile(rf"^(?:{alternation(LABELS['time'])})(?:为|定于|在|是)\s*(?P<when>.+)$")
_PLANNED = re.compile(r"^(?:拟于|拟在|计划于|计划在|定于|预计于|安排在|安排于|于)")
_ABOUT = re.compile(r"(?:围绕|就|关于|针对|聚焦)\s*$")


def _split_outside_brackets(text: str, seps: str) -> list[str]:
    """``text`` cut at ``seps`` except inside brackets or quotes (``副县长（分管农业、水利）`` stays whole)."""
    return split_outside_brackets(text, seps, "（(【〔“‘", "）)】〕”’")


def _is_time(text: str) -> bool:
    r = parse_time(text)
    return bool(r.months or r.window or r.deadline or r.session or r.undecided)


def clause_fields(clause: str) -> list[tuple[str, str]] | None:
    """One topic clause → ``[("title", …), ("time", …), ("lead", …), …]``, or None without a quoted title."""
    tm = _TITLE.search(clause)
    if tm is None:
        return None
    fields: list[tuple[str, str]] = [("title", tm.group("title").strip())]
    before, after = clause[: tm.start()], clause[tm.end() :]
    times: list[str] = []
    # the text before the title: "5月，围绕" "拟于第二季度围绕" "县委十五届九次全会后（9月），围绕"
    for seg in _split_outside_brackets(before, ",，"):
        seg = _PLANNED.sub("", _ABOUT.sub("", seg)).strip()
        if seg and _is_time(seg):
            times.append(seg)
    found: dict[str, str] = {}
    for seg in _split_outside_brackets(after, ",，"):
        seg = seg.rstrip("。.")
        if m := _LEAD.match(seg):
            found.setdefault("lead", m.group("who"))
        elif m := _LEADERS.match(seg):
            found.setdefault("leaders", m.group("who"))
        elif m := _ATTEND.match(seg):
            found.setdefault("departments", m.group("who"))
        elif m := _TIME_IS.match(seg):
            times.append(m.group("when"))
        elif _is_time(_PLANNED.sub("", seg)) and not times:
            times.append(_PLANNED.sub("", seg))
    if times:
        fields.append(("time", times[0]))
    fields += [(k, found[k]) for k in ("lead", "departments", "leaders") if k in found]
    return fields


def _topic_clauses(body: str) -> list[str]:
    """A form paragraph's body cut into one clause per topic.

    Clauses are cut at ``；``; a clause holding several sentences (``。``) is cut again
    before each sentence that has a quoted title, the others staying with the title above
    (``5月，围绕“甲”召开常委会议。由某委承办，某局参加。7月，围绕“乙”…``).
    """
    out: list[str] = []
    for clause in _split_outside_brackets(body, ";；"):
        groups: list[str] = []
        for sentence in _split_outside_brackets(clause, "。"):
            if not groups or _TITLE.search(sentence):
                groups.append(sentence)
            else:
                groups[-1] += "，" + sentence
        out += groups
    return out


def form_paragraphs(lines: list[str]) -> list[str]:
    """Lines where each paragraph ``一、形式。…；…`` of topic clauses is rewritten as a heading and items.

    A paragraph is rewritten only when its heading names a form and at least one of
    its ``；`` clauses has a quoted title; any other line is kept as it is.
    """
    out: list[str] = []
    other: list[int] = []  # "八、工作要求。…": a part that is no form, its heading inline too
    for line in lines:
        m = _FORM_PARAGRAPH.match(line.strip())
        head = m.group("head").strip() if m else ""
        bare = re.sub(r"[“”\"‘’「」]", "", head)  # "“有事好商量”协商议事": a named platform's form
        if not m or not (classify_form(head) or _is_form_name(bare) or _PLATFORM_FORM.match(bare)):
            # "八、工作要求。…" is cut below; "（二）工作要求。…" is left whole (a (二) heading of its own
            # would open a group for its prose)
            if m and not _TITLE.search(m.group("body")) and not m.group("num").startswith(("（", "(")):
                other.append(len(out))
            out.append(line)
            continue
        body = _COUNT_PREFIX.sub("", m.group("body").strip())
        clauses = _topic_clauses(body)
        # "…“有事好商量”协商议事活动由各委室适时组织，不列入本计划。": a clause saying its activity is not
        # in the plan names no topic
        items = [f for c in clauses if not says_not_counted(c) and (f := clause_fields(c))]
        if not items or any(len(_TITLE.findall(c)) > 1 for c in clauses):
            # "分别于4月、6月围绕“甲”“乙”召开…": several topics in one clause, the reader's distributive kind
            out.append(line)
            continue
        out.append(made_from(f"{m.group('num')}{head}", line))
        # a heading the reader would not take for a form ("“有事好商量”协商议事") is said on every topic
        said = [] if classify_form(head) or _is_form_name(bare) else [("form", head)]
        for k, fields in enumerate(items, start=1):
            for key, value in fields[:1] + said + fields[1:]:
                out.append(made_from(f"{k}.{value}" if key == "title" else f"{LABELS[key][0]}:{value}", line))
    if len(out) == len(lines):
        return out  # no form paragraph: not this kind of document
    for i in reversed(other):
        # its heading on a line of its own ends the form above, so what follows is not that form's
        m = _FORM_PARAGRAPH.match(out[i].strip())
        out[i : i + 1] = [
            made_from(f"{m.group('num')}{m.group('head').strip()}", out[i]),
            made_from(m.group("body").strip(), out[i]),
        ]
    return out


__all__ = ["clause_fields", "form_paragraphs"]
