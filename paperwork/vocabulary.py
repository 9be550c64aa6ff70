"""One label vocabulary for every import: which words name which field.

Published plans label a topic's details in many ways (``时间安排`` / ``协商时间``
/ ``时间``; ``承办单位`` / ``牵头单位`` / ``责任部门`` …), and Excel workbooks
and Word/HTML tables head their columns with the same words. This module is
the single table of synonyms per field; the text reader, the table reader
(Word, PDF, HTML) and the Excel header matching all read it, so a synonym
added here is understood everywhere.

Keys are the reader's field names:

- ``title`` 议题, ``form`` 协商形式, ``time`` 时间 (parsed as time phrases),
  ``lead`` 承办/牵头专委会, ``co`` 协办, ``departments`` 协商部门,
  ``people`` 参加人员 (split into leaders and departments), ``leaders`` 出席领导,
  ``members`` 参加委员 (the 政协 members taking part: kept as notes),
  ``content`` 内容 (kept as notes), ``number`` 序号 (table columns only),
  ``notes`` 备注, ``after`` 前序议题, ``arrangement`` 具体安排 (a sentence read
  for lead, departments, time and form), ``research`` 调研阶段 (read for the lead
  only: its months are the research's, not the consultation's).

The Excel import maps them onto its template columns with :data:`EXCEL_FIELD`.

Duties said in a sentence rather than under a label ("由X牵头,A、B参加,邀请Y出席") are read
by their verbs: :data:`DUTY_VERBS`, one table per field, which every sentence reader builds its
pattern from (:func:`alternation`). A reader that must not take every word of a table uses a
named view of it (:func:`verbs` with ``without=``, :data:`GLUED_SHORT_LABELS`,
:data:`ORDINAL_TITLE_WORDS` …), each saying why; a word added to a table then reaches every
reader but the views that leave it out on purpose.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

LABELS: dict[str, tuple[str, ...]] = {
    # Each label: where it was first seen (the commit that brought it in).
    "title": (
        "协商议题",  # the vocabulary's first table (587909c)
        "议题名称",  # the vocabulary's first table (587909c)
        "协商题目",  # the vocabulary's first table (587909c)
        "议题",  # the vocabulary's first table (587909c)
        "题目",  # the vocabulary's first table (587909c)
        "协商内容及议题",  # the vocabulary's first table (587909c)
        "课题名称",  # the vocabulary's first table (587909c)
        "活动名称",  # the shared cases' tests (0762afc)
        "活动主题",  # the shared cases' tests (0762afc)
        "协商活动",  # blind set H33–H38 (50b728d)
        "协商项目",  # blind set H33–H38 (50b728d)
        "项目名称",  # blind set H33–H38 (50b728d)
        "标题",  # the vocabulary's first table (587909c)
    ),
    "form": (
        "协商形式",  # the vocabulary's first table (587909c)
        "活动形式",  # the vocabulary's first table (587909c)
        "协商方式",  # the vocabulary's first table (587909c)
        "活动方式",  # the shared cases' tests (0762afc)
        "会议形式",  # the vocabulary's first table (587909c)
        "形式",  # the vocabulary's first table (587909c)
    ),
    "time": (
        "时间安排",  # the first published-text reader and Excel headers (49bb5cf)
        "协商时间",  # the first published-text reader and Excel headers (49bb5cf)
        "计划时间",  # the first published-text reader and Excel headers (49bb5cf)
        "安排时间",  # the first published-text reader and Excel headers (49bb5cf)
        "完成时间",  # the first published-text reader and Excel headers (49bb5cf)
        "活动时间",  # the vocabulary's first table (587909c)
        "拟安排时间",  # the vocabulary's first table (587909c)
        "召开时间",  # the vocabulary's first table (587909c)
        "时间节点",  # the vocabulary's first table (587909c)
        "建议月份",  # the vocabulary's first table (587909c)
        "月份",  # blind set 24, one-line entries labelled "时间:" or "月份:" in one list (fix24)
        "时间",  # the first published-text reader and Excel headers (49bb5cf)
    ),
    "lead": (
        "承办部门",  # the first published-text reader and Excel headers (49bb5cf)
        "承办单位",  # the first published-text reader and Excel headers (49bb5cf)
        "承办专委会",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头专委会",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头委员会",  # blind set 19, "牵头委员会  区政协经济委员会" (labels without a colon)
        "牵头单位",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头部门",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头委室",  # the vocabulary's first table (587909c)
        "责任部门",  # the first published-text reader and Excel headers (49bb5cf)
        "责任单位",  # the first published-text reader and Excel headers (49bb5cf)
        "责任委室",  # the vocabulary's first table (587909c)
        "组织实施",  # the first published-text reader and Excel headers (49bb5cf)
        "组织单位",  # the first published-text reader and Excel headers (49bb5cf)
        "责任专委会",  # Excel workbooks' own header (excel.ALIASES until issue #10)
        "承办",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头",  # the vocabulary's first table (587909c)
    ),
    "co": (
        "协办单位",  # the first published-text reader and Excel headers (49bb5cf)
        "协办部门",  # the first published-text reader and Excel headers (49bb5cf)
        "协办专委会",  # the first published-text reader and Excel headers (49bb5cf)
        "配合单位",  # the first published-text reader and Excel headers (49bb5cf)
        "配合专委会",  # Excel workbooks' own header (excel.ALIASES until issue #10)
        "协办",  # the vocabulary's first table (587909c)
    ),
    "departments": (
        "协商部门",  # the first published-text reader and Excel headers (49bb5cf)
        "参加单位",  # the first published-text reader and Excel headers (49bb5cf)
        "参加部门",  # the first published-text reader and Excel headers (49bb5cf)
        "协商单位",  # the first published-text reader and Excel headers (49bb5cf)
        "参与部门",  # the first published-text reader and Excel headers (49bb5cf)
        "参与单位",  # the vocabulary's first table (587909c)
        "邀请部门",  # the first published-text reader and Excel headers (49bb5cf)
        "邀请单位",  # the vocabulary's first table (587909c)
        "相关部门",  # the first published-text reader and Excel headers (49bb5cf)
        "有关部门",  # the first published-text reader and Excel headers (49bb5cf)
        "对口部门",  # the vocabulary's first table (587909c)
        "协商对象",  # the vocabulary's first table (587909c)
        "参与",  # "牵头:县政协经济委 参与:县发改局、…": the units that take part (16f1037)
        "部门",  # blind set 19, "部门\t\t区工业和信息化局、区科技局" (labels without a colon)
        "政府牵头部门",  # the government's lead department, beside the 政协 承办单位: consulted (ef41da6)
        "政府牵头单位",  # two-column label tables, beside the 政协 承办单位 (ef41da6)
        "政府责任部门",  # two-column label tables, beside the 政协 承办单位 (ef41da6)
    ),
    "people": (
        "参加人员",  # the first published-text reader and Excel headers (49bb5cf)
        "参会人员",  # the first published-text reader and Excel headers (49bb5cf)
        "出席人员",  # the first published-text reader and Excel headers (49bb5cf)
        "邀请人员",  # the first published-text reader and Excel headers (49bb5cf)
        "参加对象",  # the first published-text reader and Excel headers (49bb5cf)
        "参会范围",  # the vocabulary's first table (587909c)
        "参加范围",  # the vocabulary's first table (587909c)
    ),
    # The 政协 members who take part ("参加委员:部分市政协委员、经济界别委员"): neither leaders nor
    # departments, and nobody the schedule places; kept in the topic's notes, never an unknown label.
    "members": (
        "参加委员",  # issue #10: the 政协 members taking part
        "参会委员",  # issue #10: the 政协 members taking part
        "委员代表",  # issue #10: the 政协 members taking part
        "参与委员",  # issue #10: the 政协 members taking part
        "出席委员",  # issue #10: the 政协 members taking part
        "邀请委员",  # issue #10: the 政协 members taking part
    ),
    "leaders": (
        "出席领导",  # the first published-text reader and Excel headers (49bb5cf)
        "牵头领导",  # the first published-text reader and Excel headers (49bb5cf)
        "责任领导",  # the first published-text reader and Excel headers (49bb5cf)
        "邀请领导",  # the first published-text reader and Excel headers (49bb5cf)
        "拟邀领导",  # blind set 19, "拟邀领导   有关县领导" (labels without a colon)
        "参加领导",  # the first published-text reader and Excel headers (49bb5cf)
        "联系领导",  # the vocabulary's first table (587909c)
        "领导",  # the vocabulary's first table (587909c)
        "市领导",  # the first published-text reader and Excel headers (49bb5cf)
        # blind set 24, "（…；协商部门：A、B；出席市领导：X）": without these "市领导" alone was the
        # label and "出席" was left as one more department (fix24)
        "出席市领导",
        "出席县领导",
        "出席区领导",
        "出席",  # blind set B49–B56, "出席:副市长某" (554d511)
        # "出席市领导:…": without it the label 市领导 is found inside, cutting 出席 off as a value
        "出席省领导",  # blind set 22 (B145–B152)
        "出席市领导",  # blind set 22 (B145–B152)
        "出席县领导",  # blind set 22 (B145–B152)
        "出席区领导",  # blind set 22 (B145–B152)
    ),
    "content": (
        "主要内容",  # the first published-text reader and Excel headers (49bb5cf)
        "协商内容",  # the first published-text reader and Excel headers (49bb5cf)
        "调研内容",  # the first published-text reader and Excel headers (49bb5cf)
        "视察内容",  # the first published-text reader and Excel headers (49bb5cf)
        "监督内容",  # the first published-text reader and Excel headers (49bb5cf)
        "议题内容",  # the first published-text reader and Excel headers (49bb5cf)
        "协商重点",  # the first published-text reader and Excel headers (49bb5cf)
        "内容",  # the first published-text reader and Excel headers (49bb5cf)
        "目标要求",  # the vocabulary's first table (587909c)
    ),
    "notes": (
        "备注",  # the vocabulary's first table (587909c)
        "说明",  # the vocabulary's first table (587909c)
        # what the consultation yields (建议案, 协商意见): not its form, though the header ends in 形式
        "成果形式",  # blind set 22 (B145–B152)
    ),
    # A step or an arrangement written as a sentence ("由…牵头,…参加,6月召开专题协商会"):
    # read for lead, departments, time and form, and kept as notes.
    "arrangement": (
        "具体安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "工作安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "活动安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "实施安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "协商安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "进度安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "会议安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "协商阶段",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "协商环节",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "实施步骤",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
    ),
    # The research before a consultation ("调研阶段:3—5月,由…牵头"), or the inspection after it
    # ("视察时间 10月"): its lead is the topic's, its months are not the consultation's
    # (domain notes §5, 先调研后协商; a 调研→协商→视察 chain is one topic held at the 协商 step).
    "research": (
        "调研阶段",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "调研安排",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "调研环节",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "前期调研",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "调研时间",  # blind set H17–H24, step and arrangement sentences (662aa4f)
        "视察时间",  # 调研|协商|视察 step rows (b412686)
        "视察阶段",  # 调研|协商|视察 step rows (b412686)
        "跟踪视察",  # 调研|协商|视察 step rows (b412686)
    ),
    "after": (
        "前序议题",  # the vocabulary's first table (587909c)
        "前置议题",  # the vocabulary's first table (587909c)
        "先行议题",  # the vocabulary's first table (587909c)
    ),
    "number": (
        "序号",  # the vocabulary's first table (587909c)
        "编号",  # the vocabulary's first table (587909c)
        "序",  # the vocabulary's first table (587909c)
    ),
}
"""Field → its labels. Longer labels are tried first, so ``时间安排`` wins over ``时间``."""

LABEL_OF: dict[str, str] = {lab: key for key, labs in LABELS.items() for lab in labs}

ORDINAL_TITLE_WORDS = (*(lab for lab in LABELS["title"] if len(lab) == 2), "课题", "专题")
"""Words a numbered title starts with ("议题一:推动X" "专题二、…"): the title's two-character labels,
and 课题/专题, which are titles only when numbered ("专题" alone is a form's word: 专题协商会)."""

NAME_LIST_FIELDS = ("lead", "co", "departments", "people", "leaders", "members")
"""Fields whose value is a list of names ("市发改委、市商务局"): values read over several lines or
cells are joined by "、". Every layout that lists values one a line (cards, label blocks) reads these."""

GLUED_SHORT_LABELS = tuple(
    lab
    for lab, key in LABEL_OF.items()
    if len(lab) == 2 and key not in ("title", "leaders", "arrangement", "number") and lab != "部门"
)
"""Two-character labels read as a new field even when typed right after a value ("时间:4月承办:X").

A named view of :data:`LABELS`: the title's (议题 ends "协商议题"), the leaders' (领导 ends
"市委领导", 出席 a sentence's verb), the arrangement's (安排 ends "工作安排"), 编号 and 部门
("有关部门", "责任部门") end longer words too often to be cut there."""

# The Excel template's column keys each text field fills (a workbook is typed
# by the planner, so "时间安排" there holds plain months, read as the
# preferred months; "承办单位" is the lead committee).
EXCEL_FIELD: dict[str, str] = {
    "title": "title",
    "form": "form",
    "time": "preferred_months",
    "lead": "lead_options",
    "co": "co_organizers",
    "departments": "departments",
    "leaders": "leaders",
    "notes": "notes",
    "after": "after",
}

# Excel-only synonyms: columns and calendar rows that have no text label.
EXCEL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "session_only": ("仅限全会", "仅限全会期间", "全会期间", "只在全会"),
    "unavailable_months": ("不在岗月份", "不可出席月份", "不能出席月份", "不可安排月份", "请假月份", "外出月份"),
    "max_per_month": ("每月上限", "每月最多", "月上限"),
    "min_gap_months": ("最小间隔月数", "间隔月数", "最少间隔"),
    "fixed_month": ("固定月份", "指定月份", "锁定月份"),
    "window_start": ("最早月份", "开始月份", "起始月份"),
    "window_end": ("最晚月份", "截止月份", "结束月份"),
    "role": ("职务", "角色"),
    "months": ("可安排月份", "可用月份", "安排月份"),
    "blackout_months": ("禁排月份", "不安排月份", "停排月份", "空档月份"),
    "session_month": ("全会月份", "全体会议月份"),
    "max_topics_per_month": ("每月议题上限", "每月最多议题"),
}

