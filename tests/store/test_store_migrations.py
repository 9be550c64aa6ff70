"""Schema migrations: an old database upgrades with every row intact; models and migrations agree."""

from __future__ import annotations

import json
import shutil

import alembic.op
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from store_samples import (
    handmade_dict,
    handmade_plan,
    handmade_schedule,
    published_files,
    sample_plan_files,
)

from solver.plan import read_json
from solver.validate import parse_plan
from store import api
from store.db import (
    check_schema,
    current_revision,
    ensure_database,
    head_revision,
    revisions,
    upgrade,
)
from store.errors import SchemaError
from store.models import Base

FIRST = "0001_base"

# What a first-release database held. Raw SQL on purpose: the ORM models
# describe the newest schema, not this one.
R1_ROWS = {
    "plan": [
        {
            "id": 1,
            "format": "consult-plan/1",
            "body": "某市政协",
            "year": 2023,
            "months": "[1,3,4,5,6,7,8,9,10,11,12]",
            "blackout_months": "[2]",
            "session_month": 1,
            "max_topics_per_month": 4,
            "calendar_extra": '{"备注":"春节"}',
            "extra": '{"source":{"document":"某政办〔2023〕3号"}}',
            "created_at": "2023-01-02 03:04:05",
            "updated_at": "2023-02-03 04:05:06",
        },
        {
            "id": 2,
            "format": "consult-plan/1",
            "body": "某市政协",
            "year": 2024,
            "months": "[1,2,3,4,5,6,7,8,9,10,11,12]",
            "blackout_months": "[]",
            "session_month": None,
            "max_topics_per_month": None,
            "calendar_extra": None,
            "extra": None,
            "created_at": "2024-01-02 03:04:05",
            "updated_at": "2024-01-02 03:04:05",
        },
    ],
    "form": [
        {
            "plan_id": 1,
            "code": "plenary",
            "position": 0,
            "name": "全体会议协商",
            "session_only": True,
            "max_per_month": None,
            "min_gap_months": 0,
            "extra": None,
        },
        {
            "plan_id": 1,
            "code": "standing",
            "position": 1,
            "name": "专题议政性常委会议",
            "session_only": False,
            "max_per_month": 1,
            "min_gap_months": 2,
            "extra": '{"level":"重点"}',
        },
        {
            "plan_id": 2,
            "code": "standing",
            "position": 0,
            "name": "专题议政性常委会议",
            "session_only": False,
            "max_per_month": 1,
            "min_gap_months": 2,
            "extra": None,
        },
    ],
    "committee": [
        {"plan_id": 1, "code": "proposal", "position": 0, "name": "提案委", "max_per_month": 2, "extra": None},
        {"plan_id": 1, "code": "econ", "position": 1, "name": "经济委", "max_per_month": None, "extra": None},
        {"plan_id": 2, "code": "proposal", "position": 0, "name": "提案委", "max_per_month": None, "extra": None},
    ],
    "department": [
        {"plan_id": 1, "code": "gxj", "position": 0, "name": "市工信局", "max_per_month": 1, "extra": None},
        {"plan_id": 1, "code": "swj", "position": 1, "name": "市商务局", "max_per_month": 2, "extra": None},
    ],
    "leader": [
        {
            "plan_id": 1,
            "code": "mayor",
            "position": 0,
            "name": "市长",
            "role": "市政府主要领导",
            "unavailable_months": "[3]",
            "max_per_month": 1,
            "extra": None,
        },
    ],
    "topic": [
        {
            "plan_id": 1,
            "code": "T00",
            "position": 0,
            "title": "一府两院工作报告",
            "form_code": "plenary",
            "window_start": None,
            "window_end": None,
            "preferred_months": "[]",
            "fixed_month": None,
            "notes": "",
            "extra": None,
        },
        {
            "plan_id": 1,
            "code": "T01",
            "position": 1,
            "title": "降低企业成本",
            "form_code": "standing",
            "window_start": 4,
            "window_end": 11,
            "preferred_months": "[7]",
            "fixed_month": None,
            "notes": "先调研",
            "extra": '{"proposer":"民建市委"}',
        },
        {
            "plan_id": 2,
            "code": "T01",
            "position": 0,
            "title": "次年议题",
            "form_code": "standing",
            "window_start": None,
            "window_end": None,
            "preferred_months": "[]",
            "fixed_month": 6,
            "notes": "",
            "extra": None,
        },
    ],
    "topic_lead_option": [
        {"plan_id": 1, "topic_code": "T00", "position": 0, "committee_code": "proposal"},
        {"plan_id": 1, "topic_code": "T01", "position": 0, "committee_code": "econ"},
        {"plan_id": 1, "topic_code": "T01", "position": 1, "committee_code": "proposal"},
        {"plan_id": 2, "topic_code": "T01", "position": 0, "committee_code": "proposal"},
    ],
    "topic_co_organizer": [],
    "topic_department": [
        {"plan_id": 1, "topic_code": "T01", "position": 0, "department_code": "swj"},
        {"plan_id": 1, "topic_code": "T01", "position": 1, "department_code": "gxj"},
    ],
    "topic_leader": [{"plan_id": 1, "topic_code": "T01", "position": 0, "leader_code": "mayor"}],
    "topic_after": [{"plan_id": 1, "topic_code": "T01", "position": 0, "before_code": "T00"}],
    "schedule": [
        {
            "id": 1,
            "plan_id": 1,
            "format": "consult-schedule/1",
            "plan_year": 2023,
            "status": "optimal",
            "warnings": '[{"kind":"x","message":"提醒","month":7,"topics":["T01"]}]',
            "conflicts": "[]",
            "extra": '{"solver":{"wall_s":0.5}}',
            "created_at": "2023-03-04 05:06:07",
        },
        {
            "id": 2,
            "plan_id": 2,
            "format": "consult-schedule/1",
            "plan_year": 2024,
            "status": "feasible",
            "warnings": "[]",
            "conflicts": "[]",
            "extra": None,
            "created_at": "2024-03-04 05:06:07",
        },
        # a third schedule, deleted below: its id must not be handed out again
        {
            "id": 3,
            "plan_id": 2,
            "format": "consult-schedule/1",
            "plan_year": 2024,
            "status": "feasible",
            "warnings": "[]",
            "conflicts": "[]",
            "extra": None,
            "created_at": "2024-03-04 05:06:07",
        },
    ],
    "assignment": [
        {"schedule_id": 1, "topic_code": "T00", "position": 0, "month": 1, "lead_code": "proposal", "extra": None},
        {
            "schedule_id": 1,
            "topic_code": "T01",
            "position": 1,
            "month": 7,
            "lead_code": "econ",
            "extra": '{"why":"建议月份"}',
        },
        {"schedule_id": 2, "topic_code": "T01", "position": 0, "month": 6, "lead_code": "proposal", "extra": None},
    ],
}


