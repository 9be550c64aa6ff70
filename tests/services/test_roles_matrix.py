"""Roles × services: every use case refuses each role lacking its permission (and a caller not signed in)
with a Chinese message, and writes nothing — checked in the database — on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text

from services import Reason, ServiceError, accounts, audit, imports, jobs, plans, scenarios, schedules
from services.access import COMMAND_LINE, ROLE_PERMISSIONS, Actor, Permission, Role
from solver.options import SolveOptions
from store import jobs as store_jobs
from tests.actors import ACTORS
from tests.store.store_samples import handmade_plan, handmade_schedule

TABLES = ("plan", "topic", "schedule", "assignment", "job", "setting", "account", "account_session", "audit")


def fingerprint(engine) -> dict[str, Any]:
    """Every table's row count, the plans' versions, the jobs' states, the accounts' roles and states."""
    with engine.connect() as conn:
        out: dict[str, Any] = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
        out["versions"] = conn.execute(text("SELECT id, version FROM plan ORDER BY id")).all()
        out["jobs"] = conn.execute(text("SELECT id, status, cancel_requested, adopted_by FROM job ORDER BY id")).all()
        out["accounts"] = conn.execute(text("SELECT id, role, active, password_hash FROM account ORDER BY id")).all()
        out["settings"] = conn.execute(text("SELECT key, value FROM setting ORDER BY key")).all()
        out["current"] = conn.execute(text("SELECT id FROM schedule WHERE kind = 'current'")).all()
    return out


@dataclass
class World:
    engine: Any
    plan_id: int
    scenario_id: int
    job_id: int
    account_id: int


@pytest.fixture
def world(engine) -> World:
    pid = plans.create_plan(engine, handmade_plan(), actor=COMMAND_LINE)
    schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=COMMAND_LINE)
    sid = scenarios.save_scenario(engine, pid, handmade_schedule(), name="初稿", actor=COMMAND_LINE)
    scenarios.save_scenario(engine, pid, handmade_schedule(), name="二稿", actor=COMMAND_LINE)
    job_id = store_jobs.create_job(
        engine,
        kind="solve",
        plan_id=pid,
        plan_version=1,
        plan=None,
        options={},
        author="张三",
        priority=10,
        max_active_per_author=10,
    )
    aid = accounts.create_account(engine, login="lisi", password="long enough", role="planner", actor=COMMAND_LINE)
    return World(engine, pid, sid, job_id, aid)


def _edited():
    p = handmade_plan()
    p.topic_by_id()["T01"].notes = "改过"
    return p


# (name, permission needed, the call)
CALLS: list[tuple[str, Permission, Callable[[World, Actor], Any]]] = [
    ("plans.list_plans", Permission.VIEW_PLAN, lambda w, a: plans.list_plans(w.engine, actor=a)),
    ("plans.open_plan", Permission.VIEW_PLAN, lambda w, a: plans.open_plan(w.engine, w.plan_id, actor=a)),
    ("plans.schedule_age", Permission.VIEW_PLAN, lambda w, a: plans.schedule_age(w.engine, w.plan_id, actor=a)),
    ("plans.save_plan", Permission.EDIT_PLAN, lambda w, a: plans.save_plan(w.engine, w.plan_id, _edited(), 1, actor=a)),
    (
        "plans.create_plan",
        Permission.EDIT_PLAN,
        lambda w, a: plans.create_plan(w.engine, handmade_plan(year=2030), actor=a),
    ),
    ("plans.delete_plan", Permission.EDIT_PLAN, lambda w, a: plans.delete_plan(w.engine, w.plan_id, actor=a)),
    (
        "plans.import_plan_json",
        Permission.EDIT_PLAN,
        lambda w, a: plans.import_plan_json(w.engine, handmade_plan(year=2031).to_dict(), actor=a),
    ),
    (
        "schedules.record_solve",
        Permission.ADOPT,
        lambda w, a: schedules.record_solve(w.engine, w.plan_id, 1, handmade_schedule(), actor=a),
    ),
    (
        "schedules.adopt_whatif",
        Permission.ADOPT,
        lambda w, a: schedules.adopt_whatif(w.engine, w.plan_id, 1, handmade_schedule(), actor=a),
    ),
    (
        "scenarios.list_scenarios",
        Permission.VIEW_PLAN,
        lambda w, a: scenarios.list_scenarios(w.engine, w.plan_id, actor=a),
    ),
    (
        "scenarios.compare_scenarios",
        Permission.VIEW_ALL,
        lambda w, a: scenarios.compare_scenarios(w.engine, w.scenario_id, w.scenario_id + 1, actor=a),
    ),
    (
        "scenarios.save_scenario",
        Permission.EDIT_PLAN,
        lambda w, a: scenarios.save_scenario(w.engine, w.plan_id, handmade_schedule(), name="三稿", actor=a),
    ),
    (
        "scenarios.restore_scenario",
        Permission.ADOPT,
        lambda w, a: scenarios.restore_scenario(w.engine, w.scenario_id, actor=a),
    ),
    (
        "scenarios.delete_scenario",
        Permission.EDIT_PLAN,
        lambda w, a: scenarios.delete_scenario(w.engine, w.scenario_id, actor=a),
    ),
    ("imports.plan_from_xlsx", Permission.EDIT_PLAN, lambda w, a: imports.plan_from_xlsx("a.xlsx", b"PK", actor=a)),
    ("imports.draft_from_text", Permission.EDIT_PLAN, lambda w, a: imports.draft_from_text("文字", actor=a)),
    (
        "jobs.submit_solve",
        Permission.SOLVE,
        lambda w, a: jobs.submit_solve(w.engine, w.plan_id, 1, SolveOptions(), actor=a),
    ),
    (
        "jobs.submit_replan",
        Permission.SOLVE,
        lambda w, a: jobs.submit_replan(
            w.engine, w.plan_id, 1, handmade_plan(), handmade_schedule(), SolveOptions(), actor=a
        ),
    ),
    ("jobs.job", Permission.SOLVE, lambda w, a: jobs.job(w.engine, w.job_id, actor=a)),
    ("jobs.plan_jobs", Permission.SOLVE, lambda w, a: jobs.plan_jobs(w.engine, w.plan_id, actor=a)),
    ("jobs.queued_ahead", Permission.SOLVE, lambda w, a: jobs.queued_ahead(w.engine, w.job_id, actor=a)),
    ("jobs.cancel", Permission.SOLVE, lambda w, a: jobs.cancel(w.engine, w.job_id, actor=a)),
    ("jobs.adopt", Permission.ADOPT, lambda w, a: jobs.adopt(w.engine, w.job_id, actor=a)),
    ("jobs.settings", Permission.VIEW_PLAN, lambda w, a: jobs.settings(w.engine, actor=a)),
    (
        "jobs.set_setting",
        Permission.MANAGE_SETTINGS,
        lambda w, a: jobs.set_setting(w.engine, "max_time_limit_s", 60, actor=a),
    ),
    ("accounts.list_accounts", Permission.MANAGE_ACCOUNTS, lambda w, a: accounts.list_accounts(w.engine, actor=a)),
    (
        "accounts.create_account",
        Permission.MANAGE_ACCOUNTS,
        lambda w, a: accounts.create_account(w.engine, login="new1", password="long enough", role="admin", actor=a),
    ),
    (
        "accounts.change_role",
        Permission.MANAGE_ACCOUNTS,
        lambda w, a: accounts.change_role(w.engine, w.account_id, Role.ADMIN, actor=a),
    ),
    (
        "accounts.set_active",
        Permission.MANAGE_ACCOUNTS,
        lambda w, a: accounts.set_active(w.engine, w.account_id, False, actor=a),
    ),
    (
        "accounts.set_password",
        Permission.MANAGE_ACCOUNTS,
        lambda w, a: accounts.set_password(w.engine, w.account_id, "a new password", actor=a),
    ),
    (
        "accounts.account_by_login",
        Permission.MANAGE_ACCOUNTS,
        lambda w, a: accounts.account_by_login(w.engine, "lisi", actor=a),
    ),
    ("audit.search", Permission.VIEW_AUDIT, lambda w, a: audit.search(w.engine, actor=a)),
    ("audit.export_xlsx", Permission.VIEW_AUDIT, lambda w, a: audit.export_xlsx(w.engine, actor=a)),
]

DENIED = [
    (name, role, call)
    for name, permission, call in CALLS
    for role in (*Role, None)
    if role is None or permission not in ROLE_PERMISSIONS[role]
]


def test_every_role_is_refused_something_and_every_call_is_refused_to_someone():
    """The matrix is not empty on either axis (a permission nobody lacks would test nothing)."""
    assert {role for _, role, _ in DENIED} == {*Role, None} - {Role.ADMIN} | {None}
    assert {name for name, _, _ in DENIED} == {name for name, _, _ in CALLS}
    assert len(DENIED) >= 60


@pytest.mark.parametrize(("name", "role", "call"), DENIED, ids=[f"{n}-{r}" for n, r, _ in DENIED])
def test_a_denied_action_is_refused_in_chinese_and_writes_nothing(world, name, role, call):
    actor = None if role is None else ACTORS[role]
    before = fingerprint(world.engine)
    with pytest.raises(ServiceError) as err:
        call(world, actor)
    assert err.value.reason is Reason.DENIED, (name, role, err.value)
    message = str(err.value)
    assert ("无权" in message and "未做任何修改" in message) if role else message == "请先登录"
    assert fingerprint(world.engine) == before


ALLOWED_WITHOUT_A_QUEUE = [
    (name, role, call)
    for name, permission, call in CALLS
    for role in Role
    if permission in ROLE_PERMISSIONS[role] and not name.startswith("jobs.submit")
]


@pytest.mark.parametrize(
    ("name", "role", "call"), ALLOWED_WITHOUT_A_QUEUE, ids=[f"{n}-{r}" for n, r, _ in ALLOWED_WITHOUT_A_QUEUE]
)
def test_an_allowed_action_is_not_refused_for_the_role(world, name, role, call):
    """The other half of the matrix: the roles that may, may (a refusal for another reason is fine)."""
    try:
        call(world, ACTORS[role])
    except ServiceError as err:
        assert err.reason is not Reason.DENIED, (name, role, err)
