"""AppTest: the 审批与版本 and 变更通知 pages, signed in as each role."""

from __future__ import annotations

from page_helpers import APP, LIAISON_DEPARTMENT, TIMEOUT, WEIHAI, html_of, plan_id_of, sign_in, tables_of, texts_of
from streamlit.testing.v1 import AppTest

from services import accounts, approval, notices
from services.access import Actor, Role
from services.approval import Move, State
from store import api as store


def _open(open_app, page: str, role: str) -> AppTest:
    """The app signed in as ``role`` (the accounts of page_helpers; the liaison speaks for 市商务局) on ``page``."""
    return open_app(page, role=role)


PLANNER = Actor(name="张编排", role=Role.PLANNER)
LEADER = Actor(name="王主席", role=Role.LEADER)


def _buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def _move(at, move: str):
    """Press a move's button, then 「确认」 (a move is made only on the second, confirming step)."""
    at.button(key=f"ap_move_{move}").click().run()
    assert not at.exception, at.exception
    at.button(key="ap_confirm").click().run()


def test_a_move_is_made_only_after_a_confirmation_naming_it_and_its_version(engine, open_app):
    # Trial defect 4: Ctrl+Enter in the note (a form's submit) or one click moved the plan.
    pid = plan_id_of(engine, WEIHAI)
    at = _open(open_app, "approval", "planner")
    assert not at.text_area(key="ap_note").form_id  # no form: Enter / Ctrl+Enter in the note submits nothing
    at.text_area(key="ap_note").input("送各部门征求意见").run()
    assert approval.summary(engine, pid, actor=LEADER).state is State.DRAFT
    at.button(key="ap_move_submit").click().run()
    assert approval.summary(engine, pid, actor=LEADER).state is State.DRAFT
    assert "确认「提交征求意见」?计划和当前方案将冻结为第 1 版" in " ".join(w.value for w in at.warning)
    at.button(key="ap_cancel").click().run()
    assert approval.summary(engine, pid, actor=LEADER).state is State.DRAFT and not at.warning
    _move(at, "submit")
    assert approval.summary(engine, pid, actor=LEADER).state is State.CONSULTATION


def test_the_version_picker_opens_on_the_newest_version_after_each_move(engine, open_app):
    # Trial defect 20c: after 第 2 版 was frozen the picker still showed 第 1 版.
    pid = plan_id_of(engine, WEIHAI)
    at = _open(open_app, "approval", "planner")
    for move in ("submit", "to_chair"):
        _move(at, move)
        newest = approval.versions(engine, pid, actor=LEADER)[-1]
        picker = next(s for s in at.selectbox if s.label == "选择版本")
        assert picker.value == newest.id, move


def test_a_planner_submits_the_draft_and_sees_the_version_and_history(engine, open_app):
    at = _open(open_app, "approval", "planner")
    assert 'class="xs-step now" data-step="0">草案' in html_of(at)
    labels = _buttons(at)
    assert "提交征求意见" in labels and "主席会议审议通过" not in labels
    at.text_area(key="ap_note").input("送各部门征求意见")
    _move(at, "submit")
    assert not at.exception, at.exception
    assert "计划冻结为第 1 版" in texts_of(at)
    assert 'class="xs-step now" data-step="1">征求意见' in html_of(at)
    history = tables_of(at)[0]
    assert list(history["操作"]) == ["提交征求意见"] and list(history["说明"]) == ["送各部门征求意见"]
    signed_in = accounts.account_by_login(engine, "test_planner", actor=Actor(name="管理员", role=Role.ADMIN))
    assert list(history["操作人"]) == [signed_in.display_name]  # the signed-in account, not a typed name
    assert approval.summary(engine, plan_id_of(engine, WEIHAI), actor=LEADER).version_number == 1


def test_a_leader_decides_the_chair_meeting_step_and_comments(engine, open_app):
    pid = plan_id_of(engine, WEIHAI)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    at = _open(open_app, "approval", "leader")
    labels = _buttons(at)
    assert {"主席会议审议通过", "退回修改"} <= set(labels) and "印发执行" not in labels
    assert "已冻结" in texts_of(at)
    at.text_area(key="ap_comment").input("请把重点议题放在上半年")
    at.button(key="FormSubmitter:ap_comment_form-提出意见").click().run()
    assert not at.exception, at.exception
    assert "请把重点议题放在上半年" in texts_of(at)
    _move(at, "chair_pass")
    assert not at.exception, at.exception
    assert approval.summary(engine, pid, actor=LEADER).state is State.COMMITTEE_REVIEW
    assert "党委常委会审定通过" in _buttons(at)


