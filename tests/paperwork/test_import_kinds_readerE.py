"""Kinds of layout blind set 12 (B74, B76–B78, B80) showed the reader missed, each on an example of our own.

- an office PDF whose plan table runs over pages, its merged form cell cut by the page break;
- a table without a time column, the months in a 进度安排 sentence naming items by number;
- the form as a mark (√) in one of several form sub-columns under a two-row header, and a 合计 row;
- titles marked "[k]", their fields in end notes keyed by the marker (one note for two titles),
  form and time after a dash;
- pasted cards: a label alone on its line, one name a line under it.
"""

from __future__ import annotations

import io

import pytest

from paperwork.importer import import_document, import_text
from paperwork.relayout import dash_form_time, footnote_fields, label_line_blocks, schedule_by_item
from paperwork.sources import convert_with_soffice, soffice_path
from paperwork.table_kinds import drop_total_rows, fold_form_ticks


def _names(plan, ids, kind):
    by_id = {x.id: x.name for x in getattr(plan, kind)}
    return [by_id[i] for i in ids]


def _topic(plan, title):
    return next(t for t in plan.topics if t.title == title)


# -- the form as a tick in a form sub-column -----------------------------------------------------


def _tick_docx() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("青石市政协2026年度协商计划表")
    heads = ["序号", "协商议题", "协商形式", "", "", "时间", "承办单位", "协商部门"]
    subs = ["", "", "专题协商会", "对口协商", "界别协商", "", "", ""]
    rows = [
        ["1", "推进山地果业提质", "√", "", "", "6月", "市政协农业和农村委员会", "市农业农村局、市林业局"],
        ["2", "加强校园周边食品安全", "", "√", "", "9月", "市政协教科卫体委员会", "市市场监管局、市教育局"],
        ["3", "发挥侨界人士作用", "", "", "√", "10月", "市政协港澳台侨委员会", "市侨联"],
        ["合计", "", "1项", "1项", "1项", "共3项", "", ""],
    ]
    table = doc.add_table(rows=2 + len(rows), cols=len(heads))
    for j, (h, s) in enumerate(zip(heads, subs, strict=True)):
        table.cell(0, j).text = h
        table.cell(1, j).text = s
    for j in (0, 1, 5, 6, 7):
        table.cell(0, j).merge(table.cell(1, j))
    table.cell(0, 2).merge(table.cell(0, 4)).text = "协商形式"
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_form_is_the_sub_column_holding_the_tick_and_the_total_row_is_no_topic():
    draft = import_document("计划表.docx", _tick_docx())
    plan = draft.plan
    assert [t.title for t in plan.topics] == ["推进山地果业提质", "加强校园周边食品安全", "发挥侨界人士作用"]
    forms = {f.id: f.name for f in plan.forms}
    assert [forms[t.form] for t in plan.topics] == ["专题协商会", "对口协商", "界别协商"]
    assert _topic(plan, "发挥侨界人士作用").preferred_months == [10]


def test_tick_columns_fold_into_one_form_column_and_other_tables_stay():
    rows = [
        ["序号", "议题", "协商形式", "协商形式", "时间"],
        ["序号", "议题", "专题协商会", "对口协商", "时间"],
        ["1", "甲", "", "✓", "5月"],
    ]
    assert fold_form_ticks(rows) == [["序号", "议题", "协商形式", "时间"], ["1", "甲", "对口协商", "5月"]]
    plain = [["序号", "议题", "协商形式"], ["1", "甲", "对口协商"]]
    assert fold_form_ticks(plain) == plain
    assert drop_total_rows([["1", "甲"], ["合 计", "3项"], ["总计：", ""]]) == [["1", "甲"]]


# -- months from a progress sentence by item number -----------------------------------------------


