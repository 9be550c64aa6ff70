"""The one exception the services raise: :class:`ServiceError`, its message in Chinese.

``str(err)`` is the sentence for the user; ``reason`` tells code what kind of
refusal it was (a page may offer 「刷新」 for a stale edit); ``issues`` lists
every problem of an invalid plan or file, one Chinese line each, for a page
that shows them as a list. Whatever went wrong, nothing was written.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from solver.validate import PlanError
from store.errors import DuplicateError, NotFoundError, SchemaError, StaleEditError, StoreError, reason_of

from . import texts as T

log = logging.getLogger(__name__)


class Reason(enum.Enum):
    """Why a use case was refused."""

    INVALID = "invalid"  # the plan, schedule or file does not hold (see ``issues``)
    STALE = "stale"  # someone saved the plan since this copy was loaded
    DUPLICATE = "name_taken"  # a name that must be unique is taken
    NOT_FOUND = "not_found"  # the plan or saved version is gone
    REFUSED = "refused"  # the database refused the write (integrity), or the request makes no sense
    DATABASE = "database"  # the database cannot be reached or is at the wrong schema
    LIMIT = "limit"  # an administrator's limit (unfinished jobs per planner) is reached
    QUEUE = "queue"  # the queue engine cannot be reached (the job is recorded, it runs once it is back)
    DENIED = "denied"  # the caller is not signed in, or their role may not do this (services.access)
    THROTTLED = "throttled"  # too many failed sign-ins: wait (the message says how long)


class ServiceError(Exception):
    """A use case was refused; nothing was written. ``str(err)`` is a Chinese sentence."""

    def __init__(self, message: str, *, reason: Reason = Reason.REFUSED, issues: tuple[str, ...] = ()):
        self.message = message
        self.reason = reason
        self.issues = issues or (message,)
        super().__init__(message)


def _reason(err: StoreError) -> Reason:
    if isinstance(err, StaleEditError):
        return Reason.STALE
    if isinstance(err, DuplicateError):
        return Reason.DUPLICATE
    if isinstance(err, NotFoundError):
        return Reason.NOT_FOUND
    if isinstance(err, SchemaError):
        return Reason.DATABASE
    return Reason.REFUSED


@contextmanager
def translated() -> Iterator[None]:
    """Run a use case's calls into the data layer; their errors come out as :class:`ServiceError`."""
    try:
        yield
    except PlanError as err:
        raise ServiceError(str(err), reason=Reason.INVALID, issues=tuple(i.message for i in err.issues)) from err
    except StoreError as err:
        raise ServiceError(str(err), reason=_reason(err)) from err
    except SQLAlchemyError as err:  # unreachable server, lost connection: the reason, not a traceback
        log.exception("database error")
        raise ServiceError(T.database_error(reason_of(err)), reason=Reason.DATABASE) from err
