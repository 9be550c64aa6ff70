"""What extraction leaves out is listed as skipped, by its place in the user's document (issue 10).

A PDF's running headers and page numbers, a Word file's page headers and footers, a web
page's navigation, header, footer and forms never reach the extracted lines; a contact
table (联系人 | 电话) is no topic and leaves no line. Each is listed in the import's skipped list with line 0, a Chinese
place ("第 2 页第 1 行", "网页中第 1 行之前", "第 1 个表格第 2 行") and a Chinese reason;
a page's scripts and styles make one summing entry at most. Invented documents.
"""

from __future__ import annotations

import io
import os
import time

import pytest

from paperwork import texts as T
from paperwork.cli import main
from paperwork.importer import import_document, import_text
from tests.paperwork.corpus.line_account import draft_breaches, source_lines

R = T.SET_ASIDE_REASON


def _aside(draft) -> list[tuple[str, str, str]]:
    """(place, reason, text) of the skipped entries the extraction left out."""
    return [(s.place, s.reason, s.text) for s in draft.skipped if s.place]


# -- web pages -------------------------------------------------------------------------------------

_PAGE = """<html><head><title>桐溪区政协</title><script>var nav = 1;</script><style>p {{ margin: 0 }}</style></head>
<body>
<nav><ul><li>首页</li><li>政协要闻</li><li>履职动态</li></ul></nav>
<header><div class="crumb">当前位置：首页 &gt; 通知公告</div></header>
<h1>桐溪区政协2027年度协商工作计划</h1>
<p>一、专题协商</p>
<p>1.推动竹编非遗活化利用</p><p>时间：5月</p><p>承办：文史委</p>
<p>2.加强背街小巷停车治理</p><p>时间：9月</p><p>承办：城建委</p>
{contacts}
<form><select><option>友情链接</option><option>区政府网</option></select><button>搜索</button></form>
<footer><p>主办：桐溪区政协办公室</p><p>备案号：浙ICP备00000000号</p></footer>
<script>track();</script><noscript>请启用脚本</noscript>
</body></html>"""

_CONTACTS = """<p>附件：联系人名单</p>
<table><tr><th>单位</th><th>联系人</th><th>联系电话</th></tr>
<tr><td>文史委</td><td>单某某</td><td>0571-86001234</td></tr>
<tr><td>城建委</td><td>屠某</td><td>13800001111</td></tr></table>"""


def test_a_web_pages_furniture_is_listed_by_where_it_stood():
    draft = import_document("计划.html", _PAGE.format(contacts="").encode())
    assert [t.title for t in draft.plan.topics] == ["推动竹编非遗活化利用", "加强背街小巷停车治理"]
    assert _aside(draft) == [
        ("网页中第 1 行之前", R["nav"], "首页"),
        ("网页中第 1 行之前", R["nav"], "政协要闻"),
        ("网页中第 1 行之前", R["nav"], "履职动态"),
        ("网页中第 1 行之前", R["header"], "当前位置：首页 > 通知公告"),
        ("网页末尾", R["form"], "友情链接"),
        ("网页末尾", R["form"], "区政府网"),
        ("网页末尾", R["form"], "搜索"),
        ("网页末尾", R["footer"], "主办：桐溪区政协办公室"),
        ("网页末尾", R["footer"], "备案号：浙ICP备00000000号"),
        # scripts (in the head and the body), styles and noscript: one entry, counted, never their code
        ("网页源代码中", R["invisible"], "script 2 处、style 1 处、noscript 1 处"),
    ]
    assert all(s.line == 0 for s in draft.skipped if s.place)
    # the extracted lines' guarantee still holds
    assert draft_breaches(draft, source_lines("计划.html", _PAGE.format(contacts="").encode())) == []


def test_the_navigation_is_listed_before_the_skipped_lines_that_follow_it():
    draft = import_document("计划.html", _PAGE.format(contacts="").encode())
    order = [s.place or s.line for s in draft.skipped]
    assert order[0] == "网页中第 1 行之前"
    assert order[-1] in ("网页源代码中", "网页末尾")


