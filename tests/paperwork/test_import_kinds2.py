"""Kinds of layout found by the blind sets H17 onward, each tested on variants of our own.

Every test here reads a text (or a table) the blind layouts did not contain
word for word: the fix is for the kind, not the example.
"""

from __future__ import annotations

from paperwork.published_text import classify_form, form_in_text, parse_published_text
from paperwork.sources import table_lines
from paperwork.vocabulary import field_of_header


def _topic(draft, title):
    return next(t for t in draft.plan.topics if t.title == title)


def _form_kind(draft, topic):
    return classify_form(draft.plan.form_by_id()[topic.form].name)


def _names(draft, ids, kind):
    by = {"d": draft.plan.department_by_id(), "c": draft.plan.committee_by_id(), "l": draft.plan.leader_by_id()}[kind]
    return [by[i].name for i in ids]


def test_research_and_consultation_steps_give_lead_month_and_form():
    text = """丰原区政协2027年重点协商安排
(一)关于完善城市应急避难场所的协商
(1)调研环节:4至5月,由区政协城建委牵头,组织委员走访街道。
(2)协商环节:8月举行专题协商会。
(3)参加部门:区应急局、区住建局。
(二)关于发展林下经济的协商
(1)前期调研:5月,由区政协农业农村委负责。
(2)协商环节:10月召开对口协商会。
(3)参加部门:区林业局。
"""
    draft = parse_published_text(text)
    assert [t.title for t in draft.plan.topics] == ["关于完善城市应急避难场所的协商", "关于发展林下经济的协商"]
    a, b = draft.plan.topics
    assert a.preferred_months == [8] and b.preferred_months == [10]  # the consultation's month, not the research's
    assert _form_kind(draft, a) == "special" and _form_kind(draft, b) == "counterpart"
    assert _names(draft, a.lead_options, "c") == ["城建委"]
    assert _names(draft, b.lead_options, "c") == ["农业农村委"]
    assert _names(draft, a.departments, "d") == ["区应急局", "区住建局"]


def test_research_named_in_a_sentence_never_replaces_a_heading_form():
    text = """青松市政协2026年度协商计划
一、专题议政性常委会议
1.推进城乡供水一体化
由市政协人资环委牵头,市水利局参加,拟于7月召开。会前开展专题调研。
"""
    draft = parse_published_text(text)
    assert _form_kind(draft, draft.plan.topics[0]) == "standing"


def test_an_unnamed_group_takes_the_form_its_topic_names():
    text = """青松市政协2026年度协商计划
一、其他协商活动
1.围绕重点提案开展提案办理协商
时间:6月
承办单位:市政协提案委
协商部门:市政府办公室
2.组织委员开展民生实事视察
时间:9月
承办单位:市政协社会法制委
协商部门:市民政局
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert _form_kind(draft, a) == "proposal" and _form_kind(draft, b) == "inspection"


def test_form_in_text_prefers_the_consultation_over_its_groundwork():
    assert classify_form(form_in_text("会前开展调研,9月召开双月协商座谈会")) == "bimonthly"
    assert classify_form(form_in_text("5月组织开展专题视察")) == "inspection"
    assert form_in_text("推进县域经济高质量发展") == ""


def test_a_table_column_of_sentences_is_read_for_fields():
    rows = [
        ["编号", "议题", "工作安排"],
        ["1", "加强河湖长制落实", "县政协人资环委负责,县水利局参加,拟于6月开展对口协商"],
        ["2", "培育特色农产品品牌", "由县政协经济委牵头,县农业农村局、县市场监管局参加,9月召开专题协商会"],
    ]
    assert field_of_header("工作安排") == "arrangement"
    draft = parse_published_text("苍山县政协2027年协商计划\n" + "\n".join(table_lines(rows)) + "\n")
    a, b = draft.plan.topics
    assert a.preferred_months == [6] and b.preferred_months == [9]
    assert _form_kind(draft, b) == "special" and _form_kind(draft, a) == "counterpart"
    assert _names(draft, b.lead_options, "c") == ["经济委"]
    assert _names(draft, b.departments, "d") == ["县农业农村局", "县市场监管局"]


def test_a_topic_laid_out_as_its_own_two_column_table():
    rows = [
        ["课题名称", "推动冰雪旅游发展"],
        ["时间安排", "11月"],
        ["牵头单位", "市政协文史委"],
        ["相关部门", "市文旅局"],
    ]
    lines = table_lines(rows)
    assert lines[0] == "协商议题:推动冰雪旅游发展"
    text = "雪原市政协2027年协商议题一览\n第一项\n" + "\n".join(lines) + "\n第二项\n"
    text += "\n".join(table_lines([["议题", "完善养老服务"], ["时间", "5月"], ["承办", "市政协社会法制委"]])) + "\n"
    draft = parse_published_text(text)
    assert draft.plan.body == "雪原市政协"
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [
        ("推动冰雪旅游发展", [11]),
        ("完善养老服务", [5]),
    ]
    # a table of two columns that is not a record stays row by row; one of contacts gives nothing
    assert table_lines([["甲方", "张某"], ["乙方", "李某"]]) == ["甲方  张某", "乙方  李某"]
    assert table_lines([["联系人", "张某"], ["电话", "1234"]]) == []


def test_signature_and_date_under_the_last_topic_are_not_its_fields():
    text = """白沙县政协2026年度协商计划
