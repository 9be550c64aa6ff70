"""The annual consultation plan as a Word document, laid out like the published ones.

Structure (after seed 000 and the first plan of seed 004)::

    某市政协2024年度协商工作计划
    一、总体要求 …                       ← editable preamble
    二、工作安排
    2024年,共安排重点协商议题11项,包括:……
    (一)全体会议协商(1项)
    1. 题目
    时间安排:1月(全体会议期间)
    承办部门:… 协商部门:… 出席领导:…
    (二)专题议政性常委会议(2项) …
    三、领导同志出席重点协商活动安排     ← from the plan's leaders
    四、组织实施 …                       ← editable closing
    附件:协商活动安排表

Fonts follow the usual official layout (GB/T 9704): body 仿宋 三号, level-1
headings 黑体, level-2 楷体, title 宋体 二号 bold; East Asian fonts are set through
``w:eastAsia`` so Word picks them for Chinese text.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from solver import texts as ST
from solver.plan import Plan, Schedule, Topic

from . import texts as T
from .common import plan_for_output, usable_schedule, xml_safe, zh_punct

BODY_FONT = "仿宋"
H1_FONT = "黑体"
H2_FONT = "楷体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28)  # fixed line pitch, about 22 lines a page
TABLE_SIZE = Pt(12)  # 小四, the appendix table
TABLE_STYLE = "协商活动表格"  # paragraph style of the appendix table's cells

_H1 = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.]\s*(.+)$")
_H2 = re.compile(r"^\s*[((]\s*[一二三四五六七八九十]{1,3}\s*[))]")


def _set_fonts(element, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set Latin and East Asian fonts on a style or run (dropping theme fonts)."""
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _setup(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.5)

    # Chinese as the East Asian language, so Word breaks lines the Chinese way.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")

    normal = doc.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element, BODY_FONT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(32)  # two characters
    pf.widow_control = False

    # Level-1 headings are 黑体; bold as well, so the hierarchy survives on a
    # machine without 黑体 (LibreOffice then renders every CJK font alike).
    for name, font, bold in (
        ("Heading 1", H1_FONT, True),
        ("Heading 2", H2_FONT, False),
        ("Heading 3", BODY_FONT, True),
        ("Title", TITLE_FONT, True),
    ):
        st = doc.styles[name]
        _set_fonts(st.element, font)
        st.font.size = TITLE_SIZE if name == "Title" else BODY_SIZE
        st.font.bold = bold
        st.font.italic = False
        st.font.color.rgb = None
        st.font.color.theme_color = None
        spf = st.paragraph_format
        spf.space_before = spf.space_after = Pt(0)
        spf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spf.line_spacing = Pt(36) if name == "Title" else LINE
        spf.first_line_indent = Pt(0) if name == "Title" else Pt(32)
        spf.keep_with_next = name != "Title"
        spf.alignment = WD_ALIGN_PARAGRAPH.CENTER if name == "Title" else WD_ALIGN_PARAGRAPH.JUSTIFY
        # The default Title style draws a rule under itself; official titles have none.
        ppr = st.element.find(qn("w:pPr"))
        if ppr is not None:
            for b in ppr.findall(qn("w:pBdr")):
                ppr.remove(b)
        rpr = st.element.find(qn("w:rPr"))
        if rpr is not None:
            for tag in ("w:spacing", "w:kern"):
                for el in rpr.findall(qn(tag)):
                    rpr.remove(el)
    _page_numbers(sec)


def _page_numbers(sec) -> None:
    """ "— 1 —" centred in the footer, as official documents number pages."""
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)

    def run(text: str | None = None):
        r = p.add_run(text or "")
        r.font.size = Pt(14)
        _set_fonts(r._element, TITLE_FONT)
        return r

    run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        r = run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._element.append(el)
    run(" —")


