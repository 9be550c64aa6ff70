"""Kinds of layout found by the blind sets of another author (B01 onward), each tested on variants of our own.

The blind documents (``corpus/holdout6`` …) were written by someone who never
saw the reader. Every test here reads a text the blind documents do not
contain word for word: the fix is for the kind, not the example.
"""

from __future__ import annotations

from paperwork.importer import import_text
from paperwork.published_text import classify_form, parse_published_text
from paperwork.sources import _join_wrapped, _repair_quotes, table_lines, text_tables
from paperwork.texts import TBD_COMMITTEE
from paperwork.time_phrases import parse_time
from paperwork.vocabulary import field_of_label


def _form_name(draft, topic):
    return draft.plan.form_by_id()[topic.form].name


def _names(draft, ids, kind):
    by = {"d": draft.plan.department_by_id(), "c": draft.plan.committee_by_id(), "l": draft.plan.leader_by_id()}[kind]
    return [by[i].role or by[i].name if kind == "l" else by[i].name for i in ids]


def _rows(draft):
    return [
        (
            t.title,
            classify_form(_form_name(draft, t)) or _form_name(draft, t),
            t.preferred_months,
            _names(draft, t.lead_options, "c"),
            _names(draft, t.departments, "d"),
        )
        for t in draft.plan.topics
    ]


# -- labels ---------------------------------------------------------------------------------


def test_labels_outside_the_vocabulary_are_read_by_their_root_words():
    assert field_of_label("联系副主席") == "leaders"
    assert field_of_label("县政协分管领导") == "leaders"
    assert field_of_label("参加") == "departments"
    assert field_of_label("完成时限") == "time"
    assert field_of_label("会议地点") is None  # no root: stays unknown, reported
    assert field_of_label("形式及时间") is None  # two fields under one label: split or reported elsewhere
    text = """松岭县政协2027年协商计划
一、对口协商
1.完善农村客运网络
完成时限:8月
主办:县政协城建委
参加:县交通局、县财政局
联系副主席:县政协副主席高某
会议地点:县政协三楼会议室
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert t.preferred_months == [8]
    assert _names(draft, t.lead_options, "c") == ["城建委"]
    assert _names(draft, t.departments, "d") == ["县交通局", "县财政局"]
    assert _names(draft, t.leaders, "l") == ["县政协副主席高某"]
    assert any("会议地点" in w for w in draft.warnings)


def test_an_unknown_label_after_a_separator_is_not_glued_to_the_field_before():
    text = """松岭县政协2027年协商计划
1.推进县域医共体建设
时间:6月;牵头单位:县政协教科卫体委;联络员:李某;协商部门:县卫健局
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.lead_options, "c") == ["教科卫体委"]
    assert _names(draft, t.departments, "d") == ["县卫健局"]
    assert any("联络员" in w for w in draft.warnings)


def test_a_label_run_into_a_month_after_a_lost_space_is_the_known_label():
    text = """松岭县政协2027年协商计划
1.推进县域医共体建设
时间安排:9 月责任单位: 县政协教科卫体委协商部门:县卫健局
"""
    (t,) = parse_published_text(text).plan.topics
    assert t.preferred_months == [9]


# -- forms ----------------------------------------------------------------------------------


def test_a_form_set_before_the_title_in_brackets_or_as_a_label():
    text = """松岭县政协2027年协商计划
1.〔专题协商〕完善城乡供水保障(5月,县政协人资环委牵头,县水利局、县住建局参与)
2.【对口协商】提升基层文化服务(9月,县政协文史委牵头,县文旅局参与)
3.网络议政:规范城区夜市管理(10月,县政协社法委牵头,县城管局参与)
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("完善城乡供水保障", "special", [5], ["人资环委"], ["县水利局", "县住建局"]),
        ("提升基层文化服务", "counterpart", [9], ["文史委"], ["县文旅局"]),
        ("规范城区夜市管理", "网络议政", [10], ["社法委"], ["县城管局"]),
    ]


def test_an_unlabelled_form_opens_the_bracket_of_labelled_fields():
    text = """松岭县政协2027年协商计划
