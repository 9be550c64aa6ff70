"""Kinds of layout read by readerD (holdout12's B73, B75, B79), each on an invented example.

- a Word legal-style outline (``1`` / ``1.1`` in numbering.xml), leaders given in a
  separate assignment table keyed by item numbers with ranges;
- one paragraph per form, an inline heading and topics as ``；`` clauses with quoted titles;
- unlabelled positional fields under each title, explained once by a legend.
"""

from __future__ import annotations

import io
import unicodedata

from paperwork.clauses import clause_fields
from paperwork.importer import import_document, import_text
from paperwork.outline import _expand, decimal_outline
from paperwork.published_text import classify_form
from paperwork.time_phrases import parse_time


def _names(plan, ids, kind):
    by = {"departments": plan.department_by_id(), "leaders": plan.leader_by_id(), "committees": plan.committee_by_id()}[
        kind
    ]
    # names come back NFKC-normalised ("（" → "("): compared that way
    return [unicodedata.normalize("NFKC", by[i].role or by[i].name if kind == "leaders" else by[i].name) for i in ids]


def _form(plan, topic):
    name = plan.form_by_id()[topic.form].name
    return classify_form(name) or name


# -- Word legal-style outline, leaders from an assignment table ------------------------------------


def _outline_docx(paragraphs: list[tuple[int | None, str]], table: list[list[str]]) -> bytes:
    """A .docx whose numbered paragraphs use one multi-level list: level 0 "%1" + space, level 1 "%1.%2"."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.append(
        parse_xml(
            f"<w:abstractNum {nsdecls('w')} w:abstractNumId='77'><w:multiLevelType w:val='multilevel'/>"
            "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:suff w:val='space'/>"
            "<w:lvlText w:val='%1'/><w:lvlJc w:val='left'/></w:lvl>"
            "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:isLgl/><w:numFmt w:val='decimal'/>"
            "<w:lvlText w:val='%1.%2'/><w:lvlJc w:val='left'/></w:lvl></w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f"<w:num {nsdecls('w')} w:numId='77'><w:abstractNumId w:val='77'/></w:num>"))
    for level, text in paragraphs:
        p = doc.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(f"<w:numPr {nsdecls('w')}><w:ilvl w:val='{level}'/><w:numId w:val='77'/></w:numPr>")
            )
    t = doc.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for j, cell in enumerate(row):
            t.cell(r, j).text = cell
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_word_legal_outline_with_leaders_in_an_assignment_table():
    paragraphs = [
        (None, "政协青川市委员会2027年度协商计划"),
        (0, "总体要求"),
        (1, "坚持问题导向，每项议题先调研后协商。"),
        (1, "协商成果及时报送市委、市政府。"),
        (0, "专题议政性常委会议"),
        (1, "推进青川港口物流提档升级"),
        (None, "时间：5月；承办：市政协经济委员会；协商部门：市交通运输局、市商务局。"),
        (0, "对口协商"),
        (1, "加强城乡供水保障"),
        (None, "时间：三季度末；承办：市政协城建委员会；协商部门：市水务局。"),
        (1, "优化养老服务网点"),
        (None, "时间：年内；承办：市政协社会法制委员会；协商部门：市民政局、市卫健委。"),
        (1, "推动职业教育提质"),
        (None, "时间：10月；承办：市政协教育界、科技界；协商部门：市教育局。"),
        (0, "工作要求"),
        (1, "各承办单位于活动前报送方案。"),
    ]
    table = [
        ["序号", "市领导", "联系议题（编号）"],
        ["1", "副市长（分管交通、商务）林海", "2.1、3.3"],
        ["2", "市政协副主席方圆", "3.1—3.3"],
    ]
    draft = import_document("计划.docx", _outline_docx(paragraphs, table))
    plan = draft.plan
    assert [t.title for t in plan.topics] == [
        "推进青川港口物流提档升级",
        "加强城乡供水保障",
        "优化养老服务网点",
        "推动职业教育提质",
    ]
    assert [_form(plan, t) for t in plan.topics] == ["standing", "counterpart", "counterpart", "counterpart"]
    assert [_names(plan, t.leaders, "leaders") for t in plan.topics] == [
        ["副市长(分管交通、商务)林海"],
        ["市政协副主席方圆"],
        ["市政协副主席方圆"],
        ["副市长(分管交通、商务)林海", "市政协副主席方圆"],
    ]
    assert plan.topics[1].preferred_months == [9]  # 三季度末: the quarter's last month
    assert plan.topics[2].departments  # "时间：年内；…" is a topic's fields, not a page's date line
    lead = plan.committee_by_id()[plan.topics[3].lead_options[0]].name
    assert "教育界、科技界" in lead and not plan.topics[3].co_organizers  # a joint 界别 group, not split


def test_decimal_outline_needs_a_whole_outline():
    typed = [
        "1 总体要求",
        "1.1 坚持党的领导。",
        "2 专题协商会",
        "2.1 推进某事",
        "3 对口协商",
        "3.1 加强某事",
        "3.2 完善某事",
    ]
    assert decimal_outline(typed) == [
        "一、总体要求",
        "1.坚持党的领导。",
        "二、专题协商会",
        "1.推进某事",
        "三、对口协商",
        "1.加强某事",
        "2.完善某事",
    ]
    # "1.5月,围绕…" is item 1 in May; items out of sequence are no outline of this kind
    assert decimal_outline(["一、专题协商会", "1.5月,围绕某事召开"]) == ["一、专题协商会", "1.5月,围绕某事召开"]
    skipped = ["1 甲", "1.1 某", "1.3 某", "2 乙", "2.1 某", "3 丙", "3.1 某"]
    assert decimal_outline(skipped) == skipped


def test_item_number_ranges():
    assert _expand("2.1、2.4—2.6") == ["2.1", "2.4", "2.5", "2.6"]
    assert _expand("第3项、第7项") == ["3", "7"]
    assert _expand("1—3") == ["1", "2", "3"]


def test_typed_outline_is_read_like_the_word_one():
    text = """某市政协2027年度协商计划