# The verbs that give a topic's duties in a sentence instead of a label ("由X牵头,A、B参加,
# 邀请Y出席"): one table per field, read by every sentence reader (title sentences, form
# paragraphs of clauses, duty lists by item, prose items, keyed rules, role sentences).
DUTY_VERBS: dict[str, tuple[str, ...]] = {
    "lead": (
        "牵头承办",  # "由县政协经济委员会牵头承办" (county form paragraphs)
        "组织实施",  # "由市政协经济委组织实施,市发改委…参加" (run-together sentences)
        "具体实施",  # "由县政协农业农村委具体实施" (sentences without 由, committee first)
        "负责实施",  # a lead name ending "…委负责实施" cut back to the committee
        "牵头",  # "由区政协经济委牵头" (party-group requests, role sentences, prose items)
        "承办",  # "由市政协经济委员会承办" (form paragraphs, duty lists by item)
        "主办",  # "第3项:由市政协文史委主办" (duty lists by item), "教科卫体委(主办)"
        "负责",  # "由市政协甲界负责" (prose items, duty lists by item)
        "组织",  # "由市政协提案委组织" (sentences with 由 only: see LEAD_VERBS_AFTER_A_NAME)
    ),
    "departments": (
        "参加",  # "市交通运输局、市商务局参加" (every sentence layout)
        "参与",  # "市教育局、市人社局参与" (form paragraphs, duty lists by item)
        "配合",  # "区发改局、区科技局配合" (role sentences, duty lists by item)
        "协助",  # "县财政局协助" (duty lists by item, role sentences)
        "协同",  # "市水利局协同" (role sentences; see DEPARTMENT_VERBS_IN_RUNNING_TEXT)
        "列席",  # "县直有关部门列席" (run-together sentences)
    ),
    "leaders": (
        "出席",  # "邀请副市长罗某出席" (every sentence layout, keyed rules per form)
        "到会",  # "分管副市长到会听取意见" (duty lists by item, run-together sentences)
        "莅临",  # "邀请市委领导莅临指导" (run-together sentences, role sentences)
        "列席",  # "邀请县政府有关领导列席" (run-together sentences)
        "听取",  # "分管副县长听取意见" (run-together sentences; names checked to be leaders)
        "通报",  # "副市长通报情况" (run-together sentences; names checked to be leaders)
        "主持",  # "对口协商由市政协分管副主席主持" (keyed rules per form)
    ),
}
"""Field → the verbs that name it at the end of a clause. Longer verbs are tried first."""