第二季度
1.推进村级光伏电站运维(远程协商;承办:县政协经济委;参加部门:县发改局、县供电公司;县政协联系领导:赵某)
2.加强校园食品安全(民主监督协商;拟安排时间:5月调研、8月协商;承办:县政协教科卫体委;参加部门:县教育局;邀请分管副县长出席)
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert (a.title, _form_name(draft, a), a.preferred_months, a.window) == (
        "推进村级光伏电站运维",
        "远程协商",
        [],
        (4, 6),
    )
    assert _names(draft, a.departments, "d") == ["县发改局", "县供电公司"]
    assert _names(draft, a.leaders, "l") == ["赵某"]
    assert (b.title, _form_name(draft, b), b.preferred_months) == ("加强校园食品安全", "民主监督协商", [8])
    assert _names(draft, b.leaders, "l") == ["分管副县长"]


# -- time -----------------------------------------------------------------------------------


def test_research_months_do_not_time_the_consultation():
    assert parse_time("5月调研、8月协商").months == [8]
    assert parse_time("二季度视察,三季度召开座谈会").window == (7, 9)
    assert parse_time("3、4月份").months == [3, 4]  # a list of months is not cut at its 、
    assert parse_time("6月调研,6月下旬召开").months == [6]


def test_time_headings_time_the_topics_below_until_the_next_one():
    text = """松岭县政协2027年协商计划
一、上半年
1.推进农村厕所革命
承办单位:县政协农业农村委
2.优化县城停车管理
时间:6月
承办单位:县政协城建委
二、下半年
3.加强非遗传承保护
承办单位:县政协文史委
其他时间适时安排
4.开展委员履职培训
承办单位:县政协办公室
"""
    draft = parse_published_text(text)
    got = [(t.title, t.preferred_months, t.window) for t in draft.plan.topics]
    assert got == [
        ("推进农村厕所革命", [], (1, 6)),
        ("优化县城停车管理", [6], None),
        ("加强非遗传承保护", [], (7, 12)),
        ("开展委员履职培训", [], (4, 11)),  # 适时: no month of its own (the default window), not 下半年
    ]


# -- names ----------------------------------------------------------------------------------


def test_a_standing_committee_post_stays_with_the_post_after_it_and_dashes_name_nobody():
    text = """松岭县政协2027年协商计划
1.推进平安乡村建设
时间:7月
承办单位:县政协社法委
协商部门:—
出席领导:县委常委、统战部部长,县政协副主席钱某
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert t.departments == []
    assert _names(draft, t.leaders, "l") == ["县委常委、统战部部长", "县政协副主席钱某"]


# -- sentences ------------------------------------------------------------------------------


def test_a_sentence_item_with_its_quoted_subject_in_the_middle():
    text = """松岭县政协2027年协商计划
(一)专题议政性常委会议
1.8月,围绕“推进县域商业体系建设”召开常委会议,由县政协经济委承办,邀请县商务局、县供销社参加,县政府分管副县长到会听取意见。
(二)对口协商
2.由县政协文史委与县文旅局、县档案馆对口协商“加强革命文物保护”,拟于5月进行。
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("推进县域商业体系建设", "standing", [8], ["经济委"], ["县商务局", "县供销社"]),
        ("加强革命文物保护", "counterpart", [5], ["文史委"], ["县文旅局", "县档案馆"]),
    ]
    assert _names(draft, draft.plan.topics[0].leaders, "l") == ["县政府分管副县长"]


def test_one_sentence_giving_several_topics_respectively():
    text = """松岭县政协2027年协商计划
(一)双月协商座谈会
围绕“发展林下经济”“提升乡村教师待遇”“规范殡葬管理”3个议题,分别于4月、8月、11月召开双月协商座谈会,由县政协农业农村委、县政协教科卫体委、县政协社法委分别承办。
"""
    draft = parse_published_text(text)
    assert [(t.title, t.preferred_months, _names(draft, t.lead_options, "c")) for t in draft.plan.topics] == [
        ("发展林下经济", [4], ["农业农村委"]),
        ("提升乡村教师待遇", [8], ["教科卫体委"]),
        ("规范殡葬管理", [11], ["社法委"]),
    ]
    assert {classify_form(_form_name(draft, t)) for t in draft.plan.topics} == {"bimonthly"}