def test_a_page_without_furniture_lists_nothing_more():
    page = (
        "<html><body><h1>桐溪区政协2027年度协商工作计划</h1><p>一、专题协商</p>"
        "<p>1.推动竹编非遗活化利用</p><p>时间：5月</p></body></html>"
    )
    draft = import_document("计划.html", page.encode())
    assert _aside(draft) == []


def test_html_pasted_as_text_lists_its_furniture_too():
    draft = import_text(_PAGE.format(contacts=""))
    assert any(r == R["nav"] and t == "首页" for _, r, t in _aside(draft))


def test_plain_text_lists_no_place():
    text = "桐溪区政协2027年度协商工作计划\n一、专题协商\n1.推动竹编非遗活化利用\n时间：5月\n承办：文史委\n"
    draft = import_text(text)
    assert _aside(draft) == []


# -- contact tables ---------------------------------------------------------------------------------


def test_a_web_pages_contact_table_is_listed_row_by_row():
    draft = import_document("计划.html", _PAGE.format(contacts=_CONTACTS).encode())
    assert len(draft.plan.topics) == 2
    rows = [(p, t) for p, r, t in _aside(draft) if r == R["contacts"]]
    assert rows == [
        ("第 1 个表格第 1 行", "单位 联系人 联系电话"),
        ("第 1 个表格第 2 行", "文史委 单某某 0571-86001234"),
        ("第 1 个表格第 3 行", "城建委 屠某 13800001111"),
    ]


def _docx(paragraphs_and_tables: list) -> bytes:
    import docx

    doc = docx.Document()
    for item in paragraphs_and_tables:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        table = doc.add_table(rows=len(item), cols=len(item[0]))
        for r, row in enumerate(item):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


_PLAN_TABLE = [
    ["序号", "协商议题", "协商形式", "时间安排", "承办单位"],
    ["1", "推动竹编非遗活化利用", "专题协商", "5月", "文史委"],
    ["2", "加强背街小巷停车治理", "对口协商", "9月", "城建委"],
]


def test_a_word_contact_table_after_the_plan_is_listed_by_table_and_row():
    contacts = [["单位", "联系人", "电话"], ["文史委", "单某某", "0571-86001234"], ["城建委", "屠某", "0571-86005678"]]
    draft = import_document(
        "计划.docx", _docx(["桐溪区政协2027年度协商工作计划", _PLAN_TABLE, "附件：联系人", contacts])
    )
    assert [t.title for t in draft.plan.topics] == ["推动竹编非遗活化利用", "加强背街小巷停车治理"]
    rows = [(p, t) for p, r, t in _aside(draft) if r == R["contacts"]]
    assert rows == [
        ("第 2 个表格第 1 行", "单位 联系人 电话"),
        ("第 2 个表格第 2 行", "文史委 单某某 0571-86001234"),
        ("第 2 个表格第 3 行", "城建委 屠某 0571-86005678"),
    ]


def test_a_word_contact_card_is_listed_too():
    card = [["项目", "内容"], ["联系人", "单某某"], ["联系电话", "0571-86001234"]]
    draft = import_document("计划.docx", _docx(["桐溪区政协2027年度协商工作计划", _PLAN_TABLE, card]))
    assert len(draft.plan.topics) == 2
    assert [p for p, r, _ in _aside(draft) if r == R["contacts"]] == [
        "第 2 个表格第 1 行",
        "第 2 个表格第 2 行",
        "第 2 个表格第 3 行",
    ]


def test_a_plan_table_with_a_contact_column_is_no_contact_table():
    # near miss: 联系人 and 电话 columns beside the topics: the plan itself, nothing set aside
    table = [
        ["序号", "协商议题", "时间安排", "承办单位", "联系人", "联系电话"],
        ["1", "推动竹编非遗活化利用", "5月", "文史委", "单某某", "0571-86001234"],
    ]
    draft = import_document("计划.docx", _docx(["桐溪区政协2027年度协商工作计划", table]))
    assert [t.title for t in draft.plan.topics] == ["推动竹编非遗活化利用"]
    assert [a for a in _aside(draft) if a[1] == R["contacts"]] == []


