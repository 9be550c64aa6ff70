"""A new plan from an import: a filled Excel workbook, or the text of a published plan.

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
    text: str, *, actor: Actor, known: Plan | None = None, upload: tuple[str, bytes] | None = None
) -> DraftPlan:
    """A draft plan (to review before saving) from a published plan's text, or from an uploaded .txt/.docx.

    ``known``: a plan whose committees, departments, leaders and forms are
    reused by name. ``upload`` (file name, bytes) wins over ``text``.
    ``Reason.DENIED`` without ``EDIT_PLAN``.
    """
    require(actor, Permission.EDIT_PLAN)
    import paperwork

    try:
        if upload is not None:
            text = paperwork.text_from_upload(*upload)
        return paperwork.parse_published_text(text, known=known)
    except paperwork.PaperworkError as err:
        raise _refused(err) from err