# -- numbering, titles, page furniture --------------------------------------------------------------


def test_item_numbers_written_as_words_and_the_year_before_the_body():
    text = """2027年度松岭县政协协商议题
第一项 推进县城老旧管网改造
时间:4月 承办单位:县政协城建委 协商部门:县住建局
第二项:加强农村留守儿童关爱
时间:6月 承办单位:县政协社法委 协商部门:县民政局
"""
    draft = parse_published_text(text)
    assert draft.plan.body == "松岭县政协"
    assert [t.title for t in draft.plan.topics] == ["推进县城老旧管网改造", "加强农村留守儿童关爱"]


def test_menu_words_and_the_published_date_line_of_a_page_are_furniture():
    text = """工作计划
通知公告
关于印发《松岭县政协2027年协商计划》的通知
时间:2027年02月20日 来源:县政协办公室 阅读:312
一、对口协商
1.推进县域养老服务
时间安排:5月
承办单位:县政协社法委
"""
    draft = parse_published_text(text)
    assert draft.plan.body == "松岭县政协"
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [("推进县域养老服务", [5])]


# -- tables pasted as text ------------------------------------------------------------------


def test_tables_pasted_with_spaces_or_pipes_between_cells():
    spaced = [
        "序号  议题名称            协商形式    时间    承办单位    参加部门",
        "1     推进县城供热改造    对口协商    10月    城建委      县住建局、县热力公司",
    ]
    piped = [
        "| 序号 | 议题名称 | 协商形式 | 时间 | 承办单位 | 参加部门 |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 1 | 推进县城供热改造 | 对口协商 | 10月 | 城建委 | 县住建局、县热力公司 |",
    ]
    for lines in (spaced, piped):
        out = text_tables(lines)
        assert "1.推进县城供热改造" in out and "时间安排:10月" in out
    draft = import_text("松岭县政协2027年协商计划\n" + "\n".join(spaced))
    assert _rows(draft) == [("推进县城供热改造", "counterpart", [10], ["城建委"], ["县住建局", "县热力公司"])]


# -- PDF text -------------------------------------------------------------------------------


def test_pdf_quotes_in_a_western_font_go_back_into_their_holes():
    assert _repair_quotes("“ ”围绕 推进智慧养老 开展协商") == "围绕“推进智慧养老”开展协商"
    assert _repair_quotes("“ ”“ ”聚焦 甲项工作 乙项工作3 个方面") == "聚焦“甲项工作”“乙项工作”3 个方面"
    assert _repair_quotes("时间安排:6 月") == "时间安排:6 月"  # no bare quotes: unchanged


def test_pdf_wrapped_paragraphs_are_joined_but_items_and_labels_start_lines():
    lines = [
        "1.推进县域商业体系建设，由县政协经济委承办，邀请县商",
        "务局参加。",
        "2.加强农村饮水安全",
        "时间安排:7 月",
    ]
    assert _join_wrapped(lines) == [
        "1.推进县域商业体系建设，由县政协经济委承办，邀请县商务局参加。",
        "2.加强农村饮水安全",
        "时间安排:7 月",
    ]


# -- blind set 2 (B09–B16) --------------------------------------------------------------------


