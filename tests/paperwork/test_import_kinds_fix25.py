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
