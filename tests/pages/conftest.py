"""AppTest fixtures: every test gets its own SQLite database with the sample plans loaded.

The database is built once per session (schema + samples take a few seconds)
and copied for each test, so tests can save freely without seeing each other.
``DATABASE_URL`` points the app at the copy; the engine and data caches the app
keeps (``st.cache_resource`` / ``st.cache_data`` live for the process) are
cleared so the next AppTest opens the new file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from page_helpers import APP, TIMEOUT, WEIHAI, create_test_accounts, plan_id_of, sign_in
from streamlit.testing.v1 import AppTest

from store import api as store


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """Schema, sample plans and one account per role (``test_admin`` … ``test_liaison``, see page_helpers)."""
    path = tmp_path_factory.mktemp("db") / "template.sqlite3"
    engine = store.ensure_database(store.get_engine(f"sqlite:///{path}"))
    create_test_accounts(engine)
    engine.dispose()
    return path


@pytest.fixture
def engine(template_db, tmp_path, monkeypatch):
    path = tmp_path / "app.sqlite3"
    shutil.copy(template_db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield store.get_engine(url)
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def open_app(engine) -> Callable[..., AppTest]:
    """``open_app(page, body=…, role=…)``: the app signed in as ``role`` (default a 编排人员), on that page,
    with that plan selected."""

    def _open(page: str = "overview", *, body: str = WEIHAI, role: str = "planner") -> AppTest:
        at = sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT), engine, role=role)
        at.run()
        at.session_state["plan_picker"] = plan_id_of(engine, body)
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, at.exception
        return at

    return _open


@pytest.fixture
def worker(engine, start_worker):
    """A real worker process (``python -m jobs.worker``) on this test's database and its SQLite queue."""
    return start_worker(str(engine.url.render_as_string(hide_password=False)))
