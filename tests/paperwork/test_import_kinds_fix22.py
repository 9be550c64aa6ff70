"""Kinds of layout blind set 22 (B145–B152, plans published as PDF) showed the reader missed, on examples of our own.

- table cells in a PDF holding one name per line: a line the writer ended separates names like "、",
  a line the cell's width wrapped does not (LibreOffice and Chromium, narrow columns, a name in brackets);
  near misses: names separated by "、" that wrap ("…、团" | "市委"), a time "4" | "月、10月各一次";
- a footnote mark set small and raised after a name ("县林业局①") is no part of it;
- a row cut by a page break, the cut falling between two names of a list;
- a 备注 column that a 注 under the table says lists the leaders; without the 注 it stays a remark;
- 参加人员 beside columns of their own for leaders and departments, and 成果形式: neither gives anything;
- "出席市领导:" as a label (the label 市领导 inside it must not cut it);
- a heading set with letter-spacing ("政 协 苕 岭 县 委 员 会") is closed up, so the body is found;
- "(六)工作要求" after the forms' topics, its "1.…。2.…。" rules: no topics; near miss: a part heading
  over titles with fields stays a form.
"""

from __future__ import annotations

import io
import subprocess

import pytest
from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text
from paperwork.sources import _cut_cell, convert_with_soffice, soffice_path

# -- text: 出席市领导, and a part heading set like a form ------------------------------------------

_PORTAL_TEXT = """湖州市政协2026年度协商工作计划
（一）专题协商会（2项）
1．推进滨湖片区城市更新
时间：6月  牵头单位：市政协城乡建设委员会
协商部门：市住房城乡建设局、市自然资源和规划局、滨湖区人民政府
出席市领导：市长、市政协主席韩松
2．提升开发区发展能级
时间：9月  牵头单位：市政协经济委员会
协商部门：市发展改革委、开发区管委会
出席县领导：常务副市长
（二）其他工作
3．完善委员履职管理
时间：11月  牵头单位：市政协办公室
协商部门：市委组织部
（三）工作要求
1．各承办委员会要坚持先调研后协商，提前制定工作方案。2．协商部门要认真准备情况通报。
2．协商活动原则上每月下旬召开，具体时间另行通知。
"""


def test_a_leaders_label_naming_the_level_and_a_rules_part_set_like_a_form():
    assert topic_rows(import_text(_PORTAL_TEXT).plan) == [
        (
            "推进滨湖片区城市更新",
            "专题协商会",
            [6],
            ["城乡建设委员会"],
            ["市住房城乡建设局", "市自然资源和规划局", "滨湖区人民政府"],
            ["市长", "市政协主席韩松"],
        ),
        ("提升开发区发展能级", "专题协商会", [9], ["经济委员会"], ["市发展改革委", "开发区管委会"], ["常务副市长"]),
        # a part heading over a titled topic with fields (a near miss): its form, its topic
        ("完善委员履职管理", "其他工作", [11], ["办公室"], ["市委组织部"], []),
    ]


# -- a row cut by a page break ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("above", "below", "joined"),
    [
        (
            "省教育厅\n省工业和信息化厅",
            "省人力资源社会保障厅\n省财政厅",
            "省教育厅\n省工业和信息化厅\n省人力资源社会保障厅\n省财政厅",
        ),
        ("省教育厅\n省人力资源社会保", "障厅\n省财政厅", "省教育厅\n省人力资源社会保障厅\n省财政厅"),
        ("推动产教融合型城市和", "企业建设培育", "推动产教融合型城市和企业建设培育"),
        ("副省长（分管教育、卫", "健）汤慧敏", "副省长（分管教育、卫健）汤慧敏"),
        # names separated by "、": the break is only the width's
        ("市教育局、市卫健委、区教育局", "区财政局", "市教育局、市卫健委、区教育局区财政局"),
    ],
)
def test_a_cell_cut_by_a_page_break_is_joined_by_what_its_parts_end_and_start_with(above, below, joined):
    assert _cut_cell(above, below) == joined


# -- LibreOffice: one name a paragraph in narrow cells ----------------------------------------------


def _entries_docx() -> bytes:
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    doc.add_paragraph("青霞市政协2026年度协商计划")
    heads = ["序号", "协商议题", "时间安排", "承办单位", "协商部门", "出席领导"]
    widths = [Cm(1.2), Cm(3.6), Cm(2.2), Cm(3.0), Cm(3.0), Cm(2.6)]
    rows = [
        (
            "推进青霞湾生态廊道建设",
            ["6月"],
            "市政协人口资源环境委员会",
            ["市生态环境局", "市自然资源和规划局", "市水务局"],
            ["副市长(分管生态环境、水务)", "市政协主席顾远"],
        ),
        (
            "加强社区养老服务",
            ["9月"],
            "市政协社会和法制委员会",
            ["市民政局、市卫生健康委、团市委"],
            ["分管副市长(T02)"],
        ),
        (
            "发展夜间经济",
            ["4月、10月各一次"],
            "市政协经济委员会",
            ["市商务局", "市文化广电旅游局", "市市场监管局"],
            ["市长", "市政协副主席陶然"],
        ),
    ]
    table = doc.add_table(rows=1 + len(rows), cols=len(heads))
    table.style = "Table Grid"
    table.autofit = False
    for j, h in enumerate(heads):
        table.cell(0, j).text = h
    for r, (title, time, lead, depts, leaders) in enumerate(rows, start=1):
        values = [[str(r)], [title], time, [lead], depts, leaders]
        for j, paragraphs in enumerate(values):
            cell = table.cell(r, j)
            cell.text = paragraphs[0]
            for p in paragraphs[1:]:
                cell.add_paragraph(p)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_office_pdf_cells_of_one_name_a_line_give_each_name_whole(in_ci):
    if soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to print the plan to PDF")
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = convert_with_soffice(_entries_docx(), name="计划.docx", to="pdf")
    rows = topic_rows(import_document("计划.pdf", pdf).plan)
    assert [(r[0], r[2], r[4], r[5]) for r in rows] == [
        (
            "推进青霞湾生态廊道建设",
            [6],
            ["市生态环境局", "市自然资源和规划局", "市水务局"],
            ["副市长(分管生态环境、水务)", "市政协主席顾远"],
        ),
        ("加强社区养老服务", [9], ["市民政局", "市卫生健康委", "团市委"], ["分管副市长(T02)"]),
        ("发展夜间经济", [4], ["市商务局", "市文化广电旅游局", "市市场监管局"], ["市长", "市政协副主席陶然"]),
        ("发展夜间经济", [10], ["市商务局", "市文化广电旅游局", "市市场监管局"], ["市长", "市政协副主席陶然"]),
    ]


