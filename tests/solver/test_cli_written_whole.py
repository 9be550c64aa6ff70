"""Issue 11: what a command writes is whole or absent; an empty result is refused; exit codes as documented.

- ``tools.generate … --reference`` that failed left the plan file behind:
  several outputs are written all or none, each through a temporary file
  renamed into place (an old file is kept as it was);
- ``paperwork ics --all`` with nothing scheduled wrote an empty .zip;
- ``solver check`` of a schedule placing a topic twice said "input error"
  (exit 1) although the checker reports exactly that as a broken hard rule (exit 4).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from paperwork import cli as paperwork_cli
from solver import cli as solver_cli
from solver.cli_common import CliError, write_output, write_outputs
from tools import generate as generate_cli

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "weihai-2023.json"
SCHEDULE = ROOT / "data" / "weihai-2023.published.json"
FULL = Path("/dev/full")


def _no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
def test_a_failed_reference_leaves_no_plan_file(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    assert generate_cli.main(["20", "-o", str(plan), "--reference", str(FULL)]) == 1
    assert not plan.exists()
    assert "磁盘已满" in capsys.readouterr().err
    assert _no_leftovers(tmp_path) == []


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
def test_outputs_are_all_or_none_and_an_old_file_is_kept(tmp_path):
    old = tmp_path / "a.json"
    old.write_text("old", encoding="utf-8")
    with pytest.raises(CliError):
        write_outputs([(old, "new", "-o"), (FULL, "x", "--reference")])
    assert old.read_text(encoding="utf-8") == "old"
    assert _no_leftovers(tmp_path) == []


def test_a_file_is_replaced_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert _no_leftovers(tmp_path) == []


def test_a_device_is_written_not_replaced(tmp_path):
    write_output(Path(os.devnull), "x")
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_calendars_of_an_empty_schedule_are_refused(tmp_path, capsys):
    empty = json.loads(SCHEDULE.read_text(encoding="utf-8")) | {"assignments": []}
    sched = tmp_path / "empty.json"
    sched.write_text(json.dumps(empty, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "all.zip"
    assert paperwork_cli.main(["ics", str(PLAN), str(sched), "--all", "-o", str(out)]) == 1
    assert not out.exists()
    assert "没有任何" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda a: a.append(dict(a[0])), "2 次"),  # a topic twice
        (lambda a: a.append({**a[0], "topic": "T99"}), "T99"),  # a topic not in the plan
        (lambda a: a[0].update(month=13), "13月"),  # a month outside the calendar
        (lambda a: a[0].update(lead="nobody"), "nobody"),  # a lead that is not a candidate
    ],
)
def test_a_schedule_breaking_the_plan_is_a_violation_exit_4(tmp_path, capsys, change, said):
    data = json.loads(SCHEDULE.read_text(encoding="utf-8"))
    change(data["assignments"])
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert solver_cli.main(["check", str(PLAN), str(path)]) == 4
    assert said in capsys.readouterr().out