1 专题协商会
1.1 推进老旧厂房活化利用
时间：6月；承办：市政协文史委员会；协商部门：市文旅局。
2 界别协商
2.1 促进中小企业数字化转型
时间：8月；承办：市政协经济界；协商部门：市工信局。
3 提案办理协商
3.1 关于完善公交线网的重点提案
时间：9月；承办：市政协提案委员会；协商部门：市交通局。"""
    plan = import_text(text).plan
    assert [t.title for t in plan.topics] == [
        "推进老旧厂房活化利用",
        "促进中小企业数字化转型",
        "关于完善公交线网的重点提案",
    ]
    assert [_form(plan, t) for t in plan.topics] == ["special", "sector", "proposal"]


# -- one paragraph per form, topics as clauses ------------------------------------------------------


FORM_PARAGRAPHS = """某县政协2027年度协商工作计划
一、全体会议协商。县政协全体会议期间，组织委员协商讨论政府工作报告，不列入本计划议题。
二、专题协商会。全年安排3项：6月，围绕“推进茶旅融合发展”开展专题协商，由县政协农业委员会承办，县农业农村局、县文旅局参加，邀请副县长（分管农业、旅游）周平出席；拟于第三季度围绕“加强‘一老一小’服务”开展专题协商，由县政协社会法制委员会承办，县民政局参加；围绕“改善县城交通秩序”开展专题协商，时间为八月份，由县政协城建委员会承办，县公安局、县交通局参加，县政协副主席葛成出席。
三、“民生议事堂”协商议事。在乡镇安排1项：上半年和下半年各开展一次，围绕“整治河道垃圾”在东坪镇开展协商议事，由东坪镇政协委员工作站承办，东坪镇人民政府参加。
四、工作要求。各承办单位要提前制定方案，会后报送协商报告。
抄送：县委办公室。"""


def test_form_paragraphs_with_topic_clauses():
    draft = import_text(FORM_PARAGRAPHS)
    plan = draft.plan
    assert [t.title for t in plan.topics] == [
        "推进茶旅融合发展",
        "加强‘一老一小’服务",
        "改善县城交通秩序",
        "整治河道垃圾",
        "整治河道垃圾",
    ]
    assert [_form(plan, t) for t in plan.topics][:3] == ["special"] * 3
    assert _form(plan, plan.topics[3]) == "“民生议事堂”协商议事"
    first, second, third = plan.topics[:3]
    assert first.preferred_months == [6] and third.preferred_months == [8]
    assert second.window == (7, 9)
    assert _names(plan, first.departments, "departments") == ["县农业农村局", "县文旅局"]
    assert _names(plan, first.leaders, "leaders") == ["副县长(分管农业、旅游)周平"]
    assert _names(plan, third.leaders, "leaders") == ["县政协副主席葛成"]
    assert not second.leaders
    assert _names(plan, plan.topics[3].lead_options, "committees") == ["东坪镇政协委员工作站"]
    # the part after the forms is prose, and the 抄送 line is no topic's note
    assert not any("抄送" in w for w in draft.warnings)


def test_clause_fields_find_the_time_wherever_it_stands():
    assert clause_fields("围绕“某事”开展对口协商，时间为十月，由某委承办") == [
        ("title", "某事"),
        ("time", "十月"),
        ("lead", "某委"),
    ]
    assert clause_fields("县委全会后（9月），围绕“某事”召开常委会议")[1] == ("time", "县委全会后（9月）")
    assert clause_fields("组织委员开展视察") is None


# -- positional fields explained by a legend --------------------------------------------------------


LEGEND = """某区政协2027年度协商计划
一、协商议题
议题后括号内为时间，未注明的在所列季度内安排；议题下一行依次为：协商形式／承办单位／协商部门／出席
领导（“—”表示不邀请）。
（一）第二季度
◎推进河湖长制落地见效（5月）
对口协商／区政协人资环委员会／区水务局、区
农业农村局／副区长沈默
◎提升街巷微更新品质

