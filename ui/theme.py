"""Colours and the little CSS the dashboard needs, so a form has one colour everywhere.

Forms are coloured by their position in the plan (the plenary comes first in
every sample plan, so it gets the 政协 red); cards, legends and charts all ask
:func:`form_colors` so a 常委会议 is the same gold on the calendar and in a chart.
"""

from __future__ import annotations

from solver.plan import Plan

from . import texts as U

PRIMARY = "#A61B29"  # 政协 red (also in .streamlit/config.toml)
GOLD = "#B8862B"
OVER = "#C62828"  # an overload, in every chart and table
OK = "#2E7D32"
MUTED = "#8A8F98"
GRID = "#E6E2DA"

# Restrained, distinguishable on white, readable as a 4px card stripe and a chart fill.
FORM_PALETTE = (
    "#A61B29",  # red
    "#B8862B",  # gold
    "#1F6F8B",  # teal blue
    "#3F7D3A",  # green
    "#6A4C93",  # purple
    "#B5562C",  # rust
    "#4A5A6A",  # slate
    "#8B5E83",  # mauve
    "#2F6F6A",  # pine
    "#7A6A2F",  # olive
)


def form_colors(plan: Plan) -> dict[str, str]:
    """Form id → colour, stable for a plan (by the order its forms are listed)."""
    return {f.id: FORM_PALETTE[i % len(FORM_PALETTE)] for i, f in enumerate(plan.forms)}


def tint(hex_color: str, alpha: float) -> str:
    """The colour as rgba with the given opacity (card backgrounds)."""
    h = hex_color.lstrip("#")
    r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return f"rgba({r},{g},{b},{alpha})"


# Shared by every page (injected once by app.py): tighter top padding, calmer metrics.
GLOBAL_CSS = """
<style>
.block-container {padding-top: 2.2rem; padding-bottom: 3rem;}
[data-testid="stMetricValue"] {font-size: 1.6rem;}
[data-testid="stMetricLabel"] p {font-size: 0.9rem; color: #5b5f66;}
.xs-idtag {color: #8A8F98; font-size: 0.78em; font-family: ui-monospace, monospace;}
/* Streamlit's running indicator says "Stop" in English: say it in Chinese */
[data-testid="stStatusWidget"] button[kind="header"] {font-size: 0;}
[data-testid="stStatusWidget"] button[kind="header"]::after {content: "__STOP__"; font-size: .875rem;}
.xs-badge {display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; font-size: 0.85rem;
           font-weight: 600; color: #fff;}
.st-key-xs-lang {display: none;}
</style>
""".replace("__STOP__", U.STOP)

# Streamlit's page says <html lang="en"> and has no setting for it: browsers then
# pick Japanese or Korean glyph forms for shared Han characters on some systems,
# offer to translate the page from English, and screen readers read Chinese with
# an English voice. The app's pages are Chinese: say so (app.py runs this in a
# hidden container of the sidebar, once per page load).
LANG_SCRIPT = "<script>document.documentElement.lang = 'zh-CN';</script>"
