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
- **A part the plan says it does not count**: a caption, heading or lead-in line that says
  what follows is not among the plan's topics ("附:2026年度民主监督计划(单独组织实施,
  不计入上述协商议题)", "三、视察计划(另行印发)", "以下事项单独组织实施,不列入年度协商计划:").
  From it to the next part of the document (a heading of its level or above, another 附/附件,
  a plan title, a second table, the date under the plan), the lines are that part's.
  A sentence that only says something else is not listed ("全体会议…不列入下表。") starts nothing.
- **The topics a revision notice cancels**: a 调整通知 lists the topics it adds, the ones it moves and,
  under a heading of their own ("三、取消的议题(2项)", "(三)取消以下议题:"), the ones it cancels. The
  cancelled ones are no longer in the plan: from that heading to the next part, the lines are set aside
  (:func:`is_revision_notice` tells the reader the document only lists changes).
- **The rest of a 工作要点**: a 政协's 年度工作要点 holds its consultation plan in one part
  ("二、聚焦协商主责主业…"), among parts on theory, supervision, proposals and its own
  building. Only the parts whose heading names 协商 are read; the others are set aside. Inside
  such a part, when one item lists the consultations as sub-items ("5.精心组织年度协商…具体如下:"
  then "(1)…" "(2)…"), its sibling items ("4.开好全体会议" "6.深化基层协商…") are work of another
  kind and set aside too; so are, in any case, the plenary session's item ("开好…全体会议") and an
  item that says it is not in the plan ("…不列入本计划")
  (:func:`work_points_lines`). A 主席会议纪要 is read alike: of its numbered items ("一、会议传达学习…"
  "二、会议审议通过…确定以下协商议题:" "三、会议研究确定了重点提案…" "四、会议决定组织委员视察…"), only
  the one naming 协商 gives topics.
- **The rest of a 常委会工作报告**: its review of the year past ("一、2025年工作回顾") and, in the
  coming year's part, every sub-item but the one naming 协商 ("(二)精心组织协商议政。…")
  (:func:`report_lines`).
- **A notice's other attachment**: a 通知 printing the plan as 附件1 and a 重点提案督办安排 or
  重点调研课题 as 附件2: an attachment whose title names no 协商, when another's does
  (:func:`other_attachment_lines`).
- **An e-mail around the plan**: a plan forwarded by mail comes with the mail's header lines
  ("发件人:" "发送时间:" "收件人:" "抄送:" "主题:", or From/Sent/To/Cc/Subject), the line that opens the
  forwarded message ("------ 原始邮件 ------", "-----Original Message-----") and the sender's signature
  (from a "--" line to the next blank line). They are the mail's, not the plan's (:func:`mail_lines`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .vocabulary import ITEM_NUMBER, TABLE_MARK

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


# "不计入上述协商议题" "不列入年度协商计划" "不属于本计划": what follows is not among the plan's topics
_NOT_COUNTED = re.compile(r"不(?:再)?(?:计入|列入|纳入|属于|占用?)[^,;。:()]{0,8}?(?:协商)?(?:议题|计划)|不在本计划")
# "单独组织实施" "另行印发": the same, unless it is said of a topic's own work ("方案另行印发")
# or of who carries it out ("由各专委会单独组织实施": the plan's topics all the same)
_APART = re.compile(r"单独(?:组织)?(?:实施|印发)|另行(?:印发|发文)|另文(?:印发|下发)")
_APART_OF_WORK = re.compile(r"方案|议程|具体安排|由[^,;。()]{1,16}单独")
# The saying is about another thing the line names: the plenary, or a part left out of it ("不含…")
_ABOUT_ANOTHER = re.compile(r"全体会议|全会|大会|不含|除[^,;。()]{1,20}外|以外")
# The lines that may open such a part: "附:" "附表2" "附件3", a numbered heading, "以下/下列…:"
_PART_OPENER = re.compile(
    r"^(?:附\s*(?:表|件)?\s*\d{0,2}\s*[:.、]?|(?P<top>[一二三四五六七八九十]{1,3}\s*[、.])"
    r"|(?P<sub>\(\s*[一二三四五六七八九十]{1,3}\s*\))|以下|下列|下表|本表)"
)
_TOP_HEAD = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.]")
_SUB_HEAD = re.compile(r"^\(\s*[一二三四五六七八九十]{1,3}\s*\)")
_ATTACHED = re.compile(r"^附\s*(?:表|件)?\s*\d{0,2}\s*[:.、]|^附\s*(?:表|件)\s*\d{1,2}")
_DATE = re.compile(r"^[(]?\s*(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s*年[^,;。:]{1,8}日\s*[)]?$")
_SIGNED = re.compile(r"^[^,;。:\s]{2,24}(?:办公室|办公厅|委员会|政协)$")


