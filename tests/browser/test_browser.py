"""A real browser against ``streamlit run app.py``: every page opens, solving works, the calendar is complete.

Debian's chromium, driven headless by Playwright (no browser download). Full-page
screenshots of every page land in ``artifacts/screenshots/``.
"""

from __future__ import annotations

import json

import pytest
from browser_server import ROOT, settle, signed_in_page

pytestmark = pytest.mark.browser

PAGES = ["全年总览", "议题与资源", "编排", "推演", "冲突与预警", "负荷", "领导总览"]
PLAN = "威海市政协 2023 年度协商计划"


def full_shot(page, path) -> None:
    """Streamlit scrolls inside its main block: grow the viewport to it, then take the whole page."""
    height = page.evaluate("() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight")
    page.set_viewport_size({"width": 1440, "height": max(900, min(int(height) + 40, 8000))})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 900})


@pytest.fixture(scope="module")
def browser_page(server):
    with signed_in_page(server) as page:
        yield page


def pick_plan(page, label: str) -> None:
    page.get_by_role("combobox", name="年度计划").click()
    page.get_by_role("option", name=label).first.click()
    page.wait_for_function(f"() => document.body.innerText.includes({json.dumps(label.split(' ')[0])})")
    settle(page)


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    page.wait_for_function(f"() => [...document.querySelectorAll('h1')].some(h => h.innerText.includes('{title}'))")
    settle(page)


def test_every_page_opens_solve_and_calendar_complete(browser_page, shots):
    page = browser_page
    pick_plan(page, PLAN)
    assert page.get_by_role("combobox", name="年度计划").input_value() == PLAN

    for title in PAGES:
        open_page(page, title)
        assert not page.locator('[data-testid="stException"]').count(), f"exception on {title}"
        # the plan picker keeps showing the chosen plan on every page (it is redrawn by each page)
        assert page.get_by_role("combobox", name="年度计划").input_value() == PLAN, title
        full_shot(page, shots / f"{PAGES.index(title) + 1}-{title}.png")

    open_page(page, "编排")
    page.get_by_role("button", name="开始编排").click()
    page.wait_for_selector("text=已完成", timeout=60_000)  # computed by the worker process
    settle(page)
    assert page.get_by_text("最优方案").first.is_visible()
    full_shot(page, shots / "3-编排-结果.png")
    page.get_by_role("button", name="采用为当前方案").click()
    page.wait_for_selector("text=已采用编排任务", timeout=30_000)
    settle(page)

    open_page(page, "全年总览")
    titles = [t["title"] for t in json.loads((ROOT / "data" / "weihai-2023.json").read_text("utf-8"))["topics"]]
    cards = page.locator(".xs-month .xs-card .t").all_inner_texts()
    assert sorted(cards) == sorted(titles)  # every topic exactly once, in a month
    assert page.locator(".xs-month.off-month").count() >= 1
    assert page.locator(".xs-month.session").count() == 1
    full_shot(page, shots / "1-全年总览-编排后.png")


def test_whatif_replan_and_conflict_in_the_browser(browser_page, shots):
    page = browser_page
    open_page(page, "推演")
    page.get_by_role("button", name="重新编排", exact=True).click()
    page.wait_for_selector("text=推演结果", timeout=60_000)
    settle(page)
    full_shot(page, shots / "4-推演-结果.png")

    # Pin the plenary (T01; session month only) to September: no schedule can keep that.
    page.get_by_role("combobox", name="议题").first.click()
    page.get_by_role("option", name="T01「市政协十四届二次会议协商议政」").click()
    settle(page)
    page.get_by_role("combobox", name="月份").first.click()
    page.get_by_role("option", name="9月", exact=True).click()
    settle(page)
    page.get_by_role("button", name="固定到该月").click()
    settle(page)
    page.get_by_role("button", name="重新编排", exact=True).click()
    page.wait_for_selector("text=推演结果无可行方案", timeout=90_000)
    settle(page)
    open_page(page, "冲突与预警")
    assert page.get_by_text("固定在 9月").first.is_visible()
    full_shot(page, shots / "5-冲突与预警-无解.png")
    assert not page.locator('[data-testid="stException"]').count()
