"""A blank form printed with a plan (a 申报表 样表): its field names are no topic.

A plan's notice often ends with a blank form for next year's proposals ("附件2
2027年度协商议题建议申报表(样表)"); read into lines it is a run of bare field
names ("协商议题", "协商形式", "建议时间"…) with nothing after them. The reader
would take the first for a topic's title; :func:`blank_form_rows` finds such runs
so they are listed as skipped instead.
"""

from __future__ import annotations

import re

from .vocabulary import field_of_header

# a field name alone on its row: short, no colon, no number or month (a value would have one)
_BARE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_MIN_RUN = 3  # two labels in a row may be a field left empty; three or more are a form's column of names


def _is_bare_name(text: str) -> str | None:
    t = text.strip()
    return field_of_header(t) if _BARE_NAME.match(t) else None


def blank_form_rows(texts: list[str]) -> set[int]:
    """Indices of ``texts`` (the reader's rows, in order) that are a blank form's field names.

    A run of at least three consecutive bare field names, one of them the title's
    ("协商议题"), with no value between them: each is a form's label over an empty cell.
    Blank rows inside the run are allowed; any other row ends it.
    """
    out: set[int] = set()
    run: list[int] = []
    keys: list[str] = []

    def close() -> None:
        if len(run) >= _MIN_RUN and "title" in keys:
            out.update(run)
        run.clear()
        keys.clear()

    for i, text in enumerate(texts):
        if not text.strip():
            continue
        key = _is_bare_name(text)
        if key is None:
            close()
            continue
        run.append(i)
        keys.append(key)
    close()
    return out


__all__ = ["blank_form_rows"]
