"""Kinds blind set 27 showed (B185–B192: plain text as it arrives from other people and tools), each tested on
invented examples of our own.

- a Markdown table ("| 序号 | 议题 | … |" over "|:---:|…"), several names in a cell broken by "<br>", "—" for an
  empty cell, with Markdown around it ("## 二、…", "> 审议通过", "**加强协同。**", "*注：…*"); its "<br>" tags
  made the text pass for a web page's source, and the reader refused it (B189);
- a plan forwarded by e-mail: the mail's header lines (发件人/发送时间/收件人/抄送/主题, From/To/Subject), the
  forwarded message's opening line, the signature after "--", and the plan itself quoted line by line with
  "> " (">" alone for a blank line) (B188);
- a table copied out of Excel as tab-separated text: a cell holding line breaks comes in ASCII double quotes
  and runs over several lines (a quote inside doubled; a title broken in its cell is one title; names one
  per cell line are a list), the merged form column filled only in its group's first row, a blank row and a
  note under the table (B186);
- an emoji dingbat (✅ ❤️, not in the pictographs' block) before the part after the topics ("✅ 工作要求") or
  a line of the article's footer: no tail of the last topic's field (B187);
- a form paragraph's clause saying its activity is not in the plan ("…由各委室适时组织，不列入本计划。"):
  no topic, even with a quoted name in it (B190);
- a word joiner (U+2060) or zero-width joiner inside a name is no part of it (B191);
- the plan's title over two lines, the body by its formal name on the first ("中国人民政治协商会议X委员会")
  and the year on the second (B185);
- the refusal of a text with no topics says what the reader looks for, not one layout.
"""

from __future__ import annotations

import pytest
from paperwork_samples import topic_rows

from paperwork import texts as T
from paperwork.common import PaperworkError
from paperwork.importer import import_document, import_text


def _skipped(draft) -> dict[int, str]:
    return {s.line: s.reason for s in draft.skipped}


# -- a Markdown table (B189) --------------------------------------------------------------------

_MARKDOWN = "\n".join(
    [
        "# 青溪市政协2026年度协商工作安排",  # 1
        "",
        "> 经市政协主席会议研究确定",  # 3
        "",
        "## 一、议题一览",  # 5
        "",
        "| 编号 | 议题名称 | 时间 | 形式 | 承办单位 | 协商部门 | 出席领导 |",  # 7
        "|---|:---|:---:|---|---|---|---|",  # 8
        "| 1 | 加快山区水库除险加固 | 5月 | 专题协商会 | 市政协农业农村委 | 市水利局<br/>市财政局 "
        "| 副市长严松<br>市政协副主席柯兰 |",  # 9
        "| 2 | 推动夜间文旅消费 | 第四季度 | 对口协商会 | 市政协文史委 | 市文旅局 | — |",  # 10
        "| 3 | 改善城区慢行交通 | 7月 | 对口协商会 | 市政协城建委 | 市交通局<BR>市公安局交警支队<br>市城管局 | - |",
        "",
        "## 二、有关要求",  # 13
        "",
        "1. **加强协同。** 有关部门要提前准备材料，按时参会。",  # 15
        "",
        "---",  # 17
        "",
        "*注：“—”表示暂不邀请领导出席。*",  # 19
    ]
)


def test_a_markdown_table_with_br_in_cells_and_dashes_for_empty_cells():
    draft = import_text(_MARKDOWN)
    assert draft.plan.body == "青溪市政协"
    assert topic_rows(draft.plan) == [
        (
            "加快山区水库除险加固",
            "专题协商会",
            [5],
            ["农业农村委"],
            ["市水利局", "市财政局"],
            ["副市长严松", "市政协副主席柯兰"],
        ),
        ("推动夜间文旅消费", "对口协商会", [], ["文史委"], ["市文旅局"], []),
        ("改善城区慢行交通", "对口协商会", [7], ["城建委"], ["市交通局", "市公安局交警支队", "市城管局"], []),
    ]
    assert draft.sources == {"T01": 9, "T02": 10, "T03": 11}
    # the requirements and the note under the table are no topic's and no field's tail
    roles = draft.line_roles
    assert all("议题" not in roles.get(n, "") and "字段" not in roles.get(n, "") for n in (13, 15, 19))


def test_a_markdown_table_is_read_from_a_file_too():
    draft = import_document("计划.md.txt", _MARKDOWN.encode("utf-8"))
    assert [t.title for t in draft.plan.topics] == ["加快山区水库除险加固", "推动夜间文旅消费", "改善城区慢行交通"]


def test_html_source_with_br_tags_is_still_a_web_page():
    page = "<div><p>石门县政协2026年度协商计划</p><p>1.推进茶产业提质<br>时间：6月<br>承办：县政协经济委</p></div>"
    draft = import_text(page)
    assert [t.title for t in draft.plan.topics] == ["推进茶产业提质"]


