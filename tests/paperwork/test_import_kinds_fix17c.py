"""Kinds blind set 17 showed (B109, B112), each tested on an invented example of our own.

- a pasted article's form headings behind decorative marks and boxed numbers, with counts;
- compact bracket fields after a title, long or with a bracket inside, recognised by their verbs;
- a table per form, the form named in a merged row above the header (or in a row mid-table),
  and an annex's title after the plan.
"""

from __future__ import annotations

import io

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.published_text import _plain_form_heading
from paperwork.sources import table_lines

# -- an article pasted as text: ◆/█/★ marks, "【二】", counts; compact brackets of fields ------------

_ARTICLE = """榕川区政协2026年度协商工作安排

▍重点协商

◆ 专题议政性常委会议（3场）
　　（1）推动榕川临空经济区扩能升级（第二季度，城建委承办，区发改局、区城管局（区园林中心）、区财政局、区交通运输局、区商务局参加，副区长甘立伟、区政协副主席汤小禾、区政协秘书长出席）
　　（2）完善社区嵌入式养老服务网络（6月、11月各一次，社会法制委牵头，区民政局、区卫健局、各街道办事处参加，区长、区政协主席龚向晨出席）

█【二】对口协商
　　（1）推进背街小巷“微更新”（8月下旬，人资环委牵头，区住建局（区人防办）、区城管局参加）

★界别协商（2次）
　　（1）助力民营企业拓市场（适时，工商联界、经济界牵头，区工信局、区商务局、区税务局参加，区政协副主席汤小禾出席）

▍其他事项

　　1.各承办专委会要于活动前制定方案，报主席会议审定。
　　2.参加单位要明确1名联络员。
"""


def test_an_article_with_marked_form_headings_and_compact_bracket_fields():
    rows = topic_rows(import_text(_ARTICLE).plan)
    assert rows == [
        (
            "推动榕川临空经济区扩能升级",
            "专题议政性常委会议",
            [],
            ["城建委"],
            ["区发改局", "区城管局(区园林中心)", "区财政局", "区交通运输局", "区商务局"],
            ["副区长甘立伟", "区政协副主席汤小禾", "区政协秘书长"],
        ),
        (
            "完善社区嵌入式养老服务网络",
            "专题议政性常委会议",
            [6],
            ["社会法制委"],
            ["区民政局", "区卫健局", "各街道办事处"],
            ["区长", "区政协主席龚向晨"],
        ),
        (
            "完善社区嵌入式养老服务网络",
            "专题议政性常委会议",
            [11],
            ["社会法制委"],
            ["区民政局", "区卫健局", "各街道办事处"],
            ["区长", "区政协主席龚向晨"],
        ),
        ("推进背街小巷“微更新”", "对口协商", [8], ["人资环委"], ["区住建局(区人防办)", "区城管局"], []),
        (
            "助力民营企业拓市场",
            "界别协商",
            [],
            ["工商联界、经济界"],
            ["区工信局", "区商务局", "区税务局"],
            ["区政协副主席汤小禾"],
        ),
    ]


def test_a_long_compact_bracket_under_a_plain_numbered_heading():
    # a second wording: "一、" headings, "1." topics, the bracket's lead by 承办, well past 40 characters
    text = (
        "沅北县政协2026年度协商计划\n"
        "一、专题协商\n"
        "1.加快沅北高铁新区产城融合（7月，县政协经济科技委员会承办，县发改局、县住建局、县自然资源局、"
        "县财政局、沅北高铁新区管委会参加，副县长（分管发改、住建）颜德松、县政协副主席岑小满出席）\n"
        "2.做好农村集体经营性建设用地入市（4—5月，县政协农业农村委员会承办，县自然资源局（县林业局）参加）\n"
    )
    rows = topic_rows(import_text(text).plan)
    assert [r[0] for r in rows] == ["加快沅北高铁新区产城融合", "做好农村集体经营性建设用地入市"]
    assert rows[0][1:] == (
        "专题协商",
        [7],
        ["经济科技委员会"],
        ["县发改局", "县住建局", "县自然资源局", "县财政局", "沅北高铁新区管委会"],
        ["副县长(分管发改、住建)颜德松", "县政协副主席岑小满"],
    )
    assert rows[1][2:5] == ([4, 5], ["农业农村委员会"], ["县自然资源局(县林业局)"])


