"""The browser test's server: ``streamlit run app.py`` on a free port with its own SQLite database.

Screenshots go to ``artifacts/screenshots/`` (git-ignored); the absolute path is
printed in pytest's terminal summary so CI logs say where to find them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_server import SHOTS, start_server, start_worker, stop_server, wait_healthy


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    proc, url = start_server(tmp / "app.sqlite3", tmp / "streamlit.log")
    worker = None
    try:
        wait_healthy(url, proc)
        # the same SQLite file (whichever process starts first creates it, once) and its queue beside it
        worker = start_worker(tmp / "app.sqlite3", tmp / "worker.log")
        yield url
    finally:
        stop_server(proc)
        if worker is not None:
            stop_server(worker)


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def pytest_terminal_summary(terminalreporter):
    if SHOTS.exists() and any(SHOTS.glob("*.png")):
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"screenshots: {SHOTS}")
