"""Issue 11: the system's and the database driver's English never sits inside a Chinese sentence.

"No such file or directory", "Input/output error", "attempt to write a
readonly database", psycopg's "connection failed: …" were appended to our
Chinese messages. Each kind is translated (errno; the driver's known phrases)
and the original goes to the log only (INFO; ``-v`` shows it).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from solver.io import os_reason
from store.errors import driver_reason, reason_of

ROOT = Path(__file__).resolve().parents[2]
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")  # an English word (ids like sqlite:/// aside, checked per case)


@pytest.mark.parametrize("code", sorted({e for e in errno.errorcode if e < 140}))
def test_every_errno_is_said_in_chinese(code):
    reason = os_reason(OSError(code, os.strerror(code)))
    assert not LATIN_WORD.search(reason), reason
    assert re.search(r"[\u4e00-\u9fff]", reason)


def test_the_systems_words_go_to_the_log(caplog):
    with caplog.at_level(logging.INFO, logger="solver.io"):
        assert os_reason(OSError(errno.ENOENT, "No such file or directory")) == "文件或所在文件夹不存在"
    assert "No such file or directory" in caplog.text


@pytest.mark.parametrize(
    "english",
    [
        "attempt to write a readonly database",
        "database is locked",
        "unable to open database file",
        "database or disk is full",
        "file is not a database",
        "disk I/O error",
        'connection failed: connection to server at "127.0.0.1", port 5999 failed: Connection refused',
        'connection failed: FATAL:  password authentication failed for user "x"',
        'FATAL:  role "nobody" does not exist',
        'FATAL:  database "nope" does not exist',
        'could not translate host name "db.example" to address: Name or service not known',
        "UNIQUE constraint failed: plan.body, plan.year",
        "FOREIGN KEY constraint failed",
        "server closed the connection unexpectedly",
        "some message no one has seen before",
    ],
)
def test_driver_english_becomes_one_chinese_reason(english, caplog):
    with caplog.at_level(logging.INFO, logger="store.errors"):
        reason = driver_reason(english)
    assert not LATIN_WORD.search(reason.replace("python -m store upgrade", "").replace("SQLite", "")), reason
    assert english in caplog.text


def test_reason_of_keeps_ours_and_names_a_bug_by_its_type():
    from store.errors import StoreError

    assert reason_of(StoreError("计划不存在")) == "计划不存在"
    assert "ValueError" in reason_of(ValueError("something broke"))
    assert "something broke" not in reason_of(ValueError("something broke"))
    assert reason_of(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")) == "对方拒绝连接"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {})),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_the_system_cannot_read_is_said_in_chinese():
    # reading /proc/self/mem from the start fails with EIO ("Input/output error")
    for command in (("solver", "solve", "/proc/self/mem"), ("paperwork", "text2json", "/proc/self/mem")):
        r = _run(*command)
        assert r.returncode == 1, r.stderr
        assert "Input/output" not in r.stderr and "Traceback" not in r.stderr
        assert "读写磁盘出错" in r.stderr


def test_an_unreachable_database_server_is_said_without_the_drivers_english(tmp_path):
    r = _run("store", "plans", env={"DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/x"})
    assert r.returncode == 1
    assert "服务器拒绝连接" in r.stderr
    assert "connection failed" not in r.stderr and "Connection refused" not in r.stderr


def test_a_read_only_database_is_said_without_sqlites_english(tmp_path):
    db = tmp_path / "ro.sqlite3"
    assert _run("store", "upgrade", env={"DATABASE_URL": f"sqlite:///{db}"}).returncode == 0
    # opened read-only by SQLite itself (file permissions do not stop root)
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    r = _run("store", "import", str(ROOT / "data" / "weihai-2023.json"), env={"DATABASE_URL": url})
    assert r.returncode == 1, r.stderr
    assert "只读" in r.stderr
    assert "readonly" not in r.stderr and "attempt to write" not in r.stderr and "Traceback" not in r.stderr


def test_reason_of_keeps_any_chinese_sentence_of_ours():
    from solver.validate import PlanError, PlanIssue

    err = PlanError([PlanIssue("plan", None, None, "计划的年度 缺失(必填)")])
    assert "计划的年度" in reason_of(err)
