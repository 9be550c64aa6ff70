"""Marks other tools put around a plan's lines in plain text, taken off before the text is read.

One line in, one line out (the line numbers stay the user's):

- **E-mail quoting**: a forwarded or replied-to message quotes every line with ``>`` (``"> 时间：5月"``,
  ``">"`` for a quoted blank line, ``"> > "`` or ``">>"`` for a quote within a quote). The quote marks go;
  the mail's own header lines are set aside by :mod:`paperwork.page_parts`.
- **Markdown**: a heading's ``#`` marks (``"## 二、协商议题"``), bold and italic stars around words
  (``"**精心组织。**"``, a whole line ``"*注：…*"``). A table's rows keep their pipes
  (:func:`paperwork.sources.text_tables` reads them; ``<br>`` breaks a cell's lines there).
"""

from __future__ import annotations

import re

_QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")
_ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# stars only: underscores are a form's blanks to fill in ("时间：____月")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS_LINE = re.compile(r"^([ \t]*)\*(?=[^*\s])(.+?)(?<=[^*\s])\*[ \t]*$")


def unmarked_line(line: str) -> str:
    """``line`` without e-mail quote marks and Markdown heading and emphasis marks (see the module)."""
    line = _QUOTE_MARKS.sub("", line)
    line = _ATX_HEADING.sub(r"\1", line)
    line = _STRONG.sub(r"\1", line)
    return _EMPHASIS_LINE.sub(r"\1\2", line)


__all__ = ["unmarked_line"]
