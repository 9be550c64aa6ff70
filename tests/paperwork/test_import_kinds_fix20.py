"""Kinds blind set 20 showed (B130, B132, B134, B135), each tested on invented examples of our own.

- an unnumbered title (a web page's nested list lost its numbers) ending in its form in 【】 〔〕 or []:
  the tag is the topic's form, not part of its title; a quarter heading above gives its months to the
  topics without a time of their own (B130);
- "一、TITLE" with its labelled field lines right below, in a plan with no form headings: a topic,
  not a part heading whose lines are prose (B132);
- a topic held in rounds, "第一阶段 调研:4月" / "第二阶段 协商:6月" / "第三阶段 视察:9月" under one title:
  one topic (the plan counts the rounds once) held in the consultation step's month — the research
  before it and the inspection after are its groundwork and follow-up (先调研后协商), kept as notes;
  B132's author wrote every round's month, a convention we do not follow (B132);
- "时间5 月" "时间第二季度": a time label run straight into its time, "协商部门 X": a long label one
  space before its value (B124's kinds, met on the way: reading B132's "一、TITLE" topics read B124's too);
- "附:联络员名单" after the last topic: an annex heading, never the tail of the last field (B132, B135);
- topics numbered "〔n〕TITLE。时间:…;承办:…" are items, not footnotes giving fields; a browser's
  page set in two narrow text columns wraps its lines more raggedly, and a line ending in ";" runs on
  into the next field's label (B134).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.sources import _positioned_lines

# -- a trailing form tag on an unnumbered title, under quarter headings (B130) ------------------

_NESTED_LIST_PAGE = """<html><body><h2>政协溪桥市委员会2026年协商工作安排</h2>
<p>今年协商议题按季度安排如下：</p>
<ol><li><b>第三季度</b><ol>
<li>优化营商环境助力民营经济【专题议政性常委会议】<ul><li>时间：7月</li><li>牵头：市政协经济委员会</li>
<li>协商部门：市发展改革委、市市场监管局</li><li>邀请领导：常务副市长</li></ul></li>
<li>推进老旧小区加装电梯【对口协商】<ul><li>牵头：市政协城建委员会</li>
<li>协商部门：市住房城乡建设局</li><li>邀请领导：分管副市长</li></ul></li>
<li>完善社区养老服务网络【界别协商】<ul><li>时间：9月</li><li>牵头：市政协社会福利界</li>
<li>协商部门：市民政局</li><li>邀请领导：市政协副主席钱朗</li></ul></li>
</ol></li>
<li><b>第四季度</b><ol>
<li>加强湿地生态保护【专题协商会】<ul><li>牵头：市政协人口资源环境委员会</li>
<li>协商部门：市生态环境局、市林业局</li><li>邀请领导：市政协副主席钱朗</li></ul></li>
</ol></li></ol></body></html>"""


def test_form_tags_after_unnumbered_titles_in_a_nested_list_under_quarter_headings():
    plan = import_document("溪桥市协商安排.html", _NESTED_LIST_PAGE.encode("utf-8")).plan
    rows = topic_rows(plan)
    assert [r[0] for r in rows] == [
        "优化营商环境助力民营经济",
        "推进老旧小区加装电梯",
        "完善社区养老服务网络",
        "加强湿地生态保护",
    ]
    assert [r[1] for r in rows] == ["专题议政性常委会议", "对口协商", "界别协商", "专题协商会"]
    assert [r[3] for r in rows] == [["经济委员会"], ["城建委员会"], ["社会福利界"], ["人口资源环境委员会"]]
    assert rows[1][5] == ["分管副市长"] or "分管副市长" in rows[1][5][0]  # nothing of the next title glued on
    assert rows[0][2] == [7] and rows[2][2] == [9]
    # the quarter heading times the topics without a time of their own
    assert (plan.topics[1].window, plan.topics[3].window) == ((7, 9), (10, 12))


def test_form_tags_in_hexagon_brackets_after_plain_text_titles():
    text = "\n".join(
        [
            "鹤洲县政协2026年度协商计划",
            "上半年",
            "发展县域特色文旅产业〔专题协商会〕",
            "承办：县政协文史委",
            "协商部门：县文化旅游局",
            "健全农村饮水安全保障机制〔对口协商〕",
            "时间：5月",
            "承办：县政协农业农村委",
            "协商部门：县水利局、县卫生健康局",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("发展县域特色文旅产业", "专题协商会", ["县文化旅游局"]),
        ("健全农村饮水安全保障机制", "对口协商", ["县水利局", "县卫生健康局"]),
    ]
    assert rows[1][2] == [5]


# -- "一、TITLE" topics with their field lines below, in a plan with no form headings (B132) ---------

_TOP_NUMBERED_TOPICS = """政协青岚县委员会2026年度协商工作计划

