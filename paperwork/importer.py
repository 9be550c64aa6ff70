"""Import a plan from any document: the one entry the page, the command line and the tests call.

``import_document(name, data)`` turns the file into lines
(:func:`paperwork.sources.document_lines`), rewrites the layouts the reader
takes in its own shapes (:func:`paperwork.outline.restructure`: decimal outlines,
leader assignment tables, form paragraphs of clauses, legend-explained fields)
and reads them with the plan reader (:func:`paperwork.published_text.parse_published_text`); pasted text
goes through :func:`import_text`. Both return a
:class:`~paperwork.published_text.DraftPlan` for review, whose line numbers are the user's: a
text file's or pasted text's own lines, else the text extracted from the document. Every
rewritten line carries the source lines it came from (:mod:`paperwork.line_origins`).
"""

from __future__ import annotations

import dataclasses
import logging

from solver.plan import Plan

from . import texts as T
from .common import PaperIssue, PaperworkError, decode_text, refuse_oversized
from .line_origins import SourceText, numbered, origin
from .outline import assignment_warnings, restructure
from .published_text import DraftPlan, SkippedLine, parse_published_text
from .relayout import relayout
from .sources import SetAside, document_reading, looks_like_html, text_reading

log = logging.getLogger(__name__)


def _placeholders_said(draft: DraftPlan, known: Plan | None) -> DraftPlan:
    """A committee, department or leader named "待定" (not decided) was created: say so for every topic using it.

    The reader keeps such a name as a new entity (the plan must name one), which
    reads like a real committee in the review; a warning per topic asks for the
    real one. A topic already warned about (no lead written at all) is not warned twice.
    """
    plan = draft.plan
    had = {
        "committees": {c.id for c in known.committees} if known else set(),
        "departments": {d.id for d in known.departments} if known else set(),
        "leaders": {x.id for x in known.leaders} if known else set(),
    }
    for section, used_by in (
        ("committees", lambda t: [*t.lead_options, *t.co_organizers]),
        ("departments", lambda t: t.departments),
        ("leaders", lambda t: t.leaders),
    ):
        placeholders = {
            e.id: e.name
            for e in getattr(plan, section)
            if e.id not in had[section] and e.name.strip() in T.PLACEHOLDER_NAMES
        }
        for topic in plan.topics:
            for eid in dict.fromkeys(used_by(topic)):
                if eid not in placeholders:
                    continue
                no_lead = T.TXT_WARN["no_lead"].format(id=topic.id, title=topic.title, tbd=placeholders[eid])
                # "承办单位:待定" was said already, as it was written
                lead_said = T.TXT_WARN["lead_undecided"].split("{name}")[0].format(id=topic.id, title=topic.title)
                if section != "committees" or (
                    no_lead not in draft.warnings and not any(w.startswith(lead_said) for w in draft.warnings)
                ):
                    draft.warnings.append(
                        T.PLACEHOLDER_WARN[section].format(id=topic.id, title=topic.title, name=placeholders[eid])
                    )
    return draft


def _read(
    source: list[str] | None, lines: list[str], *, known: Plan | None, year: int | None, session_month: int | None
) -> DraftPlan:
    """Rewrite ``lines`` into the reader's shapes and read them, every line number the user's.

    ``source``: the text as the user wrote it (a text file's or pasted text's lines), whose lines
    ``lines`` already know they came from (:func:`paperwork.sources.text_tables` rewrote them);
    None when ``lines`` are the text extracted from a Word file, a PDF or a web page, itself the source.
    """
    if source is None or not any(origin(x) for x in lines):
        source = "\n".join(lines).splitlines()
        lines = numbered(source)
    text, where = SourceText.of(source, relayout(restructure(lines)))
    draft = parse_published_text(text, known=known, year=year, session_month=session_month, source=where)
    draft.warnings += assignment_warnings(lines) + _same_titles(draft)
    return _placeholders_said(draft, known)


def _same_titles(draft: DraftPlan) -> list[str]:
    """A warning per title read from two or more places: the same topic typed twice, most likely.

    Topics split from one line ("5月、10月各一次": one line, two topics) are the plan's own and not
    said; a merge into the open plan has its own duplicate check (:func:`paperwork.review.merge_check`).
    """
    places: dict[str, dict[int, list[str]]] = {}
    for t in draft.plan.topics:
        places.setdefault(t.title, {}).setdefault(draft.sources.get(t.id, 0), []).append(t.id)
    return [
        T.READ_WARN["same_title"].format(
            ids=T.SET_ASIDE_JOIN.join(i for ids in by_line.values() for i in ids),
            title=title,
            lines=T.SET_ASIDE_JOIN.join(str(n) for n in sorted(by_line) if n),
        )
        for title, by_line in places.items()
        if len(by_line) > 1
    ]


def _with_set_aside(draft: DraftPlan, aside: list[SetAside]) -> DraftPlan:
    """``draft`` with what the extraction left out listed as skipped, by its place in the user's document.

    Each stands in the skipped list just before the skipped lines at or after the extracted line it
    stood before (one whose line is not known comes last); its ``line`` is 0: the review's text has it not.
    """
    if not aside:
        return draft
    keyed = [((s.line, 1), s) for s in draft.skipped]
    last = max(len(draft.lines), max((s.line for s in draft.skipped), default=0)) + 1
    keyed += [
        ((a.before if a.before is not None else last, 0), SkippedLine(0, a.text, a.reason, a.place)) for a in aside
    ]
    skipped = [s for _, s in sorted(keyed, key=lambda pair: pair[0])]
    return dataclasses.replace(draft, skipped=skipped, unparsed_lines=[s.text for s in skipped])


def _typed_lines(text: str) -> list[str] | None:
    """A text's own lines, or None for HTML source (read as a page: its extracted text is the source)."""
    return None if looks_like_html(text) else text.splitlines()


def import_text(
    text: str, *, known: Plan | None = None, year: int | None = None, session_month: int | None = None
) -> DraftPlan:
    """A draft plan from pasted text (HTML source is parsed as a web page first)."""
    lines, aside = text_reading(text)
    refuse_oversized(lines)
    draft = _read(_typed_lines(text), lines, known=known, year=year, session_month=session_month)
    return _with_set_aside(draft, aside)


def import_document(
    name: str, data: bytes, *, known: Plan | None = None, year: int | None = None, session_month: int | None = None
) -> DraftPlan:
    """A draft plan from a file: .txt, .docx, .doc, .wps, .pdf, .html/.htm (by ``name``'s extension).

    ``known``: pass the open plan only to merge into it (its ids are reused);
    None reads a new plan with its own committees, departments and leaders.
    Raises PaperworkError with Chinese messages (see document_lines and
    parse_published_text).
    """
    try:
        lines, aside = document_reading(name, data)
    except PaperworkError:
        raise
    except Exception as err:  # noqa: BLE001 - python-docx, pypdf and lxml raise many kinds on odd files
        log.warning("document %s unreadable: %r", name, err)
        raise PaperworkError([PaperIssue(T.READ_WARN["unreadable"].format(name=name))]) from None
    refuse_oversized(lines)  # a Word or web page's lines, counted only once extracted
    if not any(line.strip() for line in lines):  # nothing but pictures, or blank: say which file and why
        raise PaperworkError([PaperIssue(T.READ_WARN["no_text_in_file"].format(name=name))])
    typed = _typed_lines(decode_text(name, data)) if name.lower().endswith((".txt", ".text")) else None
    draft = _read(typed, lines, known=known, year=year, session_month=session_month)
    return _with_set_aside(draft, aside)


__all__ = ["import_document", "import_text"]
