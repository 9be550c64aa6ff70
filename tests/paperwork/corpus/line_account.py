"""The line guarantee of the import review, checked against the document as the user sees it.

Every non-blank line of the source text (a .txt file's own lines; for Word,
PDF and web pages the text extracted from them) is either cited as where some
topic, field or heading was read, or listed as skipped with its own number; and
every cited number points at a line that holds what was read there.
Used by ``test_import_corpus.py``, which reads each document once (:func:`read`) for all its checks,
and runnable over built documents:
``python tests/paperwork/corpus/line_account.py DIR…`` prints the documents that break it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from paperwork import importer  # noqa: E402
from paperwork import texts as T  # noqa: E402
from paperwork.common import PaperworkError, decode_text  # noqa: E402
from paperwork.published_text import DraftPlan  # noqa: E402
from paperwork.sources import document_lines, looks_like_html  # noqa: E402


def source_lines(name: str, data: bytes, extracted: list[str] | None = None) -> list[str]:
    """The document's lines as the user sees them: a text file as written, any other file as extracted.

    ``extracted``: the lines :func:`paperwork.sources.document_lines` gave for this document already
    (see :func:`read`); None extracts them here.
    """
    if name.lower().endswith((".txt", ".text")):
        text = decode_text(name, data)
        if not looks_like_html(text):
            return text.splitlines()
    return "\n".join(extracted if extracted is not None else document_lines(name, data)).splitlines()


@dataclass(frozen=True)
class Reading:
    """A document read once: the importer's ``draft`` and ``src``, the document's lines as the user sees them."""

    draft: DraftPlan
    src: list[str]


def read(name: str, data: bytes) -> Reading:
    """``name`` imported once, its source lines taken from the extraction that import made.

    The extraction is most of a reading's cost (LibreOffice for .doc and .wps, the page layout of a
    .pdf), so it is recorded as the importer makes it, not made again; the guarantee still compares
    the lines the review shows (``draft.lines``, what the reader kept) with the lines extracted.
    Raises PaperworkError as :func:`paperwork.importer.import_document` does (a refused document).
    """
    extract, made = importer.document_reading, []

    def recorded(doc_name: str, doc_data: bytes):
        lines, aside = extract(doc_name, doc_data)
        made.append(list(lines))  # a copy: what the reader does with its list is not the source
        return lines, aside

    with mock.patch.object(importer, "document_reading", recorded):
        draft = importer.import_document(name, data)
    return Reading(draft, source_lines(name, data, extracted=made[0]))


# "第 12 行的标签“联络人”…": the warnings that name a line (paperwork.texts.READ_WARN)
_LABEL_WARNING = re.compile(
    "^" + re.escape(T.READ_WARN["unknown_label"].split("{line}")[0]) + r"(?P<line>\d+)[^“]*“(?P<label>[^”]+)”"
)


def _key(text: str) -> str:
    """What is compared: NFKC, letters and digits only (numbering, quotes, spaces and labels' colons aside)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[^\w]|_", "", text)


def _holds(lines: list[str], numbers, text: str, n: int = 2) -> bool:
    """Whether the lines ``numbers`` (1-based) hold the first ``n`` letters of ``text`` (or all of a shorter one)."""
    want = _key(text)[:n]
    if not want:
        return True
    got = "".join(_key(lines[k - 1]) for k in numbers if 0 < k <= len(lines))
    return want in got


# Fields whose source text is the names as printed; a lead committee may be read from a heading
# several lines up and is named as the plan names it, so it is not compared
FIELDS_AS_PRINTED = ("departments", "leaders")


def breaches(name: str, data: bytes, *, fields: bool = False) -> list[str]:
    """What breaks the line guarantee for one document (empty when it holds); a refused document holds it.

    ``fields``: also check that the lines cited for departments and leaders hold their first names.
    """
    try:
        reading = read(name, data)
    except PaperworkError:
        return []
    return draft_breaches(reading.draft, reading.src, fields=fields)


def draft_breaches(draft, src: list[str], *, fields: bool = False) -> list[str]:
    """What breaks the line guarantee in ``draft`` (a DraftPlan) read from the source lines ``src``."""
    out = []
    if [x.rstrip() for x in draft.lines] != [x.rstrip() for x in src]:
        out.append("review lines are not the source lines")
    accounted = set(draft.line_roles) | {s.line for s in draft.skipped}
    missing = [k for k, t in enumerate(src, start=1) if t.strip() and k not in accounted]
    if missing:
        out.append(f"lines neither used nor skipped: {missing[:8]}{'…' if len(missing) > 8 else ''}")
    for r in draft.reports:
        if not _holds(src, [r.line], r.title):
            out.append(f"topic {r.topic} cites line {r.line} for title {r.title[:12]!r}")
        for s in r.sources:
            if s.field == "title" and not _holds(src, s.lines, s.text):
                out.append(f"topic {r.topic} field {s.field} cites {list(s.lines)} for {s.text[:12]!r}")
            if s.field in FIELDS_AS_PRINTED and not _holds(src, s.lines, s.text) and fields:
                out.append(f"topic {r.topic} field {s.field} cites {list(s.lines)} for {s.text[:12]!r}")
    for s in draft.skipped:
        if s.place:  # left out by the extraction: not among the lines, said by its place in the document
            if s.line != 0:
                out.append(f"set-aside {s.text[:12]!r} at {s.place} claims line {s.line}")
            continue
        if not _holds(src, [s.line], s.text):
            out.append(f"skipped line {s.line} is not {s.text[:12]!r}")
    for w in draft.warnings:
        m = _LABEL_WARNING.match(w)
        if m and not _holds(src, [int(m["line"])], m["label"], n=len(m["label"])):
            out.append(f"warning cites line {m['line']} for label {m['label']!r}")
    return out


if __name__ == "__main__":
    import build  # beside this script: it lists the corpus's documents

    fields = "--fields" in sys.argv
    broken = total = 0
    for path in build.documents(a for a in sys.argv[1:] if a != "--fields"):
        total += 1
        found = breaches(path.name, path.read_bytes(), fields=fields)
        if found:
            broken += 1
            print(path, *found[:4], sep="\n    ")
    print(f"{broken} of {total} documents break the line guarantee")