def _insert_r1(engine) -> None:
    with engine.begin() as conn:
        for table, rows in R1_ROWS.items():
            for row in rows:
                if table == "schedule" and row["id"] == 3:
                    continue
                cols = ", ".join(row)
                params = ", ".join(f":{c}" for c in row)
                conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({params})"), row)
        # make id 3 used once, then gone (the old table had the one-per-plan rule)
        conn.execute(text("DELETE FROM schedule WHERE id = 2"))
        conn.execute(text("DELETE FROM assignment WHERE schedule_id = 2"))
        r = R1_ROWS["schedule"][2]
        conn.execute(text(f"INSERT INTO schedule ({', '.join(r)}) VALUES ({', '.join(':' + c for c in r)})"), r)
        conn.execute(text("DELETE FROM schedule WHERE id = 3"))
        r = R1_ROWS["schedule"][1]
        conn.execute(text(f"INSERT INTO schedule ({', '.join(r)}) VALUES ({', '.join(':' + c for c in r)})"), r)
        a = R1_ROWS["assignment"][2]
        conn.execute(text(f"INSERT INTO assignment ({', '.join(a)}) VALUES ({', '.join(':' + c for c in a)})"), a)
        if engine.dialect.name == "postgresql":
            # the rows above carry their ids; a real first-release database got them from the sequences
            conn.execute(text("SELECT setval(pg_get_serial_sequence('plan', 'id'), 2)"))
            conn.execute(text("SELECT setval(pg_get_serial_sequence('schedule', 'id'), 3)"))


