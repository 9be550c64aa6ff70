"""Read the text of a published annual consultation plan, whatever its layout, into a draft Plan.

Every source (plain text, Word with automatic numbering or a table, .doc/.wps,
PDF, a web page) is first turned into numbered lines (:mod:`paperwork.sources`);
this module reads those lines by **structure** and a **label vocabulary**
(:mod:`paperwork.vocabulary`), not by one layout:

- headings by their numbering style: ``一、`` (part), ``(一)`` (section),
  ``1.`` ``1、`` ``(1)`` ``1)`` ``①`` and bullets ``●•○■◆▪-`` (items);
- a heading is a **form** when it names one (``一、对口协商``,
  ``(二)专题议政性常委会议(2项)``); items under a form are its topics, and
  ``(一)`` items directly under a top-level form are topics too;
- ``label: value`` segments anywhere on a line are fields (several on one
  line are split); an unknown ``某某:…`` label is reported and kept in the
  topic's notes, never glued onto the previous field;
- an unlabelled, unnumbered line followed by fields the current topic
  already has starts the next topic (a title written as a plain line);
- run-together sentences (``由市政协经济委组织实施,市发改委、市商务局参加,
  拟于5月召开``) are read for lead, departments and time.

Every line is either used (``line_roles``) or listed as skipped with its line
number and reason; each topic carries which line gave which field and how
sure the reader is (:class:`TopicReport`). Defaults taken from the domain
notes (session month, blackout, April–November window, the known rules of
recognised forms) are listed in ``defaults`` for the planner to review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from solver.plan import PLAN_FORMAT, Plan
from solver.validate import PlanError, parse_plan

from . import texts as T
from .amendments import AmendmentPart, amendments
from .blank_forms import blank_form_rows
from .card_layouts import (
    body_of_report,
    dots_as_commas,
    is_card_caption,
    is_card_number,
    is_platform_furniture,
)
from .common import (
    FreshIds,
    PaperIssue,
    PaperworkError,
    fail,
    from_plan_error,
    next_id,
    split_outside_brackets,
    without_invisible,
)
from .common import refuse_oversized as _refuse_oversized
from .duty_sentence import opens_duty_sentence
from .hanzi import to_simplified
from .item_duties import assign_item_duties
from .keyed_lists import form_rules, keyed_field, keyed_value
from .label_marks import colon_bare_labels, dash_label, unmarked_labels, when_then_topic
from .line_origins import SourceText
from .meeting_names import is_meeting_name
from .page_parts import drop_footnote_marks, is_revision_notice, set_aside_lines
from .prose_items import bracketed_quoted_items, quoted_items
from .side_tables import is_contact_label
from .time_phrases import REVISED_TIME, TimeReading, parse_time
from .title_forms import form_suffix
from .vocabulary import (
    ATTENDING_VERBS,
    CO_VERBS,
    CPPCC_FORMAL_NAME,
    DEPARTMENT_VERBS_IN_RUNNING_TEXT,
    DUTY_VERBS,
    FIELD_ANYWHERE,
    FIELD_LINE,
    GLUED_SHORT_LABELS,
    HELPING_VERBS,
    ITEM_NUMBER,
    LABEL_OF,
    LABELS,
    LEAD_ADVERBS,
    LEAD_VERBS_AFTER_A_NAME,
    LEADER_VERB_TAILS,
    LOOKALIKE_COLONS,
    LOOKALIKE_SLASHES,
    ORDINAL_TITLE_WORDS,
    ROLE_LEAD_VERB,
    TABLE_MARK,
    UNKNOWN_LABEL,
    alternation,
    field_of_label,
    verbs,
)

# The vocabulary's duty verbs as regex alternations (see paperwork.vocabulary.DUTY_VERBS)
_LEAD_VERB = alternation(DUTY_VERBS["lead"])
_LEAD_ADVERB = alternation(LEAD_ADVERBS)
_DEPT_VERB = alternation(DUTY_VERBS["departments"])
_LEADER_VERB = alternation(DUTY_VERBS["leaders"])
_PRESENT_VERB = alternation(ATTENDING_VERBS + ("参加",))  # "分管副县长参加": present, as a leader or a unit
_VERB_TAIL = alternation(LEADER_VERB_TAILS)
# leaders named in running text by the verb after them; "主持" is left to the keyed rules per form
# (in a sentence "…主持" is said of whoever chairs, often the lead committee's director)
_NAMED_LEADER_VERB = alternation(verbs("leaders", without=("主持",)))
# "教科卫体委(牵头)" "市发改委(配合)": a duty marked in a bracket after a name
_ROLE_MARK = re.compile(rf"\((?:{alternation(DUTY_VERBS['lead'] + DUTY_VERBS['departments'] + CO_VERBS)})\)$")
# a role sentence's clauses end at punctuation, or at "、" after a lead's or a helper's verb
_ROLE_CLAUSE_END = re.compile(
    r"[,,;;。]|(?:" + "|".join(f"(?<={re.escape(v)})" for v in (ROLE_LEAD_VERB, *HELPING_VERBS)) + ")、"
)

LABELS_TITLE = LABELS["title"][0]  # how a numbered title label is rewritten for the reader
LABELS_TIME = LABELS["time"][0]

# -- recognising lines ------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,200}>|<!--.*?-->")
_TOP = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+)$")
_PART = re.compile(r"^第([一二三四五六七八九十]{1,3})(?:部分|章|篇|类)\s*[、.:]?\s*(.+)$")
_SECTION = re.compile(r"^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*(.+)$")
# "(2项)" "(共3次)", or "2项" after a space: how many topics a heading announces
_COUNT = re.compile(
    r"(?:\(\s*|\s+)(?:共\s*)?(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[个项次件场](?:议题|活动|课题)?\s*\)?\s*$"
)
_NUMBERED = re.compile(
    r"^(?:\(\s*" + ITEM_NUMBER + r"\s*\)|" + ITEM_NUMBER + r"\s*(?:[、)]|\.(?!\d)|\.(?=\d{1,2}\s*月))"
    r"|[\[【〔]\s*" + ITEM_NUMBER + r"\s*[\]】〕]"
    r"|第\s*(?:" + ITEM_NUMBER + r"|[一二三四五六七八九十]{1,3})\s*[项个条]\s*[::、.]?"
    r"|\d{1,3}\s+(?=[\u4e00-\u9fff“《])(?![月日年项个次]))\s*(?P<title>\S.*)$"
)
"""An item's number: ``1.`` ``1、`` ``1)`` ``(1)`` ``[1]`` ``第一项`` ``第1项:``, or ``1`` then a space.

Up to four digits (a province's plan with its cities' runs to hundreds or thousands of items:
``100.`` was left in the title); up to three before a bare space, where a longer number is more
likely a quantity than an item. ``1.5月,围绕…`` is item 1 held in May, not a decimal."""
_BULLET = re.compile(r"^[●•○■◆◇□▪▫◦‣⁃∙➢➤❖✦▶►★☆◎·\-–—]\s*(?P<title>[\u4e00-\u9fff“《(【].*)$")
_CIRCLED = {chr(0x2460 + i): f"{i + 1}." for i in range(20)}  # ①…⑳ (NFKC would drop the separator)
_BRACKETED_TITLE = re.compile(r"^[【\[]\s*(?P<title>[^】\]]{2,60})\s*[】\]]\s*$")
# Web-page furniture around a pasted plan. Distinctive words match as prefixes;
# ordinary words only as a whole label ("来源:", "返回"), so "相关部门:…" or
# "编辑出版文史资料" are never thrown away.
_JUNK = re.compile(
    r"^(?:(?:首页|当前位置|您的位置|您现在的位置|上一篇|下一篇|上一页|下一页|分享到|扫一扫|责任编辑|点击查看|展开阅读|"
    r"资源描述|上传人|copyright|备案号|版权所有|打印本页|关闭窗口|返回顶部|相关资源|相关搜索|相关阅读|相关文章|相关推荐|相关链接|友情链接|"
    r"网站地图|联系我们|主办单位|技术支持|无障碍|往期推荐|往期回顾|推荐阅读|精彩推荐|延伸阅读|点击蓝字|长按识别|扫码关注"
    r"|热门文章|热点推荐|专题专栏|热点排行|热门排行|点击排行|排行榜|相关新闻|热点新闻)"
    r"|(?:打印|关闭|编辑|来源|发布时间|发布日期|发布者|作者|字号|浏览|阅读|返回|举报|下载|联系电话|时间)(?=$|\s|[:>|/]))",
    re.IGNORECASE,
)
# "时间:2026年03月09日 来源:…": when a page was published, not when a topic is held
_PUBLISHED = re.compile(
    r"^时间\s*:\s*(?:20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|20\d\d[-/.]\d{1,2}[-/.]\d{1,2})"
    r"|\s(?:来源|阅读|浏览次数|点击数|访问量|作者)\s*:"
)
_JUNK_ANY = re.compile(
    r"(第\s*\d+\s*页|共\s*\d+\s*页|\s[|>]\s|^\||\|$|https?://|www\.|ICP|公网安备"
    r"|阅读原文|点赞\s*在看|分享\s*收藏|关注我们|【(?:打印|关闭|收藏|返回|打印本页|关闭窗口)】|责任编辑\s*:"
    r"|分辨率|浏览器|网站标识码|^主办\s*:(?:(?!政协)[^:])*(?:承办|技术支持|地址|联系电话)\s*:)"
)
# A list of links under a page's "相关文章" / "往期推荐": every item of it is furniture
_LINK_LIST_HEAD = re.compile(
    r"^(?:相关文章|相关阅读|相关推荐|相关链接|往期推荐|往期回顾|推荐阅读|精彩推荐|延伸阅读|热点推荐|热门文章"
    r"|热点排行|热门排行|点击排行|排行榜|相关新闻|热点新闻)"
)
_MONTHISH = re.compile(r"月|季度|半年|适时|年底|年中|全会|会议期间")
_ARRANGEMENT = re.compile(r"安排|议题|协商|活动|计划")
# The fields whose label under a numbered line makes it a topic, whatever its number looks like
_TOPIC_FIELDS = frozenset({"time", "form", "lead", "departments", "leaders"})
# A part of the document, not a topic, when numbered like one: "工作要求" "组织保障" "有关说明"
_PART_HEADING_WORDS = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:工作|安排|计划|原则|要求|组织|保障|总体|指导|说明|事项)[\u4e00-\u9fff]{0,2}"
)
# How a form's name ends ("对口协商", "专题协商会", "双月协商座谈会"): a topic's title
# may mention 基层 or 调研 without naming a form.
_FORM_NAME_END = re.compile(r"(协商|会议|座谈会|协商会|恳谈会|议事会|议政|调研|视察|监督)(活动)?$")
# A short name that ends like a form and names no body: "网络议政", "远程协商", "民主监督协商"
# are forms even though no rule of classify_form knows them.
_FORM_NAME_SHAPE = re.compile(r"^[\u4e00-\u9fff]{2,10}$")
_BODY_WORD = re.compile(r"[委局厅办院部署组室]|政府|政协|围绕|关于|推进|加强")


def _is_form_name(text: str) -> bool:
    """Whether a short text is a form's name: a known one, or one shaped like it ("网络议政")."""
    t = re.sub(r"[“”\"']", "", _COUNT.sub("", text)).strip()  # "“请你来协商”平台协商"
    if not _FORM_NAME_END.search(t) or parse_time(t).months:  # "4月调研" times a step, it names no form
        return False
    return (
        bool(classify_form(t))
        or bool(_FORM_NAME_SHAPE.match(t) and len(t) <= 10 and not _BODY_WORD.search(t) and t not in LABEL_OF)
        or _is_quoted_platform_form(_COUNT.sub("", text).strip())
        or bool(_MEMBERS_FORM.match(t))
    )


# "委员小组协商" "委员工作室议事": the 政协 members' own grassroots forms (a 街道 联络组's plan); their
# 委 and 组 are no committee's, unlike "经济委协商"
_MEMBERS_FORM = re.compile(r"^委员(?:小组|工作室|之家|联络站)?(?:协商|议事)(?:会|活动)?$")


# "“岩州议事厅”协商" "“请你来协商”平台协商": a quoted platform's name, then how it consults; the
# platform may be named after a hall (厅, 室), which the body-word rule would take for an office
_QUOTED_PLATFORM_FORM = re.compile(
    r"^[“\"][\u4e00-\u9fff]{2,10}[”\"](?:平台)?(?:协商|议政|议事|协商议事会|议事会)(?:活动)?$"
)


def _is_quoted_platform_form(text: str) -> bool:
    return bool(_QUOTED_PLATFORM_FORM.match(text))


# A news headline about the plan ("市政协主席会议审议…计划", "…计划出炉") is not its title
_NEWS_VERB = re.compile(r"召开|审议|通过|举行|部署|出炉|发布|来了|获悉|印发")


def _is_headline(line: str) -> bool:
    """A news headline mentioning the plan rather than the plan's title ("关于印发《…》的通知" is a title)."""
    return bool(_NEWS_VERB.search(line)) and not re.match(r"^(?:关于)?(?:印发|转发|下达)", line)


# A plan's title says whose plan, or which year, or what of: "工作计划" alone is a menu item
_TITLE_SUBJECT = re.compile(r"政协|20\d\d|年度|协商|议题|[省市县区州旗]")
_RULES_TITLE = re.compile(r"(办法|规定|规则|细则|制度|条例|意见|规程|指引)$")
_PLAN_TITLE = re.compile(r"计划|要点|安排|清单|一览|目录|议题表|20\d\d\s*年度?[^,,。]{0,8}议题$")
_LEAD_SENTENCE = re.compile(rf"由\s*(?P<who>[^,,;;。]{{2,60}}?)\s*(?:{_LEAD_ADVERB})?(?:{_LEAD_VERB})")
# "县政协农业农村委承办,…": the lead at the head of a clause, without 由; only a name that
# ends like a committee, so "会前组织委员…负责" is never read as a lead
_LEAD_SENTENCE_BARE = re.compile(
    r"(?:^|(?<=[,,;;。]))\s*(?P<who>[^,,;;。由]{2,30}?(?:委员会|委|办公室|界别|联络组))\s*"
    rf"(?:联合|共同)?(?:{alternation(LEAD_VERBS_AFTER_A_NAME)})"
)
_DEPT_SENTENCE = re.compile(
    rf"(?:邀请|请|组织)?(?P<who>[^,,;;。由]{{2,80}}?)(?:等(?:部门|单位))?(?:{alternation(DEPARTMENT_VERBS_IN_RUNNING_TEXT)})"
    r"(?!人员|对象|范围|单位|部门|名单)"  # "参加人员等以正式通知为准": a noun, nobody is invited
)
_WITH_SENTENCE = re.compile(
    r"由\s*(?P<who>[^,,;;。与]{2,40}?)\s*与\s*(?P<with>[^,,;;。]{2,80}?)\s*(?:就|围绕|针对)?\s*(?:[“\"《][^”\"》]*[”\"》])?"
    r"\s*(?:开展|进行|共同)?(?:对口)?(?:协商|座谈)"
)
_LEADER_SENTENCE = re.compile(
    rf"(?:^|(?<=[,,;;。、]))\s*(?:邀请|请)?(?P<who>[^,,;;。、由]{{2,20}}?)\s*(?:{_NAMED_LEADER_VERB})"
)
_TIME_SENTENCE = re.compile(r"(?:拟于|拟在|计划于|定于|于|在)?\s*(?P<when>[^,,;;。]{0,12}?(?:月|季度|半年))")

# Section headers → a form category (first match wins; order matters).
_FORM_RULES = [
    ("plenary", re.compile(r"全体会议|全委会|(?<![委中])全会|届.{0,3}次会议|次全体")),
    ("standing", re.compile(r"常委会|常务委员会")),
    ("bimonthly", re.compile(r"双月|双周|月度协商|月谈")),
    ("counterpart", re.compile(r"对口")),
    ("sector", re.compile(r"界别")),
    ("grassroots", re.compile(r"基层|一线")),
    ("proposal", re.compile(r"提案")),
    ("special", re.compile(r"专题协商")),
    ("research", re.compile(r"调研")),
    ("inspection", re.compile(r"视察")),
]
# The known rules of each recognised form (domain notes §1–2): editable defaults.
FORM_DEFAULTS: dict[str, dict[str, Any]] = {
    "plenary": {"session_only": True},
    "standing": {"max_per_month": 1, "min_gap_months": 2},  # 2–3 a year, months apart
    "bimonthly": {"max_per_month": 1},  # one every two months
}
DEFAULT_SESSION_MONTH = 1  # local plenaries sit in January–February (domain notes §3)
DEFAULT_BLACKOUT = [2]  # Spring Festival and plenary preparation (domain notes §3, inferred)
DEFAULT_WINDOW = (4, 11)  # ordinary topics run April–November (domain notes §3, observed)

# How sure the reader is about a topic, for the review screen: 1.0 minus a
# penalty per thing it had to guess. The sizes rank the guesses: a topic with
# no month or no lead needs the planner most; a vague month or a title read
# from an unnumbered line less so.
CONF_NO_TIME = 0.25
CONF_VAGUE_TIME = 0.1
CONF_NO_LEAD = 0.2
CONF_NO_DEPARTMENTS = 0.1
CONF_FORM_GUESSED = 0.15
CONF_UNNUMBERED_TITLE = 0.1
CONF_UNKNOWN_LABEL = 0.05
CONF_SENTENCE_FIELD = 0.1
CONF_FLOOR = 0.05


# Emoji a WeChat article sets in its lines: keycap numbers ("1️⃣"), icons before labels ("⏰时间:"),
# bullets and headings ("🔹…", "🔶专题议政性常委会议"), decoration ("👇👇")
_KEYCAP = re.compile(r"^(\d{1,2})\ufe0f?\u20e3")
# the dingbats a phone shows as emoji ("✅ 工作要求", "❤️", "✨", "❗"); not the ticks ✓✔ of a month grid
# nor the circled numbers ❶➀ that number items
_DINGBAT_EMOJI = (
    "\u2702\u2705\u2708-\u270d\u270f\u2712\u2728\u2733\u2734\u2744\u2747\u274c\u274e"
    "\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27a1\u27b0\u27bf"
)
_EMOJI = re.compile(
    rf"[\U0001F000-\U0001FAFF\u2600-\u26FF{_DINGBAT_EMOJI}\u2B50\u2B55\u23F0-\u23FA\u231A\u231B\ufe0f\u200d]+"
)


def _unemoji(line: str) -> str:
    """``line`` without emoji: a keycap number is the item's number, a leading icon a bullet (or nothing
    before a label or a form's name); other emoji are dropped."""
    line = _KEYCAP.sub(r"\1.", line)
    m = _EMOJI.match(line)
    if m:
        rest = _EMOJI.sub("", line[m.end() :]).strip()
        bare = _COUNT.sub("", unicodedata.normalize("NFKC", rest)).strip()
        if not rest or FIELD_LINE.match(unicodedata.normalize("NFKC", rest)) or _is_form_name(bare):
            return rest
        if _CLOSING_HEAD.fullmatch(bare):
            return rest  # "✅ 工作要求": the part after the topics, its heading marked for the eye
        if len(rest) > 20 and re.search(r"[,，;；]", rest):
            return rest  # "📌此外,…": a sentence marked for the eye, not an item
        return "●" + rest
    return _EMOJI.sub("", line)


# "▍一、专题议政性常委会议": a WeChat article's bar in front of a numbered heading, for the eye only
_BAR_BEFORE_HEADING = re.compile(r"^[▍▌▎▏▐█┃]\s*(?=[一二三四五六七八九十]{1,3}\s*[、.．])")


# A form heading dressed for the eye: "▌专题协商(5次)" "◆ 【二】对口协商" "【一】专题议政性常委会议(2次)"
# "★【界别协商】": a mark, a boxed number, the name boxed
_HEADING_MARK = re.compile(r"^[▍▌▎▏▐█┃■□◆◇★☆▶►◤●○※❖✦]+\s*")
_BOXED_NUMBER = re.compile(r"^[【〔〖\[]\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[】〕〗\]]\s*")
_PLAIN_NUMBER = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*")
_BOXED_NAME = re.compile(r"^[【〔〖\[]\s*(?P<name>[^】〕〗\]]{2,24}?)\s*[】〕〗\]]")


# The unnumbered heading of the part after the arrangement: "工作要求" "有关说明" "组织实施" "保障措施"
_CLOSING_HEAD = re.compile(
    r"(?:工作|有关|相关|几点|其他|其它)?(?:要求|说明)|组织(?:实施|保障|领导)|(?:保障|工作)措施|注意事项"
)
# "▌工作要求": an article's section bar before a short heading that names no form (that one is
# made a form heading by _plain_form_heading): it ends the form above
_BAR_HEADING = re.compile(r"^[▍▌▎▏▐█┃]\s*[\u4e00-\u9fff“”\"]{2,12}$")


def _plain_form_heading(line: str) -> str:
    """A form heading without its decoration: "▌【二】专题协商(5次)" → "二、专题协商(5次)",
    "◆【对口协商】(4次)" and "★界别协商" → "【对口协商(4次)】" "【界别协商】" (a boxed form heading).

    Only when what is left names a form (its count aside): a marked or boxed line
    that names anything else (a topic, prose, "▌工作要求") is returned unchanged.
    """
    rest = _HEADING_MARK.sub("", line)
    marked = rest != line
    nm = _BOXED_NUMBER.match(rest) or (_PLAIN_NUMBER.match(rest) if marked else None)
    if nm:
        rest = rest[nm.end() :]
    bm = _BOXED_NAME.match(rest)
    tail = rest[bm.end() :].strip() if bm else ""
    if bm:
        if tail and not _COUNT.fullmatch(tail):
            return line  # "◆【基层协商】深化“X”议事": a topic tagged with its form, not a heading
        if not (marked or nm or tail):
            return line  # "【专题协商】" alone is read as a boxed heading already
        rest = bm.group("name") + tail
    elif not (marked or nm):
        return line
    rest = rest.strip()
    name = _COUNT.sub("", rest).strip()
    if not name or len(name) > 24 or not _is_form_name(name):
        return line
    if not nm and name == rest and not classify_form(name):
        return line  # "◆网络议政": shaped like a form but unknown, without a number or a count it may be an item
    return f"{nm.group('n')}、{rest}" if nm else f"【{rest}】"


# "出席领导\t" "时　　间\t": a tab-aligned label with its value left empty
_EMPTY_TAB_LABEL = re.compile(r"\s*([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}[\u4e00-\u9fff])\s*\t\s*")


_DASH_BEFORE_LABEL = re.compile(
    r"^[—–―-]+\s*(?P<head>\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\)\s*(?P<label>[\u4e00-\u9fff]{2,8}):)\s*$"
)