def test_decorated_form_headings_are_read_plain():
    assert _plain_form_heading("▌【三】界别协商(4次)") == "三、界别协商(4次)"
    assert _plain_form_heading("〔二〕对口协商") == "二、对口协商"
    assert _plain_form_heading("◆视察协商(2场)") == "【视察协商(2场)】"
    assert _plain_form_heading("■【提案办理协商】(3项)") == "【提案办理协商(3项)】"
    assert _plain_form_heading("【民主监督协商】(2次)") == "【民主监督协商(2次)】"
    # what names no form is left as it is: a topic, a tagged topic, an article's own section
    assert _plain_form_heading("◆网络议政(2次)") == "【网络议政(2次)】"
    assert _plain_form_heading("◆推进城乡环卫一体化") == "◆推进城乡环卫一体化"
    assert _plain_form_heading("◆网络议政") == "◆网络议政"  # unknown to the form rules and uncounted: maybe an item
    assert _plain_form_heading("◆【基层协商】深化“圳口议事”基层协商") == "◆【基层协商】深化“圳口议事”基层协商"
    assert _plain_form_heading("▌工作要求") == "▌工作要求"
    assert _plain_form_heading("【一】总体安排") == "【一】总体安排"
    assert _plain_form_heading("【专题协商】") == "【专题协商】"


def test_a_bar_heading_after_the_topics_ends_the_form():
    text = (
        "枫亭镇2026年协商计划\n"
        "▌对口协商（2次）\n"
        "1.整治圩日集市秩序（5月，镇人大主席团牵头，镇市场监管所参加）\n"
        "2.改善中心小学周边交通（9月，镇人大主席团牵头，镇派出所、镇交管站参加）\n"
        "▌保障措施\n"
        "1.各牵头单位于活动前拟定方案，报镇党委审定。\n"
        "2.参加单位要按时提交材料。\n"
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[1]) for r in rows] == [("整治圩日集市秩序", "对口协商"), ("改善中心小学周边交通", "对口协商")]


# -- a Word file with one table per form, its form in a merged first row -----------------------------


