"""Kinds blind set 13 showed (B83 …), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork.importer import import_text
from paperwork.published_text import _is_form_name, _is_leader
from paperwork.relayout import title_sentence_paragraphs


def _rows(plan):
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    depts, leaders = plan.department_by_id(), plan.leader_by_id()
    return [
        (
            t.title,
            forms[t.form].name,
            t.preferred_months,
            [comms[c].name for c in t.lead_options],
            [depts[d].name for d in t.departments],
            [leaders[x].name for x in t.leaders],
        )
        for t in plan.topics
    ]


# -- a 党组 请示: "（一）TITLE。拟于5月召开，由L牵头，A、B参加，邀请X出席。" in one paragraph (B83) ------

_REQUEST = """中共青梧市政协党组关于2026年度协商工作计划的请示
市委：
现将2026年度协商工作计划报告如下：
一、全体会议协商
市政协九届四次会议期间，围绕市政府工作报告开展协商讨论。会议时间待市委全会后另行报批。
二、专题议政性常委会议协商
全年拟召开2次专题议政性常委会议，围绕中心工作开展协商议政。
（一）推动青梧港口物流提质增效。拟于6月召开，由市政协经济委员会牵头，市交通运输局、市商务局参加，邀请副市长（分管交通、商务）罗安平，市政协副主席魏宁出席。
（二）加强梧溪流域水环境治理。由市政协人口资源环境委员会牵头，市生态环境局、市水利局参加，10月中旬召开。
三、“青梧议事厅”协商
（一）改善老旧小区停车秩序。由市政协社会法制委员会牵头，市公安局、市城市管理局参加，视情适时开展，邀请市政府副秘书长（联系城管、公安）邱明出席。
四、有关工作要求
（一）加强统筹。年度计划由市政协办公室牵头，各专门委员会参加，确保有序开展。
以上请示妥否，请批示。
"""


def test_title_sentence_paragraphs_are_split_at_the_titles_full_stop():
    lines = [
        "（一）推进甲乙丙协同发展。由市政协经济委员会牵头，市发展改革委参加，5月召开。",
        "（二）建设丁戊生态走廊。拟于9月召开，由市政协人口资源环境委员会牵头，市林业局参加。",
        "全年安排2次会议。",
    ]
    assert title_sentence_paragraphs(lines) == [
        "（一）推进甲乙丙协同发展",
        "由市政协经济委员会牵头，市发展改革委参加，5月召开。",
        "（二）建设丁戊生态走廊",
        "拟于9月召开，由市政协人口资源环境委员会牵头，市林业局参加。",
        "全年安排2次会议。",
    ]
    # one such paragraph alone is a work requirement's prose more likely than a plan: left as it is
    assert title_sentence_paragraphs(lines[:1]) == lines[:1]


def test_a_party_group_request_with_topics_told_in_their_own_paragraph():
    rows = _rows(import_text(_REQUEST).plan)
    assert rows == [
        (
            "推动青梧港口物流提质增效",
            "专题议政性常委会议",
            [6],
            ["经济委员会"],
            ["市交通运输局", "市商务局"],
            ["副市长(分管交通、商务)罗安平", "市政协副主席魏宁"],
        ),
        (
            "加强梧溪流域水环境治理",
            "专题议政性常委会议",
            [10],
            ["人口资源环境委员会"],
            ["市生态环境局", "市水利局"],
            [],
        ),
        (
            "改善老旧小区停车秩序",
            "“青梧议事厅”协商",
            [],
            ["社会法制委员会"],
            ["市公安局", "市城市管理局"],
            ["市政府副秘书长(联系城管、公安)邱明"],
        ),
    ]


def test_a_leader_with_a_bracketed_remit_between_post_and_name():
    assert _is_leader("副市长(分管交通、商务)罗安平")
    assert _is_leader("市政府副秘书长（联系城管、公安）邱明")
    assert not _is_leader("市行政审批服务局(市政务服务中心、市数据局)")


def test_a_quoted_platform_named_after_a_hall_is_a_form():
    assert _is_form_name("“青梧议事厅”协商")
    assert _is_form_name("“请你来协商”平台协商")
    assert not _is_form_name("市政协办公厅协商")


def test_a_party_group_request_is_the_bodys_own_plan():
    assert import_text(_REQUEST).plan.body == "青梧市政协"
