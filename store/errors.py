"""What can go wrong in the data layer, as exceptions carrying a Chinese sentence.

``str(err)`` is the message for the user; the attributes are for code (tests,
the page that wants to offer "reload"). Invalid plan content is not here: it is
:class:`solver.validate.PlanError`, raised unchanged, so the pages show the
same list of problems for a file and for a save.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from . import texts as T

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u4e00-\u9fff]")

# The database driver's English (SQLite's and psycopg's) → what to do, in Chinese.
_DRIVER_REASONS = (
    (re.compile(r"readonly database|read-only", re.I), "readonly"),
    (re.compile(r"database is locked|database table is locked", re.I), "locked"),
    (re.compile(r"unable to open database file", re.I), "cannot_open"),
    (re.compile(r"disk is full|database or disk is full|No space left", re.I), "disk_full"),
    (re.compile(r"file is not a database|file is encrypted|database disk image is malformed", re.I), "not_sqlite"),
    (re.compile(r"disk I/O error", re.I), "io_error"),
    (re.compile(r"connection refused|could not connect|Connection refused", re.I), "refused"),
    (re.compile(r"password authentication failed|no password supplied", re.I), "bad_password"),
    (re.compile(r'database "[^"]*" does not exist', re.I), "no_database"),
    (re.compile(r'role "[^"]*" does not exist', re.I), "no_role"),
    (re.compile(r"could not translate host name|Name or service not known|nodename nor servname", re.I), "no_host"),
    (re.compile(r"timeout expired|timed out", re.I), "timeout"),
    (re.compile(r"server closed the connection|connection .* closed|terminating connection", re.I), "lost"),
    (re.compile(r"permission denied", re.I), "denied"),
    (re.compile(r"UNIQUE constraint|duplicate key value|unique constraint", re.I), "unique"),
    (re.compile(r"FOREIGN KEY constraint|foreign key constraint", re.I), "foreign_key"),
    (re.compile(r"NOT NULL constraint|null value in column", re.I), "not_null"),
    (re.compile(r"CHECK constraint|check constraint", re.I), "check"),
    (re.compile(r'no such table|relation "[^"]*" does not exist|no such column', re.I), "schema"),
)


def driver_reason(error: BaseException | str) -> str:
    """A database driver's error → one Chinese reason; the driver's English goes to the log (INFO) only.

    ``error``: the exception (SQLAlchemy's, its ``orig``, or the driver's) or its text.
    """
    text = str(getattr(error, "orig", None) or error).strip()
    log.info("database driver said: %s", text)
    for pattern, key in _DRIVER_REASONS:
        if pattern.search(text):
            return T.DB_REASON[key]
    return T.DB_REASON["other"]


def reason_of(err: BaseException) -> str:
    """Any error met while reaching the database or the queue → one Chinese reason.

    Ours (already Chinese) as they are; the operating system's by ``errno``;
    a driver's (SQLAlchemy, sqlite3, psycopg, redis) by :func:`driver_reason`;
    anything else is named as an internal error by its type. English only in the log.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from solver.io import os_reason

    if isinstance(err, StoreError):
        return err.message
    # The driver's and the system's errors first: their text may hold Chinese data (the SQL's
    # parameters: a name, a title) without being a sentence of ours.
    if isinstance(err, SQLAlchemyError):
        return driver_reason(err)
    if isinstance(err, OSError):
        return os_reason(err)
    module = type(err).__module__.split(".")[0]
    if module in ("sqlite3", "psycopg", "redis", "huey"):
        return driver_reason(err)
    text = str(err).strip()
    if _CJK.search(text):  # already a sentence of ours (PlanError, ServiceError …): as it is
        return text.splitlines()[0]
    log.info("error: %r", err)
    return T.INTERNAL_REASON.format(kind=type(err).__name__)


class StoreError(Exception):
    """Base class: the operation was refused and nothing was written."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class NotFoundError(StoreError, LookupError):
    """A plan or scenario id that does not (or no longer) exist(s)."""


class DuplicateError(StoreError):
    """A name the domain says must be unique is taken: (body, year), scenario name."""


class StaleEditError(StoreError):
    """Optimistic locking: the copy being saved is older than what is stored."""

    def __init__(
        self,
        message: str,
        *,
        plan_id: int,
        expected_version: int,
        current_version: int,
        updated_at: datetime | None = None,
        updated_by: str = "",
    ):
        super().__init__(message)
        self.plan_id = plan_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.updated_at = updated_at
        self.updated_by = updated_by


class SchemaError(StoreError):
    """The database is not at the revision this code expects (run ``upgrade``)."""


class LockedError(StoreError):
    """The plan is under review or issued (issue 12): its content and current schedule may not change."""
