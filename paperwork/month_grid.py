"""Month columns of a plan table: a header of two rows, and what the ticks in them say.

A table may head its month columns with a group spanning them ("上半年" over
1月–6月, "下半年" over 7月–12月, or "时间安排" over all twelve), the month names
in the row below, every other column merged down over both rows.
:func:`lift_month_subheader` moves the month names up into the header row, so
the table reads as one with "1月" … "12月" heads; :func:`ticked_time` writes the
time the ticks of one row give.
"""

from __future__ import annotations

import re

from .time_phrases import CN_MONTH_NUMBER, parse_time
from .vocabulary import norm

# "1月", "10 月", "１０月" (a narrow cell wraps "1\n0\n月": whitespace is dropped first)
_MONTH_HEAD = re.compile(r"(1[0-2]|0?[1-9])月份?")
_MONTHS_LIFTED = 3  # fewer month heads than this are no month grid


def _month_of(cell: str) -> int | None:
    """The month a column head names ("10月", "1\n0\n月", "十月"), or None."""
    text = re.sub(r"\s+", "", norm(cell))
    m = _MONTH_HEAD.fullmatch(text)
    if m:
        return int(m.group(1))
    cn = re.fullmatch(r"([一二三四五六七八九十]{1,3})月份?", text)
    return CN_MONTH_NUMBER.get(cn.group(1)) if cn else None


def lift_month_subheader(rows: list[list[str]], searched: int = 5) -> list[list[str]]:
    """``rows`` with a month row under a spanning group head merged into the header row.

    The header row is the one above a row holding at least three month names
    ("1月" … "12月") under cells repeated across them (a merged "上半年"); each of
    that row's other cells is empty or repeats the cell above (merged down).
    Rows of any other table come back unchanged (the same list).
    """
    for i in range(min(searched, len(rows) - 1)):
        head, sub = rows[i], rows[i + 1]
        months = {j: m for j, c in enumerate(sub) if j < len(head) and (m := _month_of(c)) is not None}
        if len(months) < _MONTHS_LIFTED or len(set(months.values())) != len(months):
            continue
        if any(_month_of(head[j]) is not None for j in months):
            continue  # the month names are already the header's
        others_merged = all(
            not c.strip() or (j < len(head) and norm(c) == norm(head[j])) for j, c in enumerate(sub) if j not in months
        )
        groups = [norm(head[j]) for j in months]
        spanning = all(groups.count(g) >= 2 for g in groups)  # each group head spans two months or more
        if not others_merged or not spanning:
            continue
        lifted = [f"{months[j]}月" if j in months else c for j, c in enumerate(head)]
        return [*rows[:i], lifted, *rows[i + 2 :]]
    return rows


def ticked_time(months: list[int]) -> str:
    """The time of a row's ticked month columns.

    Ticks in months that follow one another ("6月 √ | 7月 √") mark one activity
    over those months ("6、7月"); ticks apart ("4月 √ … 10月 √") each mark one
    meeting ("4月、10月各一次").
    """
    months = sorted(set(months))
    if len(months) > 1 and all(b == a + 1 for a, b in zip(months, months[1:], strict=False)):
        return "、".join(str(m) for m in months) + "月"
    return "、".join(f"{m}月" for m in months) + ("各一次" if len(months) > 1 else "")


def time_in_note(note: str) -> str | None:
    """A row without a tick takes its time from its 备注 when the note is only a time ("11月底前", "适时").

    ``None`` when the note says more than a time (a sentence, a name): it stays a note.
    """
    text = re.sub(r"\s+", "", note or "")
    if not text or len(text) > 12:
        return None
    reading = parse_time(text)
    said = reading.months or reading.deadline or reading.undecided or reading.vague or reading.window
    return text if said else None


# "拟安排在5月" "拟于9月底前完成" "拟安排在11月，邀请…": a note that opens with when the topic is held
_REMARK_TIME = re.compile(
    r"^(?:拟安排在|拟安排于|拟安排|拟定于|拟于|拟在|安排在|安排于|计划于|计划在|定于|预计于|预计在)"
    r"(?P<when>[^,，;；。]{1,16}?)(?:完成|召开|开展|进行|举行|举办)?(?:[,，;；。].*)?$"
)


def time_in_remark(note: str) -> str | None:
    """The time a 备注 gives when the table has no time column: "拟安排在第三季度" → "第三季度".

    The note must open with a verb of planning ("拟安排在", "拟于") and the words up to its first
    comma must be a time (:func:`time_in_note`), or the note is only a time; what follows the comma
    ("，邀请部分委员参加") is no time. ``None`` otherwise ("结合专题视察开展" says no month).
    """
    text = re.sub(r"\s+", "", note or "")
    m = _REMARK_TIME.match(text)
    return time_in_note(m.group("when")) if m else time_in_note(text)
