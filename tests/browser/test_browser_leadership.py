"""领导总览 in a real browser: the sheet on screen, and the page printed from the browser (Ctrl+P).

The browser's own print of the Streamlit page must give what the PDF download
gives: one A4 landscape page with the sheet only (no sidebar, no buttons), every
topic on it. Screenshots and the printed pages land in ``artifacts/screenshots/``.
"""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from browser_server import ROOT, signed_in_page
from pypdf import PdfReader
from test_browser import full_shot, open_page, pick_plan

from services.printing import fix_text_layer
from solver import load_plan

pytestmark = pytest.mark.browser

PLANS = {
    "威海市政协 2023 年度协商计划": "weihai-2023.json",  # a published schedule, with overloads
    "某市政协 2025 年度协商计划": "synthetic-50.json",  # 50 topics, not yet scheduled: the plan's own months
    "某市政协 2026 年度协商计划": "synthetic-200.json",  # 200 topics: the summary
}


@pytest.fixture(scope="module")
def browser_page(server):
    with signed_in_page(server) as page:
        yield page


def wait_for_sheet_of(page, label: str) -> None:
    """The sheet on screen is the picked plan's (under load the previous plan's sheet can linger)."""
    body, year = label.split(" ")[:2]
    page.wait_for_selector(".ls-sheet", timeout=30_000)
    page.wait_for_function(
        "([body, year]) => { const s = document.querySelector('.ls-sheet');"
        " const t = s ? s.innerText.replace(/\\s/g, '') : ''; return t.includes(body) && t.includes(year); }",
        arg=[body, year],
        timeout=60_000,
    )


@pytest.mark.parametrize("label", list(PLANS))
def test_leadership_page_on_screen_and_printed(browser_page, shots, label):
    page = browser_page
    pick_plan(page, label)
    open_page(page, "领导总览")
    wait_for_sheet_of(page, label)
    assert not page.locator('[data-testid="stException"]').count()
    sheet = page.locator(".ls-sheet")
    assert sheet.count() == 1 and sheet.is_visible()
    stem = PLANS[label].removesuffix(".json")
    full_shot(page, shots / f"leadership-{stem}-screen.png")

    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    (shots / f"leadership-{stem}-print.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            str(shots / f"leadership-{stem}-print.pdf"),
            str(shots / f"leadership-{stem}-print"),
        ],
        check=False,
    )
    reader = PdfReader(io.BytesIO(fix_text_layer(pdf)))
    assert len(reader.pages) == 1, "the browser's print of the page is one sheet"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = re.sub(r"\s", "", reader.pages[0].extract_text())
    plan = load_plan(ROOT / "data" / PLANS[label])
    if 'class="ls-sheet detail"' in sheet.inner_html() or "ls-sheet detail" in (sheet.get_attribute("class") or ""):
        assert [t.title for t in plan.topics if re.sub(r"\s", "", t.title) not in text] == []
    else:  # the summary: every month and the focus topics' heading
        assert "各月重点议题" in text and all(f"{m}月" in text for m in range(1, 13))
    for hidden in ("下载PDF", "年度计划", "修改人", "Ctrl+P"):  # buttons, the sidebar, the caption
        assert hidden not in text


def test_pdf_and_png_buttons_download_the_printed_page(browser_page, shots):
    page = browser_page
    pick_plan(page, "威海市政协 2023 年度协商计划")
    open_page(page, "领导总览")
    wait_for_sheet_of(page, "威海市政协 2023 年度协商计划")
    with page.expect_download(timeout=90_000) as got:
        page.get_by_role("button", name="下载 PDF(A4 横向)").click()
    pdf = got.value
    assert pdf.suggested_filename == "威海市政协2023年度协商计划·全年总览.pdf"
    reader = PdfReader(pdf.path())
    assert len(reader.pages) == 1 and "降低企业成本" in reader.pages[0].extract_text()
    with page.expect_download(timeout=90_000) as got:
        page.get_by_role("button", name="下载图片(PNG)").click()
    png = got.value
    assert png.suggested_filename.endswith("·全年总览.png")
    png.save_as(shots / "leadership-weihai-2023-download.png")
    assert (shots / "leadership-weihai-2023-download.png").read_bytes()[:4] == b"\x89PNG"
