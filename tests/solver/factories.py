"""Tiny plans for rule tests: a few topics, named so the failing rule is obvious."""

from __future__ import annotations

import copy
from typing import Any

from solver import Plan, parse_plan

BASE: dict[str, Any] = {
    "format": "consult-plan/1",
    "body": "测试市政协",
    "year": 2025,
    "calendar": {"months": list(range(1, 13)), "blackout_months": [], "session_month": 1},
    "forms": [
        {"id": "plenary", "name": "全体会议协商", "session_only": True},
        {"id": "standing", "name": "专题议政性常委会议"},
        {"id": "counterpart", "name": "对口协商"},
    ],
    "committees": [
        {"id": "proposal", "name": "提案委"},
        {"id": "economy", "name": "经济委"},
    ],
    "departments": [
        {"id": "commerce", "name": "市商务局"},
        {"id": "industry", "name": "市工信局"},
    ],
    "leaders": [
        {"id": "mayor", "name": "市长", "role": "市政府主要领导"},
        {"id": "vice", "name": "分管副市长", "role": "分管副市长"},
    ],
    "topics": [],
}


def topic(tid: str, **fields: Any) -> dict[str, Any]:
    return {"id": tid, "title": f"议题{tid}", "form": "counterpart", "lead_options": ["proposal"], **fields}


def make_plan(
    *topics: dict[str, Any],
    calendar: dict | None = None,
    forms: dict | None = None,
    committees: dict | None = None,
    departments: dict | None = None,
    leaders: dict | None = None,
) -> Plan:
    """A plan from BASE with ``topics``; the dicts patch entities by id, e.g. ``forms={"standing": {...}}``."""
    data = copy.deepcopy(BASE)
    data["topics"] = list(topics)
    data["calendar"].update(calendar or {})
    for section, patch in (
        ("forms", forms),
        ("committees", committees),
        ("departments", departments),
        ("leaders", leaders),
    ):
        for row in data[section]:
            row.update((patch or {}).get(row["id"], {}))
    return parse_plan(data)
