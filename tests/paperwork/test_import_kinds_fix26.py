"""Kinds blind set 26 showed (B177–B184), each tested on invented examples of our own.

- numbering set on heading STYLES (no ``w:numPr`` on the paragraphs): the style, or a style it is
  based on, carries the list; a chineseCounting level for the forms and a legal-style level
  (``w:isLgl``) for the topics, which Word shows as ``一、`` and ``1.1``: ``N.M`` items under the
  part numbered N the Chinese way are the part's items, the number no part of the title; typed
  that way in text they read the same (B177);
- a plan table whose title cell holds the title and then labelled paragraphs ("时间：…",
  "部门：…"): those are the row's fields, not more title; a title wrapped over two paragraphs
  without labels stays one title; a leader cell with one leader per paragraph gives each (B181).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from paperwork_samples import topic_rows

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

import line_account  # noqa: E402

from paperwork.importer import import_document, import_text  # noqa: E402
from paperwork.outline import decimal_outline  # noqa: E402
from paperwork.sources import docx_lines  # noqa: E402


def _bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _breaches(name: str, data: bytes) -> list:
    draft = import_document(name, data)
    return line_account.draft_breaches(draft, line_account.source_lines(name, data), fields=True)


# -- numbering on heading styles, a legal-style topic level (B177) -----------------------------------

_LIST = (
    '<w:abstractNum {ns} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="{s1}"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="{s2}"/>'
    '<w:isLgl/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
)


def _styled_outline(parts: list[tuple[str, list[tuple[str, list[str]]]]], *, via_base: bool = False) -> bytes:
    """A .docx whose part and topic headings are numbered only by their styles ("层级一" / "层级二").

    ``via_base``: the topic style carries no list itself; the style it is based on does.
    """
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    styles = doc.styles
    part_style = styles.add_style("层级 一", WD_STYLE_TYPE.PARAGRAPH)
    topic_base = styles.add_style("议题 基础", WD_STYLE_TYPE.PARAGRAPH)
    topic_style = styles.add_style("层级 二", WD_STYLE_TYPE.PARAGRAPH)
    topic_style.base_style = topic_base
    listed = [(part_style, 0), (topic_base if via_base else topic_style, 1)]
    ids = {0: part_style.style_id, 1: topic_style.style_id}
    first = numbering.find(qn("w:num"))
    abstract = parse_xml(_LIST.format(ns=nsdecls("w"), s1=ids[0], s2=ids[1]))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for style, level in listed:
        ppr = style.element.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    doc.add_paragraph("政协云杉县委员会2027年度协商工作计划")
    doc.add_paragraph("经县委同意，现将全年协商议题安排如下。")
    for head, topics in parts:
        doc.add_paragraph(head, style=part_style)
        for title, fields in topics:
            doc.add_paragraph(title, style=topic_style)
            for f in fields:
                doc.add_paragraph(f)
    return _bytes(doc)


_STYLED = [
    (
        "专题协商会",
        [
            ("推进县域商业体系建设", ["协商时间：5月", "承办单位：县政协经济委", "协商部门：县商务局、县供销社"]),
            ("加强饮用水水源地保护", ["协商时间：第三季度", "承办单位：县政协城环委", "协商部门：县水利局"]),
        ],
    ),
    (
        "对口协商会",
        [("提升乡镇卫生院服务能力", ["协商时间：8月", "承办单位：县政协教卫委", "出席县领导：副县长韩松"])],
    ),
    (
        "提案办理协商会",
        [("关于规范农村集体资产管理的提案", ["协商时间：适时", "承办单位：县政协提案委", "协商部门：县农业农村局"])],
    ),
    ("工作要求", []),
]


def test_heading_styles_linked_to_a_list_number_the_forms_and_the_legal_style_topics():
    for via_base in (False, True):
        data = _styled_outline(_STYLED, via_base=via_base)
        lines = docx_lines(data)
        assert "一、专题协商会" in lines and "四、工作要求" in lines, via_base
        assert "1.1 推进县域商业体系建设" in lines and "3.1 关于规范农村集体资产管理的提案" in lines, via_base
        rows = topic_rows(import_document("计划.docx", data).plan)
        assert [r[0] for r in rows] == [
            "推进县域商业体系建设",
            "加强饮用水水源地保护",
            "提升乡镇卫生院服务能力",
            "关于规范农村集体资产管理的提案",
        ]
        assert [r[1] for r in rows] == ["专题协商会", "专题协商会", "对口协商会", "提案办理协商会"]
        assert [r[2] for r in rows] == [[5], [], [8], []]
        assert rows[0][3] == ["经济委"] and rows[0][4] == ["县商务局", "县供销社"]
        assert rows[2][5] == ["副县长韩松"] and rows[1][5] == []
        assert _breaches("计划.docx", data) == []


_TYPED = """政协云杉县委员会2027年度协商工作计划
一、专题协商会
1.1 推进县域商业体系建设
协商时间：5月
承办单位：县政协经济委
2.1 提升乡镇卫生院服务能力
"""


def test_typed_legal_items_under_chinese_parts_read_as_the_parts_items():
    text = "\n".join(
        [
            "政协云杉县委员会2027年度协商工作计划",
            "一、专题协商会",
            "1.1 推进县域商业体系建设",
            "协商时间：5月",
            "1.2 加强饮用水水源地保护",
            "协商时间：9月",
            "二、对口协商会",
            "2.1 提升乡镇卫生院服务能力",
            "协商时间：8月",
            "三、界别协商会",
            "3.1 发挥农业界委员作用助力乡村振兴",
            "协商时间：下半年",
            "四、工作要求",
            "各承办单位要提前3个月启动调研。",
        ]
    )
    draft = import_text(text)
    rows = topic_rows(draft.plan)
    assert [(r[0], r[1]) for r in rows] == [
        ("推进县域商业体系建设", "专题协商会"),
        ("加强饮用水水源地保护", "专题协商会"),
        ("提升乡镇卫生院服务能力", "对口协商会"),
        ("发挥农业界委员作用助力乡村振兴", "界别协商会"),
    ]
    assert line_account.draft_breaches(draft, text.splitlines(), fields=True) == []


def test_legal_items_numbered_by_libreoffice_which_ignores_islgl_read_the_same():
    # a .doc or .wps converted by LibreOffice shows the legal-style level as "二.1"
    text = "\n".join(
        [
            "政协云杉县委员会2027年度协商工作计划",
            "一、专题协商会",
            "一.1　推进县域商业体系建设",
            "协商时间：5月",
            "二、对口协商会",
            "二.1　提升乡镇卫生院服务能力",
            "二.2　规范校外培训机构管理",
            "三、界别协商会",
            "三.1　发挥农业界委员作用助力乡村振兴",
        ]
    )
    draft = import_text(text)
    assert [(r[0], r[1]) for r in topic_rows(draft.plan)] == [
        ("推进县域商业体系建设", "专题协商会"),
        ("提升乡镇卫生院服务能力", "对口协商会"),
        ("规范校外培训机构管理", "对口协商会"),
        ("发挥农业界委员作用助力乡村振兴", "界别协商会"),
    ]
    assert line_account.draft_breaches(draft, text.splitlines(), fields=True) == []
    # under decimal parts a Chinese-numbered item is no item of theirs
    mixed = ["1 专题协商", "一.1 X", "1.1 A", "2 对口协商", "2.1 B", "3 界别协商", "3.1 C"]
    assert decimal_outline(mixed)[1] == "一.1 X"


def test_legal_items_that_do_not_follow_their_chinese_part_are_left_alone():
    # "2.1" under "一、": not this outline; nor are two parts with items too few to trust the numbers
    wrong = ["一、专题协商会", "2.1 推进县域商业体系建设", "二、对口协商会", "3.1 X", "三、界别协商", "4.1 Y"]
    assert decimal_outline(wrong) == wrong
    assert decimal_outline(_TYPED.splitlines()) == _TYPED.splitlines()


def test_a_decimal_outline_after_chinese_numbered_preface_parts_still_reads_as_before():
    lines = [
        "一、指导思想",
        "二、年度安排",
        "1 专题协商",
        "1.1 培育冰雪旅游新业态",
        "2 对口协商",
        "2.1 完善县域医共体建设",
        "3 界别协商",
        "3.1 发挥新乡贤作用",
    ]
    out = decimal_outline(lines)
    assert out[2:] == [
        "一、专题协商",
        "1.培育冰雪旅游新业态",
        "二、对口协商",
        "1.完善县域医共体建设",
        "三、界别协商",
        "1.发挥新乡贤作用",
    ]
    assert out[:2] == lines[:2]


# -- title cells holding labelled field paragraphs (B181) ------------------------------------------


def _cell_table(rows: list[tuple[str, list[str], str, list[str]]], *, head: str = "议题及安排") -> bytes:
    """序号 | 协商形式 | ``head`` | 承办专委会 | 出席领导: the title cell and the leader cell one paragraph each."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协石川市委员会2027年度协商工作计划表")
    table = doc.add_table(rows=1 + len(rows), cols=5)
    for j, h in enumerate(["序号", "协商形式", head, "承办专委会", "出席领导"]):
        table.rows[0].cells[j].text = h
    for i, (form, title_cell, lead, leaders) in enumerate(rows, 1):
        cells = table.rows[i].cells
        cells[0].text = str(i)
        cells[1].text = form
        cells[2].text = title_cell[0]
        for extra in title_cell[1:]:
            cells[2].add_paragraph(extra)
        cells[3].text = lead
        if leaders:
            cells[4].text = leaders[0]
            for more in leaders[1:]:
                cells[4].add_paragraph(more)
    # the form cells merged down where two rows share a form
    top, below = table.cell(1, 1), table.cell(2, 1)
    below.text = ""
    top.merge(below).text = rows[0][0]
    doc.add_paragraph("联系人：市政协办公室　田禾")
    return _bytes(doc)