def test_a_form_label_before_the_title_whatever_numbers_the_item():
    text = """松岭县政协2027年协商计划
一、重点协商
第一项 对口协商:推进县城燃气管网改造
拟安排时间:6月 牵头单位:县政协城建委 邀请部门:县住建局
第二项 专题协商会:发展县域冷链物流
拟安排时间:9月 牵头单位:县政协经济委 邀请部门:县商务局
二、其他协商
远程协商:推进乡村数字治理(适时,县政协提案委)
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("推进县城燃气管网改造", "counterpart", [6], ["城建委"], ["县住建局"]),
        ("发展县域冷链物流", "special", [9], ["经济委"], ["县商务局"]),
        ("推进乡村数字治理", "远程协商", [], ["提案委"], []),
    ]
    assert any("适时" in w for w in draft.warnings)


def test_a_plenary_bracket_names_the_general_office():
    draft = parse_published_text(
        "松岭县政协2027年协商计划\n一、全体会议协商\n● 协商讨论县政府工作报告(全会期间,县政协办公厅)\n"
    )
    (t,) = draft.plan.topics
    assert t.title == "协商讨论县政府工作报告" and _names(draft, t.lead_options, "c") == ["办公厅"]


def test_record_tables_with_two_pairs_on_a_row_and_steps_under_one_label():
    rows = [
        ["议题名称", "完善城市排水防涝体系", "完善城市排水防涝体系", "完善城市排水防涝体系"],
        ["协商形式", "对口协商", "承办单位", "县政协城建委"],
        ["时间安排", "调研", "4月", ""],
        ["时间安排", "协商", "7月", ""],
        ["协商部门", "县水务局、县住建局", "县水务局、县住建局", "县水务局、县住建局"],
    ]
    lines = table_lines(rows)
    draft = parse_published_text("松岭县政协2027年协商计划\n" + "\n".join(lines))
    assert _rows(draft) == [("完善城市排水防涝体系", "counterpart", [7], ["城建委"], ["县水务局", "县住建局"])]


def test_marked_fields_and_labels_asking_someone():
    text = """松岭县政协2027年协商计划
1、【界别协商】发挥农业界委员作用
➤时间:5月
➤牵头单位:县政协农业农村委
➤协商部门:县农业农村局
➤邀请县领导:孙某(副县长)、县政协副主席周某
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.departments, "d") == ["县农业农村局"]
    assert _names(draft, t.leaders, "l") == ["孙某(副县长)", "县政协副主席周某"]


def test_page_link_lists_attachments_and_remarks_are_not_topics():
    text = """松岭县政协2027年协商计划
一、对口协商
(由各专门委员会与对口部门商定具体时间)
◆ 加强农村集体资产管理(5月,县政协农业农村委)
◆ 推进城区背街小巷改造(8月,县政协城建委)
以上活动的具体时间、参加人员等以正式通知为准。
附件:1.松岭县政协2027年度协商活动一览表
2.松岭县政协2027年度重点提案督办安排
相关阅读
▶ 县政协召开主席会议
▶ 委员视察县城重点项目
阅读原文 分享 收藏 点赞 在看
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("加强农村集体资产管理", "counterpart", [5], ["农业农村委"], []),
        ("推进城区背街小巷改造", "counterpart", [8], ["城建委"], []),
    ]
    skipped = {s.text for s in draft.skipped}
    assert "2.松岭县政协2027年度重点提案督办安排" in skipped and "▶ 县政协召开主席会议" in skipped


def test_a_pdf_table_row_starts_under_a_merged_month_but_a_wrapped_cell_does_not():
    from paperwork.sources import _pdf_tables

    lines = [
        [(10, "月份"), (60, "协商形式"), (130, "协商议题"), (220, "承办单位"), (300, "参加部门")],
        [(10, "5月"), (60, "专题协商会"), (130, "推进甲项工作"), (220, "县政协经济委"), (300, "县发改局")],
        [(60, "对口协商"), (130, "推进乙项工作"), (220, "县政协农业农村委"), (300, "县农业农村局")],
        [(10, "6月"), (60, "专题议政性常委"), (130, "推进丙项工作"), (220, "县政协社法委"), (300, "县公安局、")],
        [(60, "会议"), (130, "的落实"), (300, "县司法局")],
    ]
    out = _pdf_tables(lines)
    titles = [x for x in out if x[:2] in ("1.", "2.", "3.", "4.")]
    assert titles == ["1.推进甲项工作", "2.推进乙项工作", "3.推进丙项工作的落实"]
    assert "时间安排:5月" in out and "协商形式:专题议政性常委会议" in out


def test_pdf_quotes_of_a_cell_wrapped_over_two_lines():
    assert _repair_quotes("打造一流 绿“ ”色食品牌 ") == "打造一流“绿色食品牌”"


def test_a_headline_naming_only_the_level_takes_the_place_from_the_quoted_plan_title():
    text = """重磅|市政协2027年度协商计划发布