# "三、取消的议题(2项)" "(三)取消以下议题:" "3.不再开展的协商议题": a revision notice's cancelled topics follow
_CANCELLED_HEAD = re.compile(
    r"^(?:(?P<top>[一二三四五六七八九十]{1,3}\s*[、.])|(?P<sub>\(\s*[一二三四五六七八九十]{1,3}\s*\))|\d{1,2}\s*[.、])?\s*"
    r"(?:(?:取消|撤销|删除|不再(?:开展|安排|举行|进行))(?:的|以下)?(?:协商)?(?:议题|项目|事项)"
    r"|以下(?:协商)?议题(?:予以)?(?:取消|撤销|不再(?:开展|安排|举行|进行)))"
    r"\s*(?:\(\s*\d{1,2}\s*[项个]\s*\))?\s*:?$"
)
# "关于调整《…2026年度协商计划》部分议题的通知" "2026年度协商计划调整通知": only the changes, not the plan
_REVISION_TITLE = re.compile(
    r"调整[^,,。;;]{0,40}?(?:协商(?:工作)?计划|协商议题)[^,,。;;]{0,20}?(?:通知|说明)$"
    r"|(?:协商(?:工作)?计划|协商议题)[^,,。;;]{0,30}?(?:调整|变更)[^,,。;;]{0,10}?(?:通知|说明)$"
)


# "二、调整时间的议题(5项)" "(二)时间调整的议题": a revision notice's moved topics follow
_MOVED_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十]{1,3}\s*\))\s*"
    r"(?:时间调整|调整(?:时间)?|推迟|提前)(?:的)?(?:协商)?议题\s*(?:\(\s*\d{1,2}\s*[项个]\s*\))?\s*:?$"
)


def is_revision_notice(cleaned: list[str]) -> bool:
    """Whether the document is a notice revising a plan: its title among the first lines says so,
    or its parts are headed by the moved and the cancelled topics.

    ``cleaned``: the document's lines as the reader cleans them. Such a notice lists only the
    topics it adds or moves: the reader reads them, and the planner is told it is no whole plan.
    """
    if any(_REVISION_TITLE.search(line) for line in cleaned[:12]):
        return True
    return any(_MOVED_HEAD.match(line.strip()) for line in cleaned) and any(
        _CANCELLED_HEAD.match(line.strip()) for line in cleaned
    )


def _cancelled_opener(line: str) -> str | None:
    """The kind of part ("top", "sub", "other") a heading of cancelled topics opens, else None."""
    m = _CANCELLED_HEAD.match(line.strip())
    if not m:
        return None
    return "top" if m.group("top") else "sub" if m.group("sub") else "other"


def says_not_counted(text: str) -> bool:
    """Whether ``text`` says what it is about is not among the plan's topics ("不列入本计划", "另行印发")."""
    return bool(_NOT_COUNTED.search(text) or (_APART.search(text) and not _APART_OF_WORK.search(text)))


def _not_counted_opener(line: str) -> str | None:
    """The kind of part ``line`` opens when it says its part is not counted ("top", "sub", "other"), else None.

    A caption or heading ("附:…(单独组织实施…)", "三、…(另行印发)"), a lead-in ("以下…不计入…:"),
    or a title with the saying in its closing bracket. A field ("备注:另行印发"), a numbered item
    and a sentence about something else ("…全体会议…不列入下表。", "一、专题协商(方案另行印发)") open nothing.
    """
    if len(line) > 80 or _ABOUT_ANOTHER.search(line) or not says_not_counted(line):
        return None
    m = _PART_OPENER.match(line)
    if m:
        return "top" if m.group("top") else "sub" if m.group("sub") else "other"
    bracket = re.search(r"\(([^()]*)\)$", line)
    if bracket and says_not_counted(bracket.group(1)) and "。" not in line[: bracket.start()]:
        return "other"  # "2026年度民主监督计划(单独组织实施)": a caption with the saying in its bracket
    return None


