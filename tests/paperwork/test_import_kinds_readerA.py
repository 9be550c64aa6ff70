"""Kinds blind set 7 (holdout11) showed: roles named by verbs, a CMS list with strong labels,
fields inherited from a group heading, a table with a merged month column, forms and
titles as Word headings with a key/value table each, and a quarter's end. Each is tested on
an invented example of our own (other places, titles and names than the corpus documents).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.published_text import role_clauses
from paperwork.time_phrases import parse_time


def _rows(draft):
    return topic_rows(draft.plan)


# -- a quarter's end --------------------------------------------------------------------------


def test_the_end_of_a_quarter_is_its_last_month():
    assert parse_time("第三季度末").months == [9]
    assert parse_time("一季度末").months == [3]
    assert parse_time("四季度末前").deadline == 12  # "…末前" stays a deadline
    assert parse_time("第二季度").months == [] and parse_time("第二季度").window == (4, 6)


# -- roles named by the verbs that end their clauses ------------------------------------------


def test_a_sentence_of_roles_named_by_their_verbs():
    roles = role_clauses("由县政协城建委牵头,县住建局、县城管局、东坪镇配合,邀请副县长郑一鸣、县政协主席何立出席。")
    assert roles == {
        "lead": ["县政协城建委"],
        "departments": ["县住建局", "县城管局", "东坪镇"],
        "leaders": ["副县长郑一鸣", "县政协主席何立"],
        "co": [],
    }
    roles = role_clauses("由县政协提案委牵头,各有关提案承办单位配合,县政协副主席马兰参加")
    assert roles == {
        "lead": ["县政协提案委"],
        "departments": ["各有关提案承办单位"],
        "leaders": ["县政协副主席马兰"],
        "co": [],
    }
    # people listed before a comma, the verb after it; clauses joined by 、 after their verb
    roles = role_clauses("由市政协农业委牵头、市农业农村局配合,邀请副市长甲某,市政协主席乙某、副主席丙某出席")
    assert roles == {
        "lead": ["市政协农业委"],
        "departments": ["市农业农村局"],
        "leaders": ["副市长甲某", "市政协主席乙某", "副主席丙某"],
        "co": [],
    }
    # a 政协 committee that helps co-organises: neither lead nor department (set 18's B115)
    assert role_clauses("由县政协城建委牵头,县政协经济委配合") == {
        "lead": ["县政协城建委"],
        "departments": [],
        "leaders": [],
        "co": ["县政协经济委"],
    }
    # 政协 committees and government bodies helping in one clause: left to the general sentence reader
    assert role_clauses("由县政协城建委牵头,县政协经济委、县住建局配合") is None
    assert role_clauses("组织委员开展调研") is None


def test_a_time_line_then_a_sentence_of_roles():
    text = (
        "政协松岗县委员会2026年度协商计划\n"
        "一、专题协商会\n"
        "（1）加快山区公路提档升级\n"
        "　　时间：2026年7月。由县政协城建委牵头，县交通局、县财政局配合，邀请副县长郑一鸣、县政协主席何立出席。\n"
        "（2）推动中药材产业发展\n"
        "　　时间：第三季度末。由县政协农业委牵头，县农业农村局、北山乡配合，县政协副主席马兰参加。\n"
        "二、界别协商\n"
        "（1）助力乡村教师队伍建设\n"
        "　　时间：年内。由县政协教科卫体委牵头，县教育局配合。\n"
        "（2）发展林下经济\n"
        "　　时间：8月，由县政协农业委牵头，县林业局配合，邀请副县长郑一鸣出席\n"
        "三、工作要求\n"
        "（1）各牵头专委会要提前制定方案。\n"
    )
    assert _rows(import_text(text)) == [
        (
            "加快山区公路提档升级",
            "专题协商会",
            [7],
            ["城建委"],
            ["县交通局", "县财政局"],
            ["副县长郑一鸣", "县政协主席何立"],
        ),
        ("推动中药材产业发展", "专题协商会", [9], ["农业委"], ["县农业农村局", "北山乡"], ["县政协副主席马兰"]),
        ("助力乡村教师队伍建设", "界别协商", [], ["教科卫体委"], ["县教育局"], []),
        ("发展林下经济", "界别协商", [8], ["农业委"], ["县林业局"], ["副县长郑一鸣"]),
    ]


# -- a CMS list: a strong title, then one line of strong labels ---------------------------------


def test_an_html_list_item_with_one_line_of_short_labels():
    page = (
        "<html><body><div class='nav'>首页 / 工作计划</div><h1>石泉县政协2026年度协商计划</h1>"
        "<div class='ql-editor'><!--正文开始--><ol>"
        "<li><p><strong>推进县域物流体系建设</strong></p><p><strong>协商形式：</strong>对口协商"
        "\u3000<strong>时间：</strong>9月\u3000<strong>牵头：</strong>县政协经济委\u3000"
        "<strong>参与：</strong>县商务局、县邮政分公司、河口镇\u3000<strong>县领导：</strong>副县长孔林</p></li>"
        "<li><p><strong>加强古村落保护</strong></p><p><strong>协商形式：</strong>界别协商"
        "\u3000<strong>时间：</strong>二季度末\u3000<strong>牵头：</strong>县政协文史委\u3000"
        "<strong>参与：</strong>县文旅局、县住建局</p></li>"
        "</ol><!--正文结束--></div></body></html>"
    )
    rows = _rows(import_document("plan.html", page.encode("utf-8")))
    assert rows == [
        ("推进县域物流体系建设", "对口协商", [9], ["经济委"], ["县商务局", "县邮政分公司", "河口镇"], ["副县长孔林"]),
        ("加强古村落保护", "界别协商", [6], ["文史委"], ["县文旅局", "县住建局"], []),
    ]


# -- topics grouped by their committee, forms nested below it -----------------------------------


def test_committee_groups_give_their_lead_and_liaison_leaders_to_every_topic():
    text = (
        "政协石门县委员会2026年度协商计划\n"
        "一、总体安排\n"
        "县政协十届六次会议期间开展全体会议协商。\n"
        "二、协商议题（按承办专门委员会排列）\n"
        "（一）县政协城乡建设委员会\n"
        "联系领导：县政协副主席黎明\n"
        "1．专题协商会\n"
        "（1）推进城区排水防涝设施建设\n"
        "时间：7月；协商部门：县住建局、县水利局。\n"
        "邀请县领导：副县长秦放\n"
        "2．视频协商\n"
        "（1）加强农村危房改造\n"
        "时间：9月上旬；协商部门：县住建局、各乡镇。\n"
        "（二）县政协提案委员会\n"
        "联系领导：县政协主席高远、副主席黎明\n"
        "1．提案办理协商会\n"
        "（1）重点提案办理协商\n"
        "时间：5月；协商部门：县政府办公室。\n"
        "三、工作要求\n"
        "1．各专门委员会要提前制定协商方案。\n"
        "2．县直有关部门要积极配合。\n"
    )
    assert _rows(import_text(text)) == [
        (
            "推进城区排水防涝设施建设",
            "专题协商会",
            [7],
            ["城乡建设委员会"],
            ["县住建局", "县水利局"],
            ["县政协副主席黎明", "副县长秦放"],
        ),
        ("加强农村危房改造", "视频协商", [9], ["城乡建设委员会"], ["县住建局", "各乡镇"], ["县政协副主席黎明"]),
        ("重点提案办理协商", "提案办理协商会", [5], ["提案委员会"], ["县政府办公室"], ["县政协主席高远", "副主席黎明"]),
    ]


# -- Word: a table ordered by a merged month column, with a total row ---------------------------


def _docx_bytes(doc) -> bytes:
    import io

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_word_table_by_merged_month_with_numbers_restarting_and_a_total_row():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协澜沧市委员会2026年度协商计划表")
    rows = [
        ("月份", "序号", "协商议题", "协商形式", "承办单位", "协商部门", "出席市领导"),
        ("1月", "①", "围绕市政府工作报告协商议政", "全体会议", "市政协办公室", "—", "—"),
        ("5月", "①", "推进老旧管网改造", "专题协商会", "市政协城建委", "市住建局\n市水务局", "副市长白杨"),
        ("5月", "②", "发展夜间经济", "对口协商", "市政协经济委", "市商务局、市文旅局", "—"),
        ("全年适时", "①", "委员读书活动", "网络议政", "市政协文史委", "市图书馆", "—"),
        ("合计", "4项", "4项", "4项", "4项", "4项", "4项"),
    ]
    table = doc.add_table(rows=len(rows), cols=7)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(2, 0).merge(table.cell(3, 0))  # "5月" spans its two rows
    table.cell(2, 0).text = "5月"
    table.cell(5, 0).merge(table.cell(5, 2)).text = "合计"  # "合计 | 4项", each merged across
    table.cell(5, 3).merge(table.cell(5, 6)).text = "4项"
    rows = _rows(import_document("计划表.docx", _docx_bytes(doc)))
    assert [r[0] for r in rows] == ["围绕市政府工作报告协商议政", "推进老旧管网改造", "发展夜间经济", "委员读书活动"]
    assert [r[2] for r in rows] == [[1], [5], [5], []]
    assert rows[1][4] == ["市住建局", "市水务局"]  # one department per cell paragraph


def test_total_rows_are_told_from_topics():
    from paperwork.sources import _is_total_row

    assert _is_total_row({"合计", "44项"})
    assert _is_total_row({"总 计", "共12项", "—"})
    assert _is_total_row({"合计：4项"})  # one cell merged across the whole row
    assert not _is_total_row({"合计", "推进X"})
    assert not _is_total_row({"推进合计核算", "5月"})


# -- Word: forms as Heading 1, titles as Heading 2, each over its own label table ----------------


def test_word_headings_with_a_label_table_under_each_title():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协云台市委员会2026年度协商工作计划")
    doc.add_heading("一、专题协商会", level=1)
    for title, cells in (
        (
            "推动文旅深度融合",
            [
                ("协商时间", "第三季度末"),
                ("承办单位", "市政协文化文史委员会"),
                ("政府牵头部门", "市文旅局"),
                ("配合部门", "市发展改革委、市交通局"),
                ("出席领导", "副市长甘棠，市政协副主席宋词"),
                ("主要内容", "围绕景区提质和线路串联开展协商。"),
            ],
        ),
        (
            "提升基层医疗服务能力",
            [
                ("协商时间", "5月份"),
                ("承办单位", "市政协科技界、医药卫生界"),
                ("政府牵头部门", "市卫生健康委"),
                ("配合部门", "市医保局"),
                ("出席领导", "—"),
            ],
        ),
    ):
        doc.add_heading(title, level=2)
        table = doc.add_table(rows=len(cells), cols=2)
        for i, (k, v) in enumerate(cells):
            table.cell(i, 0).text, table.cell(i, 1).text = k, v
    doc.add_heading("二、工作要求", level=1)
    doc.add_paragraph("（一）加强统筹。各承办单位要提前一个月制定方案。")
    rows = _rows(import_document("计划.docx", _docx_bytes(doc)))
    assert rows == [
        (
            "推动文旅深度融合",
            "专题协商会",
            [9],
            ["文化文史委员会"],
            ["市文旅局", "市发展改革委", "市交通局"],
            ["副市长甘棠", "市政协副主席宋词"],
        ),
        ("提升基层医疗服务能力", "专题协商会", [5], ["科技界、医药卫生界"], ["市卫生健康委", "市医保局"], []),
    ]


def test_committee_groups_at_the_top_level_with_forms_below():
    text = (
        "政协临川县委员会2026年度协商计划\n"
        "一、县政协经济委员会\n"
        "联系领导：县政协副主席林木\n"
        "（一）专题协商会\n"
        "1．推进工业园区标准化建设\n"
        "时间：6月；协商部门：县工信局、县发改局。\n"
        "（二）对口协商\n"
        "1．优化县域营商环境\n"
        "时间：8月；协商部门：县市场监管局。\n"
        "二、县政协文史委员会\n"
        "联系领导：县政协副主席江月\n"
        "（一）界别协商\n"
        "1．保护传统村落\n"
        "时间：10月；协商部门：县文旅局、县住建局。\n"
        "三、工作要求\n"
        "（一）各专门委员会要提前制定方案。\n"
    )
    assert _rows(import_text(text)) == [
        ("推进工业园区标准化建设", "专题协商会", [6], ["经济委员会"], ["县工信局", "县发改局"], ["县政协副主席林木"]),
        ("优化县域营商环境", "对口协商", [8], ["经济委员会"], ["县市场监管局"], ["县政协副主席林木"]),
        ("保护传统村落", "界别协商", [10], ["文史委员会"], ["县文旅局", "县住建局"], ["县政协副主席江月"]),
    ]


def test_a_committee_named_without_the_cppcc_groups_only_over_its_field_or_forms():
    text = (
        "某县政协2026年度协商计划\n"
        "二、协商议题\n"
        "（一）农业农村委员会\n"
        "1．对口协商\n"
        "（1）发展高山蔬菜\n"
        "时间：7月；协商部门：县农业农村局。\n"
        "（二）教科卫体委\n"
        "联系领导：县政协副主席丁香\n"
        "1．专题协商会\n"
        "（1）建设县域医共体\n"
        "时间：9月；协商部门：县卫健局。\n"
    )
    assert _rows(import_text(text)) == [
        ("发展高山蔬菜", "对口协商", [7], ["农业农村委员会"], ["县农业农村局"], []),
        ("建设县域医共体", "专题协商会", [9], ["教科卫体委"], ["县卫健局"], ["县政协副主席丁香"]),
    ]
