"""One pass of pypdf's text extraction per PDF page, replayed to every reader of the page.

The PDF reader looks at a page several times (its text runs, its stroked rules,
its cell boxes, its lines in pypdf's order). Each ``page.extract_text`` call
parses the content stream and every font again: a browser's PDF, which sets
each glyph on its own and embeds a font subset per run, took over a second per
page and call. The page is extracted once with both visitors; what they saw is
kept on the page and handed to each later visitor in the same order.
"""

from __future__ import annotations

_RECORD = "_paperwork_record"

# The operators a reader of the page's drawing looks at: path segments, rectangles and
# whatever ends a path (see :mod:`paperwork.pdf_strokes`)
_KEPT_OPS = {b"m", b"l", b"re", b"S", b"s", b"n", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"c", b"v", b"y"}


def _record(page) -> tuple[str, list[tuple], list[tuple]]:
    """The page's extracted text, its text runs (text, cm, tm, font, size) and its kept operators (op, args, cm, tm)."""
    kept = getattr(page, _RECORD, None)
    if kept is not None:
        return kept
    runs: list[tuple] = []
    ops: list[tuple] = []

    def on_text(text, cm, tm, font, size) -> None:
        runs.append((text, list(cm), list(tm), font, size))

    def on_op(op, args, cm, tm) -> None:
        if op in _KEPT_OPS:
            ops.append((op, list(args), list(cm), list(tm)))

    text = page.extract_text(visitor_text=on_text, visitor_operand_before=on_op)
    kept = (text, runs, ops)
    setattr(page, _RECORD, kept)
    return kept


def extract(page, *, visitor_text=None, visitor_operand_before=None) -> str:
    """``page.extract_text(visitor_text=…, visitor_operand_before=…)``, the page parsed only the first time.

    ``visitor_text`` gets (text, cm, tm, font, size) for every run pypdf
    reports, in its order; ``visitor_operand_before`` gets (op, args, cm, tm)
    for the path and rectangle operators only (the ones the readers use).
    Returns the page's text as pypdf extracts it. Raises what pypdf raises on
    a broken page, the first time.
    """
    text, runs, ops = _record(page)
    if visitor_text is not None:
        for run in runs:
            visitor_text(*run)
    if visitor_operand_before is not None:
        for op in ops:
            visitor_operand_before(*op)
    return text


__all__ = ["extract"]
