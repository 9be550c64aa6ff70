"""consult-plan/1 round trips: load → write → load loses nothing, unknown fields included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from solver import load_plan, parse_plan
from solver.validate import parse_schedule

DATA = Path(__file__).resolve().parents[2] / "data"
PLANS = sorted(p for p in DATA.glob("*.json") if not p.name.endswith(".published.json"))


def _subset(small, big) -> bool:
    """Every key/value of ``small`` appears in ``big`` (defaults may be added)."""
    if isinstance(small, dict):
        return isinstance(big, dict) and all(k in big and _subset(v, big[k]) for k, v in small.items())
    if isinstance(small, list):
        return isinstance(big, list) and len(small) == len(big) and all(map(_subset, small, big))
    return small == big


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_sample_plan_round_trip_is_lossless(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    plan = load_plan(path)
    written = json.loads(plan.to_json())
    assert _subset(raw, written)
    assert parse_plan(written) == plan


def test_unknown_fields_survive_at_every_level():
    raw = {
        "format": "consult-plan/1",
        "year": 2024,
        "x_office": "办公室",
        "calendar": {"months": [4, 5], "x_note": 1},
        "forms": [{"id": "f", "name": "对口协商", "x_color": "#c00"}],
        "committees": [{"id": "c", "name": "提案委", "x_head": "张三"}],
        "departments": [],
        "leaders": [],
        "topics": [{"id": "T1", "title": "议题", "form": "f", "lead_options": ["c"], "x_source": "委员提案"}],
    }
    out = json.loads(parse_plan(raw).to_json())
    assert _subset(raw, out)


def test_schedule_round_trip():
    raw = {
        "format": "consult-schedule/1",
        "plan_year": 2023,
        "status": "optimal",
        "assignments": [{"topic": "T01", "month": 7, "lead": "proposal"}],
        "warnings": [
            {
                "kind": "department_overload",
                "month": 7,
                "department": "gxj",
                "load": 2,
                "limit": 1,
                "topics": ["T01", "T04"],
                "message": "市工信局 7月 需参加 2 项协商(上限 1)",
            }
        ],
    }
    assert _subset(raw, parse_schedule(raw).to_dict())


@pytest.mark.parametrize(
    "where",
    [
        ("topics", 0, "fixed_month"),
        ("topics", 0, "preferred_months"),
        ("calendar", None, "session_month"),
        ("calendar", None, "months"),
        ("plan", None, "year"),
    ],
)
@pytest.mark.parametrize("value", [True, False])
def test_true_or_false_is_not_a_month_or_number(where, value):
    """JSON ``true`` where an integer belongs was read as 1 (January); it is refused, naming the field."""
    data = json.loads((Path(__file__).resolve().parents[2] / "data" / "weihai-2023.json").read_text("utf-8"))
    section, index, field = where
    listy = field in ("preferred_months", "months")
    target = data if section == "plan" else data[section] if index is None else data[section][index]
    target[field] = [value] if listy else value
    with pytest.raises(Exception) as err:
        parse_plan(data)
    assert "true/false" in str(err.value)


def test_a_year_no_calendar_can_hold_is_refused_in_chinese():
    import pytest

    from solver import PlanError, parse_plan

    for year in (10**30, 10000, 0, -5):
        raw = {"format": "consult-plan/1", "year": year, "topics": []}
        with pytest.raises(PlanError) as err:
            parse_plan(raw)
        assert "年度" in str(err.value) and str(year) in str(err.value)
    assert parse_plan({"format": "consult-plan/1", "year": 2026, "topics": []}).year == 2026
