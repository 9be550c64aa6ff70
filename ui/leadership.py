"""The 领导总览 page's helpers: the sheet (cached), its downloads, and the print stylesheet for the page.

The sheet is :mod:`paperwork.leadership`'s, built through :mod:`services.printing`
(permission, checker, Chromium). Shown on the page with ``st.html``; printed from
the browser with :data:`PRINT_CSS`, which hides everything but the sheet.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from paperwork.leadership import Sheet
from services import approval as approval_service
from services import printing
from services.access import Actor
from solver.plan import Plan, Schedule

from . import state
from . import texts as U
from .downloads import file_button

# Printing the Streamlit page itself (Ctrl+P): no sidebar, header, toolbar, buttons or captions; the
# app's scrolling containers let go of their height so the sheet is laid out on the paper; the sheet's
# own CSS carries @page (A4 landscape) and its print layout.
PRINT_CSS = """
<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"] { display: none !important; }
  [data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:not(:has(.ls-sheet)),
  [data-testid="stMainBlockContainer"] [data-testid="stHorizontalBlock"]:not(:has(.ls-sheet)),
  [data-testid="stMainBlockContainer"] [data-testid="stLayoutWrapper"]:not(:has(.ls-sheet)) {
    display: none !important; }
  html, body, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] { height: auto !important; min-height: 0 !important;
    overflow: visible !important; position: static !important; padding: 0 !important; margin: 0 !important;
    max-width: none !important;
    background: #fff !important; }
  [data-testid="stVerticalBlock"] { gap: 0 !important; }
}
</style>
"""


def viewer() -> Actor:
    """Who is looking: the signed-in account (the gate has run on this page)."""
    return state.actor()


def approval(plan_id: int) -> tuple[str | None, int | None]:
    """The plan's approval state label and latest frozen version number, for the sheet's header."""
    summary = approval_service.summary(state.engine(), plan_id, actor=viewer())
    return summary.state_label, summary.version_number


@st.cache_data(show_spinner=False, max_entries=16)
def sheet(
    plan_token: str,
    schedule_token: str,
    actor: Actor,
    state_label: str | None,
    version_number: int | None,
    day: str,
    _plan: Plan,
    _schedule: Schedule | None,
) -> Sheet:
    """The sheet of the session's plan and schedule, cached by their tokens, the viewer and the day printed."""
    return printing.sheet_for(
        _plan,
        _schedule,
        actor=actor,
        state_label=state_label,
        version_number=version_number,
        made_on=date.fromisoformat(day),
    )


def file_name(plan: Plan, ext: str) -> str:
    stem = U.FILE_STEM.format(body=plan.body or U.FILE_STEM_NO_BODY, year=plan.year)
    return f"{U.LS_FILE.format(stem=stem)}.{ext}"


def downloads(plan: Plan, made: Sheet) -> None:
    """PDF and PNG buttons (built when clicked), or why they cannot be, and the browser-print hint."""
    missing = printing.unavailable()
    ready = missing is None
    c1, c2, c3 = st.columns([1, 1, 2.6], vertical_alignment="center")
    file_button(
        c1,
        U.LS_PDF,
        lambda: printing.sheet_pdf(made),
        kind="pdf",
        file_name=file_name(plan, "pdf"),
        key="ls_pdf",
        disabled=not ready,
        help=U.LS_PDF_HELP,
    )
    file_button(
        c2,
        U.LS_PNG,
        lambda: printing.sheet_png(made),
        kind="png",
        file_name=file_name(plan, "png"),
        key="ls_png",
        disabled=not ready,
    )
    c3.caption(U.LS_PRINT_HINT)
    if missing:
        st.info(missing)