　　县政协十届三次会议已于1月召开。

一、推动县域冷链物流体系建设
　　协商形式：专题议政性常委会议
　　时间：7月
　　承办：县政协经济委员会
　　协商部门：县商务局、县交通运输局
　　出席领导：副县长卓航

二、完善残疾人康复服务
　　协商形式：对口协商
　　时间：第四季度
　　承办：县政协社会和法制委员会
　　协商部门：县残联、县卫生健康局
　　出席领导：县政协副主席房霏

附：联络员名单
　　县政协办公室　　叶青　　0731-6612001
"""


def test_top_level_numbered_titles_each_followed_by_labelled_fields_are_topics():
    plan = import_text(_TOP_NUMBERED_TOPICS).plan
    rows = topic_rows(plan)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("推动县域冷链物流体系建设", "专题议政性常委会议", ["经济委员会"], ["县商务局", "县交通运输局"]),
        ("完善残疾人康复服务", "对口协商", ["社会和法制委员会"], ["县残联", "县卫生健康局"]),
    ]
    assert rows[0][2] == [7] and plan.topics[1].window == (10, 12)
    # the annex heading and its contact lines are not the last leader's tail
    assert rows[1][5] == ["县政协副主席房霏"]


def test_top_level_numbered_titles_with_fields_on_unindented_lines_and_an_annex_table_heading():
    text = _TOP_NUMBERED_TOPICS.replace("　　", "").replace("附：联络员名单", "附表：议题联系人")
    text = text.replace("一、推动", "一、 推动").replace("二、完善", "二．完善")
    rows = topic_rows(import_text(text).plan)
    assert [r[0] for r in rows] == ["推动县域冷链物流体系建设", "完善残疾人康复服务"]
    assert rows[1][5] == ["县政协副主席房霏"]


def test_an_annex_heading_after_a_none_dash_cell_on_a_card_page_is_not_a_department():
    page = """<html><body><h2>政协桂屿县委员会2026年度协商计划</h2>
