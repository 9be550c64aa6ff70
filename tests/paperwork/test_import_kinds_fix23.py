"""Kinds blind set 23 showed (Word files as other tools and editing habits leave them), each tested on
invented examples of our own: content controls (B155), text boxes stored twice (B156), a table nested in
a table cell (B157), tab-aligned labels with an empty value (B154), body and year only in the page
header (B160), a contact line after a note (B157)."""

from __future__ import annotations

import io

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.sources import docx_lines

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NS = (
    _W + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _new(*paragraphs: str):
    import docx

    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    return doc


def _append(doc, xml: str) -> None:
    """Put a raw body element (a paragraph, a table, a content control) before the section properties."""
    from docx.oxml import parse_xml

    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def _p(text: str) -> str:
    return f'<w:p {_W}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _runs(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# -- content controls (B155) ---------------------------------------------------------------------------------


_CHOICES = "".join(
    f'<w:listItem w:displayText="{x}" w:value="{x}"/>' for x in ["3月", "6月", "9月", "第四季度", "下半年", "适时"]
)


def _value(alias: str, shown: str, *, combo: bool = False, placeholder: bool = False) -> str:
    kind = f"<w:comboBox>{_CHOICES}</w:comboBox>" if combo else "<w:text/>"
    plc = "<w:showingPlcHdr/>" if placeholder else ""
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/>{plc}{kind}</w:sdtPr>'
        f"<w:sdtContent>{_runs(shown)}</w:sdtContent></w:sdt>"
    )


def _field(label: str, value: str) -> str:
    return f"<w:p>{_runs(label + '：')}{value}</w:p>"


def _block(n: str, fields: list[tuple[str, str]], *, placeholder: bool = False) -> str:
    plc = "<w:showingPlcHdr/>" if placeholder else ""
    inner = "".join(_field(label, value) for label, value in fields)
    return (
        f'<w:sdt {_W}><w:sdtPr><w:alias w:val="申报议题"/>{plc}</w:sdtPr><w:sdtContent>'
        f"<w:p>{_runs(n)}</w:p>{inner}</w:sdtContent></w:sdt>"
    )


def _filled(n: str, title: str, time: str, lead: str, depts: str, leaders: str | None) -> str:
    fields = [
        ("议题名称", _value("议题名称", title)),
        ("协商时间", _value("协商时间", time, combo=True)),
        ("承办单位", _value("承办单位", lead)),
        ("协商部门", _value("协商部门", depts)),
    ]
    if leaders is not None:
        fields.append(("出席领导", _value("出席领导", leaders)))
    return _block(n, fields)


_PLACEHOLDER = "单击或点击此处输入文字。"


def test_topics_in_content_controls_are_read_as_the_text_they_show():
    doc = _new("政协青岚省委员会2026年度协商计划", "本计划按申报表模板汇总。")
    _append(doc, _p("一、专题协商会"))
    _append(
        doc,
        _filled("议题1", "推进青岚河口湿地保护", "6月", "省政协人口资源环境委员会", "省林业局、省水利厅", "副省长丁朗"),
    )
    _append(doc, _filled("议题2", "加快发展低空经济", "11月", "省政协经济委员会", "省发展改革委", None))
    _append(doc, _p("二、对口协商会"))
    _append(doc, _filled("议题3", "完善县域医共体建设", "适时", "省政协教科卫体委员会", "省卫生健康委", "副省长乔琳"))
    # the template's spare block: every field still shows its placeholder
    spare = [(label, _value(label, _PLACEHOLDER, placeholder=True)) for label in ("议题名称", "协商时间", "承办单位")]
    _append(doc, _block("议题4", spare, placeholder=True))
    _append(doc, _p("三、工作要求"))
    _append(doc, _p("填报说明：协商时间可选月份、季度或适时。"))
    draft = import_document("申报表.docx", _bytes(doc))
    assert topic_rows(draft.plan) == [
        ("推进青岚河口湿地保护", "专题协商会", [6], ["人口资源环境委员会"], ["省林业局", "省水利厅"], ["副省长丁朗"]),
        ("加快发展低空经济", "专题协商会", [11], ["经济委员会"], ["省发展改革委"], []),
        ("完善县域医共体建设", "对口协商会", [], ["教科卫体委员会"], ["省卫生健康委"], ["副省长乔琳"]),
    ]
    lines = docx_lines(_bytes(doc))
    assert not any(_PLACEHOLDER in line for line in lines)
    assert not any("3月" in line for line in lines)  # a combo box's list is options, not text


