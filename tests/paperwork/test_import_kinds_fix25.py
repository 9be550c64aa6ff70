"""Kinds blind set 25 showed (B169–B176: plans inside other documents, plans that change), each tested
on invented examples of our own.

- a section per 承办 committee that counts its topics ("一、市政协农业委员会(2项)"): the committee leads
  every topic under it, the form is the one each topic's sentence names (B174);
- a form named in the sentence that no rule classifies ("开展民主监督性协商"): that name, whole — the
  shortest match stopped at its 监督 (B174);
- "——FORM N次:围绕“T1”(time,L牵头)、“T2”(time)…开展协商。" in a report's prose: one topic per quoted
  subject, the form before the count, each bracket's time and lead its own (B170);
- "以上协商活动,邀请…参加。" after the list: said of every topic, no field of the last one (B170).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text

# -- sections by 承办 committee with a count, form only in the sentence (B174) --------------------

_BY_COMMITTEE = "\n".join(
    [
        "政协青岑市委员会2026年度协商计划",
        "一、市政协农业和农村委员会（2项）",
        "1．推进茶产业全链条升级",
        "拟于6月召开双月协商座谈会，市农业农村局、市供销社参加，邀请副市长韦山出席。",
        "2．完善农村寄递物流体系",
        "9月底前开展民主监督性协商，市邮政管理局、市商务局参加。",
        "二、市政协文化文史委员会（1项）",
        "3．活化利用工业遗产",
        "拟于第三季度以专题协商会形式开展协商，市文旅局参加。",
        "三、工作要求",
        "各专委会要提前制定方案，报主席会议审定。",
    ]
)


def test_committee_sections_with_a_count_lead_their_topics_and_the_sentence_names_the_form():
    rows = topic_rows(import_text(_BY_COMMITTEE).plan)
    assert [r[0] for r in rows] == ["推进茶产业全链条升级", "完善农村寄递物流体系", "活化利用工业遗产"]
    assert [r[1] for r in rows] == ["双月协商", "民主监督性协商", "专题协商会"]  # a known form by its name
    assert [r[3] for r in rows] == [["农业和农村委员会"], ["农业和农村委员会"], ["文化文史委员会"]]
    assert rows[0][2] == [6] and rows[0][4] == ["市农业农村局", "市供销社"] and rows[0][5] == ["副市长韦山"]
    assert rows[1][4] == ["市邮政管理局", "市商务局"]


def test_a_supervision_consultation_named_in_a_sentence_is_one_form():
    from paperwork.published_text import form_in_text

    assert form_in_text("10月底前开展民主监督协商，市司法局参加。") == "民主监督协商"
    assert form_in_text("拟于5月开展民主监督性协商") == "民主监督性协商"
    assert form_in_text("会前开展民主监督，形成报告") == ""  # supervision alone names no consultation


# -- a report's "——FORM N次:" lines of quoted subjects with brackets (B170) ----------------------

_REPORT = "\n".join(
    [
        "政协岑川县委员会常务委员会工作报告",
        "一、2025年工作回顾",
        "　　6月，围绕“推进县城供热改造”召开专题协商会，县长出席。",
        "二、2026年工作安排",
        "　　（一）加强学习。全年开展委员读书活动。",
        "　　（二）做好协商议政。今年协商工作安排如下：",
        "　　——专题协商会2次：围绕“发展林下中药材种植”（4月，县政协农业委员会牵头）、"
        "“提升县域物流效率”（下半年，县政协经济委员会牵头）进行协商。",
        "　　——对口协商会2次：分别就“规范校外培训机构”（9月）、"
        "“加强山洪灾害防御”（适时，县政协人口资源环境委员会牵头）与县有关部门开展对口协商。",
        "　　以上协商活动，邀请县委、县政府领导和县有关部门负责同志参加。",
        "　　（三）强化民主监督。围绕“农村人居环境整治”开展专项民主监督。",
    ]
)


def test_quoted_subjects_each_with_its_bracket_after_a_form_and_count():
    draft = import_text(_REPORT)
    rows = topic_rows(draft.plan)
    assert [r[0] for r in rows] == ["发展林下中药材种植", "提升县域物流效率", "规范校外培训机构", "加强山洪灾害防御"]
    assert [r[1] for r in rows] == ["专题协商会", "专题协商会", "对口协商会", "对口协商会"]
    assert [r[2] for r in rows] == [[4], [], [9], []]
    assert [r[3] for r in rows] == [["农业委员会"], ["经济委员会"], ["待定"], ["人口资源环境委员会"]]
    # the line after the list speaks of all of them: nobody attends the last topic for it
    assert all(r[4] == [] and r[5] == [] for r in rows)
    assert draft.line_roles.get(9) == "正文(前言或结尾)"


def test_a_bracket_of_something_else_makes_no_list():
    from paperwork.prose_items import bracketed_quoted_items

    assert bracketed_quoted_items("印发“甲办法”（试行）、“乙细则”（修订）。") is None
    one = "围绕“推进县城供热改造”（6月，县政协城建委牵头）召开专题协商会。"
    assert bracketed_quoted_items(one) is None  # one subject: the sentence reads as it did


def test_a_report_reads_only_the_coming_years_consultation_item():
    draft = import_text(_REPORT)
    skipped = {s.line: s.reason for s in draft.skipped}
    # the review's consultation (held last year) and the other work items are set aside, by line
    assert 3 in skipped and 10 in skipped and "工作报告" in skipped[3]
    assert "推进县城供热改造" not in [t.title for t in draft.plan.topics]


# -- a 工作要点 whose consultation item lists its topics under form sub-headings (B169) -------------

_POINTS = "\n".join(
    [
        "政协梧溪市委员会2026年工作要点",
        "一、加强思想政治引领",
        "1．深化理论学习。3月启动委员读书活动。",
        "二、聚焦中心任务开展协商议政",
        "2．开好全体会议。1月召开市政协五届五次会议。",
        "3．精心组织重点协商。全年安排协商活动3项，具体如下：",
        "（一）专题议政性常委会议",
        "1．推进梧溪港扩能改造。时间：6月；承办：市政协经济委员会；协商部门：市交通局。",
        "（二）对口协商会",
        "2．完善城乡公交一体化。时间：8月；承办：市政协城建委；协商部门：市交通局。",
        "3．加强古树名木保护。时间：10月；承办：市政协农业委；协商部门：市林业局。",
        "4．深化基层协商。指导镇街开展“有事好商量”活动，年内适时召开现场推进会。",
        "三、增强民主监督实效",
        "5．开展集体视察。5月围绕“城区内涝治理”开展视察，由市政协城建委承办。",
    ]
)


def test_a_work_points_item_listing_topics_under_sub_headings_ends_at_the_parts_next_item():
    draft = import_text(_POINTS)
    rows = topic_rows(draft.plan)
    assert [r[0] for r in rows] == ["推进梧溪港扩能改造", "完善城乡公交一体化", "加强古树名木保护"]
    assert [r[2] for r in rows] == [[6], [8], [10]]
    skipped = {s.line for s in draft.skipped}
    assert {3, 5, 12, 14} <= skipped  # 学习, the plenary, 基层协商 (the part's item 4), 视察


# -- a notice whose other attachment is no consultation plan (B171, B176) --------------------------

_NOTICE = "\n".join(
    [
        "关于印发《政协桐岗县委员会2026年度协商计划》和《2026年度县政协重点视察安排》的通知",
        "各乡镇人民政府，县直各单位：",
        "现将两个文件印发给你们，请认真落实。",
        "附件：1．政协桐岗县委员会2026年度协商计划",
        "　　　2．2026年度县政协重点视察安排",
        "政协桐岗县委员会办公室",
        "2026年3月2日",
        "附件1",
        "政协桐岗县委员会2026年度协商计划",
        "一、专题协商会",
        "1．推进县城燃气管网改造",
        "时间：5月；承办：县政协城建委；协商部门：县住建局。",
        "2．发展山地特色农业",
        "时间：9月；承办：县政协农业委；协商部门：县农业农村局。",
        "附件2",
        "2026年度县政协重点视察安排",
        "1．县城燃气管网改造进展",
        "时间：4月；承办：县政协城建委；视察单位：县住建局。",
        "2．义务教育薄弱学校改造",
        "时间：10月；承办：县政协教科卫体委；视察单位：县教育局。",
        "抄送：县委办公室，县政府办公室。",
    ]
)


def test_a_notices_other_attachment_that_names_no_consultation_gives_nothing():
    draft = import_text(_NOTICE)
    assert [r[0] for r in topic_rows(draft.plan)] == ["推进县城燃气管网改造", "发展山地特色农业"]
    skipped = {s.line: s.reason for s in draft.skipped}
    assert all("附件" in skipped[n] for n in range(15, 21))
    assert 21 not in skipped or "附件" not in skipped[21]  # the notice's own foot is not the annex's


def test_attachments_that_all_name_consultation_are_all_read():
    from paperwork.page_parts import other_attachment_lines

    lines = ["附件1", "2026年度专题协商计划", "1．甲", "附件2", "2026年度对口协商计划", "1．乙"]
    assert other_attachment_lines(lines) == set()
    assert other_attachment_lines(["附件：1．甲计划", "2．乙安排", "1．丙"]) == set()


# -- 主席会议纪要: only the item that fixes the consultation topics (B175) --------------------------

_MINUTES = "\n".join(
    [
        "政协柘源区委员会",
        "主席会议纪要",
        "2026年3月5日，区政协主席主持召开主席会议。现纪要如下：",
        "一、会议传达学习了区委全会精神，要求6月底前完成专题调研。",
        "二、会议审议通过《政协柘源区委员会2026年度协商计划》，确定以下协商议题：",
        "（一）专题协商会（1项）",
        "1．推进老旧厂区更新利用（6月；承办：区政协经济委；协商部门：区发改局）",
        "（二）对口协商（1项）",
        "2．加强校园食品安全（9月；承办：区政协教科卫体委；协商部门：区教育局、区市场监管局）",
        "三、会议决定组织委员视察2次：4月视察“城区河道整治”，10月视察“农村公路养护”，由区政协城建委承办。",
        "四、会议研究确定了重点提案，由区政协主席督办，9月底前完成。",
        "出席：甲乙　丙丁",
        "分送：区政协各专委会。",
    ]
)


def test_minutes_read_only_the_item_that_fixes_the_topics():
    draft = import_text(_MINUTES)
    rows = topic_rows(draft.plan)
    assert [r[0] for r in rows] == ["推进老旧厂区更新利用", "加强校园食品安全"]
    assert [r[2] for r in rows] == [[6], [9]]
    skipped = {s.line: s.reason for s in draft.skipped}
    assert {4, 10, 11} <= set(skipped) and "会议纪要" in skipped[10]


# -- a plan with its own 补充调整 part (B172) --------------------------------------------------------

_AMENDED = "\n".join(
    [
        "政协榴川市委员会2026年度协商工作计划",
        "（2026年2月主席会议通过　2026年7月补充调整）",
        "一、专题协商会",
        "1．提升城市公园服务品质",
        "时间：5月；承办：市政协城建委；协商部门：市园林局",
        "2．推进预制菜产业发展",
        "时间：6月；承办：市政协经济委；协商部门：市农业农村局",
        "二、对口协商会",
        "3．加强老年人防诈骗宣传",
        "时间：8月；承办：市政协社会法制委；协商部门：市公安局",
        "4．完善公共法律服务网络",
        "时间：10月；承办：市政协社会法制委；协商部门：市司法局",
        "三、补充调整",
        "经7月主席会议研究，对本计划作如下调整：",
        "1．第2项时间调整为第四季度。",
        "2．取消第3项。",
        "3．增加一项：“发展银发旅游”，列入专题协商会，",
        "时间：9月；承办：市政协文史委；协商部门：市文旅局。",
        "4．第4项承办单位调整为市政协港澳台侨委员会。",
        "调整后，全年协商活动为4项。",
    ]
)


def test_a_plans_own_amendments_give_the_plan_as_it_stands_after_them():
    draft = import_text(_AMENDED)
    rows = topic_rows(draft.plan)
    assert [r[0] for r in rows] == [
        "提升城市公园服务品质",
        "推进预制菜产业发展",
        "完善公共法律服务网络",
        "发展银发旅游",
    ]
    assert rows[1][2] == []  # a quarter: the window, no single month
    assert rows[2][3] == ["港澳台侨委员会"]
    assert rows[3][1] == "专题协商会" and rows[3][2] == [9] and rows[3][4] == ["市文旅局"]
    skipped = {s.line: s.reason for s in draft.skipped}
    assert {9, 10} <= set(skipped) and "取消" in skipped[9]
    assert "补充调整" in draft.warnings[0] and "第 3 项" in draft.warnings[0]
    report = {r.title: r for r in draft.reports}
    time_src = next(s for s in report["推进预制菜产业发展"].sources if s.field == "time")
    assert time_src.lines == (15,)  # the moved time cites the change, not the old "6月"


def test_a_change_the_reader_cannot_read_is_listed_not_applied():
    text = _AMENDED.replace("4．第4项承办单位调整为市政协港澳台侨委员会。", "4．第4项与第1项合并召开。")
    draft = import_text(text)
    assert [r[3] for r in topic_rows(draft.plan)][2] == ["社会法制委"]
    assert any(s.line == 19 and "未能读出" in s.reason for s in draft.skipped)