_SCHEDULE_PAGE = """<html><body><h1>政协白沙县委员会2026年度协商工作计划</h1>
<p>一、协商议题</p>
<table>
<tr><th>序号</th><th>协商形式</th><th>协商议题</th><th>承办单位</th><th>参加单位</th></tr>
<tr><td>1</td><td>专题协商会</td><td>推进竹木加工转型</td><td>县政协经济委员会</td><td>县工信局</td></tr>
<tr><td>2</td><td>对口协商</td><td>改善乡村客运服务</td><td>县政协城建委员会</td><td>县交通运输局</td></tr>
<tr><td>3</td><td>对口协商</td><td>规范民办养老机构</td><td>县政协社会法制委员会</td><td>县民政局</td></tr>
<tr><td>4</td><td>界别协商</td><td>培育乡村工匠</td><td>县政协农业界</td><td>县人社局</td></tr>
</table>
<p>二、进度安排</p>
<p>全年按以下进度推进：5月下旬，开展第2项协商；第三季度，开展第1、4项；第3项于4月、10月各开展一次。</p>
</body></html>"""


def test_months_come_from_the_progress_sentence_by_item_number():
    plan = import_document("计划.html", _SCHEDULE_PAGE.encode("utf-8")).plan
    months = [(t.title, t.preferred_months or list(range(t.window[0], t.window[1] + 1))) for t in plan.topics]
    assert months == [
        ("推进竹木加工转型", [7, 8, 9]),
        ("改善乡村客运服务", [5]),
        ("规范民办养老机构", [4]),
        ("规范民办养老机构", [10]),
        ("培育乡村工匠", [7, 8, 9]),
    ]


def test_a_sentence_naming_one_item_or_none_changes_nothing():
    lines = ["1.推进X", "承办单位:某委", "按计划于5月开展第1项协商。"]
    assert schedule_by_item(lines) == lines


# -- fields in end notes keyed by a marker after the title ----------------------------------------


_NOTES_TEXT = """政协丹溪市委员会2026年度协商计划
一、协商议题
1．加快丹溪港口物流发展[1]——专题协商会，6月
2．推进老年助餐服务
[2]
——对口协商，第三季度
3．提升社区助老便利化水平[2]——对口协商，10月
4．凝聚侨界力量助力招商[3]——界别协商，适时
二、工作要求
1．各承办单位要提前调研。
注释：
[1] 承办：市政协经济委员会；协商部门：市交通运输局、市商务局；出席
领导：副市长梁晓峰。
[2] 承办：市政协社会和法制委员会；协商部门：市民政局；出席领导：视情邀请。
[3] 承办：市政协港澳台侨委员会；出席领导：市政协副主席邓一帆。
"""


def test_fields_come_from_the_note_each_title_is_marked_with():
    plan = import_text(_NOTES_TEXT).plan
    assert plan.body == "丹溪市政协"
    assert [t.title for t in plan.topics] == [
        "加快丹溪港口物流发展",
        "推进老年助餐服务",
        "提升社区助老便利化水平",
        "凝聚侨界力量助力招商",
    ]
    port, meals, helpers, overseas = plan.topics
    assert _names(plan, port.departments, "departments") == ["市交通运输局", "市商务局"]
    assert _names(plan, port.leaders, "leaders") == ["副市长梁晓峰"]  # a note wrapped over two lines
    assert port.preferred_months == [6]
    # one note serves two titles; "视情邀请" names nobody
    for t in (meals, helpers):
        assert _names(plan, t.lead_options, "committees") == ["社会和法制委员会"]
        assert _names(plan, t.departments, "departments") == ["市民政局"]
        assert t.leaders == []
    assert helpers.preferred_months == [10]
    assert overseas.departments == [] and _names(plan, overseas.leaders, "leaders") == ["市政协副主席邓一帆"]
    forms = {f.id: f.name for f in plan.forms}
    assert [forms[t.form] for t in plan.topics] == ["专题协商会", "对口协商", "对口协商", "界别协商"]


def test_notes_without_markers_or_a_dash_without_a_form_are_left_alone():
    lines = ["1．推进X——一项长期任务，久久为功", "时间安排:5月"]
    assert dash_form_time(lines) == lines
    one_note = ["1．推进X[1]", "[1] 承办：某委。"]
    assert footnote_fields(one_note) == one_note


# -- pasted cards: a bare label, one name a line ----------------------------------------------------


