"""Screenshot 审批与版本 and 变更通知 in headless Chromium: ``python tests/browser/shot_approval.py``.

Builds a fresh SQLite database with the sample plans, takes the plan the app
opens first through the whole approval path and a 年中调整 that moves one topic
(so there are versions, comments and notices), starts ``streamlit run app.py``
on it, signs in as a planner and as a 部门联络员, and saves full-page PNGs to
``artifacts/screenshots/approval-*.png`` for a person to look at.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from browser_server import CHROMIUM, CHROMIUM_ARGS, SHOTS, start_server, stop_server, wait_healthy  # noqa: E402
from test_browser import full_shot, open_page, settle  # noqa: E402

PASSWORD = "approval-shot-pw-1"


def prepare(db_path: Path) -> str:
    """The sample database with an issued-and-adjusted plan; the name of a department that got a notice."""
    from services import accounts, approval
    from services.access import Actor, Role
    from services.approval import Move
    from store import api as store

    engine = store.ensure_database(store.get_engine(f"sqlite:///{db_path}"))
    pid = next(p.id for p in store.list_plans(engine) if p.has_current_schedule)
    planner, leader = Actor(name="张编排", role=Role.PLANNER), Actor(name="王主席", role=Role.LEADER)

    def go(m: Move, who: Actor, **kw) -> None:
        approval.move(engine, pid, m, actor=who, expected=approval.summary(engine, pid, actor=who).state, **kw)

    go(Move.SUBMIT, planner, note="送各部门、各专委会征求意见")
    go(Move.TO_CHAIR, planner, note="已吸收部门意见 12 条")
    first = approval.versions(engine, pid, actor=leader)[-1]
    approval.add_comment(engine, first.id, "重点议题尽量安排在上半年", actor=leader)
    go(Move.CHAIR_PASS, leader, note="主席会议原则通过")
    go(Move.COMMITTEE_PASS, leader, note="市委常委会审定通过")
    go(Move.ISSUE, planner, note="政协办公室印发")
    go(Move.START_ADJUSTMENT, planner, reason="上级调研活动时间调整")
    plan, _ = store.load_plan(engine, pid)
    schedule = store.current_schedule(engine, pid)
    topic = next(t for t in plan.topics if t.departments)
    old = schedule.month_of()[topic.id]
    new = next(m for m in reversed(plan.calendar.months) if m != old)
    store.set_current_schedule(
        engine,
        pid,
        schedule.model_copy(
            update={
                "assignments": [
                    a.model_copy(update={"month": new}) if a.topic == topic.id else a for a in schedule.assignments
                ]
            }
        ),
    )
    go(Move.SUBMIT_ADJUSTMENT, planner, note="按调整原因顺延")
    go(Move.APPROVE_ADJUSTMENT, leader, note="同意调整")
    department = plan.department_by_id()[topic.departments[0]].name
    admin = accounts.create_first_admin(engine, login="admin", password=PASSWORD)
    accounts.create_account(
        engine, login="planner", password=PASSWORD, role="planner", display_name="张编排", actor=admin
    )
    accounts.create_account(
        engine,
        login="liaison",
        password=PASSWORD,
        role="liaison",
        display_name="部门联络员",
        department=department,
        actor=admin,
    )
    engine.dispose()
    return department


def sign_in(page, url: str, login: str) -> None:
    page.goto(url)
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    settle(page)


def main() -> int:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        prepare(tmp_path / "app.sqlite3")
        proc, url = start_server(tmp_path / "app.sqlite3", tmp_path / "streamlit.log")
        try:
            wait_healthy(url, proc)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
                sign_in(page, url, "planner")
                open_page(page, "审批与版本")
                full_shot(page, SHOTS / "approval-planner.png")
                page.get_by_role("tab", name="比较").click()
                page.wait_for_timeout(600)
                full_shot(page, SHOTS / "approval-compare.png")
                open_page(page, "变更通知")
                full_shot(page, SHOTS / "notices-planner.png")
                page.context.clear_cookies()
                other = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
                sign_in(other, url, "liaison")
                open_page(other, "变更通知")
                full_shot(other, SHOTS / "notices-liaison.png")
                open_page(other, "审批与版本")
                full_shot(other, SHOTS / "approval-liaison.png")
                browser.close()
        finally:
            stop_server(proc)
    for name in ("approval-planner", "approval-compare", "notices-planner", "notices-liaison", "approval-liaison"):
        print(SHOTS / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
