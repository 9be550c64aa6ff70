"""Whatever text comes in, the reader answers with a draft or a Chinese PaperworkError: never a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from paperwork import PaperworkError
from paperwork.importer import import_text
from paperwork.published_text import parse_published_text

# Pieces of real plans, shuffled and cut: headings, numbering, labels, times, names, junk.
PIECES = [
    "某市政协2024年度协商计划",
    "一、",
    "二、协商安排",
    "(一)",
    "(二)对口协商(2项)",
    "1.",
    "2、",
    "(3)",
    "①",
    "●",
    "-",
    "专题议政性常委会议",
    "全体会议",
    "推进甲项工作",
    "时间安排:",
    "协商时间∶",
    "承办单位︰",
    "协商部门:",
    "出席领导:",
    "参加人员:",
    "协商议题:",
    "5月",
    "7、8月份",
    "三至四月",
    "第二、三季度",
    "6月底前",
    "全会期间",
    "市委全会",
    "适时",
    "市发改委、市财政局",
    "市政府分管副市长",
    "副市长(分管农业、生态环境)",
    "由市政协经济委组织实施",
    "参加",
    "。",
    ",",
    "<p>",
    "</b>",
    "&nbsp;",
    "\t",
    " ",
    "\n",
    "\n\n",
    "首页 > 通知",
    "联系人:张某",
    "今年",
    "2025年1月2日",
    "(",
    ")",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_any_arrangement_of_plan_pieces_reads_or_is_refused_in_chinese(pieces):
    text = "".join(pieces)
    try:
        draft = import_text(text)
    except PaperworkError as err:
        assert err.issues and all(any("\u4e00" <= ch <= "\u9fff" for ch in i.message) for i in err.issues)
        return
    accounted = set(draft.line_roles) | {s.line for s in draft.skipped}
    assert all(i in accounted for i, line in enumerate(draft.lines, start=1) if line.strip() and _visible(line))
    assert len(draft.reports) == len(draft.plan.topics)


def _visible(line: str) -> bool:
    return any(ch.strip() for ch in line)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_reads_or_is_refused(text):
    try:
        parse_published_text(text)
    except PaperworkError:
        pass
