"""Import → database → export gives back exactly the document, unknown fields and order included."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import (
    SCHEDULE,
    handmade_dict,
    handmade_plan,
    handmade_schedule,
    published_files,
    sample_plan_files,
)

from solver.plan import Plan, read_json
from solver.validate import parse_plan, parse_schedule
from store import api


def _same(a: dict, b: dict) -> None:
    assert a == b
    # key order too: a file exported after a round trip diffs clean against the original
    assert json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


SAMPLES = [pytest.param(p, id=p.name) for p in sample_plan_files()]


def test_handmade_plan_round_trip(engine):
    doc = handmade_dict()
    plan_id = api.import_plan_json(engine, doc)
    _same(api.export_plan_json(engine, plan_id), parse_plan(doc).to_dict())
    plan, version = api.load_plan(engine, plan_id)
    assert plan == parse_plan(doc)
    assert version == 1
    # unknown fields come back where they were
    assert plan.model_extra == {"source": doc["source"]}
    assert plan.calendar.model_extra == {"备注": "春节前后不安排"}
    assert plan.topic_by_id()["T02"].model_extra == {"tags": ["教育", {"nested": [None, True, 0]}]}
    assert plan.department_by_id()["swj"].model_extra == {"abbr": None}


def test_json_text_and_bytes_and_path_import(engine, tmp_path):
    text = json.dumps(handmade_dict(), ensure_ascii=False)
    a = api.import_plan_json(engine, text)
    path = tmp_path / "plan.json"
    path.write_text(text.replace("2023", "2024"), encoding="utf-8")
    b = api.import_plan_json(engine, path)
    c = api.import_plan_json(engine, text.replace("2023", "2025").encode("utf-8"))
    path.write_text(text.replace("2023", "2026"), encoding="utf-8")
    d = api.import_plan_json(engine, str(path))
    assert [api.load_plan(engine, i)[0].year for i in (a, b, c, d)] == [2023, 2024, 2025, 2026]
    with pytest.raises(api.PlanError, match="找不到计划文件"):
        api.import_plan_json(engine, str(tmp_path / "missing.json"))


@pytest.mark.parametrize("path", SAMPLES)
def test_sample_plan_round_trip(engine, path):
    doc = read_json(path)
    plan_id = api.import_plan_json(engine, doc)
    _same(api.export_plan_json(engine, plan_id), parse_plan(doc).to_dict())


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in published_files()])
def test_published_schedule_round_trip(engine, path):
    plan_path = path.with_name(path.name.removesuffix(".published.json") + ".json")
    plan_id = api.import_plan_json(engine, plan_path)
    plan = parse_plan(read_json(plan_path))
    schedule = parse_schedule(read_json(path), plan)
    sid = api.save_scenario(engine, plan_id, schedule, name="已发布方案", author="测试")
    _same(api.load_scenario(engine, sid).schedule.to_dict(), schedule.to_dict())
    api.set_current_schedule(engine, plan_id, schedule)
    _same(api.current_schedule(engine, plan_id).to_dict(), schedule.to_dict())


def test_schedule_round_trip_keeps_unknown_fields_and_conflicts(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    schedule = handmade_schedule()
    sid = api.save_scenario(engine, plan_id, schedule, name="A", author="测试", options={"weights": {"moved": 30}})
    rec = api.load_scenario(engine, sid)
    assert rec.schedule == schedule
    _same(rec.schedule.to_dict(), parse_schedule(SCHEDULE).to_dict())
    assert rec.options == {"weights": {"moved": 30}}

    infeasible = parse_schedule(
        {
            "plan_year": 2023,
            "status": "infeasible",
            "conflicts": [{"kind": "leader_unavailable", "month": 3, "leader": "mayor", "message": "市长 3月 不在岗"}],
        }
    )
    api.set_current_schedule(engine, plan_id, infeasible)
    _same(api.current_schedule(engine, plan_id).to_dict(), infeasible.to_dict())


def test_backup_export_reimports_identically(engine):
    plan_id = api.import_plan_json(engine, handmade_dict())
    plan, version = api.load_plan(engine, plan_id)
    plan.topics[0].notes = "改过一次"
    api.save_plan(engine, plan_id, plan, version, author="张三")
    api.save_scenario(engine, plan_id, handmade_schedule(), name="初稿", author="张三", note="第一稿")
    api.set_current_schedule(engine, plan_id, handmade_schedule(status="feasible"), author="李四")

    backup = api.export_plan_json(engine, plan_id, with_schedules=True)
    assert backup["xieshang_backup"]["plan_version"] == 2
    api.delete_plan(engine, plan_id)
    again = api.import_plan_json(engine, json.loads(json.dumps(backup)))
    second = api.export_plan_json(engine, again, with_schedules=True)
    for doc in (backup, second):
        doc["xieshang_backup"].pop("exported_at")
    _same(second, backup)
    assert api.load_plan(engine, again)[1] == 2


# -- property: any valid plan with unknown fields anywhere --------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=8)
_json_leaf = (
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) | _text
)
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


def _extras(known: set[str]):
    keys = _text.map(lambda k: "x_" + k).filter(lambda k: k not in known)
    return st.dictionaries(keys, _json, max_size=2)


_months = st.lists(st.integers(1, 12), unique=True, max_size=4)


@st.composite
def plans(draw) -> dict:
    ids = st.text("abcdefgh", min_size=1, max_size=3)

    def rows(min_size=1, max_size=4):
        codes = draw(st.lists(ids, min_size=min_size, max_size=max_size, unique=True))
        names = draw(st.lists(_text.filter(str.strip), min_size=len(codes), max_size=len(codes), unique=True))
        return list(zip(codes, names, strict=True))

    session = draw(st.one_of(st.none(), st.integers(1, 12)))
    months = sorted(set(draw(_months)) | ({session} if session else set()) | {1})
    forms = [
        {
            "id": c,
            "name": n,
            "session_only": session is not None and draw(st.booleans()),
            "max_per_month": draw(st.none() | st.integers(0, 3)),
            "min_gap_months": draw(st.integers(0, 3)),
            **draw(_extras({"id", "name", "session_only", "max_per_month", "min_gap_months"})),
        }
        for c, n in rows()
    ]
    committees = [
        {
            "id": c,
            "name": n,
            "max_per_month": draw(st.none() | st.integers(0, 3)),
            **draw(_extras({"id", "name", "max_per_month"})),
        }
        for c, n in rows()
    ]
    departments = [
        {"id": c, "name": n, "max_per_month": draw(st.integers(0, 3)), **draw(_extras({"id", "name", "max_per_month"}))}
        for c, n in rows(0)
    ]
    leaders = [
        {
            "id": c,
            "name": n,
            "role": draw(_text),
            "unavailable_months": draw(_months),
            "max_per_month": draw(st.integers(0, 3)),
            **draw(_extras({"id", "name", "role", "unavailable_months", "max_per_month"})),
        }
        for c, n in rows(0)
    ]
    topics: list[dict] = []
    topic_known = {
        "id",
        "title",
        "form",
        "lead_options",
        "co_organizers",
        "departments",
        "leaders",
        "window",
        "preferred_months",
        "fixed_month",
        "after",
        "notes",
    }
    for code in draw(st.lists(st.text("TUVW0123", min_size=1, max_size=3), max_size=6, unique=True)):
        cids = [c["id"] for c in committees]
        leads = draw(st.lists(st.sampled_from(cids), min_size=1, unique=True))
        co = draw(
            st.lists(st.sampled_from(cids), unique=True).map(lambda xs, leads=leads: [x for x in xs if x not in leads])
        )
        lo = draw(st.integers(1, 12))
        topics.append(
            {
                "id": code,
                "title": draw(_text.filter(str.strip)),
                "form": draw(st.sampled_from([f["id"] for f in forms])),
                "lead_options": leads,
                "co_organizers": co,
                "departments": draw(st.lists(st.sampled_from([d["id"] for d in departments]), unique=True))
                if departments
                else [],
                "leaders": draw(st.lists(st.sampled_from([x["id"] for x in leaders]), unique=True)) if leaders else [],
                "window": draw(st.none() | st.integers(lo, 12).map(lambda hi, lo=lo: [lo, hi])),
                "preferred_months": draw(_months),
                "fixed_month": draw(st.none() | st.integers(1, 12)),
                "after": draw(st.lists(st.sampled_from([t["id"] for t in topics]), unique=True)) if topics else [],
                "notes": draw(_text),
                **draw(_extras(topic_known)),
            }
        )
    return {
        "format": "consult-plan/1",
        "body": draw(_text),
        "year": draw(st.integers(1949, 2100)),
        "calendar": {
            "months": months,
            "blackout_months": draw(_months),
            "session_month": session,
            "max_topics_per_month": draw(st.none() | st.integers(0, 6)),
            **draw(_extras({"months", "blackout_months", "session_month", "max_topics_per_month"})),
        },
        "forms": forms,
        "committees": committees,
        "departments": departments,
        "leaders": leaders,
        "topics": topics,
        **draw(
            _extras(
                {
                    "format",
                    "body",
                    "year",
                    "calendar",
                    "forms",
                    "committees",
                    "departments",
                    "leaders",
                    "topics",
                    "xieshang_backup",
                }
            )
        ),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=plans())
def test_any_plan_round_trips(engine, doc):
    expected = parse_plan(doc).to_dict()  # the strategy only builds valid plans
    plan_id = api.import_plan_json(engine, doc)
    try:
        _same(api.export_plan_json(engine, plan_id), expected)
        # and a save of the loaded copy changes nothing either
        plan, version = api.load_plan(engine, plan_id)
        api.save_plan(engine, plan_id, plan, version)
        _same(api.export_plan_json(engine, plan_id), expected)
    finally:
        api.delete_plan(engine, plan_id)


def test_plan_built_in_code_is_stored_like_a_file(engine):
    plan = handmade_plan()
    edited = plan.model_copy(deep=True)
    edited.topics.append(edited.topics[-1].model_copy(update={"id": "T04", "title": "新增议题"}))
    plan_id = api.create_plan(engine, edited)
    loaded, _ = api.load_plan(engine, plan_id)
    assert isinstance(loaded, Plan)
    assert loaded.to_dict() == parse_plan(edited.to_dict()).to_dict()