def test_a_liaison_sees_the_state_but_no_moves_and_no_versions(engine, open_app):
    pid = plan_id_of(engine, WEIHAI)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    at = _open(open_app, "approval", "liaison")
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
    ours = next(d.id for d in plan.departments if d.name == LIAISON_DEPARTMENT)
    topic = next(t for t in plan.topics if ours in t.departments)
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
    return pid, LIAISON_DEPARTMENT, topic.title


def test_the_notices_page_for_planners_lists_every_recipient_with_downloads(engine, open_app):
    pid, department, title = _issue_and_adjust(engine)
    at = _open(open_app, "notices", "planner")
    table = tables_of(at)[0]
    assert department in set(table["接收单位/领导"])
    assert (table["调整原因"] == "上级会议时间调整").all()
    assert any(title in t for t in table["议题"])
    keys = {b.key for b in at.get("download_button")}
    assert {"nt_dl_docx", "nt_dl_xlsx"} <= keys
    at.selectbox(key="nt_recipient").select(notices.Recipient("department", department)).run()
    assert not at.exception, at.exception
    assert set(tables_of(at)[0]["接收单位/领导"]) == {department}


def test_the_notices_page_for_a_liaison_shows_their_department_only(engine, open_app):
    pid, department, title = _issue_and_adjust(engine)
    at = _open(open_app, "notices", "liaison")
    table = tables_of(at)[0]
    assert set(table["接收单位/领导"]) == {department}
    keys = {b.key for b in at.get("download_button")}
    assert "nt_dl_ics" in keys and "nt_dl_docx" not in keys
    assert department in texts_of(at)


def test_the_notices_page_is_not_for_leaders(engine):
    at = sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT), engine, "leader")
    at.run()
    try:
        at.switch_page("pages/notices.py").run()
    except ValueError:  # not in a leader's navigation at all
        pass
    else:  # or registered but refused on the page
        assert "无权" in "\n".join(e.value for e in at.error) and not tables_of(at)
    at.switch_page("pages/approval.py").run()  # the approval page is theirs
    assert not at.exception, at.exception
    assert "主席会议审议通过" not in _buttons(at)  # nothing to decide while the plan is a draft


def test_a_planner_starts_a_mid_year_change_only_with_a_reason(engine, open_app):
    pid = plan_id_of(engine, WEIHAI)
    for m, who in ((Move.SUBMIT, PLANNER), (Move.TO_CHAIR, PLANNER), (Move.CHAIR_PASS, LEADER)):
        approval.move(engine, pid, m, actor=who, expected=approval.summary(engine, pid, actor=who).state)
    approval.move(engine, pid, Move.COMMITTEE_PASS, actor=LEADER, expected=State.COMMITTEE_REVIEW)
    approval.move(engine, pid, Move.ISSUE, actor=PLANNER, expected=State.APPROVED)
    at = _open(open_app, "approval", "planner")
    assert "已印发执行" in texts_of(at)
    _move(at, "start_adjustment")
    assert not at.exception, at.exception
    assert "需要填写调整原因" in "\n".join(e.value for e in at.error)
    assert approval.summary(engine, pid, actor=LEADER).state is State.ISSUED
    at.text_input(key="ap_reason_issued").input("省里专题调研提前")
    _move(at, "start_adjustment")
    assert not at.exception, at.exception
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.reason, s.version_number) == (State.ADJUSTING, "省里专题调研提前", 6)
    assert "提交年中调整审批" in _buttons(at)


def test_an_issued_version_is_compared_with_the_issued_one_it_replaces(engine, open_app):
    pid, department, title = _issue_and_adjust(engine)
    at = _open(open_app, "approval", "planner")
    newest = approval.versions(engine, pid, actor=LEADER)[-1].id
    assert at.selectbox(key=f"ap_version_{newest}").value == newest
    base = at.selectbox(key=f"ap_base_{newest}")
    assert base.value == approval.versions(engine, pid, actor=LEADER)[4].id  # version 5, the first issue
    moved = next(t for t in tables_of(at) if "原月份" in t.columns)
    assert len(moved) == 1 and title in moved.iloc[0][moved.columns[0]]
