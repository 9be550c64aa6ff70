"""Kinds the new-user trial showed (issue 10), each tested on an invented example of our own:
leaders listed before 出席, fields typed together, a dash before the first field, page
furniture, a table's sign-off, a Word table's merged title row, topics told in one sentence,
and a Word draft with tracked changes."""

from __future__ import annotations

import io

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text

_rows = topic_rows


# -- every leader of a 、-list before 出席 -----------------------------------------------------------


def test_every_leader_listed_before_the_attending_verb_is_kept():
    text = (
        "溪口县政协2027年协商计划\n一、专题协商会\n(一)推进山塘水库除险加固\n"
        "由县政协农业农村委员会组织实施,县水利局参加,拟于5月召开,县政协主席郑海涛、县政府副县长出席。\n"
        "(二)发展林下中药材种植\n"
        "由县政协农业农村委员会组织实施,县林业局参加,拟于9月召开,县政协副主席蒋文、县政协主席郑海涛出席。\n"
    )
    rows = _rows(import_text(text).plan)
    assert rows[0][5] == ["县政协主席郑海涛", "县政府副县长"]
    assert rows[1][5] == ["县政协副主席蒋文", "县政协主席郑海涛"]


# -- a short label typed right after the value before it ----------------------------------------------


def test_a_known_label_glued_to_the_value_before_starts_a_new_field():
    text = (
        "溪口县政协2027年协商计划\n一、对口协商\n1.规范农村宅基地审批\n"
        "时间:3月承办:县政协提案委协商部门:县自然资源局\n"
        "2.提升县域公交服务\n承办:县政协城建委时间:7月协商部门:县交通运输局\n"
    )
    draft = import_text(text)
    assert _rows(draft.plan) == [
        ("规范农村宅基地审批", "对口协商", [3], ["提案委"], ["县自然资源局"], []),
        ("提升县域公交服务", "对口协商", [7], ["城建委"], ["县交通运输局"], []),
    ]


def test_a_label_inside_a_longer_word_is_not_cut():
    # "拟安排时间" is no 时间 field glued after 拟安排: the line stays one field
    text = "溪口县政协2027年协商计划\n一、对口协商\n1.规范农村宅基地审批\n拟安排时间:3月\n承办单位:县政协提案委\n"
    draft = import_text(text)
    assert _rows(draft.plan)[0][2] == [3]


def test_a_dash_between_the_title_and_its_first_field_separates_them():
    text = (
        "溪口县政协2027年协商计划\n三、对口协商\n"
        "(1)改善农贸市场环境 ——时间:9月, 牵头:县政协经济委, 部门:县市场监管局\n"
        "(2)加强校外培训监管 —— 时间:10月, 牵头:县政协教科卫体委, 部门:县教育局\n"
    )
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[2]) for r in rows] == [("改善农贸市场环境", [9]), ("加强校外培训监管", [10])]


# -- page furniture ---------------------------------------------------------------------------------


def test_a_pages_link_lines_are_never_topics():
    text = (
        "首页 > 通知公告\n溪口县政协2027年协商计划\n一、对口协商\n1.规范农村宅基地审批\n时间安排:3月\n"
        "承办单位:县政协提案委\n相关链接:溪口新闻网 溪口县人民政府 溪口日报\n友情链接:某某网 某某报\n"
    )
    draft = import_text(text)
    assert [r[0] for r in _rows(draft.plan)] == ["规范农村宅基地审批"]
    assert {s.line for s in draft.skipped} >= {7, 8}


# -- the sign-off under a table pasted as text -----------------------------------------------------------


def test_the_issuer_and_date_under_a_table_are_not_part_of_its_last_row():
    text = (
        "溪口县政协2027年协商计划\n\n二、对口协商\n\n序号\t题目\t时间\t责任单位\t参与部门\n"
        "1\t改善农贸市场环境\t4月\t县政协经济委员会\t县市场监管局\n"
        "2\t加强校外培训监管\t10月\t县政协教科卫体委员会\t县教育局\n\n政协溪口县委员会办公室\n\n2027年1月8日\n"
    )
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[2]) for r in rows] == [("改善农贸市场环境", [4]), ("加强校外培训监管", [10])]


# -- a Word table whose first row, merged across, is the plan's title ------------------------------------


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_the_year_in_a_word_tables_merged_title_row_is_read():
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "政协溪口县委员会2027年度协商议题安排表"
    for j, h in enumerate(["议题名称", "牵头单位", "时间", "形式"]):
        table.cell(1, j).text = h
    for r, row in enumerate(
        [["改善农贸市场环境", "经济委", "4月", "对口协商"], ["加强校外培训监管", "教科卫体委", "10月", "专题协商会"]],
        start=2,
    ):
        for j, v in enumerate(row):
            table.cell(r, j).text = v
    draft = import_document("安排表.docx", _docx_bytes(doc))
    assert draft.plan.year == 2027
    assert [(r[0], r[2]) for r in _rows(draft.plan)] == [("改善农贸市场环境", [4]), ("加强校外培训监管", [10])]


# -- topics told in one sentence -----------------------------------------------------------------------


def test_two_topics_told_in_one_sentence_are_read_both():
    text = (
        "溪口县政协2027年协商计划\n一、对口协商\n1.规范农村宅基地审批\n时间安排:3月\n承办单位:县政协提案委\n"
        "二、界别协商\n全年安排界别协商2次,分别由县政协民盟界牵头、就“发展乡村托育服务”于5月开展协商,"
        "由县政协九三学社界牵头、就“推广节水灌溉技术”于9月开展协商。\n"
    )
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("发展乡村托育服务", "界别协商", [5], ["民盟界"]),
        ("推广节水灌溉技术", "界别协商", [9], ["九三学社界"]),
    ]


