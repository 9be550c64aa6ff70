"""Kinds blind set 13 showed (B83 …), each tested on an invented example of our own."""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_text
from paperwork.published_text import _is_form_name, _is_leader, _run_together_leaders
from paperwork.relayout import title_sentence_paragraphs

_rows = topic_rows


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


# -- a plenary told in a (wrapped) paragraph gives no topic; a dash-framed footer on every page (B81 B88) ----

_NOTICE_TEXT = """政协柏川市委员会2026年度协商工作计划
一、全体会议
市政协八届三次会议于 1 月下旬召开，围绕市政府工作报告等开展协商
议政。市委全会期间，组织委员列席。
二、专题议政性常委会议（2 项）
1.推进柏川新港集疏运体系建设
牵头单位：市政协经济委员会
协商时间：5 月

— 柏川市政协 —

参加单位：市交通运输局、市港航中心
2.加强柏溪湿地保护修复
牵头单位：市政协人口资源环境委员会
协商时间：9 月
参加单位：市林业局
— 柏川市政协 —
"""


def test_a_plenary_told_in_a_wrapped_paragraph_and_a_framed_footer_give_no_topic():
    rows = _rows(import_text(_NOTICE_TEXT).plan)
    assert [r[0] for r in rows] == ["推进柏川新港集疏运体系建设", "加强柏溪湿地保护修复"]
    assert rows[0][4] == ["市交通运输局", "市港航中心"]


def test_a_plenary_in_one_sentence_leaving_its_details_to_later_gives_no_topic():
    text = """政协柏川区委员会2026年度协商工作计划
一、全体会议
区政协六届四次会议期间，组织委员围绕区政府工作报告开展协商讨论，具体安排另行通知。
二、对口协商
1.提升柏川老街商业活力（6月）
承办单位：区政协经济委员会
协商单位：区商务局
"""
    assert [r[0] for r in _rows(import_text(text).plan)] == ["提升柏川老街商业活力"]


# -- a news page: the plan table's cells with <br> between names, a 热点排行 list and a site footer (B84) ----

_NEWS_PAGE = """<html><body><h1>区政协召开主席会议 审议通过2026年度协商工作计划</h1>
<p>附：政协枫湾区委员会2026年度协商工作计划</p>
<table>
<tr><th>序号</th><th>协商形式</th><th>协商议题</th><th>协商时间</th><th>牵头单位</th><th>协商部门</th><th>出席领导</th></tr>
<tr><td>1</td><td rowspan="2">对口协商</td><td>发展枫湾夜间文旅消费</td><td>5月</td><td>区政协经济委员会</td>
<td>区商务局<br>区文化旅游局<br/>枫湾街道办事处</td><td>副区长（分管商务、文旅）蓝海，区政协主席石林</td></tr>
<tr><td>2</td><td>改善枫溪沿岸人居环境</td><td>9月</td><td>区政协人口资源环境委员会</td>
<td>区生态环境局</td><td>&nbsp;</td></tr>
</table>
<div><h3>热点排行</h3><ol><li><a href="/a/1.html">夜间消费节启动 发放文旅券200万元</a></li>
<li><a href="/a/2.html">枫溪绿道全线贯通</a></li></ol></div>
<p>主办：枫湾区融媒体中心 地址：枫湾区滨江路1号 联系电话：0591-1234 5678</p>
</body></html>"""


def test_br_in_a_web_tables_cell_separates_names_and_the_pages_lists_give_no_topic():
    rows = _rows(import_text(_NEWS_PAGE).plan)
    assert [r[0] for r in rows] == ["发展枫湾夜间文旅消费", "改善枫溪沿岸人居环境"]
    assert rows[0][4] == ["区商务局", "区文化旅游局", "枫湾街道办事处"]
    assert rows[0][5] == ["副区长(分管商务、文旅)蓝海", "区政协主席石林"]


# -- leaders one per line in a PDF cell, run together by the text layer (B86) -------------------------------


def test_leaders_run_together_are_split_at_a_post_after_a_whole_leader():
    assert _run_together_leaders("县长梁远山县政协主席叶青") == ["县长梁远山", "县政协主席叶青"]
    assert _run_together_leaders("县政府分管副县长县政协副主席柯蓝") == ["县政府分管副县长", "县政协副主席柯蓝"]
    assert _run_together_leaders("副县长(分管交通、水利)严实县政协副主席方圆") == [
        "副县长(分管交通、水利)严实",
        "县政协副主席方圆",
    ]
    for whole in ("县政协副主席叶青", "县政府分管副县长", "县委副书记、县长"):
        assert _run_together_leaders(whole) == [whole]


# -- a WeChat article's bar in front of each numbered form heading (B87) ------------------------------------


def test_a_bar_before_a_numbered_form_heading_is_only_for_the_eye():
    text = """政协青溪县委员会2026年度协商计划
▍一、专题协商会

议题1：推进青溪茶叶品牌建设
时间：5月｜牵头：县政协农业农村委｜参与：县农业农村局、县商务局
出席：县政协副主席石磊

▍二、对口协商

议题2：规范农村建房管理
时间：9月｜牵头：县政协城建委｜参与：县自然资源局
"""
    rows = _rows(import_text(text).plan)
    assert [(r[0], r[1]) for r in rows] == [("推进青溪茶叶品牌建设", "专题协商会"), ("规范农村建房管理", "对口协商")]
    assert rows[0][5] == ["县政协副主席石磊"]