一、对口协商
1.改善农村道路(时间:9月;承办:县政协城建委;协商部门:县交通局)
白沙县政协办公室
2026年2月3日
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert t.preferred_months == [9]
    assert {s for s, r in draft.line_roles.items() if r == "正文(前言或结尾)"} >= {4, 5}


def test_a_time_field_does_not_swallow_a_following_line_without_a_month():
    text = """白沙县政协2026年度协商计划
一、对口协商
1.改善农村道路
时间:9月
县政协城建委
承办:县政协城建委
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert t.preferred_months == [9]
    assert any(s.line == 5 for s in draft.skipped)


def test_co_organisers_are_cppcc_bodies_only():
    text = """白沙县政协2026年度协商计划
一、对口协商
1.关爱留守儿童
时间:6月
承办:县政协社会法制委
配合单位:团县委、县妇联、民进县委、县政协教科卫体委
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert _names(draft, t.lead_options + t.co_organizers, "c") == ["社会法制委", "教科卫体委"]
    assert _names(draft, t.departments, "d") == ["团县委", "县妇联", "民进县委"]


# -- kinds found by the blind set H25–H32 -------------------------------------------------------------


def test_items_enumerated_yishi_ershi_in_one_paragraph():
    text = """梧桐县政协2027年协商安排
一、对口协商
全年开展3次:一是《规范殡葬服务管理》,5月开展,县政协社会法制委牵头,县民政局参加;二是“发展林果产业”,七月开展,由县政协农业农村委负责;三是“建设平安校园”,下半年开展,由县政协教科卫体委负责,县教育局、县公安局参加。
"""
    draft = parse_published_text(text)
    got = [(t.title, t.preferred_months, t.window) for t in draft.plan.topics]
    assert got == [("规范殡葬服务管理", [5], None), ("发展林果产业", [7], None), ("建设平安校园", [], (7, 12))]
    c = _names(draft, draft.plan.topics[0].lead_options, "c")
    assert c == ["社会法制委"]
    assert _names(draft, draft.plan.topics[2].departments, "d") == ["县教育局", "县公安局"]


def test_yishi_ershi_in_a_speech_is_not_a_list_of_topics():
    text = """梧桐县政协2027年协商安排
一、总体要求
要把握好三点:一是坚持正确方向;二是坚持围绕中心;三是坚持团结民主。
二、对口协商
1.发展林果产业
时间:7月
承办:县政协农业农村委
"""
    draft = parse_published_text(text)
    assert [t.title for t in draft.plan.topics] == ["发展林果产业"]


def test_month_first_lines_are_items():
    text = """梧桐县政协2027年协商活动安排
四月份:就“提升农村客运服务”开展对口协商,县政协城建委承办,县交通运输局参加。
10月下旬:围绕《加强县域应急能力建设》召开专题议政性常委会议,由县政协社会法制委承办。
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert (a.title, a.preferred_months, _form_kind(draft, a)) == ("提升农村客运服务", [4], "counterpart")
    assert (b.title, b.preferred_months, _form_kind(draft, b)) == ("加强县域应急能力建设", [10], "standing")
    assert _names(draft, a.lead_options, "c") == ["城建委"]


def test_ordinal_title_labels_and_marked_fields():
    text = """梧桐县政协2027年协商计划
课题1:完善乡村医生队伍建设
▲协商形式:对口协商
▲时间:6月
▲承办单位:县政协教科卫体委
课题2:推进农房风貌管控
-协商形式:专题协商会
-时间:8月
-承办单位:县政协城建委
"""
    draft = parse_published_text(text)
    got = [(t.title, t.preferred_months, _form_kind(draft, t)) for t in draft.plan.topics]
    assert got == [("完善乡村医生队伍建设", [6], "counterpart"), ("推进农房风貌管控", [8], "special")]


def test_form_and_month_in_brackets_after_the_title():
    text = """梧桐县政协2027年协商计划
一、协商议题
1.加强古树名木保护(对口协商、三季度)
县政协人资环委承办,县林业局配合。
2.健全社会救助体系(县政协社会法制委)
时间:9月
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert a.title == "加强古树名木保护" and a.window == (7, 9) and _form_kind(draft, a) == "counterpart"
    assert _names(draft, a.lead_options, "c") == ["人资环委"] and _names(draft, a.departments, "d") == ["县林业局"]
    # a bracket that is not a form or a time is left to the other rules (here: the lead committee)
    assert b.title == "健全社会救助体系" and _names(draft, b.lead_options, "c") == ["社会法制委"]


def test_a_table_header_of_two_rows():
    rows = [
        ["编号", "议题名称", "时间", "承办及参与", "承办及参与"],
        ["编号", "议题名称", "时间", "承办专委会", "邀请单位"],
        ["1", "推进智慧社区建设", "5月", "县政协城建委", "县民政局"],
    ]
    lines = table_lines(rows)
    draft = parse_published_text("梧桐县政协2027年协商计划\n" + "\n".join(lines) + "\n")
    (t,) = draft.plan.topics
    assert _names(draft, t.lead_options, "c") == ["城建委"] and _names(draft, t.departments, "d") == ["县民政局"]


