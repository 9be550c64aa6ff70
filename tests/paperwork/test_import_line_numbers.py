"""The review speaks in the user's line numbers, whatever layout the reader rewrote before reading.

Issue #10: every line of the source is either used or listed as skipped with its
number, and every line the review cites holds what was read there. Several layouts
are rewritten into the reader's own shapes first (tables typed as text, decimal
outlines, form paragraphs, positional fields under a legend, months by item number,
fields in end notes, "——形式，时间" tails, cards with bare labels, title-then-duty
paragraphs, a leader assignment table); each is checked here on a plan of our own, and
so are the lines the reader itself joins (a value under its bare label, a title cut at a
comma) or moves (a group's leader, a government body named as lead).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

import line_account  # noqa: E402

from paperwork import texts as T  # noqa: E402
from paperwork.importer import import_document, import_text  # noqa: E402
from paperwork.line_origins import Line, SourceText, made_from, numbered  # noqa: E402
from paperwork.outline import restructure  # noqa: E402
from paperwork.relayout import relayout  # noqa: E402
from paperwork.sources import document_lines, text_lines  # noqa: E402

TAB = (
    "柳岸区政协2027年度协商计划\n一、协商议题\n"
    "序号\t协商议题\t协商形式\t时间\t承办单位\t协商部门\n"
    "1\t推进滨河绿道贯通\t专题协商会\t5月\t区政协城建委\t区住建局、区水务局\n"
    "2\t提升社区托育服务\t对口协商\t8月\t区政协社法委\t区卫健局\n"
    "\n二、工作要求\n各承办单位按时完成。\n"
)

PIPE = """北塘县政协2027年度协商计划
| 序号 | 协商议题 | 协商形式 | 时间 | 协商部门 |
|---|---|---|---|---|
| 1 | 发展林下中药材种植 | 专题协商会 | 5月 | 县林业局 |
| 2 | 规范农村建房管理 | 对口协商 | 8月 | 县自然资源局 |
"""

BOX = """柳岸区政协2027年度协商计划
┌──┬────────┬──────┬────┬──────┐
│序号│协商议题        │协商形式    │时间  │协商部门    │
├──┼────────┼──────┼────┼──────┤
│1 │推进滨河绿道贯通│专题协商会  │5月   │区住建局、  │
│  │与沿岸改造      │            │      │区水务局    │
├──┼────────┼──────┼────┼──────┤
│2 │提升社区托育服务│对口协商    │8月   │区卫健局    │
└──┴────────┴──────┴────┴──────┘
"""

DECIMAL = """青禾市政协2027年度协商计划
1 专题协商
1.1 培育冰雪旅游新业态
时间:5月
协商部门:市文旅局
2 对口协商
2.1 完善县域医共体建设
时间:8月
协商部门:市卫健委
3 界别协商
3.1 发挥新乡贤作用
时间:10月
协商部门:市民政局
"""

FORM_PARA = """柳岸区政协2027年度协商计划
一、专题协商。5月，围绕“推进滨河绿道贯通”召开专题协商会，由区政协城建委承办，区住建局参加；9月，围绕“加快老旧街区更新”开展协商，由区政协经济委承办，区商务局参加。
二、对口协商。围绕“提升社区托育服务”开展对口协商，8月，由区政协社法委承办，区卫健局参加。
三、工作要求。各承办单位按时完成。
"""

LEGEND = """石埠镇政协联络组2027年度协商计划
说明：各议题下一行依次为：协商形式/时间/承办单位/协商部门。
1.整治沿河养殖污染
专题协商会/5月/镇政协联络组/镇生态办、镇农业站
2.改造集镇农贸市场
对口协商/8月/镇政协联络组/镇市场监管所
3.引导乡贤回乡创业
界别协商/10月/镇政协联络组/—
"""

SCHEDULE = """柳岸区政协2027年度协商计划
1.推进滨河绿道贯通
承办单位：区政协城建委
协商部门：区住建局
2.提升社区托育服务
承办单位：区政协社法委
协商部门：区卫健局
3.发挥新乡贤作用
承办单位：区政协农业委
协商部门：区民政局
进度安排：6月中旬，开展第1项协商；第3项于10月开展；11月，开展第2项协商。
"""

NOTES = """鹭川市政协2027年度协商计划
一、协商议题
1．壮大海洋渔业合作社[1]——专题协商会，5月
2．改善城郊公交接驳[2]——对口协商，8月
3．规范网约车经营秩序[2]——对口协商，9月
二、工作要求
1．各承办单位按时完成。
注：
[1] 承办：市政协经济委员会；协商部门：市海洋渔业局、市农业农村局；出席领导：副市长周明远。
[2] 承办：市政协城建委员会；协商部门：市交通运输局；出席
领导：副市长钱海宁。
"""

DASH = """柳岸区政协2027年度协商计划
一、协商议题
1.推进滨河绿道贯通——专题协商会，5月
承办单位：区政协城建委
联络员：区政协办公室张晓
2.提升社区托育服务
——对口协商，8月
承办单位：区政协社法委
"""

CARDS = """松溪县政协2027年度协商计划