近日,《松岭市政协2027年度协商计划》经市委常委会审定后印发。
一、对口协商
◆ 推进城市更新(5月,市政协城建委)
"""
    assert parse_published_text(text).plan.body == "松岭市政协"


# -- blind set 3 (B17–B24) --------------------------------------------------------------------


def test_a_box_drawn_table_with_cells_wrapped_over_lines():
    lines = [
        "┌──┬────────┬──────┬───┬──────┬──────┐",
        "│序号│议题名称        │协商形式    │时间│承办单位    │参加部门    │",
        "├──┼────────┼──────┼───┼──────┼──────┤",
        "│1   │完善县城公交线网│专题议政性常│7月 │县政协城建委│县交通局、县│",
        "│    │布局            │委会议      │    │            │住建局      │",
        "└──┴────────┴──────┴───┴──────┴──────┘",
    ]
    draft = import_text("松岭县政协2027年协商计划\n" + "\n".join(lines))
    assert _rows(draft) == [("完善县城公交线网布局", "standing", [7], ["城建委"], ["县交通局", "县住建局"])]


def test_table_cells_of_several_paragraphs_and_a_caption_naming_the_form():
    rows = [
        ["序号", "承办专委会", "对口部门", "协商议题", "拟安排时间"],
        ["1", "县政协社法委", "县司法局\n县信访局", "推进矛盾纠纷多元化解", "3月(调研)\n6月(协商)"],
    ]
    lines = ["松岭县政协2027年协商计划", "续表1", "表3 对口协商安排", *table_lines(rows)]
    draft = parse_published_text("\n".join(lines))
    assert _rows(draft) == [("推进矛盾纠纷多元化解", "counterpart", [6], ["社法委"], ["县司法局", "县信访局"])]


def test_page_furniture_running_heads_and_footers_do_not_join_a_list():
    text = """松岭县政协文件
松岭县政协2027年协商计划
一、对口协商
1.推进城乡供水一体化
时间:8月
承办单位:县政协人资环委
协商部门:县水利局、县自然
松岭县政协文件
资源局
【打印】【关闭】 责任编辑:某某
主办:松岭县人民政府办公室 承办:松岭县信息中心
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.departments, "d") == ["县水利局", "县自然资源局"]


def test_form_headings_without_a_number_and_month_headings_with_a_remark():
    text = """松岭县政协2027年协商计划
二月(县政协十届五次会议期间)
1.协商讨论县政府工作报告(全体会议协商;承办:县政协办公室)
专题议政性常委会议
第一项推进县域商贸流通体系建设
时间安排:6月
牵头专委会:县政协经济委
双月协商座谈会
第二项发展银发经济
时间安排:年内
牵头专委会:县政协社法委
"""
    draft = parse_published_text(text)
    got = sorted((t.title, classify_form(_form_name(draft, t)), t.preferred_months) for t in draft.plan.topics)
    assert got == sorted(
        [
            ("协商讨论县政府工作报告", "plenary", [2]),
            ("推进县域商贸流通体系建设", "standing", [6]),
            ("发展银发经济", "bimonthly", []),
        ]
    )
    assert parse_time("年内").undecided and parse_time("年内").deadline is None


def test_a_proposal_table_the_handling_department_attends_the_supervising_committee_leads():
    rows = [
        ["序号", "重点提案", "提案者", "办理协商时间", "主办单位", "督办单位", "督办领导"],
        ["1", "关于加快发展林下经济的提案", "农工党县委会", "9月", "县林业局", "县政协提案委", "县政协副主席何某"],
    ]
    draft = parse_published_text("松岭县政协2027年协商计划\n四、提案办理协商\n" + "\n".join(table_lines(rows)))
    (t,) = draft.plan.topics
    assert (t.title, t.preferred_months) == ("关于加快发展林下经济的提案", [9])
    assert _names(draft, t.lead_options, "c") == ["提案委"]
    assert _names(draft, t.departments, "d") == ["县林业局"]
    assert _names(draft, t.leaders, "l") == ["县政协副主席何某"]


# -- general kinds found while reading the blind sets ------------------------------------------------


def test_labels_lined_up_without_a_colon_and_text_spaced_letter_by_letter():
    text = (
        "松岭县政协2027年协商计划\n1.推 进 县 城 垃 圾 分 类\n"
        "时间安排    7月\n承办单位\t县政协人资环委\n协商部门    县 城 管 局\n"
    )
    draft = parse_published_text(text)
    assert _rows(draft) == [("推进县城垃圾分类", "其他协商", [7], ["人资环委"], ["县城管局"])]