def test_form_headings_each_over_their_own_table():
    text = "梧桐县政协2027年协商计划\n一、对口协商\n"
    text += "\n".join(table_lines([["议题", "承办", "时间"], ["加强河道管理", "县政协人资环委", "6月"]]))
    text += "\n二、双月协商座谈会\n"
    text += "\n".join(table_lines([["议题", "承办", "时间"], ["发展社区食堂", "县政协社会法制委", "8月"]])) + "\n"
    draft = parse_published_text(text)
    got = [(t.title, _form_kind(draft, t)) for t in draft.plan.topics]
    assert got == [("加强河道管理", "counterpart"), ("发展社区食堂", "bimonthly")]


def test_body_of_a_notice_title():
    draft = parse_published_text(
        "关于转发《梧桐县政协2027年度协商计划》的通知\n一、对口协商\n1.发展林果产业\n时间:7月\n"
    )
    assert draft.plan.body == "梧桐县政协"


# -- kinds found by the blind set H33–H38 -------------------------------------------------------------


def test_form_headings_in_brackets_and_fields_split_by_bars():
    text = """梧桐县政协2027年协商计划
【双月协商座谈会(2次)】
●发展社区食堂
时间:4月|承办:县政协社会法制委|协商部门:县民政局|出席领导:县政协副主席周某
●建设口袋公园
时间:6月|承办单位:县政协城建委
【重要文件】
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert _form_kind(draft, a) == _form_kind(draft, b) == "bimonthly"
    assert _names(draft, a.lead_options, "c") == ["社会法制委"] and _names(draft, b.lead_options, "c") == ["城建委"]
    assert _names(draft, a.leaders, "l") == ["县政协副主席周某"]


def test_two_fields_under_one_combined_label():
    text = """梧桐县政协2027年协商计划
一、协商议题
1.建设智慧农业示范区
时间和形式:7月,对口协商
牵头及协商单位:县政协农业农村委;县农业农村局、县科技局
2.办好民生实事
协商形式与时间:专题协商会、9月
3.推进全民健身
承办:县政协文史委
形式及时间:另行通知
"""
    draft = parse_published_text(text)
    a, b, c = draft.plan.topics
    assert a.preferred_months == [7] and _form_kind(draft, a) == "counterpart"
    assert _names(draft, a.lead_options, "c") == ["农业农村委"]
    assert _names(draft, a.departments, "d") == ["县农业农村局", "县科技局"]
    assert b.preferred_months == [9] and _form_kind(draft, b) == "special"
    # a value that does not cut in two is not guessed at: the label is reported, the topic keeps no month
    assert c.preferred_months == [] and any("形式及时间" in w for w in draft.warnings)


def test_a_table_ordered_by_a_merged_month_column_as_text():
    rows = [
        ["月份", "协商项目", "形式", "承办单位"],
        ["5月", "推进全民阅读", "对口协商", "县政协文史委"],
        ["", "做好侨务工作", "对口协商", "县政协港澳台侨委"],
    ]
    draft = parse_published_text("梧桐县政协2027年协商计划\n" + "\n".join(table_lines(rows)) + "\n")
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [("推进全民阅读", [5]), ("做好侨务工作", [5])]
    # a blank month further right is not filled from above: it is a topic with no month
    rows = [["序号", "议题", "形式", "承办单位", "时间"], ["1", "甲项工作", "对口协商", "县政协文史委", "5月"]]
    rows.append(["2", "乙项工作", "对口协商", "县政协文史委", ""])
    draft = parse_published_text("梧桐县政协2027年协商计划\n" + "\n".join(table_lines(rows)) + "\n")
    assert [t.preferred_months for t in draft.plan.topics] == [[5], []]


# -- kinds found by the blind set H39–H44 -------------------------------------------------------------


def test_a_paragraph_under_a_topic_heading_is_timed_by_its_meeting_clause():
    text = """梧桐县政协2027年协商计划
二、年度协商议题
(一)发展县域医疗服务
本议题由县政协教科卫体委承办,县卫健局参加。3月底前完成前期准备,拟于7月召开对口协商会。
"""
    draft = parse_published_text(text)
    (t,) = draft.plan.topics
    assert t.preferred_months == [7]  # the meeting's month, not the preparation's deadline


def test_month_and_committee_in_a_bracket_without_labels():
    text = """梧桐县政协2027年度协商议题
一、对口协商
●整治农村人居环境(下半年,县政协农业农村委)
●做好县志编纂(县政协文史委)
时间:9月
"""
    draft = parse_published_text(text)
    a, b = draft.plan.topics
    assert draft.plan.body == "梧桐县政协"
    assert (a.title, a.window) == ("整治农村人居环境", (7, 12))
    assert _names(draft, a.lead_options, "c") == ["农业农村委"]
    assert b.title == "做好县志编纂" and _names(draft, b.lead_options, "c") == ["文史委"]
