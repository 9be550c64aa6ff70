"""A plan's own 补充调整 section: the changes a later meeting made to the plan printed above it.

A plan adopted in March may be printed again in June with a last part::

    七、补充调整
    经…主席会议研究,对本计划作如下补充调整:
    1.增加一项:“T”,列入对口协商会,时间:9月;承办:…;协商部门:…
    2.第5项时间调整为9月。
    3.第8项承办单位调整为区政协X委员会。
    4.第10项取消,相关内容并入第9项一并协商。
    调整后,全年协商活动仍为10项11次。

:func:`amendments` finds that part and reads each numbered change as an :class:`Amendment`;
the reader applies them, so the plan it gives is the plan as it stands after the change (what a
planner schedules): an added topic comes last, a moved one keeps its place with its new time, a
cancelled one is gone (its lines listed as skipped). "第N项" counts the plan's numbered items. A
change the reader cannot read is left unapplied and said in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocabulary import LABELS, alternation

# "七、补充调整" "三、调整事项" (a heading), or "对本计划作如下补充调整:" (its lead-in)
_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]\s*)?(?:补充(?:和|与)?调整|调整(?:事项|情况|说明)?|计划调整)\s*$"
    r"|作(?:如下|以下)(?:补充)?(?:和|与)?调整\s*[::]?$|(?:补充)?调整如下\s*[::]?$"
)
_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.、)]\s*(?P<rest>\S.*)$")
# "调整后,全年协商活动仍为10项11次。": the count after the change, no change of its own
_AFTER = re.compile(r"^调整后")

_ADD = re.compile(
    r"^(?:新)?增(?:加|补|列)?(?:一项|\d+项|议题|协商议题)?\s*[::]?\s*[“\"《](?P<title>[^”\"》]{2,60})[”\"》]\s*[,;]?\s*"
    r"(?:(?:列入|作为|纳入|采取|以)(?P<form>[^,;。]{2,20}?)(?:形式)?\s*[,;。]\s*)?(?P<rest>.*)$"
)
_NTH = r"第\s*(?P<n>\d{1,2})\s*项(?:议题)?(?:的)?"
# "第5项时间调整为9月" "第8项承办单位调整为X": the field by the vocabulary's labels
_CHANGED_TO = r"(?:调整|改|变更|推迟|提前)(?:为|至|到)"
_TIME = re.compile(rf"^{_NTH}(?:{alternation(LABELS['time'])}){_CHANGED_TO}(?P<value>[^,;。]+)")
_LEAD = re.compile(rf"^{_NTH}(?:{alternation(LABELS['lead'])}){_CHANGED_TO}(?P<value>[^,;。]+)")
_CANCEL = re.compile(rf"^(?:{_NTH}(?:予以)?(?:取消|撤销|不再(?:开展|安排|举行))|取消第\s*(?P<m>\d{{1,2}})\s*项)")


@dataclass
class Amendment:
    """One change: ``kind`` "add", "time", "lead", "cancel", or "unread" (a change not understood).

    ``item``: the plan's item number it changes ("第5项"); ``value``: the new time or lead;
    for "add", ``title``, ``form`` (may be "") and ``fields`` (the rest: "时间:9月;承办:…").
    ``lines``: the 1-based line numbers the change is written on.
    """

    kind: str
    lines: list[int]
    item: int | None = None
    value: str = ""
    title: str = ""
    form: str = ""
    fields: str = ""
    text: str = ""


@dataclass
class AmendmentPart:
    """The 补充调整 part: its lines (heading, lead-in, count after) and its changes."""

    lines: list[int] = field(default_factory=list)
    changes: list[Amendment] = field(default_factory=list)


def _read(text: str, lines: list[int]) -> Amendment:
    flat = re.sub(r"(?<=[\d\u4e00-\u9fff])\s+(?=[\d\u4e00-\u9fff])", "", text.strip())
    if m := _ADD.match(flat):
        return Amendment(
            "add",
            lines,
            title=m.group("title").strip(),
            form=(m.group("form") or "").strip(),
            fields=m.group("rest").strip().rstrip("。"),
            text=flat,
        )
    for kind, rx in (("time", _TIME), ("lead", _LEAD)):
        if m := rx.match(flat):
            return Amendment(kind, lines, item=int(m.group("n")), value=m.group("value").strip(), text=flat)
    if m := _CANCEL.match(flat):
        return Amendment("cancel", lines, item=int(m.group("n") or m.group("m")), text=flat)
    return Amendment("unread", lines, text=flat)


def amendments(lines: list[tuple[int, str]]) -> AmendmentPart | None:
    """The plan's 补充调整 part read from its (line number, cleaned line) rows, or None when it has none.

    The part opens at a heading or lead-in naming the 调整 and runs over its numbered changes (a
    change may wrap onto lines that do not start with a number) up to a line that is neither;
    "调整后,…" is the part's too. Fewer than one readable change: None.
    """
    start = next((k for k, (_, line) in enumerate(lines) if _OPENER.search(line.strip())), None)
    if start is None:
        return None
    part = AmendmentPart(lines=[lines[start][0]])
    k = start + 1
    current: tuple[list[int], list[str]] | None = None
    items: list[tuple[list[int], list[str]]] = []
    while k < len(lines):
        no, line = lines[k]
        text = line.strip()
        k += 1
        if not text:
            continue
        m = _ITEM.match(text)
        if m:
            current = ([no], [m.group("rest")])
            items.append(current)
        elif current is not None and not _AFTER.match(text) and not current[1][-1].rstrip().endswith("。"):
            current[0].append(no)
            current[1].append(text)
        elif _AFTER.match(text) or (current is None and not items and k - start <= 3):
            part.lines.append(no)  # the lead-in under the heading, or the count after the change
        else:
            break
    part.changes = [_read("".join(texts), nos) for nos, texts in items]
    if not any(c.kind != "unread" for c in part.changes):
        return None
    return part


__all__ = ["Amendment", "AmendmentPart", "amendments"]