class _Body:
    """Appends paragraphs to a document's body in constant time.

    python-docx's ``Document.add_paragraph`` looks for the body's closing
    ``w:sectPr`` among all paragraphs so far, each time, and resolves the style
    name through the whole style sheet, and setting a style scans the style
    sheet for the default style: a 5000-topic plan (25 000 paragraphs) took
    over a minute. Here each paragraph is made in an empty scratch container
    of the same document and moved in front of ``w:sectPr``, and a style's id
    is looked up once and written straight into ``w:pStyle`` (the oxml
    layer's ``CT_P.style``, what ``Paragraph.style`` ends up writing).
    """

    def __init__(self, doc):
        self.doc = doc
        self._scratch = BlockItemContainer(OxmlElement("w:body"), doc)
        self._body = doc.element.body
        # Looked up once: finding it is a scan of the whole body.
        self._end = self._body.sectPr
        self._style_ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def add_paragraph(self, text: str = "", style: str | None = None):
        p = self._scratch.add_paragraph(text)
        if style:
            p._p.style = self.style_id(style)
        if self._end is not None:
            self._end.addprevious(p._p)
        else:
            self._body.append(p._p)
        return p


def _para(out: _Body, text: str, style: str | None = None, *, indent: bool = True):
    p = out.add_paragraph(xml_safe(zh_punct(text)), style=style)
    if not indent:
        p.paragraph_format.first_line_indent = Pt(0)
    return p


def _free_text(doc: _Body, text: str, *, renumber_from: int | None) -> int:
    """Paragraphs of user text; its "一、" headings are styled (and renumbered). Returns headings used."""
    n = 0
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        m = _H1.match(line)
        is_bare_heading = (
            renumber_from is not None and i == 0 and not m and len(line) <= 20 and not re.search(r"[。,,;;::]", line)
        )
        if m or is_bare_heading:
            title = m.group(2) if m else line
            num = T.cn_number(renumber_from + n) if renumber_from is not None else (m.group(1) if m else "")
            _para(doc, f"{num}、{title}" if num else title, "Heading 1")
            n += 1
        elif _H2.match(line):
            _para(doc, line, "Heading 2")
        else:
            _para(doc, line)
    return n


def _inner_quotes(text: str) -> str:
    """Quotes inside a quoted title become single quotes: “有效消肿‘大班额’”."""
    return text.replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def _time_text(plan: Plan, topic: Topic, month: int | None) -> str:
    form = plan.form_by_id().get(topic.form)
    session = bool(form and form.session_only)
    if month is not None:
        return T.DOC_SESSION.format(month=ST.month(month)) if session else ST.month(month)
    if topic.fixed_month is not None:
        return ST.month(topic.fixed_month)
    if session and plan.calendar.session_month:
        return T.DOC_SESSION.format(month=ST.month(plan.calendar.session_month))
    if topic.preferred_months:
        return T.DOC_PREFERRED.format(months=ST.months(topic.preferred_months))
    return T.DOC_UNDECIDED


def _ordered(plan: Plan, month_of: dict[str, int]) -> list[tuple[str, list[Topic]]]:
    """Forms in plan order, each with its topics by month (undecided last), then id."""
    groups = []
    for form in plan.forms:
        ts = [t for t in plan.topics if t.form == form.id]
        if ts:
            ts.sort(key=lambda t: (month_of.get(t.id, t.fixed_month or 99), t.id))
            groups.append((form.name, ts))
    return groups


def _committees_text(plan: Plan, topic: Topic, lead: str | None) -> str:
    comms = plan.committee_by_id()
    ids = [lead] if lead else list(topic.lead_options)
    if lead is None and len(ids) > 1:
        first = "或".join(comms[c].name if c in comms else c for c in ids)
        ids = []
    else:
        first = ""
    names = ([first] if first else []) + [comms[c].name if c in comms else c for c in ids]
    names += [comms[c].name for c in topic.co_organizers if c in comms and c not in (ids or [])]
    return "、".join(names)