# -- a Word draft with tracked changes -------------------------------------------------------------------


def test_tracked_changes_read_as_accepted():
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document()
    for line in ["溪口县政协2027年协商计划", "一、对口协商", "1.改善农贸市场环境"]:
        doc.add_paragraph(line)
    p = doc.add_paragraph("时间安排:")
    gone, added = OxmlElement("w:del"), OxmlElement("w:ins")
    for mark, tag, text in ((gone, "w:delText", "4月"), (added, "w:t", "8月")):
        mark.set(qn("w:id"), "1")
        mark.set(qn("w:author"), "某某")
        run, t = OxmlElement("w:r"), OxmlElement(tag)
        t.text = text
        run.append(t)
        mark.append(run)
        p._p.append(mark)
    doc.add_paragraph("承办单位:县政协经济委")
    struck = doc.add_paragraph()
    mark = OxmlElement("w:del")
    mark.set(qn("w:id"), "2")
    mark.set(qn("w:author"), "某某")
    run, t = OxmlElement("w:r"), OxmlElement("w:delText")
    t.text = "2.撤下的议题"
    run.append(t)
    mark.append(run)
    struck._p.append(mark)
    doc.add_paragraph("2.加强校外培训监管")
    doc.add_paragraph("时间安排:10月")
    rows = _rows(import_document("计划.docx", _docx_bytes(doc)).plan)
    assert [(r[0], r[2]) for r in rows] == [("改善农贸市场环境", [8]), ("加强校外培训监管", [10])]


# -- "第四季度初": the quarter's first month ---------------------------------------------------------------


def test_the_start_of_a_quarter_is_its_first_month():
    from paperwork.time_phrases import parse_time

    assert parse_time("第三季度初").months == [7]
    assert parse_time("二季度初").months == [4]
    assert parse_time("第三季度").months == []  # the whole quarter stays a window


# -- the page's own count of its topics ---------------------------------------------------------------


def test_an_opening_count_with_its_breakdown_is_checked_against_the_topics_read():
    text = (
        "溪口县政协2027年协商计划\n2027年,县政协安排协商议题3项,其中对口协商2项、界别协商1项。\n"
        "一、对口协商\n1.规范农村宅基地审批\n时间安排:3月\n承办单位:县政协提案委\n"
        "2.提升县域公交服务\n时间安排:7月\n承办单位:县政协城建委\n"
    )
    draft = import_text(text)
    assert any("3 项" in w and "2 项" in w for w in draft.warnings)
    matching = text.replace("3项,其中对口协商2项、界别协商1项", "2项,其中对口协商2项")
    assert not any("识别出" in w for w in import_text(matching).warnings)


# -- an office PDF's table whose row the page break cuts, no header repeated ---------------------------


def _cut_rows_docx() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("溪口县政协2027年度协商计划")
    heads = ["序号", "协商议题", "协商形式", "时间安排", "牵头单位", "协商部门"]
    table = doc.add_table(rows=1 + 30, cols=len(heads))
    table.style = "Table Grid"
    for j, h in enumerate(heads):
        table.cell(0, j).text = h
    for r in range(1, 31):
        cells = table.rows[r].cells
        cells[0].text = str(r)
        # long cells wrap over several lines, so some row is cut by a page break
        cells[1].text = f"关于第{r}项乡村振兴重点任务推进落实情况与存在问题的深入调查研究"
        cells[2].text = "提案办理协商"
        cells[3].text = f"{(r % 8) + 3}月"
        cells[4].text = "县政协农业农村委员会"
        cells[5].text = "县农业农村局、县财政局、县自然资源局、县水利局、县乡村振兴局"
    return _docx_bytes(doc)


def test_office_pdf_row_cut_by_a_page_break_without_a_repeated_header_stays_one_topic(in_ci):
    import pytest

    from paperwork.sources import convert_with_soffice, soffice_path

    if soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to print the table to PDF")
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = convert_with_soffice(_cut_rows_docx(), name="计划.docx", to="pdf")
    plan = import_document("计划.pdf", pdf).plan
    assert [t.title for t in plan.topics] == [
        f"关于第{r}项乡村振兴重点任务推进落实情况与存在问题的深入调查研究" for r in range(1, 31)
    ]
    assert all(len(t.departments) == 5 for t in plan.topics)


def test_topics_told_in_one_sentence_take_the_form_the_sentence_names():
    text = (
        "溪口县政协2027年协商计划\n二、其他协商活动\n全年开展对口协商2次,分别由县政协经济委具体承办、围绕“盘活闲置校舍资源”"
        "于4月开展协商;由县政协城建委具体承办、围绕“整治城乡结合部违建”于10月开展协商。\n"
    )
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("盘活闲置校舍资源", "对口协商", [4], ["经济委"]),
        ("整治城乡结合部违建", "对口协商", [10], ["城建委"]),
    ]


def test_the_leaders_listed_are_those_after_the_verb_of_inviting():
    from paperwork.published_text import _leaders_in_sentence

    assert _leaders_in_sentence("拟于5月召开,会议邀请县长方明、副县长出席") == ["县长方明", "副县长"]
    assert _leaders_in_sentence("4月调研、分管副县长出席") == ["分管副县长"]
