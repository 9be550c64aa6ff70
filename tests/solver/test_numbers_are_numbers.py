"""Issue 11: a number written as text ("5", "5.0") where the exchange format has an integer is refused, everywhere.

Pydantic's lax mode read the month "5" as 5 without a word. The format's
integers are JSON numbers (5, and 5.0 which is the same number); text is
refused with the field named, by every entry that reads a plan or a schedule.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from paperwork import cli as paperwork_cli
from solver import cli as solver_cli
from solver.io import plan_from_data
from solver.validate import PlanError, parse_schedule
from store import cli as store_cli

ROOT = Path(__file__).resolve().parents[2]
PLAN = json.loads((ROOT / "data" / "weihai-2023.json").read_text(encoding="utf-8"))
SCHEDULE = json.loads((ROOT / "data" / "weihai-2023.published.json").read_text(encoding="utf-8"))

TEXT_NUMBERS = [
    ("year", lambda d: d.update(year="2023")),
    ("fixed_month", lambda d: d["topics"][0].update(fixed_month="5")),
    ("preferred_months", lambda d: d["topics"][0].update(preferred_months=["5.0"])),
    ("window", lambda d: d["topics"][0].update(window=["4", 6])),
    ("max_per_month", lambda d: d["committees"][0].update(max_per_month="2")),
    ("months", lambda d: d["calendar"].update(months=["1", 2, 3])),
]


@pytest.mark.parametrize(("field", "change"), TEXT_NUMBERS, ids=[f for f, _ in TEXT_NUMBERS])
def test_a_number_as_text_is_refused_naming_the_field(field, change):
    doc = copy.deepcopy(PLAN)
    change(doc)
    with pytest.raises(PlanError) as err:
        plan_from_data(doc)
    assert any("不能是文本" in i.message for i in err.value.issues)
    assert any(i.field == field for i in err.value.issues)


def test_a_whole_json_number_with_a_fraction_of_zero_is_the_number():
    doc = copy.deepcopy(PLAN)
    doc["topics"][0]["fixed_month"] = 5.0
    plan, _ = plan_from_data(doc)
    assert plan.topics[0].fixed_month == 5 and isinstance(plan.topics[0].fixed_month, int)


def test_a_schedule_month_as_text_is_refused():
    doc = copy.deepcopy(SCHEDULE)
    doc["assignments"][0]["month"] = "7"
    with pytest.raises(PlanError, match="不能是文本"):
        parse_schedule(doc)


def test_every_command_refuses_the_same_file(tmp_path, monkeypatch, capsys):
    doc = copy.deepcopy(PLAN)
    doc["topics"][0]["fixed_month"] = "5"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert store_cli.main(["upgrade"]) == 0
    for main, args in (
        (solver_cli.main, ["solve", str(path), "--time-limit", "5"]),
        (store_cli.main, ["import", str(path)]),
        (paperwork_cli.main, ["json2xlsx", str(path), "-o", str(tmp_path / "x.xlsx")]),
    ):
        capsys.readouterr()
        assert main(args) == 1
        assert "不能是文本" in capsys.readouterr().err
