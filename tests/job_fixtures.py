"""Real brokers and real worker processes for the job tests (tests/jobs, tests/pages).

* ``redis_server``: a redis-server of our own on a free port, nothing kept on
  disk (like the machines' shared one), which a test may restart. Without the
  ``redis-server`` binary the Redis cases are skipped — except under
  ``CI=true``, where that is a failure.
* ``start_worker(env)``: ``python -m jobs.worker`` as a subprocess, waited for
  until its consumer runs; stopped (by its own pid) at the end of the test.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 60  # the worker imports OR-Tools before it says it runs; a loaded 2-core machine is slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition: Callable[[], object], timeout: float, what: str, step: float = 0.1) -> object:
    """Poll ``condition`` until it returns something true; its value. Fails the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    pytest.fail(f"timed out after {timeout}s waiting for {what}", pytrace=False)


@dataclass
class RedisServer:
    port: int
    directory: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        def up() -> bool:
            try:
                return bool(redis.Redis(port=self.port, socket_timeout=0.5).ping())
            except redis.RedisError:
                return False

        wait_for(up, 20, "redis-server")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None

    def restart(self) -> None:
        """Kill it and start it again: whatever it held in memory is gone."""
        self.stop()
        self.start()


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: the Redis queue tests must run, but redis-server is not installed", pytrace=False)
        pytest.skip("redis-server is not installed")
    server = RedisServer(free_port(), tmp_path)
    server.start()
    yield server
    server.stop()


@dataclass
class Worker:
    proc: subprocess.Popen
    log: Path
    children: list[int] = field(default_factory=list)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # Huey: immediate shutdown of the consumer and its workers
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


@pytest.fixture
def start_worker(tmp_path) -> Iterator[Callable[..., Worker]]:
    """``start_worker(database_url, queue_url=None, workers=1, lane="all")``: a running worker process."""
    started: list[Worker] = []

    def _start(database_url: str, queue_url: str | None = None, workers: int = 1, lane: str = "all") -> Worker:
        env = dict(os.environ, DATABASE_URL=database_url, PYTHONPATH=str(ROOT))
        env.pop("QUEUE_URL", None)
        if queue_url:
            env["QUEUE_URL"] = queue_url
        log = tmp_path / f"worker-{len(started)}.log"
        with open(log, "w") as out:
            proc = subprocess.Popen(
                # -v: the libraries' INFO lines in the log (waited on below, read when a test fails)
                [sys.executable, "-m", "jobs.worker", "-w", str(workers), "--lane", lane, "-v"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        worker = Worker(proc, log)
        started.append(worker)

        def running() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"worker exited with {proc.returncode}:\n{worker.log_text()}", pytrace=False)
            return "consumer started" in worker.log_text()

        wait_for(running, STARTUP_TIMEOUT_S, "the worker to start")
        return worker

    yield _start
    for w in started:
        w.stop()