def _ends_part(kind: str, line: str, next_line: str, tables: int) -> bool:
    """Whether ``line`` is the first line after a not-counted part opened by a ``kind`` line."""
    if _PLAN_TITLE.match(line) or _DATE.match(line) or (_SIGNED.match(line) and _DATE.match(next_line)):
        return True
    if tables > 1 or _ATTACHED.match(line):
        return True  # a second table, another attachment: something else begins
    if _TOP_HEAD.match(line):
        return True
    return kind == "sub" and bool(_SUB_HEAD.match(line))


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
_ITEM = re.compile(r"^" + ITEM_NUMBER + r"\s*[.、]\s*\S")
# (not "(1)时间:5月": a topic's fields numbered under it)
_SUB_ITEM = re.compile(r"^(?:\(\s*\d{1,2}\s*\)|[\u2460-\u2473])\s*(?![\u4e00-\u9fff]{2,6}\s*:)\S")
_CONSULTATION_PART = re.compile(r"协商")
# "4.开好区政协十届五次会议" "3.筹备召开全体会议": the plenary session, a work item of the year, no topic
_PLENARY_ITEM = re.compile(
    r"^\d{1,2}\s*[.、]\s*(?:开好|筹备|组织开好|筹备召开|召开)[^。;]{0,24}?(?:全体会议|届[^。;]{1,4}次会议)"
)

# "…议题由社区确定,不列入本计划": an item that says it is not part of the plan
_NOT_IN_PLAN = re.compile(r"不(?:列入|纳入|计入)(?:本|年度)?(?:协商)?(?:计划|议题)")


_ITEM_NUMBER = re.compile(r"^(\d{1,2})\s*[.、]")


def _outer_items(cleaned: list[str], start: int, end: int) -> list[int]:
    """Indexes of a part's own items ("3." "4." "5."), not of the topics an item lists under its
    sub-headings ("4.…如下:" "(一)专题协商会" "1.…" "2.…" "(二)…" "3.…" then "5.拓展…").

    Under a sub-heading the numbers are the listed topics'; the part's next item is the one that
    follows its own number and does not continue the topics' ("5." after topic "9."), or continues
    both but without the fields the topics carry.
    """
    out: list[int] = []
    nested = last_fielded = False
    last_inner: int | None = None
    for k in range(start, end):
        line = cleaned[k]
        if _SUB_HEAD.match(line):
            if not out:
                return []  # "(一)专题协商会" right under the part's heading: its items are all topics
            nested = True
            continue
        m = _ITEM_NUMBER.match(line)
        if not m or not _ITEM.match(line):
            continue
        number = int(m.group(1))
        own = _ITEM_NUMBER.match(cleaned[out[-1]]) if out else None
        both = number == (last_inner or 0) + 1
        if both and last_fielded and ":" not in line:
            both = False  # topics "3.X。时间:…;承办:…", then "4.深化Y。指导…": the part's own item again
        if nested and own is not None and (number != int(own.group(1)) + 1 or both):
            last_inner, last_fielded = number, ":" in line
            continue
        out.append(k)
        nested, last_inner, last_fielded = False, None, False
    return out


# "主席会议纪要" "政协某县委员会主席会议纪要": minutes, whose numbered items are the meeting's decisions
_MINUTES_TITLE = re.compile(r"^[^,,。;;:]{0,30}?会议纪要$")


def work_points_lines(
    cleaned: list[str], is_form: Callable[[str], bool], *, title: re.Pattern[str] = _WORK_POINTS_TITLE
) -> set[int]:
    """0-based indexes of the lines of a 工作要点 that are not its consultation plan (see the module).

    ``cleaned``: the document's lines as the reader cleans them (NFKC, no indent);
    ``is_form``: whether a heading is a consultation form's name; ``title``: the document's kind by
    its title (a 主席会议纪要's items — "二、会议审议通过…确定以下协商议题:" among "三、会议研究确定了重点
    提案…" "四、会议决定组织集体视察…" — are read alike: ``_MINUTES_TITLE``). A document whose title is no
    工作要点, whose parts do not name 协商 in some headings and not in others, or whose other
    parts are headed by forms ("一、全体会议": a plan's own parts) gives nothing.
    """
    if not any(title.match(line) for line in cleaned[:12]):
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
        items = _outer_items(cleaned, start + 1, end)
        spans = list(zip(items, [*items[1:], end], strict=False))
        listing = [
            (a, b)
            for a, b in spans
            if any(_SUB_ITEM.match(cleaned[k]) or _SUB_HEAD.match(cleaned[k]) for k in range(a + 1, b))
        ]
        for a, b in spans:
            said_not_ours = any(_NOT_IN_PLAN.search(cleaned[k]) for k in range(a, b))
            if (listing and (a, b) not in listing) or _PLENARY_ITEM.match(cleaned[a]) or said_not_ours:
                out.update(range(a, b))
    return out


