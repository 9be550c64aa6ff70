"""What can go wrong in the data layer, as exceptions carrying a Chinese sentence.

``str(err)`` is the message for the user; the attributes are for code (tests,
the page that wants to offer "reload"). Invalid plan content is not here: it is
:class:`solver.validate.PlanError`, raised unchanged, so the pages show the
same list of problems for a file and for a save.
"""

from __future__ import annotations

from datetime import datetime


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
