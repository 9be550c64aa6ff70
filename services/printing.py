"""Leadership's one-page sheet, as HTML, PDF and PNG.

The sheet itself is :func:`paperwork.leadership.leadership_sheet` (a pure
function of the plan, its schedule and the checker's findings); this module
checks who asks, reads the plan and its current schedule, runs the independent
checker for the overloads, and prints the HTML with headless Chromium
(``--print-to-pdf``; the PNG is that PDF's page drawn by ``pdftoppm``, so the
picture is exactly the printed page).

Chromium is an outside program: it runs with a time limit
(:data:`RENDER_TIMEOUT_S`), a private profile in a temporary folder (two
renders never share one), and at most :data:`MAX_RENDERS` at a time per
process. Missing, failing or too slow, it raises :class:`ServiceError` with a
Chinese message; nothing is written anywhere.

Chromium writes CJK text with Type 3 fonts whose text layer maps a glyph shared
by an ideograph and a radical (月 and ⽉, 民 and ⺠) to the radical: copying a
title from the PDF or searching for it would fail. :func:`fix_text_layer`
rewrites those mappings to the ideographs.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from paperwork.leadership import Sheet, leadership_sheet, overloads_of
from solver import check
from solver.plan import Plan, Schedule

from . import plans
from . import texts as T
from .access import Actor, Permission, require
from .errors import Reason, ServiceError

log = logging.getLogger(__name__)

# A print takes 4–7 s at a load of 6–10 on 2 cores (bench/results/printing.md); a hung one stops here.
RENDER_TIMEOUT_S = 60
MAX_RENDERS = 2  # each print is a whole browser busy on a core: a burst of clicks waits its turn
PNG_DPI = 150  # A4 landscape at 150 dpi: 1754 × 1240 px, sharp on a screen and in a slide
_renders = threading.BoundedSemaphore(MAX_RENDERS)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # the service may run as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


def chromium_path() -> str | None:
    """The Chromium to print with: ``$CHROMIUM`` if set, else the first of :data:`CHROMIUM_NAMES` on the PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else shutil.which(wanted)
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


def unavailable() -> str | None:
    """Why PDF and PNG cannot be made on this server (a Chinese sentence), or None when they can."""
    if chromium_path() is None:
        return T.CHROMIUM_MISSING
    if shutil.which("pdftoppm") is None:
        return T.PDFTOPPM_MISSING
    return None


def leadership_overloads(report) -> list:
    """The findings of a :class:`solver.CheckReport` the sheet marks as overloads, numbered in this order."""
    return overloads_of([*report.hard, *report.warnings])


def sheet_for(
    plan: Plan,
    schedule: Schedule | None,
    *,
    actor: Actor,
    state_label: str | None = None,
    version_number: int | None = None,
    made_on: date | None = None,
) -> Sheet:
    """The sheet of a plan and its schedule as the caller holds them (the page's session copy).

    Overloads come from :func:`solver.check` on ``schedule``. ``state_label`` and ``version_number``:
    the approval state and frozen version for the header (None: not shown). Refused (``Reason.DENIED``)
    unless ``actor`` may view whole plans.
    """
    require(actor, Permission.VIEW_PLAN)
    require(actor, Permission.VIEW_ALL)  # the whole year, not one department's part
    findings = []
    if schedule is not None and schedule.assignments:
        report = check(plan, schedule)
        findings = [*report.hard, *report.warnings]
    return leadership_sheet(
        plan, schedule, findings, state_label=state_label, version_number=version_number, made_on=made_on
    )


def leadership_sheet_of(
    engine: Engine,
    plan_id: int,
    *,
    actor: Actor,
    state_label: str | None = None,
    version_number: int | None = None,
) -> Sheet:
    """The sheet of a stored plan and its current schedule (``Reason.NOT_FOUND`` for an unknown plan)."""
    require(actor, Permission.VIEW_PLAN)
    require(actor, Permission.VIEW_ALL)
    opened = plans.open_plan(engine, plan_id, actor=actor)
    return sheet_for(opened.plan, opened.schedule, actor=actor, state_label=state_label, version_number=version_number)


def sheet_pdf(sheet: Sheet) -> bytes:
    """The sheet printed by headless Chromium: one A4 landscape page, its text layer fixed.

    Raises :class:`ServiceError` when Chromium is missing, fails or runs past :data:`RENDER_TIMEOUT_S`.
    """
    return fix_text_layer(html_to_pdf(sheet.document))


def sheet_png(sheet: Sheet, *, dpi: int = PNG_DPI) -> bytes:
    """The printed page as a PNG at ``dpi`` (the PDF's page drawn by ``pdftoppm``).

    ServiceError as :func:`sheet_pdf`, or when ``pdftoppm`` is missing.
    """
    return pdf_to_png(html_to_pdf(sheet.document), dpi=dpi)


