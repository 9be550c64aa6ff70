"""A new plan from an import: a filled Excel workbook, or a published plan (any format) to review.

Reading is :mod:`paperwork`'s (imported on first use: half a second of
python-docx, openpyxl and icalendar); saving is :func:`services.plans.create_plan`
(or :func:`services.plans.save_plan` to replace the open plan). A file that
cannot be read raises :class:`ServiceError` with ``reason=INVALID`` and one
Chinese line per problem in ``issues`` (sheet, row and column for a workbook).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.plan import Plan

from .access import Actor, Permission, require
from .errors import Reason, ServiceError

if TYPE_CHECKING:
    from paperwork import DraftPlan


def _refused(err: Exception) -> ServiceError:
    issues = tuple(str(i) for i in getattr(err, "issues", None) or [err])
    return ServiceError("\n".join(issues), reason=Reason.INVALID, issues=issues)


def plan_from_xlsx(name: str, data: bytes, *, actor: Actor) -> Plan:
    """The plan in a filled template workbook (``name`` is the file name, for its extension and messages).

    Reads only; saving it (:func:`services.plans.create_plan` with ``imported=True``) is the recorded write.
    ``Reason.DENIED`` without ``EDIT_PLAN``.
    """
    require(actor, Permission.EDIT_PLAN)
    import paperwork

    try:
        return paperwork.xlsx_to_plan(data, name=name)
    except paperwork.PaperworkError as err:
        raise _refused(err) from err


def draft_from_text(
    text: str, *, actor: Actor, upload: tuple[str, bytes] | None = None, merge_into: Plan | None = None
) -> DraftPlan:
    """A draft plan (to review before saving) from a published plan's text or an uploaded document.

    ``upload`` (file name, bytes: .txt .docx .doc .wps .pdf .html) wins over
    ``text``. The draft is a **new** plan with only the committees,
    departments, leaders and forms the document names; ``merge_into`` (the
    open plan) is given only when the planner chooses to merge: its ids are
    then reused by name, and the draft is meant for
    :func:`paperwork.review.merge_into`, never to be created as a plan of its own
    (it carries the open plan's lists). ``Reason.DENIED`` without ``EDIT_PLAN``;
    ``Reason.INVALID`` with one Chinese line per problem.
    """
    require(actor, Permission.EDIT_PLAN)
    import paperwork

    try:
        if upload is not None:
            return paperwork.import_document(*upload, known=merge_into)
        return paperwork.import_text(text, known=merge_into)
    except paperwork.PaperworkError as err:
        raise _refused(err) from err
