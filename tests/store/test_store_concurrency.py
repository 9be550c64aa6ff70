"""Two planners, one plan: the second save of a stale copy is refused and nothing is overwritten."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.orm import Session
from store_samples import handmade_dict

from store import api
from store.db import make_engine, write_session
from store.repository import PlanRepository


def test_second_save_of_stale_copy_is_refused(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    # two editors, each loading through its own session and connection
    with Session(engine) as s1, s1.begin():
        copy_a, version_a = PlanRepository(s1).get(plan_id)
    with Session(engine) as s2, s2.begin():
        copy_b, version_b = PlanRepository(s2).get(plan_id)
    assert version_a == version_b == 1

    copy_a.topics[0].title = "A 改的标题"
    assert api.save_plan(engine, plan_id, copy_a, version_a, author="张三") == 2

    copy_b.departments[0].name = "B 改的部门名"
    with pytest.raises(api.StaleEditError) as err:
        api.save_plan(engine, plan_id, copy_b, version_b, author="李四")
    message = str(err.value)
    assert (
        "张三" in message
        and "现为第 2 次保存" in message
        and "第 1 次保存" in message
        and "版本" not in message.replace("载入最新版本", "")
    )
    assert "未保存" in message and "载入最新版本" in message and "刷新" not in message
    assert (err.value.current_version, err.value.expected_version) == (2, 1)

    stored, version = api.load_plan(engine, plan_id)
    assert version == 2
    assert stored.topics[0].title == "A 改的标题"
    assert stored.departments[0].name == "市工信局"  # B's edit did not land anywhere

    # B reloads, redoes the edit on the fresh copy, and saves
    fresh, v = api.load_plan(engine, plan_id)
    fresh.departments[0].name = "B 改的部门名"
    assert api.save_plan(engine, plan_id, fresh, v, author="李四") == 3
    stored, _ = api.load_plan(engine, plan_id)
    assert stored.topics[0].title == "A 改的标题" and stored.departments[0].name == "B 改的部门名"


def test_concurrent_saves_serialise_and_the_late_one_is_refused(engine, db_url):
    """A is mid-save (transaction open) when B saves from the same version: B waits, then is refused."""
    plan_id = api.import_plan_json(engine, handmade_dict())
    copy_a, version = api.load_plan(engine, plan_id)
    copy_b, _ = api.load_plan(engine, plan_id)
    copy_a.topics[0].title = "A"
    copy_b.topics[0].title = "B"

    other = make_engine(db_url)  # B: its own engine, pool and connection
    a_written, a_may_commit = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def editor_a() -> None:
        with write_session(engine) as s:
            repo = PlanRepository(s)
            repo.bump_version(plan_id, version, author="A")
            repo.replace(plan_id, copy_a)
            a_written.set()
            a_may_commit.wait(10)

    def editor_b() -> None:
        try:
            outcome["b"] = api.save_plan(other, plan_id, copy_b, version, author="B")
        except Exception as err:  # noqa: BLE001 - the test inspects it
            outcome["b"] = err
        outcome["b_done_at"] = time.monotonic()

    ta = threading.Thread(target=editor_a)
    ta.start()
    assert a_written.wait(10)
    tb = threading.Thread(target=editor_b)
    tb.start()
    time.sleep(0.5)
    assert tb.is_alive(), "B must wait for A's transaction, not read around it"
    committed_at = time.monotonic()
    a_may_commit.set()
    ta.join(10)
    tb.join(30)
    other.dispose()

    assert isinstance(outcome["b"], api.StaleEditError), outcome["b"]
    assert outcome["b_done_at"] >= committed_at
    stored, v = api.load_plan(engine, plan_id)
    assert (stored.topics[0].title, v) == ("A", 2)


def test_stale_delete_is_refused(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, v = api.load_plan(engine, plan_id)
    api.save_plan(engine, plan_id, plan, v)
    with pytest.raises(api.StaleEditError):
        api.delete_plan(engine, plan_id, expected_version=v)
    assert api.plan_version(engine, plan_id) == 2
    api.delete_plan(engine, plan_id, expected_version=2)
    assert api.list_plans(engine) == []


def test_save_onto_a_deleted_plan_is_refused(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, v = api.load_plan(engine, plan_id)
    api.delete_plan(engine, plan_id)
    with pytest.raises(api.NotFoundError, match="找不到编号为"):
        api.save_plan(engine, plan_id, plan, v)
    assert api.list_plans(engine) == []
    # and the id is not handed out again: a stale tab cannot save onto a newcomer
    assert api.import_plan_json(engine, handmade_dict()) != plan_id


def test_schedule_of_an_outdated_plan_version_is_refused(engine):
    from store_samples import handmade_schedule

    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, v = api.load_plan(engine, plan_id)
    api.save_plan(engine, plan_id, plan, v)
    with pytest.raises(api.StaleEditError, match="请按最新计划重新编排"):
        api.set_current_schedule(engine, plan_id, handmade_schedule(), expected_version=v)
    assert api.current_schedule(engine, plan_id) is None
    api.set_current_schedule(engine, plan_id, handmade_schedule(), expected_version=v + 1)
    assert api.current_schedule(engine, plan_id) is not None
