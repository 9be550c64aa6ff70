"""Kinds blind set 18 showed (B114, B119), each on an invented example of our own.

- a card table per topic with a caption above each card ("议题卡片(二)", "第3号议题卡"): the
  caption is the next card's label, never the tail of the last value of the card above;
- contacts set as a card ("栏目 | 具体内容" over "联系人 | …", "联系电话 | …", or committee |
  person and phone): no topic, no department, no leader;
- a part the plan says it does not count ("附表:…(另行印发,不列入年度协商计划)",
  "三、…(单独组织实施)", "以下…不纳入本年度协商议题:"): its lines give no topic and are
  listed as skipped with the reason; a 民主监督性协商 topic inside the plan still counts.
"""

from __future__ import annotations

import io

from paperwork_samples import topic_rows

from paperwork.card_layouts import is_card_caption
from paperwork.importer import import_document, import_text
from paperwork.side_tables import is_contact_card
from paperwork.texts import PAGE_PART_SKIP


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _card(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value


# -- a card's caption between card tables -------------------------------------------------------


def test_card_captions_are_told_by_card_words_and_an_ordinal():
    for caption in ("议题卡片(二)", "第3号议题卡", "选题卡之四", "课题表5", "协商事项单(六)", "议题卡片"):
        assert is_card_caption(caption), caption
    for other in ("市政协副主席韩某", "市第三人民医院", "推进汀兰湾整治", "12", "有关副县长"):
        assert not is_card_caption(other), other


def test_a_caption_right_after_a_word_card_table_is_not_glued_onto_its_last_value():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协澄沙县委员会2027年度协商议题")
    doc.add_paragraph("议题卡片(一)")
    _card(
        doc,
        [
            ("题目", "提升澄沙县乡村客运服务水平"),
            ("方式", "专题协商会"),
            ("时间", "4月"),
            ("牵头单位", "县政协经济科技委员会"),
            ("配合单位", "县政协提案委员会"),
            ("协商部门", "县交通运输局、县财政局"),
            ("出席领导", "副县长韩某、县政协主席钟某"),
        ],
    )
    # Word puts no paragraph between a table and the caption set right under it
    doc.add_paragraph("议题卡片(二)")
    _card(
        doc,
        [
            ("题目", "加强沙河流域水生态保护"),
            ("方式", "对口协商会"),
            ("时间", "9月"),
            ("牵头单位", "县政协人口资源环境委员会"),
            ("协商部门", "—"),
            ("出席领导", "县政协副主席闵某"),
        ],
    )
    doc.add_paragraph("第3号议题卡")
    _card(
        doc,
        [
            ("题目", "做好高校毕业生返乡就业服务"),
            ("方式", "界别协商会"),
            ("时间", "11月"),
            ("牵头单位", "县政协社会和法制委员会"),
            ("协商部门", "县人力资源社会保障局、县教育局"),
            ("出席领导", "副县长庞某"),
        ],
    )
    doc.add_paragraph("抄送:县委办公室。")
    rows = topic_rows(import_document("计划.docx", _docx_bytes(doc)).plan)
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [
        (
            "提升澄沙县乡村客运服务水平",
            ["经济科技委员会"],  # the 配合单位 is neither the lead nor a department
            ["县交通运输局", "县财政局"],
            ["副县长韩某", "县政协主席钟某"],
        ),
        ("加强沙河流域水生态保护", ["人口资源环境委员会"], [], ["县政协副主席闵某"]),
        ("做好高校毕业生返乡就业服务", ["社会和法制委员会"], ["县人力资源社会保障局", "县教育局"], ["副县长庞某"]),
    ]


def test_a_card_caption_after_a_blank_line_in_pasted_text_is_not_a_department():
    text = """政协临溪区委员会2027年度协商议题
选题卡之一
议题名称:推动临溪老街商业焕新
协商形式:专题协商会
时间安排:5月
承办单位:区政协经济委员会
协商部门:区商务局、区文旅局

选题卡之二
议题名称:完善社区嵌入式托育服务
协商形式:对口协商会
时间安排:8月
承办单位:区政协教科卫体委员会
协商部门:区卫生健康局
"""
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[4]) for r in rows] == [
        ("推动临溪老街商业焕新", ["区商务局", "区文旅局"]),
        ("完善社区嵌入式托育服务", ["区卫生健康局"]),
    ]


