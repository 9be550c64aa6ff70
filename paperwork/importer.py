"""Import a plan from any document: the one entry the page, the command line and the tests call.

``import_document(name, data)`` turns the file into lines
(:func:`paperwork.sources.document_lines`) and reads them with the plan
reader (:func:`paperwork.published_text.parse_published_text`); pasted text
goes through :func:`import_text`. Both return a
:class:`~paperwork.published_text.DraftPlan` for review.
"""

from __future__ import annotations

import logging

from solver.plan import Plan

from . import texts as T
from .common import PaperIssue, PaperworkError
from .published_text import DraftPlan, parse_published_text
from .sources import document_lines, text_lines

log = logging.getLogger(__name__)


def import_text(
    text: str, *, known: Plan | None = None, year: int | None = None, session_month: int | None = None
) -> DraftPlan:
    """A draft plan from pasted text (HTML source is parsed as a web page first)."""
    return parse_published_text("\n".join(text_lines(text)), known=known, year=year, session_month=session_month)


def import_document(
    name: str, data: bytes, *, known: Plan | None = None, year: int | None = None, session_month: int | None = None
) -> DraftPlan:
    """A draft plan from a file: .txt, .docx, .doc, .wps, .pdf, .html/.htm (by ``name``'s extension).

    ``known``: pass the open plan only to merge into it (its ids are reused);
    None reads a new plan with its own committees, departments and leaders.
    Raises PaperworkError with Chinese messages (see document_lines and
    parse_published_text).
    """
    try:
        lines = document_lines(name, data)
    except PaperworkError:
        raise
    except Exception as err:  # noqa: BLE001 - python-docx, pypdf and lxml raise many kinds on odd files
        log.warning("document %s unreadable: %r", name, err)
        raise PaperworkError([PaperIssue(T.READ_WARN["unreadable"].format(name=name))]) from None
    return parse_published_text("\n".join(lines), known=known, year=year, session_month=session_month)


__all__ = ["import_document", "import_text"]