_CARDS = """青岚区政协

《政协青岚区委员会2026年度协商工作计划》印发，一起来看↓

— 重点协商 —

01
专题协商会
推进青岚夜市规范提升
协商时间
7至8月
承办单位
区政协经济委员会
协商部门
区商务局
区城市管理局
区市场监管局
出席领导
副区长陆川
区政协副主席程雪

— 常态协商 —

02
“青岚茶叙”协商
加强小区电梯加装协调
协商时间
5月
承办单位
区政协城建委员会
参与部门
区住房城乡建设局
各街道办事处

编辑：王一
"""


def test_a_label_alone_on_its_line_takes_the_names_on_the_lines_under_it():
    plan = import_text(_CARDS).plan
    assert plan.body == "青岚区政协"
    assert [t.title for t in plan.topics] == ["推进青岚夜市规范提升", "加强小区电梯加装协调"]
    market, lifts = plan.topics
    assert _names(plan, market.departments, "departments") == ["区商务局", "区城市管理局", "区市场监管局"]
    assert _names(plan, market.leaders, "leaders") == ["副区长陆川", "区政协副主席程雪"]
    assert _names(plan, lifts.departments, "departments") == ["区住房城乡建设局", "各街道办事处"]
    assert lifts.leaders == []
    forms = {f.id: f.name for f in plan.forms}
    assert forms[lifts.form] == "“青岚茶叙”协商"


def test_labels_over_one_value_line_each_are_left_to_the_reader():
    lines = ["01", "对口协商", "推进X", "协商时间", "5月", "承办单位", "某委", "协商部门", "某局 · 某办"]
    assert label_line_blocks(lines) == lines


# -- an office PDF's table over pages ---------------------------------------------------------------


def _long_table_docx() -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("澄江市政协2026年度协商议题安排表")
    heads = ["协商形式", "序号", "协商议题", "进度安排", "承办专委会", "协同单位"]
    groups = [("专题协商会", 4), ("对口协商", 14), ("界别协商", 2)]
    n_rows = sum(n for _, n in groups)
    table = doc.add_table(rows=1 + n_rows, cols=len(heads))
    table.style = "Table Grid"
    for j, h in enumerate(heads):
        table.cell(0, j).text = h
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    r = 1
    for form, n in groups:
        first = r
        for _ in range(n):
            cells = table.rows[r].cells
            cells[1].text = str(r)
            cells[2].text = f"推进第{r}项民生实事落地见效的若干具体措施研究"
            cells[3].text = f"{(r % 8) + 4}月中旬"
            cells[4].text = "市政协社会和法制委员会"
            cells[5].text = "市民政局、市财政局、市人力资源社会保障局、市住房城乡建设局"
            r += 1
        table.cell(first, 0).merge(table.cell(r - 1, 0)).text = form
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_office_pdf_table_over_pages_keeps_the_form_cut_by_the_page_break(in_ci):
    if soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to print the table to PDF")
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = convert_with_soffice(_long_table_docx(), name="安排表.docx", to="pdf")
    plan = import_document("安排表.pdf", pdf).plan
    forms = {f.id: f.name for f in plan.forms}
    got = [(t.title, forms[t.form]) for t in plan.topics]
    expected = [
        (f"推进第{r}项民生实事落地见效的若干具体措施研究", form)
        for r, form in enumerate(["专题协商会"] * 4 + ["对口协商"] * 14 + ["界别协商"] * 2, start=1)
    ]
    assert got == expected
    assert all(len(t.departments) == 4 for t in plan.topics)


# -- a lead naming two sectors that share one group's name --------------------------------------------


def test_a_lead_of_two_sectors_sharing_one_group_is_kept_whole():
    text = """绿川市政协2026年度协商计划
一、界别协商
1.助力返乡青年创办农场
时间安排:8月
承办单位:市政协民盟、民进界别活动组
协商部门:市农业农村局
2.推进校园周边交通治理
时间安排:9月
承办单位:市政协教科卫体委(牵头)、市政协提案委(配合)
"""
    plan = import_text(text).plan
    leads = [_names(plan, t.lead_options, "committees")[0] for t in plan.topics]
    assert leads[0].endswith("民盟、民进界别活动组")
    assert leads[1].endswith("教科卫体委") or leads[1].endswith("教科卫体委员会")