def _snapshot(engine) -> dict[str, list[tuple]]:
    """Every r1 column of every r1 table, in a stable order."""
    out = {}
    with engine.connect() as conn:
        for table, rows in R1_ROWS.items():
            cols = list(rows[0]) if rows else ["plan_id", "topic_code", "position"]
            order = ", ".join(
                c for c in ("id", "plan_id", "schedule_id", "topic_code", "code", "position") if c in cols
            )
            out[table] = [
                tuple(r) for r in conn.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"))
            ]
    return out


def test_revisions_are_a_real_history():
    assert revisions()[0] == FIRST and len(revisions()) >= 2 and head_revision() == revisions()[-1]


def test_upgrade_from_the_first_revision_keeps_every_row(blank_engine):
    engine = blank_engine
    assert upgrade(engine, FIRST) == (None, FIRST)
    _insert_r1(engine)
    before = _snapshot(engine)
    assert sum(len(v) for v in before.values()) == 27

    assert upgrade(engine) == (FIRST, head_revision())

    assert _snapshot(engine) == before
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, version, updated_by FROM plan ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [(1, 1, ""), (2, 1, "")]
        rows = conn.execute(
            text("SELECT id, kind, name, author, note, options, plan_version FROM schedule ORDER BY id")
        )
        assert [tuple(r) for r in rows] == [
            (1, "current", None, "", "", None, None),
            (2, "current", None, "", "", None, None),
        ]

    # the migrated data reads as the plan it was, through the normal API
    plan, version = api.load_plan(engine, 1)
    assert version == 1
    assert plan.model_extra == {"source": {"document": "某政办〔2023〕3号"}}
    assert plan.calendar.model_extra == {"备注": "春节"}
    t01 = plan.topic_by_id()["T01"]
    assert (t01.lead_options, t01.departments, t01.after, t01.window) == (
        ["econ", "proposal"],
        ["swj", "gxj"],
        ["T00"],
        (4, 11),
    )
    assert t01.model_extra == {"proposer": "民建市委"}
    assert parse_plan(plan.to_dict()) == plan  # still a valid plan
    current = api.current_schedule(engine, 1)
    assert [(a.topic, a.month, a.lead) for a in current.assignments] == [("T00", 1, "proposal"), ("T01", 7, "econ")]
    assert current.model_extra == {"solver": {"wall_s": 0.5}}
    assert current.warnings[0].message == "提醒"

    # and the new features work on it
    assert api.save_plan(engine, 1, plan, 1) == 2
    sid = api.save_scenario(engine, 1, current, name="升级后第一版", author="测试")
    assert sid > 3  # schedule ids are not reused, even across the table rebuild
    api.set_current_schedule(engine, 2, api.current_schedule(engine, 2))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT max(id) FROM schedule")).scalar() > sid


def test_a_failing_upgrade_leaves_the_old_database_whole(blank_engine, monkeypatch):
    engine = blank_engine
    upgrade(engine, FIRST)
    _insert_r1(engine)
    before = _snapshot(engine)

    def boom(*args, **kwargs):
        raise RuntimeError("migration interrupted (injected)")

    # the last step of the second revision fails, after the schedule table was rebuilt
    monkeypatch.setattr(alembic.op, "create_index", boom)
    with pytest.raises(RuntimeError, match="injected"):
        upgrade(engine)
    monkeypatch.undo()

    assert current_revision(engine) == FIRST
    assert _snapshot(engine) == before
    upgrade(engine)
    assert _snapshot(engine) == before


def test_models_and_migrations_describe_the_same_schema(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_old_databases_are_reported(blank_engine):
    upgrade(blank_engine, FIRST)
    with pytest.raises(SchemaError, match="python -m store upgrade"):
        check_schema(blank_engine)
    upgrade(blank_engine)
    check_schema(blank_engine)
    head = head_revision()
    assert upgrade(blank_engine) == (head, head)


def test_downgrade_back_to_the_first_revision_keeps_current_schedules(engine):
    from alembic import command

    from store.db import alembic_config, migrating_connection

    plan_id = api.import_plan_json(engine, handmade_dict())
    api.set_current_schedule(engine, plan_id, handmade_schedule())
    api.save_scenario(engine, plan_id, handmade_schedule(), name="A", author="t")
    cfg = alembic_config()
    with migrating_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, FIRST)
    assert current_revision(engine) == FIRST
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM schedule")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM assignment")).scalar() == 4
    upgrade(engine)
    assert api.current_schedule(engine, plan_id) == handmade_schedule()
    assert api.load_plan(engine, plan_id)[0] == handmade_plan()


