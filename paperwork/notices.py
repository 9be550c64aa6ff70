"""Change notices for the office to send (issue 12): a Word list grouped by recipient, and an Excel list.

Pure: takes :class:`NoticeRow` values (already in words: the services turn
the stored notices into them) and returns bytes. Text is written as text,
never as a formula (the Excel writer's ``_Rows``), and made XML-safe.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

from . import texts as T
from .common import xml_safe
from .document import BODY_FONT, H1_FONT, TITLE_FONT, _set_fonts
from .excel import _Rows, _style_header

__all__ = ["NoticeRow", "notices_docx", "notices_xlsx"]

_WIDTHS = [6, 10, 22, 40, 16, 12, 12, 18, 18, 30, 14]


@dataclass(frozen=True)
class NoticeRow:
    """One change for one recipient, in words (months 1–12 or None)."""

    recipient_kind: str
    recipient: str
    topic: str
    change: str
    old_month: int | None
    new_month: int | None
    old_lead: str
    new_lead: str
    reason: str
    version: int
    previous_version: int


def _cells(n: int, r: NoticeRow) -> list:
    return [
        n,
        r.recipient_kind,
        r.recipient,
        r.topic,
        r.change,
        T.notice_month(r.old_month),
        T.notice_month(r.new_month),
        r.old_lead,
        r.new_lead,
        r.reason,
        T.notice_version(r.previous_version, r.version),
    ]


def notices_xlsx(title: str, rows: Sequence[NoticeRow]) -> bytes:
    """One sheet 变更通知: a header row (Chinese) and one row per change, in the order given."""
    wb = Workbook()
    ws = wb.active
    ws.title = T.NOTICE_SHEET
    out = _Rows(ws)
    out.add(list(T.NOTICE_HEADERS))
    _style_header(ws, _WIDTHS)
    for n, r in enumerate(rows, 1):
        out.add(_cells(n, r))
    ws.oddHeader.center.text = xml_safe(title)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def notices_docx(title: str, rows: Sequence[NoticeRow]) -> bytes:
    """A Word document: the title, then per recipient a heading and one sentence per change, then a table.

    The table repeats every change with the same columns as the Excel list, so
    the office can print one page per recipient or the whole list.
    """
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    _set_fonts(style.element, BODY_FONT)
    head = doc.add_paragraph()
    run = head.add_run(xml_safe(title))
    run.bold = True
    run.font.size = Pt(18)
    _set_fonts(run._element, TITLE_FONT)
    if not rows:
        doc.add_paragraph(T.NOTICE_NONE)
    groups: dict[tuple[str, str], list[NoticeRow]] = {}
    for r in rows:
        groups.setdefault((r.recipient_kind, r.recipient), []).append(r)
    for (kind, name), items in groups.items():
        h = doc.add_paragraph()
        hr = h.add_run(xml_safe(T.notice_heading(kind, name, len(items))))
        hr.bold = True
        _set_fonts(hr._element, H1_FONT)
        for r in items:
            doc.add_paragraph(
                xml_safe(
                    T.notice_sentence(
                        r.topic,
                        r.change,
                        T.notice_month(r.old_month),
                        T.notice_month(r.new_month),
                        r.old_lead,
                        r.new_lead,
                    )
                )
            )
        reasons = dict.fromkeys(r.reason for r in items if r.reason)
        for reason in reasons:
            doc.add_paragraph(xml_safe(T.notice_reason(reason)))
    if rows:
        table = doc.add_table(rows=1, cols=len(T.NOTICE_HEADERS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, T.NOTICE_HEADERS, strict=True):
            cell.text = text
        for n, r in enumerate(rows, 1):
            cells = table.add_row().cells
            for cell, value in zip(cells, _cells(n, r), strict=True):
                cell.text = xml_safe(str(value))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