def html_to_pdf(html: str) -> bytes:
    """Print a standalone HTML document with headless Chromium; the PDF's bytes.

    The document's own ``@page`` rule sets the paper. ServiceError when Chromium is
    missing (``Reason.REFUSED``), fails or times out.
    """
    exe = chromium_path()
    if exe is None:
        raise ServiceError(T.CHROMIUM_MISSING)
    with _renders, tempfile.TemporaryDirectory(prefix="xieshang-print-") as tmp:
        src, out = Path(tmp) / "sheet.html", Path(tmp) / "sheet.pdf"
        src.write_text(html, encoding="utf-8")
        cmd = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", src.as_uri()]
        _run(cmd, "pdf")
        if not out.exists() or out.stat().st_size == 0:
            raise ServiceError(T.PRINT_FAILED.format(what=T.PRINT_WHAT["pdf"], detail=exe))
        return out.read_bytes()


def pdf_to_png(pdf: bytes, *, dpi: int = PNG_DPI) -> bytes:
    """The first page of a PDF as PNG bytes, drawn by poppler's ``pdftoppm``. ServiceError when missing or failing."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise ServiceError(T.PDFTOPPM_MISSING)
    with tempfile.TemporaryDirectory(prefix="xieshang-png-") as tmp:
        src, stem = Path(tmp) / "sheet.pdf", Path(tmp) / "sheet"
        src.write_bytes(pdf)
        _run([exe, "-png", "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1", str(src), str(stem)], "png")
        png = stem.with_suffix(".png")
        if not png.exists():
            raise ServiceError(T.PRINT_FAILED.format(what=T.PRINT_WHAT["png"], detail=exe))
        return png.read_bytes()


def _run(cmd: list[str], what: str) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=RENDER_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as err:  # subprocess.run kills the child on timeout
        raise ServiceError(T.PRINT_TIMEOUT.format(what=T.PRINT_WHAT[what], s=RENDER_TIMEOUT_S)) from err
    except OSError as err:
        raise ServiceError(T.PRINT_FAILED.format(what=T.PRINT_WHAT[what], detail=err)) from err
    if done.returncode != 0:
        detail = (done.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        log.info("%s exited with %s: %s", cmd[0], done.returncode, detail[-3:])
        raise ServiceError(
            T.PRINT_FAILED.format(what=T.PRINT_WHAT[what], detail=detail[-1] if detail else done.returncode),
            reason=Reason.REFUSED,
        )


# -- the PDF's text layer ----------------------------------------------------------------------

# CJK Radicals Supplement characters that share a glyph with a unified ideograph in simplified
# Chinese fonts (from Unicode's EquivalentUnifiedIdeograph.txt). The Kangxi radicals (U+2F00–U+2FD5)
# are mapped by NFKC instead.
RADICAL_EQUIVALENTS: dict[int, int] = {
    0x2EA0: 0x6C11,
    0x2EA4: 0x722B,
    0x2EA6: 0x4E2C,
    0x2EA8: 0x72AD,
    0x2EAD: 0x793B,
    0x2EB2: 0x7F52,
    0x2EB9: 0x8002,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66,
    0x2ECD: 0x8FB6,
    0x2ED1: 0x9577,
    0x2ED2: 0x9578,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED7: 0x96E8,
    0x2ED8: 0x9752,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EE0: 0x9963,
    0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEC: 0x9F50,
    0x2EEE: 0x9F7F,
    0x2EF0: 0x9F99,
    0x2EF3: 0x9F9F,
}
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def ideograph_of(code: int) -> int:
    """The unified ideograph a radical's code point stands for in running text (others unchanged)."""
    if code in RADICAL_EQUIVALENTS:
        return RADICAL_EQUIVALENTS[code]
    if 0x2F00 <= code <= 0x2FDF:
        return ord(unicodedata.normalize("NFKC", chr(code)))
    return code


def _fix_cmap(data: bytes) -> bytes:
    def repl(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16)
        fixed = ideograph_of(code)
        return m.group(0) if fixed == code else b"<%04X>" % fixed

    return _HEX4.sub(repl, data)


def fix_text_layer(pdf: bytes) -> bytes:
    """Map radicals in every font's ToUnicode CMap to the ideographs they stand for.

    Only ``<XXXX>`` destination codes are rewritten (the one-byte source codes of Chromium's
    Type 3 fonts are two hex digits, never matched). A PDF pypdf cannot read is returned unchanged.
    """
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(pdf))
        writer = PdfWriter(clone_from=reader)
        seen: set[int] = set()
        for page in writer.pages:
            fonts = (page.get("/Resources") or {}).get("/Font") or {}
            for ref in fonts.values():
                font = ref.get_object()
                cmap_ref = font.get("/ToUnicode")
                if cmap_ref is None or id(cmap_ref.get_object()) in seen:
                    continue
                stream = cmap_ref.get_object()
                seen.add(id(stream))
                data = stream.get_data()
                fixed = _fix_cmap(data)
                if fixed != data:
                    stream.set_data(fixed)  # pypdf re-encodes with the stream's own filter
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:  # the text layer is a convenience: a PDF we cannot rewrite is still the PDF
        log.exception("could not fix the PDF text layer")
        return pdf
