"""Database fixtures (tests/store, tests/services): each test runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

Registered for the whole suite by ``tests/conftest.py`` (``pytest_plugins``);
``tests/pages`` overrides ``engine`` with its own (a copy of a sample database).

* SQLite: a fresh file under ``tmp_path`` per test.
* PostgreSQL: one throw-away database ``xs_test_<random>`` per test session
  (created through the server named by TEST_DATABASE_URL, dropped at the end),
  and a fresh schema per test in it (``search_path`` set through the URL, so
  the same URL works for a subprocess). Runs do not interfere with each
  other or with whatever else lives on the server.
* Without TEST_DATABASE_URL the PostgreSQL cases are skipped — except under
  ``CI=true``, where a missing PostgreSQL is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from store.db import database_url, make_engine, upgrade

PG_ENV = "TEST_DATABASE_URL"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def _no_postgres(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: PostgreSQL tests must run, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[URL]:
    """A database of our own on the PostgreSQL server of TEST_DATABASE_URL."""
    raw = os.environ.get(PG_ENV)
    if not raw:
        _no_postgres(f"{PG_ENV} is not set")
    base = database_url(raw)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"xs_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as err:
        admin.dispose()
        pytest.fail(f"cannot create a test database on {base.render_as_string()}: {err}", pytrace=False)
    try:
        yield base.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The URL of an empty database (no tables) of the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    server: URL = request.getfixturevalue("pg_server_url")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = server.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def blank_engine(db_url: str) -> Iterator[Engine]:
    """An engine on an empty database (for migration tests)."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(blank_engine: Engine) -> Engine:
    """An engine on a database upgraded to the head revision."""
    upgrade(blank_engine)
    return blank_engine


@pytest.fixture
def backend(db_url: str) -> str:
    return database_url(db_url).get_backend_name()
