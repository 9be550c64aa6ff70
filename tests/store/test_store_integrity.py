"""Foreign keys, unique names, and every save one transaction (failures injected mid-save)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from store_samples import handmade_dict, handmade_plan, handmade_schedule

from solver.validate import PlanError
from store import api, repository
from store.models import AssignmentRow, LeaderRow, TopicDepartmentRow, TopicRow


def _count(engine, table: str, plan_id: int | None = None) -> int:
    where = "" if plan_id is None else f" WHERE plan_id = {int(plan_id)}"
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}{where}")).scalar_one()


# -- foreign keys -----------------------------------------------------------------


def test_foreign_keys_are_enforced(engine, backend):
    plan_id = api.import_plan_json(engine, handmade_dict())
    if backend == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    dangling = [
        (
            "INSERT INTO topic_department (plan_id, topic_code, position, department_code)"
            f" VALUES ({plan_id}, 'T01', 9, 'no-such-department')"
        ),
        (
            "INSERT INTO topic (plan_id, code, position, title, form_code, preferred_months, notes)"
            f" VALUES ({plan_id}, 'T99', 9, 't', 'no-such-form', '[]', '')"
        ),
        (
            "INSERT INTO form (plan_id, code, position, name, session_only, min_gap_months)"
            " VALUES (999999, 'f', 0, 'F', false, 0)"
        ),
        (f"INSERT INTO topic_after (plan_id, topic_code, position, before_code) VALUES ({plan_id}, 'T01', 9, 'T98')"),
    ]
    for sql in dangling:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(sql))
    assert api.export_plan_json(engine, plan_id) == handmade_plan().to_dict()


def test_a_topic_cannot_reference_a_department_of_another_plan(engine):
    a = api.import_plan_json(engine, handmade_dict())
    other = handmade_dict()
    other["year"] = 2024
    other["departments"].append({"id": "only2024", "name": "只在2024年的部门"})
    api.import_plan_json(engine, other)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO topic_department (plan_id, topic_code, position, department_code)"
                f" VALUES ({a}, 'T01', 9, 'only2024')"
            )
        )


def test_deleting_a_plan_removes_all_its_rows(engine):
    keep = api.import_plan_json(engine, handmade_dict() | {"year": 2024})
    plan_id = api.import_plan_json(engine, handmade_dict())
    api.save_scenario(engine, plan_id, handmade_schedule(), name="A", author="t")
    api.set_current_schedule(engine, plan_id, handmade_schedule())
    tables = [
        "form",
        "committee",
        "department",
        "leader",
        "topic",
        "topic_lead_option",
        "topic_co_organizer",
        "topic_department",
        "topic_leader",
        "topic_after",
        "schedule",
    ]
    assert all(_count(engine, t, plan_id) > 0 for t in tables)
    api.delete_plan(engine, plan_id)
    assert all(_count(engine, t, plan_id) == 0 for t in tables)
    assert _count(engine, "assignment") == 0
    assert _count(engine, "topic", keep) == 4


# -- unique names -------------------------------------------------------------------


def test_duplicate_body_and_year_is_refused(engine):
    first = api.import_plan_json(engine, handmade_dict())
    with pytest.raises(api.DuplicateError, match=re.escape(f"某市政协 2023 年度协商计划已存在(编号 {first})")):
        api.import_plan_json(engine, handmade_dict())
    with pytest.raises(api.DuplicateError):
        api.create_plan(engine, handmade_plan())
    # same body, another year: a second annual plan, fine
    second = api.import_plan_json(engine, handmade_dict() | {"year": 2024})
    # renaming the 2024 plan into 2023 collides too, and changes nothing
    plan, v = api.load_plan(engine, second)
    plan.year = 2023
    with pytest.raises(api.DuplicateError):
        api.save_plan(engine, second, plan, v)
    assert api.load_plan(engine, second)[1] == v
    assert sorted((p.year, p.id) for p in api.list_plans(engine)) == [(2023, first), (2024, second)]


def test_duplicate_names_in_a_plan_are_refused(engine):
    doc = handmade_dict()
    doc["departments"][1]["name"] = "市工信局"
    with pytest.raises(PlanError, match="市工信局"):
        api.import_plan_json(engine, doc)
    assert api.list_plans(engine) == []
    # and the database itself refuses them, whatever the code above it does
    plan_id = api.import_plan_json(engine, handmade_dict())
    for sql in (
        (
            "INSERT INTO department (plan_id, code, position, name, max_per_month)"
            f" VALUES ({plan_id}, 'x', 9, '市工信局', 1)"
        ),
        f"INSERT INTO committee (plan_id, code, position, name) VALUES ({plan_id}, 'proposal', 9, '另一个')",
        (
            f"INSERT INTO topic (plan_id, code, position, title, form_code, preferred_months, notes)"
            f" VALUES ({plan_id}, 'T01', 9, '重复编号', 'standing', '[]', '')"
        ),
    ):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(sql))


def test_invalid_plan_file_saves_nothing(engine):
    doc = handmade_dict()
    doc["topics"][0]["departments"] = ["gxj", "nope"]
    doc["topics"][1]["window"] = [9, 3]
    with pytest.raises(PlanError) as err:
        api.import_plan_json(engine, doc)
    messages = [i.message for i in err.value.issues]
    assert any("T01" in m and "nope" in m for m in messages)
    assert any("T00" in m and "起止颠倒" in m for m in messages)
    assert api.list_plans(engine) == []
    with pytest.raises(PlanError, match="不是有效的 JSON"):
        api.import_plan_json(engine, "{not json")


def test_text_a_database_cannot_store_is_refused_the_same_on_every_backend(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, v = api.load_plan(engine, plan_id)
    plan.topics[0].title = "含\x00空字符"
    with pytest.raises(api.StoreError, match="空字符"):
        api.save_plan(engine, plan_id, plan, v)
    assert api.load_plan(engine, plan_id) == (handmade_plan(), 1)


# -- one transaction per save ------------------------------------------------------------


def _edited(plan):
    plan = plan.model_copy(deep=True)
    plan.departments[0].name = "改名的部门"
    plan.topics.pop()
    plan.topics[0].title = "改过的标题"
    return plan


@pytest.mark.parametrize("fail_on", [TopicRow, TopicDepartmentRow, LeaderRow])
def test_failure_mid_save_leaves_the_previous_plan_whole(engine, monkeypatch, fail_on):
    plan_id = api.import_plan_json(engine, handmade_dict())
    api.set_current_schedule(engine, plan_id, handmade_schedule())
    before = api.export_plan_json(engine, plan_id, with_schedules=True)
    plan, v = api.load_plan(engine, plan_id)

    real = repository._insert_rows
    written: list[type] = []

    def failing(session, model, rows):
        if model is fail_on:
            # write half of this table's rows, then fail
            real(session, model, rows[: len(rows) // 2])
            raise OSError("磁盘已满(测试注入的故障)")
        real(session, model, rows)
        written.append(model)

    monkeypatch.setattr(repository, "_insert_rows", failing)
    with pytest.raises(OSError, match="测试注入"):
        api.save_plan(engine, plan_id, _edited(plan), v, author="张三")
    monkeypatch.undo()

    assert written, "the failure must come after some rows were already written"
    after = api.export_plan_json(engine, plan_id, with_schedules=True)
    for doc in (before, after):
        doc["xieshang_backup"].pop("exported_at")
    assert after == before
    assert api.plan_version(engine, plan_id) == v
    # and the same edit goes through once the fault is gone
    assert api.save_plan(engine, plan_id, _edited(plan), v) == v + 1


def test_database_error_mid_save_leaves_the_previous_plan_whole(engine, monkeypatch):
    """The database itself refuses a row (dangling reference) half-way through the save."""
    plan_id = api.import_plan_json(engine, handmade_dict())
    before = api.export_plan_json(engine, plan_id)
    plan, v = api.load_plan(engine, plan_id)
    broken = _edited(plan)
    broken.topics[0].departments.append("no-such-department")
    monkeypatch.setattr(api, "_validated", lambda p: p)  # let it past the checks, to the database
    with pytest.raises(api.StoreError, match="数据完整性"):
        api.save_plan(engine, plan_id, broken, v)
    assert api.export_plan_json(engine, plan_id) == before
    assert api.plan_version(engine, plan_id) == v


def test_failure_while_replacing_the_current_schedule_keeps_the_old_one(engine, monkeypatch):
    plan_id = api.import_plan_json(engine, handmade_dict())
    old = handmade_schedule()
    api.set_current_schedule(engine, plan_id, old)
    new = handmade_schedule(status="feasible")
    new.assignments[1].month = 8

    real = repository._insert_rows

    def failing(session, model, rows):
        if model is AssignmentRow:
            raise OSError("注入的故障")
        real(session, model, rows)

    monkeypatch.setattr(repository, "_insert_rows", failing)
    with pytest.raises(OSError):
        api.set_current_schedule(engine, plan_id, new)
    monkeypatch.undo()
    assert api.current_schedule(engine, plan_id) == old


def test_failed_backup_import_leaves_no_half_plan(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    api.save_scenario(engine, plan_id, handmade_schedule(), name="A", author="t")
    backup = api.export_plan_json(engine, plan_id, with_schedules=True)
    api.delete_plan(engine, plan_id)
    backup["xieshang_backup"]["scenarios"][0]["schedule"]["assignments"][0]["topic"] = "T77"
    with pytest.raises(PlanError, match="T77"):
        api.import_plan_json(engine, backup)
    assert api.list_plans(engine) == []