# -- contacts set as a card ----------------------------------------------------------------------


def test_contact_cards_are_told_by_their_rows():
    assert is_contact_card([["栏目", "具体内容"], ["联系人", "钱某某"], ["联系电话", "0571-88886666"]])
    assert is_contact_card([["项目", "内容"], ["县政协办公室", "包某 13800001111"], ["县政协经济委", "汤某 6612345"]])
    assert is_contact_card([["联络员", "孙某"], ["电子邮箱", "zxb@example.cn"]])
    # a topic's card with one 联系人 row among its fields is a topic's card
    assert not is_contact_card([["议题名称", "推进X"], ["协商时间", "5月"], ["联系人", "钱某 0571-88886666"]])
    assert not is_contact_card([["项目", "内容"], ["议题名称", "推进X"], ["协商形式", "专题协商会"]])


def test_a_contacts_card_after_the_topic_cards_gives_no_topic():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协澄沙县委员会2027年度协商议题")
    _card(
        doc,
        [
            ("栏目", "具体内容"),
            ("议题名称", "提升澄沙县乡村客运服务水平"),
            ("协商形式", "专题协商会"),
            ("时间", "4月"),
            ("承办专委会", "县政协经济科技委员会"),
            ("协商部门", "县交通运输局"),
            ("出席领导", "副县长韩某"),
        ],
    )
    doc.add_paragraph("附件2 协商工作联络表")
    _card(
        doc,
        [
            ("项目", "内容"),  # the head of the topic cards too: "项目" alone would pass for a title column
            ("县政协办公室", "包某某 13800001111"),
            ("县政协经济科技委员会", "汤某 0571-6612345"),
        ],
    )
    doc.add_paragraph("附件3 联络人")
    _card(doc, [("联系人", "钱某某"), ("联系电话", "0571-88886666"), ("电子邮箱", "zxb@example.cn")])
    draft = import_document("计划.docx", _docx_bytes(doc))
    rows = topic_rows(draft.plan)
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [
        ("提升澄沙县乡村客运服务水平", ["经济科技委员会"], ["县交通运输局"], ["副县长韩某"])
    ]
    assert [c.name for c in draft.plan.committees] == ["经济科技委员会"]  # none from the contacts


# -- a part the plan does not count --------------------------------------------------------------

_PLAN_TABLE = """<table>
<tr><th>序号</th><th>协商议题</th><th>协商形式</th><th>时间</th><th>牵头专委会</th><th>协商部门</th></tr>
<tr><td>1</td><td>推动澜江港区转型升级</td><td>专题协商会</td><td>6月</td><td>市政协经济委员会</td><td>市交通运输局</td></tr>
<tr><td>2</td><td>“放心肉”供应链建设情况</td><td>民主监督性协商</td><td>9月</td><td>市政协农业和农村委员会</td>
<td>市农业农村局</td></tr>
</table>"""


def test_a_web_table_captioned_as_not_counted_gives_no_topic_and_its_lines_are_said():
    page = f"""<html><body><h1>政协澜江市委员会2027年度协商计划</h1>
<p>市政协全体会议于1月召开,围绕政府工作报告协商议政,不列入下表。</p>
{_PLAN_TABLE}
<p>附表:2027年度视察监督安排(另行印发,不列入年度协商计划)</p>
<table>
<tr><th>序号</th><th>视察事项</th><th>方式</th><th>时间</th><th>牵头专委会</th></tr>
<tr><td>1</td><td>推动澜江港区转型升级中期评估</td><td>集中视察</td><td>5月</td><td>市政协经济委员会</td></tr>
<tr><td>2</td><td>“一刻钟便民生活圈”建设</td><td>专项监督</td><td>10月</td><td>市政协社会和法制委员会</td></tr>
</table>
<p>政协澜江市委员会办公室</p><p>2027年2月20日</p>
</body></html>"""
    draft = import_document("计划.html", page.encode())
    assert [(r[0], r[1]) for r in topic_rows(draft.plan)] == [
        ("推动澜江港区转型升级", "专题协商会"),
        ("“放心肉”供应链建设情况", "民主监督性协商"),  # a 民主监督 topic inside the plan counts
    ]
    said = {s.text for s in draft.skipped if s.reason == PAGE_PART_SKIP["not_counted"]}
    assert any("另行印发" in t for t in said)
    assert any("一刻钟便民生活圈" in t for t in said)
    assert not any("2027年2月20日" in t for t in said)  # the date under the plan is no part of it