def _clean(line: str) -> str:
    """One source line as the reader compares it: NFKC, simplified, no tags, ':' for every colon."""
    empty = _EMPTY_TAB_LABEL.fullmatch(line)
    if empty and re.sub(r"[ \u3000]", "", empty.group(1)) in LABEL_OF:
        # "出席领导<tab>" with nothing after the tab: a label whose value is empty (once stripped,
        # the bare word would read as the tail of the value above it)
        line = re.sub(r"[ \u3000]", "", empty.group(1)) + ":"
    line = line.strip()
    if "<" in line or "&" in line:
        line = html.unescape(_TAG.sub(" ", line))
    line = _unemoji(line.strip()).strip()
    line = _BAR_BEFORE_HEADING.sub("", line)
    line = drop_footnote_marks(line)
    if line[:1] in _CIRCLED:
        line = _CIRCLED[line[0]] + line[1:]
    if line[:1] and "\ue000" <= line[0] <= "\uf8ff":
        line = "●" + line[1:]  # a Word bullet in a symbol font (Wingdings, Symbol), as a PDF gives it
    line = line.translate({ord(c): ":" for c in LOOKALIKE_COLONS if c != "\uff1a"})
    line = line.translate({ord(c): "/" for c in LOOKALIKE_SLASHES})
    line = unicodedata.normalize("NFKC", to_simplified(line))
    line = _PINYIN.sub("", line)
    dash = _DASH_BEFORE_LABEL.match(line)
    if dash and dash.group("label") in LABEL_OF:
        # "—(五)出席县领导:": a PDF's cell-wide "—" (no one) set before its label's line: the empty value
        line = dash.group("head") + "—"
    line = without_invisible(line)  # "农业和\u2060农村委": pasted from a word processor or a chat
    line = _plain_form_heading(line)
    line = _BOXED_LABEL.sub(_unbox_label, line)
    line = _SPACED_LABEL.sub(_join_label, line)
    # "时间安排    6月" "承办单位\t市政协经济委": a label and its value lined up without a colon
    line = _GAP_LABEL.sub(r"\1:", line)
    # "时间 5月" "时 间 10月下旬" "牵头 X 时间 5月": labels set off by one space, spaced out, several a line
    if not _STAGE_ROUND.match(line.strip()):  # "第一阶段 调研:4月": a round's own step label, read by _pieces
        line = unmarked_labels(line, is_form=_is_form_name)
    if ":" not in line:
        # "协商部门 县水利局、…": a long label and its value one space apart (a tab a PDF gave as a space)
        line = _SPACE_LABEL.sub(r"\1:", line)
    # "时间5 月" "时间第二季度": a time label run straight into its time (a tab a PDF lost)
    line = _GLUED_TIME.sub(r"\1:", line)
    line = dash_label(line)
    head, colon, value = line.rpartition(":") if FIELD_LINE.match(line.strip()) else ("", "", line)
    line = head + colon + _letter_spaced(value)
    return re.sub(r"\s+", " ", line).strip()


# "【时间】5月【承办】县政协城建委": labels set in brackets instead of followed by a colon
_BOXED_LABEL = re.compile(r"[【\[〔〖]\s*(?P<label>[\u4e00-\u9fff]{2,8})\s*[】\]〕〗]\s*:?\s*(?=\S)")


def _unbox_label(m: re.Match) -> str:
    label = m.group("label")
    return f" {label}:" if field_of_label(label) else m.group(0)


_GAP_LABEL = re.compile(
    rf"^({'|'.join(sorted(map(re.escape, LABEL_OF), key=len, reverse=True))})(?:[ \u3000]{{2,}}|\t)(?=\S)"
)
_SPACE_LABEL = re.compile(
    rf"^\s*({'|'.join(sorted((re.escape(x) for x in LABEL_OF if len(x) >= 4), key=len, reverse=True))})"
    r"[ \u3000](?=[^\s:])"
)
_GLUED_TIME = re.compile(
    rf"^\s*({'|'.join(sorted(map(re.escape, LABELS['time']), key=len, reverse=True))})\s?"
    r"(?=\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|第[一二三四]季度|[上下]半年|适时|全年)"
)
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _letter_spaced(line: str) -> str:
    """ "推 进 城 市 更 新" (a PDF or a heading spaced letter by letter) → "推进城市更新".

    Only when most Chinese characters of the line stand one space apart; a line
    with a few spaces between words keeps them.
    """
    cjk = len(_CJK.findall(line))
    if cjk >= 4 and len(_LETTER_SPACED.findall(line)) >= 0.6 * (cjk - 1):
        return _LETTER_SPACED.sub("", line)
    return line


# "时  间:" "承 办 单 位:": a label spaced out to line up in a Word document
_SPACED_LABEL = re.compile(r"((?:[\u4e00-\u9fff][ \t\u3000]+){1,5}[\u4e00-\u9fff])(?=\s*:)")


def _join_label(m: re.Match) -> str:
    joined = re.sub(r"\s+", "", m.group(1))
    return joined if joined in LABEL_OF else m.group(1)


def _is_junk(line: str) -> bool:
    if not _CJK.search(line):
        return True
    fm = FIELD_LINE.match(line)
    if fm and (LABEL_OF[fm.group(1)] != "time" or (_MONTHISH.search(fm.group(2)) and not _PUBLISHED.search(line))):
        return False
    if fm and parse_time(fm.group(2)).undecided and not _PUBLISHED.search(line):
        return False  # "时间:年内。由…牵头": a topic's time said to be open, not a page's date
    if fm and _CJK.search(fm.group(2)) and not _PUBLISHED.search(line):
        return False  # "时间:两会后": a topic's time in words the reader may not know, never a page's stamp
    if _NUMBERED.match(line) and parse_time(line).months and not re.search(r"https?://|www\.|ICP", line):
        return False  # "1.推进X | 5月 | 县政协城建委": an item's row typed with bars, not a menu
    return bool(
        _JUNK.match(line) or _JUNK_ANY.search(line) or is_platform_furniture(line) or _TOTAL_LINE.fullmatch(line)
    )


# A line that stops on a conjunction: the first half of a sentence, never a title
_CUT_BEFORE_LABEL = re.compile(r"[和及与或、,，]$")


# "小计 1 项" "合计 13 项" and a wrapped "(次)": a table's count rows that fell out of the table (a PDF's
# last page), never the tail of the field above them ("共计12项" is left alone: a plan's stated total)
_TOTAL_LINE = re.compile(
    r"\s*(?:(?:小|合|总)\s*计\s*[:：]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[项个次场件]"
    r"(?:\s*[(（]\s*次\s*[)）])?|[(（]\s*[项次]\s*[)）])\s*"
)


# "全年拟召开2次专题议政性常委会议，…" "全年开展对口协商4次": how many meetings a form holds this year
_COUNT_SENTENCE = re.compile(r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[次项个场]")
# "上半年、下半年各召开一次" "4月、9月各开展1次": one topic held at each time, not a count of the items below
_EACH_ONCE = re.compile(r"各\s*[\u4e00-\u9fff]{0,4}?\s*(?:一|1)\s*次")


def _is_count_intro(line: str, rows: list[tuple[int, str, str]], i: int) -> bool:
    """Whether an unnumbered sentence counting a form's meetings is followed by numbered items.

    ``rows``: the reader's (line number, raw, cleaned) rows; ``i`` the sentence's index.
    """
    counted = _COUNT_SENTENCE.search(_EACH_ONCE.sub("", line))
    if _strip_number(line) != line or not counted or not (line.endswith("。") or _is_prose(line)):
        return False
    for _, _, later in rows[i + 1 : i + 5]:
        if later and _HEADER_PIECE.fullmatch(later):
            continue  # "序协商议题时间牵头单位…" "号": a table's header (wrapped in its cells) before the rows
        if later:
            return _SECTION.match(later) is not None or _NUMBERED.match(later) is not None
    return False


_COLUMN_NAME = re.compile(r"协商议题|时间安排|时间|[牵承]头单位|承办单位|协商部门|出席领导|备注")


def _is_header_run(line: str) -> bool:
    """Whether a line is only a table's column names run together (three or more, nothing else)."""
    return bool(_HEADER_PIECE.fullmatch(line)) and len(_COLUMN_NAME.findall(line)) >= 3


# a table's header as a PDF gives it: column names run together, or the end of one wrapped in its cell
_HEADER_PIECE = re.compile(r"[序号]|(?:序号?|协商议题|议题|时间(?:安排)?|[牵承]头?办?单位|协商部门|出席领导|备注|\s)+")


# a word that gives a duty: a lead's verb or a unit taking part (a co-organiser too)
_DUTY_WORD = re.compile(alternation(LEAD_VERBS_AFTER_A_NAME + CO_VERBS + ("参加单位",)))


def _plenary_account_rows(header: str, rows: list[tuple[int, str, str]], i: int) -> list[int]:
    """The line numbers of the paragraph from ``rows[i]`` when it only tells of the plenary, else [].

    "市政协X届X次会议期间，围绕…协商讨论。会议时间待市委全会确定后另行报批。" (two sentences, or one
    leaving the details to later, "另行通知") under a plenary heading, naming no duty, says the
    plenary meets; a plenary listed as a topic gives its title on its own line or its fields.
    The paragraph may be wrapped over several lines (text taken from a PDF); it ends at a blank
    line, a numbered line or a full stop at a line's end.
    """
    if classify_form(header) != "plenary" or _strip_number(rows[i][2]) != rows[i][2]:
        return []
    said, text = [], ""
    for lineno, _, line in rows[i : i + 6]:
        if not line or (said and _strip_number(line) != line):
            break
        said.append(lineno)
        text += line
        if line.endswith("。"):
            break
    if not text.endswith("。") or _DUTY_WORD.search(text) or FIELD_ANYWHERE.search(text):
        return []
    return said if text.rstrip("。").count("。") >= 1 or "另行" in text else []


def _is_prose(text: str) -> bool:
    """A sentence of running text rather than a heading or a title."""
    return "。" in text.rstrip("。")[:-1] or len(text) > 60 or (text.endswith("。") and len(text) > 30)


def _rules_follow(rows: list, i: int) -> bool:
    """Whether the first line after row ``i`` is a sentence (a rule: "1.各承办委员会要…。") or whom to
    call ("联系方式", "联系人:…"), not a title."""
    nxt = _strip_number(next((rows[k][2] for k in range(i + 1, len(rows)) if rows[k][2].strip()), "")).strip()
    label = UNKNOWN_LABEL.match(nxt)
    return _is_sentence(nxt) or is_contact_label(label.group(1) if label else nxt)


def _is_sentence(text: str) -> bool:
    """Ends like a sentence: never a form's or a section's name."""
    return text.rstrip().endswith(("。", "!", "?", ";")) or _is_prose(text)


# "…;联系人:张某": a label the vocabulary does not know, after a field separator
_UNKNOWN_ANYWHERE = re.compile(r"(?<=[;;\s|])\s*[\u4e00-\u9fff]{2,8}\s*:")


# A label of three or more characters is found anywhere (FIELD_ANYWHERE): "6 月承办单位:" is 承办单位
_ENDS_WITH_LABEL = re.compile(f"(?:{'|'.join(re.escape(x) for x in LABEL_OF if len(x) >= 3)})$")


# "时间:4月承办:县政协经济委" "承办:县政协文史委时间:6月": a short label typed right after a value with
# no separator. Read as a new field only after a character that ends a month or a unit's name
# (月 委 局 …), so a longer word that merely ends in the label ("拟安排时间") is not split.
_GLUED_SHORT_LABEL = re.compile(
    rf"(?<=[月日份度年旬底前后委局办厅室组处院会心队])(?:{alternation(GLUED_SHORT_LABELS)})\s*:"
    # "完善X ——时间:5月": a dash between the title and its first field separates like a space
    rf"|(?<=[—–])(?:{'|'.join(re.escape(x) for x in LABEL_OF if len(x) >= 2)})\s*:"
)


def _glued_short_labels(text: str) -> set[int]:
    """Offsets where a short known label starts a new field glued to the value before it (needs a field first)."""
    if not (FIELD_LINE.match(text) or FIELD_ANYWHERE.search(text)):
        return set()
    return {m.start() for m in _GLUED_SHORT_LABEL.finditer(text)}


def _split_fields(text: str) -> list[str]:
    """ "时间安排:4月 牵头单位:某组 协商部门:省某厅" → one segment per field (the head may be a title).

    Once a line holds a known label, an unknown ``某某:`` after a separator starts
    a segment of its own too: it is reported, never glued onto the field before it.
    """
    cuts = [m.start() for m in FIELD_ANYWHERE.finditer(text) if m.start() > 0]
    cuts = sorted(set(cuts) | _glued_short_labels(text))
    if cuts or FIELD_LINE.match(text):
        unknown = {
            m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            for m in _UNKNOWN_ANYWHERE.finditer(text)
            if not _ENDS_WITH_LABEL.search(m.group(0).rstrip(": ")) and m.group(0).strip()[0] not in "月日年份"
        }
        cuts = sorted(set(cuts) | unknown)
        cuts = [c for c in cuts if c > 0]
    if cuts and text.rstrip().endswith(")") and "(" in text[: cuts[0]]:
        # "推进X(时间:5月;承办:经济委)": fields in brackets after the title
        text = text.rstrip()[:-1]
        cuts = [c for c in cuts if c < len(text)]
    if not cuts:
        return [text]
    out, start = [], 0
    for c in cuts:
        out.append(text[start:c])
        start = c
    out.append(text[start:])
    out = [_trim(s, " ;,、(|/") for s in out]
    # "完善X ——时间:5月": the dash that led into the next field is not part of this one
    out = [re.sub(r"\s*[—–]+$", "", s) for s in out[:-1]] + out[-1:]
    out = [piece for s in out for piece in _bar_pieces(s)]
    out = [s for s in out if s]
    if len(out) > 1 and out[0].count("(") > out[0].count(")") and not FIELD_LINE.match(out[0]):
        # "推进X(对口协商;拟安排时间:3月;…)": what opens the bracket before the first label
        # is unlabelled (a form, a time); it is read like a bracket after the title
        at = out[0].rindex("(")
        inner = out[0][at + 1 :].strip()
        if inner:
            title, found = _bracket_fields(out[0][:at] + "(" + inner + ")")
            if found:
                return [title] + [f"{LABELS[k][0]}:{v}" if k != "sentence" else v for k, v in found] + out[1:]
            return [out[0][:at].strip(), inner] + out[1:]
    return out


def _bar_pieces(seg: str) -> list[str]:
    """ "领导:某某|(第二次)" → ["领导:某某", "备注:(第二次)"]; "领导:某某|12月15日前完成" →
    ["领导:某某", "时间安排:12月15日前完成"]; any other segment → [seg].

    Fields joined by bars ("承办:…|部门:…|领导:…") may end in a piece with no label: a
    bracketed remark is a note, a time phrase is the topic's own time (it replaces a month
    heading above), and neither belongs to the field before the bar."""
    fm = FIELD_LINE.match(seg)
    if not fm or "|" not in fm.group(2):
        return [seg]
    value, _, piece = fm.group(2).rpartition("|")
    piece = piece.strip()
    if re.fullmatch(r"\([^()]{1,30}\)", piece):
        extra = f"{LABELS['notes'][0]}:{piece}"
    elif (
        len(piece) <= 16
        and not FIELD_ANYWHERE.search(piece)
        and ((tm := parse_time(piece)).months or tm.deadline or tm.window and tm.window != (1, 12))
    ):
        extra = f"{LABELS['time'][0]}:{piece}"
    else:
        return [seg]
    return [seg[: fm.start(2)] + value.rstrip(), extra]


def _trim(text: str, chars: str) -> str:
    """``text`` without any of ``chars`` at either end (str.strip with a set of characters)."""
    return re.sub(f"^[{re.escape(chars)}]+|[{re.escape(chars)}]+$", "", text)


# -- time ---------------------------------------------------------------------------------------

_Time = TimeReading  # kept for callers of the old name


# -- the reader's state -----------------------------------------------------------------------


@dataclass
class _Group:
    """A committee heading grouping topics ("(一)县政协经济科技委员会"), with the fields written under it.

    Its fields ("联系领导:…") and its committee (the lead) apply to every topic of the group,
    through the form headings nested in it ("1.对口协商" then "(1)title").
    """

    header: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class _Topic:
    title: str
    line: int
    numbered: bool
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, list[int]] = field(default_factory=dict)
    last: str | None = None  # the field the next unlabelled line continues
    content_is_list: bool = False  # content began "1. …": numbered lines belong to it
    notes_lines: list[str] = field(default_factory=list)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)  # (line, label, text)
    sentence_fields: set[str] = field(default_factory=set)  # read from running text, not a label
    under_top_form: bool = False  # an "(一)" item directly under a top-level form heading
    sentence_form: str = ""  # a form named in running text ("6月召开专题协商会"): used when no heading names one
    lines: list[int] = field(default_factory=list)
    group: _Group | None = None  # the committee group heading the topic stands under, if any
    title_line: int | None = None  # where the title stands when not on the topic's line (a heading over its sentence)

    def set_field(self, key: str, value: str, lineno: int) -> None:
        if key == "title":
            self.title = value
        elif key == "time" and key in self.fields:
            self.fields[key] += ";" + value  # "调研3—5月" then "协商6月": two clauses, not one list
        elif key in self.fields and key != "content":
            self.fields[key] += "、" + value
        else:
            self.fields[key] = (self.fields.get(key, "") + " " + value).strip()
        self.field_lines.setdefault(key, []).append(lineno)
        self.last = key


@dataclass
class _Section:
    header: str  # as printed, without the count
    count: int | None
    line: int
    topics: list[_Topic] = field(default_factory=list)
    header_is_topic: bool = False
    top_level: bool = False


@dataclass(frozen=True)
class SkippedLine:
    """A source line the reader did not use, and why (Chinese).

    ``place`` is set (Chinese, "第 2 页第 1 行") for text the extraction of a PDF, Word file or web page
    left out of the lines read (a page's header, a page's navigation, a contact table): it has no line
    number in the review's text, so ``line`` is 0 and ``place`` says where the user finds it.
    """

    line: int  # 1-based line number in the source text; 0 for text not in it (see ``place``)
    text: str
    reason: str
    place: str = ""


@dataclass(frozen=True)
class FieldSource:
    """One field of a topic and the source line(s) it was read from."""

    field: str  # title, form, time, lead, co, departments, leaders, people, notes
    lines: tuple[int, ...]
    text: str  # what was read, as printed


@dataclass
class TopicReport:
    """What the reader read for one topic, from where, and how sure it is (0–1)."""

    topic: str  # topic id
    title: str
    line: int
    sources: list[FieldSource]
    confidence: float
    doubts: list[str] = field(default_factory=list)  # why it is less than sure, in Chinese


@dataclass
class DraftPlan:
    """A plan read from published text, with everything a reviewer must see."""

    plan: Plan
    new_committees: list[str] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    new_leaders: list[str] = field(default_factory=list)
    new_forms: list[str] = field(default_factory=list)
    unparsed_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    preamble: str = ""  # the prose before the arrangement (for the document)
    closing: str = ""  # the prose after it
    sources: dict[str, int] = field(default_factory=dict)  # topic id → line number in the text
    reports: list[TopicReport] = field(default_factory=list)  # per topic, in plan order
    skipped: list[SkippedLine] = field(default_factory=list)  # every line not used, with its reason
    line_roles: dict[int, str] = field(default_factory=dict)  # line number → what it was used for
    defaults: list[str] = field(default_factory=list)  # defaults applied, for review (Chinese)
    required: list[str] = field(default_factory=list)  # fields the planner must fill before saving ("year", "body")
    lines: list[str] = field(default_factory=list)  # the source lines as read (index = line number − 1)


@dataclass
class _Parsed:
    title: str = ""
    title_line: int | None = None
    sections: list[_Section] = field(default_factory=list)
    loose: list[_Topic] = field(default_factory=list)  # numbered items outside any section
    skipped: list[SkippedLine] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    declared_total: int | None = None
    first_lines: list[str] = field(default_factory=list)
    sentence_headings: list[str] = field(default_factory=list)
    all_lines: list[str] = field(default_factory=list)
    time_heads: list[tuple[int, str]] = field(default_factory=list)  # (line, "第二季度"); "" where a part ends
    continued: dict[int, list[int]] = field(default_factory=dict)  # line → the lines joined onto it (its value's)
    revision_notice: bool = False  # a 调整通知: only the topics it adds or moves, not the whole plan
    amendment_notes: list[str] = field(default_factory=list)  # the plan's own 补充调整, as applied (Chinese)


def _cn_int(s: str) -> int:
    table = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    if s.isdigit():
        return int(s)
    if len(s) == 1:
        return table.get(s, 0)
    if s.startswith("十"):
        return 10 + table.get(s[1:], 0)
    return table.get(s[0], 0) * 10 + (table.get(s[2:], 0) if len(s) > 2 else 0)


# "Ⅰ、" "II." "ⅳ." (NFKC has made Ⅱ into II): a Roman numeral numbering a heading or an item
_ROMAN = re.compile(r"^(?P<n>X{0,3}(?:IX|IV|V?I{0,3})|x{0,3}(?:ix|iv|v?i{0,3}))\s*[、.．)]\s*(?=[\u4e00-\u9fff“《(【])")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


def _roman(n: str) -> int:
    vals = [_ROMAN_VALUE[c] for c in n.upper()]
    return sum(-v if k + 1 < len(vals) and v < vals[k + 1] else v for k, v in enumerate(vals))


def _roman_numbers(lines: list[str]) -> list[str]:
    """Cleaned lines with Roman numbers rewritten as the level they hold in this document.

    Roman numerals number whatever level a plan's author gives them: the top one
    when the document has no ``一、`` headings (→ ``一、``); under ``一、``
    headings, sections above numbered items (→ ``(一)``) or, with no other
    numbers below them, the items themselves (→ ``1.``).
    """
    hits = [(k, m) for k, line in enumerate(lines) if (m := _ROMAN.match(line)) and m.group("n")]
    if not hits:
        return lines
    at = {k for k, _ in hits}
    others = [line for k, line in enumerate(lines) if k not in at]
    if not any(_TOP.match(x) for x in others):
        style = "top"
    elif any(_NUMBERED.match(x) for x in others[next(iter(sorted(at))) :]):
        style = "section"
    else:
        style = "item"
    out = list(lines)
    for k, m in hits:
        n, rest = _roman(m.group("n")), lines[k][m.end() :]
        if not 1 <= n <= 30:
            continue
        cn = _cn_numeral(n)
        out[k] = f"{cn}、{rest}" if style == "top" else f"({cn}){rest}" if style == "section" else f"{n}.{rest}"
    return out


def _cn_numeral(n: int) -> str:
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


def _is_clause(line: str) -> bool:
    """A piece of running text ("此外,各专委会还将结合实际,适时开展"), not a title: commas and no fields."""
    commas = len(re.findall(r"[,，]", line))
    ends = line.rstrip().endswith(("。", "!", "！"))
    cut = line.rstrip().endswith((",", "，"))  # a sentence broken mid-line (a WeChat article's short lines)
    return len(line) > 12 and (commas >= 2 or (commas and (ends or cut))) and not FIELD_ANYWHERE.search(line)