LEAD_ADVERBS = ("联合", "共同", "具体", "负责")
"""Words between a lead and its verb: "由A、B联合牵头" "由X负责承办"."""

LEADER_VERB_TAILS = ("会议", "活动", "指导")
"""What may follow an attending verb: "出席会议" "莅临指导" "参加活动"."""

CO_VERBS = ("协办",)
"""The verb of a co-organiser, in a bracket after a name: "文化文史委(协办)"."""


def alternation(words: object) -> str:
    """A regex alternation (no group) of ``words``, longest first, each escaped: ``"牵头承办|牵头|承办"``."""
    return "|".join(sorted(dict.fromkeys(re.escape(w) for w in words), key=len, reverse=True))


def verbs(key: str, *, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The duty verbs of ``key`` (a :data:`DUTY_VERBS` field), less ``without``: a named view's words."""
    return tuple(v for v in DUTY_VERBS[key] if v not in without)


# Named views: a reader that must not take every verb of a field says which it leaves out, and why.
LEAD_VERBS_AFTER_A_NAME = verbs("lead", without=("组织",))
"""Lead verbs read without a 由 before the name: "会前组织委员…" is an activity, never a lead."""
DEPARTMENT_VERBS_IN_RUNNING_TEXT = verbs("departments", without=("协同",))
"""Department verbs searched inside a sentence: "协同推进" is an ordinary verb there (only a
clause that *ends* in 协同 names units)."""
HELPING_VERBS = verbs("departments", without=("参加", "列席"))
"""Verbs that name only units that help (role sentences): who 参加/列席 may be a leader or a unit,
and the role reader tells them apart by name (it reads those with the attending verbs)."""
ATTENDING_VERBS = verbs("leaders", without=("听取", "通报", "主持"))
"""Verbs that say someone is present, read where the names are not checked to be leaders
(a clause or a duty list): "市发改委通报" is a department reporting, "主持" a chair."""
ROLE_LEAD_VERB = "牵头"
"""The one verb a role sentence's lead clause needs (the clause may lack 由, so "X负责" there
is any clause's end; "牵头" is a lead's alone). The other lead verbs may follow it ("牵头负责")."""

TABLE_MARK = "【表格】"
"""Starts the line that stands for a table's header among the lines the reader reads."""

ITEM_NUMBER = r"(?:\d{1,3}|(?!19|20)\d{4})"
"""An item's Arabic number as a regex: a province's plan with its cities' runs into the hundreds or thousands
(``100.`` was left in the title when two digits were the limit), but a four-digit 19xx/20xx is a year
("〔2026〕2号", "2026、2027年"), never an item."""

# ∶ ︰ ﹕ : and the letters and marks that look like a colon (ː ˸ ꞉ ⁚ ׃ ᠄ ︓: phonetic and
# modifier letters, Hebrew and Mongolian punctuation, the vertical form) — typed, OCR'd or
# substituted to dodge filters; none of them belongs in a plan's text as anything but a colon.
LOOKALIKE_COLONS = "\u2236\ufe30\ufe55\uff1a\u02d0\u02f8\ua789\u205a\u05c3\u1804\ufe13"
"""Characters typed (or OCR'd) for a colon; every reader treats them as ``:``."""

# ∕ (division slash, what a browser-made PDF gives for the ／ its page had) and ⁄ (fraction slash)
LOOKALIKE_SLASHES = "\u2215\u2044"
"""Characters a PDF gives for a slash; the text reader treats them as ``/``."""

_LABEL_ALT = "|".join(sorted(map(re.escape, LABEL_OF), key=len, reverse=True))
FIELD_LINE = re.compile(rf"^({_LABEL_ALT})\s*:\s*(.*)$")
"""A whole line ``label: value`` (after :func:`normalise`)."""

_LONG_LABEL_ALT = "|".join(sorted((re.escape(x) for x in LABEL_OF if len(x) >= 3), key=len, reverse=True))
FIELD_ANYWHERE = re.compile(rf"(?:(?:(?<=^)|(?<=[\s;;,,。.、()()|/／]))({_LABEL_ALT})|({_LONG_LABEL_ALT}))\s*:")
"""A label followed by a colon inside a line: where a second field starts.

A short label (``时间``, ``承办``) must follow a space or punctuation (a slash too:
``时间:5月/承办:…``, two fields a page set on one line); a label of
three or more characters may follow anything, because PDF text often loses
the space between fields (``时间安排:6月承办单位:…``)."""

TITLE_ROOT_WORDS = ("议题", "题目", "名称", "课题")
"""Words that make a header a title column wherever they stand in it ("协商议题" "议题及主要内容"
"课题名称"): read by the header roots below, the title-and-content column and a PDF's wrapped header."""

# Header words by root, for a table column no synonym names exactly
# ("拟安排月份", "邀请参加单位"): the first rule whose pattern matches wins.
_HEADER_ROOTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(序号|编号|序)$")),
    ("title", re.compile(rf"{alternation(TITLE_ROOT_WORDS)}|主题|活动$|项目$|^(?:重点)?提案$")),
    ("form", re.compile(r"形式|方式|类别|类型")),
    ("time", re.compile(r"时间|月份|日期|时限")),
    ("co", re.compile(r"协办|配合")),
    ("leaders", re.compile(r"领导|主席|[省市县区州旗]长$")),
    ("lead", re.compile(r"牵头|承办|组织|责任|主办|督办")),
    ("people", re.compile(r"人员|范围")),
    ("members", re.compile(r"委员(?:代表)?$")),  # "政协委员" "界别委员": members, after 主任委员's leader rule
    ("departments", re.compile(r"部门|单位|对象|^(?:参加|参与|列席|邀请|参会)$")),
    ("notes", re.compile(r"备注|说明")),
    ("research", re.compile(r"调研")),
    ("arrangement", re.compile(r"安排|步骤|进度")),
)

