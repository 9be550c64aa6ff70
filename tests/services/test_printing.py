"""services.printing: the leadership sheet printed by a real headless Chromium.

A 60-topic plan is one A4 landscape page with every title in the PDF's text; a
1000-topic plan is the summary, on one page too; the PNG is that page; the
text layer reads as ideographs, not radicals; who may not see whole plans is
refused; a missing Chromium is a Chinese sentence. Chromium missing: skipped
locally, a failure under CI=true (scripts/test.sh installs it).
"""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from pypdf import PdfReader

from services import Reason, ServiceError, plans, printing, schedules
from services.access import Actor, Role
from solver import SolveOptions, solve
from solver.greedy import greedy_schedule
from tests.actors import PLANNER
from tools.generate import generate_plan

LEADER = Actor(name="主席", role=Role.LEADER)
A4_LANDSCAPE_PT = (841.89, 595.28)


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = printing.chromium_path()
    if exe is None or shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: chromium and pdftoppm must be installed (scripts/test.sh installs them)")
        pytest.skip("chromium or pdftoppm not installed")
    return exe


@pytest.fixture(scope="module")
def plan60():
    plan = generate_plan(60, seed=1)
    return plan, solve(plan, SolveOptions(time_limit_s=30, num_workers=1))


def _pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, re.sub(r"\s", "", "".join(p.extract_text() for p in reader.pages))


def _one_a4_landscape_page(reader: PdfReader) -> None:
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4_LANDSCAPE_PT[0], abs=1)
    assert float(box.height) == pytest.approx(A4_LANDSCAPE_PT[1], abs=1)


def test_sixty_topics_on_one_a4_landscape_page_every_title_in_the_text(chromium, plan60):
    plan, schedule = plan60
    assert schedule.has_schedule
    sheet = printing.sheet_for(plan, schedule, actor=LEADER, state_label="主席会议审议", version_number=2)
    assert sheet.view == "detail"
    reader, text = _pdf_text(printing.sheet_pdf(sheet))
    _one_a4_landscape_page(reader)
    missing = [t.title for t in plan.topics if re.sub(r"\s", "", t.title) not in text]
    assert missing == []
    assert "审批状态:主席会议审议" in text and "第2版" in text
    # the overloads the checker finds are listed under the grid
    from solver import check

    for f in printing.leadership_overloads(check(plan, schedule)):
        assert re.sub(r"\s", "", f.message) in text


def test_sixty_topics_with_overloads_everywhere_still_one_page(chromium):
    plan = generate_plan(60, seed=3)
    for d in plan.departments:
        d.max_per_month = 0  # a schedule nobody balanced: well over a hundred overloads
    sheet = printing.sheet_for(plan, greedy_schedule(plan), actor=LEADER)
    assert sheet.view == "detail"
    reader, text = _pdf_text(printing.sheet_pdf(sheet))
    _one_a4_landscape_page(reader)
    assert [t.title for t in plan.topics if re.sub(r"\s", "", t.title) not in text] == []


def test_the_text_layer_has_ideographs_not_radicals(chromium, plan60):
    plan, schedule = plan60
    pdf = printing.html_to_pdf(printing.sheet_for(plan, schedule, actor=LEADER).document)
    raw = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    fixed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printing.fix_text_layer(pdf))).pages)
    radicals = re.compile(r"[\u2e80-\u2fdf]")
    assert radicals.search(raw), "Chromium's Type 3 fonts map 月 to ⽉: the fix has something to do"
    assert not radicals.search(fixed)
    assert "1月" in fixed and "议题总数" in fixed


def test_a_thousand_topics_give_the_summary_on_one_page(chromium):
    plan = generate_plan(1000, seed=1)
    schedule = greedy_schedule(plan)
    sheet = printing.sheet_for(plan, schedule, actor=LEADER)
    assert sheet.view == "summary"
    reader, text = _pdf_text(printing.sheet_pdf(sheet))
    _one_a4_landscape_page(reader)
    assert "各月重点议题" in text and "负荷提示" in text
    for label in ("全体会议协商", "专题议政性常委会议", "双月协商座谈会"):
        assert label in text


def test_png_is_the_printed_page(chromium, plan60):
    plan, schedule = plan60
    png = printing.sheet_png(printing.sheet_for(plan, schedule, actor=LEADER), dpi=100)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    # A4 landscape at 100 dpi: 297 × 210 mm = 1169.3 × 826.8 px (pdftoppm rounds up or down)
    assert abs(width - 1169) <= 1 and abs(height - 827) <= 1


def test_the_sheet_of_a_stored_plan_and_who_may_see_it(engine):
    plan = generate_plan(20, seed=3)
    pid = plans.create_plan(engine, plan, actor=PLANNER)
    schedules.record_solve(engine, pid, 1, greedy_schedule(plan), actor=PLANNER)
    sheet = printing.leadership_sheet_of(engine, pid, actor=LEADER)
    assert all(f'data-topic="{t.id}"' in sheet.body for t in plan.topics)
    for actor in (None, Actor(name="联络员", role=Role.LIAISON, department="市商务局")):
        with pytest.raises(ServiceError) as err:
            printing.leadership_sheet_of(engine, pid, actor=actor)
        assert err.value.reason is Reason.DENIED
    with pytest.raises(ServiceError) as err:
        printing.leadership_sheet_of(engine, pid + 99, actor=LEADER)
    assert err.value.reason is Reason.NOT_FOUND


def test_without_chromium_a_chinese_sentence(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    assert printing.chromium_path() is None
    assert printing.unavailable() == printing.T.CHROMIUM_MISSING
    with pytest.raises(ServiceError, match="没有安装 Chromium"):
        printing.html_to_pdf("<p>x</p>")


def test_a_hung_chromium_is_stopped(monkeypatch, tmp_path):
    slow = tmp_path / "chromium"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(slow))
    monkeypatch.setattr(printing, "RENDER_TIMEOUT_S", 0.5)
    with pytest.raises(ServiceError, match="超时"):
        printing.html_to_pdf("<p>x</p>")


def test_a_failing_chromium_says_so(monkeypatch, tmp_path):
    bad = tmp_path / "chromium"
    bad.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    bad.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(bad))
    with pytest.raises(ServiceError, match="生成PDF失败|生成 PDF 失败|cannot open display"):
        printing.html_to_pdf("<p>x</p>")