def _is_cut_clause(line: str) -> bool:
    """Running text broken mid-sentence at a comma: the next line goes on with it."""
    return line.rstrip().endswith((",", "，")) and _is_clause(line)


_UNUSED = (None, T.SKIP_REASON["prose"])  # a line's role when it gave no topic anything


_PER_FORM_COUNT = re.compile(r"\d{1,3}\s*[项个次场]")


# "2024年,省政协…安排协商议题9项,其中全体会议协商1项、…": the page's own count of its topics,
# given with its breakdown in the opening paragraph (a cross-check, never a topic)
_STATED_TOTAL = re.compile(
    r"(?:共|安排)[^,,;;。\d]{0,10}?(?:议题|协商)[^,,;;。\d]{0,4}?(\d{1,3})\s*[项个]\s*[,,;;]?\s*其中"
)


def _stated_total(line: str) -> int | None:
    """The number of topics an opening sentence says the plan holds ("安排协商议题9项,其中…"), or None."""
    m = _STATED_TOTAL.search(line)
    return int(m.group(1)) if m else None


def _scan(text: str) -> _Parsed:
    out = _Parsed()
    top: str | None = None
    top_form = False
    link_list = False  # under a page's "往期推荐": its items are links
    attachments = False  # under "附件:": its items are documents
    in_arrangement = False
    seen_arrangement = False
    cards = False  # a zero-padded card number ("01") was seen: two-digit ones are cards too
    keyed: str | None = None  # the field a heading after the topics gives them ("二、协商部门")
    keyed_lines: set[int] = set()  # lines read for it
    after_card = False  # the row before was a card's number: a form-shaped line now is the card's form tag
    section: _Section | None = None
    topic: _Topic | None = None
    group: _Group | None = None  # the committee group the lines below belong to

    rows: list[tuple[int, str, str]] = []  # (line number, raw, cleaned); one line may give several rows
    raws = text.splitlines()
    cleaned = _roman_numbers([_clean(r) for r in raws])
    set_aside = set_aside_lines(raws, cleaned, _is_form_name)
    out.revision_notice = is_revision_notice(cleaned)
    account_lines: dict[int, list[int]] = {}  # the lines of a plenary told in sentences, wrapped or not
    accounted_sections: set[int] = set()
    for lineno, (raw, line) in enumerate(zip(raws, cleaned, strict=True), start=1):
        out.all_lines.append(raw)
        rows += [(lineno, raw, piece) for piece in ([line] if lineno in set_aside else _pieces(line))]
    running = _running_heads(rows) | _framed_page_marks(rows)
    # "协商议题" "协商形式" "建议时间" with nothing after them: a blank 申报表's labels, before any
    # bare label is joined to the next one as its value
    blank_form = blank_form_rows([r[2] for r in rows])
    for k in sorted(blank_form):
        out.skipped.append(SkippedLine(rows[k][0], rows[k][1].strip(), T.SKIP_REASON["blank_form"]))
    rows = [r for k, r in enumerate(rows) if k not in blank_form]
    rows, joined = _join_bare_labels(colon_bare_labels(rows))
    for ln, onto in joined:
        out.roles[ln] = "字段(续行)"
        out.continued.setdefault(onto, []).append(ln)
    rows, joined = _join_cut_titles(rows)
    for ln, onto in joined:
        out.roles[ln] = "议题(续行)"
        out.continued.setdefault(onto, []).append(ln)

    def skip(lineno: int, raw: str, reason: str) -> None:
        out.skipped.append(SkippedLine(lineno, raw.strip(), T.SKIP_REASON[reason]))

    def prose(lineno: int, line: str) -> None:
        (out.closing if seen_arrangement else out.preamble).append(line)
        out.roles[lineno] = T.SKIP_REASON["prose"]

    def next_field_key(i: int) -> str | None:
        """The field key of the next non-blank line, if it is a labelled field."""
        # by index, not rows[i + 1 :]: a copy of the rest per line made the reader quadratic
        for k in range(i + 1, len(rows)):
            nxt = rows[k][2]
            if not nxt or _is_junk(nxt):
                continue
            fm = FIELD_LINE.match(_strip_number(nxt))
            return LABEL_OF[fm.group(1)] if fm else None
        return None

    def heads_fielded_items(i: int) -> bool:
        """Whether row ``i`` has no field under it but a numbered item next, itself with a field."""
        if next_field_key(i) is not None or FIELD_ANYWHERE.search(rows[i][2]):
            return False
        for k in range(i + 1, len(rows)):
            nxt = rows[k][2]
            if not nxt or _is_junk(nxt):
                continue
            item = _NUMBERED.match(nxt)
            return bool(item) and (
                next_field_key(k) in _TOPIC_FIELDS or bool(FIELD_ANYWHERE.search(item.group("title")))
            )
        return False

    def new_topic(title: str, lineno: int, numbered: bool) -> _Topic:
        nonlocal topic
        said = quoted_subject_and_form(title)
        topic = _Topic(title=said[0] if said else title, line=lineno, numbered=numbered, group=group)
        if said:
            # "围绕“X”召开专题协商会": the subject in quotes is the title, the form the one held
            topic.sentence_form = said[1]
            topic.field_lines.setdefault("form", []).append(lineno)
        if section is not None:
            section.topics.append(topic)
        else:
            out.loose.append(topic)
        return topic

    for i, (lineno, raw, line) in enumerate(rows):
        if lineno in set_aside:
            # another year's plan on the page, or the notes under the plan: never a topic nor a field's tail
            out.skipped.append(SkippedLine(lineno, raw.strip(), T.PAGE_PART_SKIP[set_aside[lineno]]))
            topic = None
            continue
        if not line:
            if raw.strip():  # only tags or entities ("<p>", "&nbsp;"): nothing to read, but said
                skip(lineno, raw, "markup")
            continue
        if _is_junk(line) or line in running:
            if re.fullmatch(r"[━─═—\-=_*~·•.]{3,}", line) or is_card_number(line, cards):
                topic = None  # a rule across the page (a card's big number) closes the item above
                cards = cards or line.startswith("0")
                after_card = is_card_number(line, cards)
            skip(lineno, raw, "junk")
            link_list = link_list or bool(_LINK_LIST_HEAD.match(line))
            continue
        if link_list:
            title_like = _PLAN_TITLE.search(line) and _TITLE_SUBJECT.search(line) and not _is_headline(line)
            if (
                (_NUMBERED.match(line) or _BULLET.match(line) or len(line) <= 40)
                and not FIELD_LINE.match(line)
                and not title_like
            ):
                skip(lineno, raw, "junk")  # "▶ 省政协召开…主席会议": a link under 往期推荐
                continue
            link_list = False
        am = _ATTACHMENT.match(line)
        annex_title = (
            # "附件" then "协商部门联络员名单" after the topics: the annex's own title, no topic
            attachments and _DOC_TITLE_END.search(line) and (out.loose or any(s.topics for s in out.sections))
        )
        if am or (attachments and _NUMBERED.match(line)) or annex_title:
            item = _strip_number(am.group("rest") if am else line).strip()
            if not item or _DOC_TITLE_END.search(item):
                # "附件:1.…一览表" "2.…督办安排": the notice's list of attachments, not topics
                attachments = True
                topic = None
                if annex_title:
                    section, in_arrangement = None, False  # the plan is over: what follows belongs to the annex
                skip(lineno, raw, "attachment")
                continue
        attachments = False
        if topic is not None and _ANNEX_HEAD.match(line):
            # "附:联络员名单" "附表:联系人" under the last topic's last field: an annex begins, never
            # the tail of that field's value (nor are the annex's lines)
            topic.last = None
            skip(lineno, raw, "attachment")
            continue
        card_tag, after_card = after_card, False
        if len(out.first_lines) < 8:
            out.first_lines.append(line)
        if _DATE_LINE.match(line) or (_SIGNATURE.match(line) and _next_is_date(rows, i)):
            # the signature and date under the plan (or the notice): never a field's continuation
            prose(lineno, line)
            topic = None
            continue
        if line.startswith(TABLE_MARK):
            # the header of a table read into lines: its rows follow as numbered topics, wherever the
            # table stands (an 附件 table after "三、工作要求" is the arrangement again)
            out.roles[lineno] = T.SKIP_REASON["heading"]
            topic = None
            if not in_arrangement:
                section, top, top_form = None, None, False
            in_arrangement = seen_arrangement = True
            continue
        th = _time_heading(line)
        if th:
            # "第二季度" "一、3月份" "【下半年】": the topics below are held then (unless they say otherwise)
            out.time_heads.append((lineno, th))
            if th != line and not _NUMBERED.match(line) and not _BULLET.match(line):
                section, top, top_form = None, th, False  # a numbered heading ends the form above
            topic = None
            in_arrangement = seen_arrangement = True
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        cm_ = _CAPTION.match(line)
        if cm_:
            # "表2 对口协商安排" above a table names the form of its rows; "续表1" continues one
            what = _CAPTION_END.sub("", cm_.group("rest")).strip()
            if what and _is_form_name(what) or classify_form(what or "-") and len(what) <= 12:
                section = _Section(header=what, count=None, line=lineno, top_level=True)
                out.sections.append(section)
                top, top_form = what, True
                in_arrangement = seen_arrangement = True
            topic = None
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        if _ORDINAL_HEAD.match(line) or (is_card_caption(line) and next_field_key(i) is not None):
            # "议题一" above a topic's own small table, "项目卡2" above the next card table (a field
            # follows): a divider, never a topic nor the tail of the last value of the card above
            out.roles[lineno] = T.SKIP_REASON["heading"]
            topic = None
            continue
        if _ORDINAL_DIVIDER.match(line):
            # "第二次" after "出席:…": the next block begins. A topic read so far ends; one with no
            # field yet (a line above the labels) stays, for the "议题:" below to name
            out.roles[lineno] = T.SKIP_REASON["heading"]
            if topic is not None and topic.fields:
                topic = None
            elif topic is not None:
                topic.last = None
            continue

        if keyed and (lineno in keyed_lines or _keyed_line(out, keyed, _clean(raw), lineno)):
            # "推进X:市发改委、…" under "二、协商部门": a field of a topic read above (the whole line,
            # however it was cut into rows)
            keyed_lines.add(lineno)
            continue
        m = _TOP.match(line) or _PART.match(line)
        if m:
            has_topics = out.loose or any(s.topics for s in out.sections)
            keyed = keyed_field(_COUNT.sub("", m.group(2)).strip()) if has_topics else None
        if m and len(m.group(2)) <= 40:
            head = m.group(2).strip()
            if out.time_heads:
                out.time_heads.append((lineno, ""))  # a new part: the time heading above no longer applies
            cm = _COUNT.search(head)
            head_wo = _COUNT.sub("", head).strip()
            cat = classify_form(head_wo)
            top = head
            section, topic, group = None, None, None
            # "一、“有事好商量”协商议事会" "二、委员小组协商" "三、委员工作室议事": a platform's or the
            # members' own form, a form's name however early it stands (工作室 is no 工作 of a part heading)
            grassroots = _is_quoted_platform_form(head_wo) or _MEMBERS_FORM.match(head_wo) is not None
            top_form = grassroots or (
                # a known form, or a name shaped like one ("网络议政", "协商座谈会") under a count or
                # among the arrangement's headings
                (
                    cat is not None
                    or (
                        _is_form_name(head_wo)
                        and (cm is not None or seen_arrangement)
                        and not re.match(r"其[他它余]|另", head_wo)  # "其他协商活动": a catch-all, no form
                    )
                )
                and not _is_sentence(head_wo)
                and (cm is not None or not re.search(r"工作|安排|计划|原则|要求|组织|保障|总体|指导", head_wo))
            )
            if top_form:
                section = _Section(
                    header=head_wo, count=_cn_int(cm.group(1)) if cm else None, line=lineno, top_level=True
                )
                out.sections.append(section)
                in_arrangement = seen_arrangement = True
                out.roles[lineno] = T.SKIP_REASON["heading"]
                continue
            if (cm is None or _COMMITTEE_HEADING.search(head_wo)) and _is_group_heading(
                head_wo, [r[2] for r in rows[i + 1 : i + 4]]
            ):
                # "一、县政协经济委员会" over its forms and topics: a committee group at the top level;
                # "一、省政协经济委员会(2项)" counts its topics, a 政协 committee's name all the same
                section = _Section(header=head_wo, count=_cn_int(cm.group(1)) if cm else None, line=lineno)
                out.sections.append(section)
                group = _Group(head_wo, lineno)
                in_arrangement = seen_arrangement = True
                out.roles[lineno] = T.SKIP_REASON["heading"]
                continue
            if (
                cm is None
                and next_field_key(i) in _TOPIC_FIELDS
                and not _is_sentence(head_wo)
                # a short part heading ("三、工作要求" "四、组织保障" "二、总体安排"), not a title that only
                # holds such a word ("提升县城供水保障水平")
                and not _PART_HEADING_WORDS.fullmatch(head_wo)
            ):
                # "四.促进X" then "承办单位:…": a topic numbered like a part, as a plan whose numbering
                # changes style from item to item gives it ("3、…" "四.…" "(5)…")
                in_arrangement = seen_arrangement = True
                new_topic(head, lineno, True)
                out.roles[lineno] = "议题"
                continue
            in_arrangement = bool(_ARRANGEMENT.search(top)) and not _is_prose(top)
            seen_arrangement = seen_arrangement or in_arrangement
            if not in_arrangement:
                prose(lineno, line)
            else:
                out.roles[lineno] = T.SKIP_REASON["heading"]
            continue

        m = _SECTION.match(line)
        section_field = _section_numbered_field(m, topic)
        if m and not section_field and (in_arrangement or top is None):
            head = m.group(2).strip()
            if _is_sentence(head) and not FIELD_ANYWHERE.search(head):
                # "(一)围绕市委全会精神选择题目。" is a rule, not a section; a topic only if fields follow
                out.sentence_headings.append(head)
                if top_form:
                    new_topic(head.rstrip("。"), lineno, True).under_top_form = True
                    out.roles[lineno] = "议题"
                else:
                    section, topic = None, None
                    new_topic(head.rstrip("。"), lineno, True)
                    out.roles[lineno] = "议题"
                continue
            cm = _COUNT.search(head)
            count = _cn_int(cm.group(1)) if cm else None
            head = _COUNT.sub("", head).strip()
            segs = _split_fields(head)
            cat = classify_form(segs[0])
            if (
                len(segs) == 1
                and cat is None
                # set like the forms above it, not under a form's heading ("一、专题协商会" / "(二)乙项工作")
                and not (section is not None and section.top_level)
                and _PART_HEADING_WORDS.fullmatch(head)
                and not _is_form_name(head)
                and next_field_key(i) is None
                and any(s.topics for s in out.sections)
                and _rules_follow(rows, i)
            ):
                # "(六)工作要求" after the forms' topics: a part of the document set like one more form;
                # its "1.…2.…" are rules, not topics (as under "三、工作要求" at the top level)
                section, topic, top, top_form, in_arrangement = None, None, head, False, False
                out.roles[lineno] = T.SKIP_REASON["heading"]
                continue
            if group is not None and len(segs) == 1 and _is_group_heading(head, [r[2] for r in rows[i + 1 : i + 4]]):
                # "(二)县政协提案委员会" after the forms of group (一): the next group, not a topic
                section = _Section(header=head, count=count, line=lineno)
                out.sections.append(section)
                group, topic = _Group(head, lineno), None
                out.roles[lineno] = T.SKIP_REASON["heading"]
                continue
            parent = section if section is not None and section.top_level else None
            names_form = cat is not None and _FORM_NAME_END.search(segs[0]) is not None
            if parent is not None and count is None and (not names_form or cat == classify_form(parent.header)):
                # "(一)…" directly under "一、对口协商": a topic, not a section
                tp = _Topic(title=segs[0], line=lineno, numbered=True, under_top_form=True)
                parent.topics.append(tp)
                topic = tp
                for seg in segs[1:]:
                    _take_field(tp, seg, lineno)
                out.roles[lineno] = "议题"
                continue
            section = _Section(header=head, count=count, line=lineno)
            out.sections.append(section)
            if len(segs) == 1 and _is_group_heading(head, [r[2] for r in rows[i + 1 : i + 4]]):
                group = _Group(head, lineno)
            elif not (cat is not None or _is_form_name(head)):
                group = None  # a form under a group heading stays in the group; anything else ends it
            seen_arrangement = True
            in_arrangement = True
            topic = None
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue

        if not in_arrangement and top is not None:
            prose(lineno, line)
            continue
        if (
            top is None
            and section is None
            and not out.title
            and _PLAN_TITLE.search(line)
            and _TITLE_SUBJECT.search(line)
            and not _is_headline(line)
            and not _is_prose(line)
            and not FIELD_LINE.match(line)
        ):
            out.title, out.title_line = line, lineno
            out.roles[lineno] = T.SKIP_REASON["title"]
            continue
        if top is None and section is None and not out.title and _RULES_TITLE.search(line) and not _is_prose(line):
            out.title, out.title_line = line, lineno
            out.roles[lineno] = T.SKIP_REASON["title"]
            continue

        body = _strip_number(line)
        part_item = _part_numbered_item(line) if body == line else None
        if part_item:
            body = part_item.group("title")
        elif section_field:
            body = section_field
        numbered = body != line
        segs = _split_fields(body)
        fm = FIELD_LINE.match(segs[0])
        if fm:
            if (
                topic is None
                and group is not None
                and section is not None
                and section.line == group.line
                and not section.topics
                and LABEL_OF[fm.group(1)] not in ("title", "content")
            ):
                # "联系领导:…" under "(一)县政协经济科技委员会": a field of every topic of the group
                for seg in segs:
                    gm = FIELD_LINE.match(seg)
                    if gm:
                        key = LABEL_OF[gm.group(1)]
                        value = _trim(gm.group(2).strip(), "。; ")
                        group.fields[key] = f"{group.fields[key]}、{value}" if key in group.fields else value
                        group.field_lines.setdefault(key, []).append(lineno)
                out.roles[lineno] = "字段"
                continue
            if LABEL_OF[fm.group(1)] == "title" and len(segs) == 1 and _DOCUMENT_NAME.search(fm.group(2).strip()):
                # "标题:关于印发《…协商计划》的通知" in a portal's 信息公开 table (索引号, 文号, 发布机构):
                # the name of the page's document, not a topic
                if not out.title:
                    out.title, out.title_line = fm.group(2).strip(), lineno
                out.roles[lineno] = T.SKIP_REASON["title"]
                topic = None
                continue
            # "1.时间安排:4月": a field numbered as a sub-item of the topic
            if topic is None and section is not None and not section.topics and LABEL_OF[fm.group(1)] != "title":
                topic = _Topic(title=section.header, line=section.line, numbered=False)
                section.header_is_topic = True
                section.topics.append(topic)
            if LABEL_OF[fm.group(1)] == "title" and (
                topic is None or "title" in topic.field_lines or (topic.fields and not topic.under_top_form)
            ):
                new_topic("", lineno, numbered)
            if topic is None:
                skip(lineno, raw, "stray")
                continue
            for seg in segs:
                _take_field(topic, seg, lineno)
            topic.lines.append(lineno)
            out.roles[lineno] = "字段"
            continue

        um = UNKNOWN_LABEL.match(body)
        if um and topic is not None and not numbered and um.group(1) not in LABEL_OF and len(segs) == 1:
            topic.unknown.append((lineno, um.group(1), line))
            topic.notes_lines.append(line)
            topic.last = None
            topic.lines.append(lineno)
            out.roles[lineno] = "备注"
            continue
        if um and topic is None and not numbered and is_contact_label(um.group(1)):
            # "联系人:…办公室 某某 0891-…" after a note closed the last topic: whom to call, never a topic
            prose(lineno, line)
            continue
        if not numbered and is_contact_label(line):
            # "联系方式" alone on its line (a list's term, a small heading) over "联系人:…" "电话:…":
            # whom to call, never a topic
            prose(lineno, line)
            topic = None
            continue

        if (group is not None and _is_nested_form_heading(line, [r[2] for r in rows[i + 1 :]])) or (
            _is_numbered_form_over_sections(line, [r[2] for r in rows[i + 1 : i + 4]])
        ):
            # "1.远程协商" between a committee group heading and its "(1)…" topics: the form of those topics
            head = _strip_number(line).strip()
            section = _Section(header=head, count=None, line=lineno, top_level=True)
            out.sections.append(section)
            top, top_form, topic = head, True, None
            in_arrangement = seen_arrangement = True
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        hm = _BRACKETED_TITLE.match(line)
        if (
            not hm
            and len(line) <= 24
            # a known form only ("工作报告协商议政" may be a wrapped line's end), or one shaped like a form
            # that announces its count ("“请你来协商”平台协商(4个议题)")
            and (classify_form(line) or _COUNT.search(line) or card_tag)
            and _is_form_name(line)
            # fields under it: a title's last words, not a heading; but "议题:X" under it names a topic of its own
            # ("01" "专题协商会" "议题一 X": a card's form, then its first topic)
            and next_field_key(i) in (None, "title")
            and not _is_sentence(line)
            # "届" "次" of "十届三次": a meeting's name; the heading's own count "(5次)" is no such thing
            and not re.search(
                r"政协|政府|[局厅院部署]|召开|举行|举办|开展|进行|围绕|关于|推进|加强|届|次", _COUNT.sub("", line)
            )
        ):
            # "专题议政性常委会议" alone on its line (a Word heading style, or "1." under the title): a form heading
            hm = re.match(r"(?P<title>.+)", _strip_number(line))
        if (
            hm
            and (
                classify_form(hm.group("title"))
                or ((_COUNT.search(hm.group("title")) or card_tag) and _is_form_name(hm.group("title")))
            )
            and _FORM_NAME_END.search(_COUNT.sub("", hm.group("title")).strip())
        ):
            # "【专题议政性常委会议】": a form heading set in brackets, like "一、专题议政性常委会议"
            head = _COUNT.sub("", hm.group("title")).strip()
            cm = _COUNT.search(hm.group("title"))
            section = _Section(header=head, count=_cn_int(cm.group(1)) if cm else None, line=lineno, top_level=True)
            out.sections.append(section)
            top, top_form, topic = head, True, None
            in_arrangement = seen_arrangement = True
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        if (
            _CLOSING_HEAD.fullmatch(line)
            and next_field_key(i) is None
            and (topic is not None or (section is not None and section.topics))
        ):
            # "工作要求" alone on its line after the last topic's last field (a bold paragraph, an outer list
            # item whose number only the markup drew): the part after the arrangement, never the tail of
            # that field's value nor one more topic
            section, topic, in_arrangement = None, None, False
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        if (hm or _BAR_HEADING.match(line)) and next_field_key(i) is None and section is not None and section.topics:
            # "【附件】" "▌工作要求" after the topics: a heading of something else, not one more topic
            section, topic, in_arrangement = None, None, False
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        if _NUMBERED.match(line) and _names_a_group(_strip_number(line)) and heads_fielded_items(i):
            # "4、其他协商" "(3)专项协商" numbered like the topics, with no field of its own, over
            # numbered topics with fields (each often with its own 形式 line): a group heading, not a topic
            head = _COUNT.sub("", _strip_number(line)).strip()
            topic = None
            if _CATCH_ALL.fullmatch(head):
                # a catch-all names no form: the topics below are read as under no heading, each by its own
                section, top, top_form = None, head, False
            else:
                cm = _COUNT.search(_strip_number(line))
                count = _cn_int(cm.group(1)) if cm else None
                section = _Section(header=head, count=count, line=lineno, top_level=True)
                out.sections.append(section)
                top, top_form = head, True
            in_arrangement = seen_arrangement = True
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        bm = _NUMBERED.match(line) or _BULLET.match(line) or _BRACKETED_TITLE.match(line) or part_item
        if bm:
            title = bm.group("title")
            if topic is not None and topic.last == "content" and topic.content_is_list and _NUMBERED.match(line):
                topic.fields["content"] += " " + line
                topic.lines.append(lineno)
                out.roles[lineno] = "内容"
                continue
            if (
                topic is not None
                and topic.under_top_form
                and not topic.fields
                and section is not None
                and section.top_level
                and _NUMBERED.match(line)
            ):
                # "(一)经济领域" then "1.…": the (一) was a group of topics after all
                section.topics.remove(topic)
                sub = _Section(header=section.header, count=None, line=topic.line)
                out.sections.append(sub)
                section = sub
            qm = _QUOTED_TITLE.match(title) or _quoted_in_sentence(title)
            if qm and _is_item_sentence(qm.group("rest")) and not FIELD_ANYWHERE.search(title):
                # "“加快新型工业化”,6月召开,由市政协经济委承办,…参加"
                # "5月,围绕“X”召开常委会议,由…承办" "由…与市公安局对口协商“X”,拟于4月进行"
                tp = new_topic(qm.group("title").strip(), lineno, True)
                _sentence_fields(tp, qm.group("rest"), lineno)
                out.roles[lineno] = "议题"
                continue
            revised = _REVISED_TAIL.search(title)
            if revised:
                # "推进X(专题协商会),由原定5月调整至11月。" (a revision notice): the new time, the title before it
                title = title[: revised.start()]
            title, bracket = _bracket_fields(title)
            if not bracket:
                title, bracket = _spaced_fields(title)
            if revised:
                bracket = [*bracket, ("time", revised.group("time"))]
            elif not bracket:
                title, said_time = _comma_time_tail(title)
                bracket = [("time", said_time)] if said_time else []
            dash = _DASH_FORM.match(title)
            if dash and _is_form_name(dash.group("form")):
                title, bracket = dash.group("title"), [*bracket, ("form", dash.group("form"))]  # "推进X——专题协商会"
            tsegs = _split_fields(title)
            head, stop, rest = tsegs[0].partition("。")
            tp = new_topic(_trim(head if stop and len(head) >= 4 else tsegs[0], "。; "), lineno, True)
            if stop and len(head) >= 4 and rest.strip():
                # "1.推进X。由…组织实施,…参加,拟于6月召开。": the title, then its fields in a sentence
                if not _sentence_fields(tp, rest, lineno):
                    tp.notes_lines.append(rest.strip())
            for seg in tsegs[1:]:
                _take_field(tp, seg, lineno)
            for key, value in bracket:
                if key == "sentence":
                    _sentence_fields(tp, value, lineno)
                else:
                    tp.set_field(key, value, lineno)
            out.roles[lineno] = "议题"
            continue

        # An unlabelled, unnumbered line: a continuation, a title, a sentence of fields, or stray text.
        if topic is None and i and _is_cut_clause(rows[i - 1][2]) and out.roles.get(rows[i - 1][0]) in _UNUSED:
            # "为协商议题建言献策" after "欢迎…留言,": the rest of a sentence broken mid-line, not a title
            skip(lineno, raw, "stray")
            continue
        if re.fullmatch(r"\([^()]{4,80}\)", line) and not FIELD_ANYWHERE.search(line):
            # "(由各专门委员会分别与对口部门全年适时开展)": a remark under a heading, not a topic
            out.roles[lineno] = T.SKIP_REASON["prose"]
            continue
        if lineno in account_lines or (
            topic is None and section is not None and not section.topics and section.line not in accounted_sections
        ):
            said = account_lines.get(lineno) or _plenary_account_rows(section.header, rows, i)
            if said:
                # "一、全体会议" told in sentences (when it meets, what it discusses): the plenary is said, not listed
                accounted_sections.add(section.line)
                account_lines.update(dict.fromkeys(said, said))
                out.roles[lineno] = T.SKIP_REASON["prose"]
                continue
        if _is_header_run(line) or (line in ("号", "序号") and i and _is_header_run(rows[i - 1][2])):
            # "序协商议题时间牵头单位协商部门出席领导" then "号": a table's header a PDF gave as one run of
            # text, the wrapped end of its first cell below it
            out.roles[lineno] = T.SKIP_REASON["heading"]
            continue
        if topic is None and section is not None and not section.topics and _is_count_intro(line, rows, i):
            # "全年安排2次专题协商会。" under a form heading, its numbered topics below: an intro, no topic
            out.roles[lineno] = T.SKIP_REASON["prose"]
            continue
        if topic is not None and _ABOUT_ALL_ABOVE.match(line) and not FIELD_LINE.match(line):
            # "以上协商活动,邀请市领导和有关部门负责同志参加。": said of every topic above, no field of the last
            prose(lineno, line)
            continue
        nxt = next_field_key(i)
        if (
            topic is not None
            and nxt is not None
            and nxt in topic.fields
            and not _is_prose(line)
            and len(line) >= 4
            and "、" not in line
        ):
            new_topic(line.rstrip("。"), lineno, False)
            out.roles[lineno] = "议题"
            continue
        if (
            topic is not None
            and topic.last is not None
            and topic.last != "title"
            and (topic.last != "time" or _MONTHISH.search(line))
        ):
            # A wrapped list ("市自然资源和\n规划局") is short and has no full stop;
            # a sentence after a list is something else: read it for fields, else keep it for review.
            if topic.last != "content" and (len(line) > (12 if topic.last == "time" else 40) or "。" in line):
                if _sentence_fields(topic, line, lineno):
                    out.roles[lineno] = "字段(句中)"
                else:
                    skip(lineno, raw, "stray")
                continue
            sep = " " if topic.last == "content" else ""
            topic.fields[topic.last] += sep + line
            topic.field_lines.setdefault(topic.last, []).append(lineno)
            topic.lines.append(lineno)
            out.roles[lineno] = "字段(续行)"
        elif (
            topic is not None
            and not topic.fields
            and not _is_prose(topic.title + line)
            and topic.numbered
            # "由X牵头，A、B参加，8月开展。": a short duty sentence under a title is its fields, not more title
            and not (line.rstrip().endswith("。") and role_clauses(line) is not None)
        ):
            topic.title += line
            topic.lines.append(lineno)
            out.roles[lineno] = "议题(续行)"
        elif topic is not None and _sentence_fields(topic, line, lineno):
            out.roles[lineno] = "字段(句中)"
        elif (
            section is not None
            and topic is None
            # running text that names no field of a topic ("此外,各专委会还将…") is no topic
            and not (nxt is None and _is_clause(line) and not _sentence_fields(_Topic("", 0, False), line, lineno))
        ):
            told = when_then_topic(line)
            if told:
                # "X期间,围绕Y协商议政(承办:Z)。" under a form: the form's one topic, told in a sentence
                tp = new_topic(told[0], lineno, False)
                tp.set_field("time", told[1], lineno)
                for seg in told[2]:
                    _take_field(tp, seg, lineno)
                tp.lines.append(lineno)
            elif _is_prose(line) or opens_duty_sentence(line):
                # a short "由X牵头，拟于10月召开F。" under its title is the title's fields all the same
                tp = _Topic(title=section.header, line=lineno, numbered=False, title_line=section.line)
                tp.fields["content"] = line
                tp.field_lines["content"] = [lineno]
                tp.last = "content"
                lead = re.match(r"^[^,,。]{0,12}?月份?", line)
                when = lead.group(0) if lead else _meeting_time(line)
                if when:
                    tp.fields["time"] = when
                    tp.field_lines["time"] = [lineno]
                _sentence_fields(tp, line, lineno, time=False)
                section.header_is_topic = True
                section.topics.append(tp)
                topic = tp
            else:
                new_topic(line, lineno, False)
            out.roles[lineno] = "议题"
        elif (
            topic is None
            and nxt is not None
            and not _is_prose(line)
            # "…的时间、承办专委会、协商部门和" + "出席市领导：": a sentence broken before a label, no title
            and not _CUT_BEFORE_LABEL.search(line)
            and (in_arrangement or top is None)
        ):
            new_topic(line.rstrip("。"), lineno, False)
            out.roles[lineno] = "议题"
        elif section is None and in_arrangement and not out.sections:
            # the arrangement's opening sentence: "共安排重点协商议题11项"
            cm = re.search(r"(\d{1,3})\s*[项个]", line) if re.search(r"共|安排|开展", line) else None
            # "安排协商议题9项,其中全会1项、对口协商4项": the count before 其中 is the total all the same
            said_total = re.search(r"共\s*\d|\d\s*[项个]\s*[,,;;]?\s*其中", line)
            if cm and not said_total and len(_PER_FORM_COUNT.findall(line)) > 1:
                cm = None  # "常委会专题协商会2次、主席会议协商4次…": a count per form, not the total
            if cm and out.declared_total is None:
                out.declared_total = int(cm.group(1))
            out.roles[lineno] = "总数说明" if cm else T.SKIP_REASON["prose"]
        elif section is None and top is None and topic is None:
            if out.declared_total is None and not out.sections:
                out.declared_total = _stated_total(line)
            prose(lineno, line)
        else:
            skip(lineno, raw, "stray")
    # a plan's own 补充调整 after its topics; a 调整通知 lists only its changes and is read as it is
    first = min((t.line for sec in out.sections for t in sec.topics), default=None)
    part = (
        amendments([(n, cleaned[n - 1]) for n in range(first + 1, len(cleaned) + 1)])
        if first is not None and not out.revision_notice
        else None
    )
    if part is not None:
        _apply_amendments(out, part, cleaned, skip)
    _apply_time_heads(out)
    for t in out.loose:
        if not t.fields:
            out.roles.pop(t.line, None)
            skip(t.line, out.all_lines[t.line - 1], "loose_item")
            for ln in dict.fromkeys(t.lines):
                if ln == t.line:
                    continue  # "协商议题:X" alone: the item's own line, said once
                out.roles.pop(ln, None)
                skip(ln, out.all_lines[ln - 1], "loose_item")
    return out


