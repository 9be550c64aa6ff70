"""Engines, transactions and schema upgrades.

Where the data lives
    ``DATABASE_URL`` names the database (``postgresql+psycopg://user:pw@host/db``
    or ``sqlite:////absolute/path.sqlite3``; a bare ``postgresql://`` or
    ``postgres://`` is taken to mean psycopg 3). Without it the app uses the
    SQLite file :data:`DEFAULT_SQLITE_PATH` (``var/xieshang.sqlite3`` under the
    repository root, git-ignored), created on first start.

SQLite, made to behave
    * ``PRAGMA foreign_keys=ON`` on every connection (SQLite's default is off).
    * Real transactions: the driver's own implicit-BEGIN handling is switched
      off and we emit ``BEGIN`` ourselves (the recipe from the SQLAlchemy
      docs), so reads inside one transaction see one snapshot and DDL in a
      migration is transactional: a failed upgrade leaves the old schema.
    * Writers start with ``BEGIN IMMEDIATE`` (:func:`write_session`): two
      saves queue on the write lock instead of both reading, then one failing
      with "database is locked" when it tries to upgrade its lock.
    * WAL journal for file databases: readers never wait for a writer.

PostgreSQL
    Reads run at REPEATABLE READ (a plan is loaded with several SELECTs; they
    must see one committed state). Writes run at READ COMMITTED and begin with
    the version-checking ``UPDATE plan …`` which row-locks the plan, so two
    concurrent saves of the same plan serialise and the second sees the new
    version (see :mod:`store.repository`). Upgrades take an advisory lock so two
    app processes starting at once do not both migrate.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from . import json_codec
from . import texts as T
from .errors import SchemaError, StoreError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only where a migration runs or a revision must be named:
# it is a third of a command's start-up (``python -m store import`` checks the
# schema on every call), and the check below needs only the version table.

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = REPO_ROOT / "var" / "xieshang.sqlite3"
SAMPLES_DIR = REPO_ROOT / "data"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# An arbitrary constant: the key of the PostgreSQL advisory lock held while migrating.
_MIGRATION_LOCK_KEY = 7_305_553_318


def database_url(url: str | URL | None = None) -> URL:
    """The URL to use: the argument, else ``DATABASE_URL``, else the default SQLite file."""
    raw = url or os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"
    try:
        u = make_url(raw)
    except ArgumentError:  # "nonsense" in DATABASE_URL: say so in the planner's words, not SQLAlchemy's
        raise StoreError(T.BAD_DATABASE_URL.format(url=raw)) from None
    if u.drivername in ("postgresql", "postgres"):
        # SQLAlchemy would pick psycopg2, which is not installed; psycopg 3 is.
        u = u.set(drivername="postgresql+psycopg")
    return u


def display_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages (the text as given if it is no URL at all)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def _sqlite_file(u: URL) -> Path | None:
    db = u.database
    if not db or db == ":memory:" or db.startswith("file:") or u.query.get("mode") == "memory":
        return None
    return Path(db)


def make_engine(url: str | URL | None = None, **kwargs: Any) -> Engine:
    """A new engine for ``url`` (see :func:`database_url`), with our SQLite set-up."""
    u = database_url(url)
    kwargs.setdefault("json_serializer", json_codec.dumps)
    kwargs.setdefault("json_deserializer", json_codec.loads)
    if u.get_backend_name() == "sqlite":
        path = _sqlite_file(u)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # wait up to 30 s for another writer instead of failing at once
        kwargs.setdefault("connect_args", {}).setdefault("timeout", 30)
        engine = create_engine(u, **kwargs)
        _configure_sqlite(engine, wal=path is not None)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        engine = create_engine(u, **kwargs)
    return engine


@functools.lru_cache(maxsize=8)
def _cached_engine(url: str) -> Engine:
    return make_engine(url)


def get_engine(url: str | None = None) -> Engine:
    """One shared engine per URL for the app (pages call this, or cache it themselves)."""
    return _cached_engine(database_url(url).render_as_string(hide_password=False))


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module (it would only
        # BEGIN before INSERT/UPDATE/DELETE, leaving reads and DDL outside).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


# -- transactions ----------------------------------------------------------------


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session in one transaction that sees one consistent state of the database."""
    with Session(engine) as s, s.begin():
        if engine.dialect.name == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield s


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in one transaction that commits on success and rolls back on any error."""
    with Session(engine) as s, s.begin():
        if engine.dialect.name == "sqlite":
            s.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        yield s


# -- migrations ---------------------------------------------------------------------


def alembic_config() -> Config:
    """Alembic configuration built in code (no ini file needed at run time)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision of this code's migrations (Alembic reads every migration script)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revisions() -> list[str]:
    """All revision ids, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


_REVISION_LINE = re.compile(r'^(down_revision|revision)\b[^=]*=\s*(?:"([^"]*)"|None)\s*$', re.M)


def _head_from_scripts() -> str | None:
    """The head revision read from the migration files' ``revision =`` / ``down_revision =`` lines.

    A quick look without Alembic for the common case (database up to date);
    None when the files do not form one simple chain, and :func:`head_revision`
    decides. A test keeps the two equal.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if "revision" not in found or found["revision"] is None:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database, or None for a database never upgraded."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # branches: not ours, but let Alembic say it
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None


