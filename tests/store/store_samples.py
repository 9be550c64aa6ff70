"""Plans and schedules for the store tests (hand-made, so tests mean something without data/)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from solver.plan import Plan, Schedule
from solver.validate import parse_plan, parse_schedule

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def sample_plan_files() -> list[Path]:
    return sorted(p for p in DATA_DIR.glob("*.json") if not p.name.endswith(".published.json"))


def published_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.published.json"))


# A small plan touching every field, with unknown fields at every level and
# in odd shapes (nested objects, nulls, unicode keys) that must survive.
HANDMADE: dict[str, Any] = {
    "format": "consult-plan/1",
    "body": "某市政协",
    "year": 2023,
    "source": {"document": "某政办〔2023〕3号", "pages": [1, 2], "ok": True},
    "calendar": {
        "months": [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        "blackout_months": [2],
        "session_month": 1,
        "max_topics_per_month": 4,
        "备注": "春节前后不安排",
    },
    "forms": [
        {"id": "plenary", "name": "全体会议协商", "session_only": True},
        {"id": "standing", "name": "专题议政性常委会议", "max_per_month": 1, "min_gap_months": 2, "level": "重点"},
        {"id": "bimonthly", "name": "双月协商座谈会", "max_per_month": 1},
        {"id": "counterpart", "name": "对口协商"},
    ],
    "committees": [
        {"id": "proposal", "name": "提案委", "max_per_month": 2},
        {"id": "econ", "name": "经济委", "contact": {"phone": "0000", "rooms": []}},
        {"id": "edu", "name": "教科卫体委"},
    ],
    "departments": [
        {"id": "gxj", "name": "市工信局", "max_per_month": 1},
        {"id": "swj", "name": "市商务局", "max_per_month": 2, "abbr": None},
        {"id": "jyj", "name": "市教育局"},
    ],
    "leaders": [
        {"id": "mayor", "name": "市长", "role": "市政府主要领导", "unavailable_months": [3], "max_per_month": 1},
        {"id": "vm1", "name": "分管副市长", "role": "副市长", "x": 1.5},
        {"id": "cz", "name": "政协主席"},
    ],
    "topics": [
        {
            "id": "T01",
            "title": "降低企业成本,吸引投资创业",
            "form": "standing",
            "lead_options": ["proposal", "econ"],
            "co_organizers": ["edu"],
            "departments": ["gxj", "swj"],
            "leaders": ["mayor", "vm1"],
            "window": [4, 11],
            "preferred_months": [7, 6],
            "fixed_month": None,
            "after": [],
            "notes": "先调研后协商",
            "proposer": "民建市委",
        },
        {"id": "T00", "title": "一府两院工作报告", "form": "plenary", "lead_options": ["proposal"], "leaders": ["cz"]},
        {
            "id": "T02",
            "title": "发展职业教育",
            "form": "bimonthly",
            "lead_options": ["edu"],
            "departments": ["jyj", "gxj"],
            "fixed_month": 9,
            "after": ["T01", "T00"],
            "tags": ["教育", {"nested": [None, True, 0]}],
        },
        {"id": "T03", "title": "外贸稳增长", "form": "counterpart", "lead_options": ["econ"], "departments": ["swj"]},
    ],
}

SCHEDULE: dict[str, Any] = {
    "format": "consult-schedule/1",
    "plan_year": 2023,
    "status": "optimal",
    "solver": {"wall_s": 0.12, "objective": 4},
    "assignments": [
        {"topic": "T00", "month": 1, "lead": "proposal"},
        {"topic": "T01", "month": 7, "lead": "proposal", "why": "建议月份"},
        {"topic": "T02", "month": 9, "lead": "edu"},
        {"topic": "T03", "month": 7, "lead": "econ"},
    ],
    "warnings": [
        {
            "kind": "department_overload",
            "month": 7,
            "department": "swj",
            "load": 2,
            "limit": 1,
            "topics": ["T01", "T03"],
            "message": "市商务局 7月 需参加 2 项协商(上限 1)",
        }
    ],
}


def handmade_dict() -> dict[str, Any]:
    return copy.deepcopy(HANDMADE)


def handmade_plan(**changes: Any) -> Plan:
    data = handmade_dict()
    data.update(changes)
    return parse_plan(data)


def handmade_schedule(**changes: Any) -> Schedule:
    data = copy.deepcopy(SCHEDULE)
    data.update(changes)
    return parse_schedule(data, parse_plan(handmade_dict()))
