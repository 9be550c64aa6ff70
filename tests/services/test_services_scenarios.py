"""services.scenarios: save, list, compare, restore saved versions — against a real database."""

from __future__ import annotations

import pytest

from services import Reason, ServiceError, plans, scenarios, schedules
from tests.actors import PLANNER, planner
from tests.store.store_samples import handmade_plan, handmade_schedule


@pytest.fixture
def plan_id(engine) -> int:
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    return pid


def _moved() -> object:
    s = handmade_schedule()
    s.assignments[3].month = 10  # T03: 7 → 10
    s.assignments[3].lead = "econ"
    return s


def test_save_list_and_compare(engine, plan_id):
    a = scenarios.save_scenario(
        engine, plan_id, handmade_schedule(), name=" 初稿 ", actor=planner("张三"), note="第一版"
    )
    b = scenarios.save_scenario(engine, plan_id, _moved(), name="调整稿", actor=planner("李四"))
    listed = scenarios.list_scenarios(engine, plan_id, actor=PLANNER)
    assert [(s.id, s.name, s.author, s.topic_count, s.plan_version) for s in listed] == [
        (a, "初稿", "张三", 4, 1),
        (b, "调整稿", "李四", 4, 1),
    ]
    assert listed[0].note == "第一版"
    assert len(listed[0].saved_at) == len("2025-03-02 10:15")
    comparison = scenarios.compare_scenarios(engine, a, b, actor=PLANNER)
    assert [(m.topic, m.month_before, m.month_after) for m in comparison.moved] == [("T03", 7, 10)]


def test_restore_makes_a_saved_version_current(engine, plan_id):
    sid = scenarios.save_scenario(engine, plan_id, _moved(), name="调整稿", actor=PLANNER)
    assert plans.current_schedule(engine, plan_id, actor=PLANNER).month_of()["T03"] == 7
    now = scenarios.restore_scenario(engine, sid, actor=planner("张三"))
    assert now.month_of()["T03"] == 10
    assert plans.current_schedule(engine, plan_id, actor=PLANNER) == now


def test_refusals(engine, plan_id):
    with pytest.raises(ServiceError) as err:
        scenarios.save_scenario(engine, plan_id, None, name="空", actor=PLANNER)
    assert err.value.reason is Reason.REFUSED
    scenarios.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", actor=PLANNER)
    with pytest.raises(ServiceError) as err:
        scenarios.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", actor=PLANNER)
    assert err.value.reason is Reason.DUPLICATE and "初稿" in str(err.value)
    with pytest.raises(ServiceError) as err:
        scenarios.save_scenario(engine, plan_id, handmade_schedule(), name="   ", actor=PLANNER)
    assert "不能为空" in str(err.value)
    with pytest.raises(ServiceError) as err:
        scenarios.restore_scenario(engine, 12345, actor=PLANNER)
    assert err.value.reason is Reason.NOT_FOUND
    assert [s.name for s in scenarios.list_scenarios(engine, plan_id, actor=PLANNER)] == ["初稿"]


def test_a_version_that_no_longer_fits_is_not_restored(engine, plan_id):
    sid = scenarios.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", actor=PLANNER)
    opened = plans.open_plan(engine, plan_id, actor=PLANNER)
    smaller = handmade_plan()
    smaller.topics = [t for t in smaller.topics if t.id != "T03"]
    plans.save_plan(engine, plan_id, smaller, opened.version, actor=PLANNER)
    with pytest.raises(ServiceError) as err:
        scenarios.restore_scenario(engine, sid, actor=PLANNER)
    assert err.value.reason is Reason.INVALID and "T03" in str(err.value)
    assert plans.current_schedule(engine, plan_id, actor=PLANNER) == handmade_schedule()


def test_delete(engine, plan_id):
    sid = scenarios.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", actor=PLANNER)
    scenarios.delete_scenario(engine, sid, actor=PLANNER)
    assert scenarios.list_scenarios(engine, plan_id, actor=PLANNER) == []
    with pytest.raises(ServiceError) as err:
        scenarios.delete_scenario(engine, sid, actor=PLANNER)
    assert err.value.reason is Reason.NOT_FOUND
