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

from paperwork.importer import import_document, import_text
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


# -- ordinal headings between blocks, fields joined by a slash (B110) -------------------------------

_BLOCKS = """翠屏市政协2027年度协商工作安排
一、专题议政性常委会议
全年召开常委会议两次，一般安排在季度末。
第一场
议题：推进翠江航道扩能改造
时间：6月∕牵头：市政协经济委员会
参与：市交通运输局、市水利局
领导：副市长俞晓东、市政协副主席韦青
第二场会议
议题：加快发展银发经济
时间：11月／牵头：市政协社会和法制委员会；参与：市民政局、市卫生健康委
领导：市政协副主席韦青
二、对口协商会
（一）
议题：完善城市内涝防治体系
时间：7月
牵头：市政协城乡建设委员会；参与：市住房城乡建设局、市城市管理局
（二）
议题：提升职业教育产教融合水平
时间：8月
牵头：市政协教科卫体委员会
参与：市教育局、市人力资源社会保障局
领导：副市长俞晓东
三、工作要求
各承办委员会提前谋划，精心组织。
"""


def test_an_ordinal_heading_after_a_field_starts_the_next_block_and_slash_joined_fields_are_read():
    assert topic_rows(import_text(_BLOCKS).plan) == [
        (
            "推进翠江航道扩能改造",
            "专题议政性常委会议",
            [6],
            ["经济委员会"],
            ["市交通运输局", "市水利局"],
            ["副市长俞晓东", "市政协副主席韦青"],
        ),
        (
            "加快发展银发经济",
            "专题议政性常委会议",
            [11],
            ["社会和法制委员会"],
            ["市民政局", "市卫生健康委"],
            ["市政协副主席韦青"],
        ),
        ("完善城市内涝防治体系", "对口协商会", [7], ["城乡建设委员会"], ["市住房城乡建设局", "市城市管理局"], []),
        (
            "提升职业教育产教融合水平",
            "对口协商会",
            [8],
            ["教科卫体委员会"],
            ["市教育局", "市人力资源社会保障局"],
            ["副市长俞晓东"],
        ),
    ]


_UNLABELLED_TITLES = """青禾区政协2027年协商计划
一、双月协商座谈会
第一次
推动夜间经济提质扩容
时间：5月/承办：区政协经济委
参加：区商务局、区文旅局
出席：副区长岑立
第二次
加强社区嵌入式养老服务
时间：7月；承办：区政协社法委
参加：区民政局
出席：区政协副主席颜朵
二、界别协商
（一）
优化背街小巷停车管理
时间：9月
承办：区政协城建委；参加：区城管局、区公安分局
出席：区政协副主席颜朵
（二）
推进校园周边环境整治
时间：10月
承办：区政协教卫委
参加：区教育局
"""


def test_ordinal_headings_over_blocks_whose_title_has_no_label():
    assert topic_rows(import_text(_UNLABELLED_TITLES).plan) == [
        ("推动夜间经济提质扩容", "双月协商座谈会", [5], ["经济委"], ["区商务局", "区文旅局"], ["副区长岑立"]),
        ("加强社区嵌入式养老服务", "双月协商座谈会", [7], ["社法委"], ["区民政局"], ["区政协副主席颜朵"]),
        ("优化背街小巷停车管理", "界别协商", [9], ["城建委"], ["区城管局", "区公安分局"], ["区政协副主席颜朵"]),
        ("推进校园周边环境整治", "界别协商", [10], ["教卫委"], ["区教育局"], []),
    ]


_PORTAL_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>沅陵州政协2027年度协商计划-沅陵政协网</title>
<style>body{{font-size:16px;margin:0 40px}} .b{{margin-left:2em}}</style></head><body>
<p>首页 &gt; 协商议政</p>
<h2>沅陵州政协2027年度协商计划</h2>
<p>一、双月协商会</p>
<p>双月协商会原则上隔月举行，由州政协主席或副主席主持。</p>
{blocks}
<p>二、有关事项</p>
<p>各承办专委会提前两个月报送方案。</p>
</body></html>"""


_PORTAL_TOPICS = [
    ("推进沅江码头岸线整治", 4, "州政协经济科技委员会", "州交通运输局、州水利局", "州政协副主席苗建峰"),
    ("加快山地特色农业品牌建设", 5, "州政协农业农村委员会", "州农业农村局、州市场监管局", "副州长龙思源"),
    ("完善县域医共体运行机制", 6, "州政协教科卫体委员会", "州卫生健康委、州医保局", "州政协副主席瞿兰"),
    ("推动民族村寨保护利用", 7, "州政协民族宗教委员会", "州民宗委、州文化旅游局", "州政协副主席苗建峰"),
    ("提升城乡供水保障能力", 8, "州政协人口资源环境委员会", "州水利局、州住房城乡建设局", "副州长龙思源"),
    ("促进高校毕业生留州就业", 9, "州政协社会和法制委员会", "州人力资源社会保障局、州教育局", "州政协副主席瞿兰"),
    ("加强中小河流防洪治理", 10, "州政协人口资源环境委员会", "州水利局、州应急管理局", "州政协副主席苗建峰"),
    ("推进老旧街区有机更新", 11, "州政协城乡建设委员会", "州住房城乡建设局、州自然资源局", "副州长龙思源"),
]


def _portal_blocks() -> str:
    """A block per topic under "第N次", its fields on lines of their own or two to a line (／ or ；);
    enough of them for the page to run onto a second printed page."""
    out = []
    for n, (title, month, lead, depts, leader) in enumerate(_PORTAL_TOPICS, start=1):
        when, lead, depts = f"时间：{month}月", f"承办：{lead}", f"参加：{depts}"
        if n % 3 == 1:
            fields = [when + "／" + lead, depts]
        elif n % 3 == 2:
            fields = [when, lead + "；" + depts]
        else:
            fields = [when, lead, depts]
        lines = [f"议题：{title}", *fields, f"出席：{leader}"]
        out.append(f"<p>第{'一二三四五六七八'[n - 1]}次</p>" + "".join(f'<p class="b">{x}</p>' for x in lines))
    return "\n".join(out)


def test_a_browser_printed_page_reads_its_blocks_without_the_browsers_header_and_footer(tmp_path, in_ci):
    import subprocess

    from services.printing import chromium_path

    exe = chromium_path()
    if exe is None:
        if in_ci:
            pytest.fail("CI=true: chromium is needed to print a web page to PDF")
        pytest.skip("chromium not installed")
    page = tmp_path / "plan.html"
    page.write_text(_PORTAL_PAGE.format(blocks=_portal_blocks()), encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*cmd, f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
    rows = topic_rows(import_document("计划.pdf", pdf.read_bytes()).plan)
    assert rows == [
        (title, "双月协商会", [month], [lead.removeprefix("州政协")], depts.split("、"), [leader])
        for title, month, lead, depts, leader in _PORTAL_TOPICS
    ]
