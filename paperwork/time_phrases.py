"""Time phrases of published plans → months, a window, a deadline or the plenary session.

What a planner writes in 时间安排 and what the plan format needs:

- ``7月``, ``7月份``, ``十月中旬``, ``5月30日`` → that month (preferred);
- ``7、8月份``, ``5月、9月`` → each month named (preferred);
- ``7-8月``, ``三至四月`` → a window and its months;
- ``第二、三季度``, ``二季度或三季度`` → the window spanning every quarter named;
  quarters apart (``一季度、三季度``, a topic held twice) → their months, not the ones between;
- ``第二季度末`` → the quarter's last month (6), as if written ``6月``; ``第四季度初`` → its first (10);
- ``上半年`` / ``下半年`` / ``年底`` → a window, flagged as vague; both halves → the year;
- ``6月底前``, ``5月30日前`` → a deadline: a latest month, not a preferred one;
- ``全会期间`` / ``两会期间`` → this 政协's own plenary session — but never the Party
  committee's ``市委全会`` / ``三中全会``; a month written in the field always wins;
- ``适时`` / ``另行安排`` / ``待定`` → no month, said out loud;
- ``由原定5月调整至11月`` ``原定第二季度,现改为第四季度`` (a revision notice) → the new time only
  (the old one is no longer the plan's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Chinese month numerals (十二 → 12); the Excel import reads months with the same table.
CN_MONTH_NUMBER = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_SEP = r"\s*(?:[、,,和及与或]|或者)\s*"
# The dashes plans write a range with ("7―8月" with a horizontal bar, "3——4月" with a doubled em dash,
# a box-drawing or small hyphen from a PDF); NFKC leaves most of them as they are
_DASH = r"(?:——|[-–—―─~〜～﹣])"
_RANGE = re.compile(rf"(?<!\d)({_NUM})\s*月?份?\s*(?:{_DASH}|至|到)\s*({_NUM})\s*月")
_LIST = re.compile(rf"(?<!\d)({_NUM}(?:{_SEP}{_NUM})+)\s*月")
_SINGLE = re.compile(rf"(?<!\d)({_NUM})\s*月")
_DEADLINE = re.compile(rf"(?<!\d)({_NUM})\s*月份?(?:底|末|中旬|上旬|下旬|\d{{1,2}}\s*[日号])?\s*(?:以)?前(?!期)")
_YEAR_END_DEADLINE = re.compile(r"年底(?:以)?前")  # "年内" is any month of the year: no deadline
_QUARTERS = re.compile(
    rf"(?:第)?[一二三四1-4](?:\s*(?:[、,,和及与或至到]|{_DASH}|或者)\s*(?:第)?[一二三四1-4])*\s*(?:个)?季度"
)
# "第二季度末" "二季度末": the quarter's last month, a month like "6月" ("…末前" is a deadline)
_QUARTER_END = re.compile(r"(?:第)?([一二三四1-4])\s*(?:个)?季度末")
# "第四季度初": the quarter's first month (10), as if written "10月"
_QUARTER_START = re.compile(r"(?:第)?([一二三四1-4])\s*(?:个)?季度初")
_HALF = {"上半年": (1, 6), "下半年": (7, 12)}
# "上、下半年各一次" "每半年一次" "每季度一次": a topic held in both halves (every quarter) is the year's
_BOTH_HALVES = re.compile(r"上\s*[、,,和及与]?\s*下半年|每半年|每个?季度")
_ROUGH = {"年中": (6, 7), "年底": (11, 12), "年末": (11, 12), "年初": (1, 3)}
# The Party committee's plenums and congresses: they time a topic but are not
# this 政协's plenary session ("6月(市委全会召开后)").
_PARTY_PLENUM = re.compile(
    r"(?:[省市县区州旗]委|党委)[^,,;;。]{0,8}?全会|[一二三四五六七八九十]中全会|全会精神|党代会|人代会|人大会议"
)
_SESSION = re.compile(r"全会|全体会议|[一二三四五六七八九十\d]次会议|两会|大会期间")
_UNDECIDED = re.compile(r"适时|另行安排|另行通知|另行确定|另行商定|另定|待定|视情|根据工作需要|择机|全年|年内")


# "由原定5月调整至11月" "原计划6月,现推迟到9月" "从4月改为7月": what follows is the time now planned
REVISED_TIME = re.compile(
    r"(?:由|从|原定|原计划)[^;;。]{1,18}?(?:现)?(?:调整|改|推迟|提前|延期|延后|顺延|变更)(?:至|为|到)\s*"
)


def revised_time(text: str) -> str:
    """The new time of a "由原定X调整至Y" phrase (Y, as written), or ``text`` unchanged."""
    m = REVISED_TIME.search(text or "")
    return text[m.end() :].strip() if m else text


@dataclass
class TimeReading:
    """What a time phrase says. Empty lists / None mean "not said"."""

    months: list[int] = field(default_factory=list)  # months named, in order (preferred months)
    window: tuple[int, int] | None = None  # earliest and latest month, inclusive
    session: bool = False  # during this 政协's plenary session
    vague: str | None = None  # what the text only narrowed it to (季度, 半年 …)
    deadline: int | None = None  # "6月底前": the latest month
    undecided: bool = False  # 适时 / 另行安排: no month on purpose


def _n(tok: str) -> int:
    tok = tok.strip()
    return int(tok) if tok.isdigit() else CN_MONTH_NUMBER.get(tok, 0)


def _q(tok: str) -> int:
    return int(tok) if tok.isdigit() else CN_MONTH_NUMBER[tok]


# "4月调研、6月协商" "3月启动调研,6月召开常委会议": the groundwork's months are not the consultation's
_GROUNDWORK = re.compile(r"调研|视察|考察|走访|调查|启动|筹备|征集|摸底")
_CONSULTATION = re.compile(r"协商|召开|会议|座谈|议政|举行|举办")
_CLAUSE_CUT = re.compile(
    rf"[,,;;。→⇒➔➜]|(?<=[\u4e00-\u9fff])(?<!月)(?<!份)、(?=\s*{_NUM}\s*月)|(?<=\))\s*(?={_NUM}\s*月)"
    rf"|(?<=[\u4e00-\u9fff])\s+(?={_NUM}\s*月)"
)


_GROUNDWORK_REMARK = re.compile(r"(?<=\S)\s*\(([^()]{2,40})\)")


def _only_groundwork(inner: str) -> bool:
    """Whether every timed clause of a bracket is groundwork ("3月前期调研,9月跟踪视察")."""
    clauses = [c for c in _CLAUSE_CUT.split(inner) if c.strip()]
    timed = [c for c in clauses if _SINGLE.search(c) or _QUARTERS.search(c)]
    return bool(timed) and all(_GROUNDWORK.search(c) and not _CONSULTATION.search(c) for c in timed)


def consultation_clauses(text: str) -> str:
    """The part of a time phrase that times the consultation itself, or the whole phrase.

    When one clause names a month of groundwork (调研, 视察 …) and another a
    month of the consultation (协商, 召开 …), only the latter counts
    (domain notes §5, 先调研后协商).
    """
    # "5月(3月前期调研,9月跟踪视察)": a bracket that only times the groundwork leaves the month before it
    text = _GROUNDWORK_REMARK.sub(lambda m: "" if _only_groundwork(m.group(1)) else m.group(0), text or "")
    clauses = [c for c in _CLAUSE_CUT.split(text) if _SINGLE.search(c) or _QUARTERS.search(c)]
    meeting = [c for c in clauses if _CONSULTATION.search(c) and not _GROUNDWORK.search(c)]
    groundwork = [c for c in clauses if _GROUNDWORK.search(c) and not _CONSULTATION.search(c)]
    return ",".join(meeting) if meeting and groundwork else text


def _quarters(s: str) -> list[int]:
    """The quarters a phrase names; "第一至三季度" spans the ones between."""
    out: list[int] = []
    for m in _QUARTERS.finditer(s):
        nums = [_q(c) for c in re.findall(r"[一二三四1-4]", m.group(0))]
        if re.search(rf"[至到]|{_DASH}", m.group(0)) and len(nums) == 2 and nums[0] <= nums[1]:
            nums = list(range(nums[0], nums[1] + 1))
        out += nums
    return out


def parse_time(text: str) -> TimeReading:
    """A 时间安排 phrase → :class:`TimeReading` (months 1–12; window inclusive)."""
    s = revised_time(unicodedata.normalize("NFKC", text or ""))
    out = TimeReading()
    s = _PARTY_PLENUM.sub(" ", s)
    s = consultation_clauses(s)
    s = _QUARTER_END.sub(lambda m: f"{3 * _q(m.group(1))}月", s)
    s = _QUARTER_START.sub(lambda m: f"{3 * _q(m.group(1)) - 2}月", s)

    dm = _DEADLINE.search(s)
    if dm:
        out.deadline = _n(dm.group(1))
        s = s[: dm.start()] + " " + s[dm.end() :]
    elif _YEAR_END_DEADLINE.search(s) and not _SINGLE.search(s):
        out.deadline = 12

    def add(n: int) -> None:
        if 1 <= n <= 12 and n not in out.months:
            out.months.append(n)

    for m in _RANGE.finditer(s):
        lo, hi = _n(m.group(1)), _n(m.group(2))
        if 1 <= lo <= hi <= 12:
            out.window = (lo, hi) if out.window is None else (min(out.window[0], lo), max(out.window[1], hi))
            for x in range(lo, hi + 1):
                add(x)
    s = _RANGE.sub(" ", s)
    for m in _LIST.finditer(s):
        for tok in re.split(_SEP, m.group(1)):
            add(_n(tok))
    s = _LIST.sub(" ", s)
    for m in _SINGLE.finditer(s):
        add(_n(m.group(1)))

    if out.deadline is not None:
        if not 1 <= out.deadline <= 12:
            out.deadline = None
        elif out.window is None:
            out.window = (1, out.deadline)
        out.months = [m for m in out.months if m <= (out.deadline or 12)]
        return out
    if out.months:
        return out

    quarters = _quarters(s)
    if quarters:
        out.window, out.vague = (3 * min(quarters) - 2, 3 * max(quarters)), "季度"
        if len(quarters) > 1 and max(quarters) - min(quarters) + 1 > len(set(quarters)):
            # "一季度、三季度" (a topic held twice, or either): the quarters named, not the one between
            out.months = [m for q in sorted(set(quarters)) for m in range(3 * q - 2, 3 * q + 1)]
        return out
    s = _BOTH_HALVES.sub("上半年下半年", s)
    halves = [window for word, window in _HALF.items() if word in s]
    if halves:  # "上半年、下半年各一次": both halves, the whole year
        out.window, out.vague = (halves[0][0], halves[-1][1]), "半年"
        return out
    if _SESSION.search(s):
        out.session = True
        return out
    for word, window in _ROUGH.items():
        if word in s:
            out.window, out.vague = window, "大致时间"
            return out
    out.undecided = bool(_UNDECIDED.search(s))
    return out


__all__ = ["TimeReading", "consultation_clauses", "parse_time"]