# "政协某市第九届委员会常务委员会工作报告" "…常委会工作报告": a report to the plenary, whose last part
# arranges the coming year's work
_REPORT_TITLE = re.compile(r"^[^,,。;;:]{0,40}?(?:常务委员会|常委会)\s*工作报告$")
# "一、2025年工作回顾" "二、几点体会": a part about the past year
_PAST_PART = re.compile(r"回顾|过去|体会|启示|经验|成绩")


def report_lines(cleaned: list[str]) -> set[int]:
    """0-based indexes of the lines of a 常委会工作报告 that are not the coming year's consultations.

    A part about the year past ("一、2025年工作回顾": the consultations it names were held) is set
    aside whole; in the other parts only the sub-items ("(二)精心组织协商议政。…") whose heading
    (up to its first full stop) names 协商 are read, with the lines under them. A document whose
    title is no such report, or whose parts have no sub-item naming 协商, gives nothing.
    """
    if not any(_REPORT_TITLE.match(line) for line in cleaned[:6]):
        return set()
    parts = [k for k, line in enumerate(cleaned) if _PART_HEAD.match(line)]
    if not parts:
        return set()
    out: set[int] = set(range(parts[0]))
    kept = False
    for start, end in zip(parts, parts[1:] + [len(cleaned)], strict=True):
        if _PAST_PART.search(cleaned[start]):
            out.update(range(start, end))
            continue
        subs = [k for k in range(start + 1, end) if _SUB_HEAD.match(cleaned[k])]
        out.update(range(start, subs[0] if subs else end))
        for a, b in zip(subs, subs[1:] + [end], strict=True):
            if _CONSULTATION_PART.search(re.split(r"[。;]", cleaned[a], maxsplit=1)[0]):
                kept = True
                # the report's closing words after the last sub-item ("各位委员,…") are not the item's
                b = next((k for k in range(a + 1, b) if _CLOSING.match(cleaned[k])), b)
                out.update(range(b, end) if b < end else ())
                continue
            out.update(range(a, b))
    return out if kept else set()


# "各位委员," "各位常委,": the report turns to its audience to close
_CLOSING = re.compile(r"^各位(?:委员|常委|代表)")


# "附件2" alone, or "附件2:2026年度重点调研课题" (not "附件:1.…" the notice's list of them)
_ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})\s*[:.、]?\s*(?P<title>(?!\d)[^,;。]{0,40})$")
# the plan's own title: what the consultation plan is called wherever it stands
_NAMES_CONSULTATION = re.compile(r"协商")
# what a notice's other attachment may end with ("抄送:…" "…印发"): the notice's own foot, not the annex's
_NOTICE_FOOT = re.compile(r"^(?:抄送|分送|主送|印发|报送)\s*[::]|印发$")


def other_attachment_lines(cleaned: list[str]) -> set[int]:
    """0-based indexes of the lines of a notice's attachments that are not its consultation plan.

    A 通知 prints the plan as one 附件 and something else as another ("附件2" then "2026年度重点提案
    督办安排" or "…重点调研课题": proposals to supervise, research to do — no consultation). An
    attachment whose title (on its line or the next) names no 协商 is set aside, from its "附件N"
    up to the next attachment or the notice's foot ("抄送:…"), when another attachment's title
    names it. A notice whose attachments all name 协商 (or none) gives nothing.
    """
    heads: list[tuple[int, bool]] = []
    for k, line in enumerate(cleaned):
        m = _ATTACHMENT_HEAD.match(line)
        if not m:
            continue
        title = m.group("title").strip() or next((c for c in cleaned[k + 1 : k + 4] if c.strip()), "")
        heads.append((k, bool(_NAMES_CONSULTATION.search(title))))
    if not any(own for _, own in heads) or all(own for _, own in heads):
        return set()
    out: set[int] = set()
    ends = [k for k, _ in heads[1:]] + [len(cleaned)]
    for (start, own), end in zip(heads, ends, strict=True):
        if own:
            continue
        end = next((k for k in range(start + 1, end) if _NOTICE_FOOT.search(cleaned[k])), end)
        out.update(range(start, end))
    return out


