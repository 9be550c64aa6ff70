"""Labels a plan marks off with something other than a colon: line shapes the text reader rewrites to ``label:value``.

Each function takes one line already NFKC-normalised (see
``published_text._clean``) and returns the line, rewritten when its shape is
recognised, unchanged otherwise.
"""

from __future__ import annotations

import re

from .vocabulary import field_of_label

# "协商形式——专题协商会" "时间安排—6月" "县领导--张某": a label and its value joined by a dash.
# Only a label the vocabulary knows (or names by its root word) is taken: "推进X——专题协商会" is a
# title and its form, read elsewhere.
_DASH_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})\s*(?:[—―]{1,2}|-{2}|─{1,2})\s*(?=\S)")


def dash_label(line: str) -> str:
    """``"时间安排——5月"`` → ``"时间安排:5月"``; any other line is returned as it is."""
    m = _DASH_LABEL.match(line)
    if not m or not field_of_label(m.group("label")):
        return line
    return f"{m.group('label')}:{line[m.end() :]}"


__all__ = ["dash_label"]