01
专题协商会
提升茶园机械化水平
承办单位
县政协农业委
协商部门
县农业农村局
县茶业发展中心
时间
5月

02
对口协商
盘活闲置农房资源
承办单位
县政协经济委
协商部门
县自然资源局
县住建局
时间
8月
"""

TITLE_SENTENCE = """柳岸区政协2027年度协商计划
一、专题协商
（一）推进滨河绿道贯通。由区政协城建委牵头，区住建局、区水务局参加，5月开展。
（二）提升社区托育服务。由区政协社法委牵头，区卫健局参加，8月开展。
二、工作要求
各承办单位按时完成。
"""

KINDS = {
    "tab-table": TAB,
    "pipe-table": PIPE,
    "box-table": BOX,
    "decimal-outline": DECIMAL,
    "form-paragraphs": FORM_PARA,
    "legend-positions": LEGEND,
    "schedule-by-item": SCHEDULE,
    "end-notes": NOTES,
    "dash-form-time": DASH,
    "card-labels": CARDS,
    "title-then-sentence": TITLE_SENTENCE,
}


def _lines_at(draft, title: str, field: str) -> tuple[int, ...]:
    report = next(r for r in draft.reports if r.title == title)
    return next(s.lines for s in report.sources if s.field == field)


@pytest.mark.parametrize("text", KINDS.values(), ids=KINDS.keys())
def test_each_rewritten_layout_is_reviewed_in_the_users_lines(text: str):
    rewritten = relayout(restructure(text_lines(text)))
    assert [str(x) for x in rewritten] != text.splitlines(), "the layout is rewritten before it is read"
    draft = import_text(text, year=2027)
    assert len(draft.plan.topics) >= 2
    assert draft.lines == text.splitlines()
    assert line_account.draft_breaches(draft, text.splitlines(), fields=True) == []


def test_fields_from_an_end_note_cite_the_note_and_the_title_its_own_line():
    draft = import_text(NOTES, year=2027)
    src = NOTES.splitlines()
    assert src[_lines_at(draft, "改善城郊公交接驳", "title")[0] - 1].startswith("2．改善城郊公交接驳")
    assert _lines_at(draft, "改善城郊公交接驳", "departments") == (10, 11)  # note [2], wrapped over two lines
    assert _lines_at(draft, "规范网约车经营秩序", "leaders") == (10, 11)  # one note for two titles
    assert _lines_at(draft, "壮大海洋渔业合作社", "form") == (3,)  # the dash tail on the title's line


def test_a_card_cites_its_title_line_and_every_value_line():
    draft = import_text(CARDS, year=2027)
    report = next(r for r in draft.reports if r.title == "盘活闲置农房资源")
    assert report.line == 16  # the title's line, not the card's number "02" above it
    assert _lines_at(draft, "盘活闲置农房资源", "title") == (14, 16)
    assert _lines_at(draft, "盘活闲置农房资源", "form") == (15,)
    assert _lines_at(draft, "盘活闲置农房资源", "departments") == (19, 20, 21)


def test_a_typed_table_cites_each_row_and_skips_its_rules_and_page_numbers():
    text = (
        "云岭乡政协联络组2027年协商计划\n"
        "| 序号 | 协商议题 | 协商形式 | 时间 | 协商部门 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 修缮古村落石板路 | 专题协商会 | 5月 | 乡建设办 |\n"
        "|---|---|---|---|---|\n"
        "| 2 | 培育高山蔬菜品牌 | 对口协商 | 8月 | 乡农业站 |\n"
    )
    draft = import_text(text, year=2027)
    assert _lines_at(draft, "修缮古村落石板路", "title") == (4,)
    assert _lines_at(draft, "培育高山蔬菜品牌", "departments") == (6,)
    assert {s.line for s in draft.skipped if s.reason == T.SKIP_REASON["relaid"]} == {3, 5}
    assert line_account.draft_breaches(draft, text.splitlines()) == []


def test_a_warning_names_the_users_line_after_lines_were_inserted_above_it():
    draft = import_text(DASH, year=2027)
    said = [w for w in draft.warnings if "联络员" in w]
    assert said and said[0].startswith(T.READ_WARN["unknown_label"].split("{line}")[0] + "5 ")


def _assignment_docx() -> bytes:
    import docx

    doc = docx.Document()
    for text in ("白鹭县政协2027年度协商计划", "1.建设县域物流集散中心", "协商形式:专题协商会", "时间:5月"):
        doc.add_paragraph(text)
    for text in ("2.提升乡镇卫生院服务能力", "协商形式:对口协商", "时间:8月", "附:领导联系议题分工"):
        doc.add_paragraph(text)
    rows = [["出席领导", "联系议题"], ["副县长杜远", "第1项、第2项"], ["副县长冯清", "第2项"], ["副县长贺川", "第9项"]]
    table = doc.add_table(rows=len(rows), cols=2)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_leaders_from_an_assignment_table_cite_its_rows_and_an_unplaced_row_is_skipped():
    data = _assignment_docx()
    src = "\n".join(document_lines("分工.docx", data)).splitlines()
    draft = import_document("分工.docx", data, year=2027)
    rows = [k for k, line in enumerate(src, start=1) if "=" in line]  # the table's rows, as extracted
    assert _lines_at(draft, "提升乡镇卫生院服务能力", "leaders") == tuple(rows[:2])
    assert [(s.line, s.reason) for s in draft.skipped if s.line == rows[2]] == [(rows[2], T.SKIP_REASON["relaid"])]
    assert line_account.draft_breaches(draft, src, fields=True) == []


# -- the carrier itself ----------------------------------------------------------------------------


def test_a_made_line_is_at_its_parents_lines_the_main_one_first():
    a, b = numbered(["甲", "乙"])
    line = made_from("丙", b, [a])
    assert line == "丙" and line.at == (2, 1)
    assert made_from("丁", "plain").at == ()


def test_source_text_cuts_line_breaks_and_finds_a_line_whose_origin_was_lost():
    source = ["题目", "一、议题", "内容"]
    text, where = SourceText.of(source, [Line("题目", (1,)), "一、议题", Line("甲\n乙", (3,))])
    assert text.splitlines() == ["题目", "一、议题", "甲", "乙"]
    assert where.at == [(1,), (2,), (3,), (3,)]
    assert where.first(4) == 3 and where.first(9) == 9


# -- lines the reader itself joins or moves between fields -------------------------------------------

BARE_LABEL = """海门市政协2027年度协商计划
1.推进渔港经济区建设
协商形式:专题协商会
时间:6月
协商部门:
市海洋渔业局、市发改委
2.改善城区停车难
协商形式:对口协商
时间:9月
协商部门:
市公安局、市城管局
"""

GOV_LEAD = """海门市政协2027年度协商计划
1.推进渔港经济区建设
协商形式:专题协商会
时间:6月
承办单位:市政协经济委、市海洋渔业局
2.改善城区停车难
协商形式:对口协商
时间:9月
承办单位:市政协城建委、市城管局
"""

GROUP = """海门市政协2027年度协商计划
一、协商议题
(一)市政协经济委员会
联系领导:市政协副主席孔立
1.专题协商会
(1)推进渔港经济区建设
时间:6月;协商部门:市海洋渔业局
(2)培育跨境电商产业
时间:8月;协商部门:市商务局
邀请市领导:副市长白帆
"""

HEADING_SENTENCE = """海门市政协2027年度协商计划
一、年度协商议题
(一)推进渔港经济区建设
该议题由市政协经济委承办,邀请市海洋渔业局参加。计划于6月份召开专题协商会进行协商。
(二)改善城区停车难
该议题由市政协城建委承办,邀请市城管局参加。计划于9月份开展对口协商。
二、工作要求
各承办单位要认真准备。
"""

TITLE_LABEL = """中共海门市委办公室 海门市政协办公室
关于印发《海门市政协2027年协商议政安排》的通知