def test_a_filled_control_inside_a_block_still_marked_as_placeholder_is_read():
    # near-miss: the outer block kept its placeholder mark, but its fields were filled in
    doc = _new("政协青岚省委员会2026年度协商计划", "一、专题协商会")
    _append(
        doc,
        _block(
            "议题1",
            [
                ("议题名称", _value("议题名称", "推进青岚古城保护利用")),
                ("协商时间", _value("协商时间", "9月", combo=True)),
                ("承办单位", _value("承办单位", "省政协文化文史委员会")),
                ("协商部门", _value("协商部门", _PLACEHOLDER, placeholder=True)),
            ],
            placeholder=True,
        ),
    )
    rows = topic_rows(import_document("申报表.docx", _bytes(doc)).plan)
    assert rows == [("推进青岚古城保护利用", "专题协商会", [9], ["文化文史委员会"], [], [])]


def test_table_rows_wrapped_in_a_repeating_content_control_are_read():
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协青岚市委员会2026年度协商计划")
    table = doc.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ("协商议题", "协商形式", "时间", "承办单位"),
            ("推进老旧厂区更新利用", "专题协商会", "5月", "市政协城建委员会"),
            ("加强校园周边交通治理", "对口协商会", "9月", "市政协社会法制委员会"),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    from docx.oxml import parse_xml

    tbl = table._tbl
    for tr in list(tbl.tr_lst)[1:]:  # each data row inside its own control, as a repeating section leaves it
        at = tbl.index(tr)
        sdt = parse_xml(f"<w:sdt {_W}><w:sdtPr/><w:sdtContent/></w:sdt>")
        tbl.insert(at, sdt)
        sdt[1].append(tr)
    rows = topic_rows(import_document("计划.docx", _bytes(doc)).plan)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("推进老旧厂区更新利用", "专题协商会", [5], ["城建委员会"]),
        ("加强校园周边交通治理", "对口协商会", [9], ["社会法制委员会"]),
    ]


# -- text boxes, stored twice (B156) ------------------------------------------------------------------------


def _box_paragraphs(lines: list[str]) -> str:
    return "".join(f"<w:p>{_runs(x)}</w:p>" for x in lines)