# What may stand around a time phrase in a heading that only times the topics below it
_TIME_HEAD_REST = re.compile(
    r"年内|[\s第一二三四五六七八九十\d月份季度上中下半年旬初底末前后、,,至到\-–—~和及或::()【】\[\]]|安排|协商|议题|活动"
    r"|全年|适时|开展|进行|另行|待定|视情|择机|其他|其它|时间"
)
# "■ 5月" "◆ 年内适时": a month timeline's heading behind a mark (its items carry another mark)
_HEAD_MARK = re.compile(r"^[■□▌▍▎▶►◤●◆◇★☆]\s*")
_HEAD_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|\d{1,2}\s*[、.)])\s*"
)


# A committee's name without the 政协 ("经济科技委员会", "文史委"): a group heading only when
# a field of the group ("联系领导:…") or a nested form heading follows it
_BARE_COMMITTEE = re.compile(r"^[\u4e00-\u9fff、和与]{2,16}(?:专门委员会|委员会|委)$")
_NOT_COMMITTEE = re.compile(r"政府|党委|[省市县区州旗]委(?!员)|局|厅|办公室")


# "其他" "其他协商" "其它协商活动" "其余协商形式": a catch-all group of consultations, naming no form
_CATCH_ALL = re.compile(r"(?:其[他它余]|另外?)(?:各类|各项)?(?:协商|形式|活动|议题|事项|安排)*类?")
# How a group of consultations is named: a consultation's words at the end. A topic's title may end in
# 调研 or 视察 (what is done for it), so those do not make a short title a group's name
_GROUP_FORM_END = re.compile(r"(?:协商|会议|座谈会|协商会|恳谈会|议政|议事)(?:活动)?$")


_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.、)]")


def _apply_amendments(out: _Parsed, part: AmendmentPart, cleaned: list[str], skip: Any) -> None:
    """The plan as it stands after its 补充调整 part (see :mod:`paperwork.amendments`).

    "第N项" is the item numbered N (by the numbers printed, when each is printed once; else the
    N-th topic). A moved time or lead replaces the item's and cites the change's line; a cancelled
    item is taken out, its lines listed as skipped; an added topic comes after all the others.
    What cannot be applied is kept in ``out.amendment_notes`` for the review's warnings.
    """
    own = set(part.lines) | {n for c in part.changes for n in c.lines}
    for sec in out.sections:  # a change the loop above read as a topic ("1.增加一项:…") is no topic itself
        sec.topics = [t for t in sec.topics if t.line not in own]
    out.loose = [t for t in out.loose if t.line not in own]
    topics = [t for sec in out.sections for t in sec.topics] + [t for t in out.loose if t.fields]
    numbers = [m.group(1) if (m := _ITEM_NUMBER.match(cleaned[t.line - 1])) else None for t in topics]
    by_number = (
        {int(n): t for n, t in zip(numbers, topics, strict=True) if n}
        if all(numbers) and len(set(numbers)) == len(numbers)
        else {k: t for k, t in enumerate(topics, start=1)}
    )
    for n in own:
        out.roles[n] = T.AMENDMENT_ROLE if n not in part.lines else T.SKIP_REASON["prose"]
    for change in part.changes:
        tp = by_number.get(change.item) if change.item is not None else None
        if change.kind == "add":
            added = _Topic(title=change.title, line=change.lines[0], numbered=True)
            if change.form:
                added.set_field("form", change.form, change.lines[0])
            for seg in _split_fields(change.fields):
                _take_field(added, seg, change.lines[-1])
            added.lines.extend(change.lines)
            out.loose.append(added)
            out.amendment_notes.append(T.AMENDMENT_NOTE["add"].format(title=change.title))
        elif tp is not None and change.kind in ("time", "lead"):
            tp.fields[change.kind] = change.value
            tp.field_lines[change.kind] = list(change.lines)
            tp.sentence_fields.discard(change.kind)
            out.amendment_notes.append(
                T.AMENDMENT_NOTE[change.kind].format(item=change.item, title=tp.title, value=change.value)
            )
        elif tp is not None and change.kind == "cancel":
            for sec in out.sections:
                sec.topics = [t for t in sec.topics if t is not tp]
            out.loose = [t for t in out.loose if t is not tp]
            for ln in dict.fromkeys([tp.line, *tp.lines]):
                out.roles.pop(ln, None)
                skip(ln, out.all_lines[ln - 1], "cancelled_item")
            out.amendment_notes.append(T.AMENDMENT_NOTE["cancel"].format(item=change.item, title=tp.title))
        else:
            for ln in change.lines:
                out.roles.pop(ln, None)
                skip(ln, out.all_lines[ln - 1], "amendment_unread")


def _names_a_group(text: str) -> bool:
    """ "其他协商" "其他形式" "专项协商" "界别协商(2项)": a name for a group of consultations, no topic's title.

    A catch-all, or a form's name alone: short, ending in a consultation's words, naming no
    body nor subject ("关于加强基层协商民主建设的协商" is a topic's title, though it names 基层).
    """
    head = re.sub(r"[“”\"']", "", _COUNT.sub("", text)).strip()
    if _CATCH_ALL.fullmatch(head):
        return True
    return (
        bool(_FORM_NAME_SHAPE.match(head))
        and len(head) <= 10
        and bool(_GROUP_FORM_END.search(head))
        and not _BODY_WORD.search(head)
        and not _is_sentence(head)
        and not parse_time(head).months
    )


def _is_group_heading(head: str, after: list[str]) -> bool:
    """ "县政协经济科技委员会" under "(一)": a committee heading grouping topics (not a form, not a sentence).

    ``after``: the next rows, which must carry the group's field or a nested form heading
    when the heading does not name the 政协.
    """
    # "提案委员会" names a committee, though "提案" also names a form: a form's name ends like one
    if _FORM_NAME_END.search(head) or _is_sentence(head):
        return False
    if _COMMITTEE_HEADING.search(head):
        return True
    if not _BARE_COMMITTEE.match(head) or _NOT_COMMITTEE.search(head):
        return False
    nxt = [x for x in after if x]
    fm = FIELD_LINE.match(nxt[0]) if nxt else None
    return bool(fm and LABEL_OF[fm.group(1)] == "leaders") or bool(nxt and _is_nested_form_heading(nxt[0], nxt[1:]))


def _is_nested_form_heading(line: str, after: list[str]) -> bool:
    """ "1.对口协商" followed by "(1)title": a numbered form name over numbered topics of another kind."""
    m = _NUMBERED.match(line)
    if not m or not re.match(r"^\d{1,2}\s*[、.]", line):
        return False
    name = m.group("title").strip()
    if not _is_form_name(name) or _is_sentence(name) or len(name) > 16:
        return False
    nxt = next((x for x in after if x), "")
    return bool(re.match(r"^\(\s*\d{1,2}\s*\)", nxt)) and not _is_form_name(_strip_number(nxt))


# A form's name as a level writes it: "区政协主席会议协商", "县政协“有事好商量”协商议事"
_LEVEL_PREFIX = re.compile(r"^(?:[省市县区州旗]政协|政协(?:[\u4e00-\u9fff]{1,8}?委员会)?)")
_LEVEL_FORM_END = re.compile(r"(?:协商|会议|座谈会|协商会|恳谈会|议政|议事|协商议事)$")


def _is_level_form_name(name: str) -> bool:
    """ "区政协常委会专题协商会" "县政协主席会议协商" "区政协“有事好商量”协商议事": a form named with its level.

    The level prefix (区政协, 政协X委员会) is taken off; what is left must read as a form's
    name (a known one, or one shaped like it, ending like a form), never a sentence.
    """
    if _is_sentence(name) or len(name) > 20:
        return False
    rest = _LEVEL_PREFIX.sub("", name).strip()
    bare = re.sub(r"[“”\"'《》]", "", rest)
    if not bare or _BODY_WORD.search(bare) and not classify_form(bare):
        return False
    return _is_form_name(rest) or bool(
        _LEVEL_FORM_END.search(bare) and _FORM_NAME_SHAPE.match(bare) and not parse_time(bare).months
    )


def _is_numbered_form_over_sections(line: str, after: list[str]) -> bool:
    """ "1.区政协常委会专题协商会" followed by "(一)title": Arabic-numbered forms over Chinese-bracket topics.

    The usual order reversed (forms "1." and topics "(一)"): the numbered line is a form
    heading when it names a form and the next row is a "(一)" item that does not.
    """
    m = _NUMBERED.match(line)
    if not m or not re.match(r"^\d{1,2}\s*[、.．]", line):
        return False
    name = _COUNT.sub("", m.group("title")).strip()
    if not _is_level_form_name(name):
        return False
    nxt = next((x for x in after if x), "")
    sm = _SECTION.match(nxt)
    return bool(sm) and not _is_level_form_name(_COUNT.sub("", sm.group(2)).strip())


def _time_heading(line: str) -> str:
    """The time phrase of a heading that only says when ("第二季度", "一、3月份", "【下半年】"), or ""."""
    core = _HEAD_MARK.sub("", _HEAD_NUMBER.sub("", line)).strip()
    if FIELD_LINE.match(core) or FIELD_LINE.match(line):
        return ""  # "时间安排:5月", "1.时间安排:5月" are a topic's field, not a heading
    core = _COUNT.sub("", core).strip()
    bare = re.sub(r"\([^()]{1,30}\)$", "", core).strip()  # "二月(市政协十届五次会议期间)"
    if not bare or len(bare) > 14 or _TIME_HEAD_REST.sub("", bare):
        return ""
    tm = parse_time(core)
    return _trim(core, "【】[]:: ") if (tm.months or tm.window or tm.undecided) else ""


def _apply_time_heads(parsed: _Parsed) -> None:
    """A topic with no time of its own takes the time heading above it (the nearest, after its form heading)."""
    if not parsed.time_heads:
        return
    for t in [t for s in parsed.sections for t in s.topics] + parsed.loose:
        if "time" in t.fields or (not t.fields and t in parsed.loose):
            continue
        above = [(ln, x) for ln, x in parsed.time_heads if ln < t.line]
        if not above or not above[-1][1]:  # none, or a new part ("二、保障措施") began since
            continue
        ln, when = above[-1]
        t.fields["time"] = when
        t.field_lines["time"] = [ln]


_CAPTION = re.compile(r"^(?:续)?表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[:、.-])?\s*(?P<rest>.{0,24})$")
_CAPTION_END = re.compile(r"(?:活动)?(?:安排|一览表?|计划表?|议题表?|表)$|\(续\)$")


def _join_bare_labels(
    rows: list[tuple[int, str, str]],
) -> tuple[list[tuple[int, str, str]], list[tuple[int, int]]]:
    """ "议题:" on one line and its value on the next (a <dt>/<dd> list, a two-column layout) → one row.

    Returns the rows and (line number, line it joined) for each line whose text joined the row above.
    """
    out: list[tuple[int, str, str]] = []
    joined: list[tuple[int, int]] = []
    for row in rows:
        prev = out[-1][2] if out else ""
        fm = FIELD_LINE.match(prev)
        starts_own = _NUMBERED.match(row[2]) or _TOP.match(row[2]) or _SECTION.match(row[2])  # "1." "一、" "(二)"
        if fm and not fm.group(2).strip() and row[2] and not FIELD_LINE.match(row[2]) and not starts_own:
            out[-1] = (out[-1][0], out[-1][1], prev + row[2])
            if row[0] != out[-1][0]:
                joined.append((row[0], out[-1][0]))
            continue
        out.append(row)
    return out, joined


