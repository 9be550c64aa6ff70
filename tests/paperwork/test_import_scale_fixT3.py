"""Reading time grows with the document's length, not its square; past what a plan has, a clear refusal.

Not timing tests: the bounds are ten times what linear reading takes, at sizes
where the quadratic reader took minutes. They count this process's CPU seconds,
not the wall clock: on two cores shared with other work (load 11) the wall
clock ran three times past the CPU time and failed these tests with a reader
that had not changed; the CPU time is the reader's own work.
"""

from __future__ import annotations

import html
import io
import random
import time

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap

from paperwork import common, import_document, import_text, parse_published_text
from paperwork.common import MAX_PDF_PAGES, MAX_PLAN_CHARS, MAX_PLAN_LINES, PaperworkError


def _plan_lines(n: int) -> list[str]:
    """A plan of numbered topics with labelled fields, repeated to ``n`` lines."""
    lines = ["青禾县政协2027年度协商计划", "一、专题协商会"]
    k = 0
    while len(lines) < n:
        k += 1
        lines += [
            f"{k}.关于完善山区第{k}片水网的建议",
            f"时间安排:{k % 12 + 1}月",
            "牵头单位:县政协人口资源环境委",
            "协商部门:县水利局、县林业局",
        ]
    return lines[:n]


def _chinese_lines(n: int) -> list[str]:
    rng = random.Random(5)
    return ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(8, 40))) for _ in range(n)]


def _finishes(call, limit_s: float = 30.0) -> str:
    """Run ``call``; "read" or the refusal's message; fails when it takes more than ``limit_s`` CPU seconds."""
    start = time.process_time()
    try:
        call()
        outcome = "read"
    except PaperworkError as err:
        outcome = str(err)
    assert time.process_time() - start < limit_s
    return outcome


def test_a_plan_just_under_the_line_limit_is_read_in_linear_time():
    lines = _plan_lines(MAX_PLAN_LINES - 10)
    assert _finishes(lambda: import_text("\n".join(lines))) == "read"


@pytest.mark.parametrize("make", [_plan_lines, _chinese_lines])
def test_fifty_thousand_lines_are_refused_naming_the_limit(make):
    text = "\n".join(make(50_000))
    for call in (lambda: import_text(text), lambda: parse_published_text(text)):
        said = _finishes(call, 10.0)
        assert f"{MAX_PLAN_LINES} 行" in said and "50000 行" in said
    said = _finishes(lambda: import_document("大文本.txt", text.encode("utf-8")), 10.0)
    assert f"{MAX_PLAN_LINES} 行" in said


def test_one_very_long_line_is_refused_by_its_characters():
    line = "关于推进县域水网建设的协商," * (MAX_PLAN_CHARS // 14 + 1)
    said = _finishes(lambda: import_text(line), 10.0)
    assert f"{MAX_PLAN_CHARS} 字" in said


def test_a_long_word_document_is_read_or_refused_quickly():
    doc = docx.Document()
    # one parse of all the paragraphs: add_paragraph 25,000 times takes longer than the reading
    paragraphs = "".join(f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in _plan_lines(25_000))
    body = parse_xml(f'<w:body xmlns:w="{nsmap["w"]}">{paragraphs}</w:body>')
    doc.element.body.extend(list(body))
    buf = io.BytesIO()
    doc.save(buf)
    said = _finishes(lambda: import_document("长计划.docx", buf.getvalue()))
    assert f"{MAX_PLAN_LINES} 行" in said


def test_fifty_thousand_plan_lines_read_in_linear_time_without_the_limit(monkeypatch):
    # the reader itself, past the cap: its quadratic steps (a slice or a look-back over all
    # the lines, per line) took over 120 s here; linear, it takes 5-12 s on a loaded machine
    monkeypatch.setattr(common, "MAX_PLAN_LINES", 10**6)
    monkeypatch.setattr(common, "MAX_PLAN_CHARS", 10**8)
    text = "\n".join(_plan_lines(50_000))
    assert _finishes(lambda: import_text(text), 60.0) == "read"


def test_a_pdf_of_more_pages_than_a_plan_is_refused_before_its_pages_are_read():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    said = _finishes(lambda: import_document("厚文件.pdf", buf.getvalue()), 10.0)
    assert f"{MAX_PDF_PAGES + 1} 页" in said and f"{MAX_PDF_PAGES} 页" in said
