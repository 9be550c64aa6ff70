"""Every page at 1280 px (a common office laptop): nothing cut, no Streamlit English menu.

Screenshots land in ``artifacts/screenshots/1280-*.png`` (looked at before a layout change is called done).
"""

from __future__ import annotations

import re

import pytest
from browser_server import signed_in_page
from test_browser import PAGES, PLAN, open_page, pick_plan, settle

pytestmark = pytest.mark.browser

WIDTH = 1280
SCREEN_HEIGHT = 720  # a 1280 × 800 laptop screen less the browser's own bars

# Text cut by its box: an element whose content is wider than the box that clips it (ellipsis or hidden
# overflow). Widget labels, tab labels, metric labels and values, buttons, table headers are checked.
CUT_JS = """
() => {
  const out = [];
  const sel = '[data-testid="stWidgetLabel"], [data-testid="stMetricLabel"], [data-testid="stMetricValue"],'
    + ' button[role="tab"] p, [data-testid="stBaseButton-secondary"] p, [data-testid="stBaseButton-primary"] p,'
    + ' [data-testid="stSidebarNavLink"] span, [data-testid="stMarkdownContainer"] p, label p, h1, h2, h3';
  for (const el of document.querySelectorAll(sel)) {
    if (!el.offsetParent) continue;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const st = getComputedStyle(e);
      const clips = st.overflow !== 'visible' || st.overflowX !== 'visible' || st.textOverflow === 'ellipsis';
      if (clips && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
        out.push((el.innerText || '').trim().slice(0, 60));
        break;
      }
      if (e.matches('[data-testid="stVerticalBlock"]')) break;
    }
  }
  return out.filter(t => t);
}
"""


@pytest.fixture(scope="module")
def narrow_page(server):
    with signed_in_page(server, width=WIDTH) as page:
        yield page


def test_every_page_at_1280px_cuts_no_label(narrow_page, shots):
    page = narrow_page
    pick_plan(page, PLAN)
    cut: dict[str, list[str]] = {}
    for title in PAGES:
        open_page(page, title)
        found = page.evaluate(CUT_JS)
        if found:
            cut[title] = found
        height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": WIDTH, "height": max(900, min(int(height) + 40, 8000))})
        page.wait_for_timeout(400)
        page.screenshot(path=str(shots / f"1280-{PAGES.index(title) + 1}-{title}.png"), full_page=True)
        page.set_viewport_size({"width": WIDTH, "height": 900})
    assert cut == {}


def test_no_streamlit_menu_in_english(narrow_page):
    page = narrow_page
    settle(page)
    assert page.locator('[data-testid="stMainMenu"]').count() == 0  # the ⋮ menu (Print, Record, About …)
    assert page.locator('[data-testid="stAppDeployButton"]').count() == 0


def test_the_200_topic_year_fits_one_screen_as_a_matrix(narrow_page, shots):
    page = narrow_page
    open_page(page, "全年总览")  # its caption names the plan, which pick_plan waits for
    pick_plan(page, "某市政协 2026 年度协商计划")
    page.wait_for_selector(".xs-matrix")
    box = page.locator(".xs-matrix").bounding_box()
    assert box is not None and box["height"] <= SCREEN_HEIGHT, box  # the card calendar is ~5,700 px
    assert page.evaluate(CUT_JS) == []
    page.set_viewport_size({"width": WIDTH, "height": 1400})
    page.wait_for_timeout(400)
    page.screenshot(path=str(shots / "1280-1-全年总览-200议题矩阵.png"), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": 900})
    open_page(page, "负荷")
    page.set_viewport_size({"width": WIDTH, "height": 1600})
    page.wait_for_timeout(800)
    page.screenshot(path=str(shots / "1280-6-负荷-200议题.png"), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": 900})


def test_the_page_says_it_is_chinese(narrow_page):
    page = narrow_page
    settle(page)
    page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=15000)
    title = page.title()
    assert re.search(r"[\u4e00-\u9fff]", title) and not re.search(r"[A-Za-z]{3,}", title), title