def _join_cut_titles(
    rows: list[tuple[int, str, str]],
) -> tuple[list[tuple[int, str, str]], list[tuple[int, int]]]:
    """A numbered title that stops at a comma ("8.推进边境地区兴边富民行动,") goes on on the next line.

    The next line joins it unless it starts something of its own (a number, a
    heading, a bullet, a labelled field). Returns the rows and (line number, title's line) of each joined line.
    """
    out: list[tuple[int, str, str]] = []
    joined: list[tuple[int, int]] = []
    # rows of out by line number: the look-back visits only the last line's rows,
    # not all of out (that made the reader quadratic in the document's length)
    at_line: dict[int, list[int]] = {}
    for lineno, raw, line in rows:
        # the title row of the line above ("8.〔9月〕X," gave the title and then its time)
        at = next(
            (k for k in reversed(at_line[out[-1][0]]) if _NUMBERED.match(out[k][2])) if out else iter(()),
            None,
        )
        prev = out[at][2] if at is not None else ""
        if (
            at is not None
            and line
            and lineno != out[at][0]
            and re.search(r"[,、;(“《]$", prev)
            and _NUMBERED.match(prev)
            and not FIELD_ANYWHERE.search(prev)
            and not (_NUMBERED.match(line) or _BULLET.match(line) or _TOP.match(line) or _SECTION.match(line))
            and not FIELD_LINE.match(line)
            and not FIELD_ANYWHERE.search(line)
        ):
            out[at] = (out[at][0], out[at][1], prev + line)
            joined.append((lineno, out[at][0]))
            continue
        at_line.setdefault(lineno, []).append(len(out))
        out.append((lineno, raw, line))
    return out, joined


RUNNING_HEAD_MAX = 24
"""Longest line taken for a page's running header (红头 "某某市政协文件" repeated on every page)."""


def _running_heads(rows: list[tuple[int, str, str]]) -> set[str]:
    """Lines of the first few that come back later word for word: a header printed on every page."""
    lines = [r[2] for r in rows if r[2]]
    first = set(lines[:5])
    seen: dict[str, int] = {}
    for x in lines:
        seen[x] = seen.get(x, 0) + 1
    return {
        x
        for x, n in seen.items()
        if n >= 2 and x in first and len(x) <= RUNNING_HEAD_MAX and ":" not in x and not _NUMBERED.match(x)
    }


# "— 汀澜市政协 —": a footer framed by dashes, printed on every page (a PDF's text layer keeps it)
_FRAMED = re.compile(r"^[-—–]{1,2}\s*[^-—–:：,，。]{2,16}?\s*[-—–]{1,2}$")


def _framed_page_marks(rows: list[tuple[int, str, str]]) -> set[str]:
    """Dash-framed short lines that come back word for word: a page's footer or header, anywhere in the text."""
    seen: dict[str, int] = {}
    for r in rows:
        if r[2] and _FRAMED.match(r[2]):
            seen[r[2]] = seen.get(r[2], 0) + 1
    return {x for x, n in seen.items() if n >= 2}


# "关于印发《…协商计划》的通知" "政协X县委员会2026年度协商计划": a document's name (a notice, a plan), never a
# topic's title, though a portal's info table labels it "标题" ("推动《X行动方案》落实" is a topic: a plan in
# 《》 names the document only when it is the 政协's own consultation plan)
_DOCUMENT_NAME = re.compile(
    r"^关于(?:印发|转发|下发|发布|公布)|《[^《》]*(?:协商|政协)[^《》]*(?:计划|安排|要点)》|的(?:通知|通报|函)$"
    r"|20\d\d\s*年度?[^,;。:]{0,12}(?:协商|工作)(?:工作)?(?:计划|要点|安排)$"
)
_ATTACHMENT = re.compile(r"^附\s*件\s*\d{0,2}\s*[::]?\s*(?P<rest>.*)$")
# "附:联络员名单" "附表2:联系人" "附件:议题联络员": a short heading opening an annex
_ANNEX_HEAD = re.compile(r"^附\s*(?:件|表)?\s*\d{0,2}\s*[::]\s*[^,,;;。::]{1,24}$")
_DOC_TITLE_END = re.compile(
    r"(?:表|安排|计划|方案|清单|名单|目录|办法|要点|通知|意见|规定|细则)\s*[》]?(?:\.(?:pdf|docx?|wps|xlsx?|ofd))?$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^[((]?\s*(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s*年[^,,;;。:]{1,8}日\s*[))]?$")
_SIGNATURE = re.compile(r"^[^,,;;。:\s]{2,24}(?:办公室|办公厅|委员会|政协)$")
_ORDINAL_HEAD = re.compile(
    r"^(?:协商)?(?:议题|课题|专题|项目)\s*[一二三四五六七八九十\d]{1,3}$|^第\s*[一二三四五六七八九十\d]{1,3}\s*[项个](?:议题|课题)?$"
)
# "第三次" "第四场座谈会" "(五)": an ordinal alone on its line, heading the block of fields below it
# ("议题:…" "时间:…"). It is never the tail of the field above it ("出席:副市长甲" + "第二次").
_ORDINAL_DIVIDER = re.compile(
    r"^第\s*[一二三四五六七八九十\d]{1,3}\s*[次场期轮](?:会议|活动|协商|座谈会|协商会|协商座谈会)?$"
    r"|^\(\s*[一二三四五六七八九十\d]{1,3}\s*\)$"
)


# "议题一:推动X": a title label numbered like a heading
_ORDINAL_LABEL = re.compile(
    rf"^(?:{alternation(ORDINAL_TITLE_WORDS)})\s*[一二三四五六七八九十\d]{{1,3}}\s*(?::|、|\.|\s)\s*(?=\S)"
)
# "——时间:5月" "▲承办单位:…": a mark in front of a field label
_FIELD_MARK = re.compile(r"^(?:[-—–~]{1,3}|[▲△►▶◆◇■□●○•·※√✔>▪▫◦‣⁃∙➢➤✓☑])\s*(?=[\u4e00-\u9fff]{2,8}\s*:)")
# "一是“X”,6月召开,由…承办;二是…": the items of one paragraph
_SHI_ITEM = re.compile(r"(?:^|(?<=[::;;。,,]))\s*[一二三四五六七八九十]{1,2}是\s*")
# "3月:围绕“X”召开…": a month as the label of a whole item
_MONTH_ITEM = re.compile(
    r"^(?P<when>(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份?)(?:上旬|中旬|下旬|初|底)?"
    r"|第?[一二三四1-4]\s*季度|上半年|下半年)\s*:\s*(?P<rest>\S.{4,})$"
)


# "8.〔9月〕推进…" "3.【全会期间】协商…": a numbered item whose time comes first, in brackets
_TIME_PREFIX = re.compile(
    r"^(?P<num>(?:\(\s*" + ITEM_NUMBER + r"\s*\)|" + ITEM_NUMBER + r"\s*[.、)]))"
    r"\s*[〔【\[(〖]\s*(?P<when>[^〔【\[(〕】\])]{1,16})\s*[〕】\])〗]\s*"
    r"(?P<title>[\u4e00-\u9fff“《].*)$"
)


# "第二阶段 协商:6月,召开…" "第1轮 视察:9月": a numbered round of one topic, its step and when
_STAGE_ROUND = re.compile(
    r"^第\s*[一二三四五六七八九十\d]{1,2}\s*(?:阶段|轮|步)\s*[:、]?\s*"
    r"(?P<step>调研|协商|视察|督办|考察|监督|座谈|评议)[\u4e00-\u9fff]{0,4}?\s*:\s*(?P<when>[^,;。]+)"
)
# The steps of a round that are the consultation itself; the others (调研 before, 视察/督办 after) are its
# groundwork and follow-up: their months are not the topic's (先调研后协商: the month the planner schedules
# is the meeting's — as a "调研阶段:" field gives the lead only).
_MEETING_STEPS = ("协商", "座谈", "评议")


def _pieces(line: str) -> list[str]:
    """One cleaned line as the rows the reader reads: most lines are one row.

    ``议题一:X`` becomes ``协商议题:X``; a mark before a field label is dropped;
    ``3月:围绕“X”召开…`` becomes the item and its time; a paragraph of
    ``一是…;二是…`` items, each with a month or a lead, becomes one item each.
    """
    line = _ORDINAL_LABEL.sub(LABELS_TITLE + ":", line)
    line = _FIELD_MARK.sub("", line)
    sm = _STAGE_ROUND.match(line)
    if sm and _reads_as_time(sm.group("when")):
        # "第一阶段 调研:4月,…" "第二阶段 协商:6月" "第三阶段 视察:9月": one topic held in rounds (counted
        # once); its month is the consultation step's, every stage line is kept as a note
        note = f"{LABELS['notes'][0]}:{line}"
        return [f"{LABELS_TIME}:{sm.group('when').strip()}", note] if sm.group("step") in _MEETING_STEPS else [note]
    tp = _TIME_PREFIX.match(line)
    if tp and not FIELD_LINE.match(line):
        when = parse_time(tp.group("when"))
        if when.months or when.window or when.session or when.undecided or when.deadline:
            # "8.〔9月〕推进…": the time set before the title in brackets
            return [tp.group("num") + tp.group("title"), f"{LABELS_TIME}:{tp.group('when')}"]
    tail = _tail_tag(line)
    if tail:
        return tail
    tag = _form_tag(line)
    if tag:
        return tag
    both = _combined_label(line)
    if both:
        return both
    line = _canonical_labels(line)
    mm = _MONTH_ITEM.match(line)
    if mm and not FIELD_LINE.match(line) and _is_item_sentence(mm.group("rest")):
        return ["1." + mm.group("rest"), f"{LABELS_TIME}:{mm.group('when')}"]
    several = _distributive(line)
    if several:
        return several
    cuts = [m for m in _SHI_ITEM.finditer(line)]
    if len(cuts) >= 2:
        items = [line[a.end() : b.start()] for a, b in zip(cuts, cuts[1:], strict=False)] + [line[cuts[-1].end() :]]
        items = [_trim(x, ";;。,, ") for x in items]
        if all(_is_item_sentence(x) for x in items):
            # "全年召开专题议政性常委会议2次。一是…;二是…": the form said before the items is theirs
            named = form_in_text(_COUNT_INLINE.sub("", line[: cuts[0].start()]))
            form = [f"{LABELS['form'][0]}:{named}"] if named else []
            return [row for k, x in enumerate(items, start=1) for row in [f"{k}.{x}", *form]]
    listed = bracketed_quoted_items(line) if not FIELD_LINE.match(line) else None
    if listed:
        # "——专题协商会2次:围绕“X”(6月,A牵头)、“Y”(9月,B牵头)进行协商。": one item per quoted subject,
        # the form named before the count theirs (else the form the sentence holds after them)
        head, items = listed
        named = head if _is_form_name(head) else form_in_text(line[line.rfind(")") + 1 :])
        form = [f"{LABELS['form'][0]}:{named}"] if named else []
        return [row for item in items for row in (item[:1] + form + item[1:])]
    told = quoted_items(line) if not FIELD_LINE.match(line) else None
    if told:
        # "全年安排界别协商2次,分别由A牵头、就“X”于6月…,由B牵头、就“Y”…": one item per quoted subject,
        # the form said before the items theirs
        intro, items = told
        named = form_in_text(_COUNT_INLINE.sub("", intro))
        form = [f"{LABELS['form'][0]}:{named}"] if named else []
        return [row for item in items for row in (item[:1] + form + item[1:])]
    return [line]


# "联系副主席:…" "参加:…" "完成时限:…": a label outside the vocabulary, at a field's place
_ANY_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s;;,,。、|().]))(?P<label>[\u4e00-\u9fff]{2,8})\s*:")


# What may stand before a known label: whose it is, or a verb of asking
_LABEL_PREFIX = re.compile(
    r"^(?:[省市县区州旗]?政协|[省市县区州旗]政府|[省市县区州旗]委|拟邀请|拟请|邀请|拟|请|计划|预计)"
)


def _canonical_labels(line: str) -> str:
    """Labels the vocabulary lacks but whose root words name a field, as that field's first label.

    ``联系副主席:周某`` → ``出席领导:周某``; ``参加:县发改局`` → ``协商部门:县发改局``.
    Web-page furniture (``主办单位:…网``) is left as it is for the junk filter.
    """

    def swap(m: re.Match) -> str:
        label = m.group("label")
        own = _LABEL_PREFIX.sub("", label)
        if own != label and own in LABEL_OF:
            return own + ":"  # "县政协联系领导:" "拟请市领导:" are the 联系领导 and 市领导 fields
        if (
            label in LABEL_OF
            or _ENDS_WITH_LABEL.search(label)  # a known one after a lost space ("6 月承办单位")
            or label[0] in "月日年份"
            or _JUNK.match(label + ":")
            or (_MONTHISH.search(label) and parse_time(label).months)
        ):
            return m.group(0)  # known, page furniture, or a month heading an item ("四月份:就…")
        key = field_of_label(label)
        return LABELS[key][0] + ":" if key else m.group(0)

    return _ANY_LABEL.sub(swap, line) if ":" in line and not _JUNK_ANY.search(line) else line


# "1.【对口协商】推进X" "(专题协商)推进X" "对口协商:推进X": the form set before the title
_FORM_TAG = re.compile(
    r"^(?P<num>(?:\(\s*" + ITEM_NUMBER + r"\s*\)|" + ITEM_NUMBER + r"\s*[、.)]|[●•○■◆▪★☆·\-])?\s*)"
    r"(?:[【\[(〔]\s*(?P<a>[^】\])〕]{2,14}?)\s*[】\])〕]|(?P<b>[\u4e00-\u9fff]{2,14}?)\s*:)\s*(?P<rest>\S.{3,})$"
)


def _form_tag(line: str) -> list[str] | None:
    """A title with its form in front → [the item without it, "协商形式:…"], or None.

    The item may be numbered any way an item is (``1.`` ``第一项`` ``●`` …).
    """
    nm = _NUMBERED.match(line) or _BULLET.match(line)
    num, body = (line[: nm.start("title")], nm.group("title")) if nm else ("", line)
    m = _FORM_TAG.match(body)
    if not m or m.group("num").strip():
        return None
    form = (m.group("a") or m.group("b")).strip()
    rest = m.group("rest").strip()
    if form in LABEL_OF or ":" in form or not _is_form_name(form):
        return None  # "(时间:6月(4月前期调研);承办:…)": a bracket of fields, not a form set before a title
    if FIELD_LINE.match(rest) or _time_heading(rest):
        return None
    # "网络议政:规范X(8月,区政协社会法制委)": a line that starts with its form is an item, numbered or not
    return [(num or "1.") + rest, f"{LABELS['form'][0]}:{form}"]


# "1.推进X【县政协常委会议协商·4月调研→6月协商】": the form and the time in a tag after the title,
# parted by a middle dot (or a bar / slash) instead of a comma
_TAIL_TAG = re.compile(
    r"^(?P<head>.{4,}?)\s*(?P<open>[【〖〔\[(])\s*(?P<inner>[^【】〖〗〔〕\[\]()]{2,60}?)\s*[】〗〕\])]\s*[。;]?$"
)
_TAG_DOTS = re.compile(r"\s*[·・•|｜/]\s*|\s{2,}")
_TAG_COMMAS = re.compile(r"\s*[·・•|｜/,;]\s*|\s{2,}")


def _tail_tag(line: str) -> list[str] | None:
    """A numbered title with a trailing tag of form and time → [the item, "协商形式:…", "时间:…"], or None.

    Each part of the tag must be a form's name (with or without its 政协 level), a time
    phrase, or after them a 政协 committee; a tag holding anything else (a remark) is left
    to the other readers. Parts are parted by a middle dot, a bar or a slash; in 【】 〔〕
    by commas too (a bracket with commas is :func:`_bracket_fields`'s). Times next to each
    other are one phrase ("4月调研,6月协商": a chain).
    """
    nm = _NUMBERED.match(line) or _BULLET.match(line)
    if nm is None:
        return _bare_title_form_tag(line)
    m = _TAIL_TAG.match(nm.group("title"))
    if not m or FIELD_ANYWHERE.search(m.group("inner")):
        return None
    parts = (_TAG_DOTS if m.group("open") == "(" else _TAG_COMMAS).split(m.group("inner"))
    if m.group("open") == "(" and len(parts) < 2:
        return None
    rows = [line[: nm.start("title")] + m.group("head").strip()]
    for part in filter(None, parts):
        if _is_form_name(part) or _is_form_name(strip_body(part)):
            rows.append(f"{LABELS['form'][0]}:{part}")
        elif _reads_as_time(part):
            if rows[-1].startswith(LABELS_TIME + ":"):
                rows[-1] += "," + part
            else:
                rows.append(f"{LABELS_TIME}:{part}")
        elif _CPPCC_BODY_END.search(part) and not _is_government(part) and len(rows) > 1:
            rows.append(f"{LABELS['lead'][0]}:{part}")  # "【对口协商·6月·经科委】": the committee beside them
        else:
            return None
    return rows if len(rows) > 1 else None


def _bare_title_form_tag(line: str) -> list[str] | None:
    """An unnumbered title ending in its form in 【】 〔〕 or [] ("推进X【专题协商会】") → [the item, "协商形式:…"].

    A web page's nested list loses its numbers; the tag still marks the line as a topic's title,
    and what it names is the topic's form, not part of its title. Only a tag that is a form's
    name counts, after a head that reads as a title (no label, no sentence).
    """
    m = _TAIL_TAG.match(line)
    if not m or m.group("open") not in "【〔〖[" or FIELD_LINE.match(line) or FIELD_ANYWHERE.search(line):
        return None
    head, form = m.group("head").strip(), m.group("inner").strip()
    if not (_is_form_name(form) or _is_form_name(strip_body(form))) or _is_sentence(head) or len(head) > 50:
        return None
    if re.search(r"[:：]", head) or _time_heading(head) or _is_form_name(head):
        return None
    return ["1." + head, f"{LABELS['form'][0]}:{form}"]


def _reads_as_time(text: str) -> bool:
    tm = parse_time(text)
    return bool(tm.months or tm.window or tm.session or tm.undecided or tm.deadline)


_QUOTED = re.compile(r"[“\"《](?P<title>[^”\"》]{4,40})[”\"》]")
_RESPECTIVELY = re.compile(r"分别(?:于|在)?")


def _distributive(line: str) -> list[str] | None:
    """ "围绕“A”“B”2个议题,分别于6月、10月召开…,由甲委、乙委分别承办" → an item per title.

    Only when the sentence says 分别 and each list it distributes (months, leads)
    has one entry per title; what is said once (a form, who attends) goes with each.
    """
    titles = [m.group("title") for m in _QUOTED.finditer(line)]
    if len(titles) < 2 or not _RESPECTIVELY.search(line):
        return None
    months: list[str] = []
    leads: list[str] = []
    shared: list[str] = []
    for clause in re.split(r"[,,;;。]", _QUOTED.sub("", line)):
        if not _RESPECTIVELY.search(clause):
            shared.append(clause)
            continue
        tm = parse_time(clause)
        if len(tm.months) == len(titles):
            months = [f"{m}月" for m in tm.months]
            shared.append(
                re.sub(r"^.*\d\s*月份?|^.*[一二三四五六七八九十]月份?", "", clause)
            )  # "召开…座谈会" names the form
        lm = re.search(rf"由\s*(?P<who>.+?)\s*分别(?:{_LEAD_VERB})", clause)
        if lm and len(split_names(lm.group("who"))) == len(titles):
            leads = split_names(lm.group("who"))
    if not months and not leads:
        return None
    rest = ",".join(c for c in shared if c.strip() and not re.search(r"\d+\s*个议题|^\s*围绕\s*$", c))
    out = []
    for k, title in enumerate(titles):
        out.append(f"{k + 1}.{title}" + (f",{rest}" if rest and _is_item_sentence(rest) else ""))
        if months:
            out.append(f"{LABELS_TIME}:{months[k]}")
        if leads:
            out.append(f"{LABELS['lead'][0]}:{leads[k]}")
    return out


_DASH_FORM = re.compile(r"^(?P<title>.{4,}?)\s*(?:——|—|--|―)\s*(?P<form>[^—\-―]{2,14})$")


def _spaced_fields(title: str) -> tuple[str, list[tuple[str, str]]]:
    """ "推进X 6月 经济委 市发改委、市工信局" → ("推进X", [("time", "6月"), ("lead", …), ("departments", …)]).

    A row of a table typed with spaces and no header: each part after the title
    must read as a time, a form, a 政协 committee or a list of departments; else
    the title is left whole.
    """
    parts = [x for x in re.split(r"\s*[|｜/]\s*|\s+", title) if x]
    if len(parts) < 3 or FIELD_ANYWHERE.search(title):
        return title, []
    fields: list[tuple[str, str]] = []
    for part in parts[1:]:
        tm = parse_time(part)
        if (tm.months or tm.window or tm.session or tm.undecided) and len(part) <= 12:
            fields.append(("time", part))
        elif _is_form_name(part):
            fields.append(("form", part))
        elif _CPPCC_BODY_END.search(part) and not _is_government(part) and "、" not in part:
            fields.append(("lead" if not any(k == "lead" for k, _ in fields) else "co", part))
        elif all(_ORG_END.search(n) for n in split_names(part)):
            fields.append(("departments", part))
        elif part is parts[-1] and _reads_as_leaders(part):
            fields.append(("leaders", part))  # "… 市商务局、市税务局 副市长甲": the attending leaders' column last
        else:
            return title, []
    keys = {k for k, _ in fields}
    if "time" not in keys or not keys & {"lead", "departments"}:
        return title, []
    return parts[0], fields


def _reads_as_leaders(part: str) -> bool:
    """ "副市长甲" "副市长、市公安局局长乙" (one person, two posts): leaders, not organisations."""
    names = leader_list(part)
    return bool(names) and any(_is_leader(n) for n in names) and not any(_ORG_END.search(n) for n in names)


_ORG_END = re.compile(r"(?:局|厅|委|办|院|会|室|中心|政府|公司|集团|部|所|站|馆|社|联|行|队|处|署|海关|银行|单位)$")


_COUNT_INLINE = re.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[个项次件场]")
# "(…)" at the end of a title, one level of brackets inside it ("县委统战部(县侨办)"); a compact
# sentence of fields ("5月,经济委牵头,A、B、C、D参加,县长、县政协主席甲出席") runs past 40 characters
_TAIL_BRACKET = re.compile(r"\((?P<inner>(?:[^()]|\([^()]{1,30}\)){2,160})\)\s*$")


# ",由原定5月调整至11月。" after a title: the topic's time, moved by a revision notice
_REVISED_TAIL = re.compile(rf"\s*[,;]\s*(?:时间)?(?P<time>(?:{REVISED_TIME.pattern})[^,;。()]{{1,16}})[。.]?\s*$")


# "推进X,6月。" "推进X,5月、11月各一次。": a compact item, its time after the title's last comma
_COMMA_TAIL = re.compile(r"^(?P<title>.{4,}?)\s*[,,]\s*(?P<time>[^,,。;;()]{1,16}?)\s*[。.]?\s*$")


def _comma_time_tail(title: str) -> tuple[str, str]:
    """ "推进X,第二季度。" → ("推进X", "第二季度"); (title, "") unless the whole tail is a time phrase.

    A title that itself holds a comma ("落实河湖长制,加强中小河流治理") keeps it: the part after the
    comma must say nothing but when.
    """
    m = _COMMA_TAIL.match(title)
    if not m or FIELD_ANYWHERE.search(title):
        return title, ""
    when = m.group("time").strip()
    if _TIME_HEAD_REST.sub("", _EACH_OCCASION.sub("", when)) or not _reads_as_time(when):
        return title, ""
    return m.group("title").strip(), when