# -- Chromium: <br> lines, footnote marks, 备注 explained by a 注, extra columns ----------------------

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; font-size: 12pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #000; padding: 3pt; vertical-align: top; }}
.n {{ width: 6em; }}
sup {{ font-size: 8pt; }}
</style></head><body>
<h2>松岭县政协2026年度协商计划表</h2>
<table><tr><th>序号</th><th>协商议题</th><th>时间</th><th>承办单位</th><th class="n">协商部门</th>
<th>参加人员</th><th>成果形式</th><th class="n">备注</th></tr>{rows}</table>
{note}
</body></html>"""

_BROWSER_ROWS = [
    (
        "推动竹木产业提质增效",
        "6月",
        "县政协经济委员会",
        "县林业局<sup>①</sup><br>县工业和信息化局<br>县商务局",
        "部分委员、专家",
        "协商意见",
        "县长<br>县政协主席秦川",
    ),
    (
        "加快农村供水工程建设",
        "9月",
        "县政协农业和农村委员会",
        "县水利局<br>县财政局<br>各乡镇人民政府<sup>②</sup>",
        "县政协常委",
        "建议案",
        "分管副县长",
    ),
    (
        "提升县域医疗服务能力",
        "11月",
        "县政协教科卫体委员会",
        "县卫生健康局<br>县人民医院<sup>③</sup>",
        "提案人",
        "协商意见",
        "",
    ),
]


def _print(tmp_path, html: str) -> bytes:
    from services.printing import chromium_path

    exe = chromium_path()
    page = tmp_path / "plan.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    cmd += ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)
    return pdf.read_bytes()


@pytest.mark.parametrize("noted", [True, False])
def test_browser_pdf_cells_footnote_marks_and_a_remarks_column_that_a_note_explains(tmp_path, in_ci, noted):
    from services.printing import chromium_path

    if chromium_path() is None:
        if in_ci:
            pytest.fail("CI=true: chromium is needed to print a web page to PDF")
        pytest.skip("chromium not installed")
    rows = "".join(
        f"<tr><td>{n}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for n, cells in enumerate(_BROWSER_ROWS, start=1)
    )
    note = "<p>注：1．备注栏所列为拟邀请出席的县领导。2．①为牵头部门。</p>" if noted else "<p>注：①为牵头部门。</p>"
    plan = import_document("计划.pdf", _print(tmp_path, _PAGE.format(rows=rows, note=note))).plan
    got = [(r[0], r[2], r[4], r[5]) for r in topic_rows(plan)]
    if not noted:
        # no 注: 备注 stays a remark, its names no leaders (参加人员 is read as ever, the table naming
        # no leaders' column of its own)
        assert all("县长" not in x and "分管副县长" not in x for r in got for x in r[3])
        assert [r[2] for r in got] == [
            ["县林业局", "县工业和信息化局", "县商务局"],
            ["县水利局", "县财政局", "各乡镇人民政府"],
            ["县卫生健康局", "县人民医院", "提案人"],
        ]
        return
    assert got == [
        ("推动竹木产业提质增效", [6], ["县林业局", "县工业和信息化局", "县商务局"], ["县长", "县政协主席秦川"]),
        ("加快农村供水工程建设", [9], ["县水利局", "县财政局", "各乡镇人民政府"], ["分管副县长(T02)"]),
        ("提升县域医疗服务能力", [11], ["县卫生健康局", "县人民医院"], []),
    ]
    assert not {f.name for f in plan.forms} & {"协商意见", "建议案"}  # 成果形式 is what comes out, not the form


# -- a heading set with letter-spacing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("政 协 苕 岭 县 委 员 会", "政协苕岭县委员会"),
        ("协\u3000商\u3000计\u3000划", "协商计划"),
        # near misses: words of two or more characters apart, a single character, a label and its value
        ("专题 协商 会议", "专题 协商 会议"),
        ("甲", "甲"),
        ("时间 6月", "时间 6月"),
    ],
)
def test_a_letter_spaced_heading_is_closed_up_and_spaced_words_are_not(line, read):
    from paperwork.sources import _closed_up

    assert _closed_up(line) == read
