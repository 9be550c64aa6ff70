"""Kinds of layout found by the blind sets of another author (B01 onward), each tested on variants of our own.

The blind documents (``corpus/holdout6`` …) were written by someone who never
saw the reader. Every test here reads a text the blind documents do not
contain word for word: the fix is for the kind, not the example.
"""

from __future__ import annotations

from paperwork.importer import import_text
from paperwork.published_text import classify_form, parse_published_text
from paperwork.sources import _join_wrapped, _repair_quotes, text_tables
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
