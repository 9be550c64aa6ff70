"""Screenshot the import review screen in headless Chromium: ``python tests/browser/shot_import_review.py``.

Starts ``streamlit run app.py`` on a fresh SQLite database (as the browser test
does), opens 议题与资源, uploads a corpus document (a Word table built by
``tests/paperwork/corpus/build.py``), clicks 识别 and saves full-page PNGs to
``artifacts/screenshots/import-review-*.png`` for a person to look at.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "tests" / "paperwork" / "corpus"))

import build  # noqa: E402
from browser_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SHOTS,
    sign_in,
    start_server,
    stop_server,
    wait_healthy,
)
from test_browser import full_shot, open_page, settle  # noqa: E402

LAYOUT = ROOT / "tests" / "paperwork" / "corpus" / "L15-docx-table-groups.src"
DOUBTFUL = """某县政协今年协商工作计划
(一)专题议政性常委会议(2项)
1.推进县域商业体系建设
时间安排:第二季度
协商部门:县商务局、县发改局
联系人:王某 电话 0000
2.加快发展智慧农业
时间安排:适时
承办单位:县政协农业农村委
出席领导:县政府分管副县长
"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (doc,) = build.build_one(LAYOUT, tmp_path, formats=("docx",))
        proc, url = start_server(tmp_path / "app.sqlite3", tmp_path / "streamlit.log")
        try:
            wait_healthy(url, proc)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
                page.goto(url)
                sign_in(page)
                settle(page)
                open_page(page, "议题与资源")
                page.get_by_text("导入已发布的计划(任意格式)并逐条核对").first.click()
                page.wait_for_timeout(500)
                page.locator("input[type=file]").last.set_input_files(str(doc))
                page.wait_for_timeout(1500)
                page.get_by_role("button", name="识别").click()
                page.wait_for_function("() => document.body.innerText.includes('种协商形式')", timeout=60_000)
                settle(page)
                page.get_by_text("种协商形式").first.scroll_into_view_if_needed()
                out = SHOTS / "import-review-docx-table.png"
                full_shot(page, out)
                print(out)
                # a doubtful text: no year ("今年"), a vague time, a missing lead, an unknown label
                page.goto(url)  # a fresh session: no file in the uploader
                sign_in(page)
                settle(page)
                open_page(page, "议题与资源")
                page.get_by_text("导入已发布的计划(任意格式)并逐条核对").first.click()
                page.wait_for_timeout(500)
                page.get_by_label("或粘贴计划文字").fill(DOUBTFUL)
                page.keyboard.press("Control+Enter")
                page.wait_for_timeout(800)
                page.get_by_role("button", name="识别", exact=True).click()
                page.wait_for_function("() => document.body.innerText.includes('必须填写')", timeout=60_000)
                settle(page)
                out = SHOTS / "import-review-doubtful-text.png"
                full_shot(page, out)
                print(out)
                browser.close()
        finally:
            stop_server(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