def test_a_deputy_secretary_post_goes_with_the_post_after_it():
    text = (
        "松岭县政协2027年协商计划\n1.推进县域经济\n时间:5月\n承办单位:县政协经济委\n"
        "出席领导:县委副书记、县长,县政协主席吴某\n"
    )
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.leaders, "l") == ["县委副书记、县长", "县政协主席吴某"]


def test_departments_set_apart_by_spaces_quarter_items_and_rows_typed_with_spaces():
    text = """松岭县政协2027年协商计划
(一)对口协商(1项)
1.关于加强社区养老的协商
   牵头:县政协社法委   配合:县民政局 县卫健局   时间:10月份
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.departments, "d") == ["县民政局", "县卫健局"]

    quarters = """松岭县政协2027年协商安排
二季度:召开“发展特色种植业”专题议政性常委会议,县政协农业农村委负责,邀请县农业农村局参加。
下半年:围绕“提升县城绿化水平”开展对口协商,县政协城建委负责。
"""
    draft = parse_published_text(quarters)
    got = [(t.title, t.window, _names(draft, t.lead_options, "c")) for t in draft.plan.topics]
    assert got == [("发展特色种植业", (4, 6), ["农业农村委"]), ("提升县城绿化水平", (7, 12), ["城建委"])]

    rows = """松岭县政协2027年协商计划
对口协商
  ·完善县域医共体 5月 县政协教卫体委 县医保局、县卫健局
  ·推进农村电商发展(二期) 9月 县政协经济委 县商务局
"""
    draft = parse_published_text(rows)
    assert _rows(draft) == [
        ("完善县域医共体", "counterpart", [5], ["教卫体委"], ["县医保局", "县卫健局"]),
        ("推进农村电商发展(二期)", "counterpart", [9], ["经济委"], ["县商务局"]),
    ]


def test_a_label_with_its_value_on_the_next_line_and_a_form_after_a_dash():
    page = """<html><body><h2>松岭县政协2027年度协商计划</h2><h3>一、专题议政性常委会议</h3>
<dl><dt>议题:</dt><dd>发展县域旅游</dd><dt>时间:</dt><dd>拟于二〇二七年九月</dd>
<dt>承办:</dt><dd>县政协文史委</dd></dl>
<h3>二、其他协商活动</h3><p>1.推进县城污水管网建设——对口协商(7月,县政协人资环委)</p>
<p>2.加强农村养老服务——专题协商会</p><p>时间:10月</p></body></html>"""
    draft = import_text(page)
    assert _rows(draft) == [
        ("发展县域旅游", "standing", [9], ["文史委"], []),
        ("推进县城污水管网建设", "counterpart", [7], ["人资环委"], []),
        ("加强农村养老服务", "special", [10], [TBD_COMMITTEE], []),  # no lead written: the placeholder
    ]
    lines = draft.lines
    accounted = set(draft.line_roles) | {s.line for s in draft.skipped}
    assert all(i in accounted for i, t in enumerate(lines, start=1) if t.strip())


def test_a_title_label_left_empty_never_fails_the_import():
    draft = parse_published_text("松岭县政协2027年协商计划\n议题:\n时间:5月\n承办单位:县政协经济委\n")
    assert [t.preferred_months for t in draft.plan.topics] == [[5]]
    assert draft.plan.topics[0].title  # shown for the planner to correct, not an error


def test_several_trailing_brackets_a_bare_count_and_role_notes_after_names():
    text = """松岭县政协2027年协商计划
一、专题议政性常委会议 2项
1.推进县城数字化治理(6月)(县政协经济委)
2.加强耕地保护(9月)(县政协农业农村委)
二、对口协商 1项
1.优化医疗资源布局
时间:5月
承办单位:县政协教科卫体委(牵头)、县政协提案委(配合)
协商部门:县卫健局(牵头)、县医保局
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("推进县城数字化治理", "standing", [6], ["经济委"], []),
        ("加强耕地保护", "standing", [9], ["农业农村委"], []),
        ("优化医疗资源布局", "counterpart", [5], ["教科卫体委"], ["县卫健局", "县医保局"]),
    ]
    assert _names(draft, draft.plan.topics[2].co_organizers, "c") == ["提案委"]


