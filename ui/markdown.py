"""Text from the plan (titles, names, scenario names, the solver's sentences) in a Markdown context.

Streamlit renders ``st.markdown``, ``st.caption``, ``st.error`` … and widget
labels as Markdown with its own directives (``:red[…]``, ``:material/…:``,
emoji ``:name:``, ``$…$``). A title is text: ``**x**`` must show as typed,
not bold. Every place that puts such text into Markdown passes it through
:func:`md_text` first; the page's own formatting (``**{U.WI_LOG}**``) stays.
"""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be escaped with a backslash; these are
# the ones Markdown, GitHub-flavoured extensions or Streamlit's directives use.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&^])")


def md_text(text: object) -> str:
    """``text`` (any object, shown as ``str``) with every Markdown character escaped; line breaks kept."""
    return _SPECIAL.sub(r"\\\1", str(text))


def md_list(lines: list[str]) -> str:
    """A Markdown bullet list of plain-text lines."""
    return "\n".join(f"- {md_text(line)}" for line in lines)
