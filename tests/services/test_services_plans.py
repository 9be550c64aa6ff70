"""services.plans and services.database against a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL)."""

from __future__ import annotations

import pytest

from services import Reason, ServiceError, plans, schedules
from services.database import database_label, open_database
from tests.actors import PLANNER, planner
from tests.store.store_samples import handmade_plan, handmade_schedule


def test_open_plan_gives_plan_version_and_current_schedule(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=planner("张三"))
    opened = plans.open_plan(engine, pid, actor=PLANNER)
    assert (opened.plan_id, opened.version, opened.schedule) == (pid, 1, None)
    assert opened.plan.to_dict() == handmade_plan().to_dict()

    assert schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    opened = plans.open_plan(engine, pid, actor=PLANNER)
    assert opened.schedule is not None and opened.schedule.month_of()["T02"] == 9
    assert plans.current_schedule(engine, pid, actor=PLANNER) == opened.schedule


def test_default_plan_is_the_newest_with_a_schedule(engine):
    assert plans.default_plan_id(engine, actor=PLANNER) is None
    old = plans.create_plan(engine, handmade_plan(year=2022), actor=PLANNER)
    new = plans.create_plan(engine, handmade_plan(year=2024), actor=PLANNER)
    assert plans.default_plan_id(engine, actor=PLANNER) == new  # none has a schedule: the newest
    schedules.record_solve(engine, old, 1, handmade_schedule(plan_year=2022), actor=PLANNER)
    assert plans.default_plan_id(engine, actor=PLANNER) == old
    assert [p.year for p in plans.list_plans(engine, actor=PLANNER)] == [2024, 2022]