def check_schema(engine: Engine) -> None:
    """Raise :class:`SchemaError` unless the database is at this code's head revision."""
    rev = current_revision(engine)
    if rev is not None and rev == _head_from_scripts():
        return
    head = head_revision()
    if rev == head:
        return
    known = revisions()
    if rev is not None and rev not in known:
        raise SchemaError(T.CLI_TOO_NEW.format(rev=rev))
    raise SchemaError(T.CLI_NOT_READY.format(rev=rev or T.CLI_NONE, head=head))


@contextmanager
def migrating_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction, prepared for schema changes.

    On SQLite foreign-key enforcement is off while migrating: SQLite alters a
    table by copying it, and dropping the old copy with enforcement on would
    cascade-delete the rows that point at it. Integrity is then checked as a
    whole (``PRAGMA foreign_key_check``) before commit, and enforcement is
    switched back on. A second process starting at the same time waits until
    the first has finished migrating (``BEGIN IMMEDIATE`` on SQLite, an
    advisory lock on PostgreSQL).
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # must happen outside a transaction, i.e. before our BEGIN
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            # a second process (or thread) starting at the same time waits here
            # and then finds the schema already upgraded
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration left dangling foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Create or upgrade the schema to ``revision`` in one transaction.

    Returns (revision before, revision after). A failure rolls the whole
    upgrade back: the database stays at its old revision with its data.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.util.exc import CommandError

    cfg = alembic_config()
    with migrating_connection(engine) as conn:
        before = MigrationContext.configure(conn).get_current_revision()
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, revision)
        except CommandError:  # an unknown target revision (``--to``) or a database newer than the code
            known = revisions()
            if before is not None and before not in known:
                raise SchemaError(T.CLI_TOO_NEW.format(rev=before)) from None
            raise SchemaError(T.UNKNOWN_REVISION.format(rev=revision, known=T.LIST_SEP.join(known))) from None
        after = MigrationContext.configure(conn).get_current_revision()
    if before != after:
        log.info("database schema upgraded from %s to %s", before, after)
    return before, after


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def ensure_database(engine: Engine | None = None, *, samples_dir: Path | None = SAMPLES_DIR) -> Engine:
    """What the app calls on start: upgrade the schema; on a brand-new database load the samples.

    Samples (``data/*.json``) are loaded only when the database was created by
    this call, not whenever it happens to be empty: a planner who deletes every
    plan does not want the examples back on the next restart.
    """
    engine = engine or get_engine()
    before, _after = upgrade(engine)
    if before is None and samples_dir is not None:
        from .api import list_plans, load_samples  # api builds on this module

        if not list_plans(engine):
            load_samples(engine, samples_dir)
    return engine
