"""Issue 11: what ``python -m jobs.worker`` prints to the person who started it is Chinese.

Alembic's ("Context impl SQLiteImpl") and Huey's ("Huey consumer started")
INFO lines are for developers: shown with ``-v`` or ``XIESHANG_VERBOSE=1``.
A queue that cannot be reached is said once, in Chinese, with exit 1 (it was
logged as a traceback every second).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _worker(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Start a worker, wait for its Chinese start line, stop it with Ctrl-C; its standard error."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "jobs.worker", *args],
        cwd=ROOT,
        env=dict(
            os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", PYTHONIOENCODING="utf-8", **(env or {})
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        if "编排计算进程已启动" in line:
            break
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    # The rest is read through the same text stream: communicate() would read the
    # raw pipe and lose what readline() had already buffered (under load the
    # consumer's own start line arrives in the same chunk as ours).
    watchdog = threading.Timer(30, proc.kill)
    watchdog.start()
    try:
        rest = proc.stderr.read()
        proc.wait()
    finally:
        watchdog.cancel()
        proc.stderr.close()
    return "".join(lines) + rest


def test_the_worker_starts_in_chinese_and_keeps_the_libraries_info_lines_for_v(tmp_path):
    quiet = _worker(tmp_path)
    assert "编排计算进程已启动" in quiet
    assert "Context impl" not in quiet and "alembic" not in quiet and "Huey consumer started" not in quiet
    loud = _worker(tmp_path, env={"XIESHANG_VERBOSE": "1"})
    assert "Huey consumer started" in loud


def test_an_unreachable_queue_is_said_once_in_chinese(tmp_path, monkeypatch, capsys):
    from jobs.worker import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("QUEUE_URL", "redis://127.0.0.1:1/0")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "无法连接任务队列" in err and "拒绝连接" in err
    assert "Error 111" not in err and "Traceback" not in err
