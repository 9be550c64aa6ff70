"""Rewritten lines that remember which lines of the user's document they were made from.

Several layouts are rewritten into the reader's own shapes before it reads
them (:func:`paperwork.outline.restructure`, :func:`paperwork.relayout.relayout`,
a text file's tables in :func:`paperwork.sources.text_tables`). The review must
still speak in the user's line numbers, so every rewritten line is a
:class:`Line`: a ``str`` that also carries ``at``, the 1-based numbers of the
source lines it came from. A rewrite keeps a line it passes through as it is
(the same object), and makes each new line with :func:`made_from` its parents.
:class:`SourceText` then turns the reader's numbers (lines of the rewritten
text) back into the user's, and lists every source line the rewrite dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Line(str):
    """A line of (rewritten) text and ``at``: the source line numbers (1-based) it was made from, the main one first."""

    at: tuple[int, ...]

    def __new__(cls, text: str, at: Iterable[int] = ()) -> Line:
        obj = super().__new__(cls, text)
        obj.at = tuple(dict.fromkeys(at))
        return obj


def origin(line: str) -> tuple[int, ...]:
    """The source line numbers of ``line``; () for a plain str (made by a rewrite that did not say)."""
    return getattr(line, "at", ())


def numbered(lines: Sequence[str]) -> list[Line]:
    """The source lines, each a :class:`Line` at its own number (1-based)."""
    return [Line(text, (k,)) for k, text in enumerate(lines, start=1)]


def made_from(text: str, *parents: str | Iterable[str]) -> Line:
    """A new line ``text`` made from ``parents`` (lines, or lists of lines): it is at all their source lines."""
    at: list[int] = []
    for p in parents:
        for line in [p] if isinstance(p, str) else p:
            at += origin(line)
    return Line(text, at)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class SourceText:
    """The user's lines and, for each line of the rewritten text the reader reads, the user's lines it came from.

    ``lines``: the source text as the user sees it (index = line number − 1).
    ``at``: per rewritten line (index = reader's line number − 1), a tuple of source line numbers.
    """

    lines: list[str]
    at: list[tuple[int, ...]]

    @classmethod
    def of(cls, source: Sequence[str], rewritten: Sequence[str]) -> tuple[str, SourceText]:
        """(the rewritten text to read, its :class:`SourceText`) from the source lines and the rewrite's lines.

        A rewritten line holding a line break is cut as the reader cuts it (``str.splitlines``); each piece
        keeps the line's origin. A line whose rewrite lost its origin (a plain ``str``) is looked up by its
        text among the source lines after the previous line's, else it takes the previous line's origin.
        """
        at: list[tuple[int, ...]] = []
        pieces: list[str] = []
        where = {}
        for k, text in enumerate(source, start=1):
            where.setdefault(_key(text), []).append(k)
        last: tuple[int, ...] = ()
        for line in rewritten:
            here = origin(line)
            if not here and line.strip():
                after = max(last, default=0)
                same = [k for k in where.get(_key(line), []) if k > after] or where.get(_key(line), [])
                here = (same[0],) if same else last
            for piece in line.splitlines() or [""]:
                pieces.append(piece)
                at.append(here)
            if here:
                last = here
        return "\n".join(pieces), cls(list(source), at)

    def of_line(self, n: int) -> tuple[int, ...]:
        """The source line numbers of the reader's line ``n`` (1-based); () for a line the rewrite made up."""
        return self.at[n - 1] if 0 < n <= len(self.at) else ()

    def first(self, n: int) -> int:
        """The first source line of the reader's line ``n`` (``n`` itself when it has none)."""
        return next(iter(self.of_line(n)), n)

    def _cited(self, f):
        """A field source citing the source lines its reader's lines came from."""
        lines = tuple(sorted({k for n in f.lines for k in self.of_line(n)}))
        return dataclasses.replace(f, lines=lines or f.lines)

    def speak(self, draft, dropped_reason: str):
        """``draft`` (a :class:`~paperwork.published_text.DraftPlan`) with every line number the user's.

        Roles and skipped lines move to the source lines they came from; a source line the rewrite
        dropped (used by no rewritten line the reader used or skipped) is listed as skipped with
        ``dropped_reason``. Topic reports and field sources cite source lines; ``lines`` are the source.
        """
        from .published_text import SkippedLine  # the reader imports nothing of this module's users

        roles: dict[int, list[str]] = {}
        for n, role in draft.line_roles.items():
            for k in self.of_line(n):
                if role not in roles.setdefault(k, []):
                    roles[k].append(role)
        skipped: dict[tuple[int, str], SkippedLine] = {}
        for s in draft.skipped:
            for k in self.of_line(s.line):
                text = self.lines[k - 1].strip()
                # the piece skipped when the source line holds it, else the source line itself
                shown = s.text if _key(s.text) and _key(s.text) in _key(text) else text
                skipped.setdefault((k, s.reason), SkippedLine(k, shown, s.reason))
        said = set(roles) | {k for k, _ in skipped}
        for k, text in enumerate(self.lines, start=1):
            if text.strip() and k not in said:
                skipped[(k, dropped_reason)] = SkippedLine(k, text.strip(), dropped_reason)
        reports = [
            dataclasses.replace(r, line=self.first(r.line), sources=[self._cited(f) for f in r.sources])
            for r in draft.reports
        ]
        in_order = sorted(skipped.values(), key=lambda s: s.line)
        return dataclasses.replace(
            draft,
            line_roles={k: "、".join(v) for k, v in sorted(roles.items())},
            skipped=in_order,
            unparsed_lines=[s.text for s in in_order],
            reports=reports,
            sources={tid: self.first(n) for tid, n in draft.sources.items()},
            lines=list(self.lines),
        )


__all__ = ["Line", "SourceText", "made_from", "numbered", "origin"]
