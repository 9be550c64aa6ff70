"""Start and stop ``streamlit run app.py`` for the browser test and the bench; find Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> float:
    """Seconds until /_stcore/health answers ok (fails if the server dies first)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} not healthy after {timeout}s")


# The account the browser signs in with (created in the server's database before it starts).
BROWSER_LOGIN = "browser"
BROWSER_PASSWORD = "browser-test-password"


def prepare_database(db_path: Path, *, role: str = "planner") -> None:
    """The database with the sample plans and the browser's account (nothing if it exists already)."""
    sys.path.insert(0, str(ROOT))
    from services import accounts
    from services.access import COMMAND_LINE
    from store import api as store

    engine = store.ensure_database(store.get_engine(f"sqlite:///{db_path}"))
    try:
        if not accounts.has_accounts(engine):
            accounts.create_account(
                engine,
                login=BROWSER_LOGIN,
                password=BROWSER_PASSWORD,
                role=role,
                display_name="浏览器测试",
                actor=COMMAND_LINE,
            )
    finally:
        engine.dispose()


def sign_in(page, login: str = BROWSER_LOGIN, password: str = BROWSER_PASSWORD) -> None:
    """Fill the sign-in form of a freshly opened app and wait until the first page is drawn.

    Before sign-in no page menu is shown (Streamlit would list the pages/ folder's English file
    names); after it, the role's Chinese menu is."""
    page.get_by_label("登录名", exact=True).wait_for(timeout=60_000)
    assert not page.locator('[data-testid="stSidebarNav"]').is_visible(), "a page menu before sign-in"
    page.get_by_label("登录名", exact=True).fill(login)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
    assert "overview" not in page.locator('[data-testid="stSidebarNav"]').inner_text()


def start_server(db_path: Path, log_path: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """``streamlit run app.py`` on a free port; the database is prepared first (:func:`prepare_database`)."""
    prepare_database(db_path)
    port = free_port()
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{db_path}")
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return proc, f"http://127.0.0.1:{port}"


def start_worker(db_path: Path, log_path: Path) -> subprocess.Popen:
    """``python -m jobs.worker`` on the same database (and its SQLite queue): the 编排 page's solves run there."""
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{db_path}")
    env.pop("QUEUE_URL", None)
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-m", "jobs.worker"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def chromium_or_skip() -> str:
    """Debian's chromium; missing: skip locally, fail under CI (the test must run there)."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    message = f"chromium not found at {CHROMIUM}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: the browser test must run)")
    pytest.skip(message)


def settle(page) -> None:
    """Wait until the app has finished running (no 'running' indicator) and the title is drawn."""
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(300)


@contextlib.contextmanager
def signed_in_page(server: str, *, width: int = 1440):
    """A headless Chromium page of the app at ``server`` (``width`` px wide, 900 high, zh-CN),
    signed in as the browser tests' planner and settled; the browser is closed afterwards."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="zh-CN")
        page.goto(server)
        sign_in(page)
        settle(page)
        yield page
        browser.close()
