"""Parts of a page that are not this year's plan: another year's plan, and the notes under a plan.

``set_aside_lines(raws, cleaned)`` is run once over a document's lines before
the reader reads them; the lines it returns are listed as skipped (with the
reason's key in :data:`paperwork.texts.PAGE_PART_SKIP`), and never read as
topics or as the continuation of a field.

- **Another year's plan on the same page**: a portal that keeps "2026年度协商计划"
  and "2025年度协商计划(已执行)" one under the other (either first). The newest
  plan title names the plan's year; from a plan title of another year up to the
  next title of the plan's year, the lines are that other plan's.
- **Notes**: a ``注:`` line (alone, or with its notes on it) and the footnotes
  under it that start with a circled number (``①…``) or are numbered sentences; footnote markers after a
  title are dropped by :func:`drop_footnote_marks`.
- **The rest of a 工作要点**: a 政协's 年度工作要点 holds its consultation plan in one part
  ("二、聚焦协商主责主业…"), among parts on theory, supervision, proposals and its own
  building. Only the parts whose heading names 协商 are read; the others are set aside. Inside
  such a part, when one item lists the consultations as sub-items ("5.精心组织年度协商…具体如下:"
  then "(1)…" "(2)…"), its sibling items ("4.开好全体会议" "6.深化基层协商…") are work of another
  kind and set aside too; so are, in any case, the plenary session's item ("开好…全体会议") and an
  item that says it is not in the plan ("…不列入本计划")
  (:func:`work_points_lines`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# "政协某市委员会2025年度协商计划(已执行)" "2026年度协商工作计划": a plan's own title line, no sentence
_PLAN_TITLE = re.compile(
    r"^[^,,。;;:]{0,30}?(?P<year>20\d\d)\s*年度?[^,,。;;:]{0,16}?"
    r"(?:协商(?:工作)?计划|协商议题(?:安排|计划)?|协商工作安排)\s*(?:\([^()]{1,10}\))?$"
)
_NOTE_HEAD = re.compile(r"^(?:注|附注)\s*:")  # not 备注: a topic's own field (notes)
# a note under "注:": "①…", or "1.…" written as a sentence (a topic's title has no comma or full stop)
_NOTE_ITEM = re.compile(r"^\s*(?:[\u2460-\u2473\u2776-\u277f]|\d{1,2}\s*[.．、](?=.*[，。；,;]))")
# "推进X①" "推进X¹": a footnote's marker after a title (before the line's end or a bracket)
_FOOTNOTE_MARK = re.compile(
    r"(?<=[\u4e00-\u9fff”》)）])[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]+(?=\s*(?:$|[(（【]))"
)


# "政协某区委员会2026年工作要点" "…2026年工作安排": a year's work points, not a plan of its own
# ("2026年协商工作要点" is one: its parts are the plan's)
# ("二、工作安排" is a part of a plan, not its title: the title names the 政协 or the year)
_WORK_POINTS_TITLE = re.compile(
    r"^(?![一二三四五六七八九十\d]{1,3}\s*[、.])[^,,。;;:]{0,30}?(?:政协|20\d\d\s*年)[^,,。;;:]{0,20}?"
    r"(?<!协商)工作(?:要点|安排)\s*(?:\([^()]{1,20}\))?$"
)
# "一、坚持党的全面领导,…": a part of the work points
_PART_HEAD = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.]\s*(?P<head>\S.*)$")
# "4.开好…" "12、加强…": an item of a part; "(1)…" "①…": a sub-item of an item
_ITEM = re.compile(r"^\d{1,2}\s*[.、]\s*\S")
# (not "(1)时间:5月": a topic's fields numbered under it)
_SUB_ITEM = re.compile(r"^(?:\(\s*\d{1,2}\s*\)|[\u2460-\u2473])\s*(?![\u4e00-\u9fff]{2,6}\s*:)\S")
_CONSULTATION_PART = re.compile(r"协商")
# "4.开好区政协十届五次会议" "3.筹备召开全体会议": the plenary session, a work item of the year, no topic
_PLENARY_ITEM = re.compile(
    r"^\d{1,2}\s*[.、]\s*(?:开好|筹备|组织开好|筹备召开|召开)[^。;]{0,24}?(?:全体会议|届[^。;]{1,4}次会议)"
)

# "…议题由社区确定,不列入本计划": an item that says it is not part of the plan
_NOT_IN_PLAN = re.compile(r"不(?:列入|纳入|计入)(?:本|年度)?(?:协商)?(?:计划|议题)")


def work_points_lines(cleaned: list[str], is_form: Callable[[str], bool]) -> set[int]:
    """0-based indexes of the lines of a 工作要点 that are not its consultation plan (see the module).

    ``cleaned``: the document's lines as the reader cleans them (NFKC, no indent);
    ``is_form``: whether a heading is a consultation form's name. A document whose title is no
    工作要点, whose parts do not name 协商 in some headings and not in others, or whose other
    parts are headed by forms ("一、全体会议": a plan's own parts) gives nothing.
    """
    if not any(_WORK_POINTS_TITLE.match(line) for line in cleaned[:12]):
        return set()
    parts = [(k, m.group("head")) for k, line in enumerate(cleaned) if (m := _PART_HEAD.match(line))]
    ours = [bool(_CONSULTATION_PART.search(head)) for _, head in parts]
    if all(ours) or not any(ours) or any(is_form(head) for (_, head), own in zip(parts, ours, strict=True) if not own):
        return set()  # "一、全体会议" "二、专题协商会": the parts are the plan's own forms
    out: set[int] = set()
    ends = [k for k, _ in parts[1:]] + [len(cleaned)]
    for (start, _), end, own in zip(parts, ends, ours, strict=True):
        if not own:
            out.update(range(start, end))
            continue
        # the part's items, each with the lines under it up to the next item
        items = [k for k in range(start + 1, end) if _ITEM.match(cleaned[k])]
        spans = list(zip(items, items[1:] + [end], strict=True))
        listing = [(a, b) for a, b in spans if any(_SUB_ITEM.match(cleaned[k]) for k in range(a + 1, b))]
        for a, b in spans:
            said_not_ours = any(_NOT_IN_PLAN.search(cleaned[k]) for k in range(a, b))
            if (listing and (a, b) not in listing) or _PLENARY_ITEM.match(cleaned[a]) or said_not_ours:
                out.update(range(a, b))
    return out


def drop_footnote_marks(line: str) -> str:
    """``line`` without the footnote markers after its words ("建设①" → "建设")."""
    return _FOOTNOTE_MARK.sub("", line)


def set_aside_lines(
    raws: list[str], cleaned: list[str], is_form: Callable[[str], bool] = lambda _: False
) -> dict[int, str]:
    """{line number (1-based): reason key} of the lines that are not this year's plan (see the module).

    ``is_form``: whether a heading names a consultation form (the reader's own test).
    """
    out: dict[int, str] = {k + 1: "work_points" for k in work_points_lines(cleaned, is_form)}
    # the newest plan is the page's own: an archive page may keep last year's above or below it
    years = [m.group("year") for m in map(_PLAN_TITLE.match, cleaned) if m]
    own_year = max(years, default=None)
    other = False
    notes = False
    for lineno, (raw, line) in enumerate(zip(raws, cleaned, strict=True), start=1):
        tm = _PLAN_TITLE.match(line)
        if tm:
            other = tm.group("year") != own_year
            notes = False
        if other:
            out[lineno] = "other_year"
            continue
        if _NOTE_HEAD.match(line):
            out[lineno] = "note"
            notes = True
            continue
        if notes and _NOTE_ITEM.match(raw):
            out[lineno] = "note"
            continue
        notes = notes and not line.strip()
    return out


__all__ = ["drop_footnote_marks", "set_aside_lines", "work_points_lines"]