def plan_document(
    plan: Plan,
    schedule: Schedule | None = None,
    *,
    preamble: str | None = None,
    closing: str | None = None,
    title: str | None = None,
    appendix: bool = True,
) -> bytes:
    """The year's consultation plan as .docx bytes.

    ``schedule``: the solved schedule (None: a draft from the plan's own
    months, marked 拟/待定). ``preamble``/``closing``: the editable text before
    ``工作安排`` and after the leaders' section (None: a standard text; "" for
    none). Lines of that text starting "一、" become headings; the closing's
    headings are renumbered to follow on. ``appendix``: add the one-page
    table of all activities by month.
    """
    usable_schedule(schedule, "计划文件")
    plan = plan_for_output(plan)  # titles and names as one line: the read-back finds each once
    month_of = schedule.month_of() if schedule else {}
    lead_of = schedule.lead_of() if schedule else {}
    depts = plan.department_by_id()
    leaders = plan.leader_by_id()
    forms = plan.form_by_id()

    document = Document()
    _setup(document)
    doc = _Body(document)
    document.core_properties.title = xml_safe(title or T.DOC_TITLE.format(body=plan.body, year=plan.year))
    document.core_properties.language = "zh-CN"
    document.core_properties.author = plan.body or "协商计划编排"

    _para(doc, title or T.DOC_TITLE.format(body=plan.body, year=plan.year), "Title", indent=False)
    _para(doc, "", indent=False)

    used = _free_text(doc, T.DOC_DEFAULT_PREAMBLE if preamble is None else preamble, renumber_from=None)
    n = used + 1

    # 工作安排
    _para(doc, f"{T.cn_number(n)}、{T.DOC_ARRANGEMENT}", "Heading 1")
    groups = _ordered(plan, month_of)
    parts = "、".join(T.DOC_COUNT_PART.format(form=name, n=len(ts)) for name, ts in groups)
    _para(doc, T.DOC_COUNT_LINE.format(year=plan.year, total=len(plan.topics), parts=parts))
    for gi, (form_name, ts) in enumerate(groups, start=1):
        _para(doc, T.DOC_SECTION.format(num=T.cn_number(gi), form=form_name, n=len(ts)), "Heading 2")
        for ti, t in enumerate(ts, start=1):
            _para(doc, T.DOC_TOPIC.format(num=ti, title=t.title), "Heading 3")
            _para(doc, T.DOC_TIME + _time_text(plan, t, month_of.get(t.id)))
            _para(doc, T.DOC_LEAD + _committees_text(plan, t, lead_of.get(t.id)))
            if t.departments:
                _para(doc, T.DOC_DEPTS + "、".join(depts[d].name for d in t.departments if d in depts))
            if t.leaders:
                _para(doc, T.DOC_LEADERS + "、".join(leaders[x].name for x in t.leaders if x in leaders))

    # 领导同志出席安排
    n += 1
    _para(doc, f"{T.cn_number(n)}、{T.DOC_LEADERS_HEAD}", "Heading 1")
    k = 0
    by_leader: dict[str, list[Topic]] = {}
    for t in plan.topics:
        for x in t.leaders:
            by_leader.setdefault(x, []).append(t)
    for leader in plan.leaders:
        mine = by_leader.get(leader.id, [])
        if not mine:
            continue
        mine.sort(key=lambda t: (month_of.get(t.id, t.fixed_month or 99), t.id))
        k += 1
        # "副市长(分管农业农村)" already says who it is; a second bracket would only clutter.
        who = f"{leader.name}({leader.role})" if leader.role and not re.search(r"[((]", leader.name) else leader.name
        items = "、".join(
            T.DOC_LEADER_ITEM.format(month=_time_text(plan, t, month_of.get(t.id)), title=_inner_quotes(t.title))
            for t in mine
        )
        _para(doc, f"{k}. " + T.DOC_LEADER_LINE.format(who=who, items=items))
    if k == 0:
        _para(doc, T.DOC_NO_LEADERS)

    # 组织实施 (editable)
    _free_text(doc, T.DOC_DEFAULT_CLOSING if closing is None else closing, renumber_from=n + 1)

    if appendix:
        _appendix(doc, plan, groups, month_of, lead_of, forms)

    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _table_style(doc):
    """The appendix cells' paragraph style (made once: per-cell formatting was most of the table's time)."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = doc.styles
    if TABLE_STYLE in [s.name for s in styles]:
        return styles[TABLE_STYLE]
    st = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles["Normal"]
    st.font.size = TABLE_SIZE
    pf = st.paragraph_format
    pf.first_line_indent = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before = pf.space_after = Pt(2)
    return st


def _appendix(out: _Body, plan: Plan, groups, month_of, lead_of, forms) -> None:
    doc = out.doc
    p = _para(out, "", indent=False)
    p.add_run().add_break(WD_BREAK.PAGE)
    head = _para(out, "附件", indent=False)
    _set_fonts(head.runs[0]._element, H1_FONT)
    cap = _para(out, f"{plan.year}年度协商活动安排表", "Title", indent=False)
    cap.paragraph_format.space_after = Pt(12)
    cap.runs[0].font.size = Pt(18)
    rows = [(month_of.get(t.id, t.fixed_month), t) for _, ts in groups for t in ts]
    rows.sort(key=lambda r: (r[0] or 99, r[1].id))
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(1.4), Cm(6.0), Cm(3.0), Cm(2.4), Cm(2.8)]  # 15.6 cm: the text width
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    heads = ["序号", ST.FIELD["topic"], ST.FIELD["form"], "时间", T.DOC_LEAD.rstrip(":")]
    style = _table_style(doc)
    for cell, text, w in zip(table.rows[0].cells, heads, widths, strict=True):
        _cell(cell, text, style, bold=True, width=w, center=True)
    centred = (0, 3)  # 序号 and 时间
    body = [
        (
            str(i),
            t.title,
            forms[t.form].name if t.form in forms else t.form,
            _time_text(plan, t, month_of.get(t.id)),
            _committees_text(plan, t, lead_of.get(t.id)),
        )
        for i, (_month, t) in enumerate(rows, start=1)
    ]
    table._tbl.extend(_table_rows(body, style.style_id, widths, centred))
    # Repeat the header row on every page; never split it across pages (data rows carry cantSplit already).
    tr_pr = table._tbl.tr_lst[0].get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def _table_rows(rows: list[tuple[str, ...]], style_id: str, widths, centred: tuple[int, ...]) -> list:
    """The appendix's data rows as ``w:tr`` elements, parsed from one XML string.

    Built as XML rather than cell by cell through python-docx: each python-docx
    call re-finds its place among the element's siblings, and 25 000 cells took
    most of a 5000-topic document's minute. Each row: no split across pages;
    each cell: the grid width, the table paragraph style, centred where asked.
    """
    tw = [w.twips for w in widths]
    out = []
    for values in rows:
        cells = []
        for j, (text, w) in enumerate(zip(values, tw, strict=True)):
            jc = '<w:jc w:val="center"/>' if j in centred else ""
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'
                f'<w:r><w:t xml:space="preserve">{escape(xml_safe(zh_punct(text)))}</w:t></w:r></w:p></w:tc>'
            )
        out.append(f'<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>{"".join(cells)}</w:tr>')
    return list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(out)}</w:tbl>"))


def _cell(cell, text: str, style, *, bold: bool = False, width=None, center: bool = False) -> None:
    if width is not None:
        cell.width = width
    p = cell.paragraphs[0]
    p._p.style = style.style_id  # see _Body: Paragraph.style rescans the style sheet each time
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(xml_safe(zh_punct(text)))
    if bold:
        r.bold = True
        _set_fonts(r._element, H1_FONT)
