"""``python -m store``, run as the IT colleague would: a real process, DATABASE_URL in the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_samples import handmade_dict, handmade_schedule, sample_plan_files

from solver.plan import read_json
from solver.validate import parse_plan
from store import api, cli
from store.db import make_engine

REPO = Path(__file__).resolve().parents[2]


def run(url: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATABASE_URL=url, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "store", *args],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def call(monkeypatch, capsys):
    """The same command in this process (each real process pays ~2 s of imports; a few suffice)."""

    def _call(url: str, *args: str) -> subprocess.CompletedProcess:
        monkeypatch.setenv("DATABASE_URL", url)
        capsys.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse: usage errors and --help
            code = exc.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return _call


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "某市2023年协商计划.json"
    path.write_text(json.dumps(handmade_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_import_list_export_and_reimport_elsewhere(db_url, tmp_path, plan_file, call):
    r = run(db_url, "upgrade")
    assert r.returncode == 0, r.stderr
    assert "已新建数据库结构" in r.stdout
    assert "无需升级" in call(db_url, "upgrade").stdout

    files = [plan_file, *sample_plan_files()[:1]]
    r = run(db_url, "import", *map(str, files))
    assert r.returncode == 0, r.stderr
    assert "计划编号 1" in r.stdout and "某市政协 2023 年度协商计划" in r.stdout and "4 个议题" in r.stdout

    r = run(db_url, "plans")
    assert r.returncode == 0, r.stderr
    assert "编号" in r.stdout and "某市政协" in r.stdout and "2023" in r.stdout

    # a scenario saved through the app shows up, and travels with the backup
    engine = make_engine(db_url)
    api.save_scenario(engine, 1, handmade_schedule(), name="初稿", author="张三", note="第一稿")
    api.set_current_schedule(engine, 1, handmade_schedule())
    engine.dispose()
    r = call(db_url, "scenarios", "1")
    assert r.returncode == 0, r.stderr
    assert "初稿" in r.stdout and "张三" in r.stdout and "当前方案" in r.stdout

    plain, backup = tmp_path / "plain.json", tmp_path / "backup.json"
    assert call(db_url, "export", "1", "-o", str(plain)).returncode == 0
    r = run(db_url, "export", "1", "-o", str(backup), "--with-schedules")
    assert r.returncode == 0, r.stderr
    assert "已导出计划 1" in r.stdout
    assert read_json(plain) == parse_plan(handmade_dict()).to_dict()
    r = call(db_url, "export", "1")  # to the screen
    assert json.loads(r.stdout) == read_json(plain)

    # restore the backup into a fresh database: the same plan, the same scenarios
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert call(fresh, "upgrade").returncode == 0
    r = call(fresh, "import", str(backup))
    assert r.returncode == 0, r.stderr
    assert "1 个方案版本" in r.stdout
    again = tmp_path / "again.json"
    assert call(fresh, "export", "1", "-o", str(again), "--with-schedules").returncode == 0
    a, b = read_json(backup), read_json(again)
    a["xieshang_backup"].pop("exported_at")
    b["xieshang_backup"].pop("exported_at")
    assert a == b
    assert "初稿" in call(fresh, "scenarios", "1").stdout


def test_a_bad_file_is_refused_with_every_problem_named(db_url, tmp_path, call):
    assert call(db_url, "upgrade").returncode == 0
    doc = handmade_dict()
    doc["topics"][0]["departments"] = ["gxj", "nope"]
    doc["topics"][2]["fixed_month"] = 13
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run(db_url, "import", str(bad))
    assert r.returncode == 1
    assert "未导入" in r.stderr and "2 处问题" in r.stderr
    assert "议题 T01" in r.stderr and "协商部门" in r.stderr and "nope" in r.stderr
    assert "议题 T02" in r.stderr and "固定月份" in r.stderr
    assert "没有计划" in call(db_url, "plans").stdout

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "consult-plan/1",', encoding="utf-8")
    r = call(db_url, "import", str(broken))
    assert r.returncode == 1 and "不是有效的 JSON" in r.stderr and "第 1 行" in r.stderr

    r = call(db_url, "import", str(tmp_path / "missing.json"))
    assert r.returncode == 1 and "找不到计划文件" in r.stderr


def test_user_errors_exit_1_and_usage_errors_exit_2(db_url, plan_file, call):
    r = call(db_url, "plans")
    assert r.returncode == 1 and "python -m store upgrade" in r.stderr  # database not created yet
    assert call(db_url, "upgrade").returncode == 0
    r = call(db_url, "export", "7")
    assert r.returncode == 1 and "找不到编号为 7 的计划" in r.stderr
    assert call(db_url, "scenarios", "7").returncode == 1
    assert call(db_url, "import", str(plan_file)).returncode == 0
    r = call(db_url, "import", str(plan_file))
    assert r.returncode == 1 and "已存在" in r.stderr
    assert call(db_url).returncode == 2
    assert call(db_url, "export", "not-a-number").returncode == 2
    assert run(db_url, "frobnicate").returncode == 2  # and through a real process


def test_help_explains_the_database_setting():
    r = run("sqlite://", "--help")
    assert r.returncode == 0
    assert "DATABASE_URL" in r.stdout and "upgrade" in r.stdout and "退出码" in r.stdout


def test_an_unreachable_database_is_reported_not_a_traceback(call):
    r = run("postgresql+psycopg://nobody@127.0.0.1:1/none", "plans")
    assert r.returncode == 1
    assert "无法连接数据库" in r.stderr and "Traceback" not in r.stderr
    r = call("not a url", "plans")
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_accounts_from_the_shell(db_url, call):
    """create (a random password printed once), list, reset, disable: as 「命令行」, recorded in the audit trail."""
    import re

    from services import accounts, audit
    from services.access import COMMAND_LINE

    assert call(db_url, "upgrade").returncode == 0
    r = call(db_url, "accounts", "create", "lisi", "--role", "leader", "--name", "李四")
    assert r.returncode == 0, r.stderr
    password = re.search(r"只显示这一次\)?:(\S+)", r.stdout).group(1)
    engine = make_engine(db_url)
    try:
        assert accounts.authenticate(engine, "lisi", password).actor.role.value == "leader"
        r = call(db_url, "accounts", "list")
        assert r.returncode == 0 and "李四" in r.stdout and "领导" in r.stdout
        r = call(db_url, "accounts", "reset", "lisi")
        new = re.search(r"只显示这一次\)?:(\S+)", r.stdout).group(1)
        assert new != password and accounts.authenticate(engine, "lisi", new)
        assert call(db_url, "accounts", "disable", "lisi").returncode == 0
        r = call(db_url, "accounts", "reset", "nobody")
        assert r.returncode == 1 and "nobody" in r.stderr
        assert call(db_url, "accounts", "create").returncode == 2  # no login name
        rows = audit.search(engine, actor=COMMAND_LINE)
        assert [x.action for x in rows][:3] == ["account.disable", "session.sign_in", "account.password_reset"]
        assert {x.actor_name for x in rows if x.action.startswith("account.")} == {"命令行"}
        assert all(password not in x.summary and new not in x.summary for x in rows)
    finally:
        engine.dispose()
