"""The audit trail: one row per kind of write, in the write's own transaction, with who/what/before/after;
append-only; searchable and exportable by the administrator (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from services import Reason, ServiceError, accounts, audit, jobs, plans, scenarios, schedules
from services.access import COMMAND_LINE, Role
from services.audit import Action, AuditQuery
from solver.plan import Schedule
from store import jobs as store_jobs
from store.repository import utcnow
from tests.actors import ADMIN, PLANNER, planner
from tests.store.store_samples import handmade_plan, handmade_schedule


def rows(engine, action: Action | None = None):
    return audit.search(engine, AuditQuery(actions=(action,) if action else ()), actor=ADMIN)


def only(engine, action: Action):
    found = rows(engine, action)
    assert len(found) == 1, [r.summary for r in found]
    return found[0]


def _moved() -> Schedule:
    s = handmade_schedule()
    s.assignments = [a.model_copy(update={"month": 8}) if a.topic == "T03" else a for a in s.assignments]
    return s


def test_plan_create_edit_delete_are_recorded_with_what_changed(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    created = only(engine, Action.PLAN_CREATE)
    assert (created.actor_name, created.actor_role, created.plan_id, created.target_id) == (
        "张三",
        "planner",
        pid,
        str(pid),
    )
    assert "某市政协" in created.summary and created.after["topics"][:2] == ["T01", "T00"]

    edited = handmade_plan()
    t01 = edited.topic_by_id()["T01"]
    t01.notes, t01.fixed_month = "改过", 7
    edited.topics = [t for t in edited.topics if t.id != "T02"]
    edited.topics.append(t01.model_copy(update={"id": "T09", "title": "新议题", "after": []}))
    plans.save_plan(engine, pid, edited, 1, actor=planner("李四"))
    row = only(engine, Action.PLAN_EDIT)
    assert row.actor_name == "李四" and row.plan_id == pid
    assert row.before["topics"]["T01"] == {"fixed_month": None, "notes": "先调研后协商"}
    assert row.after["topics"]["T01"] == {"fixed_month": 7, "notes": "改过"}
    assert row.before["topics"]["T02"]["title"] == "发展职业教育" and "T02" not in row.after["topics"]
    assert row.after["topics"]["T09"]["title"] == "新议题" and "T09" not in row.before["topics"]
    for words in ("新增议题 T09", "删除议题 T02", "修改议题 T01(固定月份、备注)"):
        assert words in row.summary

    plans.delete_plan(engine, pid, actor=PLANNER)
    gone = only(engine, Action.PLAN_DELETE)
    assert gone.plan_id == pid and gone.before["version"] == 2
    assert len(rows(engine)) == 3  # the plan is gone, its history is not


def test_a_refused_write_records_nothing(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    plans.save_plan(engine, pid, handmade_plan(body="改名"), 1, actor=PLANNER)
    with pytest.raises(ServiceError) as err:  # stale: made from version 1
        plans.save_plan(engine, pid, handmade_plan(body="又改"), 1, actor=PLANNER)
    assert err.value.reason is Reason.STALE
    assert len(rows(engine, Action.PLAN_EDIT)) == 1
    unknown = handmade_schedule()
    unknown.assignments = [*unknown.assignments, unknown.assignments[0].model_copy(update={"topic": "T99"})]
    with pytest.raises(ServiceError) as err:  # the data layer refuses it after the audit row was built: neither commits
        schedules.record_solve(engine, pid, 2, unknown, actor=PLANNER)
    assert err.value.reason is Reason.INVALID
    assert rows(engine, Action.SCHEDULE_SET) == []


def test_schedules_scenarios_and_adoptions_are_recorded_with_the_moves(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    first = only(engine, Action.SCHEDULE_SET)
    assert first.before == {"assignments": {}} and first.after["assignments"]["T03"] == [7, "econ"]

    sid = scenarios.save_scenario(engine, pid, _moved(), name="八月稿", actor=PLANNER, note="试试")
    saved = only(engine, Action.SCENARIO_SAVE)
    assert saved.target_id == str(sid) and "八月稿" in saved.summary

    scenarios.restore_scenario(engine, sid, actor=PLANNER)
    restored = only(engine, Action.SCENARIO_RESTORE)
    assert restored.before == {"assignments": {"T03": [7, "econ"]}}
    assert restored.after == {"assignments": {"T03": [8, "econ"]}}

    scenarios.delete_scenario(engine, sid, actor=PLANNER)
    assert only(engine, Action.SCENARIO_DELETE).before["name"] == "八月稿"

    edited = handmade_plan()
    edited.topic_by_id()["T02"].notes = "推演时改"
    schedules.adopt_whatif(engine, pid, 1, handmade_schedule(), edited_plan=edited, actor=PLANNER)
    adopted = only(engine, Action.WHATIF_ADOPT)
    assert (
        adopted.after["assignments"] == {"T03": [7, "econ"]} and adopted.after["topics"]["T02"]["notes"] == "推演时改"
    )
    assert "修改议题 T02(备注)" in adopted.summary


def test_jobs_submitted_cancelled_adopted_and_settings_are_recorded(engine, monkeypatch):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    sent = []
    monkeypatch.setattr(jobs.queue, "send", lambda *a, **k: sent.append(a))
    monkeypatch.setattr(jobs.queue, "recover", lambda *a, **k: None)
    from solver.options import SolveOptions

    me = planner("张三", account_id=None)
    job_id = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=me)
    submitted = only(engine, Action.SOLVE_SUBMIT)
    assert submitted.target_id == str(job_id) and submitted.plan_id == pid and sent
    jobs.cancel(engine, job_id, actor=me)
    assert only(engine, Action.JOB_CANCEL).before == {"status": "queued"}

    # a finished job with a candidate, adopted
    other = jobs.submit_solve(engine, pid, 1, SolveOptions(time_limit_s=5), actor=me)
    assert store_jobs.claim(engine, other, "w:1")
    store_jobs.finish(engine, other, "w:1", _moved(), [], note="")
    jobs.adopt(engine, other, actor=PLANNER)
    adopted = only(engine, Action.CANDIDATE_ADOPT)
    # no schedule was current: every placement of the candidate is new
    assert adopted.after == {"assignments": {a.topic: [a.month, a.lead] for a in _moved().assignments}}
    assert adopted.before == {"assignments": {}}
    assert f"#{other}" in adopted.summary

    jobs.set_setting(engine, "max_time_limit_s", 60, actor=ADMIN)
    setting = only(engine, Action.SETTING_SET)
    assert setting.before == {"max_time_limit_s": 120.0} and setting.after == {"max_time_limit_s": 60.0}
    assert setting.actor_name == "管理员甲"


def test_account_changes_and_sign_ins_are_recorded(engine):
    first = accounts.create_first_admin(engine, login="admin", password="long enough")
    aid = accounts.create_account(engine, login="lisi", password="long enough", role="planner", actor=first)
    accounts.change_role(engine, aid, Role.LEADER, actor=first)
    accounts.set_active(engine, aid, False, actor=first)
    accounts.set_active(engine, aid, True, actor=first)
    accounts.set_password(engine, aid, "another one", actor=first)
    with pytest.raises(ServiceError):
        accounts.authenticate(engine, "lisi", "wrong one", address="10.0.0.1")
    signed = accounts.authenticate(engine, "lisi", "another one", address="10.0.0.1")
    accounts.sign_out(engine, signed.token, actor=signed.actor)
    kinds = [r.action for r in reversed(rows(engine))]
    assert kinds == [
        "account.create",
        "account.create",
        "account.update",
        "account.disable",
        "account.enable",
        "account.password_reset",
        "session.sign_in_failed",
        "session.sign_in",
        "session.sign_out",
    ]
    changed = only(engine, Action.ACCOUNT_UPDATE)
    assert changed.before == {"role": "planner"} and changed.after == {"role": "leader"}
    failed = only(engine, Action.SIGN_IN_FAILED)
    assert failed.address == "10.0.0.1" and "lisi" in failed.summary


def test_the_command_line_is_recorded_as_such(engine):
    plans.create_plan(engine, handmade_plan(), actor=COMMAND_LINE)
    row = only(engine, Action.PLAN_CREATE)
    assert (row.actor_name, row.actor_role, row.account_id) == ("命令行", "admin", None)


def test_the_trail_is_append_only_in_the_database(engine):
    plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    for sql in ("UPDATE audit SET summary = 'x'", "DELETE FROM audit"):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(text(sql))
    assert len(rows(engine)) == 1 and rows(engine)[0].summary != "x"


def test_search_by_who_when_what_and_plan_and_export_to_excel(engine):
    a = plans.create_plan(engine, handmade_plan(year=2023), actor=planner("张三"))
    b = plans.create_plan(engine, handmade_plan(year=2024), actor=planner("李四"))
    plans.save_plan(engine, a, handmade_plan(year=2023, body="改名"), 1, actor=planner("李四"))
    assert [r.plan_id for r in audit.search(engine, AuditQuery(who="李四"), actor=ADMIN)] == [a, b]
    assert [r.action for r in audit.search(engine, AuditQuery(plan_id=a), actor=ADMIN)] == ["plan.edit", "plan.create"]
    assert len(audit.search(engine, AuditQuery(text="改名"), actor=ADMIN)) == 1
    now = utcnow()
    assert len(audit.search(engine, AuditQuery(since=now - timedelta(minutes=5)), actor=ADMIN)) == 3
    assert audit.search(engine, AuditQuery(until=now - timedelta(minutes=5)), actor=ADMIN) == []

    book = load_workbook(io.BytesIO(audit.export_xlsx(engine, AuditQuery(who="李四"), actor=ADMIN)))
    sheet = book["操作记录"]
    header, *data = list(sheet.values)
    assert header[:5] == ("序号", "时间", "操作人", "角色", "操作")
    assert [(r[2], r[4]) for r in data] == [("李四", "修改计划"), ("李四", "新建计划")]
    assert '"body": "改名"' in data[0][9]