def drop_footnote_marks(line: str) -> str:
    """``line`` without the footnote markers after its words ("建设①" → "建设")."""
    return _FOOTNOTE_MARK.sub("", line)


# An e-mail's header lines: the first ("发件人:" / "From:") opens the block, the others follow it
_MAIL_FROM = re.compile(r"^\s*(?:发件人|寄件人|From)\s*:", re.IGNORECASE)
_MAIL_HEADER = re.compile(
    r"^\s*(?:发件人|寄件人|发送时间|发件时间|发送日期|日期|收件人|抄送|密送|主题|标题|附件|"
    r"From|Sent|Date|To|Cc|Bcc|Subject|Attachments?)\s*:",
    re.IGNORECASE,
)
# "------------------ 原始邮件 ------------------" "-----Original Message-----" "---------- 转发的邮件 ----------"
_MAIL_QUOTED_OPENS = re.compile(
    r"^\s*[-—_=]{2,}\s*(?:原始邮件|转发邮件信息|转发的邮件|邮件原文|Original Message|Forwarded message)"
    r"\s*[-—_=]{2,}\s*$",
    re.IGNORECASE,
)
_SIGNATURE_DASHES = re.compile(r"^--\s?$")  # the signature's delimiter, as mail programs write it


def mail_lines(cleaned: list[str]) -> set[int]:
    """The (0-based) indices of an e-mail's own lines around a plan: header blocks, the forwarded
    message's opening line and the signature (see the module)."""
    out: set[int] = set()
    in_header = False
    in_signature = False
    for k, line in enumerate(cleaned):
        if _MAIL_FROM.match(line):
            in_header = True
        elif in_header and not _MAIL_HEADER.match(line):
            in_header = False
        if _SIGNATURE_DASHES.match(line):
            in_signature = True
        elif in_signature and not line.strip():
            in_signature = False
        if in_header or in_signature or _MAIL_QUOTED_OPENS.match(line):
            out.add(k)
    return out


def set_aside_lines(
    raws: list[str], cleaned: list[str], is_form: Callable[[str], bool] = lambda _: False
) -> dict[int, str]:
    """{line number (1-based): reason key} of the lines that are not this year's plan (see the module).

    ``is_form``: whether a heading names a consultation form (the reader's own test).
    """
    out: dict[int, str] = {k + 1: "work_points" for k in work_points_lines(cleaned, is_form)}
    out.update({k + 1: "minutes" for k in work_points_lines(cleaned, is_form, title=_MINUTES_TITLE)})
    out.update({k + 1: "report" for k in report_lines(cleaned)})
    out.update({k + 1: "other_attachment" for k in other_attachment_lines(cleaned)})
    out.update({k + 1: "mail" for k in mail_lines(cleaned)})
    # the newest plan is the page's own: an archive page may keep last year's above or below it
    years = [m.group("year") for m in map(_PLAN_TITLE.match, cleaned) if m]
    own_year = max(years, default=None)
    other = False
    notes = False
    uncounted: str | None = None  # the kind of line that opened a part the plan does not count
    part_reason = "not_counted"  # or "cancelled": a revision notice's cancelled topics
    tables = 0  # table marks seen in that part: its own table is the first
    for lineno, (raw, line) in enumerate(zip(raws, cleaned, strict=True), start=1):
        tm = _PLAN_TITLE.match(line)
        if tm:
            other = tm.group("year") != own_year
            notes = False
        if other:
            out[lineno] = "other_year"
            continue
        if uncounted is not None and line.strip():
            tables += line.startswith(TABLE_MARK)
            following = next((c for c in cleaned[lineno:] if c.strip()), "")
            if _ends_part(uncounted, line, following, tables):
                uncounted = None
        opener = _not_counted_opener(line)
        cancelled = _cancelled_opener(line)
        if opener is not None or cancelled is not None:
            uncounted, tables = opener or cancelled, 0
            part_reason = "not_counted" if opener is not None else "cancelled"
        if uncounted is not None:
            out[lineno] = part_reason
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


__all__ = [
    "drop_footnote_marks",
    "is_revision_notice",
    "mail_lines",
    "other_attachment_lines",
    "report_lines",
    "says_not_counted",
    "set_aside_lines",
    "work_points_lines",
]
