"""Kinds the blind sets showed the reader did not handle: PDFs not made by an office suite,
Roman-numeral numbering, a topic held twice a year. Each is tested on variants of our own.
"""

from __future__ import annotations

from paperwork.hanzi import plain_ideographs, to_simplified
from paperwork.importer import import_text
from paperwork.published_text import _roman_numbers, committee_key
from paperwork.sources import _furniture, _made_by_office, table_lines
from paperwork.time_phrases import parse_time

# -- a browser's PDF: radicals for characters, page header and footer ---------------------------


def test_radicals_a_browser_pdf_gives_are_read_as_the_characters():
    # U+2F49 KANGXI RADICAL MOON, U+2ED4 CJK RADICAL C-SIMPLIFIED GATE, U+2ED8 CJK RADICAL BLUE
    assert (
        plain_ideographs("时间安排:5\u2f49 协商部\u2ed4:\u2ed8岚市\u2ea0政局") == "时间安排:5月 协商部门:青岚市民政局"
    )
    assert to_simplified("\u2ecb辆") == "车辆"
    assert plain_ideographs("Ⅰ、①1.") == "Ⅰ、①1."  # numbering is not a radical


def test_browser_header_footer_and_page_numbers_are_furniture():
    page1 = [
        (769.5, "12/1/26, 6:34 AM 某市政协2026年度协商计划"),
        (752, "某市政协2026年度协商计划"),
        (734, "一、对口协商"),
        (40, "时间安排:5月"),
        (17.3, "file:///tmp/plan.html 1/2"),
    ]
    page2 = [
        (769.5, "12/1/26, 6:34 AM 某市政协2026年度协商计划"),
        (752, "2.推进X"),
        (734, "时间安排:6月"),
        (17.3, "file:///tmp/plan.html 2/2"),
    ]
    drop = _furniture([page1, page2])
    assert drop[0] == ["12/1/26, 6:34 AM 某市政协2026年度协商计划", "file:///tmp/plan.html 1/2"]
    assert drop[1] == ["12/1/26, 6:34 AM 某市政协2026年度协商计划", "file:///tmp/plan.html 2/2"]
    # one page: the print time, the address and page numbers of every usual shape
    for row in (
        "2026/12/1 下午3:05 计划",
        "https://www.example.gov.cn/a.html",
        "- 3 -",
        "第 2 页 共 5 页",
        "3/7",
        "Page 2 of 4",
    ):
        assert _furniture([[(780, row), (700, "一、对口协商"), (600, "1.推进X")]])[0] == [row]
    # the document's own title on the first page only is not furniture; a repeated running head is
    one = [(780, "某市政协2026年度协商计划"), (760, "一、对口协商"), (700, "1.推进X"), (680, "时间安排:5月")]
    two = [(780, "2.推进Y"), (760, "时间安排:6月"), (700, "3.推进Z"), (680, "时间安排:7月")]
    assert _furniture([one, two]) == [[], []]
    head = [(800, "某市政协文件"), *one]
    assert _furniture([head, [(800, "某市政协文件"), *two]]) == [["某市政协文件"], ["某市政协文件"]]


def test_only_office_suites_are_trusted_for_text_order():
    class R:
        def __init__(self, meta):
            self.metadata = meta

    assert _made_by_office(R({"/Producer": "LibreOffice 7.4"}))
    assert _made_by_office(R({"/Creator": "Microsoft® Word 2016"}))
    assert _made_by_office(R(None))  # no word on it: read as before
    assert not _made_by_office(R({"/Producer": "Skia/PDF m156", "/Creator": "HeadlessChrome"}))
    assert not _made_by_office(R({"/Producer": "ReportLab PDF Library"}))


# -- Roman numerals -----------------------------------------------------------------------------


