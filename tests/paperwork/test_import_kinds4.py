"""Kinds the blind sets showed the reader did not handle: PDFs not made by an office suite,
Roman-numeral numbering, a topic held twice a year. Each is tested on variants of our own.
"""

from __future__ import annotations

from paperwork.hanzi import plain_ideographs, to_simplified
from paperwork.importer import import_text
from paperwork.published_text import _roman_numbers
from paperwork.sources import _furniture, _made_by_office
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
