"""services.schedules: record a solve, adopt a what-if — against a real database."""

from __future__ import annotations

import pytest

from services import Reason, ServiceError, plans, schedules
from tests.actors import PLANNER, planner
from tests.store.store_samples import handmade_plan, handmade_schedule


def test_a_feasible_solve_becomes_current_an_infeasible_one_does_not(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    failed = handmade_schedule(status="infeasible", assignments=[], explanation="冲突")
    assert schedules.record_solve(engine, pid, 1, failed, actor=PLANNER) is False
    assert plans.current_schedule(engine, pid, actor=PLANNER) is None

    result = handmade_schedule(options={"time_limit_s": 5.0})
    assert schedules.record_solve(engine, pid, 1, result, actor=planner("张三")) is True
    assert plans.current_schedule(engine, pid, actor=PLANNER) == result


def test_a_solve_of_an_outdated_plan_is_refused(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    plans.save_plan(engine, pid, handmade_plan(body="某市政协(改)"), 1, actor=planner("李四"))
    with pytest.raises(ServiceError) as err:
        schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    assert err.value.reason is Reason.STALE
    assert plans.current_schedule(engine, pid, actor=PLANNER) is None


def test_adopting_a_whatif_saves_the_edit_and_the_schedule_together(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    edited = handmade_plan()
    edited.topic_by_id()["T03"].fixed_month = 10
    moved = handmade_schedule()
    moved.assignments[3].month = 10
    adopted = schedules.adopt_whatif(engine, pid, 1, moved, edited_plan=edited, actor=planner("张三"))
    assert adopted.version == 2
    assert adopted.plan.topic_by_id()["T03"].fixed_month == 10
    assert adopted.schedule == moved
    assert plans.open_plan(engine, pid, actor=PLANNER) == adopted


def test_adopting_without_an_edit_keeps_the_version(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    adopted = schedules.adopt_whatif(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    assert adopted.version == 1 and adopted.schedule == handmade_schedule()


def test_a_whatif_whose_schedule_does_not_fit_the_edit_writes_nothing(engine):
    """One transaction: the plan edit is not kept when its schedule is refused."""
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    before = handmade_schedule()
    schedules.record_solve(engine, pid, 1, before, actor=PLANNER)
    edited = handmade_plan()
    edited.topics = [t for t in edited.topics if t.id != "T03"]
    edited.topic_by_id()["T02"].notes = "改过"
    with pytest.raises(ServiceError) as err:
        schedules.adopt_whatif(
            engine, pid, 1, handmade_schedule(), edited_plan=edited, actor=PLANNER
        )  # still names T03
    assert err.value.reason is Reason.INVALID
    assert any("T03" in i for i in err.value.issues)
    after = plans.open_plan(engine, pid, actor=PLANNER)
    assert after.version == 1 and after.schedule == before
    assert after.plan.topic_by_id()["T02"].notes == handmade_plan().topic_by_id()["T02"].notes


def test_a_stale_whatif_is_refused(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    plans.save_plan(engine, pid, handmade_plan(body="某市政协(改)"), 1, actor=planner("李四"))
    for edited in (None, handmade_plan()):
        with pytest.raises(ServiceError) as err:
            schedules.adopt_whatif(engine, pid, 1, handmade_schedule(), edited_plan=edited, actor=PLANNER)
        assert err.value.reason is Reason.STALE
    assert plans.open_plan(engine, pid, actor=PLANNER).schedule is None


def test_an_infeasible_whatif_cannot_be_adopted(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    with pytest.raises(ServiceError) as err:
        schedules.adopt_whatif(engine, pid, 1, handmade_schedule(status="infeasible", assignments=[]), actor=PLANNER)
    assert err.value.reason is Reason.REFUSED
    assert plans.open_plan(engine, pid, actor=PLANNER).schedule is None
