"""The rules an office suite strokes around a table's cells in a PDF (LibreOffice, Word): lines, not boxes.

A browser draws each cell's border as a filled rectangle (``re``); LibreOffice
and Word stroke each border as a path, ``x y m`` then ``x y l`` then ``S``. A
cell merged over several rows has no rule across it, so the rules say which
cells are one (see :func:`paperwork.sources._grid_tables`, which cuts them
into a grid).
"""

from __future__ import annotations

from .pdf_replay import extract

RULE_MAX = 2.0
"""A stroked segment thinner than this (points) across is a rule; other paths are drawings."""

RULE_MIN_LENGTH = 10.0

# Operators that paint or end a path, or draw a curve: the next segment starts afresh
_PATH_ENDS = {b"S", b"s", b"n", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"c", b"v", b"y", b"re"}


def stroked_rules(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The page's horizontal rules as (x0, x1, y) and vertical ones as (x, top, bottom), in page space.

    Only straight segments drawn with ``m``/``l`` count; a curve or a filled
    shape is no rule. Raises nothing on a page without any: both lists are empty.
    """
    from pypdf import mult

    horizontals: list[tuple[float, float, float]] = []
    verticals: list[tuple[float, float, float]] = []
    start: list[tuple[float, float] | None] = [None]

    def before(op, args, cm, _tm) -> None:
        if op == b"m" and len(args) == 2:
            start[0] = _point(mult, cm, args)
        elif op == b"l" and len(args) == 2 and start[0] is not None:
            (ax, ay), (bx, by) = start[0], _point(mult, cm, args)
            if abs(ay - by) <= RULE_MAX and abs(ax - bx) >= RULE_MIN_LENGTH:
                horizontals.append((min(ax, bx), max(ax, bx), (ay + by) / 2))
            elif abs(ax - bx) <= RULE_MAX and abs(ay - by) >= RULE_MIN_LENGTH:
                verticals.append(((ax + bx) / 2, max(ay, by), min(ay, by)))
            start[0] = (bx, by)
        elif op in _PATH_ENDS:
            start[0] = None

    extract(page, visitor_operand_before=before)
    return horizontals, verticals


def _point(mult, cm, args) -> tuple[float, float]:
    x, y = (float(a) for a in args)
    return tuple(mult([1, 0, 0, 1, x, y], cm)[4:6])  # type: ignore[return-value]


__all__ = ["stroked_rules"]
