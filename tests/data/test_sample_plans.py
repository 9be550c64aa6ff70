"""The sample plans in data/: they load, match their sources, and their published schedules keep the hard rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_hard_rules import hard_rule_violations

from solver.plan import PLAN_FORMAT, SCHEDULE_FORMAT, read_json
from solver.validate import load_plan, parse_schedule

DATA = Path(__file__).resolve().parents[2] / "data"

# plan file stem -> number of topics in the source (see data/README.md)
SAMPLES = {
    "weihai-2023": 11,  # seed 000: 1 全体会议 + 2 常委会议 + 3 在基层 + 5 对口
    "luoyang-2019": 18,  # seed 004 篇1: 1 + 2 + 4 + 1 + 1 + 4 + 5
    "seed001-2022": 19,  # seed 001: 3 常委会议专题协商 + 4 协商建言 + 12 专题调研
}


def _plan_files() -> list[Path]:
    return sorted(p for p in DATA.glob("*.json") if read_json(p).get("format") == PLAN_FORMAT)


def test_every_json_in_data_is_a_plan_or_a_published_schedule():
    for path in sorted(DATA.glob("*.json")):
        fmt = read_json(path).get("format")
        assert fmt in (PLAN_FORMAT, SCHEDULE_FORMAT), path.name
        if fmt == SCHEDULE_FORMAT:
            assert (DATA / path.name.replace(".published.json", ".json")).exists(), path.name


@pytest.mark.parametrize("path", _plan_files(), ids=lambda p: p.name)
def test_plan_loads(path):
    plan = load_plan(path)
    assert plan.topics
    # the file is written the way the project writes JSON: UTF-8, not \u escapes
    assert "\\u" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", SAMPLES)
def test_topic_count_matches_source(stem):
    assert len(load_plan(DATA / f"{stem}.json").topics) == SAMPLES[stem]


def _plan_and_published(stem):
    plan = load_plan(DATA / f"{stem}.json")
    published = parse_schedule(read_json(DATA / f"{stem}.published.json"), plan)
    return plan, published


@pytest.mark.parametrize("stem", SAMPLES)
def test_published_schedule_is_valid_and_complete(stem):
    plan, published = _plan_and_published(stem)
    assert published.status == "feasible"
    assert published.plan_year == plan.year
    assert published.warnings == []
    assert sorted(a.topic for a in published.assignments) == sorted(t.id for t in plan.topics)
    # the published lead is the first lead option (the committee the source names first)
    lead = published.lead_of()
    for t in plan.topics:
        assert lead[t.id] == t.lead_options[0], t.id


@pytest.mark.parametrize("stem", SAMPLES)
def test_preferred_month_is_the_published_month(stem):
    plan, published = _plan_and_published(stem)
    month = published.month_of()
    for t in plan.topics:
        if t.preferred_months:
            assert t.preferred_months == [month[t.id]], t.id


@pytest.mark.parametrize("stem", ["weihai-2023", "luoyang-2019"])
def test_every_topic_of_a_dated_source_has_its_published_month(stem):
    plan, _ = _plan_and_published(stem)
    assert all(len(t.preferred_months) == 1 for t in plan.topics)


def test_seed001_has_no_preferred_months_because_the_source_gives_none():
    plan, _ = _plan_and_published("seed001-2022")
    assert all(not t.preferred_months for t in plan.topics)


@pytest.mark.parametrize("stem", SAMPLES)
def test_published_schedule_keeps_the_simple_hard_rules(stem):
    plan, published = _plan_and_published(stem)
    month = published.month_of()
    leaders = plan.leader_by_id()
    forms = plan.form_by_id()
    for t in plan.topics:
        m = month[t.id]
        lo, hi = plan.window_of(t)
        assert lo <= m <= hi, t.id
        assert m not in plan.calendar.blackout_months, t.id
        assert all(m not in leaders[x].unavailable_months for x in t.leaders), t.id
        if forms[t.form].session_only:
            assert m == plan.calendar.session_month, t.id


@pytest.mark.parametrize("stem", SAMPLES)
def test_published_schedule_keeps_every_hard_rule(stem):
    plan, published = _plan_and_published(stem)
    assert hard_rule_violations(plan, published) == []


@pytest.mark.parametrize("stem", SAMPLES)
def test_limits_follow_the_brief(stem):
    plan = load_plan(DATA / f"{stem}.json")
    assert plan.calendar.blackout_months == [2]
    assert plan.calendar.session_month == 1
    assert all(c.max_per_month == 2 for c in plan.committees)
    assert all(d.max_per_month == 1 for d in plan.departments)
    standing = [f for f in plan.forms if f.id == "standing"]
    assert standing and standing[0].max_per_month == 1 and standing[0].min_gap_months == 2
    plenary = [t for t in plan.topics if plan.form_by_id()[t.form].session_only]
    assert len(plenary) <= 1


def test_weihai_departments_are_the_seed_lists():
    plan = load_plan(DATA / "weihai-2023.json")
    names = plan.department_by_id()
    sizes = [len(t.departments) for t in plan.topics]
    assert sizes == [0, 9, 6, 10, 8, 8, 12, 4, 8, 5, 4]
    t02 = plan.topic_by_id()["T02"]
    assert [names[d].name for d in t02.departments] == [
        "市工信局",
        "市教育局",
        "市人社局",
        "市交通局",
        "市水务局",
        "市商务局",
        "市行政审批局",
        "市地方金融监管局",
        "市供电公司",
    ]
    t11 = plan.topic_by_id()["T11"]
    assert [names[d].name for d in t11.departments] == [
        "市交通局",
        "市公安局交警支队",
        "市公路事业发展中心",
        "市公交集团",
    ]
    forms = [t.form for t in plan.topics]
    assert forms.count("plenary") == 1 and forms.count("standing") == 2
    assert forms.count("grassroots") == 3 and forms.count("counterpart") == 5


def test_weihai_main_leaders_attend_the_standing_meetings():
    plan = load_plan(DATA / "weihai-2023.json")
    standing = [t for t in plan.topics if t.form == "standing"]
    heads = {x for t in standing for x in t.leaders if x in ("secretary", "mayor")}
    assert heads == {"secretary", "mayor"}
    assert all("chair" in t.leaders for t in standing)


def test_luoyang_forms_and_joint_committees():
    plan = load_plan(DATA / "luoyang-2019.json")
    forms = [t.form for t in plan.topics]
    expected = {"plenary": 1, "standing": 2, "bimonthly": 4, "special": 1, "sector": 1, "research": 4, "inspection": 5}
    assert {f: forms.count(f) for f in expected} == expected
    topics = plan.topic_by_id()
    # "由市政协调研室、…联合组织实施": 调研室 leads, the others co-organise
    assert topics["T02"].lead_options == ["diaoyanshi"] and topics["T02"].co_organizers == ["nongnong"]
    assert topics["T03"].co_organizers == ["jingji", "jiaokewei"]
