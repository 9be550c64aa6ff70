"""Alembic environment: run by :func:`store.db.upgrade` (connection passed in) or by
the ``alembic`` tool with ``-c store/alembic.ini`` (engine from ``DATABASE_URL``)."""

from __future__ import annotations

from alembic import context

from store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: alembic rebuilds the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # store.db.upgrade: one transaction, already prepared
        _run(connection)
        return
    # Standalone use by a developer (``alembic -c store/alembic.ini …``): same
    # connection set-up as the app (SQLite foreign keys off while migrating).
    from store.db import make_engine, migrating_connection

    with migrating_connection(make_engine()) as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline (--sql) mode is not supported; run against a database")
run_migrations_online()