def test_first_start_creates_the_database_with_the_samples(blank_engine, tmp_path):
    samples = tmp_path / "data"
    samples.mkdir()
    (samples / "mine.json").write_text(json.dumps(handmade_dict(), ensure_ascii=False), encoding="utf-8")
    (samples / "mine.published.json").write_text(handmade_schedule().to_json(), encoding="utf-8")
    (samples / "broken.json").write_text("{", encoding="utf-8")  # logged and skipped
    (samples / "orphan.published.json").write_text(handmade_schedule().to_json(), encoding="utf-8")
    for path in [*sample_plan_files(), *published_files()]:
        shutil.copy(path, samples / path.name)

    ensure_database(blank_engine, samples_dir=samples)
    plans = api.list_plans(blank_engine)
    # one plan per (body, year): a sample repeating another's body and year is skipped
    docs = [handmade_dict(), *(read_json(p) for p in sample_plan_files())]
    assert {(p.body, p.year) for p in plans} == {(d["body"], d["year"]) for d in docs}
    mine = next(p for p in plans if (p.body, p.year) == ("某市政协", 2023))
    assert mine.has_current_schedule and mine.scenario_count == 1
    assert [s.name for s in api.list_scenarios(blank_engine, mine.id)] == ["已发布方案"]
    assert api.current_schedule(blank_engine, mine.id) == handmade_schedule()
    published = {read_json(p.with_name(p.name.replace(".published", ""))).get("body") for p in published_files()}
    for p in plans:
        if p.body in published:
            assert p.has_current_schedule and p.scenario_count == 1

    # later starts do not load them again, even after every plan was deleted
    for p in plans:
        api.delete_plan(blank_engine, p.id)
    ensure_database(blank_engine, samples_dir=samples)
    assert api.list_plans(blank_engine) == []


def test_upgrade_from_r2_to_jobs_keeps_every_row_and_schedule_ids(blank_engine):
    """0003 (jobs, settings, candidate schedules) rebuilds ``schedule`` on SQLite: rows and id counter survive."""
    from store import jobs as store_jobs

    engine = blank_engine
    upgrade(engine, "0002_scenarios_versions")
    _insert_r1(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO schedule (id, plan_id, format, plan_year, status, warnings, conflicts, created_at, "
                "kind, name, author, note, options, plan_version) VALUES (7, 1, 'consult-schedule/1', 2023, "
                "'optimal', '[]', '[]', '2023-05-06 07:08:09', 'scenario', '主席会议稿', '张三', '备注', "
                """'{"time_limit_s": 10}', 1)"""
            )
        )
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('schedule', 'id'), 7)"))
    before = _snapshot(engine)
    with engine.connect() as conn:
        scenario_before = conn.execute(text("SELECT * FROM schedule WHERE id = 7")).one()

    assert upgrade(engine) == ("0002_scenarios_versions", head_revision())

    assert _snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT * FROM schedule WHERE id = 7")).one() == scenario_before
    assert [s.name for s in api.list_scenarios(engine, 1)] == ["主席会议稿"]
    # a job runs on the upgraded database, and its candidate gets a fresh schedule id
    plan, version = api.load_plan(engine, 1)
    job_id = store_jobs.create_job(
        engine,
        kind="solve",
        plan_id=1,
        plan_version=version,
        plan=None,
        options={},
        author="张三",
        priority=1,
        max_active_per_author=3,
    )
    assert store_jobs.claim(engine, job_id, "host:1")
    result = api.current_schedule(engine, 1)
    assert store_jobs.finish(engine, job_id, "host:1", result, [], note="t") == "done"
    candidate = store_jobs.get_job(engine, job_id).candidate_id
    assert candidate > 7
    assert api.current_schedule(engine, 1) == result  # still the current one, untouched
    store_jobs.set_setting(engine, "max_time_limit_s", 30.0)
    assert store_jobs.get_settings(engine) == {"max_time_limit_s": 30.0}
