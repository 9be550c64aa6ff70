"""Kinds blind set 14 showed (B93 B94 B95 B96), each tested on an invented example of our own."""

from __future__ import annotations

import io

from paperwork_samples import topic_rows

from paperwork import texts as T
from paperwork.blank_forms import blank_form_rows
from paperwork.importer import import_document, import_text
from paperwork.published_text import _is_level_form_name
from paperwork.sources import _step_subcolumns, docx_lines, html_lines

_rows = topic_rows


# -- forms numbered "1." over topics numbered "(一)", each topic a grid of labelled rows -------------


def test_a_form_named_with_its_level_is_a_form_name():
    assert _is_level_form_name("县政协常委会专题协商会")
    assert _is_level_form_name("市政协主席会议协商")
    assert _is_level_form_name("区政协“请你来协商”协商议事")
    assert not _is_level_form_name("推进城乡供水一体化")
    assert not _is_level_form_name("县政协经济委员会")
    assert not _is_level_form_name("各承办单位要提前制定方案并开展协商。")


def test_arabic_numbered_forms_over_chinese_bracket_topics_with_step_rows():
    text = (
        "政协青萍区委员会2027年度协商工作计划\n一、总体安排\n全年安排协商活动4项。\n二、协商议题\n"
        "1.区政协常委会专题协商会\n"
        "（一）推动临港物流园区提质\n调研时间  3月\n协商时间  5月\n视察时间  11月\n"
        "承办单位  区政协经济委员会\n协商部门  区商务局、区交通运输局\n牵头领导  何立新主席\n"
        "2.区政协“请你来协商”协商议事\n"
        "（一）改善背街小巷照明\n协商时间  7月\n承办单位  区政协委员工作室\n协商部门  区城管局\n"
        "（二）规范共享单车停放\n调研时间  6月—7月\n协商时间  9月\n承办单位  区政协委员工作室\n"
        "协商部门  区交警大队、区城管局\n牵头领导  邵敏副主席\n"
        "3.区政协主席会议协商\n"
        "（一）提升社区卫生服务能力\n协商时间  4月\n承办单位  区政协教科卫体委员会\n协商部门  区卫健局\n"
        "三、工作要求\n1.各承办单位要提前制定方案。\n2.调研、协商、视察环节须形成闭环。\n"
    )
    draft = import_text(text)
    assert _rows(draft.plan) == [
        (
            "推动临港物流园区提质",
            "区政协常委会专题协商会",
            [5],
            ["经济委员会"],
            ["区商务局", "区交通运输局"],
            ["何立新主席"],
        ),
        ("改善背街小巷照明", "区政协“请你来协商”协商议事", [7], ["委员工作室"], ["区城管局"], []),
        (
            "规范共享单车停放",
            "区政协“请你来协商”协商议事",
            [9],
            ["委员工作室"],
            ["区交警大队", "区城管局"],
            ["邵敏副主席"],
        ),
        ("提升社区卫生服务能力", "区政协主席会议协商", [4], ["教科卫体委员会"], ["区卫健局"], []),
    ]


# -- a web page: titles in <h4> broken by <br>, fields in one <p> set apart by &emsp; ---------------


def test_a_title_broken_by_br_inside_a_heading_is_one_line():
    page = "<html><body><h4>推动山区茶叶<br>品牌建设</h4><p>正文<br>第二行</p></body></html>"
    assert html_lines(page.encode("utf-8")) == ["推动山区茶叶品牌建设", "正文", "第二行"]


def test_h4_titles_with_emsp_fields_after_a_research_list():
    page = (
        "<html><body><div class='nav'>首页</div><h2>松溪县政协2027年度协商计划</h2>"
        "<p>一、前期调研安排</p><ul><li>推动山区茶叶品牌建设：3月开展调研（县政协农委）</li></ul>"
        "<p>二、协商议题</p>"
        "<h4>推动山区茶叶<br>品牌建设</h4><p><span>形式：县政协主席会议协商</span>&emsp;<span>时间：5月</span>"
        "&emsp;<span>牵头：县政协农委</span>&emsp;<span>配合：县农业农村局、县市场监管局</span>"
        "&emsp;<span>联系领导：县政协副主席卢平</span></p>"
        "<h4>改善城区公交线网</h4><p><span>形式：县政协对口协商</span>&emsp;<span>时间：9月</span>"
        "&emsp;<span>牵头：县政协城建委</span>&emsp;<span>配合：县交通运输局</span></p>"
        "<p>三、有关要求</p><p>（一）各牵头专委会要提前报送方案。</p></body></html>"
    )
    draft = import_document("计划.html", page.encode("utf-8"))
    assert _rows(draft.plan) == [
        (
            "推动山区茶叶品牌建设",
            "县政协主席会议协商",
            [5],
            ["农委"],
            ["县农业农村局", "县市场监管局"],
            ["县政协副主席卢平"],
        ),
        ("改善城区公交线网", "县政协对口协商", [9], ["城建委"], ["县交通运输局"], []),
    ]


# -- Word: 时间安排 over 调研 | 协商 | 视察, a merged form column, a blank 申报表 after the plan ----------


