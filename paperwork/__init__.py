"""Paperwork: the plan in the formats a 政协 office works in.

Pure Python, no streamlit, no database. Every function takes and returns
bytes/str and plain plan objects, and fails with :class:`PaperworkError`,
whose ``issues`` each carry a Chinese message (and, for workbooks, the sheet,
row and column).

- Excel: :func:`template`, :func:`plan_to_xlsx`, :func:`xlsx_to_plan`
- Word: :func:`plan_document`
- Calendars: :func:`calendars`, :func:`all_calendars`
- Published plan text: :func:`parse_published_text` → :class:`DraftPlan`
- Any plan document (.txt .docx .doc .wps .pdf .html) or pasted text:
  :func:`import_document`, :func:`import_text` → :class:`DraftPlan`; Excel with
  warnings: :func:`xlsx_import`
- Uploads: :func:`check_upload`, :func:`text_from_upload`, :func:`json_to_plan`,
  :func:`json_to_schedule`, :data:`MAX_UPLOAD_BYTES`; MIME types for downloads
"""

from .common import (
    DOCX_MIME,
    ICS_MIME,
    MAX_UPLOAD_BYTES,
    XLSX_MIME,
    ZIP_MIME,
    PaperIssue,
    PaperworkError,
    check_upload,
    draft_schedule,
    json_to_plan,
    json_to_schedule,
    text_from_upload,
    zh_punct,
)
from .document import plan_document
from .excel import XlsxImport, example_plan, plan_to_xlsx, template, xlsx_import, xlsx_to_plan
from .ics import all_calendars, calendar_filename, calendars
from .importer import import_document, import_text
from .published_text import DraftPlan, parse_published_text

__all__ = [
    "DOCX_MIME",
    "ICS_MIME",
    "MAX_UPLOAD_BYTES",
    "XLSX_MIME",
    "ZIP_MIME",
    "DraftPlan",
    "XlsxImport",
    "PaperIssue",
    "PaperworkError",
    "all_calendars",
    "calendar_filename",
    "calendars",
    "check_upload",
    "draft_schedule",
    "example_plan",
    "import_document",
    "import_text",
    "json_to_plan",
    "json_to_schedule",
    "parse_published_text",
    "plan_document",
    "plan_to_xlsx",
    "template",
    "text_from_upload",
    "xlsx_import",
    "xlsx_to_plan",
    "zh_punct",
]