专题协商会／区政协城建委员会／区住建局、区城管局、区规划分局、区财政局、区街道办事处／区政协副主席
吴桐
（二）跨季度安排
◎优化社区托育服务（第一、三季度各一次）
界别协商／区政协妇联界、青联界／区卫健局／—
二、工作要求
（一）加强统筹。各承办单位要细化方案。"""


def test_positional_fields_with_a_legend():
    plan = import_text(LEGEND).plan
    assert [t.title for t in plan.topics] == [
        "推进河湖长制落地见效",
        "提升街巷微更新品质",
        "优化社区托育服务",
        "优化社区托育服务",
    ]
    assert [_form(plan, t) for t in plan.topics] == ["counterpart", "special", "sector", "sector"]
    first, second, third, fourth = plan.topics
    assert _names(plan, first.departments, "departments") == ["区水务局", "区农业农村局"]  # wrapped: joined
    assert _names(plan, first.leaders, "leaders") == ["副区长沈默"]
    assert second.window == (4, 6)  # no time of its own: its quarter
    assert _names(plan, second.leaders, "leaders") == ["区政协副主席吴桐"]
    assert not third.leaders  # "—": none invited
    assert (third.window, fourth.window) == ((1, 3), (7, 9))


def test_quarter_end_is_that_quarters_last_month():
    assert parse_time("二季度末").months == [6]
    assert parse_time("第四季度末前").months == []


def test_assignment_table_right_under_the_last_topic_is_no_part_of_it():
    paragraphs = [
        (0, "专题协商会"),
        (1, "推进湿地公园提升"),
        (None, "时间：5月；承办：市政协人资环委员会；协商部门：市林业局。"),
        (0, "对口协商"),
        (1, "加强校园食品安全"),
        (None, "时间：9月；承办：市政协教育委员会；协商部门：市教育局。"),
        (0, "界别协商"),
        (1, "发展林下经济"),
        (None, "时间：10月；承办：市政协农业界；协商部门：市农业农村局。"),
    ]
    table = [["序号", "市领导", "联系议题（编号）"], ["1", "副市长林海", "1.1、3.1"], ["2", "市政协副主席方圆", "2.1"]]
    draft = import_document("计划.docx", _outline_docx(paragraphs, table))
    plan = draft.plan
    assert [_names(plan, t.leaders, "leaders") for t in plan.topics] == [
        ["副市长林海"],
        ["市政协副主席方圆"],
        ["副市长林海"],
    ]
    assert _names(plan, plan.topics[2].departments, "departments") == ["市农业农村局"]


def test_form_paragraph_with_bracket_number_and_one_sentence_per_topic():
    text = """某市政协2027年度协商计划
（一）对口协商。全年安排2项。5月，围绕“提升口岸通关效率”开展对口协商。由市政协港澳台侨委员会承办，市商务局、海关参加。9月，围绕“加强古树名木保护”开展对口协商。由市政协人资环委员会承办，市林业局参加，邀请副市长唐宁出席。
（二）工作要求。各承办单位要提前制定方案。"""
    plan = import_text(text).plan
    assert [t.title for t in plan.topics] == ["提升口岸通关效率", "加强古树名木保护"]
    assert [t.preferred_months for t in plan.topics] == [[5], [9]]
    assert [_form(plan, t) for t in plan.topics] == ["counterpart", "counterpart"]
    assert _names(plan, plan.topics[0].departments, "departments") == ["市商务局", "海关"]
    assert _names(plan, plan.topics[1].leaders, "leaders") == ["副市长唐宁"]


def test_assignment_to_a_number_no_topic_carries_is_warned_about():
    paragraphs = [
        (0, "专题协商会"),
        (1, "推进湿地公园提升"),
        (None, "时间：5月；承办：市政协人资环委员会；协商部门：市林业局。"),
        (0, "对口协商"),
        (1, "加强校园食品安全"),
        (None, "时间：9月；承办：市政协教育委员会；协商部门：市教育局。"),
        (0, "界别协商"),
        (1, "发展林下经济"),
        (None, "时间：10月；承办：市政协农业界；协商部门：市农业农村局。"),
    ]
    table = [["序号", "市领导", "联系议题（编号）"], ["1", "副市长林海", "1.1、4.2"]]
    draft = import_document("计划.docx", _outline_docx(paragraphs, table))
    assert _names(draft.plan, draft.plan.topics[0].leaders, "leaders") == ["副市长林海"]
    assert any("副市长林海" in w and "4.2" in w for w in draft.warnings)