def test_step_subcolumns_under_a_spanning_time_header():
    heads = ["协商形式", "协商议题", "时间安排", "时间安排", "时间安排", "承办单位"]
    sub = ["协商形式", "协商议题", "调研", "协商", "视察", "承办单位"]
    assert _step_subcolumns(heads, sub) == {
        2: ("research", "调研时间"),
        3: ("time", "协商时间"),
        4: ("research", "视察时间"),
    }
    # a time header over one column only is no span of steps
    assert _step_subcolumns(["议题", "时间安排"], ["议题", "协商"]) == {}


def test_a_blank_forms_labels_are_no_topic():
    texts = ["附件2", "2028年度协商议题建议申报表", "协商议题", "协商形式", "", "建议时间", "承办单位"]
    assert blank_form_rows(texts) == {2, 3, 5, 6}
    # a label over its value (a card layout) is no blank form
    assert blank_form_rows(["协商议题", "推进X", "协商形式", "对口协商", "时间", "5月"]) == set()


def _steps_docx() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协柳泉县委员会办公室关于印发《2027年度协商计划》的通知")
    doc.add_paragraph("附件：1．2027年度协商计划表")
    doc.add_paragraph("附件1")
    doc.add_paragraph("政协柳泉县委员会2027年度协商计划表")
    heads = ["协商形式", "序号", "协商议题", "时间安排", "", "", "承办单位", "协商部门", "牵头领导"]
    rows = [
        [
            "县政协常委会议协商",
            "1",
            "推进县域医共体建设",
            "3月",
            "6月",
            "10月",
            "县政协教科卫体委",
            "县卫健局",
            "县政协主席方正",
        ],
        ["", "2", "发展林下经济", "", "8月", "", "县政协农委", "县林业局、县农业农村局", ""],
        ["县政协对口协商", "3", "加强城区停车管理", "4月", "年中", "", "县政协城建委", "县公安局交警大队", ""],
    ]
    table = doc.add_table(rows=2 + len(rows), cols=len(heads))
    for j, h in enumerate(heads):
        table.cell(0, j).text = h
    for j, h in enumerate(("调研", "协商", "视察")):
        table.cell(1, 3 + j).text = h
    table.cell(0, 3).merge(table.cell(0, 5)).text = "时间安排"
    for j in (0, 1, 2, 6, 7, 8):
        table.cell(0, j).merge(table.cell(1, j))
    for i, row in enumerate(rows, start=2):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(2, 0).merge(table.cell(3, 0))  # one form over its two topics
    doc.add_paragraph("附件2")
    doc.add_paragraph("2028年度协商议题建议申报表（样表）")
    blank = doc.add_table(rows=4, cols=2)
    for i, label in enumerate(("协商议题", "协商形式", "建议时间", "承办单位")):
        blank.cell(i, 0).text = label
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_word_table_with_research_consult_inspect_subcolumns_and_a_blank_form():
    data = _steps_docx()
    assert any(line.startswith("视察时间:") for line in docx_lines(data))
    draft = import_document("计划.docx", data)
    assert _rows(draft.plan) == [
        ("推进县域医共体建设", "县政协常委会议协商", [6], ["教科卫体委"], ["县卫健局"], ["县政协主席方正"]),
        ("发展林下经济", "县政协常委会议协商", [8], ["农委"], ["县林业局", "县农业农村局"], []),
        ("加强城区停车管理", "县政协对口协商", [], ["城建委"], ["县公安局交警大队"], []),
    ]
    assert draft.plan.topics[2].window == (6, 7)  # 年中
    assert "协商议题" in {s.text for s in draft.skipped}


# -- a sector (界) leads, the government units beside it in the lead column are consulted ----------


def test_a_sector_lead_with_government_units_beside_it():
    text = (
        "沙湾县政协2027年度协商计划表\n1.促进乡村手工艺发展\n协商形式:县政协界别协商\n时间安排:10月\n"
        "承办单位:县政协妇联界\n承办单位:县文旅局/县妇联/县商务局\n联系县领导:/\n"
    )
    assert _rows(import_text(text).plan) == [
        ("促进乡村手工艺发展", "县政协界别协商", [10], ["妇联界"], ["县文旅局", "县妇联", "县商务局"], []),
    ]


# -- an opening sentence that counts per form is no total ------------------------------------------


def test_counts_per_form_in_the_opening_sentence_are_not_the_total():
    text = (
        "政协青萍区委员会2027年度协商工作计划\n一、协商议题\n全年安排常委会专题协商会1次、对口协商2次。\n"
        "1.区政协常委会专题协商会\n（一）推动临港物流园区提质\n协商时间  5月\n承办单位  区政协经济委员会\n"
        "2.区政协专委会对口协商\n（一）改善背街小巷照明\n协商时间  7月\n承办单位  区政协城建委\n"
        "（二）规范共享单车停放\n协商时间  9月\n承办单位  区政协城建委\n"
    )
    draft = import_text(text)
    assert len(draft.plan.topics) == 3
    said = T.TXT_WARN["total_mismatch"].split("{")[0]
    assert not any(w.startswith(said) for w in draft.warnings)