def _bracket_fields(title: str) -> tuple[str, list[tuple[str, str]]]:
    """ "推进X(专题议政性常委会议,6月)" → ("推进X", [("form", …), ("time", "6月")]).

    Only when every part of the trailing bracket is a form's name, a time
    phrase or a 政协 committee beside them; any other bracket (a remark) stays
    in the title. Several brackets in a row are read from the last one back
    ("推进X(6月)(经济委)"); a committee alone is left to the trailing-committee rule.
    """
    fields: list[tuple[str, str]] = []
    rest = title
    while True:
        rest_before, found = _one_bracket(rest)
        if not found:
            break
        rest, fields = rest_before, found + fields
        if any(k == "sentence" for k, _ in found):
            break
    if not fields or all(key == "lead" for key, _ in fields):
        return title, []
    return rest, fields


def _one_bracket(title: str) -> tuple[str, list[tuple[str, str]]]:
    """The fields of the last bracket of ``title`` (see :func:`_bracket_fields`), or (title, [])."""
    bm = _TAIL_BRACKET.search(title)
    if not bm or FIELD_ANYWHERE.search(bm.group("inner")):
        return title, []
    inner = bm.group("inner").strip()
    whole = parse_time(inner)
    if (whole.months or whole.window) and not _TIME_HEAD_REST.sub("", _EACH_OCCASION.sub("", inner)):
        # "(第二、四季度各一次)" "(5月、9月各一次)": one time phrase, its 、 inside it
        return title[: bm.start()].strip(), [("time", inner)]
    fields: list[tuple[str, str]] = []
    for part in re.split(r"[,,;;、]", bm.group("inner")):
        part = part.strip()
        tm = parse_time(part)
        if _is_form_name(part) or is_meeting_name(part):  # "(季度经济形势分析会,12月上旬)"
            fields.append(("form", part))
        elif part and (tm.months or tm.window or tm.session or tm.undecided) and len(part) <= 12:
            fields.append(("time", part))
        elif _CPPCC_BODY_END.search(part) and not _is_government(part):
            fields.append(("lead", part))  # "(6月,区政协经济委)": the committee beside the month
        else:
            inner = bm.group("inner")
            # "(适时,工商联界、经济界牵头,…参加,…出席)": no month, but its parts are roles by their verbs
            if (_is_item_sentence(inner) or role_clauses(inner) is not None) and re.search(r"[,,;;]", inner):
                # "推进X(6月,城建委牵头,区住建局、区财政局参与)": the item's fields as a sentence
                return title[: bm.start()].strip(), [("sentence", inner)]
            return title, []
    return title[: bm.start()].strip(), fields


# "协商形式及时间:专题议政性常委会议,6月" "承办及参加单位:市政协经济委;市工信局"
_COMBINED_LABEL = re.compile(
    r"^(?P<a>[\u4e00-\u9fff]{2,6}?)(?:及|和|与|、)(?P<b>[\u4e00-\u9fff]{2,6})\s*:\s*(?P<value>\S.*)$"
)


def _combined_label(line: str) -> list[str] | None:
    """Two fields under one label: ["协商形式:…", "时间:…"], or None.

    Both halves must be known labels, the first one possibly sharing the
    second's ending (承办 + 参加单位 → 承办单位). The value is cut at its first
    semicolon, else its first comma, else its first 、; a value that does not cut
    in two is left whole (and reported as an unknown label).
    """
    m = _COMBINED_LABEL.match(line)
    if not m or m.group(0).split(":")[0] in LABEL_OF:
        return None
    a, b = m.group("a"), m.group("b")
    if b not in LABEL_OF:
        return None
    if a not in LABEL_OF:
        a = next((a + b[k:] for k in range(1, len(b)) if a + b[k:] in LABEL_OF), "")
    if not a or LABEL_OF[a] == LABEL_OF[b]:
        return None
    value = m.group("value")
    cut = re.search(r"[;;]", value) or re.search(r"[,,]", value) or re.search(r"[、/]", value)
    if not cut:
        return None
    first, second = value[: cut.start()].strip(), value[cut.end() :].strip()
    if not first or not second:
        return None
    return [f"{a}:{first}", f"{b}:{second}"]


# "计划于6月份召开…" "拟在三季度开展…": the clause that says when the consultation is held
_MEETING_CLAUSE = re.compile(r"(?:拟于|拟在|计划于|计划在|定于|预计于|安排在|安排于)|(?:召开|开展|举行|举办)")


def _meeting_time(text: str) -> str:
    """The clause of a paragraph that times the consultation itself, or "" (months of other things are left)."""
    for clause in re.split(r"[,,;;。]", text):
        if _MEETING_CLAUSE.search(clause):
            tm = parse_time(clause)
            if tm.months or tm.window or tm.session:
                return clause.strip()
    return ""


def _is_item_sentence(text: str) -> bool:
    """Whether a clause carries what a plan item does: a month, or a lead written as a sentence."""
    tm = parse_time(text)
    return bool(
        tm.months
        or tm.window
        or _LEAD_SENTENCE.search(text)
        or _LEAD_SENTENCE_BARE.search(text)
        or _WITH_SENTENCE.search(text)
    )


# "围绕“X”召开…" "“X”,6月召开…": the title in quotes, the rest a sentence of fields
_QUOTED_TITLE = re.compile(r"^(?:围绕|就|关于|针对|聚焦)?\s*[“\"《](?P<title>[^”\"》]{2,40})[”\"》](?P<rest>.+)$")
# "…围绕“X”召开…" "…对口协商“X”,…": a quoted title introduced as the subject, inside a sentence
_QUOTED_SUBJECT = re.compile(
    r"(?:围绕|就|关于|针对|聚焦|协商|议题|专题|开展|召开|举办|组织)\s*[“\"《](?P<title>[^”\"》]{4,40})[”\"》]"
)


class _Quoted:
    """A match-like pair: the quoted title, and the sentence around it."""

    def __init__(self, title: str, rest: str) -> None:
        self._groups = {"title": title, "rest": rest}

    def group(self, name: str) -> str:
        return self._groups[name]


def _quoted_in_sentence(text: str) -> _Quoted | None:
    """The one quoted subject of a sentence item, and the sentence without it; None if not exactly one."""
    found = list(_QUOTED_SUBJECT.finditer(text))
    if len(found) != 1 or not re.search(r"[,,;;。]", text):
        return None
    m = found[0]
    return _Quoted(m.group("title"), text[: m.start("title") - 1] + " " + text[m.end("title") + 1 :])


def _section_numbered_field(m: re.Match[str] | None, topic: _Topic | None) -> str:
    """ "(二)协商时间:6月" under "第一项 推进X": the field after its number; "" for a section's heading.

    A topic's fields numbered (一)(二)… under the topic's own line are its fields, not sections (whose
    heading a label never starts)."""
    if m is None or topic is None:
        return ""
    fm = FIELD_LINE.match(m.group(2).strip())
    return m.group(2).strip() if fm and LABEL_OF[fm.group(1)] in _TOPIC_FIELDS else ""


def _part_numbered_item(line: str) -> _Quoted | None:
    """ "一、围绕“X”召开专题协商会。拟于6月举行,由…牵头,…参加" → the item after its number; None otherwise.

    A whole item in one sentence numbered like a part (too long for a part's heading, it fell through
    the headings): read as the numbered items "1.围绕“X”…" are, when it has one quoted subject and
    says what an item says (a month, a lead)."""
    m = _TOP.match(line)
    if not m or len(m.group(2)) <= 40 or not _quoted_in_sentence(m.group(2)) or not _is_item_sentence(m.group(2)):
        return None
    return _Quoted(m.group(2).strip(), "")


def _next_is_date(rows: list[tuple[int, str, str]], i: int) -> bool:
    """Whether the next non-blank line after row ``i`` is a date line (a signature's date)."""
    for j in range(i + 1, len(rows)):
        nxt = rows[j][2]
        if nxt:  # several signatures may stand above one date (a joint notice)
            return bool(_DATE_LINE.match(nxt)) or bool(_SIGNATURE.match(nxt) and _next_is_date(rows, j))
    return False


def _strip_number(line: str) -> str:
    m = _NUMBERED.match(line) or _BULLET.match(line)
    return m.group("title") if m else line


def _keyed_line(out: _Parsed, key: str, line: str, lineno: int) -> bool:
    """Read ``line`` under a heading naming field ``key`` (see :mod:`paperwork.keyed_lists`); True if used.

    ``"推进X:A、B"`` gives topic 推进X the value; a sentence of rules per form
    (``"专题协商会邀请X出席;…"``) gives every topic of those forms that has none yet.
    """
    topics = [t for s in out.sections for t in s.topics] + out.loose
    hit = keyed_value(line, [t.title for t in topics])
    if hit:
        for i in hit[0]:
            topics[i].set_field(key, hit[1], lineno)
            topics[i].lines.append(lineno)
        out.roles[lineno] = "字段"
        return True
    rules = form_rules(line, _is_form_name) if key in ("leaders", "people") else []
    used = False
    for forms, who in rules:
        cats = {classify_form(f) or _key(f) for f in forms}
        for sec in out.sections:
            if (classify_form(sec.header) or _key(sec.header)) in cats:
                for t in sec.topics:
                    if key not in t.fields:
                        t.set_field(key, who, lineno)
                        t.lines.append(lineno)
                        used = True
    if used:
        out.roles[lineno] = "字段(句中)"
    return used


def _take_field(topic: _Topic, seg: str, lineno: int) -> None:
    fm = FIELD_LINE.match(seg)
    if not fm:
        um = UNKNOWN_LABEL.match(seg)
        if um:
            topic.unknown.append((lineno, um.group(1), seg))
        else:
            # "…;邀请分管副县长出席" "…;4月调研、6月协商": an unlabelled part, read as a sentence
            _sentence_fields(topic, seg, lineno)
        topic.notes_lines.append(seg)
        return
    key, value = LABEL_OF[fm.group(1)], _trim(fm.group(2).strip(), "。; ")
    if key == "time":
        # "时间:2026年5月。由区政协经济委牵头,区发改局配合,邀请…出席": the time, then a sentence of roles
        for cut in re.finditer(r"[。,;;]", value):
            rest = value[cut.end() :]
            if role_clauses(rest) is not None:
                value = value[: cut.start()].strip()
                _sentence_fields(topic, rest, lineno, time=False)
                break
    if key in _STEP_FIELDS:
        # "协商阶段:6月召开专题议政性常委会议" / "调研阶段:3—5月,由…牵头": a sentence
        # read for its fields; a research step gives the lead only (its months are the research's)
        research = key == "research"
        _sentence_fields(topic, value, lineno, time=not research, form=not research)
        topic.notes_lines.append(seg)
        topic.field_lines.setdefault(key, []).append(lineno)
        topic.lines.append(lineno)
        topic.last = None
        return
    topic.set_field(key, value, lineno)
    if key == "content":
        topic.content_is_list = bool(_NUMBERED.match(value))
    if key not in ("content", "title"):
        topic.lines.append(lineno)


# "以上协商活动…" "上述各项议题…": a sentence about all the topics listed before it
_ABOUT_ALL_ABOVE = re.compile(r"^(?:以上|上述)(?:各项|各|所有|全部)?(?:协商|议题|活动|事项)")
_STEP_FIELDS = ("arrangement", "research")
# "6月召开专题议政性常委会议" "开展提案办理协商" "各召开一次对口协商会": a verb of holding, then the form's name;
# "以专题协商会形式进行协商" "以对口协商的方式开展": the form named as the manner; "开展民主监督性协商"
# is one name (the shortest match would stop at its 监督)
_FORM_IN_SENTENCE = re.compile(
    r"(?:召开|开展|举行|举办|进行|组织|采取)\s*(?:[一二两三四五六七八九十\d]{1,2}\s*[次场]\s*)?(?P<form>[^,,;;。、()]{2,16}?"
    r"(?:监督性?协商|协商会|座谈会|恳谈会|会议|协商|视察|调研|监督))"
    r"|以\s*(?P<manner>[^,,;;。、()以]{2,16}?)\s*的?(?:形式|方式)"
)
# A research or inspection named in a sentence is usually the groundwork of a consultation
# ("会前开展专题调研"): a consultation form named in the same text wins.
_GROUNDWORK_FORMS = ("research", "inspection")
_CONSULTATION_END = re.compile(r"(?:协商|协商会|座谈会|恳谈会|议事会|议政)(?:活动)?$")


def form_in_text(text: str) -> str:
    """The name of a form a sentence or title says is held ("…召开专题协商会" → "专题协商会"), or ""."""
    named = [m.group("form") or m.group("manner") for m in _FORM_IN_SENTENCE.finditer(text)]
    # a known form, or a consultation's name shaped like one ("开展民主监督性协商" "召开网络议政会"):
    # a name ending only in 会议/监督 ("召开工作会议", "开展民主监督") may be no consultation
    found = [f for f in named if classify_form(f) or (_is_form_name(f) and _CONSULTATION_END.search(f))]
    main = [f for f in found if classify_form(f) not in _GROUNDWORK_FORMS]
    return (main or found or [""])[0]


# "围绕“X”召开专题协商会" "就“X”开展对口协商": a title that is only the quoted subject and the form held
_SUBJECT_THEN_FORM = re.compile(
    r"^(?:围绕|就|聚焦|针对)\s*[“\"](?P<title>.{2,60})[”\"]\s*(?:召开|开展|举行|举办|组织|进行)\s*(?P<form>[^,,;;。、“”\"()]{2,20})$"
)


def quoted_subject_and_form(title: str) -> tuple[str, str] | None:
    """ "围绕“完善“甲乙”服务”召开专题协商会" → ("完善“甲乙”服务", "专题协商会"); None for any other title.

    Only when what follows the verb is a form's name (a known form, or shaped like one), so
    "围绕“X”开展调研并形成报告" stays as it is.
    """
    m = _SUBJECT_THEN_FORM.match(title.strip())
    if m is None:
        return None
    form = m.group("form").strip()
    if not _is_form_name(form):
        return None
    return m.group("title").strip(), form


# "由区政协经济委牵头" "区发改局、区科技局配合" "邀请副区长X、区政协主席Y出席" "区政协副主席Z参加":
# clauses whose role is named only by the verb that ends them
_ROLE_LEAD = re.compile(
    rf"^(?:由)?\s*(?P<who>[^,,;;。]{{2,40}}?)\s*(?:联合|共同|具体)?{ROLE_LEAD_VERB}"
    rf"(?:{alternation(verbs('lead', without=(ROLE_LEAD_VERB, '牵头承办')))})?$"
)
_ROLE_HELP = re.compile(
    rf"^(?:由)?\s*(?P<who>[^,,;;。]{{2,120}}?)\s*(?:等(?:部门|单位))?(?:{alternation(HELPING_VERBS)})$"
)
_ROLE_ATTEND = re.compile(
    rf"^(?:并)?(?:邀请|请)?\s*(?P<who>[^,,;;。]{{2,80}}?)\s*(?:{_PRESENT_VERB})(?:{_VERB_TAIL})?$"
)


def role_clauses(text: str) -> dict[str, list[str]] | None:
    """Lead, departments and leaders of a sentence whose clauses end in role verbs, or None.

    "由区政协经济委牵头,区发改局、区科技局配合,邀请副区长胡振华、区政协主席罗晓明出席" →
    ``{"lead": ["区政协经济委"], "departments": ["区发改局", "区科技局"],
    "leaders": ["副区长胡振华", "区政协主席罗晓明"], "co": []}``. Read only when one clause names the
    lead (…牵头) and another the units that help (…配合) or the people who attend
    (…出席/参加). Units that help are departments when all are government bodies or
    townships; a clause "区政协提案委配合" naming only 政协 bodies gives them as ``co``
    (they co-organise, neither lead nor departments); a clause mixing both gives None.
    """
    out: dict[str, list[str]] = {"lead": [], "departments": [], "leaders": [], "co": []}
    roles = 0
    pending = ""  # "邀请副市长甲,市政协主席乙出席": people listed before the comma the verb comes after
    for clause in re.split(_ROLE_CLAUSE_END, unicodedata.normalize("NFKC", text)):
        clause = clause.strip()
        if not clause:
            continue
        if pending:
            clause, pending = re.sub(r"^(?:邀请|请)", "", pending) + "、" + clause, ""
            clause = "邀请" + clause
        lm, hm, am = _ROLE_LEAD.match(clause), _ROLE_HELP.match(clause), _ROLE_ATTEND.match(clause)
        if not (lm or hm or am):
            names = [_clean_name(x) for x in split_names(re.sub(r"^(?:并)?(?:邀请|请)", "", clause))]
            if re.match(r"^(?:并)?(?:邀请|请)", clause) and names and all(n and _is_leader(n) for n in names):
                pending = clause
            continue
        if lm and not out["lead"]:
            out["lead"] = [lm.group("who").strip()]
        elif hm:
            names = _split_departments(hm.group("who"))
            if names and not any(_is_government(n) for n in names) and "配合" in clause:
                # "区政协提案委配合": a 政协 committee helps the lead (co-organises); it is no department
                out["co"] += [n for n in names if n not in out["co"]]
                roles += 1
                continue
            if not names or not all(_is_government(n) for n in names):
                return None
            out["departments"] += [n for n in names if n not in out["departments"]]
        elif am:
            names = [_clean_name(x) for x in _join_posts(split_names(am.group("who")))]
            names = [n for n in names if n]
            if names and all(_is_leader(n) for n in names):
                out["leaders"] += [n for n in names if n not in out["leaders"]]
            elif names and all(_is_government(n) and not _is_leader(n) for n in names):
                out["departments"] += [n for n in names if n not in out["departments"]]
            else:
                return None
        roles += 1
    return out if out["lead"] and roles >= 2 else None


def _role_clause_fields(topic: _Topic, line: str, lineno: int) -> bool:
    """Fields of a sentence read by :func:`role_clauses`; True if it was one (fields already set are kept)."""
    roles = role_clauses(line)
    if roles is None:
        return False
    for key in ("lead", "departments", "leaders", "co"):
        if roles[key] and key not in topic.fields:
            topic.set_field(key, "、".join(roles[key]), lineno)
            topic.sentence_fields.add(key)
    return True


def _sentence_fields(topic: _Topic, line: str, lineno: int, *, time: bool = True, form: bool = True) -> bool:
    """Lead, departments, time and a named form from running text; True if any was found."""
    found = _role_clause_fields(topic, line, lineno)
    if form and not topic.sentence_form:
        named = form_in_text(line)
        if named:
            topic.sentence_form = named
            topic.field_lines.setdefault("form", []).append(lineno)
            found = True
    wm = _WITH_SENTENCE.search(line)
    if wm and "lead" not in topic.fields:
        # "由市政协社会法制委与市公安局对口协商": the lead, and the departments it consults
        topic.set_field("lead", wm.group("who"), lineno)
        if "departments" not in topic.fields:
            topic.set_field("departments", wm.group("with"), lineno)
            topic.sentence_fields.add("departments")
        topic.sentence_fields.add("lead")
        found = True
    lm = _LEAD_SENTENCE.search(line) or _LEAD_SENTENCE_BARE.search(line)
    if lm and "lead" not in topic.fields:
        topic.set_field("lead", lm.group("who"), lineno)
        topic.sentence_fields.add("lead")
        found = True
    rest = line[lm.end() :] if lm else line
    dm = _DEPT_SENTENCE.search(rest)
    if dm and "departments" not in topic.fields and "people" not in topic.fields:
        who = re.sub(r"^(?:[,,]?\s*)(?:邀请|请)", "", dm.group("who")).strip()
        if who:
            topic.set_field("people", who, lineno)
            topic.sentence_fields.add("people")
            found = True
    if "leaders" not in topic.fields:
        # "分管副市长到会听取意见" "邀请分管副县长出席": leaders named in the sentence
        named = _leaders_in_sentence(line)
        if named:
            topic.set_field("leaders", "、".join(named), lineno)
            topic.sentence_fields.add("leaders")
            found = True
    if time and "time" not in topic.fields:
        tm = parse_time(line)
        if tm.months or tm.window or tm.session:
            topic.set_field("time", line, lineno)
            topic.sentence_fields.add("time")
            found = True
    if found:
        topic.lines.append(lineno)
        topic.last = None
    return found


# "拟于6月召开,市政协主席甲、市政府常务副市长出席": the whole 、-list before the verb, from the clause's start
_LEADER_LIST_SENTENCE = re.compile(
    rf"(?:^|(?<=[,,;;。]))\s*(?:邀请|请)?(?P<who>[^,,;;。由]{{2,120}}?)\s*(?:{_NAMED_LEADER_VERB})"
)


def _leaders_in_sentence(line: str) -> list[str]:
    """Every leader named before an attending verb: "…,市政协副主席乙、市政协主席甲出席" → [乙's, 甲's].

    A list is read whole (its last name alone was kept before); items of the list that are
    not leaders ("4月调研、分管副市长出席") are left out. Falls back to the one-name reading.
    """
    named: list[str] = []
    for m in _LEADER_LIST_SENTENCE.finditer(line):
        # "会议邀请市长甲、副市长乙出席": the people are those after the verb of inviting
        for tok in _join_posts(split_names(re.split(r"邀请|(?<![申提])请", m.group("who"))[-1])):
            name = _clean_name(tok)
            if name and _is_leader(name) and name not in named:
                named.append(name)
    if named:
        return named
    return [
        _clean_name(m.group("who")) for m in _LEADER_SENTENCE.finditer(line) if _is_leader(_clean_name(m.group("who")))
    ]


# -- names --------------------------------------------------------------------------------------


def _key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def committee_key(name: str) -> str:
    """ "市政协农业和农村委员会" and "农业和农村委" are the same committee."""
    n = strip_body(_key(name))
    return n.replace("委员会", "委")


def strip_body(name: str) -> str:
    """ "县政协农业农村委" → "农业农村委": a committee's name without the body in front."""
    return re.sub(r"^(?:[\u4e00-\u9fff]{0,8}?[省市县区州旗])?政协", "", name) or name


def classify_form(header: str) -> str | None:
    """The category of a form named in a heading or a 协商形式 field, or None if unknown."""
    for cat, rx in _FORM_RULES:
        if rx.search(header):
            return cat
    return None


_BRACKETS = {"(": ")", "[": "]", "【": "】", "《": "》", "“": "”"}
# 。 too: "县委书记。县长" is two people (a list whose items were typed as sentences), never one
_SPLIT_CHARS = set("、,,;;/。\n\r")


def split_names(text: str) -> list[str]:
    """ "市工信局、副市长(分管农业、生态环境)" → two names: a 、 inside brackets does not split."""
    return split_outside_brackets(dots_as_commas(text), _SPLIT_CHARS, set(_BRACKETS), set(_BRACKETS.values()), flat="“")


