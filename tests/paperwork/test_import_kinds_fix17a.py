"""Kinds blind set 17 showed (B105), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.relayout import duty_sentence_kinds, title_sentence_paragraphs

_rows = topic_rows


# -- "（一）TITLE。拟于T召开，由L承办，A、B参加，X出席。" in one paragraph (B105) ----------------------


def test_a_duty_sentence_is_made_of_duty_clauses_in_any_order():
    assert duty_sentence_kinds("拟于5月召开，由市政协经济委员会承办，市发改委、市商务局参加，副市长甲出席。") == {
        "time",
        "lead",
        "departments",
        "leaders",
    }
    assert duty_sentence_kinds("以座谈会形式进行，由县政协文史委负责组织，计划于第三季度举行。") == {
        "form",
        "lead",
        "time",
    }
    # a remit inside brackets does not cut the clause
    assert duty_sentence_kinds("县水利局参加，邀请副县长（分管水利、农业）出席") == {"departments", "leaders"}
    # one kind alone, or a clause of anything else, is prose
    assert duty_sentence_kinds("拟于6月召开。") is None
    assert duty_sentence_kinds("协商成果于会后7个工作日内报送，由市政协办公室统筹协调。") is None
    assert duty_sentence_kinds("各承办委员会要于会前一个月制定方案，由县政协办公室牵头。") is None


def test_title_then_duty_sentence_paragraphs_are_split_whatever_the_verbs():
    lines = [
        "1、完善溪岚县山区供水保障。由县政协农业农村委员会承办，县水利局参加，拟于第三季度举行。",
        "2、推进溪岚茶旅融合。计划于4月开展，县文旅局、县农业农村局配合，邀请县政协副主席甲出席。",
        "3、强化责任落实。各承办委员会要于会前一个月制定方案。",
    ]
    assert title_sentence_paragraphs(lines) == [
        "1、完善溪岚县山区供水保障",
        "由县政协农业农村委员会承办，县水利局参加，拟于第三季度举行。",
        "2、推进溪岚茶旅融合",
        "计划于4月开展，县文旅局、县农业农村局配合，邀请县政协副主席甲出席。",
        "3、强化责任落实。各承办委员会要于会前一个月制定方案。",
    ]
    assert title_sentence_paragraphs(lines[:1]) == lines[:1]  # one alone is more likely prose


_NEWS_PAGE = """关于印发《政协澄岭市委员会2026年度协商工作计划》的通知
政协澄岭市委员会2026年度协商工作计划
一、专题议政性常委会议
（一）推动澄岭临空经济区扩能升级。拟于6月召开，由市政协经济委员会承办，市发展改革委、市商务局、澄岭空港集团参加，副市长邵启明、市政协副主席聂文澜出席。
（二）加强澄河上游水源地保护。由市政协人口资源环境委员会承办，拟于10月上旬举行，市生态环境局、市水利局、各县（市、区）人民政府参加，副市长（分管生态环境、水利）出席。
二、对口协商
（一）优化城区公交线网布局。以座谈会形式进行，由市政协社会和法制委员会承办，市交通运输局参加，计划于第二季度开展。
（二）推进中小学体育场馆开放。计划于7月开展，由市政协教科卫体委员会承办，市教育局、市体育局参加，市政协副主席聂文澜出席。
三、工作要求
（一）加强统筹协调。各承办委员会要制定实施方案，由市政协办公室统筹安排。
（二）注重成果运用。协商意见于会后10个工作日内报送市委、市政府。
"""


def test_a_news_page_plan_with_each_topic_and_its_duty_sentence_in_one_paragraph():
    rows = _rows(import_text(_NEWS_PAGE).plan)
    assert rows == [
        (
            "推动澄岭临空经济区扩能升级",
            "专题议政性常委会议",
            [6],
            ["经济委员会"],
            ["市发展改革委", "市商务局", "澄岭空港集团"],
            ["副市长邵启明", "市政协副主席聂文澜"],
        ),
        (
            "加强澄河上游水源地保护",
            "专题议政性常委会议",
            [10],
            ["人口资源环境委员会"],
            ["市生态环境局", "市水利局", "各县(市、区)人民政府"],
            ["副市长(分管生态环境、水利)"],
        ),
        ("优化城区公交线网布局", "对口协商", [], ["社会和法制委员会"], ["市交通运输局"], []),
        (
            "推进中小学体育场馆开放",
            "对口协商",
            [7],
            ["教科卫体委员会"],
            ["市教育局", "市体育局"],
            ["市政协副主席聂文澜"],
        ),
    ]
    plan = import_text(_NEWS_PAGE).plan
    assert next(t for t in plan.topics if t.title == "优化城区公交线网布局").window == (4, 6)