def test_bullets_in_a_symbol_font_as_a_pdf_gives_them():
    text = (
        "松岭县政协2027年协商计划\n一、对口协商\n"
        "\uf06c推进县城停车场建设(5月,县政协城建委)\n\uf0b7加强河道保洁(8月,县政协人资环委)\n"
    )
    draft = parse_published_text(text)
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [
        ("推进县城停车场建设", [5]),
        ("加强河道保洁", [8]),
    ]


def test_an_item_row_typed_with_bars_or_slashes_is_not_a_menu():
    text = """松岭县政协2027年协商计划
一、对口协商
1.推进县城停车场建设 | 5月 | 县政协城建委 | 县住建局、县交通局
2.加强河道保洁 / 8月 / 县政协人资环委 / 县水利局
首页 | 机构概况 | 联系我们
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("推进县城停车场建设", "counterpart", [5], ["城建委"], ["县住建局", "县交通局"]),
        ("加强河道保洁", "counterpart", [8], ["人资环委"], ["县水利局"]),
    ]


def test_a_notice_in_prose_form_before_its_items_and_the_body_from_the_signature():
    text = """关于2027年度政协协商工作的安排意见
各乡镇、县直各单位:
1、全年召开专题议政性常委会议2次。一是5月围绕“县域商业体系建设”进行专题议政,由县政协经济委具体承办;二是10月围绕“农村养老服务”进行专题议政,由县政协社法委具体承办。
2、开展对口协商1次。7月由县政协教文卫委与县教育局就“校园安全管理”开展对口协商。
松岭县政协办公室
2027年1月20日
"""
    draft = parse_published_text(text)
    assert draft.plan.body == "松岭县政协"
    assert _rows(draft) == [
        ("县域商业体系建设", "standing", [5], ["经济委"], []),
        ("农村养老服务", "standing", [10], ["社法委"], []),
        ("校园安全管理", "counterpart", [7], ["教文卫委"], ["县教育局"]),
    ]


def test_form_headings_numbered_like_items_or_as_a_class():
    text = """松岭县政协2027年协商计划
1.专题议政性常委会议
(1)推进县域商业体系建设
时间:5月
承办单位:县政协经济委
2.对口协商
(1)提升县城供水能力
时间:7月
承办单位:县政协人资环委
第三类 界别协商
1.发挥农业界委员作用
时间:9月
承办单位:县政协农业农村委
"""
    draft = parse_published_text(text)
    got = [(t.title, _form_name(draft, t)) for t in draft.plan.topics]
    assert got == [
        ("推进县域商业体系建设", "专题议政性常委会议"),
        ("提升县城供水能力", "对口协商"),
        ("发挥农业界委员作用", "界别协商"),
    ]


def test_a_month_column_holding_bare_numbers():
    rows = [
        ["序号", "名称", "类型", "月份", "牵头", "参与"],
        ["1", "推进县城老旧小区改造", "对口协商", "5", "县政协城建委", "县住建局"],
        ["2", "发展林下经济", "专题协商会", "9、10", "县政协农业农村委", "县林业局;县农业农村局"],
    ]
    draft = parse_published_text("松岭县政协2027年度协商议题\n" + "\n".join(table_lines(rows)))
    assert _rows(draft) == [
        ("推进县城老旧小区改造", "counterpart", [5], ["城建委"], ["县住建局"]),
        ("发展林下经济", "special", [9, 10], ["农业农村委"], ["县林业局", "县农业农村局"]),
    ]


def test_labels_set_in_brackets_instead_of_a_colon():
    text = """松岭县政协2027年协商计划
一、对口协商
1.推进县城停车场建设
【时间】5月【承办】县政协城建委【部门】县住建局、县交通局
2.加强河道保洁
[时间]8月 [承办]县政协人资环委 [协商部门]县水利局
"""
    draft = parse_published_text(text)
    assert _rows(draft) == [
        ("推进县城停车场建设", "counterpart", [5], ["城建委"], ["县住建局", "县交通局"]),
        ("加强河道保洁", "counterpart", [8], ["人资环委"], ["县水利局"]),
    ]
