"""services.approval and services.notices: the approval path, a 年中调整, notices — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select, text

from services import Reason, ServiceError, approval, notices
from services.access import Actor, Role
from services.approval import Move, State
from store import api as store
from store.models import AuditRow
from tests.store.store_samples import handmade_plan, handmade_schedule

PLANNER = Actor(name="张编排", role=Role.PLANNER, account_id=None)
LEADER = Actor(name="王主席", role=Role.LEADER)
ADMIN = Actor(name="管理员甲", role=Role.ADMIN)
LIAISON = Actor(name="商务局联络员", role=Role.LIAISON, department="市商务局")
LIAISON_EDU = Actor(name="教育局联络员", role=Role.LIAISON, department="市教育局")

# who may make each move (管理员 may make all)
MAKERS = {
    Move.SUBMIT: PLANNER,
    Move.TO_CHAIR: PLANNER,
    Move.CHAIR_PASS: LEADER,
    Move.COMMITTEE_PASS: LEADER,
    Move.ISSUE: PLANNER,
}
TO_ISSUE = [Move.SUBMIT, Move.TO_CHAIR, Move.CHAIR_PASS, Move.COMMITTEE_PASS, Move.ISSUE]


def _plan_with_schedule(engine) -> int:
    pid = store.create_plan(engine, handmade_plan())
    store.set_current_schedule(engine, pid, handmade_schedule(), author="张编排")
    return pid


def _state(engine, pid) -> State:
    return approval.summary(engine, pid, actor=PLANNER).state


def _issue(engine, pid) -> None:
    for m in TO_ISSUE:
        approval.move(engine, pid, m, actor=MAKERS[m], expected=_state(engine, pid), note=f"{m.label}说明")


def _audit_count(engine) -> int:
    with engine.connect() as c:
        return len(c.execute(select(AuditRow.id)).all())


def test_the_full_path_to_issue_freezes_a_numbered_version_at_each_step(engine):
    pid = _plan_with_schedule(engine)
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.state_label, s.version_number, s.issued_version_number) == (State.DRAFT, "草案", None, None)

    meeting = dt.date(2023, 1, 12)
    seen = []
    for m in TO_ISSUE:
        rec = approval.move(
            engine, pid, m, actor=MAKERS[m], expected=_state(engine, pid), note="同意", meeting_date=meeting
        )
        seen.append((rec.number, rec.to_state, rec.created_by))
    assert seen == [
        (1, "consultation", "张编排"),
        (2, "chair_review", "张编排"),
        (3, "committee_review", "王主席"),
        (4, "approved", "王主席"),
        (5, "issued", "张编排"),
    ]
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.state_label, s.version_number, s.issued_version_number) == (State.ISSUED, "印发执行", 5, 5)
    history = approval.versions(engine, pid, actor=LEADER)
    assert [h.meeting_date for h in history] == [meeting] * 5
    frozen = approval.version(engine, history[1].id, actor=LEADER)  # what the 主席会议 saw
    assert frozen.plan.to_dict() == handmade_plan().to_dict()
    assert frozen.schedule.month_of() == handmade_schedule().month_of()
    # each move is in the audit trail, with the version it froze
    with engine.connect() as c:
        rows = c.execute(select(AuditRow.action, AuditRow.summary).where(AuditRow.plan_id == pid)).all()
    moves = [r for r in rows if r.action == "approval.move"]
    assert len(moves) == 5 and "冻结为第 2 版" in moves[1].summary


def test_the_plan_is_frozen_under_review_and_after_issue(engine):
    pid = _plan_with_schedule(engine)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    # 征求意见: still editable (comments lead to revisions)
    v = store.save_plan(engine, pid, handmade_plan(), 1, author="张编排")
    store.set_current_schedule(engine, pid, handmade_schedule(), author="张编排")
    approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    for attempt in (
        lambda: store.save_plan(engine, pid, handmade_plan(), v, author="张编排"),
        lambda: store.set_current_schedule(engine, pid, handmade_schedule(), author="张编排"),
    ):
        with pytest.raises(store.StoreError, match="主席会议审议"):
            attempt()
    assert store.plan_version(engine, pid) == v


def test_a_move_out_of_an_editable_state_needs_an_up_to_date_schedule(engine):
    pid = store.create_plan(engine, handmade_plan())
    with pytest.raises(ServiceError, match="还没有当前方案") as err:
        approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    assert err.value.reason is Reason.REFUSED
    store.set_current_schedule(engine, pid, handmade_schedule())
    store.save_plan(engine, pid, handmade_plan(), 1)
    with pytest.raises(ServiceError, match="不是按最新计划编排"):
        approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    assert approval.summary(engine, pid, actor=PLANNER).version_number is None


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [
        (
            PLANNER,
            {Move.SUBMIT, Move.TO_CHAIR, Move.WITHDRAW, Move.ISSUE, Move.START_ADJUSTMENT, Move.SUBMIT_ADJUSTMENT}
            | {Move.ABANDON_ADJUSTMENT},
        ),
        (
            LEADER,
            {Move.CHAIR_PASS, Move.COMMITTEE_PASS, Move.RETURN, Move.APPROVE_ADJUSTMENT, Move.RETURN_ADJUSTMENT},
        ),
        (ADMIN, set(Move)),
        (LIAISON, set()),
    ],
    ids=["planner", "leader", "admin", "liaison"],
)
def test_each_role_may_make_its_moves_only(actor, allowed):
    may = {m for s in State for m in approval.moves_for(s, actor)}
    assert may == allowed


@pytest.mark.parametrize(
    ("actor", "which", "state"),
    [
        (LEADER, Move.SUBMIT, State.DRAFT),
        (LIAISON, Move.SUBMIT, State.DRAFT),
        (PLANNER, Move.CHAIR_PASS, State.CHAIR_REVIEW),
        (PLANNER, Move.RETURN, State.CHAIR_REVIEW),
        (LIAISON, Move.CHAIR_PASS, State.CHAIR_REVIEW),
    ],
)
def test_a_denied_move_is_refused_in_chinese_and_writes_nothing(engine, actor, which, state):
    pid = _plan_with_schedule(engine)
    if state is State.CHAIR_REVIEW:
        approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
        approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    before = (approval.summary(engine, pid, actor=ADMIN), _audit_count(engine))
    with pytest.raises(ServiceError) as err:
        approval.move(engine, pid, which, actor=actor, expected=state, note="试图越权")
    assert err.value.reason is Reason.DENIED
    assert "无权" in str(err.value) and "未做任何修改" in str(err.value)
    assert (approval.summary(engine, pid, actor=ADMIN), _audit_count(engine)) == before


def test_a_move_from_a_stale_state_or_without_its_note_is_refused(engine):
    pid = _plan_with_schedule(engine)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    with pytest.raises(ServiceError, match="征求意见"):  # the page still showed 草案
        approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    with pytest.raises(ServiceError, match="需要填写说明"):
        approval.move(engine, pid, Move.WITHDRAW, actor=PLANNER, expected=State.CONSULTATION, note="  ")
    rec = approval.move(engine, pid, Move.WITHDRAW, actor=PLANNER, expected=State.CONSULTATION, note="部门意见较多")
    assert (rec.number, rec.to_state, rec.note) == (2, "draft", "部门意见较多")


def test_a_leader_returns_a_plan_under_review_to_draft_with_a_note(engine):
    pid = _plan_with_schedule(engine)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    rec = approval.move(engine, pid, Move.RETURN, actor=LEADER, expected=State.CHAIR_REVIEW, note="T03 请提前")
    assert rec.to_state == "draft" and approval.summary(engine, pid, actor=LEADER).editable
    store.save_plan(engine, pid, handmade_plan(), 1)  # editable again


def test_versions_are_immutable(engine):
    pid = _plan_with_schedule(engine)
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    first = approval.versions(engine, pid, actor=LEADER)[0]
    frozen = approval.version(engine, first.id, actor=LEADER)
    # later edits do not reach it
    edited = handmade_plan(topics=[t for t in handmade_plan().to_dict()["topics"] if t["id"] != "T03"])
    store.save_plan(engine, pid, edited, 1)
    again = approval.version(engine, first.id, actor=LEADER)
    assert again.plan.to_dict() == frozen.plan.to_dict() and len(again.plan.topics) == 4
    # and the database refuses to change it
    with pytest.raises(Exception, match="immutable"), engine.begin() as c:
        c.execute(text("UPDATE approval_version SET note = 'x' WHERE id = :i"), {"i": first.id})
    assert not any(
        name.startswith(("update", "edit", "set")) for name in dir(approval) if callable(getattr(approval, name))
    )


def _adjust_moving_t03(engine, pid, *, reason="市商务局外事活动调整") -> None:
    approval.move(engine, pid, Move.START_ADJUSTMENT, actor=PLANNER, expected=State.ISSUED, reason=reason)
    moved = handmade_schedule(
        assignments=[
            {"topic": "T00", "month": 1, "lead": "proposal"},
            {"topic": "T01", "month": 7, "lead": "proposal"},
            {"topic": "T02", "month": 9, "lead": "edu"},
            {"topic": "T03", "month": 10, "lead": "econ"},
        ]
    )
    store.set_current_schedule(engine, pid, moved, author="张编排")
    approval.move(engine, pid, Move.SUBMIT_ADJUSTMENT, actor=PLANNER, expected=State.ADJUSTING)
    approval.move(engine, pid, Move.APPROVE_ADJUSTMENT, actor=LEADER, expected=State.ADJUSTMENT_REVIEW, note="同意")


def test_a_mid_year_change_is_issued_as_the_next_version_with_notices(engine):
    pid = _plan_with_schedule(engine)
    _issue(engine, pid)
    with pytest.raises(ServiceError, match="调整原因"):
        approval.move(engine, pid, Move.START_ADJUSTMENT, actor=PLANNER, expected=State.ISSUED, reason=" ")
    _adjust_moving_t03(engine, pid)
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.version_number, s.issued_version_number) == (State.ISSUED, 8, 8)
    assert s.reason == "市商务局外事活动调整"
    # the first issued version stays readable as it was
    first_issued = approval.versions(engine, pid, actor=LEADER)[4]
    assert approval.version(engine, first_issued.id, actor=LEADER).schedule.month_of()["T03"] == 7

    got = notices.list_notices(engine, pid, actor=PLANNER)
    lines = {(n.line.recipient_kind, n.line.recipient_name, n.line.topic_code): n for n in got}
    # T03 (外贸稳增长): 市商务局 and its lead 经济委 are told, 7月 → 10月; nobody else
    assert set(lines) == {("department", "市商务局", "T03"), ("committee", "经济委", "T03")}
    n = lines[("department", "市商务局", "T03")]
    assert (n.line.change, n.line.old_month, n.line.new_month, n.line.topic_title) == (
        "month_changed",
        7,
        10,
        "外贸稳增长",
    )
    assert (n.reason, n.version_number, n.previous_version_number) == ("市商务局外事活动调整", 8, 5)
    # a liaison sees their department's only; one with nothing is told nothing
    assert [x.line.recipient_name for x in notices.list_notices(engine, pid, actor=LIAISON)] == ["市商务局"]
    assert notices.list_notices(engine, pid, actor=LIAISON_EDU) == []
    with pytest.raises(ServiceError) as err:
        notices.list_notices(engine, pid, actor=LEADER)
    assert err.value.reason is Reason.DENIED


def test_notices_for_added_removed_and_lead_changes():
    plan = handmade_plan()
    before = handmade_schedule()
    data = plan.to_dict()
    data["topics"][3]["departments"] = ["jyj"]  # T03: 市商务局 out, 市教育局 in
    after_plan = handmade_plan(topics=data["topics"])
    after = handmade_schedule(
        assignments=[
            {"topic": "T00", "month": 1, "lead": "proposal"},
            {"topic": "T01", "month": 8, "lead": "econ"},
            {"topic": "T02", "month": 9, "lead": "edu"},
            {"topic": "T03", "month": 7, "lead": "econ"},
        ]
    )
    lines = notices.change_lines((plan, before), (after_plan, after))
    got = {
        (x.recipient_name, x.topic_code): (x.change, x.old_month, x.new_month, x.old_lead, x.new_lead) for x in lines
    }
    assert got[("市商务局", "T03")] == ("removed", 7, None, "经济委", None)
    assert got[("市教育局", "T03")] == ("added", None, 7, None, "经济委")
    assert got[("市工信局", "T01")] == ("month_and_lead_changed", 7, 8, "提案委", "经济委")
    assert got[("提案委", "T01")][0] == "removed" and got[("经济委", "T01")][0] == "added"
    assert ("市教育局", "T02") not in got  # unchanged for them


def test_the_notice_lists_read_back(engine):
    import docx
    import openpyxl

    pid = _plan_with_schedule(engine)
    _issue(engine, pid)
    _adjust_moving_t03(engine, pid)
    wb = openpyxl.load_workbook(io.BytesIO(notices.notices_xlsx(engine, pid, actor=PLANNER)))
    ws = wb["变更通知"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:7] == ["序号", "接收类别", "接收单位/领导", "议题", "变更", "原安排月份", "调整后月份"]
    assert ["部门", "市商务局", "外贸稳增长", "调整月份", "7月", "10月"] == rows[1][1:7]
    assert rows[1][9] == "市商务局外事活动调整" and len(rows) == 3
    doc = docx.Document(io.BytesIO(notices.notices_docx(engine, pid, actor=PLANNER)))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "部门:市商务局(共 1 项变更)" in body
    assert "「外贸稳增长」调整月份;月份:7月 → 10月" in body
    assert doc.tables[0].rows[1].cells[2].text == "市商务局"


def test_the_updated_calendar_moves_the_event(engine):
    from icalendar import Calendar

    pid = _plan_with_schedule(engine)
    _issue(engine, pid)
    _adjust_moving_t03(engine, pid)
    latest = approval.versions(engine, pid, actor=LEADER)[-1]
    name, data = notices.recipient_calendar(
        engine, latest.id, notices.Recipient("department", "市商务局"), actor=LIAISON
    )
    assert name.endswith("市商务局.ics")
    events = {str(e["summary"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    ev = next(e for s, e in events.items() if "外贸稳增长" in s)
    assert ev.decoded("dtstart") == dt.date(2023, 10, 1) and int(ev["sequence"]) == latest.number
    with pytest.raises(ServiceError) as err:
        notices.recipient_calendar(engine, latest.id, notices.Recipient("department", "市工信局"), actor=LIAISON)
    assert err.value.reason is Reason.DENIED


def test_comments_on_a_version(engine):
    pid = _plan_with_schedule(engine)
    rec = approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    approval.add_comment(engine, rec.id, "T01 建议放在 6 月", actor=LEADER)
    with pytest.raises(ServiceError) as err:
        approval.add_comment(engine, rec.id, "我也想说", actor=LIAISON)
    assert err.value.reason is Reason.DENIED
    with pytest.raises(ServiceError, match="为空"):
        approval.add_comment(engine, rec.id, "  ", actor=LEADER)
    got = approval.comments(engine, pid, actor=PLANNER)
    assert [(c.author, c.version_number, c.text) for c in got] == [("王主席", 1, "T01 建议放在 6 月")]


def test_a_version_exports_and_compares_with_the_previous(engine):
    import openpyxl

    pid = _plan_with_schedule(engine)
    _issue(engine, pid)
    _adjust_moving_t03(engine, pid)
    history = approval.versions(engine, pid, actor=LEADER)
    cmp = approval.compare_with_previous(engine, history[-2].id, actor=LEADER)  # the adjustment as submitted
    assert [(m.topic, m.month_before, m.month_after) for m in cmp.moved] == [("T03", 7, 10)]
    assert approval.compare_with_previous(engine, history[0].id, actor=LEADER) is None
    # the re-issued version against the first issued one (version 5), not its identical predecessor
    assert not approval.compare_with_previous(engine, history[-1].id, actor=LEADER).moved
    vs_issued = approval.compare_with_previous(engine, history[-1].id, actor=LEADER, base_id=history[4].id)
    assert [(m.topic, m.month_before, m.month_after) for m in vs_issued.moved] == [("T03", 7, 10)]
    wb = openpyxl.load_workbook(io.BytesIO(approval.export_version_xlsx(engine, history[4].id, actor=LEADER)))
    assert len(wb.sheetnames) > 1
    assert approval.export_version_docx(engine, history[4].id, actor=LEADER)[:2] == b"PK"
    # the exchange-format export reads back as a plan with that version's schedule current
    data = approval.export_version_json(engine, history[4].id, actor=LEADER).decode("utf-8")
    other = store.import_plan_json(
        engine, data.replace('"year": 2023', '"year": 2024', 1).replace('"plan_year": 2023', '"plan_year": 2024', 1)
    )
    assert store.current_schedule(engine, other).month_of()["T03"] == 7


def test_an_abandoned_mid_year_change_puts_the_issued_plan_back_and_issues_nothing(engine):
    pid = _plan_with_schedule(engine)
    _issue(engine, pid)
    approval.move(engine, pid, Move.START_ADJUSTMENT, actor=PLANNER, expected=State.ISSUED, reason="拟调整")
    edited = handmade_plan(topics=[t for t in handmade_plan().to_dict()["topics"] if t["id"] != "T03"])
    store.save_plan_with_schedule(
        engine,
        pid,
        edited,
        store.plan_version(engine, pid),
        handmade_schedule(assignments=[a for a in handmade_schedule().to_dict()["assignments"] if a["topic"] != "T03"]),
    )
    with pytest.raises(ServiceError, match="需要填写说明"):
        approval.move(engine, pid, Move.ABANDON_ADJUSTMENT, actor=PLANNER, expected=State.ADJUSTING)
    rec = approval.move(engine, pid, Move.ABANDON_ADJUSTMENT, actor=PLANNER, expected=State.ADJUSTING, note="不调整了")
    s = approval.summary(engine, pid, actor=LEADER)
    assert (s.state, s.version_number, s.issued_version_number) == (State.ISSUED, rec.number, 5)
    plan, _ = store.load_plan(engine, pid)
    assert plan.to_dict() == handmade_plan().to_dict()
    assert store.current_schedule(engine, pid).month_of() == handmade_schedule().month_of()
    assert notices.list_notices(engine, pid, actor=PLANNER) == []


def test_two_planners_submitting_at_once_make_one_version(engine):
    from concurrent.futures import ThreadPoolExecutor

    pid = _plan_with_schedule(engine)

    def submit(_: int) -> str:
        try:
            approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT, note="同时提交")
        except ServiceError as err:
            return str(err)
        return "ok"

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(submit, range(4)))
    assert outcomes.count("ok") == 1
    assert all("征求意见" in o for o in outcomes if o != "ok")  # the others: the state has moved on
    assert [v.number for v in approval.versions(engine, pid, actor=LEADER)] == [1]
