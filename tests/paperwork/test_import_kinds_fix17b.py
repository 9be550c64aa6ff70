"""Kinds blind set 17 showed in its PDFs (B108, B110), each tested on an invented example of our own.

- a field label cut by a line end or a page break ("…;协" | "商部门:…", "…;邀" | footer, header | "请县领导:…")
  is one label again, so no fragment of it ends the value before it;
- an ordinal heading alone on its line ("第二次", "第三场会议", "(二)") after a field is the next block's
  heading, never the tail of that field;
- two fields on one line joined by a slash ("时间:6月／承办:…", the "∕" a browser's PDF gives for it) or a
  semicolon are two fields;
- a browser's own header and footer (print time and page title, address and "1/2") give nothing.
"""

from __future__ import annotations

import io

import pytest
from paperwork_samples import topic_rows

from paperwork.importer import import_document
from paperwork.sources import _join_wrapped, _run_on

# -- a label cut by a line end or a page break (B108) -----------------------------------------------


def test_a_label_cut_at_a_line_end_runs_on_into_its_rest():
    lines = [
        "3．推动茶旅融合发展",
        "时间安排：5 月；牵头单位：县政协经济委；参",
        "加单位：县文旅局、县农业农村局；出席",
        "领导：副县长柯远山。",
        "4．加强山塘水库安全管理",
        "拟安排时间：9 月；责任专",
        "委会：县政协农业和农村委员会；协商",
        "部门：县水利局。",
    ]
    assert _join_wrapped(lines) == [
        "3．推动茶旅融合发展",
        "时间安排：5 月；牵头单位：县政协经济委；参加单位：县文旅局、县农业农村局；出席领导：副县长柯远山。",
        "4．加强山塘水库安全管理",
        "拟安排时间：9 月；责任专委会：县政协农业和农村委员会；协商部门：县水利局。",
    ]


def test_a_value_then_a_field_of_its_own_is_not_a_cut_label():
    # "副县长" + "时间" would make a label by its root word, but 时间 is a label by itself
    assert _join_wrapped(["出席：县长；副县长", "时间：5 月"]) == ["出席：县长；副县长", "时间：5 月"]
    # a short title above its fields is a line of its own, not the start of a label
    assert _join_wrapped(["城市更新", "参会部门：县住建局"]) == ["城市更新", "参会部门：县住建局"]


def test_a_label_cut_by_a_page_break_is_joined_over_the_furniture():
    page1 = ["7．推进校地人才合作", "时间安排：下半年；牵头单位：县政协教科卫体委；参加单位：县教育局；邀", "", ""]
    page2 = ["", "请县领导：县政协副主席闵秋。", "二、有关要求"]
    assert _run_on(page1, page2) == [
        "7．推进校地人才合作",
        "时间安排：下半年；牵头单位：县政协教科卫体委；参加单位：县教育局；邀请县领导：县政协副主席闵秋。",
        "二、有关要求",
    ]
    # a page that opens with a field, a title or a heading of its own is only added
    for first in ("时间安排：6 月", "8．加强古村落保护", "二、有关要求"):
        assert _run_on(page1, ["", first]) == [*page1, "", first]


def _docx_with_furniture_and_cut_labels() -> bytes:
    """A county's plan in Word: running header, "— N —" footer; one field paragraph broken inside a label by
    a line break, another by a page break (as a long paragraph is cut at a page's foot)."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "澄岭县政协2027年协商工作安排"
    foot = section.footer.paragraphs[0]
    foot.add_run("— ")
    foot._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    foot.add_run(" —")
    doc.add_paragraph("澄岭县政协2027年协商工作安排")
    doc.add_paragraph("一、对口协商（2项）")
    doc.add_paragraph("1．推动茶旅融合发展")
    p = doc.add_paragraph("时间安排：5月；牵头单位：县政协经济委；参")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("加单位：县文旅局、县农业农村局；出席领导：副县长柯远山。")
    doc.add_paragraph("2．加强山塘水库安全管理")
    p = doc.add_paragraph("时间安排：9月；牵头单位：县政协农业委；参加单位：县水利局、县应急管理局；邀")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("请县领导：县政协副主席闵秋。")
    doc.add_paragraph("二、有关要求")
    doc.add_paragraph("各牵头单位提前制定方案。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_office_pdf_fields_keep_no_fragment_of_a_label_cut_by_a_line_or_page_break(in_ci):
    from paperwork.sources import convert_with_soffice, soffice_path

    if soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to print the plan to PDF")
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = convert_with_soffice(_docx_with_furniture_and_cut_labels(), name="安排.docx", to="pdf")
    assert topic_rows(import_document("安排.pdf", pdf).plan) == [
        ("推动茶旅融合发展", "对口协商", [5], ["经济委"], ["县文旅局", "县农业农村局"], ["副县长柯远山"]),
        ("加强山塘水库安全管理", "对口协商", [9], ["农业委"], ["县水利局", "县应急管理局"], ["县政协副主席闵秋"]),
    ]