def test_a_heading_or_lead_in_that_says_not_counted_sets_its_items_aside():
    text = """政协溆口县委员会2027年度协商计划
一、协商议题
1.推进溆口县城污水管网改造
协商形式:专题协商会
时间:5月
承办单位:县政协城建委
协商部门:县住建局
2.开展食品安全“两个责任”落实情况民主监督性协商
协商形式:民主监督性协商
时间:9月
承办单位:县政协社会法制委
协商部门:县市场监管局
二、专项民主监督(单独组织实施)
1.城区停车秩序整治情况
2.农村饮水安全工程运行情况
三、委员视察
以下视察事项另行印发方案,不纳入本年度协商议题:
1.乡村振兴示范片建设
2.县域医共体运行
四、工作要求
(一)各承办单位要提前谋划。
"""
    draft = import_text(text)
    assert [(r[0], r[1], r[2]) for r in topic_rows(draft.plan)] == [
        ("推进溆口县城污水管网改造", "专题协商会", [5]),
        ("开展食品安全“两个责任”落实情况民主监督性协商", "民主监督性协商", [9]),
    ]
    said = {s.text for s in draft.skipped if s.reason == PAGE_PART_SKIP["not_counted"]}
    assert {"1.城区停车秩序整治情况", "2.农村饮水安全工程运行情况", "1.乡村振兴示范片建设", "2.县域医共体运行"} <= said
    assert "四、工作要求" not in said


def test_headings_that_only_say_how_their_own_topics_are_carried_out_keep_them():
    text = """政协汀湄区委员会2027年度协商计划
一、专题协商(全体会议另行安排,不列入本计划)
1.加快汀湄新城产城融合
时间:4月
承办单位:区政协经济委
二、对口协商(由各专委会单独组织实施)
1.优化社区养老助餐服务
时间:6月
承办单位:区政协社会法制委
三、界别协商(具体方案另行印发)
1.支持青年人才返乡创业
时间:10月
承办单位:区政协青年界
"""
    draft = import_text(text)
    assert [(r[0], r[2]) for r in topic_rows(draft.plan)] == [
        ("加快汀湄新城产城融合", [4]),
        ("优化社区养老助餐服务", [6]),
        ("支持青年人才返乡创业", [10]),
    ]
    assert not [s for s in draft.skipped if s.reason == PAGE_PART_SKIP["not_counted"]]


def test_a_caption_with_the_saying_in_its_closing_bracket_sets_its_rows_aside_up_to_the_date():
    text = """政协沣源县委员会2027年度协商计划
1.推进沣源河堤岸绿化提升
协商形式:专题协商会
时间:5月
承办单位:县政协人资环委
2026年度委员视察安排(另文印发)
1.沣源河堤岸绿化提升视察
2.县城老旧小区加装电梯进展
政协沣源县委员会办公室
2027年1月30日
"""
    draft = import_text(text)
    assert [r[0] for r in topic_rows(draft.plan)] == ["推进沣源河堤岸绿化提升"]
    said = [s.text for s in draft.skipped if s.reason == PAGE_PART_SKIP["not_counted"]]
    assert said == ["2026年度委员视察安排(另文印发)", "1.沣源河堤岸绿化提升视察", "2.县城老旧小区加装电梯进展"]


def test_a_wide_table_with_a_phone_column_is_no_contact_card():
    rows = [
        ["1", "推进X", "专题协商会", "5月", "县政协经济委", "钱某 0571-88886666"],
        ["2", "完善Y", "对口协商会", "9月", "县政协社会法制委", "包某 13800001111"],
    ]
    assert not is_contact_card(rows)


def test_a_lone_title_field_without_fields_is_listed_as_skipped_once():
    text = """政协临溪区委员会2027年度协商议题
议题名称:栏目说明
议题名称:推动临溪老街商业焕新
时间安排:5月
"""
    draft = import_text(text)
    assert [r[0] for r in topic_rows(draft.plan)] == ["推动临溪老街商业焕新"]
    assert [s.line for s in draft.skipped].count(2) == 1