<dl><dt>议题1　发展县域文旅融合</dt><dd>协商形式：专题协商会</dd><dd>时间安排：6月</dd>
<dd>责任单位：县政协文史委员会</dd><dd>协商单位：县文化旅游局</dd></dl>
<dl><dt>议题2　加强河湖长制落实</dt><dd>协商形式：对口协商</dd><dd>时间安排：9月</dd>
<dd>责任单位：县政协人资环委员会</dd><dd>协商单位：—</dd></dl>
<h3>附：联系人</h3><table><tr><th>单位</th><th>姓名</th></tr><tr><td>县政协办公室</td><td>袁林</td></tr></table>
</body></html>"""
    rows = topic_rows(import_document("桂屿县.html", page.encode("utf-8")).plan)
    assert [r[0] for r in rows] == ["发展县域文旅融合", "加强河湖长制落实"]
    assert rows[1][4] == []


# -- "〔n〕TITLE。fields" items, two narrow text columns (B134) --------------------------------------

_BRACKET_ITEMS = [
    "政协梧川市委员会2026年度协商计划",
    "一、专题协商会",
    "〔1〕推动梧川老街区微更新。时间：5月；承办：市政协城乡建设委员会；协商部门：市住房城乡建设局、市文化旅游局；出席：副市长岑朗。",
    "〔2〕完善养老托育服务体系。时间：第三季度；承办：市政协社会和法制委员会；协商部门：市民政局；出席：分管副市长。",
    "二、对口协商",
    "〔3〕加强耕地保护利用。时间：10月底前；承办：市政协农业和农村委员会；协商部门：市自然资源和规划局、市农业农村局。",
]


def test_items_numbered_in_hexagon_brackets_with_fields_after_the_title_sentence_are_topics():
    rows = topic_rows(import_text("\n".join(_BRACKET_ITEMS)).plan)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("推动梧川老街区微更新", "专题协商会", ["城乡建设委员会"], ["市住房城乡建设局", "市文化旅游局"]),
        ("完善养老托育服务体系", "专题协商会", ["社会和法制委员会"], ["市民政局"]),
        ("加强耕地保护利用", "对口协商", ["农业和农村委员会"], ["市自然资源和规划局", "市农业农村局"]),
    ]
    assert rows[0][5] == ["副市长岑朗"] and rows[2][5] == []


def test_bracket_numbered_items_in_square_brackets_and_notes_still_read_when_titles_point_at_them():
    items = [x.replace("〔", "[").replace("〕", "]") for x in _BRACKET_ITEMS]
    rows = topic_rows(import_text("\n".join(items)).plan)
    assert [r[0] for r in rows] == ["推动梧川老街区微更新", "完善养老托育服务体系", "加强耕地保护利用"]


class _Page:
    """A browser-printed page as pypdf's visitor sees it: one glyph at a time, 11-point characters."""

    def __init__(self, lines: list[tuple[float, float, str]]) -> None:
        self.lines = lines
        self.mediabox = type("Box", (), {"width": 595.0})()

    def extract_text(self, visitor_text, **_visitors) -> str:  # pypdf also takes visitor_operand_before
        for x, y, text in self.lines:
            for k, ch in enumerate(text):
                visitor_text(ch, [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, x + 11 * k, y], None, 11)
            visitor_text("\n", [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 40, 800], None, 11)
        return ""


def _column(x: float, top: float, paragraphs: list[str], width: int) -> list[tuple[float, float, str]]:
    """Paragraphs set in a column ``width`` characters wide starting at ``x``, first lines indented two
    characters; a line may end up to two characters short (a colon or semicolon takes its word along)."""
    out, y = [], top
    for k, para in enumerate(paragraphs):
        first, rest = True, para
        while rest:
            room = width - (2 if first else 0)
            cut = room
            if len(rest) > room and rest[room] in "：；:;" and k % 2 == 0:
                cut = room - 2  # the word before the colon goes down with it
            out.append((x + (22 if first else 0), y, rest[:cut]))
            rest, first, y = rest[cut:], False, y - 17
    return out


def test_a_two_column_browser_page_joins_ragged_wrapped_lines_and_fields_cut_at_a_semicolon():
    left = [
        "一、专题协商会",
        "〔1〕推动梧川老街区微更新。时间：5月；承办：市政协城乡建设委员会；协商部门：市住房城乡建设局、市文化旅游局；出席：副市长岑朗。",
        "〔2〕完善养老托育服务体系。时间：第三季度；承办：市政协社会和法制委员会；协商部门：市民政局；出席：分管副市长。",
    ]
    right = [
        "二、对口协商",
        "〔3〕加强耕地保护利用。时间：10月底前；承办：市政协农业和农村委员会；协商部门：市自然资源和规划局、市农业农村局；出席：市政协副主席康宁。",
        "〔4〕提升城市公交服务。时间：9月；承办：市政协经济委员会；协商部门：市交通运输局、市公交集团；出席：市政协副主席康宁。",
    ]
    page = _Page(_column(48, 760, left, 19) + _column(312, 760, right, 20))
    lines = _positioned_lines(page, [])
    got = [x for x in lines if x.startswith("〔")]
    assert got == [p for p in left + right if p.startswith("〔")]