def test_save_plan_returns_the_stored_copy_and_refuses_a_stale_one(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    edited = handmade_plan()
    edited.topics[0].notes = "已改"
    saved = plans.save_plan(engine, pid, edited, 1, actor=planner("张三"))
    assert saved.version == 2
    assert saved.plan.topic_by_id()["T01"].notes == "已改"

    other = handmade_plan()
    other.topics[0].notes = "李四的修改"
    with pytest.raises(ServiceError) as err:
        plans.save_plan(engine, pid, other, 1, actor=planner("李四"))
    assert err.value.reason is Reason.STALE
    assert "张三" in str(err.value) and "第 2 次保存" in str(err.value)
    assert plans.open_plan(engine, pid, actor=PLANNER).plan.topic_by_id()["T01"].notes == "已改"


def test_an_invalid_plan_is_refused_with_every_problem_named(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    bad = handmade_plan()
    bad.topics[0].form = "no-such-form"
    bad.topics[1].lead_options = ["nobody"]
    with pytest.raises(ServiceError) as err:
        plans.save_plan(engine, pid, bad, 1, actor=PLANNER)
    assert err.value.reason is Reason.INVALID
    assert len(err.value.issues) == 2
    assert any("T01" in i for i in err.value.issues) and any("T00" in i for i in err.value.issues)
    assert plans.open_plan(engine, pid, actor=PLANNER).version == 1


def test_a_second_plan_of_one_body_and_year_is_refused(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    with pytest.raises(ServiceError) as err:
        plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    assert err.value.reason is Reason.DUPLICATE
    assert f"编号 {pid}" in str(err.value)
    assert len(plans.list_plans(engine, actor=PLANNER)) == 1


def test_a_deleted_plan_is_not_found(engine):
    with pytest.raises(ServiceError) as err:
        plans.open_plan(engine, 999, actor=PLANNER)
    assert err.value.reason is Reason.NOT_FOUND
    assert "999" in str(err.value)


def test_open_database_creates_the_schema_and_loads_the_samples(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        listed = plans.list_plans(engine, actor=PLANNER)
        assert len(listed) >= 3
        assert all(p.topic_count > 0 for p in listed)
    finally:
        engine.dispose()


def test_an_unusable_database_is_one_chinese_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    url = f"sqlite:///{blocker / 'sub' / 'db.sqlite3'}"  # a directory under a file cannot exist
    with pytest.raises(ServiceError) as err:
        open_database(url)
    assert err.value.reason is Reason.DATABASE
    assert "无法打开数据库" in str(err.value)


def test_database_label_hides_the_password():
    label = database_label("postgresql://planner:secret@db.example:5432/xieshang")
    assert "secret" not in label and "planner" in label and "db.example" in label


def test_a_database_without_the_schema_is_one_chinese_error_not_a_traceback(blank_engine):
    with pytest.raises(ServiceError) as err:
        plans.list_plans(blank_engine, actor=PLANNER)
    assert err.value.reason is Reason.DATABASE
    assert str(err.value).startswith("数据库操作失败")
    assert "\n" not in str(err.value)  # the driver's first line only, no SQL dump


def test_schedule_age_says_when_the_plan_was_edited_after_its_schedule(engine):
    pid = plans.create_plan(engine, handmade_plan(), actor=planner("张三"))
    age = plans.schedule_age(engine, pid, actor=PLANNER)
    assert (age.plan_version, age.schedule_plan_version, age.schedule_at, age.outdated) == (1, None, None, False)

    assert schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    age = plans.schedule_age(engine, pid, actor=PLANNER)
    assert (age.schedule_plan_version, age.outdated) == (1, False)
    assert age.schedule_at is not None and age.schedule_at.tzinfo is not None

    edited = handmade_plan()
    edited.topics[0].notes = "已改"
    plans.save_plan(engine, pid, edited, 1, actor=planner("李四"))
    age = plans.schedule_age(engine, pid, actor=PLANNER)
    assert (age.plan_version, age.schedule_plan_version, age.outdated) == (2, 1, True)
    assert age.plan_updated_by == "李四" and age.plan_updated_at >= age.schedule_at

    assert schedules.record_solve(engine, pid, 2, handmade_schedule(), actor=PLANNER)  # solved again: current once more
    assert not plans.schedule_age(engine, pid, actor=PLANNER).outdated


def test_schedule_age_of_an_unknown_plan_is_refused(engine):
    with pytest.raises(ServiceError) as err:
        plans.schedule_age(engine, 999_999, actor=PLANNER)
    assert err.value.reason is Reason.NOT_FOUND


def test_a_liaison_sees_only_the_topics_of_their_department(engine):
    from tests.actors import LEADER, LIAISON

    pid = plans.create_plan(engine, handmade_plan(), actor=PLANNER)
    schedules.record_solve(engine, pid, 1, handmade_schedule(), actor=PLANNER)
    whole = handmade_plan()
    swj = {t.id for t in whole.topics if "swj" in t.departments}  # 市商务局's topics
    assert swj and len(swj) < len(whole.topics)
    mine = plans.open_plan(engine, pid, actor=LIAISON)
    assert {t.id for t in mine.plan.topics} == swj
    assert {a.topic for a in mine.schedule.assignments} == swj & {a.topic for a in handmade_schedule().assignments}
    assert all(set(t.after) <= swj for t in mine.plan.topics)
    assert {a.topic for a in plans.current_schedule(engine, pid, actor=LIAISON).assignments} <= swj
    assert len(plans.open_plan(engine, pid, actor=LEADER).plan.topics) == len(whole.topics)  # VIEW_ALL


def test_department_names_are_those_of_every_plan(engine):
    assert plans.department_names(engine, actor=PLANNER) == []
    plans.create_plan(engine, handmade_plan(year=2022), actor=PLANNER)
    other = handmade_plan(year=2024)
    other.departments[0].name = "市交通局"
    plans.create_plan(engine, other, actor=PLANNER)
    names = plans.department_names(engine, actor=PLANNER)
    expected = {d.name for d in handmade_plan().departments} | {"市交通局"}
    assert names == sorted(expected) and "市交通运输局" not in names
