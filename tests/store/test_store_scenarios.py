"""Named versions of a plan's schedule: save, list, compare side by side, restore."""

from __future__ import annotations

import pytest
from store_samples import handmade_dict, handmade_plan, handmade_schedule

from solver.compare import compare_schedules
from solver.plan import Schedule
from solver.texts import GONE_TOPIC
from solver.validate import PlanError
from store import api


def _moved(schedule: Schedule, topic: str, month: int, lead: str | None = None) -> Schedule:
    out = schedule.model_copy(deep=True)
    for a in out.assignments:
        if a.topic == topic:
            a.month = month
            if lead:
                a.lead = lead
    return out


def test_save_list_load_scenarios(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    base = handmade_schedule()
    a = api.save_scenario(
        engine,
        plan_id,
        base,
        name=" 初稿 ",
        author="张三",
        note="按建议月份",
        options={"time_limit_s": 10, "weights": {"moved": 30}},
    )
    b = api.save_scenario(engine, plan_id, _moved(base, "T03", 8), name="调整稿", author="李四")

    listed = api.list_scenarios(engine, plan_id)
    assert [(s.id, s.name, s.author, s.assignment_count, s.plan_version) for s in listed] == [
        (a, "初稿", "张三", 4, 1),
        (b, "调整稿", "李四", 4, 1),
    ]
    assert listed[0].created_at <= listed[1].created_at and listed[0].created_at.tzinfo is not None
    rec = api.load_scenario(engine, a)
    assert (rec.name, rec.author, rec.note, rec.plan_id) == ("初稿", "张三", "按建议月份", plan_id)
    assert rec.options == {"time_limit_s": 10, "weights": {"moved": 30}}
    assert rec.schedule == base
    summary = next(p for p in api.list_plans(engine) if p.id == plan_id)
    assert summary.scenario_count == 2 and not summary.has_current_schedule


def test_solver_options_object_is_stored_as_its_fields(engine):
    from pydantic import BaseModel

    class Options(BaseModel):
        time_limit_s: float = 5.0
        num_workers: int = 2

    plan_id = api.import_plan_json(engine, handmade_dict())
    sid = api.save_scenario(engine, plan_id, handmade_schedule(), name="A", author="t", options=Options())
    assert api.load_scenario(engine, sid).options == {"time_limit_s": 5.0, "num_workers": 2}


def test_scenario_names_are_unique_within_a_plan(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    other = api.import_plan_json(engine, handmade_dict() | {"year": 2024})
    api.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", author="t")
    with pytest.raises(api.DuplicateError, match="初稿"):
        api.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", author="t")
    with pytest.raises(api.StoreError, match="不能为空"):
        api.save_scenario(engine, plan_id, handmade_schedule(), name="  ", author="t")
    assert len(api.list_scenarios(engine, plan_id)) == 1
    # another year's plan may use the same name
    sched = handmade_schedule(plan_year=2024)
    api.save_scenario(engine, other, sched, name="初稿", author="t")


def test_a_schedule_must_fit_its_plan(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    bad = handmade_schedule()
    bad.assignments[0].topic = "T77"
    bad.assignments[1].lead = "nobody"
    with pytest.raises(PlanError) as err:
        api.save_scenario(engine, plan_id, bad, name="坏的", author="t")
    assert any("T77" in i.message for i in err.value.issues)
    assert any("nobody" in i.message for i in err.value.issues)
    assert api.list_scenarios(engine, plan_id) == []


def test_restore_makes_a_version_current_and_leaves_it_unchanged(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    first = handmade_schedule()
    a = api.save_scenario(engine, plan_id, first, name="初稿", author="张三")
    api.set_current_schedule(engine, plan_id, _moved(first, "T01", 8))
    api.restore_scenario(engine, a)
    assert api.current_schedule(engine, plan_id) == first
    # editing the current schedule afterwards does not touch the saved version
    api.set_current_schedule(engine, plan_id, _moved(first, "T03", 10))
    assert api.load_scenario(engine, a).schedule == first
    assert len(api.list_scenarios(engine, plan_id)) == 1
    assert next(p for p in api.list_plans(engine) if p.id == plan_id).has_current_schedule


def test_restore_is_refused_when_the_plan_no_longer_fits(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    a = api.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", author="t")
    current = _moved(handmade_schedule(), "T01", 8)
    api.set_current_schedule(engine, plan_id, current)
    plan, v = api.load_plan(engine, plan_id)
    plan.topics = [t for t in plan.topics if t.id != "T03"]
    api.save_plan(engine, plan_id, plan, v)
    # the old version survives the topic's deletion …
    assert "T03" in api.load_scenario(engine, a).schedule.month_of()
    # … but cannot become current for a plan without T03
    with pytest.raises(PlanError, match="T03"):
        api.restore_scenario(engine, a)
    assert api.current_schedule(engine, plan_id) == current


def test_compare_two_versions(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    base = handmade_schedule()
    a = api.save_scenario(engine, plan_id, base, name="A", author="t")
    b = api.save_scenario(engine, plan_id, _moved(_moved(base, "T01", 6, lead="econ"), "T03", 7), name="B", author="t")
    diff = api.compare_scenarios(engine, a, b)
    assert [(m.topic, m.month_before, m.month_after, m.lead_before, m.lead_after) for m in diff.moved] == [
        ("T01", 7, 6, "proposal", "econ")
    ]
    assert diff.moved[0].title == "降低企业成本,吸引投资创业"
    assert diff.unchanged == 3
    changes = {(c.kind, c.id, c.month): (c.before, c.after) for c in diff.load_changes}
    assert changes == {
        ("committee", "proposal", 7): (1, 0),
        ("committee", "econ", 6): (0, 1),
        ("committee", "edu", 7): (1, 0),  # co-organiser of T01 moves with it
        ("committee", "edu", 6): (0, 1),
        ("department", "gxj", 7): (1, 0),
        ("department", "gxj", 6): (0, 1),
        ("department", "swj", 7): (2, 1),
        ("department", "swj", 6): (0, 1),
        ("leader", "mayor", 7): (1, 0),
        ("leader", "mayor", 6): (0, 1),
        ("leader", "vm1", 7): (1, 0),
        ("leader", "vm1", 6): (0, 1),
    }
    assert [c.kind for c in diff.load_changes] == sorted(
        (c.kind for c in diff.load_changes), key=["committee", "department", "leader"].index
    )
    assert diff.topics_per_month_before == {1: 1, 7: 2, 9: 1}
    assert diff.topics_per_month_after == {1: 1, 6: 1, 7: 1, 9: 1}
    swj = next(c for c in diff.load_changes if c.id == "swj" and c.month == 7)
    assert (swj.delta, swj.name, swj.kind_label) == (-1, "市商务局", "部门")

    api.set_current_schedule(engine, plan_id, base)
    assert api.compare_scenario_with_current(engine, a).moved == []


def test_compare_refuses_versions_of_different_plans(engine):
    p1 = api.import_plan_json(engine, handmade_dict())
    p2 = api.import_plan_json(engine, handmade_dict() | {"year": 2024})
    a = api.save_scenario(engine, p1, handmade_schedule(), name="A", author="t")
    b = api.save_scenario(engine, p2, handmade_schedule(plan_year=2024), name="A", author="t")
    with pytest.raises(api.StoreError, match="不属于"):
        api.compare_scenarios(engine, a, b)


def test_delete_scenario_and_unknown_ids(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    a = api.save_scenario(engine, plan_id, handmade_schedule(), name="A", author="t")
    api.delete_scenario(engine, a)
    assert api.list_scenarios(engine, plan_id) == []
    with pytest.raises(api.NotFoundError, match=str(a)):
        api.load_scenario(engine, a)
    with pytest.raises(api.NotFoundError):
        api.list_scenarios(engine, 424242)
    with pytest.raises(api.NotFoundError):
        api.current_schedule(engine, 424242)
    # the current schedule is not a "scenario" and cannot be loaded or deleted as one
    api.set_current_schedule(engine, plan_id, handmade_schedule())
    with engine.connect() as conn:
        from sqlalchemy import text

        current_id = conn.execute(text("SELECT id FROM schedule WHERE kind = 'current'")).scalar_one()
    with pytest.raises(api.NotFoundError):
        api.load_scenario(engine, current_id)
    with pytest.raises(api.NotFoundError):
        api.delete_scenario(engine, current_id)


# -- the pure comparison -------------------------------------------------------------------


def test_compare_handles_topics_only_one_schedule_has():
    plan = handmade_plan()
    before = handmade_schedule()
    after = handmade_schedule()
    after.assignments = [a for a in after.assignments if a.topic != "T03"]
    after.assignments.append(after.assignments[0].model_copy(update={"topic": "T99", "month": 5}))
    diff = compare_schedules(plan, before, after)
    by_topic = {m.topic: m for m in diff.moved}
    assert (by_topic["T03"].month_before, by_topic["T03"].month_after) == (7, None)
    assert (by_topic["T99"].month_before, by_topic["T99"].month_after, by_topic["T99"].title) == (None, 5, GONE_TOPIC)
    assert [m.topic for m in diff.moved] == ["T03", "T99"]  # plan order, then unknown topics


def test_compare_identical_schedules_is_empty():
    plan, s = handmade_plan(), handmade_schedule()
    diff = compare_schedules(plan, s, s)
    assert diff.moved == [] and diff.load_changes == [] and diff.unchanged == 4


def test_a_solved_schedule_keeps_its_optional_fields(engine):
    """Objective, bound, per-goal breakdown, options: a reloaded schedule still has them."""
    from solver import SolveOptions, solve

    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, _ = api.load_plan(engine, plan_id)
    solved = solve(plan, SolveOptions(time_limit_s=5))
    assert solved.objective is not None and solved.objective_breakdown
    api.set_current_schedule(engine, plan_id, solved)
    again = api.current_schedule(engine, plan_id)
    assert again == solved
    assert again.to_dict() == solved.to_dict()
    sid = api.save_scenario(engine, plan_id, solved, name="求解结果", author="张三")
    assert api.load_scenario(engine, sid).schedule.objective_breakdown == solved.objective_breakdown
