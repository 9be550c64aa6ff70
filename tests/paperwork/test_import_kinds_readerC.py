"""Kinds blind set 10 showed (B57 B58 B60 B62, B51), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.label_marks import dash_label

_rows = topic_rows


# -- labels joined to their value by a dash, topics headed 【议题N】 ---------------------------------


def test_a_dash_after_a_known_label_is_its_colon():
    assert dash_label("协商形式——对口协商") == "协商形式:对口协商"
    assert dash_label("区领导—赵某副区长") == "区领导:赵某副区长"
    assert dash_label("时间安排--7月") == "时间安排:7月"
    # a title and its form joined by a dash is not a label
    assert dash_label("推进河湖长制——专题协商会") == "推进河湖长制——专题协商会"


def test_lenticular_numbered_topics_with_dash_labels():
    text = (
        "桐溪区政协2026年度协商活动安排\n一、区级协商活动\n"
        "【议题一】加快老旧小区加装电梯\n协商形式——对口协商\n时间安排——5月\n牵头单位——区政协城建委\n"
        "协商对象——区住建局／区财政局\n区领导——周某副区长\n"
        "【议题二】规范社区养老驿站运营\n协商形式——专题协商会\n时间安排——秋收后（10月）\n"
        "牵头单位——龙湾街道政协委员工作室\n协商对象——区民政局／龙湾街道办事处\n"
    )
    assert _rows(import_text(text).plan) == [
        ("加快老旧小区加装电梯", "对口协商", [5], ["城建委"], ["区住建局", "区财政局"], ["周某副区长"]),
        ("规范社区养老驿站运营", "专题协商会", [10], ["龙湾街道政协委员工作室"], ["区民政局", "龙湾街道办事处"], []),
    ]


# -- a WeChat article's cards: big numbers, form tags, label and value boxes, middle dots ----------


def test_a_wechat_article_in_cards_is_read_card_by_card():
    text = "\n".join(
        [
            "重磅！2026年区政协这些协商活动来了",
            "近日，经中共青湖区委同意，青湖区政协印发《2026年度协商工作计划》，全年安排协商活动2场。",
            "01",
            "专题协商会",
            "推进城市书房建设",
            "协商时间",
            "6月",
            "承办单位",
            "区政协文史委",
            "协商部门",
            "区文旅局 · 区教育局",
            "出席领导",
            "吴某副区长 · 郑某副主席",
            "02",
            "网络议政",
            "规范共享单车停放",
            "协商时间",
            "9月",
            "承办单位",
            "区政协城建委",
            "协商部门",
            "区城管局",
            "出席领导",
            "郑某副主席",
            "#协商计划 #青湖政协",
            "微信扫一扫",
            "关注该公众号",
        ]
    )
    plan = import_text(text).plan
    assert plan.body == "青湖区政协"
    assert _rows(plan) == [
        ("推进城市书房建设", "专题协商会", [6], ["文史委"], ["区文旅局", "区教育局"], ["吴某副区长", "郑某副主席"]),
        ("规范共享单车停放", "网络议政", [9], ["城建委"], ["区城管局"], ["郑某副主席"]),
    ]


def test_a_middle_dot_without_spaces_stays_inside_a_name():
    from paperwork.card_layouts import dots_as_commas, is_card_number

    assert dots_as_commas("市民政局 · 市财政局") == "市民政局、市财政局"
    assert dots_as_commas("阿依·买买提副主席") == "阿依·买买提副主席"
    # "12" alone is a card's number only after a zero-padded one ("01") was seen
    assert is_card_number("01", False) and is_card_number("12", True) and not is_card_number("12", False)


# -- a Word table whose cells hold the topics' own tables -----------------------------------------


def _nested_docx() -> bytes:
    import io

    import docx

    doc = docx.Document()
    doc.add_paragraph("政协松岭区委员会2026年度协商计划")
    outer = doc.add_table(rows=3, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "协商形式", "议题安排"
    outer.cell(1, 0).text = "全体会议协商(1项)"
    outer.cell(1, 1).text = "区政协五届三次会议期间,围绕区政府工作报告协商议政(承办:区政协办公室)。"
    outer.cell(2, 0).text = "对口协商(2项)"
    inner = outer.cell(2, 1).add_table(rows=3, cols=4)
    for j, head in enumerate(("议题", "时间", "承办", "参加单位")):
        inner.cell(0, j).text = head
    for i, row in enumerate(
        (
            ("改善老城区停车难", "4月", "区政协城建委", "区住建局、区交警大队"),
            ("推动林下经济发展", "8月中旬", "区政协农业农村委", "区林业局、青山镇"),
        ),
        start=1,
    ):
        for j, text in enumerate(row):
            inner.cell(i, j).text = text
    doc.add_paragraph("松岭区政协办公室")
    doc.add_paragraph("2026年2月20日")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_tables_inside_a_form_tables_cells_are_read_in_document_order():
    from paperwork.importer import import_document
    from paperwork.sources import docx_lines

    data = _nested_docx()
    lines = docx_lines(data)
    assert lines.index("对口协商(2项)") < lines.index("1.改善老城区停车难") < lines.index("2.推动林下经济发展")
    plan = import_document("计划.docx", data).plan
    rows = _rows(plan)
    assert [r[:2] for r in rows] == [
        ("围绕区政府工作报告协商议政", "全体会议"),
        ("改善老城区停车难", "对口协商"),
        ("推动林下经济发展", "对口协商"),
    ]
    assert rows[0][3] == ["办公室"] and rows[0][2] == [plan.calendar.session_month]
    assert rows[1][2:5] == ([4], ["城建委"], ["区住建局", "区交警大队"])
    assert rows[2][2:5] == ([8], ["农业农村委"], ["区林业局", "青山镇"])


def test_a_sentence_telling_when_then_the_topic_and_its_fields_in_brackets():
    from paperwork.label_marks import when_then_topic

    assert when_then_topic("9月下旬,围绕数字乡村建设开展视察(牵头单位:县政协农业农村委)。") == (
        "围绕数字乡村建设开展视察",
        "9月下旬",
        ["牵头单位:县政协农业农村委"],
    )
    # a bracket without a label is a remark, not fields
    assert when_then_topic("全会期间,围绕政府工作报告协商议政(具体另行通知)。") is None


# -- a calendar grid (forms × months), then the departments by title and a leaders rule by form ---


_GRID_PAGE = """<html><body>
<h1>云峰县政协2026年度协商工作计划</h1>
<p><b>一、协商议题安排</b></p>
<table>
<tr><th>形式＼月份</th><th>3月</th><th>4月</th><th>5月</th><th>6月</th></tr>
<tr><th>专题协商会</th><td></td><td>推进数字乡村建设<br>（农业委）</td><td></td><td></td></tr>
<tr><th>对口协商</th><td>规范物业管理<br>（城建委）<br>改善城区交通（城建委）</td><td></td><td></td>
<td>加强非遗保护<br>（文史委）</td></tr>
</table>
<p><b>二、协商部门</b></p>
<ol>
<li>推进数字乡村建设：县农业农村局、县数据局</li>
<li>规范物业管理：县住建局</li>
<li>改善城区交通：县公安局交警大队、县交通运输局</li>
<li>加强非遗保护：县文旅局</li>
</ol>
<p><b>三、出席领导</b></p>
<p>专题协商会邀请分管副县长出席；对口协商由县政协分管副主席出席。</p>
</body></html>"""


def test_a_calendar_grid_gives_each_cell_its_rows_form_and_its_columns_month():
    from paperwork.grid_tables import grid_lines

    rows = [
        ["形式＼月份", "3月", "十月", "十一月"],
        ["网络议政", "", "推进X(社法委)推进Y(经济委)", ""],
        ["提案办理协商", "", "", "提案Z"],
    ]
    assert grid_lines(rows) == [
        "【表格】形式＼月份、3月、十月、十一月",
        "网络议政(2项)",
        "1.推进X",
        "时间安排:10月",
        "承办部门:社法委",
        "2.推进Y",
        "时间安排:10月",
        "承办部门:经济委",
        "提案办理协商(1项)",
        "1.提案Z",
        "时间安排:11月",
    ]
    # a table of topics with month columns (ticks) is not a grid
    assert grid_lines([["议题", "3月", "4月", "5月"], ["推进X", "✓", "", ""]]) is None


def test_a_grid_page_with_departments_by_title_and_leaders_by_form():
    from paperwork.importer import import_document

    plan = import_document("计划.html", _GRID_PAGE.encode("utf-8")).plan
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    got = [
        (
            t.title,
            forms[t.form].name,
            t.preferred_months,
            [comms[c].name for c in t.lead_options],
            [depts[d].name for d in t.departments],
            [leaders[x].role or leaders[x].name for x in t.leaders],
        )
        for t in plan.topics
    ]
    assert got == [
        ("推进数字乡村建设", "专题协商会", [4], ["农业委"], ["县农业农村局", "县数据局"], ["分管副县长"]),
        ("规范物业管理", "对口协商", [3], ["城建委"], ["县住建局"], ["县政协分管副主席"]),
        ("改善城区交通", "对口协商", [3], ["城建委"], ["县公安局交警大队", "县交通运输局"], ["县政协分管副主席"]),
        ("加强非遗保护", "对口协商", [6], ["文史委"], ["县文旅局"], ["县政协分管副主席"]),
    ]


def test_a_keyed_line_names_a_topic_read_above_and_a_rule_names_forms():
    from paperwork.keyed_lists import form_rules, keyed_field, keyed_value

    assert keyed_field("协商部门") == "departments" and keyed_field("有关要求") is None
    assert keyed_value("2.推进“X”:市财政局", ["推进Y", "推进X", "推进X"]) == ([1, 2], "市财政局")
    assert keyed_value("推进Z:市财政局", ["推进X"]) is None
    forms = {"专题协商会", "对口协商", "界别协商"}
    assert form_rules("专题协商会邀请分管副市长出席;对口协商和界别协商由市政协副主席出席。", forms.__contains__) == [
        (["专题协商会"], "分管副市长"),
        (["对口协商", "界别协商"], "市政协副主席"),
    ]
    # a clause about something other than forms is no rule
    assert form_rules("各专委会由主任出席。", forms.__contains__) == []


# -- a WeChat text with short lines: sentences broken mid-line, the body named formally in 《》 -----


def test_a_sentence_broken_mid_line_after_the_topics_is_no_topic():
    text = "\n".join(
        [
            "💡2026年县政协协商计划发布啦",
            "近日，《政协柳溪县委员会2026年度协商工作计划》正式印发，",
            "全年安排协商活动1场。",
            "🔶对口协商（1场）",
            "1️⃣规范乡村民宿经营",
            "⏰时间：7月",
            "🏢承办：县政协文史委",
            "━━━━━━━━",
            "诚挚邀请广大委员和群众积极留言，",
            "为协商议题出谋划策💬",
        ]
    )
    draft = import_text(text)
    assert draft.plan.body == "柳溪县政协"
    assert [(r[0], r[1], r[2], r[3]) for r in _rows(draft.plan)] == [("规范乡村民宿经营", "对口协商", [7], ["文史委"])]


def test_a_three_cell_row_is_a_label_and_a_step_only_when_its_middle_cell_is_a_step():
    from paperwork.sources import table_lines

    rows = [["议题名称", "推进河道治理"], ["时间安排", "调研", "4月"], ["时间安排", "协商", "6月"]]
    assert table_lines(rows) == ["协商议题:推进河道治理", "时间安排:调研4月", "时间安排:协商6月"]
    # "督办" is a header word, but "推进X | 市委督查室" after it is a row of a table, not a step and its value
    rows = [["议题名称", "推进河道治理"], ["时间安排", "6月"], ["督办", "推进河道治理", "市委督查室"]]
    assert not any(line.startswith("承办部门:") for line in table_lines(rows))


def test_a_calendar_grid_with_committee_rows_gives_the_lead_and_reads_the_form_in_brackets():
    page = (
        "<html><body><h1>石湾区政协2026年度协商计划</h1><table>"
        "<tr><th>专委会＼月份</th><th>4月</th><th>5月</th><th>6月</th></tr>"
        "<tr><th>经济委</th><td>发展夜间经济<br>（对口协商）</td><td></td><td>优化营商环境<br>（专题协商会）</td></tr>"
        "<tr><th>文史委</th><td></td><td>保护历史街区<br>（对口协商）</td><td></td></tr>"
        "</table></body></html>"
    )
    from paperwork.importer import import_document

    rows = _rows(import_document("计划.html", page.encode("utf-8")).plan)
    assert [r[:4] for r in rows] == [
        ("发展夜间经济", "对口协商", [4], ["经济委"]),
        ("优化营商环境", "专题协商会", [6], ["经济委"]),
        ("保护历史街区", "对口协商", [5], ["文史委"]),
    ]
