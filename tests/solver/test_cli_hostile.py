"""Issue 11, hostile input found by running every command line with what a careless or unlucky user gives it.

Each is a kind: an integer argument beyond what a database column holds; a
file that is not a database at all; a number pydantic has no Chinese word for
(infinity); a library's log record (a traceback) printed after our Chinese
sentence because the command had configured no logging.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from solver import cli as solver_cli
from solver.cli_common import MAX_INT64
from store import cli as store_cli

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "weihai-2023.json"


def _call(main, args, capsys) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", [["export", "99999999999999999999999"], ["scenarios", str(MAX_INT64 + 1)]])
def test_an_id_beyond_64_bits_is_a_usage_error(tmp_path, monkeypatch, capsys, command):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert store_cli.main(["upgrade"]) == 0
    code, err = _call(store_cli.main, command, capsys)
    assert code == 2, err
    assert "OverflowError" not in err and "程序内部错误" not in err


def test_a_file_that_is_no_database_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(4096))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{junk}")
    code, err = _call(store_cli.main, ["plans"], capsys)
    assert code == 1
    assert "不是 SQLite 数据库" in err
    assert "DatabaseError" not in err and "sqlalche.me" not in err


def test_infinity_where_a_number_belongs_is_said_in_chinese(tmp_path, capsys):
    path = tmp_path / "p.json"
    path.write_text(PLAN.read_text(encoding="utf-8").replace('"year": 2023', '"year": 1e400'), encoding="utf-8")
    code, err = _call(solver_cli.main, ["solve", str(path)], capsys)
    assert code == 1
    assert "有限" in err and "Input should" not in err


def test_a_refused_write_prints_no_traceback_from_the_log(tmp_path):
    db = tmp_path / "db.sqlite3"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{db}", PYTHONIOENCODING="utf-8")
    env.pop("XIESHANG_VERBOSE", None)
    subprocess.run([sys.executable, "-m", "store", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    env["DATABASE_URL"] = f"sqlite:///file:{db}?mode=ro&uri=true"  # read-only, even for root
    r = subprocess.run(
        [sys.executable, "-m", "jobs.admin", "set", "max_time_limit_s", "60"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert r.returncode == 1
    assert "只读" in r.stderr
    assert "Traceback" not in r.stderr and "database error" not in r.stderr
    loud = subprocess.run(
        [sys.executable, "-m", "jobs.admin", "-v", "set", "max_time_limit_s", "60"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "readonly" in loud.stderr  # the original is there for whoever asks with -v


def test_json_in_the_test_plan_is_what_the_test_thinks():
    assert '"year": 2023' in PLAN.read_text(encoding="utf-8")
    assert json.loads(PLAN.read_text(encoding="utf-8"))["year"] == 2023


def test_text_arguments_that_are_not_utf8_are_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert store_cli.main(["upgrade"]) == 0
    # what Python makes of the bytes ff fe in a command line (surrogateescape)
    code, err = _call(store_cli.main, ["import", str(PLAN), "--author", "\udcff\udcfe"], capsys)
    assert code == 2
    assert "UTF-8" in err and "UnicodeEncodeError" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["store", "plans"],
        ["jobs.admin", "settings"],
        ["solver", "check", str(PLAN), str(PLAN).replace(".json", ".published.json")],
    ],
)
def test_a_full_disk_on_standard_output_is_said_in_chinese(tmp_path, command):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", PYTHONIOENCODING="utf-8")
    subprocess.run([sys.executable, "-m", "store", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", *command],
            cwd=ROOT,
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
    assert r.returncode == 1, r.stderr
    assert "磁盘已满" in r.stderr
    assert "Errno" not in r.stderr and "Exception ignored" not in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["calendar"].update(max_topics_per_month=10**30),
        lambda d: d["forms"][0].update(min_gap_months=10**25),
        lambda d: d["committees"][0].update(max_per_month=2**63),
        lambda d: d["departments"][0].update(max_per_month=10**7),
        lambda d: d["leaders"][0].update(max_per_month=10**25),
    ],
)
def test_a_limit_no_database_can_hold_is_refused_before_saving(tmp_path, monkeypatch, capsys, change):
    doc = json.loads(PLAN.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert store_cli.main(["upgrade"]) == 0
    code, err = _call(store_cli.main, ["import", str(path)], capsys)
    assert code == 1, err
    assert "不能大于" in err and "OverflowError" not in err


def test_a_backup_version_beyond_the_database_is_refused(tmp_path, monkeypatch, capsys):
    doc = json.loads(PLAN.read_text(encoding="utf-8"))
    schedule = json.loads((ROOT / "data" / "weihai-2023.published.json").read_text(encoding="utf-8"))
    doc["xieshang_backup"] = {
        "format": "xieshang-backup/1",
        "plan_version": 1,
        "current_schedule": {"schedule": schedule, "plan_version": 2**70},
        "scenarios": [],
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert store_cli.main(["upgrade"]) == 0
    code, err = _call(store_cli.main, ["import", str(path)], capsys)
    assert code == 1 and "plan_version" in err and "OverflowError" not in err