_CELLS = [
    (
        "专题协商会",
        ["完善城市一刻钟便民生活圈", "时间：4月中旬", "部门：市商务局、市住建局"],
        "市政协经济委",
        ["副市长", "市政协副主席苗青"],
    ),
    ("专题协商会", ["加强山洪灾害防治", "协商部门：市水利局、市应急局", "时间：6月、9月各一次"], "市政协城环委", []),
    ("对口协商会", ["推进中小学", "课后服务提质"], "市政协教卫委", ["分管副市长"]),
]


def test_a_title_cell_whose_later_paragraphs_are_labelled_gives_them_as_the_rows_fields():
    for head in ("议题及安排", "协商议题"):
        data = _cell_table(_CELLS, head=head)
        rows = topic_rows(import_document("计划表.docx", data).plan)
        assert [r[0] for r in rows] == [
            "完善城市一刻钟便民生活圈",
            "加强山洪灾害防治",
            "加强山洪灾害防治",
            "推进中小学课后服务提质",  # two paragraphs without labels: one wrapped title
        ], head
        assert [r[1] for r in rows] == ["专题协商会", "专题协商会", "专题协商会", "对口协商会"]
        assert [r[2] for r in rows] == [[4], [6], [9], []]
        assert rows[0][4] == ["市商务局", "市住建局"] and rows[1][4] == ["市水利局", "市应急局"]
        assert rows[0][5] == ["副市长", "市政协副主席苗青"]  # one leader a paragraph
        assert rows[1][5] == [] and rows[3][5][0].startswith("分管副市长")  # a generic role, numbered
        assert rows[3][3] == ["教卫委"]
        assert _breaches("计划表.docx", data) == []
