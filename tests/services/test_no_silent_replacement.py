"""No silent replacement (issue 12, item 6): every path that changes a plan's current schedule.

Each is an explicit call by a role with ADOPT, recorded in the audit trail;
a role without ADOPT is refused with nothing written; and while the plan is
under review or issued the data layer refuses them all, whoever asks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from services import Reason, ServiceError, approval, jobs, scenarios, schedules
from services.access import Actor, Role
from services.approval import Move, State
from store import api as store
from store import jobs as store_jobs
from store.models import AuditRow
from tests.store.store_samples import handmade_plan, handmade_schedule

PLANNER = Actor(name="张编排", role=Role.PLANNER)
LEADER = Actor(name="王主席", role=Role.LEADER)

MOVED = handmade_schedule(
    assignments=[
        {"topic": "T00", "month": 1, "lead": "proposal"},
        {"topic": "T01", "month": 6, "lead": "proposal"},
        {"topic": "T02", "month": 9, "lead": "edu"},
        {"topic": "T03", "month": 8, "lead": "econ"},
    ]
)


def _candidate_job(engine, pid: int) -> int:
    job_id = store_jobs.create_job(
        engine,
        kind="solve",
        plan_id=pid,
        plan_version=store.plan_version(engine, pid),
        plan=None,
        options={},
        author=PLANNER.name,
        priority=10,
        max_active_per_author=10,
    )
    assert store_jobs.claim(engine, job_id, "test-worker")
    store_jobs.finish(engine, job_id, "test-worker", MOVED, [], note="")
    return job_id


def _paths(engine, pid: int) -> dict[str, Callable[[Actor], object]]:
    scenario_id = store.save_scenario(engine, pid, MOVED, name="七月方案", author=PLANNER.name)
    job_id = _candidate_job(engine, pid)
    version = store.plan_version(engine, pid)
    return {
        "jobs.adopt": lambda who: jobs.adopt(engine, job_id, actor=who),
        "schedules.adopt_whatif": lambda who: schedules.adopt_whatif(engine, pid, version, MOVED, actor=who),
        "schedules.record_solve": lambda who: schedules.record_solve(engine, pid, version, MOVED, actor=who),
        "scenarios.restore_scenario": lambda who: scenarios.restore_scenario(engine, scenario_id, actor=who),
    }


PATHS = ["jobs.adopt", "schedules.adopt_whatif", "schedules.record_solve", "scenarios.restore_scenario"]


def _audit(engine, pid: int) -> list[str]:
    with engine.connect() as c:
        return [r.action for r in c.execute(select(AuditRow.action).where(AuditRow.plan_id == pid))]


def _plan(engine) -> int:
    pid = store.create_plan(engine, handmade_plan())
    store.set_current_schedule(engine, pid, handmade_schedule(), author=PLANNER.name)
    return pid


@pytest.mark.parametrize("path", PATHS)
def test_a_planner_replaces_the_schedule_explicitly_and_it_is_recorded(engine, path):
    pid = _plan(engine)
    run = _paths(engine, pid)[path]
    before = _audit(engine, pid)
    run(PLANNER)
    assert store.current_schedule(engine, pid).month_of()["T03"] == 8
    assert len(_audit(engine, pid)) == len(before) + 1


@pytest.mark.parametrize("path", PATHS)
def test_a_role_without_adopt_is_refused_and_nothing_changes(engine, path):
    pid = _plan(engine)
    run = _paths(engine, pid)[path]
    before = _audit(engine, pid)
    with pytest.raises(ServiceError) as err:
        run(LEADER)
    assert err.value.reason is Reason.DENIED and "无权" in str(err.value)
    assert store.current_schedule(engine, pid).month_of()["T03"] == 7
    assert _audit(engine, pid) == before


@pytest.mark.parametrize("path", PATHS)
def test_nobody_replaces_the_schedule_of_a_plan_under_review(engine, path):
    pid = _plan(engine)
    run = _paths(engine, pid)[path]
    approval.move(engine, pid, Move.SUBMIT, actor=PLANNER, expected=State.DRAFT)
    approval.move(engine, pid, Move.TO_CHAIR, actor=PLANNER, expected=State.CONSULTATION)
    before = _audit(engine, pid)
    with pytest.raises(ServiceError, match="主席会议审议"):
        run(Actor(name="管理员", role=Role.ADMIN))
    assert store.current_schedule(engine, pid).month_of()["T03"] == 7
    assert _audit(engine, pid) == before