# -- a plan forwarded by e-mail (B188) -----------------------------------------------------------

_MAIL = "\n".join(
    [
        "From: 县政协研究室 <yjs@example.cn>",  # 1
        "Sent: 2026年2月27日 9:05",  # 2
        "To: 各专委会",  # 3
        "Subject: 转发：2026年协商计划",  # 4
        "",
        "各位：",  # 6
        "    协商计划转给大家，请抓紧筹备。",  # 7
        "",
        "--",  # 9
        "研究室 许晴",  # 10
        "电话：0731-5550XXXX",  # 11
        "",
        "-----Original Message-----",  # 13
        "发件人: 县政协办公室",  # 14
        "收件人: 县政协研究室",  # 15
        "主题: 协商计划",  # 16
        "",
        "> 政协云栖县委员会2026年度协商计划",  # 18
        ">",  # 19
        "> 一、专题协商",  # 20
        "> 1.推动竹木加工产业升级",  # 21
        "> 时间：4月；承办：县政协经济委；协商部门：县林业局、县工信局",  # 22
        ">",  # 23
        "> 二、对口协商",  # 24
        ">> 1.加强乡村医生队伍建设",  # 25
        "> > 时间：9月；承办：县政协教卫委；协商部门：县卫健局；出席县领导：副县长蒋雯",  # 26
    ]
)


def test_a_forwarded_mail_reads_the_quoted_plan_and_sets_the_mail_aside():
    draft = import_text(_MAIL)
    assert draft.plan.body == "云栖县政协"
    assert topic_rows(draft.plan) == [
        ("推动竹木加工产业升级", "专题协商", [4], ["经济委"], ["县林业局", "县工信局"], []),
        ("加强乡村医生队伍建设", "对口协商", [9], ["教卫委"], ["县卫健局"], ["副县长蒋雯"]),
    ]
    assert draft.sources == {"T01": 21, "T02": 25}
    mail = T.PAGE_PART_SKIP["mail"]
    skipped = _skipped(draft)
    for n in (1, 2, 3, 4, 9, 10, 11, 13, 14, 15, 16):
        assert skipped.get(n) == mail, n
    # a quoted blank line (">") holds nothing to read, but it is a line of the text: listed
    assert {19, 23} <= set(skipped)
    assert not any(w.startswith("第 11 行") for w in draft.warnings)  # the signature's phone is no field


# -- a table copied out of Excel as tab-separated text (B186) ----------------------------------

_TSV = "\r\n".join(
    [
        "漓川县政协2026年度协商计划表\t\t\t\t\t",  # 1
        "议题\t承办单位\t时间\t协商形式\t参加部门\t备注",  # 2
        '"关于完善农村寄递物流\n体系的协商"\t县政协经济委\t3月\t专题协商会\t'
        '"县商务局\n县邮政管理局\n县交通运输局"\t',  # 3-5
        '做好汛期地质灾害防治\t县政协农业委\t6月\t\t"县自然资源局\n县应急管理局"\t结合视察开展',  # 6-7
        '"推进""一村一品""发展"\t县政协提案委\t第三季度\t对口协商会\t县农业农村局\t',  # 8
        "规范校外培训机构管理\t县政协教卫委\t10月\t\t县教育局\t",  # 9
        "\t\t\t\t\t",  # 10
        "注：全体会议于1月召开，不列入本表。\t\t\t\t\t",  # 11
    ]
)


def test_an_excel_copy_with_quoted_multiline_cells_and_a_merged_form_column():
    draft = import_text(_TSV)
    assert topic_rows(draft.plan) == [
        (
            "关于完善农村寄递物流体系的协商",
            "专题协商会",
            [3],
            ["经济委"],
            ["县商务局", "县邮政管理局", "县交通运输局"],
            [],
        ),
        ("做好汛期地质灾害防治", "专题协商会", [6], ["农业委"], ["县自然资源局", "县应急管理局"], []),
        ('推进"一村一品"发展', "对口协商会", [], ["提案委"], ["县农业农村局"], []),
        ("规范校外培训机构管理", "对口协商会", [10], ["教卫委"], ["县教育局"], []),
    ]
    # the note under the table is no topic's: not cited by any
    cited = {n for r in draft.reports for s in r.sources for n in s.lines}
    assert 11 not in cited


