"""AppTest: the 审批与版本 and 变更通知 pages, signed in as each role."""

from __future__ import annotations

import pytest
from page_helpers import APP, TIMEOUT, WEIHAI, html_of, plan_id_of, tables_of, texts_of
from streamlit.testing.v1 import AppTest

from services import accounts, approval, notices
from services.access import Actor, Role
from services.approval import Move, State
from store import api as store

PASSWORD = "approval-test-pw-1"


def _signed_in(engine, role: str, department: str | None = None) -> str:
    """A session token of an account ``t_<role>`` (created on first use), as the sign-in form would get."""
    if not accounts.has_accounts(engine):
        accounts.create_first_admin(engine, login="t_admin", password=PASSWORD, display_name="测试管理员")
    admin = accounts.authenticate(engine, "t_admin", PASSWORD).actor
    login = f"t_{role}"
    if role != "admin" and login not in {a.login for a in accounts.list_accounts(engine, actor=admin)}:
        accounts.create_account(
            engine,
            login=login,
            password=PASSWORD,
            role=role,
            display_name={"planner": "张编排", "leader": "王主席", "liaison": "商务联络员"}[role],
            department=department,
            actor=admin,
        )
    return accounts.authenticate(engine, login, PASSWORD).token


def _open(engine, page: str, role: str, *, department: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["auth_token"] = _signed_in(engine, role, department)
    at.session_state["plan_picker"] = plan_id_of(engine, WEIHAI)
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


PLANNER = Actor(name="张编排", role=Role.PLANNER)
LEADER = Actor(name="王主席", role=Role.LEADER)


def _buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_a_planner_submits_the_draft_and_sees_the_version_and_history(engine):
    at = _open(engine, "approval", "planner")
    assert 'class="xs-step now" data-step="0">草案' in html_of(at)
    labels = _buttons(at)
    assert "提交征求意见" in labels and "主席会议审议通过" not in labels
    at.text_area(key="ap_note").input("送各部门征求意见")
    at.button(key="ap_move_submit").click().run()
    assert not at.exception, at.exception
    assert "计划冻结为第 1 版" in texts_of(at)
    assert 'class="xs-step now" data-step="1">征求意见' in html_of(at)
    history = tables_of(at)[0]
    assert list(history["操作"]) == ["提交征求意见"] and list(history["说明"]) == ["送各部门征求意见"]
    assert list(history["操作人"]) == ["张编排"]
    assert approval.summary(engine, plan_id_of(engine, WEIHAI), actor=LEADER).version_number == 1


def test_a_leader_decides_the_chair_meeting_step_and_comments(engine):
    pid = plan_id_of(engine, WEIHAI)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    at = _open(engine, "approval", "leader")
    labels = _buttons(at)
    assert {"主席会议审议通过", "退回修改"} <= set(labels) and "印发执行" not in labels
    assert "已冻结" in texts_of(at)
    at.text_area(key="ap_comment").input("请把重点议题放在上半年")
    at.button(key="FormSubmitter:ap_comment_form-提出意见").click().run()
    assert not at.exception, at.exception
    assert "请把重点议题放在上半年" in texts_of(at)
    at.button(key="ap_move_chair_pass").click().run()
    assert not at.exception, at.exception
    assert approval.summary(engine, pid, actor=LEADER).state is State.COMMITTEE_REVIEW
    assert "党委常委会审定通过" in _buttons(at)


def test_a_liaison_sees_the_state_but_no_moves_and_no_versions(engine):
    pid = plan_id_of(engine, WEIHAI)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    at = _open(engine, "approval", "liaison", department="威海市商务局")
    assert "您的角色在当前阶段没有可做的审批操作" in texts_of(at)
    assert not any(b.key and b.key.startswith("ap_move_") for b in at.button)
    assert "版本" not in [s.value for s in at.subheader]


def _issue_and_adjust(engine) -> tuple[int, str, str]:
    """Issue the sample plan, then a 年中调整 moving its first topic with a department; (plan id, department, title)."""
    pid = plan_id_of(engine, WEIHAI)
    for m in (Move.SUBMIT, Move.TO_CHAIR):
        approval.move(engine, pid, m, actor=PLANNER, expected=approval.summary(engine, pid, actor=PLANNER).state)
    for m in (Move.CHAIR_PASS, Move.COMMITTEE_PASS):
        approval.move(engine, pid, m, actor=LEADER, expected=approval.summary(engine, pid, actor=PLANNER).state)
    approval.move(engine, pid, Move.ISSUE, actor=PLANNER, expected=State.APPROVED)
    approval.move(engine, pid, Move.START_ADJUSTMENT, actor=PLANNER, expected=State.ISSUED, reason="上级会议时间调整")
    plan, _ = store.load_plan(engine, pid)
    schedule = store.current_schedule(engine, pid)
    topic = next(t for t in plan.topics if t.departments)
    old = schedule.month_of()[topic.id]
    new = next(m for m in plan.calendar.months if m != old)
    moved = schedule.model_copy(
        update={
            "assignments": [
                a.model_copy(update={"month": new}) if a.topic == topic.id else a for a in schedule.assignments
            ]
        }
    )
    store.set_current_schedule(engine, pid, moved)
    approval.move(engine, pid, Move.SUBMIT_ADJUSTMENT, actor=PLANNER, expected=State.ADJUSTING)
    approval.move(engine, pid, Move.APPROVE_ADJUSTMENT, actor=LEADER, expected=State.ADJUSTMENT_REVIEW)
    department = plan.department_by_id()[topic.departments[0]].name
    return pid, department, topic.title


def test_the_notices_page_for_planners_lists_every_recipient_with_downloads(engine):
    pid, department, title = _issue_and_adjust(engine)
    at = _open(engine, "notices", "planner")
    table = tables_of(at)[0]
    assert department in set(table["接收单位/领导"])
    assert (table["调整原因"] == "上级会议时间调整").all()
    assert any(title in t for t in table["议题"])
    keys = {b.key for b in at.get("download_button")}
    assert {"nt_dl_docx", "nt_dl_xlsx"} <= keys
    at.selectbox(key="nt_recipient").select(notices.Recipient("department", department)).run()
    assert not at.exception, at.exception
    assert set(tables_of(at)[0]["接收单位/领导"]) == {department}


def test_the_notices_page_for_a_liaison_shows_their_department_only(engine):
    pid, department, title = _issue_and_adjust(engine)
    at = _open(engine, "notices", "liaison", department=department)
    table = tables_of(at)[0]
    assert set(table["接收单位/领导"]) == {department}
    keys = {b.key for b in at.get("download_button")}
    assert "nt_dl_ics" in keys and "nt_dl_docx" not in keys
    assert department in texts_of(at)


def test_the_notices_page_is_not_in_a_leaders_navigation(engine):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["auth_token"] = _signed_in(engine, "leader")
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/notices.py")
    at.switch_page("pages/approval.py").run()  # the approval page is
    assert not at.exception, at.exception


def test_a_planner_starts_a_mid_year_change_only_with_a_reason(engine):
    pid = plan_id_of(engine, WEIHAI)
    for m, who in ((Move.SUBMIT, PLANNER), (Move.TO_CHAIR, PLANNER), (Move.CHAIR_PASS, LEADER)):
        approval.move(engine, pid, m, actor=who, expected=approval.summary(engine, pid, actor=who).state)
    approval.move(engine, pid, Move.COMMITTEE_PASS, actor=LEADER, expected=State.COMMITTEE_REVIEW)
    approval.move(engine, pid, Move.ISSUE, actor=PLANNER, expected=State.APPROVED)
    at = _open(engine, "approval", "planner")
    assert "已印发执行" in texts_of(at)
    at.button(key="ap_move_start_adjustment").click().run()
    assert not at.exception, at.exception
    assert "需要填写调整原因" in "\n".join(e.value for e in at.error)
    assert approval.summary(engine, pid, actor=LEADER).state is State.ISSUED
    at.text_input(key="ap_reason_issued").input("省里专题调研提前")
    at.button(key="ap_move_start_adjustment").click().run()
    assert not at.exception, at.exception
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.reason, s.version_number) == (State.ADJUSTING, "省里专题调研提前", 6)
    assert "提交年中调整审批" in _buttons(at)