def test_a_table_of_people_without_a_phone_is_not_listed_as_contacts():
    # near miss: a 姓名 column alone (a leaders' list) is no contact table
    table = [["姓名", "职务"], ["单某某", "区政协副主席"]]
    draft = import_document("计划.docx", _docx(["桐溪区政协2027年度协商工作计划", _PLAN_TABLE, table]))
    assert [a for a in _aside(draft) if a[1] == R["contacts"]] == []


# -- the command line and the review ----------------------------------------------------------------


def test_the_command_line_says_the_place_not_a_line_zero(tmp_path, capsys):
    src = tmp_path / "计划.html"
    src.write_text(_PAGE.format(contacts=_CONTACTS), encoding="utf-8")
    assert main(["text2json", str(src), "--year", "2027", "-o", str(tmp_path / "plan.json")]) == 0
    out = capsys.readouterr().err  # the command line speaks on stderr; stdout is for the plan
    assert "网页中第 1 行之前(网页导航):首页" in out
    assert "第 1 个表格第 2 行(" in out
    assert "第 0 行" not in out


# -- PDF ---------------------------------------------------------------------------------------------


def _docx_with_running_furniture(topics: int) -> bytes:
    """A plan in Word with a running header and a "— N —" footer, long enough for several pages."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "桐溪区政协办公室文件"
    foot = section.footer.paragraphs[0]
    foot.add_run("— ")
    foot._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    foot.add_run(" —")
    doc.add_paragraph("桐溪区政协2027年度协商工作计划")
    doc.add_paragraph(f"一、专题协商（{topics}项）")
    # invented names, no two field lines alike and no digit in them: the furniture rules (a row repeated
    # at the same height, or with the page's number in it) must find only the header and the footer
    stems, branches = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"
    for k in range(1, topics + 1):
        area = stems[k % 10] + branches[k % 12]
        doc.add_paragraph(f"{k}．推动{area}片区老旧小区改造")
        doc.add_paragraph(f"时间安排：{'一二三四'[k % 4]}季度；承办单位：区政协城建委{area}联络组。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def furnished_pdf() -> bytes:
    from paperwork.sources import convert_with_soffice, soffice_path

    if soffice_path() is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):  # as the in_ci fixture (function-scoped)
            pytest.fail("CI=true: LibreOffice (soffice) is needed to print the plan to PDF")
        pytest.skip("LibreOffice (soffice) not installed")
    return convert_with_soffice(_docx_with_running_furniture(60), name="计划.docx", to="pdf")


def test_a_pdfs_headers_and_page_numbers_are_listed_by_page_and_row(furnished_pdf):
    draft = import_document("计划.pdf", furnished_pdf)
    assert len(draft.plan.topics) == 60
    aside = _aside(draft)
    headers = [p for p, r, t in aside if t == "桐溪区政协办公室文件"]
    numbers = [(p, t) for p, r, t in aside if r == R["page_number"]]
    pages = len(headers)
    assert pages >= 3
    assert headers == [f"第 {n} 页第 1 行" for n in range(1, pages + 1)]
    assert all(r == R["page_edge"] for _, r, t in aside if t == "桐溪区政协办公室文件")
    assert [t.replace(" ", "") for _, t in numbers] == [f"—{n}—" for n in range(1, pages + 1)]
    assert all(p.startswith(f"第 {n} 页第 ") for n, (p, _) in enumerate(numbers, start=1))
    assert all(s.line == 0 for s in draft.skipped if s.place)
    assert draft_breaches(draft, source_lines("计划.pdf", furnished_pdf)) == []


def test_sixty_topics_in_a_pdf_still_import_well_under_a_second(furnished_pdf):
    import_document("计划.pdf", furnished_pdf)  # warm
    took = []
    for _ in range(3):  # CPU seconds of this process, best of three: wall time on a shared machine says
        start = time.process_time()  # nothing of the reader (it failed at load 18); ≈0.25 s when quiet
        import_document("计划.pdf", furnished_pdf)
        took.append(time.process_time() - start)
    assert min(took) < 1.0, took


# -- a field line at two pages' edges is no running header ---------------------------------------------


def test_a_field_line_repeated_at_page_edges_but_also_mid_page_is_text_not_furniture():
    from paperwork.sources import _furniture

    def page(n: int, last: str) -> list[tuple[float, str]]:
        body = [
            (700.0 - 20 * k, f"{k + 3 * n}．推动第{k}项工作" if k % 2 else "承办单位：区政协城建委。") for k in range(8)
        ]
        return [(800.0, "桐溪区政协办公室文件"), *body, (40.0, last), (20.0, f"— {n} —")]

    pages = [page(n, "承办单位：区政协城建委。") for n in (1, 2, 3)]
    drop = _furniture(pages)
    assert drop == [["桐溪区政协办公室文件", f"— {n} —"] for n in (1, 2, 3)]
    # near miss: a running header that is also the document's title once mid-page stays furniture
    pages[0].insert(3, (650.0, "桐溪区政协办公室文件"))
    assert _furniture(pages)[1] == ["桐溪区政协办公室文件", "— 2 —"]
    # a line with the page's own number, printed mid-page too ("时间安排：2月" on page 2): text
    with_month = [page(n, f"时间安排：{n}月。") for n in (1, 2, 3)]
    for n, p in enumerate(with_month, start=1):
        p.insert(4, (600.0, f"时间安排：{n + 5}月。"))
    assert _furniture(with_month) == [["桐溪区政协办公室文件", f"— {n} —"] for n in (1, 2, 3)]


def _docx_months_like_pages(topics: int) -> bytes:
    """A plan whose field lines differ only in the month, which at a page's foot can be that page's number."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("桐溪区政协2027年度协商工作计划")
    doc.add_paragraph(f"一、专题协商（{topics}项）")
    for k in range(1, topics + 1):
        doc.add_paragraph(f"{k}．推动第{k}片区老旧小区改造")
        doc.add_paragraph(f"时间安排：{k % 12 + 1}月；承办单位：区政协城建委。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_no_field_line_is_lost_as_a_page_header(furnished_pdf):  # furnished_pdf: soffice is there
    from paperwork.sources import convert_with_soffice

    pdf = convert_with_soffice(_docx_months_like_pages(60), name="计划.docx", to="pdf")
    draft = import_document("计划.pdf", pdf)
    assert len(draft.plan.topics) == 60
    assert not [a for a in _aside(draft) if "时间安排" in a[2]]
    assert draft_breaches(draft, source_lines("计划.pdf", pdf)) == []


# -- Word's page headers and footers --------------------------------------------------------------------


def test_a_word_files_header_and_footer_are_listed_once():
    draft = import_document("计划.docx", _docx_with_running_furniture(3))
    assert len(draft.plan.topics) == 3
    # the first page header is read as the document's first line (it may name the body and year: fix23),
    # so it is accounted for as a numbered line, not set aside; the footer is set aside
    assert _aside(draft) == [("页脚", R["word_footer"], "— 1 —")]  # the PAGE field as Word saved it
    assert draft.skipped[-1].place == "页脚"
    assert not any("桐溪区政协办公室文件" in s.text for s in draft.skipped)


def test_a_word_file_without_header_or_footer_lists_none():
    draft = import_document("计划.docx", _docx(["桐溪区政协2027年度协商工作计划", _PLAN_TABLE]))
    assert _aside(draft) == []


def test_each_sections_own_header_is_listed_by_its_section():
    import docx
    from docx.enum.section import WD_SECTION

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "桐溪区政协文件"
    doc.add_paragraph("桐溪区政协2027年度协商工作计划")
    doc.add_paragraph("一、专题协商")
    doc.add_paragraph("1．推动竹编非遗活化利用")
    doc.add_paragraph("时间安排：5月；承办单位：区政协文史委。")
    second = doc.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "附件"
    doc.add_paragraph("附件：联系人名单（另发）")
    third = doc.add_section(WD_SECTION.NEW_PAGE)  # linked to the one before: nothing new to list
    assert third.header.is_linked_to_previous
    buf = io.BytesIO()
    doc.save(buf)
    draft = import_document("计划.docx", buf.getvalue())
    # the first section's header is read as the document's first line (fix23); a later section's own is set aside
    assert [(p, t) for p, r, t in _aside(draft) if r == R["word_header"]] == [("第 2 节页眉", "附件")]
