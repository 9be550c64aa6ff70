"""Several topics told in one prose sentence, each by its quoted subject → one item each.

Some plans list a form's topics in a sentence rather than as numbered items::

    全年安排界别协商2次,分别由市政协甲界牵头、就“推进X”于6月开展协商,由市政协乙界牵头、就“完善Y”于8月开展协商。

:func:`quoted_items` cuts such a sentence at the clause boundary before each quoted
subject (``就“…”`` ``围绕“…”``) and gives each item as a bulleted title with the lead
(``由…牵头``) and the time (``于6月``) its clauses name, as labelled rows the reader
already knows. A sentence with one subject, or whose subjects share a clause, is left alone.
"""

from __future__ import annotations

import re

from .vocabulary import DUTY_VERBS, LABELS, LEAD_ADVERBS, alternation

# "就“X”" "围绕“X”": a quoted subject introduced as what the consultation is about
_SUBJECT = re.compile(r"(?:就|围绕|关于|针对|聚焦)\s*[“\"《](?P<title>[^”\"》]{4,40})[”\"》]")
_CLAUSE_END = re.compile(r"[,,;;。]")
# "由市政协甲界牵头" "由县政协经济委负责": the lead, named by its verb
_LEAD = re.compile(
    rf"由\s*(?P<who>[^,,;;。、“”]{{2,30}}?)\s*(?:{alternation(LEAD_ADVERBS)})?(?:{alternation(DUTY_VERBS['lead'])})"
)
# "于6月" "在第三季度" "9月—10月": the item's time
_WHEN = re.compile(
    r"(?:于|在|拟于|计划于)?\s*(?P<when>(?:[上下]半年|第?[一二三四1-4]季度|"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[—\-~至、]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))*\s*月"
    r"(?:份|上旬|中旬|下旬|底前|底|初|前)?))"
)


def quoted_items(line: str) -> tuple[str, list[list[str]]] | None:
    """The text before the items, and each item's rows, for a sentence telling topics by quoted subjects; or None.

    ``"全年安排界别协商2次,分别由A牵头、就“X”于6月开展协商,由B牵头、就“Y”于8月开展协商。"`` →
    ``("全年安排界别协商2次,", [["●X", "承办部门:A", "时间安排:6月"], ["●Y", "承办部门:B", "时间安排:8月"]])``.
    Every item must name a lead or a time of its own; otherwise the sentence is not such a list.
    """
    subjects = list(_SUBJECT.finditer(line))
    if len(subjects) < 2:
        return None
    starts = []
    prev_end = 0
    for m in subjects:
        cuts = [c.end() for c in _CLAUSE_END.finditer(line, prev_end, m.start())]
        if not cuts and starts:
            return None  # two subjects in one clause: "就“X”和“Y”开展协商" is one topic's wording
        starts.append(cuts[-1] if cuts else 0)
        prev_end = m.end()
    # what comes before the first item ("全年安排界别协商2次,分别") counts them, and may name their form
    items: list[list[str]] = []
    ends = starts[1:] + [len(line)]
    lead_label, time_label = LABELS["lead"][0], LABELS["time"][0]
    for m, a, b in zip(subjects, starts, ends, strict=True):
        part = line[a:b]
        rest = part.replace(m.group(0), "、")
        lead = _LEAD.search(rest)
        when = _WHEN.search(rest)
        if not (lead or when):
            return None
        rows = ["●" + m.group("title").strip()]
        if lead:
            rows.append(f"{lead_label}:{lead.group('who').strip()}")
        if when:
            rows.append(f"{time_label}:{when.group('when').strip()}")
        items.append(rows)
    return line[: starts[0]], items


# "——专题协商会2次:" "双月协商座谈会3次:": a form and how many, introducing a list of its topics
_FORM_COUNT_HEAD = re.compile(
    r"^[—\-–─\s]*(?P<form>[\u4e00-\u9fff“”]{2,16}?)\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[次项场个]\s*[::]"
)
# “X”(5月,市政协甲委牵头): a quoted subject with its own bracket of time and lead
_BRACKETED_SUBJECT = re.compile(r"[“\"](?P<title>[^”\"]{4,40})[”\"]\s*[((](?P<inside>[^()()]{1,40})[))]")
_LIST_JOIN = re.compile(r"^\s*(?:、|,|,|和|及|以及)\s*$")


def bracketed_quoted_items(line: str) -> tuple[str, list[list[str]]] | None:
    """The form named before a list of quoted subjects each with its own bracket, and each item's rows; or None.

    ``"——专题协商会2次:围绕“X”(6月,市政协甲委牵头)、“Y”(第三季度)进行协商。"`` →
    ``("专题协商会", [["●X", "承办部门:市政协甲委", "时间安排:6月"], ["●Y", "时间安排:第三季度"]])``.
    The subjects follow one another joined only by 、 (one clause introduces them all: 围绕, 就, 分别就);
    every bracket must give a time or a lead, and nothing else. The form is the name before the count
    ("2次:"), or "" when the line names none there.
    """
    subjects = list(_BRACKETED_SUBJECT.finditer(line))
    if len(subjects) < 2:
        return None
    if any(not _LIST_JOIN.match(line[a.end() : b.start()]) for a, b in zip(subjects, subjects[1:], strict=False)):
        return None
    lead_label, time_label = LABELS["lead"][0], LABELS["time"][0]
    items: list[list[str]] = []
    for m in subjects:
        rows = ["●" + m.group("title").strip()]
        rest = m.group("inside")
        when = _WHEN.search(rest)
        lead = re.search(
            rf"(?P<who>[^,,;;。、]{{2,30}}?)\s*(?:{alternation(LEAD_ADVERBS)})?(?:{alternation(DUTY_VERBS['lead'])})",
            rest,
        )
        leftover = rest
        for found in (when, lead):
            if found:
                leftover = leftover.replace(found.group(0), "")
        if not (when or lead) or re.sub(r"[,,;;、\s]|适时|年内|全年", "", leftover):
            return None  # a bracket of something else ("(试行)"): no such list
        if lead:
            rows.append(f"{lead_label}:{lead.group('who').strip()}")
        if when:
            rows.append(f"{time_label}:{when.group('when').strip()}")
        elif re.search(r"适时", rest):
            rows.append(f"{time_label}:适时")
        items.append(rows)
    fm = _FORM_COUNT_HEAD.match(line)
    return (fm.group("form") if fm else ""), items
