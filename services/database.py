"""Opening the database the app works on."""

from __future__ import annotations

import os

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from store import api as store
from store.db import database_url, display_url
from store.errors import StoreError, reason_of

from . import texts as T
from .errors import Reason, ServiceError


def open_database(url: str | None = None) -> Engine:
    """The engine of ``url`` (default ``DATABASE_URL``, else the SQLite file), schema upgraded.

    A brand-new database gets the sample plans of ``data/``. Slow-ish (the
    migration check): the app calls it once per process. Raises
    :class:`ServiceError` (reason ``DATABASE``) when the database cannot be
    opened or upgraded.
    """
    try:
        return store.ensure_database(store.get_engine(url))
    except (StoreError, SQLAlchemyError, OSError) as err:
        raise ServiceError(T.database_unreachable(database_label(url), reason_of(err)), reason=Reason.DATABASE) from err


def database_label(url: str | None = None) -> str:
    """The database's URL with the password hidden (for the sidebar and messages)."""
    try:
        return display_url(database_url(url))
    except StoreError:  # not a URL at all: show it as given
        return display_url(url or os.environ.get("DATABASE_URL", ""))