def _drawing_box(lines: list[str], *, fallback: bool = True) -> str:
    """A paragraph anchoring a text box as Word writes it: DrawingML, with a VML copy as the fallback."""
    content = _box_paragraphs(lines)
    drawing = (
        '<w:drawing><wp:anchor><wp:extent cx="5000000" cy="3000000"/><wp:docPr id="1" name="文本框 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = (
        f'<w:pict><v:shape style="width:400pt"><v:textbox><w:txbxContent>{content}</w:txbxContent>'
        "</v:textbox></v:shape></w:pict>"
    )
    if not fallback:
        return f"<w:p {_NS}><w:r>{vml}</w:r></w:p>"
    return (
        f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


_BOX_ONE = [
    "一、专题协商会",
    "1．推进溪南老街区保护更新",
    "时间：5月　　承办：区政协城建委员会",
    "协商部门：区住房城乡建设局、区文化旅游局",
    "出席领导：副区长叶舟",
]
_BOX_TWO = [
    "二、对口协商会",
    "1．提升社区养老服务水平",
    "时间：9月　　承办：区政协社会法制委员会",
    "协商部门：区民政局",
]


def test_text_boxes_are_read_once_in_document_order():
    doc = _new("政协溪南区委员会2026年度协商工作计划")
    _append(doc, _drawing_box(_BOX_ONE))
    _append(doc, _drawing_box(_BOX_TWO))
    _append(doc, _p("三、工作要求"))
    lines = docx_lines(_bytes(doc))
    assert lines.count("1．推进溪南老街区保护更新") == 1  # not again from the VML copy
    rows = topic_rows(import_document("计划.docx", _bytes(doc)).plan)
    assert rows == [
        (
            "推进溪南老街区保护更新",
            "专题协商会",
            [5],
            ["城建委员会"],
            ["区住房城乡建设局", "区文化旅游局"],
            ["副区长叶舟"],
        ),
        ("提升社区养老服务水平", "对口协商会", [9], ["社会法制委员会"], ["区民政局"], []),
    ]


def test_a_text_box_only_in_vml_and_the_anchor_paragraphs_own_text_are_read():
    # an older Word or a converter writes the box in VML alone; the anchoring paragraph has text of its own
    doc = _new("政协溪南区委员会2026年度协商工作计划")
    _append(doc, _drawing_box(_BOX_ONE, fallback=False))
    box = _drawing_box(_BOX_TWO[1:])
    _append(doc, box.replace("<w:r><mc:AlternateContent>", f"{_runs('二、对口协商会')}<w:r><mc:AlternateContent>"))
    lines = [x for x in docx_lines(_bytes(doc)) if x.strip()]
    assert lines[lines.index("二、对口协商会") + 1] == "1．提升社区养老服务水平"
    rows = topic_rows(import_document("计划.docx", _bytes(doc)).plan)
    assert [(r[0], r[1]) for r in rows] == [
        ("推进溪南老街区保护更新", "专题协商会"),
        ("提升社区养老服务水平", "对口协商会"),
    ]


# -- a table nested in a table cell; a contact line after a note (B157) ---------------------------------


def _nested(numbers: list[str]):
    import docx

    doc = docx.Document()
    doc.add_paragraph("政协澜沧省委员会2026年度协商工作计划")
    outer = doc.add_table(rows=1 + len(numbers), cols=3)
    for cell, text in zip(outer.rows[0].cells, ("序号", "协商形式", "议题安排"), strict=True):
        cell.text = text
    groups = [
        ("专题协商会", [("推进澜沧江岸线保护", "6月", "省政协人口资源环境委员会", "省水利厅", "副省长甘霖")]),
        ("对口协商会", [("加强普惠托育服务", "10月", "省政协社会和法制委员会", "省卫生健康委", "")]),
    ]
    for row, number, (form, topics) in zip(outer.rows[1:], numbers, groups, strict=False):
        row.cells[0].text = number
        row.cells[1].text = form
        cell = row.cells[2]
        inner = cell.add_table(rows=1 + len(topics), cols=5)
        for c, text in zip(inner.rows[0].cells, ("议题", "时间", "承办单位", "协商部门", "出席省领导"), strict=True):
            c.text = text
        for r, values in zip(inner.rows[1:], topics, strict=True):
            for c, text in zip(r.cells, values, strict=True):
                c.text = text
        cell.add_paragraph(f"本类协商共{len(topics)}项。")
    doc.add_paragraph("注：出席省领导栏空白的，由承办委员会视情邀请。")
    doc.add_paragraph("联系人：省政协办公厅秘书处　林某某　0871-6600 1234")
    return doc


_NESTED_ROWS = [
    ("推进澜沧江岸线保护", "专题协商会", [6], ["人口资源环境委员会"], ["省水利厅"], ["副省长甘霖"]),
    ("加强普惠托育服务", "对口协商会", [10], ["社会和法制委员会"], ["省卫生健康委"], []),
]


def test_an_outer_rows_number_and_form_are_one_heading_over_its_nested_table():
    for numbers in (["一", "二"], ["1", "2"], ["一、", "二、"]):
        doc = _nested(numbers)
        lines = docx_lines(_bytes(doc))
        assert numbers[1] not in lines  # no bare number left to run into the leader above
        assert topic_rows(import_document("计划.docx", _bytes(doc)).plan) == _NESTED_ROWS, numbers


def test_a_contact_line_after_a_note_is_no_topic():
    text = (
        "政协澜沧市委员会2026年度协商工作计划\n一、专题协商会\n1．推进城市书房建设\n时间：5月\n"
        "承办：市政协文化文史委员会\n协商部门：市文化旅游局\n注：各项活动的具体方案另行印发。\n{contact}\n"
    )
    for contact in (
        "联系人：市政协办公室　张某某　0871-1234 5678",
        "联系电话：0871-1234 5678",
        "电子邮箱：zx@example.cn",
    ):
        rows = topic_rows(import_text(text.format(contact=contact)).plan)
        assert [r[0] for r in rows] == ["推进城市书房建设"], contact
    # near-miss: a numbered topic after the note is still a topic
    more = text.format(contact="2．加强非遗传承保护\n时间：9月\n承办：市政协文化文史委员会")
    assert [r[0] for r in topic_rows(import_text(more).plan)] == ["推进城市书房建设", "加强非遗传承保护"]


# -- tab-aligned labels with an empty value (B154) -------------------------------------------------------


def test_a_tab_aligned_label_with_nothing_after_the_tab_is_an_empty_field():
    def plan(last: str) -> str:
        return (
            "政协青木县委员会2026年度协商计划\n1．推进林下经济发展\n协商形式\t专题协商会\n时　　间\t5月\n"
            f"承办单位\t县政协农业委员会\n协商部门\t县林业局、石门镇、沙河乡\n{last}\n"
            "2．加强乡村道路养护\n协商形式\t对口协商会\n时　　间\t9月\n承办单位\t县政协城建委员会\n"
            "协商部门\t县交通运输局\n出席领导\t副县长李岩\n"
        )

    for last in ("出席领导\t", "出席领导\t  ", "出 席 领 导\t"):
        rows = topic_rows(import_text(plan(last)).plan)
        assert rows[0][4:] == (["县林业局", "石门镇", "沙河乡"], []), repr(last)
        assert rows[1][4:] == (["县交通运输局"], ["副县长李岩"])
    # near-miss: a value after the tab is read
    rows = topic_rows(import_text(plan("出席领导\t副县长赵明")).plan)
    assert rows[0][5] == ["副县长赵明"]


# -- body and year only in the page header (B160) ------------------------------------------------------


def test_body_and_year_named_only_in_the_page_header():
    doc = _new("年度协商工作计划", "在总结2025年度协商工作的基础上，安排如下。", "一、专题协商会")
    doc.add_paragraph("1．推进滨海湿地保护")
    doc.add_paragraph("时间：6月")
    doc.add_paragraph("承办：市政协人口资源环境委员会")
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "桐溪市政协办公室\t2026年"
    draft = import_document("计划.docx", _bytes(doc))
    assert (draft.plan.body, draft.plan.year) == ("桐溪市政协", 2026)
    assert [t.title for t in draft.plan.topics] == ["推进滨海湿地保护"]


def test_a_header_does_not_override_the_title():
    # near-miss: the title names body and year; a document number in the header changes nothing
    doc = _new("政协桐溪市委员会2026年度协商工作计划", "一、专题协商会", "1．推进滨海湿地保护", "时间：6月")
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "桐协办〔2025〕12号"
    draft = import_document("计划.docx", _bytes(doc))
    assert (draft.plan.body, draft.plan.year) == ("桐溪市政协", 2026)
    assert [t.title for t in draft.plan.topics] == ["推进滨海湿地保护"]


# -- tracked changes: a deleted paragraph mark (B153) -----------------------------------------------------


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    doc = _new("政协桐溪市委员会2026年度协商工作计划", "一、专题协商会")
    mark = '<w:pPr><w:rPr><w:del w:id="9" w:author="甲" w:date="2026-01-05T09:00:00Z"/></w:rPr></w:pPr>'
    deleted = (
        '<w:del w:id="{n}" w:author="甲" w:date="2026-01-05T09:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del>'
    )
    # a title an editor joined back into one line
    _append(doc, f"<w:p {_W}>{mark}{_runs('1．推进城乡供水')}</w:p>")
    _append(doc, _p("一体化建设"))
    _append(doc, _p("时间：6月"))
    # a whole topic deleted, its marks with it: nothing of it is left, not even empty lines
    for n, text in enumerate(["2．发展预制菜产业", "时间：8月"]):
        _append(doc, f"<w:p {_W}>{mark}{deleted.format(n=20 + n, t=text)}</w:p>")
    _append(doc, _p("2．加强河湖长制落实"))
    _append(doc, _p("时间：9月"))
    lines = docx_lines(_bytes(doc))
    assert lines[2:] == ["1．推进城乡供水一体化建设", "时间：6月", "2．加强河湖长制落实", "时间：9月"]
    rows = topic_rows(import_document("计划.docx", _bytes(doc)).plan)
    assert [(r[0], r[2]) for r in rows] == [("推进城乡供水一体化建设", [6]), ("加强河湖长制落实", [9])]