_PEOPLE_SKIP = re.compile(
    # "各乡镇人民政府" "各街道办事处": a collective body that attends as one department, not a crowd
    r"^(部分|全体)|^各(?!.*(?:人民政府|办事处|管委会)$)|^(有关|相关)(?!.*[长导])|(委员|专家|代表|学者|群众|人士|界别|企业家)$"
)
# "出席领导：视情邀请": nobody is named yet, so no leader
_NOBODY_YET = re.compile(r"(?:视情|另行|适时)(?:邀请|确定|安排|商请)?(?:出席)?")
_LEADER = re.compile(r"(市长|县长|区长|省长|州长|旗长|书记|主席|领导|秘书长|常委|主任委员)$")
_NAMED_LEADER = re.compile(r"(?:主席|市长|县长|区长|省长|书记|秘书长|部长|主任)[\u4e00-\u9fff]{1,3}(?:同志)?$")
_GENERIC_ROLE = re.compile(
    r"^(?:[省市县区州旗]政府)?(?:分管|有关|相关|联系|对口)[^、]{0,8}?(?:副?[省市县区州旗]长|领导|负责同志)$"
    r"|^[省市县区州旗](?:政府|委|政协)?(?:有关)?领导$|^(?:有关|相关)[省市县区州旗]领导$"
)
_GENERIC = re.compile(r"^(有关|相关|各)(部门|单位|方面)?$|^(市直|县直|区直)?(有关|相关)(部门|单位)")


def _clean_name(tok: str) -> str:
    tok = re.sub(r"^[。.;:\s]+|[。.;:\s]+$", "", tok)
    tok = re.sub(r"^(?:邀请|请|由)", "", tok)
    tok = re.sub(r"等(单位|部门|有关|相关|县|区|市直|方面|同志|负责).*$", "", tok)
    tok = re.sub(r"等$", "", tok)
    tok = re.sub(r"(的)?(主要)?(有关)?(负责同志|负责人|同志)$", "", tok)
    tok = re.sub(rf"(?<=..)(?:{_PRESENT_VERB})(?:{_VERB_TAIL})?$", "", tok)  # "分管副县长出席"
    tok = re.sub(_ROLE_MARK, "", tok)  # "教科卫体委(牵头)"
    tok = tok.strip()
    # "—" "无" "暂无" in a cell: nobody is named
    return "" if not _CJK.search(tok) or tok in ("无", "暂无", "待定", "略", "空", "不涉及") else tok


def _join_posts(names: list[str]) -> list[str]:
    """ "区委常委、政法委书记" "市委副书记、市长" are one person each: such a Party post is held with the next."""
    out: list[str] = []
    for n in names:
        # "县委副书记、县政协主席某" are two: a 政协 post is not held with a Party post
        if (
            out
            and re.search(r"[省市县区州旗]委(?:常委|副书记)$", out[-1])
            and not re.search(r"委常委$", n)
            and "政协" not in n
        ):
            out[-1] += "、" + n
        else:
            out.append(n)
    return out


# A post written without its holder's name: "县委常委" "常务副县长" "宣传部长" "市政协副主席"
_BARE_POST = re.compile(r"(?:常委|书记|[省市县区州旗]长|主席|秘书长|部长|主任|局长|主任委员)$")


_CHAIN_OPENER = re.compile(r"^[省市县区州旗盟](?:委|政府|政协|人大)")


def _is_bare_post(name: str) -> bool:
    plain = _without_remit(name)
    return bool(_BARE_POST.search(plain)) and not _NAMED_LEADER.search(plain) and not _GENERIC_ROLE.fullmatch(plain)


def _post_chains(parts: list[str]) -> list[str]:
    """Parts of one "、" run → people: posts without a name ending in a named post are one person.

    "县委常委、宣传部长、副县长米某" → one leader (the posts he holds, then his name);
    "副县长甲、副县长乙" → two; "分管副县长、有关县领导" → two generic roles. A 政协 post is
    never held with a post outside the 政协 ("县委副书记、县政协主席某" are two). Posts
    left without a name at the run's end stay as they were written.
    """
    out: list[str] = []
    pending: list[str] = []  # bare posts waiting for the name that ends their chain
    for part in parts:
        if pending and "政协" in part and "政协" not in pending[-1]:
            out += pending  # a 政协 leader after a Party or government post: another person
            pending = []
        # a chain opens with a body's post ("县委常委" "市政协副主席"): "郑某副主席、副县长某" are two people
        if _is_bare_post(part) and (pending or _CHAIN_OPENER.match(part)):
            pending.append(part)
        elif pending and _NAMED_LEADER.search(_without_remit(part)):
            out.append("、".join([*pending, part]))
            pending = []
        else:
            out += [*pending, part]
            pending = []
    return out + pending


def leader_list(text: str) -> list[str]:
    """A 出席领导 value → its leaders, each as written (see :func:`_post_chains`).

    People are separated by "；" "，" "/" or a line break, or by "、" between one name and the
    next post; a chain of posts joined by "、" ending in one name is one person; a bracketed remit
    stays inside ("副县长(分管住建、城管)某"). E.g. "县委副书记、县长许某;县政协主席温某,分管副县长"
    → ["县委副书记、县长许某", "县政协主席温某", "分管副县长"].
    """
    opens, closes = set(_BRACKETS), set(_BRACKETS.values())
    strong = split_outside_brackets(dots_as_commas(text), _SPLIT_CHARS - {"、"}, opens, closes, flat="“")
    runs = [split_outside_brackets(piece, {"、"}, opens, closes, flat="“") for piece in strong]
    return _join_posts([person for run in runs for person in _post_chains(run)])


# Where a leader's post begins: "区政协…", "县政府…", "市委…", "副区长…", "区长…"
_POST_START = re.compile(r"(?=[省市县区州旗](?:政协|政府|委)|副?[省市县区州旗]长)")


def _run_together_leaders(name: str) -> list[str]:
    """ "区长徐海川区政协主席俞振华" (a table cell's lines joined by the text layer) → the two leaders.

    Split only where the part before is a whole leader (a post and a name, or a generic role)
    and the part after is one too; any other name comes back as it is.
    """
    for m in _POST_START.finditer(name):
        left, right = name[: m.start()], name[m.start() :]
        if len(left) >= 4 and _is_leader(left) and not left.endswith(("分管", "副")) and _is_leader(right):
            if _NAMED_LEADER.search(_without_remit(left)) or _GENERIC_ROLE.fullmatch(left):
                return [left, *_run_together_leaders(right)]
    return [name]


def _is_leader(name: str) -> bool:
    return _is_leader_as_written(name) or _is_leader_as_written(_without_remit(name))


# "副市长(分管生态环境、水利)谭晓峰": a post, the remit it covers in brackets, then the name
_REMIT = re.compile(r"[(（](?:分管|联系|协管|负责)[^()（）]{1,30}[)）]")


def _without_remit(name: str) -> str:
    """The name without a bracketed remit between post and name ("副市长谭晓峰"), else unchanged."""
    return _REMIT.sub("", name)


def _is_leader_as_written(name: str) -> bool:
    return bool(_LEADER.search(name) or _NAMED_LEADER.search(name) or _GENERIC_ROLE.search(name))


def _split_people(text: str) -> tuple[list[str], list[str]]:
    """ "市政府分管副市长、市发改委等单位负责同志,部分政协委员" → (leaders, departments)."""
    leaders, depts = [], []
    for tok in leader_list(text):  # "县委常委、副县长某,县直有关部门负责同志": the chain is one person
        name = _clean_name(tok)
        if not name:
            continue
        if _is_leader(name):
            leaders.append(name)
        elif not (_PEOPLE_SKIP.search(name) or _GENERIC.search(name)):
            depts.append(name)
    return leaders, depts


# Bodies that attend but never co-organise a 政协 topic: the Party and government, the
# people's organisations (团市委, 市妇联) and the participating parties (民革市委 …).
_NOT_CPPCC = re.compile(
    r"^(?:中共|共青团|团[省市县区州旗]委|[省市县区州旗](?!政协)|民革|民盟|民建|民进|农工|致公|九三|台盟)"
)
_SECTOR_END = re.compile(r"[^各]界(?:别)?$")
_CPPCC_BODY_END = re.compile(r"(?:委员会|委|办公室|办公厅|办|研究室|室|组|界别|联络处)$")


def _is_government(name: str) -> bool:
    """Not a 政协 body: a Party or government body (市发改委, 中共某县委组织部), 团市委, a party.

    A 政协 body names the 政协 or is a bare committee name (提案委, 文史委)."""
    if "政协" in name or _SECTOR_END.search(name):
        # "民宗界" "共青团和青联界": a sector of the 政协 (its name without the 政协), never a government body
        return False
    return bool(_NOT_CPPCC.match(name)) or not _CPPCC_BODY_END.search(name)


def _split_departments(text: str) -> list[str]:
    out = []
    toks = []
    for tok in split_names(text):
        spaced = tok.split()
        # "区住建局 区自规分局": names set apart by spaces only
        toks += spaced if len(spaced) > 1 and all(_ORG_END.search(x) and len(x) >= 3 for x in spaced) else [tok]
    for tok in toks:
        name = _clean_name(tok)
        if name and not _GENERIC.search(name) and name not in out:
            out.append(name)
    return out


# "经济界、工商联界" "经济界、农业界联组" "农工党、九三学社界别活动组": several 界别 as one joint group
_JOINT_GROUP_END = re.compile(r"界(?:别)?(?:联组|活动组|小组)?$")
_NOT_GROUP_PART = re.compile(r"(?:委员会|委|办|厅|局|室|部|中心)$")


def _is_joint_group(parts: list[str]) -> bool:
    return (
        len(parts) > 1
        and bool(_JOINT_GROUP_END.search(parts[-1]))
        and all(len(p) <= 12 and not _NOT_GROUP_PART.search(p) for p in parts)
    )


def _joint_group_beside_departments(parts: list[str]) -> list[str]:
    """["市政协共青团和青联界", "妇联界", "市委网信办"] → ["共青团和青联界、妇联界", "市委网信办"], else [].

    "承办单位:市政协…界、…界" beside "主办部门:市委网信办" reach here as one list; the
    界别 still lead as one joint group, and the government bodies go on to be departments."""
    gov = [p for p in parts if _is_government(_clean_name(p))]
    rest = [p for p in parts if p not in gov]
    if not gov or not _is_joint_group(rest):
        return []
    return [strip_body(_clean_name("、".join(rest)))] + [strip_body(_clean_name(g)) for g in gov]


def _split_committees(text: str) -> list[str]:
    s = re.sub(r"^由", "", text.strip().rstrip("。"))
    s = re.sub(rf"(?:{_LEAD_ADVERB})?(?:{_LEAD_VERB})$", "", s)
    if _is_joint_group(split_names(s)):
        return [strip_body(_clean_name(s))]  # a joint 界别 group leads as one
    joint = _joint_group_beside_departments(split_names(s))
    if joint:
        return joint
    out = []
    for tok in split_names(s):
        name = strip_body(_clean_name(tok))
        if name and name not in out:
            out.append(name)
    if len(out) > 1 and all(re.search(r"界(?:别)?$", n) for n in out) and "、" in s:
        # "市政协经济界、工商联界": sectors that hold one topic together are one joint organiser
        # (界别联组), not a lead and its co-organisers
        return ["、".join(out)]
    return out


# "区政协文化文史委(区政协经济委配合)": a lead's bracket naming the committee that helps it
_HELPER_BRACKET = re.compile(
    r"[(（]\s*(?P<who>[^()（）]{2,60}?)\s*(?:"
    + alternation(verbs("departments", without=("协同", "参加", "参与", "列席")) + CO_VERBS)
    + r")\s*[)）]\s*$"
)
_TRAILING_COMMITTEE = re.compile(r"\(([^()，,;；]{1,20}?(?:委|委员会|室|组|办公室|办公厅))\)\s*$")


class _Registry:
    """Names → ids for one list, reusing the known plan's ids where names match."""

    def __init__(self, prefix: str, known: list[Any], key=_key):
        self.prefix = prefix
        self.key = key
        self.items: dict[str, dict[str, Any]] = {}  # key → item dict
        self.order: list[str] = []
        self.new: list[str] = []
        self.taken = {k.id for k in known}
        self.fresh = FreshIds(prefix, self.taken)
        for k in known:
            self.items.setdefault(key(k.name), k.model_dump(mode="json"))
            self.order.append(key(k.name))
            role = getattr(k, "role", "")
            if role:
                self.items.setdefault(key(role), self.items[key(k.name)])

    def id_of(self, name: str, **extra: Any) -> str:
        k = self.key(name)
        if k not in self.items:
            item = {"id": self.fresh(), "name": name, **extra}
            self.items[k] = item
            self.order.append(k)
            self.new.append(name)
        return self.items[k]["id"]

    def dump(self) -> list[dict[str, Any]]:
        seen, out = set(), []
        for k in self.order:
            item = self.items[k]
            if item["id"] not in seen:
                seen.add(item["id"])
                out.append(item)
        return out


_DOC_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _title_key(title: str) -> str:
    """A title compared across documents: no spaces, full/half width alike, no trailing 。;, no 《》 around it."""
    t = re.sub(r"[。;\s]+$", "", title.strip())
    trailing = _TRAILING_COMMITTEE.search(t)  # "…(提案委)": the lead, not part of the title
    t = _key(t[: trailing.start()] if trailing else t)
    return t[1:-1] if t.startswith("《") and t.endswith("》") else t


def _known_topic_ids(known: Plan | None, topics: list[Any]) -> dict[int, str]:
    """``id(topic) → the known plan's topic id`` for topics read whose title is a known topic's.

    Matched once each, in document order; a title the known plan holds twice, or
    a document giving one title twice, matches only as often as it is there.
    """
    if known is None:
        return {}
    pool: dict[str, list[str]] = {}
    for k in known.topics:
        pool.setdefault(_title_key(k.title), []).append(k.id)
    kept: dict[int, str] = {}
    for tp in topics:
        ids = pool.get(_title_key(tp.title))
        if ids:
            kept[id(tp)] = ids.pop(0)
    return kept


def _short_cppcc(line: str) -> str:
    """``line`` with the 政协's formal name short: "中国人民政治协商会议X省委员会" → "政协X省委员会"."""
    return line.replace(CPPCC_FORMAL_NAME, "政协")


def _year_and_body(parsed: _Parsed, known: Plan | None, default_year: int | None) -> tuple[int | None, str, str | None]:
    """(year or None, body, a warning key about the year or None)."""
    lines = [parsed.title] + parsed.first_lines if parsed.title else parsed.first_lines
    lines = [_short_cppcc(x) for x in lines]
    year = None
    for line in lines:
        m = re.search(r"(20\d\d)\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", line)
        if m:
            year = int(m.group(1))
            break
    body = ""
    for line in lines:
        # "关于印发《某市政协…计划》的通知": the body starts after the notice's verb
        line = re.sub(r"^(?:关于)?(?:印发|转发|下达|公布|发布)《?", "", line)
        if _PLAN_TITLE.search(line) and not _is_headline(line):
            # "2026年度红石县政协…": the year in front is not part of the body's name
            line = re.sub(r"(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s*年度?", " ", line)
            # A title names the body in full ("威海市政协"); in running text only
            # the level is safe to take ("……结合市政协工作实际" → "市政协").
            rx = (
                r"[省市县区州旗]政协(?!委员)"
                if _is_prose(line)
                else r"(?:[\u4e00-\u9fff]{0,8}?(?:自治区|[省市县区州旗]))?政协(?!委员)"
            )
            full = re.search(r"政协([\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))委员会", line)
            m = re.search(rx, line)
            if full and not _is_prose(line):
                body = full.group(1) + "政协"
                break
            if m:
                body = m.group(0)
                break
    how = None
    if year is None and default_year is not None:
        year = default_year
    if year is None:
        dates = [m for raw in parsed.all_lines[-15:] for m in _DOC_DATE.finditer(unicodedata.normalize("NFKC", raw))]
        if dates:
            year, how = int(dates[-1].group(1)), "date:" + dates[-1].group(0)
    if year is None and known is not None:
        year, how = known.year, "known"
    if year is None:
        how = "needed"
    if not body or re.fullmatch(r"[省市县区州旗]政协", body):
        # "省政协" from a headline: the plan's own title quoted in the text names the place
        for line in lines:
            level = body[0] if body else "省市县区州旗"
            # "《2026年度县政协协商计划》": the year in front is no place ("年度县政协")
            line = re.sub(r"(?:20\d\d|二〇[〇一二三四五六七八九]{2})\s*年度?", " ", line)
            qm = re.search(rf"《[^》]*?([\u4e00-\u9fff]{{1,8}}?[{level}]政协)(?!委员)[^》]*》", line)
            if qm:
                body = qm.group(1)
                break
            # "《中国人民政治协商会议莼塘县委员会2026年度…计划》": the title quoted names it in full
            qm = re.search(rf"《[^》]*?政协([\u4e00-\u9fff]{{1,8}}?[{level}])委员会[^》]*》", line)
            if qm:
                body = qm.group(1) + "政协"
                break
    if not body or re.fullmatch(r"(?:[省市县区州旗])?政协", body):
        # "…,溪川市政协印发《…计划》": an article reporting the plan names the body issuing it
        body = body_of_report(lines, body[:1] if body != "政协" else "") or body
    if not body or re.fullmatch(r"(?:[省市县区州旗])?政协", body):
        # "关于2026年度政协协商工作的安排意见": the signature under the text names the body, or the
        # site's name atop a web page ("岷淇市政协" over "市政协2026年度协商计划")
        for raw in [*reversed(parsed.all_lines[-15:]), *parsed.all_lines[:2]]:
            line = _short_cppcc(unicodedata.normalize("NFKC", raw.strip()))
            sm = re.fullmatch(r"([\u4e00-\u9fff]{1,8}?[省市县区州旗])政协(?:办公室|办公厅|委员会|网|网站)?", line)
            sm = sm or re.fullmatch(r"政协([\u4e00-\u9fff]{1,8}?[省市县区州旗])委员会(?:办公室|办公厅|网站)?", line)
            if sm and (len(body) < 3 or sm.group(1).endswith(body[0])):
                body = sm.group(1) + "政协"
                break
    if not body or re.fullmatch(r"(?:[省市县区州旗])?政协", body):
        # a joint notice's issuing header ("中共临海市委办公室 临海市人民政府办公室 政协临海市委员会办公室")
        # or signature names the body among the other offices, on one short line
        for raw in parsed.all_lines[:6] + parsed.all_lines[-15:]:
            line = _short_cppcc(unicodedata.normalize("NFKC", raw.strip()))
            if len(line) > 80 or _is_prose(line):
                continue
            sm = re.search(r"政协([\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))委员会", line)
            # a running header read above the title ("榕峤市政协办公室 2026年"): the office names its body
            sm = sm or re.search(r"([\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))政协(?:办公室|办公厅)", line)
            if sm and (len(body) < 3 or sm.group(1).endswith(body[0])):
                body = sm.group(1) + "政协"
                break
    body = _without_party_group(body)
    if body == "政协":
        body = ""
    if not body and known:
        body = known.body
    return year, body, how


def _without_party_group(body: str) -> str:
    """ "中共岩州市政协" (from "中共岩州市政协党组关于…的请示") → "岩州市政协": the 政协's Party group
    writes for the 政协 itself, so the plan is that body's."""
    return re.sub(r"^中共(?=[\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗])政协$)", "", body)


_PLAN_FIELDS = {"time", "lead", "departments", "people", "form", "leaders"}


def _useful(parsed: _Parsed) -> list[_Topic]:
    """Topics that carry something a plan says: a field, or a place under a form heading."""
    out = [t for t in parsed.loose if set(t.fields) & _PLAN_FIELDS]
    for s in parsed.sections:
        in_form = classify_form(s.header) is not None and not _is_sentence(s.header)
        out += [t for t in s.topics if in_form or set(t.fields) & _PLAN_FIELDS]
    return out