# The last word of a compound header when it says what the column holds; 单位 and 部门 do not
# ("牵头承办单位" is the lead, named by its first word)
_HEAD_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("form", re.compile(r"(?:形式|方式)$")),
    ("time", re.compile(r"(?<!调研)(?:时间|月份|日期|时限)$")),
    ("leaders", re.compile(r"领导$")),
    ("title", re.compile(r"(?:议题|题目|名称)$")),
)

UNKNOWN_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*:\s*(\S.*)$")
"""A ``某某:…`` line whose label may not be in the vocabulary."""


def norm(text: object) -> str:
    """NFKC, look-alike colons as ``:``, and no whitespace: how headers are compared."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = s.translate({ord(c): ":" for c in LOOKALIKE_COLONS})
    return re.sub(r"\s+", "", s)


def field_of_header(header: object) -> str | None:
    """The field a table column header names (``"牵头单位"`` → ``"lead"``), or None.

    Exact synonyms first; then a header that *starts* with a synonym
    (``"时间安排(月份)"``), the longest synonym winning; then, for a short
    header, the root words of each field (``"拟安排月份"`` → time).
    """
    h = norm(header).rstrip(":")
    h = re.sub(r"[((][^))]*[))]$", "", h) or h
    if h in LABEL_OF:
        return LABEL_OF[h]
    for key, rx in _HEAD_NOUNS:
        # "协商活动形式" is a form, "计划安排时间" a time: a compound header is named by its last word
        if rx.search(h) and len(h) > 2:
            return key
    for lab in sorted(LABEL_OF, key=len, reverse=True):
        if len(lab) >= 2 and h.startswith(lab):
            return LABEL_OF[lab]
    if len(h) <= 8:  # a header, not a sentence
        for key, rx in _HEADER_ROOTS:
            if rx.search(h):
                return key
    return None


def field_of_label(label: object) -> str | None:
    """The field a label in running text names (``"联系副主席"`` → ``"leaders"``), or None.

    The vocabulary first; then, for a label of at most eight characters, the same
    root words as a table header (:func:`field_of_header`). ``序号`` and the
    content labels are never guessed: an unknown label stays unknown (reported).
    """
    h = norm(label).rstrip(":")
    if h in LABEL_OF:
        return LABEL_OF[h]
    if not 2 <= len(h) <= 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", h) or re.search(r"[及和与]", h):
        return None  # not a label, or two fields under one ("形式及时间"): the reader splits or reports those
    key = field_of_header(h)
    return key if key not in (None, "number", "content", "arrangement") else None


LOOKS_LIKE_RATIO = 0.6
"""difflib similarity above which an unmatched header is probably a known one misspelt."""


def looks_like(header: object, candidates: dict[str, str]) -> str | None:
    """The known header an unmatched one resembles (for a warning), or None.

    ``candidates`` maps normalised known headers to what they are shown as.
    A header resembles a known one when one contains the other or their
    similarity is at least :data:`LOOKS_LIKE_RATIO`.
    """
    h = norm(header)
    if len(h) < 2:
        return None
    best, best_ratio = None, 0.0
    for key, shown in candidates.items():
        if len(key) >= 2 and (key in h or h in key):
            return shown
        r = difflib.SequenceMatcher(None, h, key).ratio()
        if r > best_ratio:
            best, best_ratio = shown, r
    return best if best_ratio >= LOOKS_LIKE_RATIO else None


# The 政协's formal name, which a plan's title may spell out ("中国人民政治协商会议岚川省委员会"): "政协" for short
CPPCC_FORMAL_NAME = "中国人民政治协商会议"

__all__ = [
    "ATTENDING_VERBS",
    "CPPCC_FORMAL_NAME",
    "CO_VERBS",
    "DEPARTMENT_VERBS_IN_RUNNING_TEXT",
    "DUTY_VERBS",
    "EXCEL_FIELD",
    "EXCEL_SYNONYMS",
    "FIELD_ANYWHERE",
    "FIELD_LINE",
    "GLUED_SHORT_LABELS",
    "HELPING_VERBS",
    "LABELS",
    "LABEL_OF",
    "LEADER_VERB_TAILS",
    "LEAD_ADVERBS",
    "LEAD_VERBS_AFTER_A_NAME",
    "LOOKALIKE_COLONS",
    "LOOKALIKE_SLASHES",
    "NAME_LIST_FIELDS",
    "ORDINAL_TITLE_WORDS",
    "ROLE_LEAD_VERB",
    "TABLE_MARK",
    "TITLE_ROOT_WORDS",
    "UNKNOWN_LABEL",
    "alternation",
    "field_of_header",
    "field_of_label",
    "looks_like",
    "norm",
    "verbs",
]