def test_an_unclosed_quote_in_a_tab_table_is_the_cells_own_text():
    text = "\n".join(
        [
            "议题\t承办单位\t时间\t协商部门",
            '"智慧养老"服务提升\t县政协社法委\t5月\t县民政局',
            "推进县城供水一体化\t县政协城建委\t8月\t县水利局",
            '建设"口袋公园"\t县政协城建委\t9月\t县住建局',
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [r[0] for r in rows] == ['"智慧养老"服务提升', "推进县城供水一体化", '建设"口袋公园"']
    assert [r[2] for r in rows] == [[5], [8], [9]]


# -- dingbat emoji after the last topic (B187) -----------------------------------------------------

_WECHAT_TAIL = "\n".join(
    [
        "📣 丹霞区政协2026年协商计划",
        "",
        "▶ 对口协商",
        "",
        "1️⃣ 提升老旧小区物业服务",
        "",
        "📅 时间：5月",
        "",
        "🏛️ 承办：区政协城建委",
        "",
        "🤝 协商部门：区住建局、区城管局",
        "",
        "",
        "✅ 有关要求",
        "",
        "✅ 各承办专委会要深入调研，形成高质量协商报告；",
        "",
        "✨ 编辑：林可 ❤️ 点个在看吧",
    ]
)


def test_dingbat_emoji_lines_after_the_last_topic_are_no_field_tail():
    rows = topic_rows(import_text(_WECHAT_TAIL).plan)
    assert rows == [("提升老旧小区物业服务", "对口协商", [5], ["城建委"], ["区住建局", "区城管局"], [])]


# -- a form paragraph's clause that says it is not in the plan (B190) -------------------------------

_PARAGRAPHS = "\n".join(
    [
        "政协石溪县委员会2026年度协商工作计划",
        "（一）专题协商会。全年安排二次。一是围绕“发展林下经济”开展协商，由县政协农业委员会牵头，县林业局参加，"
        "拟于六月召开；二是围绕“推进城乡教育均衡”开展协商，由县政协教科卫体委员会牵头，县教育局参加，拟于九月召开。",
        "（二）其他协商。“委员议事厅”协商活动由各乡镇联络组自行安排，不列入本计划。",
    ]
)


def test_a_clause_saying_its_activity_is_not_in_the_plan_is_no_topic():
    rows = topic_rows(import_text(_PARAGRAPHS).plan)
    assert [(r[0], r[2]) for r in rows] == [("发展林下经济", [6]), ("推进城乡教育均衡", [9])]


# -- invisible characters inside names (B191) -----------------------------------------------------


def test_word_joiners_and_zero_width_joiners_inside_names_are_dropped():
    text = "\n".join(
        [
            "梅川市政协2026年度协商计划",
            "一、对口协商",
            "1.推进茶旅\u2060融合发展",
            "承办单位：市政协经济\u2060委员会",
            "协商部门：市文化\u200d旅游局、市农业\u200e农村局",
        ]
    )
    assert topic_rows(import_text(text).plan) == [
        ("推进茶旅融合发展", "对口协商", [], ["经济委员会"], ["市文化旅游局", "市农业农村局"], [])
    ]


# -- the plan's title over two lines, the body by its formal name (B185) --------------------------


def test_the_body_by_its_formal_name_on_the_line_above_the_year():
    text = "\n".join(
        [
            "中国人民政治协商会议黛山市委员会",
            "2026年度协商计划",
            "一、专题协商会",
            "1.培育壮大数字经济",
            "时间：8月；承办：市政协经济委",
        ]
    )
    draft = import_text(text)
    assert draft.plan.body == "黛山市政协"
    assert draft.plan.year == 2026


# -- the refusal says what the reader looks for ----------------------------------------------------


def test_the_refusal_of_a_text_without_topics_names_no_one_layout():
    with pytest.raises(PaperworkError) as err:
        import_text("会议纪要\n今天天气很好，大家讨论了一些事情。")
    message = str(err.value)
    assert "(一)" not in message and "(2项)" not in message
    for what in ("题目", "协商形式", "时间", "表格"):
        assert what in message


def test_an_excel_copy_with_merged_group_rows_naming_forms():
    text = "\n".join(
        [
            "序号\t议题\t承办单位\t时间\t协商部门",
            "一、专题协商（2项）\t\t\t\t",
            '1\t推进茶园机械化\t县政协经济委\t5月\t"县发改局\n县财政局"',
            "2\t整治农村黑臭水体\t县政协农业委\t6月\t县农业局",
            "二、对口协商\t\t\t\t",
            "1\t保护传统村落\t县政协文史委\t7月\t县文旅局",
        ]
    )
    assert topic_rows(import_text(text).plan) == [
        ("推进茶园机械化", "专题协商", [5], ["经济委"], ["县发改局", "县财政局"], []),
        ("整治农村黑臭水体", "专题协商", [6], ["农业委"], ["县农业局"], []),
        ("保护传统村落", "对口协商", [7], ["文史委"], ["县文旅局"], []),
    ]