def test_roman_numerals_take_the_level_they_hold_in_the_document():
    top = _roman_numbers(["计划", "I、对口协商", "1.推进X", "II.双月协商座谈会", "1.推进Y"])
    assert top == ["计划", "一、对口协商", "1.推进X", "二、双月协商座谈会", "1.推进Y"]
    items = _roman_numbers(["一、对口协商", "I.推进X", "时间安排:5月", "II、推进Y"])
    assert items == ["一、对口协商", "1.推进X", "时间安排:5月", "2.推进Y"]
    sections = _roman_numbers(["一、对口协商", "III.经济领域", "1.推进X", "IV.社会领域", "1.推进Y"])
    assert sections == ["一、对口协商", "(三)经济领域", "1.推进X", "(四)社会领域", "1.推进Y"]
    # an English word or a model name is not a number
    assert _roman_numbers(["VI系统升级", "I.Introduction"]) == ["VI系统升级", "I.Introduction"]


def test_roman_item_numbers_under_form_headings_are_topics():
    text = (
        "某县政协2026年度协商计划\n一、对口协商\nⅠ.加强河道治理\n时间安排:5月 牵头单位:县政协城建委 协商部门:县水利局\n"
        "Ⅱ.促进乡村旅游\n时间安排:8月 牵头单位:县政协文史委 协商部门:县文旅局\n二、双月协商座谈会\n"
        "Ⅰ.推进教育均衡\n时间安排:9月 牵头单位:县政协教科卫体委 协商部门:县教育局\n"
    )
    plan = import_text(text).plan
    forms = plan.form_by_id()
    assert [(t.title, forms[t.form].name, t.preferred_months) for t in plan.topics] == [
        ("加强河道治理", "对口协商", [5]),
        ("促进乡村旅游", "对口协商", [8]),
        ("推进教育均衡", "双月协商座谈会", [9]),
    ]


# -- a topic held twice a year ------------------------------------------------------------------


def test_quarters_apart_are_their_months_not_the_ones_between():
    assert parse_time("一季度、三季度各一次").months == [1, 2, 3, 7, 8, 9]
    assert parse_time("第二、四季度").months == [4, 5, 6, 10, 11, 12]
    # neighbours stay one window, read as vague
    r = parse_time("第二、三季度")
    assert (r.months, r.window) == ([], (4, 9))
    assert parse_time("第一至三季度").window == (1, 9)


def test_both_halves_of_the_year_are_the_whole_year():
    assert parse_time("上半年、下半年各召开一次").window == (1, 12)
    assert parse_time("下半年").window == (7, 12)
    assert parse_time("4月和10月各开展一次").months == [4, 10]


def test_a_topic_held_in_each_half_or_quarter_spans_the_year():
    for text in ("上、下半年各一次", "上下半年各召开1次", "每半年一次", "每季度开展一次"):
        r = parse_time(text)
        assert (r.months, r.window) == ([], (1, 12)), text


# -- kinds blind set 5 (B49–B56) showed, on variants of our own ---------------------------------


def _read(text):
    plan = import_text(text).plan
    forms, comms = plan.form_by_id(), plan.committee_by_id()
    return [
        (t.title, forms[t.form].name, t.preferred_months, t.window, [comms[c].name for c in t.lead_options])
        for t in plan.topics
    ]


def test_a_topic_held_on_each_occasion_is_one_topic_per_occasion():
    rows = _read(
        "某县政协2026年度协商计划\n一、对口协商\n1.加强河道保洁\n时间安排:5月和10月各召开1次\n牵头单位:县政协城建委\n"
        "2.规范校外培训\n时间安排:上、下半年各一次\n牵头单位:县政协教科卫体委\n"
    )
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("加强河道保洁", [5], None),
        ("加强河道保洁", [10], None),
        ("规范校外培训", [], (1, 6)),
        ("规范校外培训", [], (7, 12)),
    ]


def test_bracketed_labels_and_a_time_before_the_title():
    rows = _read(
        "某市政协2026年度协商计划\n一、专题协商会(2项)\n1.〔6月上旬〕提升社区养老水平\n〔承办单位〕市政协社会法制委\n"
        "2.【三季度】发展夜间经济\n【承办单位】市政协经济委\n二、网络议政(1项)\n3.〔10月〕优化公交站点\n牵头:市政协城建委\n"
    )
    assert [(r[0], r[1], r[2] or r[3]) for r in rows] == [
        ("提升社区养老水平", "专题协商会", [6]),
        ("发展夜间经济", "专题协商会", (7, 9)),
        ("优化公交站点", "网络议政", [10]),  # a form name the reader does not know, under a count
    ]