def test_a_time_label_run_straight_into_its_time_and_a_top_numbered_title_after_a_bare_label_line():
    # "…安排以下协商" | "活动：" (a sentence the page broke before its colon), then "一、TITLE" with fields;
    # "时间6 月" "时间第三季度": the label and its time with no colon between them
    text = "\n".join(
        [
            "政协苍梧县委员会2026年协商工作计划",
            "结合实际，2026年安排以下协商",
            "活动：",
            "一、推进县域物流配送体系建设",
            "形式：专题协商会",
            "时间6 月",
            "牵头：县政协经济委员会",
            "协商部门 县商务局、县邮政管理局",
            "二、加强乡村学校少年宫建设",
            "形式：对口协商",
            "时间第三季度",
            "牵头：县政协教科卫体委员会",
            "  参加单位 县教育局",
        ]
    )
    plan = import_text(text).plan
    rows = topic_rows(plan)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("推进县域物流配送体系建设", "专题协商会", ["经济委员会"]),
        ("加强乡村学校少年宫建设", "对口协商", ["教科卫体委员会"]),
    ]
    assert rows[0][2] == [6] and plan.topics[1].window == (7, 9)
    # "协商部门 X": a long label and its value one space apart, no colon
    assert [r[4] for r in rows] == [["县商务局", "县邮政管理局"], ["县教育局"]]


# -- one topic held in rounds (B132) ----------------------------------------------------------------

_ROUNDS = """政协柳湾县委员会2026年度协商工作计划

一、推动县域中药材产业发展
　　协商形式：专题议政性常委会议
　　实施步骤：
　　　第一阶段　调研：3月，县政协农业委员会组织委员赴种植基地调研
　　　第二阶段　协商：5月，召开专题议政性常委会议
　　　第三阶段　视察：10月，视察协商意见落实情况
　　承办：县政协农业委员会
　　协商部门：县农业农村局、县卫生健康局

二、完善社区嵌入式服务设施
　　协商形式：专题协商会
　　实施步骤：
　　　第一阶段　调研：6月
　　　第二阶段　协商：8月，召开专题协商会
　　承办：县政协社会法制委员会
　　协商部门：县民政局

三、提升县城供水保障水平
　　协商形式：对口协商
　　时间：5月、11月各一次
　　承办：县政协城建委员会
　　协商部门：县水利局
"""


def test_a_topic_held_in_numbered_rounds_is_one_topic_in_its_consultation_month():
    draft = import_text(_ROUNDS)
    rows = topic_rows(draft.plan)
    assert [(r[0], r[2]) for r in rows] == [
        ("推动县域中药材产业发展", [5]),
        ("完善社区嵌入式服务设施", [8]),
        ("提升县城供水保障水平", [5]),
        ("提升县城供水保障水平", [11]),
    ]
    assert [r[1] for r in rows[:2]] == ["专题议政性常委会议", "专题协商会"]
    # the research and inspection rounds are not lost: they stay in the topic's notes
    notes = draft.plan.topics[0].notes
    assert "调研：3月" in notes or "调研:3月" in notes
    assert "视察：10月" in notes or "视察:10月" in notes


def test_rounds_numbered_as_steps_with_other_step_words_and_no_indentation():
    text = _ROUNDS.replace("　", "").replace("第一阶段", "第1步 ").replace("第二阶段", "第2步 ")
    text = text.replace("第三阶段视察", "第3步 督办")
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[2]) for r in rows[:2]] == [
        ("推动县域中药材产业发展", [5]),
        ("完善社区嵌入式服务设施", [8]),
    ]
