"""Kinds blind set 11 (holdout15: B99–B102) showed: a label's "：" drawn by CSS, month ticks
under a two-row 上半年/下半年 header, a closing 附表 of contacts, and a committee's own meeting
name as a form. Each is tested on an invented example of our own (other places, titles and
names than the corpus documents).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.css_content import generated_text_rules
from paperwork.importer import import_document, import_text
from paperwork.meeting_names import is_meeting_name
from paperwork.month_grid import lift_month_subheader, ticked_time, time_in_note
from paperwork.side_tables import is_contact_table


def _rows(draft):
    return topic_rows(draft.plan)


# -- a label's "：" drawn by the style sheet ------------------------------------------------------

_CSS_PAGE = """<html><head><meta charset="utf-8"><style>
.it{margin:4px}.k{color:#777}.k::after{content:"："}.ico:before{content:"\\e601"}
</style></head><body>
<div class="page"><div class="ttl">政协桐岭县委员会2026年协商工作计划</div>
<div class="it"><div class="h"><span class="n">01</span><div class="t">推动桐岭竹产业链延伸</div></div>
<div class="b"><div class="f"><span class="k">协商形式</span><span class="v">专题协商会</span></div>
<div class="f"><span class="k">时间安排</span><span class="v">5月</span></div>
<div class="f"><span class="k">牵头专委</span><span class="v">县政协经济委员会</span></div>
<div class="f"><span class="k">参与部门</span><span class="v">县林业局、县工信局</span></div>
<div class="f"><span class="k">出席领导</span><span class="v">副县长石磊</span></div></div></div>
<div class="it"><div class="h"><span class="n">02</span><div class="t">改善城区背街小巷环境</div></div>
<div class="b"><div class="f"><span class="k">协商形式</span><span class="v">对口协商</span></div>
<div class="f"><span class="k">时间安排</span><span class="v">9月</span></div>
<div class="f"><span class="k">牵头专委</span><span class="v">县政协城建委员会</span></div>
<div class="f"><span class="k">参与部门</span><span class="v">县住建局、县城管局</span></div></div></div>
</div></body></html>"""


def test_css_generated_colons_are_read_and_icons_are_not():
    rules = generated_text_rules(".k::after{content:'：'} .ico:before{content:'\\e601'} .x:after{content:'更多'}")
    assert rules == [(None, frozenset({"k"}), "after", "：", ())]  # an icon or a word drawn by CSS is no label's colon
    assert generated_text_rules("span.lab:after{content:'\\FF1A'}") == [("span", frozenset({"lab"}), "after", "：", ())]
    draft = import_document("桐岭协商计划.html", _CSS_PAGE.encode("utf-8"))
    assert _rows(draft) == [
        ("推动桐岭竹产业链延伸", "专题协商会", [5], ["经济委员会"], ["县林业局", "县工信局"], ["副县长石磊"]),
        ("改善城区背街小巷环境", "对口协商", [9], ["城建委员会"], ["县住建局", "县城管局"], []),
    ]


# -- month ticks under a two-row 上半年 / 下半年 header -------------------------------------------


def test_month_names_under_a_spanning_half_year_head_become_the_header():
    head = ["序号", "议题", *["上半年"] * 6, *["下半年"] * 6, "备注"]
    sub = ["序号", "议题", *[f"{m}月" for m in range(1, 13)], "备注"]
    row = ["1", "某议题", *[""] * 12, ""]
    lifted = lift_month_subheader([head, sub, row])
    assert lifted[0] == ["序号", "议题", *[f"{m}月" for m in range(1, 13)], "备注"] and lifted[1] == row
    # quarters spanning Chinese month names
    quarters = [
        ["议题", *["第一季度"] * 3, *["第二季度"] * 3],
        ["议题", "一月", "二月", "三月", "四月", "五月", "六月"],
    ]
    assert lift_month_subheader(quarters)[0] == ["议题", "1月", "2月", "3月", "4月", "5月", "6月"]
    # a row of months that is not under a spanning head (a topic's own cells) stays
    other = [["序号", "议题", "时间"], ["1", "4月", "5月"]]
    assert lift_month_subheader(other) is other


def test_adjacent_ticks_are_one_activity_and_ticks_apart_are_each_one_meeting():
    assert ticked_time([6, 7]) == "6、7月"
    assert ticked_time([3, 9]) == "3月、9月各一次"
    assert ticked_time([11]) == "11月"
    assert time_in_note("10月底前") == "10月底前" and time_in_note("适时") == "适时"
    assert time_in_note("由提案人所在界别推荐委员参加") is None


def _tick_table_page() -> bytes:
    months = "".join(f"<th>{m}月</th>" for m in range(1, 13))

    def row(n, title, ticks, note=""):
        cells = "".join(f"<td>{'√' if m in ticks else ''}</td>" for m in range(1, 13))
        return (
            f"<tr><td>{n}</td><td>{title}</td><td>对口协商会</td><td>市政协农业委</td><td>市水利局</td>"
            f"{cells}<td>{note}</td></tr>"
        )

    return (
        "<html><body><p>政协砚山市委员会2026年度协商计划表</p><table>"
        '<tr><th rowspan="2">序号</th><th rowspan="2">协商议题</th><th rowspan="2">协商形式</th>'
        '<th rowspan="2">牵头单位</th><th rowspan="2">协商部门</th>'
        '<th colspan="6">上半年</th><th colspan="6">下半年</th><th rowspan="2">备注</th></tr>'
        f"<tr>{months}</tr>"
        + row(1, "推进灌区续建配套", {2, 3})
        + row(2, "加强小型水库安全管理", {5, 11}, "5月、11月各一次")
        + row(3, "完善农村供水保障", set(), "10月底前")
        + row(4, "发展节水农业", {8}, "8月上旬")
        + "</table></body></html>"
    ).encode("utf-8")


def test_a_tick_grid_under_half_year_heads_reads_each_row_time():
    draft = import_document("砚山计划.html", _tick_table_page())
    titles = [t.title for t in draft.plan.topics]
    assert titles == [
        "推进灌区续建配套",
        "加强小型水库安全管理",
        "加强小型水库安全管理",
        "完善农村供水保障",
        "发展节水农业",
    ]
    months = [t.preferred_months for t in draft.plan.topics]
    assert months[0] == [2, 3] and months[1] == [5] and months[2] == [11] and months[4] == [8]
    assert all("协商议题" not in t for t in titles)  # the month row is no topic
    third = draft.plan.topics[3]
    assert third.preferred_months == [] and third.window is not None and third.window[1] == 10  # "10月底前"


# -- a closing 附表 of contacts --------------------------------------------------------------------


def test_a_contacts_table_gives_no_topics():
    assert is_contact_table([["序号", "单位", "联系人", "联系电话"], ["1", "县政协办公室", "何某", "0000-1234567"]])
    assert not is_contact_table([["序号", "协商议题", "联系人", "电话"], ["1", "推进X", "何某", "123"]])
    page = (
        "<html><body><p>政协梅川县委员会2026年协商计划</p>"
        "<p>表1　专题协商会（1项）</p><table>"
        "<tr><td>序号</td><td>协商题目</td><td>安排时间</td><td>承办</td><td>参加单位</td></tr>"
        "<tr><td>1</td><td>提升县城供暖质量</td><td>10月</td><td>县政协城建委</td><td>县住建局</td></tr>"
        "</table><p>附表　协商工作联系人</p><table>"
        "<tr><td>序号</td><td>单位</td><td>联系人</td><td>电话</td></tr>"
        "<tr><td>1</td><td>县政协城建委</td><td>范某</td><td>0000-7654321</td></tr>"
        "<tr><td>2</td><td>县政协办公室</td><td>卢某</td><td>0000-7654322</td></tr>"
        "</table></body></html>"
    )
    draft = import_document("梅川计划.html", page.encode("utf-8"))
    assert [t.title for t in draft.plan.topics] == ["提升县城供暖质量"]


# -- a committee's own meeting name as the form -------------------------------------------------


def test_a_meeting_name_in_the_title_bracket_is_the_form():
    assert is_meeting_name("季度消费形势分析会") and is_meeting_name("重大项目论证会")
    assert not is_meeting_name("市政协经济委员会") and not is_meeting_name("召开形势分析会")
    draft = import_text(
        "政协滨州省委员会经济委员会2026年协商工作计划\n"
        "一、第二季度\n"
        "１．研判上半年外贸形势（外贸形势分析会，６月上旬）\n"
        "承办：省政协经济委员会；协商部门：省商务厅；邀请领导：省政协副主席林某。\n"
    )
    rows = _rows(draft)
    assert rows[0][0] == "研判上半年外贸形势" and rows[0][1] == "外贸形势分析会" and rows[0][2] == [6]
