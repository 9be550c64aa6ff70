"""Small helpers the page tests share: move between pages, click, read what the page says."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from store import api as store
from tests.actors import PLANNER

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
WEIHAI = "威海市政协"
TIMEOUT = 90


# One account per role in every page test's database (the template is built once per session).
TEST_PASSWORD = "page-test-password"
LIAISON_DEPARTMENT = "市商务局"  # a department of the 威海 sample plan


def create_test_accounts(engine) -> None:
    """One account per role: ``test_admin`` … ``test_liaison`` (市商务局), password :data:`TEST_PASSWORD`."""
    from services import accounts
    from services.access import COMMAND_LINE, Role

    for role in Role:
        accounts.create_account(
            engine,
            login=f"test_{role.value}",
            password=TEST_PASSWORD,
            role=role,
            display_name=f"测试{role.value}",
            department=LIAISON_DEPARTMENT if role is Role.LIAISON else None,
            actor=COMMAND_LINE,
        )


def sign_in(at: AppTest, engine, role: str = "planner") -> AppTest:
    """Sign ``at`` in as the test account of ``role``: a real session (services.accounts.authenticate),
    its token put into the session state as the sign-in form would. Call before ``at.run()``, or between runs."""
    from services import accounts

    signed = accounts.authenticate(engine, f"test_{role}", TEST_PASSWORD)
    at.session_state["auth_token"] = signed.token
    return at


def plan_id_of(engine, body: str) -> int:
    return next(p.id for p in store.list_plans(engine) if p.body == body)


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def html_of(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def texts_of(at: AppTest) -> str:
    """Every message, markdown, caption and metric on the page, for "does it say …" checks."""
    parts = [e.value for kind in ("error", "warning", "info", "success", "markdown", "caption") for e in at.get(kind)]
    parts += [f"{m.label}:{m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def tables_of(at: AppTest):
    """Every read-only table on the page as a DataFrame."""
    return [d.value for d in at.dataframe if d.editing_mode == "read_only"]


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def wait_for_jobs(at: AppTest, engine, body: str = WEIHAI, timeout: float = TIMEOUT) -> AppTest:
    """Rerun the page until every job of the plan has finished (the worker writes them), then once more."""
    import time

    from services import jobs

    pid = plan_id_of(engine, body)
    deadline = time.monotonic() + timeout
    while any(j.active for j in jobs.plan_jobs(engine, pid, actor=PLANNER)):
        assert time.monotonic() < deadline, "jobs still unfinished"
        time.sleep(0.2)
    at.run()
    assert not at.exception, at.exception
    return at