def _not_a_plan(parsed: _Parsed, topics: list[_Topic]) -> list[str]:
    """Reasons the text is not an annual plan (empty if it looks like one)."""
    reasons = []
    if parsed.title and _RULES_TITLE.search(parsed.title):
        reasons.append(T.NOT_A_PLAN["rules_title"].format(title=parsed.title))
    useful = _useful(parsed)
    if topics and not useful:
        reasons.append(T.NOT_A_PLAN["no_fields"])
    if parsed.sentence_headings and len(parsed.sentence_headings) >= max(1, len(topics) // 2) and not useful:
        reasons.append(T.NOT_A_PLAN["sentences"])
    return reasons


# "各一次" "各召开1次" "每半年一次" "分两次": the time names each occasion of one topic held more than once
_EACH_OCCASION = re.compile(r"各(?:召开|开展|举行|进行|安排)?\s*[一1](?:次|场)|每半年|分[两二2]次|[两二2]次(?:协商)?$")


def _occasions(time_text: str) -> list[str]:
    """The time phrase of each occasion of a topic held more than once, or [] for one occasion.

    "6月、11月各一次" → ["6月", "11月"]; "上半年、下半年各一次" (or "每半年一次")
    → ["上半年", "下半年"]; "一季度、三季度各一次" → ["第1季度", "第3季度"].
    """
    if not _EACH_OCCASION.search(time_text or ""):
        return []
    tm = parse_time(time_text)
    if len(tm.months) >= 2 and tm.window is None:
        return [f"{m}月" for m in tm.months]
    if tm.vague == "半年" and tm.window == (1, 12):
        return ["上半年", "下半年"]
    quarters = [q for q in range(1, 5) if tm.months and all(m in tm.months for m in range(3 * q - 2, 3 * q + 1))]
    if tm.vague == "季度" and len(quarters) >= 2:
        return [f"第{q}季度" for q in quarters]
    return []


def _merge_repeated(ordered: list[tuple[Any, _Topic]]) -> list[tuple[Any, _Topic]]:
    """Topics given twice (a prose summary, then an 附件 table with all fields) as one topic.

    A later topic with the same title as an earlier one whose lead or departments
    are missing, or whose fields all agree with it (the plan's own document: details,
    then a summary table), adds its fields to it instead of standing as a topic of its own.
    Not when both give a time and the times differ: that is the topic held twice, or typed
    twice by mistake, and either way the second time must not be lost (the reader warns of
    the same title, :func:`paperwork.importer._same_titles`).
    """
    out: list[tuple[Any, _Topic]] = []
    first: dict[str, int] = {}
    for sec, tp in ordered:
        k = _title_key(tp.title)
        at = first.get(k)
        if at is not None and k:
            earlier = out[at][1]
            shared = [k for k in tp.fields if earlier.fields.get(k) and k in _PLAN_FIELDS]
            differ = [k for k in shared if _key(earlier.fields[k]) != _key(tp.fields[k])]
            thin = not earlier.fields.get("lead") or not earlier.fields.get("departments")
            if not differ or (thin and "time" not in differ):
                for key, value in tp.fields.items():
                    if not earlier.fields.get(key):
                        earlier.fields[key] = value
                        earlier.field_lines[key] = tp.field_lines.get(key, [tp.line])
                earlier.lines += tp.lines
                if earlier.fields.get("form") is None and sec is not None and out[at][0] is None:
                    out[at] = (sec, earlier)
                continue
        first.setdefault(k, len(out))
        out.append((sec, tp))
    return out


def _per_occasion(tp: _Topic) -> list[_Topic]:
    """``tp``, or one copy per occasion when its time names several (each with that occasion's time)."""
    times = _occasions(tp.fields.get("time", ""))
    if len(times) < 2:
        return [tp]
    return [dataclasses.replace(tp, fields={**tp.fields, "time": t}) for t in times]


# "A—专题议政性常委会议;B—专题协商会" "①对口协商 ②界别协商": a legend of codes a table uses for forms
_LEGEND_ITEM = re.compile(
    r"(?:^|[\s;；,，、:：(（])(?P<code>[A-Za-z]|[①-⑩])\s*[—\-=:：.．、]?\s*(?P<name>[\u4e00-\u9fff]{2,12}?)"
    r"(?=\s*(?:[;；,，、)）。]|$|\s|[A-Za-z①-⑩]))"
)


def _form_legend(lines: list[str]) -> dict[str, str]:
    """Codes a document defines for forms (code → form name), from a line holding two or more of them."""
    out: dict[str, str] = {}
    for raw in lines:
        line = unicodedata.normalize("NFKC", raw)
        found = {
            m.group("code").upper(): m.group("name")
            for m in _LEGEND_ITEM.finditer(line)
            if classify_form(m.group("name")) or _is_form_name(m.group("name"))
        }
        if len(found) >= 2:
            out.update(found)
    return out


# A heading that names a 政协 committee ("(一)市政协经济委员会"): its topics' lead
_COMMITTEE_HEADING = re.compile(r"^[^,,;;。:]{0,8}政协[^,,;;。:]{1,14}(?:委员会|委|办公室|办公厅|研究室)$")


def _with_group_fields(tp: _Topic, src: Any, field_lines: dict[str, list[int]]) -> dict[str, str]:
    """A grouped topic's fields with its group's: the group's committee leads unless the topic names
    a lead; the group's leaders come first, then the topic's own ("联系领导" + "邀请县领导").

    ``field_lines`` (field → lines it is read from) gets the group's lines for a field both give.
    """
    group = tp.group
    assert group is not None
    f = dict(tp.fields)
    if not f.get("lead"):
        f["lead"] = group.header
        src("lead", group.header, [group.line])
    for key, value in group.fields.items():
        if key == "lead":
            continue
        if key in ("leaders", "departments", "people") and f.get(key):
            f[key] = value + "、" + f[key]
            field_lines[key] = group.field_lines.get(key, [group.line]) + field_lines.get(key, [])
        elif not f.get(key):
            f[key] = value
            field_lines[key] = group.field_lines.get(key, [group.line])
        src(key, value, group.field_lines.get(key, [group.line]))
    return f


def parse_published_text(
    text: str,
    *,
    known: Plan | None = None,
    year: int | None = None,
    session_month: int | None = None,
    source: SourceText | None = None,
) -> DraftPlan:
    """A draft plan from the text of a published plan; raises PaperworkError if no topic is found.

    ``known``: an existing plan whose committees, departments, leaders, forms
    and calendar are reused (names are matched to their ids); only names it
    lacks become new — pass None to read the text as a new plan with its own
    lists. ``year``: used when the text has none. ``session_month``: the month
    of the plenary session, for topics timed "全会期间" (default: the known
    plan's, else :data:`DEFAULT_SESSION_MONTH`).

    A text that is not a plan (rules for choosing topics, a news report) is
    refused with the reasons. When the text gives no year (``今年``) and none
    is passed, ``required`` holds ``"year"``: the plan carries this calendar
    year only as a placeholder the planner must replace.

    ``source``: when ``text`` is a rewrite of the user's document (see
    :mod:`paperwork.line_origins`), the user's lines and where each line of
    ``text`` came from; every line number of the draft (review, warnings,
    skipped lines) is then the user's, and ``lines`` are the user's lines.
    """
    if not text or not text.strip():
        raise fail("empty_text")
    _refuse_oversized(text.splitlines())
    parsed = _scan(text)
    assign_item_duties(parsed)
    topics_found = [t for s in parsed.sections for t in s.topics] + [t for t in parsed.loose if t.fields]
    reasons = _not_a_plan(parsed, topics_found)
    if not topics_found or (reasons and not _useful(parsed)):
        if reasons:
            raise PaperworkError([PaperIssue(T.NOT_A_PLAN_REFUSED.format(reasons=";".join(reasons)))])
        raise fail("no_topics_in_text")

    warnings: list[str] = [T.READ_WARN["not_a_plan_warning"].format(reason=r) for r in reasons]
    if parsed.revision_notice:
        warnings.insert(0, T.READ_WARN["revision_notice"])
    if parsed.amendment_notes:
        warnings.insert(0, T.READ_WARN["amended"].format(changes=";".join(parsed.amendment_notes)))
    defaults: list[str] = []
    required: list[str] = []
    plan_year, body, how = _year_and_body(parsed, known, year)
    if how == "needed":
        required.append("year")
        warnings.insert(0, T.READ_WARN["year_needed"])
        plan_year = dt.date.today().year
    elif how == "known":
        warnings.append(T.READ_WARN["year_from_known"].format(year=plan_year))
    elif how and how.startswith("date:"):
        warnings.append(T.READ_WARN["year_from_date"].format(date=how[5:], year=plan_year))
    if not body:
        required.append("body")
        warnings.append(T.READ_WARN["body_needed"])
    assert plan_year is not None

    if known:
        calendar = known.calendar.model_dump(mode="json")
    else:
        calendar = {
            "months": list(range(1, 13)),
            "blackout_months": list(DEFAULT_BLACKOUT),
            "session_month": session_month or DEFAULT_SESSION_MONTH,
        }
        defaults += [T.DEFAULT_NOTES["session_month"], T.DEFAULT_NOTES["blackout_months"]]
    session = session_month or (known.calendar.session_month if known else None) or DEFAULT_SESSION_MONTH

    committees = _Registry("C", known.committees if known else [], key=committee_key)
    departments = _Registry("D", known.departments if known else [])
    leaders = _Registry("L", known.leaders if known else [])
    known_forms = list(known.forms) if known else []
    forms: list[dict[str, Any]] = [f.model_dump(mode="json") for f in known_forms]
    new_forms: list[str] = []

    def form_by_name(header: str, *, canonical: bool) -> tuple[str, bool]:
        """(form id, recognised?) for a heading or a 协商形式 value."""
        cat = classify_form(header)
        sentence = _is_sentence(header)
        if sentence:
            warnings.append(T.READ_WARN["sentence_form"].format(text=header))
        if canonical or sentence or not header:
            name = T.FORM_NAMES.get(cat or "", "其他协商")
        else:
            # "主席会议协商" is the 主席会议; a name with its 政协 level ("县政协主席会议协商") is kept as written
            name = header if strip_body(header) != header else re.sub(r"(会|会议)协商$", r"\1", header)
        for f in forms:  # same name, or same kind of form
            if _key(f["name"]) == _key(name) or (cat and (f["id"] == cat or classify_form(f["name"]) == cat)):
                return f["id"], cat is not None
        taken = {f["id"] for f in forms}
        fid = cat if cat and cat not in taken else next_id("F", taken, width=1)
        item: dict[str, Any] = {"id": fid, "name": name, **FORM_DEFAULTS.get(cat or "", {})}
        forms.append(item)
        new_forms.append(name)
        if cat in FORM_DEFAULTS:
            rules = "、".join(T.FORM_RULE_TEXT[k].format(n=v) for k, v in FORM_DEFAULTS[cat].items())
            defaults.append(T.DEFAULT_NOTES["form_rules"].format(name=name, rules=rules))
        if cat is None and header and not sentence:
            warnings.append(T.TXT_WARN["unknown_form"].format(section=header, name=name))
        return fid, cat is not None

    legend = _form_legend(parsed.all_lines)
    topic_dicts: list[dict[str, Any]] = []
    reports: list[TopicReport] = []
    sources: dict[str, int] = {}
    taken_topics: set[str] = set()
    used_session = False
    used_default_window = False
    groups = [(s, s.topics) for s in parsed.sections] + [(None, [t for t in parsed.loose if t.fields])]
    for sec, topics in groups:
        if sec is not None and topics and sec.count is not None and sec.count != len(topics):
            warnings.append(
                T.TXT_WARN["count_mismatch"].format(section=sec.header, declared=sec.count, found=len(topics))
            )
    # topics in the order the document gives them (a plenary item above the form headings stays first);
    # a topic held on several occasions ("6月、11月各一次") is one topic per occasion
    ordered = [
        (sec, one)
        for sec, tp in _merge_repeated(
            sorted(((sec, tp) for sec, topics in groups for tp in topics), key=lambda x: x[1].line)
        )
        for one in _per_occasion(tp)
    ]
    sec_forms: dict[int, tuple[str, bool] | None] = {}
    # A topic the known plan already has (same title) keeps its id, so a re-import of the plan's own
    # document, or a merge into it, does not renumber topics; a new topic takes an id the known plan
    # does not use at all (a merge must not take it for one of the known plan's other topics).
    known_topic_ids = _known_topic_ids(known, [tp for _, tp in ordered])
    taken_topics |= {t.id for t in known.topics} if known else set()
    fresh_topic_id = FreshIds("T", taken_topics)
    for sec, tp in ordered:
        sec_form = sec_forms.get(id(sec))
        tid = known_topic_ids.get(id(tp)) or fresh_topic_id()
        f = tp.fields
        doubts: list[str] = []
        conf = 1.0
        srcs: list[FieldSource] = []

        # the lines each field is read from; a field given more (a group's leaders first, a government
        # body moved from the lead to the departments) cites those lines too
        field_lines = {k: list(v) for k, v in tp.field_lines.items()}

        def src(key: str, text_: str, lines: list[int] | None = None, _s=srcs, _tp=tp, _fl=field_lines) -> None:
            ls = lines if lines is not None else _fl.get(key, [_tp.line])
            ls = [*ls, *(c for n in ls for c in parsed.continued.get(n, []))]  # a value on the lines below its label
            _s.append(FieldSource(key, tuple(dict.fromkeys(ls)), text_))

        title = re.sub(r"[。;\s]+$", "", tp.title.strip())
        if not title:  # a label with nothing after it: the line itself, for the planner to correct
            title = _clean(parsed.all_lines[tp.line - 1]) or f"{tid}"
        trailing = _TRAILING_COMMITTEE.search(title)
        if tp.group is not None:
            f = _with_group_fields(tp, src, field_lines)
        helping = _HELPER_BRACKET.search(f.get("lead", ""))
        if helping:
            # "承办:区政协社会法制委(区政协提案委配合)": the bracket names who helps, not a second lead
            co = "、".join(x for x in (f.get("co", ""), helping.group("who").strip()) if x)
            f = {**f, "lead": f["lead"][: helping.start()].strip(), "co": co}
        lead_names = _split_committees(f.get("lead", ""))
        if not lead_names and sec is not None and _COMMITTEE_HEADING.search(sec.header):
            # "(一)市政协经济委员会" over its topics: the committee leads them
            lead_names = _split_committees(sec.header)
            src("lead", sec.header, [sec.line])
        if trailing:
            title = title[: trailing.start()].strip()
            if not lead_names:
                lead_names = _split_committees(trailing.group(1))
                src("lead", trailing.group(1), [tp.line])
        # the review cites the topic where its title is written (a "议题:" line below a heading, a heading
        # over the sentence telling the topic), so the line it names holds what it shows
        title_lines = tp.field_lines.get("title") or [tp.title_line or tp.line]
        src("title", title, title_lines)
        if not tp.numbered and "title" not in tp.field_lines:
            conf -= CONF_UNNUMBERED_TITLE
        if f.get("lead"):
            src("lead", f["lead"])
        if any(_is_government(n) for n in lead_names) and not all(_is_government(n) for n in lead_names):
            # "主办单位:市海洋局" beside "督办单位:市政协提案委": the government body attends,
            # the 政协 committee leads
            f = {
                **f,
                "departments": "、".join(
                    [f.get("departments", "")] + [n for n in lead_names if _is_government(n)]
                ).strip("、"),
            }
            field_lines["departments"] = field_lines.get("departments", []) + field_lines.get("lead", [tp.line])
            lead_names = [n for n in lead_names if not _is_government(n)]
        co_names = _split_departments(f.get("co", ""))
        # "配合单位:市发改委、市财政局": government bodies attend; only 政协 bodies co-organise
        lead_names += [strip_body(n) for n in co_names if not _is_government(n) and n not in lead_names]
        co_departments = [n for n in co_names if _is_government(n)]
        if f.get("co"):
            src("co", f["co"])

        if f.get("form") and _key(f["form"]).upper() in legend:
            f = {**f, "form": legend[_key(f["form"]).upper()]}  # "A" in a table keyed by a legend
        if f.get("form"):
            fid, known_form = form_by_name(f["form"], canonical=False)
            src("form", f["form"])
        elif sec is not None and classify_form(sec.header) is None and (tp.sentence_form or form_in_text(title)):
            # "其他协商活动" names no form; "…开展提案办理协商" or "6月召开专题协商会" does
            named = tp.sentence_form or form_in_text(title)
            fid, known_form = form_by_name(named, canonical=False)
            src("form", named, tp.field_lines.get("form", [tp.line]))
        elif sec is not None:
            if sec_form is None:
                sec_form = form_by_name(sec.header, canonical=sec.header_is_topic)
            fid, known_form = sec_form
            src("form", sec.header, [sec.line])
        elif tp.sentence_form or form_in_text(title):
            named = tp.sentence_form or form_in_text(title)
            fid, known_form = form_by_name(named, canonical=False)
            src("form", named, tp.field_lines.get("form", [tp.line]))
        elif form_suffix(title):
            # "…的常委会议专题协商": no form column or heading, the title ends in its form
            fid, known_form = form_by_name(form_suffix(title), canonical=False)
            src("form", form_suffix(title), tp.field_lines.get("title", [tp.line]))
        else:
            # no form written anywhere: the default, shown against the topic's line for review
            fid, known_form = form_by_name("", canonical=True)
            src("form", next(x["name"] for x in forms if x["id"] == fid), [tp.line])
        if not known_form:
            conf -= CONF_FORM_GUESSED
            doubts.append("协商形式")

        d: dict[str, Any] = {"id": tid, "title": title, "form": fid}
        if lead_names:
            ids = [committees.id_of(n) for n in lead_names]
            d["lead_options"] = [ids[0]]
            d["co_organizers"] = [x for x in dict.fromkeys(ids[1:]) if x != ids[0]]
        else:
            d["lead_options"] = [committees.id_of(T.TBD_COMMITTEE)]
            written = f.get("lead", "").strip().rstrip("。")
            if written:  # "承办单位:待定" or "牵头:无": on the line, yet no committee; never "not written"
                warnings.append(
                    T.TXT_WARN["lead_undecided"].format(id=tid, title=title, name=written, tbd=T.TBD_COMMITTEE)
                )
            else:
                warnings.append(T.TXT_WARN["no_lead"].format(id=tid, title=title, tbd=T.TBD_COMMITTEE))
            conf -= CONF_NO_LEAD
            doubts.append("承办")

        people_leaders, people_depts = _split_people(f.get("people", ""))
        # "县文旅局、县委常委、副县长某": a chain of posts ending in a name is one person here too
        dept_names = _post_chains(_split_departments(f.get("departments", "")))
        # "参加部门:县教育局;邀请分管副县长出席": a leader in the departments' list attends as a leader
        people_leaders += [n for n in dept_names if _is_leader(n) and n not in people_leaders]
        dept_names = [n for n in dept_names if not _is_leader(n)]
        dept_names += [n for n in people_depts + co_departments if n not in dept_names]
        d["departments"] = list(dict.fromkeys(departments.id_of(n) for n in dept_names))
        if f.get("departments"):
            src("departments", f["departments"])
        if f.get("people"):
            src("people", f["people"])
        leader_names = [_clean_name(x) for x in leader_list(f.get("leaders", ""))]
        leader_names = [part for n in leader_names for part in _run_together_leaders(n)]
        leader_names += [n for n in people_leaders if n not in leader_names]
        leader_ids = []
        for n in leader_names:
            if not n or _NOBODY_YET.fullmatch(n):
                continue
            if _GENERIC_ROLE.search(n) and not _NAMED_LEADER.search(n):
                # one "分管副市长" per topic: a shared one would invent overloads
                placeholder = f"{n}({tid})"
                leader_ids.append(leaders.id_of(placeholder, role=n))
                warnings.append(T.READ_WARN["generic_role"].format(id=tid, title=title, role=n, name=placeholder))
            else:
                leader_ids.append(leaders.id_of(n))
        d["leaders"] = list(dict.fromkeys(leader_ids))
        if f.get("leaders"):
            src("leaders", f["leaders"])
        if not d["departments"]:
            written = f.get("departments", "").strip().rstrip("。")
            if written:  # "协商部门:待定" or "有关部门": on the line, yet no department; never "not written"
                warnings.append(T.TXT_WARN["departments_undecided"].format(id=tid, title=title, name=written))
            else:
                warnings.append(T.TXT_WARN["no_departments"].format(id=tid, title=title))
            conf -= CONF_NO_DEPARTMENTS
            doubts.append("协商部门")

        form_item = next(x for x in forms if x["id"] == fid)
        time_text = f.get("time", "")
        tm = parse_time(time_text)
        if time_text:
            src("time", time_text)
        if _PARTY_PLENUM_WORD.search(time_text) and not tm.session:
            warnings.append(
                T.READ_WARN["party_plenum"].format(
                    id=tid, title=title, text=_PARTY_PLENUM_WORD.search(time_text).group(0)
                )
            )
        if tm.months:
            d["preferred_months"] = tm.months
            if tm.window:
                d["window"] = list(tm.window)
        elif tm.session or (form_item.get("session_only") and not tm.window):
            d["preferred_months"] = [session]
            used_session = True
            form_item["session_only"] = True
        elif tm.deadline:
            d["window"] = list(tm.window or (1, tm.deadline))
            warnings.append(T.READ_WARN["deadline"].format(id=tid, title=title, text=time_text, month=tm.deadline))
            conf -= CONF_VAGUE_TIME
        elif tm.window:
            d["window"] = list(tm.window)
            warnings.append(
                T.TXT_WARN["vague_month"].format(
                    id=tid, title=title, text=time_text, what=tm.vague, window=f"{tm.window[0]}–{tm.window[1]}月"
                )
            )
            conf -= CONF_VAGUE_TIME
            doubts.append("时间")
        else:
            if tm.undecided:
                warnings.append(T.READ_WARN["undecided"].format(id=tid, title=title, text=time_text))
            elif time_text.strip():  # "时间:两会后": written, in words the reader does not turn into months
                warnings.append(T.TXT_WARN["time_unread"].format(id=tid, title=title, text=time_text.strip()))
            else:
                warnings.append(T.TXT_WARN["no_month"].format(id=tid, title=title))
            if not known:
                d["window"] = list(DEFAULT_WINDOW)
                used_default_window = True
            conf -= CONF_NO_TIME
            doubts.append("时间")
        if tp.sentence_fields:
            conf -= CONF_SENTENCE_FIELD
        for ln, label, raw_text in tp.unknown:
            where = source.first(ln) if source else ln
            warnings.append(T.READ_WARN["unknown_label"].format(line=where, label=label, id=tid, text=raw_text))
            conf -= CONF_UNKNOWN_LABEL

        notes = []
        if f.get("content"):
            notes.append(f["content"])
        if f.get("people"):
            notes.append("参加人员:" + f["people"])
        if f.get("members"):  # the 政协 members taking part: no leader, no department, nobody scheduled
            notes.append(f"{LABELS['members'][0]}:{f['members']}")
        if f.get("notes"):
            notes.append(f["notes"])
        notes += tp.notes_lines
        if notes:
            d["notes"] = "\n".join(notes)
            src(
                "notes",
                "\n".join(notes),
                tp.field_lines.get("content", []) + tp.field_lines.get("members", []) + [u[0] for u in tp.unknown]
                or [tp.line],
            )
        topic_dicts.append(d)
        sources[tid] = min(title_lines)
        reports.append(
            TopicReport(
                topic=tid,
                title=title,
                line=min(title_lines),
                sources=srcs,
                confidence=round(max(CONF_FLOOR, conf), 2),
                doubts=doubts,
            )
        )
        sec_forms[id(sec)] = sec_form

    if parsed.declared_total is not None and parsed.declared_total != len(topic_dicts):
        warnings.append(T.TXT_WARN["total_mismatch"].format(declared=parsed.declared_total, found=len(topic_dicts)))
    if used_session:
        calendar["session_month"] = calendar.get("session_month") or session
        if not (known and known.calendar.session_month) and not session_month:
            warnings.insert(0, T.TXT_WARN["session_month"].format(month=f"{session}月"))
    if used_default_window:
        defaults.append(T.DEFAULT_NOTES["window"])

    doc = {
        "format": PLAN_FORMAT,
        "body": body,
        "year": plan_year,
        "calendar": calendar,
        "forms": forms,
        "committees": committees.dump(),
        "departments": departments.dump(),
        "leaders": leaders.dump(),
        "topics": topic_dicts,
    }
    try:
        plan = parse_plan(doc)
    except PlanError as err:  # a bug here, not the user's: say so plainly
        raise from_plan_error(err) from None

    roles = dict(parsed.roles)
    skipped = list(parsed.skipped)
    draft = DraftPlan(
        plan=plan,
        new_committees=committees.new,
        new_departments=departments.new,
        new_leaders=leaders.new,
        new_forms=new_forms,
        unparsed_lines=[s.text for s in skipped],
        warnings=warnings,
        preamble="\n".join(parsed.preamble),
        closing="\n".join(parsed.closing),
        sources=sources,
        reports=reports,
        skipped=sorted(skipped, key=lambda s: s.line),
        line_roles=roles,
        defaults=defaults,
        required=required,
        lines=parsed.all_lines,
    )
    return source.speak(draft, T.SKIP_REASON["relaid"]) if source else draft


_PARTY_PLENUM_WORD = re.compile(r"(?:[省市县区州旗]委|党委)[^,,;;。()]{0,8}?全会|[一二三四五六七八九十]中全会")


__all__ = [
    "DraftPlan",
    "FieldSource",
    "PaperworkError",
    "SkippedLine",
    "TopicReport",
    "classify_form",
    "committee_key",
    "parse_published_text",
    "parse_time",
    "split_names",
    "strip_body",
]
