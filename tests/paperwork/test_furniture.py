"""What is and is not a page number alone on its line (paperwork.furniture), and where a bare number is one."""

from __future__ import annotations

import pytest

from paperwork.aligned_table import aligned_table
from paperwork.furniture import MARKED_PAGE_NUMBER, PAGE_FRACTION, PAGE_NUMBER
from paperwork.hard_wrap import page_furniture

# line → (a marked page number, a fraction, a page number where a bare number is one too)
CASES = {
    # page numbers
    "— 1 —": (True, False, True),
    "- 2 -": (True, False, True),
    "-3-": (True, False, True),
    "－ 12 －": (True, False, True),
    "―7―": (True, False, True),
    "·4·": (True, False, True),
    "  — 23 —  ": (True, False, True),
    "第 3 页 共 5 页": (True, False, True),
    "第3页": (True, False, True),
    "第3页，共5页": (True, False, True),
    "第3页/共5页": (True, False, True),
    "共5页 第3页": (True, False, True),
    "Page 2 of 7": (True, False, True),
    "page 2": (True, False, True),
    "PAGE 2 OF 7": (True, False, True),
    "3/5": (False, True, True),
    "3 / 5": (False, True, True),
    # a bare number: a page's only outside running text (a table's gap, a PDF page's edge)
    "2": (False, False, True),
    " 12 ": (False, False, True),
    # never a page number
    "1.": (False, False, False),
    "1、": (False, False, False),
    "1.推进某某产业发展": (False, False, False),
    "2026年": (False, False, False),
    "2026": (False, False, False),  # a year's four digits: no plan has a thousand pages
    "3月": (False, False, False),
    "（一）": (False, False, False),
    "(1)": (False, False, False),
    "5个": (False, False, False),
    "共5个部门": (False, False, False),
    "第3项": (False, False, False),
    "第三页": (False, False, False),
    "—— 专题协商会 ——": (False, False, False),
    "-3-5月": (False, False, False),
    "2026/3/5": (False, False, False),
    "3/5月": (False, False, False),
    "· 市发改委": (False, False, False),
    "": (False, False, False),
}


@pytest.mark.parametrize(("line", "want"), list(CASES.items()), ids=[repr(x) for x in CASES])
def test_what_is_a_page_number(line: str, want: tuple[bool, bool, bool]):
    got = (bool(MARKED_PAGE_NUMBER.match(line)), bool(PAGE_FRACTION.match(line)), bool(PAGE_NUMBER.match(line)))
    assert got == want


def test_in_running_text_a_bare_number_is_no_page_number():
    lines = ["推进某某产业发展", "2", "时间：6月", "— 2 —", "优化某某营商环境", "3", "时间：9月", "— 3 —"]
    assert page_furniture(lines) == {3, 7}


def test_a_fraction_in_running_text_is_a_page_number_only_when_there_are_several():
    assert page_furniture(["某某议题", "1/2", "时间：6月"]) == set()
    assert page_furniture(["某某议题", "1/2", "时间：6月", "另一议题", "2/2"]) == {1, 4}


# a space-aligned table (pdftotext -layout) cut by a page break: the page's number alone between two
# rows is dropped, a row's own number (on its line with the row's first cells) is read as the 序号
_ALIGNED = [
    "序号  协商议题        协商形式    时间   牵头单位",
    "1     推动甲乙丙产业  专题协商会  6月    区政协经济委",
    "      提档升级",
    "",
    "                       2",
    "",
    "2     优化丁戊营商    对口协商    9月    区政协社法委",
    "      环境",
    "                     － 3 －",
    "3     建设己庚生态    专题协商会  10月   区政协人资环委",
    "      廊道",
]


def test_a_page_number_between_the_rows_of_an_aligned_table_is_dropped():
    found = aligned_table(_ALIGNED, 0)
    assert found is not None
    rows, end = found
    assert end == len(_ALIGNED)
    assert [r[:2] for r in rows[1:]] == [
        ["1", "推动甲乙丙产业提档升级"],
        ["2", "优化丁戊营商环境"],
        ["3", "建设己庚生态廊道"],
    ]