def _table(doc, first: str, header: tuple[str, ...], rows: list) -> None:
    t = doc.add_table(rows=2 + len(rows), cols=len(header))
    t.cell(0, 0).merge(t.cell(0, len(header) - 1)).text = first
    for j, h in enumerate(header):
        t.cell(1, j).text = h
    for i, row in enumerate(rows, start=2):
        if isinstance(row, str):  # a form-group row merged across the table
            t.cell(i, 0).merge(t.cell(i, len(header) - 1)).text = row
            continue
        for j, v in enumerate(row):
            t.cell(i, j).text = v


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_tables_one_per_form_named_in_a_merged_first_row_and_a_form_row_mid_table():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协鹭江县委员会2026年度协商计划")
    doc.add_paragraph("全年安排协商活动5次。")
    head = ("协商议题", "协商时间", "承办专委会", "参加部门", "出席县领导")
    _table(
        doc,
        "一、专题协商会（2次）",
        head,
        [
            ("推进鹭江港区疏港公路建设", "5月", "县政协经济委员会", "县交通运输局、县发改局", "副县长柴明远"),
            ("加强县域急救体系建设", "6月", "县政协教科卫体委员会", "县卫健局", ""),
        ],
    )
    doc.add_paragraph("")
    _table(
        doc,
        "对口协商（3次）",  # unnumbered, with its count
        head,
        [
            ("规范校外培训机构管理", "4月", "县政协教科卫体委员会", "县教育局、县市场监管局", "县政协副主席伍晓岚"),
            ("推动茶旅融合发展", "10月", "县政协农业农村委员会", "—", "副县长（分管农业、文旅）"),
            "界别协商",
            ("助力个体工商户纾困", "7—8月", "县政协工商联界、经济界", "县市场监管局、县税务局", "常务副县长"),
        ],
    )
    doc.add_paragraph("附件")
    doc.add_paragraph("各协商部门联络员名单")
    contacts = doc.add_table(rows=3, cols=4)
    for i, r in enumerate(
        [
            ("单位", "联络员", "职务", "手机"),
            ("县交通运输局", "米朝阳", "办公室主任", "13900000001"),
            ("县教育局", "单秀云", "科员", "13900000002"),
        ]
    ):
        for j, v in enumerate(r):
            contacts.cell(i, j).text = v
    doc.add_paragraph("抄送：县委办公室，县人大常委会办公室。")
    doc.add_paragraph("鹭江县政协办公室　　　　2026年2月20日印发")
    rows = topic_rows(import_document("计划.docx", _docx_bytes(doc)).plan)
    assert [(r[0], r[1]) for r in rows] == [
        ("推进鹭江港区疏港公路建设", "专题协商会"),
        ("加强县域急救体系建设", "专题协商会"),
        ("规范校外培训机构管理", "对口协商"),
        ("推动茶旅融合发展", "对口协商"),
        ("助力个体工商户纾困", "界别协商"),
    ]
    assert rows[3][4:] == ([], ["副县长(分管农业、文旅)"])
    assert rows[4][3] == ["工商联界、经济界"]


def test_a_form_row_above_a_tables_header_becomes_its_heading():
    header = ["议题", "时间", "承办单位"]
    body = ["推进甲乙河岸线整治", "6月", "市政协人资环委"]
    assert table_lines([["（二）视察协商"] * 3, header, body])[0] == "【视察协商】"
    assert table_lines([["三、民主监督性协商"] * 3, header, body])[0] == "三、民主监督性协商"
    # a title row naming the year is still the document's title; any other merged row is left out
    assert table_lines([["2026年度协商计划表"] * 3, header, body])[0] == "2026年度协商计划表"
    assert table_lines([["单位：市政协办公室"] * 3, header, body])[0].startswith("【表格】")


def test_a_caption_line_above_each_table_with_its_count_or_a_mark_names_the_form():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协栖霞湾区委员会2026年度协商计划")
    for caption, title in (("专题协商会（2次）", "推进湾区滨水空间贯通"), ("▍视察协商", "完善智慧停车平台")):
        doc.add_paragraph(caption)
        t = doc.add_table(rows=2, cols=4)
        for j, v in enumerate(("协商议题", "协商时间", "承办专委会", "参加部门")):
            t.cell(0, j).text = v
        for j, v in enumerate((title, "5月", "区政协城建委", "区住建局")):
            t.cell(1, j).text = v
    rows = topic_rows(import_document("计划.docx", _docx_bytes(doc)).plan)
    assert [(r[0], r[1]) for r in rows] == [("推进湾区滨水空间贯通", "专题协商会"), ("完善智慧停车平台", "视察协商")]


def test_a_quoted_title_with_the_year_before_the_level_names_no_place():
    # "《2026年度县政协协商计划》" under a joint header: the body is the header's, not "年度县政协"
    text = (
        "中共岚溪县委办公室\n岚溪县人民政府办公室\n政协岚溪县委员会办公室\n"
        "关于印发《2026年度县政协协商计划》的通知\n各乡镇：现印发给你们。\n"
        "一、专题协商\n1.推进甲乙工程建设（5月，县政协经济委牵头，县发改局参加）\n"
    )
    assert import_text(text).plan.body == "岚溪县政协"