各镇党委,市委各部门:
现将《海门市政协2027年协商议政安排》印发给你们,请认真落实。

海门市政协2027年协商议政安排

协商议题一:关于推进渔港经济区建设的建议
1.协商形式:专题协商会
2.时间:6月份
3.牵头单位:市政协经济委
4.参加单位:市海洋渔业局
协商议题二:关于改善城区停车难的建议
1.协商形式:对口协商
2.时间:9月份
3.牵头单位:市政协城建委
4.参加单位:市城管局
"""

CUT_TITLE = """海门市政协2027年度协商计划
1.关于推进渔港经济区建设、
完善冷链物流体系的建议
协商形式:专题协商会
时间:6月
协商部门:市海洋渔业局
2.改善城区停车难
协商形式:对口协商
时间:9月
协商部门:市城管局
"""


def _read(text: str):
    draft = import_text(text, year=2027)
    assert line_account.draft_breaches(draft, text.splitlines(), fields=True) == []
    return draft


def test_a_value_on_the_line_under_its_bare_label_cites_both_lines():
    draft = _read(BARE_LABEL)
    assert _lines_at(draft, "改善城区停车难", "departments") == (10, 11)


def test_a_title_cut_at_a_comma_cites_both_its_lines():
    draft = _read(CUT_TITLE)
    assert _lines_at(draft, "关于推进渔港经济区建设、完善冷链物流体系的建议", "title") == (2, 3)


def test_a_government_body_moved_from_the_lead_to_the_departments_cites_the_lead_line():
    draft = _read(GOV_LEAD)
    assert _lines_at(draft, "改善城区停车难", "departments") == (9,)


def test_a_group_liaison_leader_is_cited_on_its_own_line():
    draft = _read(GROUP)
    assert _lines_at(draft, "推进渔港经济区建设", "leaders") == (4,)
    reports = {r.title: r for r in draft.reports}
    led = [s.lines for s in reports["培育跨境电商产业"].sources if s.field == "leaders"]
    assert (4, 10) in led  # the group's leader and the topic's own, each on its line


def test_a_topic_told_in_a_sentence_under_its_heading_is_cited_at_the_heading():
    draft = _read(HEADING_SENTENCE)
    assert [(r.title, r.line) for r in draft.reports] == [("推进渔港经济区建设", 3), ("改善城区停车难", 5)]


def test_a_labelled_title_is_cited_at_its_label_line_not_the_heading_above():
    draft = _read(TITLE_LABEL)
    assert [r.line for r in draft.reports] == [9, 14]


def test_a_tab_table_ends_where_its_rows_end_not_in_the_next_heading():
    # no blank line after the last row: the heading and the prose below are no wrapped piece of its title
    text = (
        "白鹭县政协2027年度协商计划\n"
        "序号\t协商议题\t协商形式\t时间\t承办单位\n"
        "1\t建设县域物流集散中心\t专题协商会\t5月\t县政协经济委\n"
        "2\t提升乡镇卫生院服务能力\t对口协商\t8月\t县政协教科卫体委\n"
        "三、有关要求\n"
        "请各专委会提前谋划。\n"
    )
    draft = _read(text)
    assert [t.title for t in draft.plan.topics] == ["建设县域物流集散中心", "提升乡镇卫生院服务能力"]
    assert 5 not in _lines_at(draft, "提升乡镇卫生院服务能力", "title")


def test_a_short_duty_sentence_under_a_numbered_title_is_its_fields_not_more_title():
    text = (
        "白鹭县政协2027年度协商计划\n"
        "一、对口协商\n"
        "1.整治城郊河道\n"
        "由县政协人资环委牵头，县水利局参加，4月开展。\n"
        "2.办好老年大学\n"
        "由县政协文史委牵头，县教育局参与，7月进行。\n"
    )
    draft = _read(text)
    assert [(t.title, t.preferred_months) for t in draft.plan.topics] == [("整治城郊河道", [4]), ("办好老年大学", [7])]
    assert _lines_at(draft, "办好老年大学", "title") == (5,)