def test_a_title_cut_after_a_comma_goes_on_on_the_next_line():
    rows = _read(
        "某市政协2026年度协商计划\n一、对口协商\n1.〔9月〕加快老旧小区改造,\n  完善社区配套设施\n  牵头:市政协城建委\n"
    )
    assert rows[0][0] == "加快老旧小区改造,完善社区配套设施"


def test_a_legend_of_codes_names_the_forms_a_table_uses():
    text = (
        "某市政协2026年度协商计划\n形式代码:A—专题议政性常委会议;B—对口协商;C—网络议政\n"
        "序号\t协商议题\t形式\t时间\t承办单位\n1\t推进智慧农业\tB\t5月\t市政协农业农村委\n2\t发展低空经济\tA\t7月\t市政协经济委\n"
    )
    assert [r[1] for r in _read(text)] == ["对口协商", "专题议政性常委会议"]


def test_a_month_matrix_reads_the_ticked_months_only():
    lines = table_lines(
        [
            ["序号", "协商议题", "牵头单位", "3月", "4月", "5月", "6月"],
            ["1", "推进智慧农业", "市政协农业农村委", "△", "✓", "", ""],
            ["2", "发展低空经济", "市政协经济委", "", "✓", "", "✓"],
        ]
    )
    assert "时间安排:4月" in lines and "时间安排:4月、6月各一次" in lines
    assert not any("△" in x for x in lines)


def test_a_topics_own_field_table_and_committee_headings_as_lead():
    lines = [
        "某市政协2026年度协商计划",
        "(一)市政协农业农村委员会",
        "1.推进智慧农业",
        *table_lines([["协商形式", "时间安排", "协商部门"], ["对口协商", "5月", "市农业农村局、市科技局"]]),
    ]
    plan = import_text("\n".join(lines)).plan
    t = plan.topics[0]
    assert plan.form_by_id()[t.form].name == "对口协商" and t.preferred_months == [5]
    assert [committee_key(plan.committee_by_id()[c].name) for c in t.lead_options] == ["农业农村委"]
    assert [plan.department_by_id()[d].name for d in t.departments] == ["市农业农村局", "市科技局"]


def test_a_prose_summary_and_its_attachment_table_give_each_topic_once():
    text = (
        "某市政协2026年度协商计划\n二、协商议题安排\n(一)对口协商2项。围绕“推进智慧农业”“发展低空经济”开展对口协商,时间分别为5月、7月。\n"
        "三、工作要求\n1.各专委会要先调研后协商。\n附件:协商议题安排表\n"
        + "\n".join(
            table_lines(
                [
                    ["序号", "议题", "协商形式", "时间", "牵头专委会", "协商部门"],
                    ["1", "推进智慧农业", "对口协商", "5月", "市政协农业农村委", "市农业农村局"],
                    ["2", "发展低空经济", "对口协商", "7月", "市政协经济委", "市发改委"],
                ]
            )
        )
    )
    rows = _read(text)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("推进智慧农业", [5], ["农业农村委"]),
        ("发展低空经济", [7], ["经济委"]),
    ]


def test_emoji_numbers_icons_and_rules_of_a_wechat_article():
    text = (
        "某区政协2026年度协商计划\n🔶对口协商（2场）\n1️⃣推进智慧\n农业\n⏰时间：5月\n🏢承办：区政协农业农村委\n"
        "2️⃣发展低空经济\n⏰时间：7月\n🏢承办：区政协经济委\n👤出席：分管副区长\n━━━━━━\n"
        "📌此外，各专委会还将结合实际，适时开展调研。\n"
    )
    rows = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("推进智慧农业", "对口协商", [5]), ("发展低空经济", "对口协商", [7])]


def test_a_ditto_cell_repeats_the_cell_above():
    lines = table_lines(
        [
            ["序号", "议题", "形式", "承办单位"],
            ["1", "推进智慧农业", "对口协商", "市政协农业农村委"],
            ["2", "发展低空经济", "同上", "市政协经济委"],
            ["3", "加强河道保洁", "〃", "同上"],
        ]
    )
    assert lines.count("协商形式:对口协商") == 3 and lines.count("承办部门:市政协经济委") == 2
