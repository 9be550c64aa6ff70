"""Kinds blind set 14 showed (B90 B91 B92), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.page_parts import drop_footnote_marks, set_aside_lines
from paperwork.time_phrases import parse_time

_rows = topic_rows


# -- one line per topic: a lenticular tag "【form·time】" after the title (B91) -------------------


def test_a_tag_of_form_and_time_after_the_title_gives_both():
    text = (
        "柳河区政协2026年度协商计划\n"
        "1.改善集镇供水管网【区政协主席会议协商·5月】\n"
        "牵头：城环委；部门：镇水务站 镇规划办 各村委会；领导：孔某某副主席。\n"
        "2.培育特色民宿集群【界别协商·3月调研→7月协商→11月视察】\n"
        "牵头：文旅委；部门：镇文化站 镇财政所。\n"
    )
    assert _rows(import_text(text).plan) == [
        (
            "改善集镇供水管网",
            "区政协主席会议协商",
            [5],
            ["城环委"],
            ["镇水务站", "镇规划办", "各村委会"],
            ["孔某某副主席"],
        ),
        ("培育特色民宿集群", "界别协商", [7], ["文旅委"], ["镇文化站", "镇财政所"], []),
    ]


def test_a_tag_holding_a_remark_stays_in_the_title():
    text = "某县政协2026年度协商计划\n1.推进山塘整治【重点·民生】\n时间：5月\n承办单位：县政协农委\n"
    (row,) = _rows(import_text(text).plan)
    assert row[0] == "推进山塘整治【重点·民生】"


def test_a_form_named_with_its_level_keeps_the_level_and_its_last_word():
    text = (
        "某市政协2026年度协商计划\n1.推动夜市规范发展\n协商形式：市政协主席会议协商\n时间：6月\n承办单位：市政协经济委\n"
        "（二）主席会议协商\n1.加强社区食堂建设\n时间：7月\n承办单位：市政协社法委\n"
    )
    forms = [r[1] for r in _rows(import_text(text).plan)]
    assert forms == ["市政协主席会议协商", "主席会议"]


# -- time: a chain of steps, with only the 协商 step timing the topic ------------------------------


def test_a_chain_of_steps_is_timed_by_its_consultation():
    assert parse_time("3月调研→8月协商→11月视察").months == [8]
    assert parse_time("6月（4月前期调研，10月跟踪视察）").months == [6]
    assert parse_time("6月（4月前期调研）").months == [6]
    assert parse_time("4月前期调研").deadline is None  # 前期 is the early stage, not "before April"
    # a bracket that is not only groundwork stays part of the phrase
    assert parse_time("6月（市委全会召开后）").months == [6]


# -- another year's plan on the same page; the notes under the plan (B90 B92) ---------------------


def test_another_years_plan_on_the_page_gives_no_topic():
    text = (
        "编者按：本页同时登载2026年度和2025年度协商计划。\n"
        "政协白沙市委员会2026年度协商计划\n"
        "1.提升城市绿道品质\n时间安排：5月\n承办单位：市政协城建委\n出席领导：副市长甘某\n"
        "政协白沙市委员会2025年度协商计划（已执行）\n"
        "1.整治背街小巷\n时间安排：8月\n承办单位：市政协城建委\n"
    )
    draft = import_text(text)
    assert [(r[0], r[5]) for r in _rows(draft.plan)] == [("提升城市绿道品质", ["副市长甘某"])]
    assert draft.plan.year == 2026
    assert {s.line for s in draft.skipped} >= {7, 8, 9, 10}


def test_notes_under_the_plan_and_their_markers_make_no_topics():
    text = (
        "某区政协2026年度协商计划\n"
        "1．推动旧厂房活化利用②\n（时间：9月；承办：区政协经科委；牵头领导：区政协副主席戴某）\n"
        "注：\n①本计划可根据工作需要调整。\n②该议题纳入“有事好商量”平台统一组织。\n"
    )
    draft = import_text(text)
    (row,) = _rows(draft.plan)
    assert (row[0], row[2], row[5]) == ("推动旧厂房活化利用", [9], ["区政协副主席戴某"])
    assert {s.line for s in draft.skipped} >= {4, 5, 6}


def test_set_aside_lines_and_footnote_marks():
    raws = ["2026年度协商计划", "1.甲", "注:", "①说明", "2025年度协商计划", "1.乙", "2026年度协商计划(续)", "2.丙"]
    assert set_aside_lines(raws, raws) == {3: "note", 4: "note", 5: "other_year", 6: "other_year"}
    assert drop_footnote_marks("推进“无废乡村”建设③") == "推进“无废乡村”建设"
    assert drop_footnote_marks("①本计划可调整") == "①本计划可调整"


# -- a 工作要点 of which one section is the plan (B92) ---------------------------------------------


def test_only_the_plan_section_of_a_work_summary_gives_topics():
    text = (
        "政协青禾区委员会2026年工作要点\n"
        "一、加强思想政治引领\n1．深化理论学习\n2．围绕“推进垃圾分类”开展专项民主监督。\n"
        "二、2026年度协商计划\n（一）区政协常委会议专题协商\n1．推进智慧农业示范园建设①\n"
        "（时间：6月（4月前期调研）；承办：区政协农委；协商部门：区农业农村局）\n"
        "（二）区政协对口协商\n1．加强社区托育服务\n（时间：8月；承办：区政协社法委；协商部门：区卫健局、区教育局）\n"
        "注：\n①该议题由区政协农委牵头调研。\n"
        "三、加强自身建设\n1．加强委员履职管理\n2．推进机关数字化办公\n"
    )
    assert _rows(import_text(text).plan) == [
        ("推进智慧农业示范园建设", "区政协常委会议专题协商", [6], ["农委"], ["区农业农村局"], []),
        ("加强社区托育服务", "区政协对口协商", [8], ["社法委"], ["区卫健局", "区教育局"], []),
    ]


def test_last_years_plan_above_this_years_is_set_aside_too():
    text = (
        "政协白沙市委员会2025年度协商计划（已执行）\n1.整治背街小巷\n时间安排：8月\n承办单位：市政协城建委\n"
        "政协白沙市委员会2026年度协商计划\n1.提升城市绿道品质\n时间安排：5月\n承办单位：市政协城建委\n"
    )
    draft = import_text(text)
    assert [r[0] for r in _rows(draft.plan)] == ["提升城市绿道品质"]
    assert draft.plan.year == 2026


def test_a_bulleted_title_with_a_tag_holding_its_committee():
    text = "某县政协2026年度协商计划\n● 推进山塘整治【对口协商｜9月｜县政协农委】\n协商部门：县水利局 县财政局\n"
    assert _rows(import_text(text).plan) == [
        ("推进山塘整治", "对口协商", [9], ["农委"], ["县水利局", "县财政局"], []),
    ]


def test_the_tag_may_be_in_other_brackets_and_parted_by_commas():
    for line in (
        "1.推进山塘整治（对口协商·9月）",
        "1.推进山塘整治〔对口协商·9月〕",
        "1.推进山塘整治【对口协商，4月调研，9月协商】",
    ):
        text = f"某县政协2026年度协商计划\n{line}\n承办单位：县政协农委\n"
        assert _rows(import_text(text).plan) == [("推进山塘整治", "对口协商", [9], ["农委"], [], [])], line


def test_numbered_sentences_under_a_note_head_are_notes():
    text = (
        "某县政协2026年度协商计划\n1.推进山塘整治\n时间：9月\n承办单位：县政协农委\n备注：与县水利局联合开展\n"
        "注：\n1.本计划根据工作需要可作调整。\n2.各专委会应提前一个月报送方案。\n"
    )
    draft = import_text(text)
    assert [r[0] for r in _rows(draft.plan)] == ["推进山塘整治"]
    assert {s.line for s in draft.skipped} >= {6, 7, 8}
    assert 5 not in {s.line for s in draft.skipped}  # 备注 is the topic's own field
