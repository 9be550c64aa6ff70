"""A warning never says a field is missing when the topic's own lines write it.

The reader warns "议题 T03「…」没有写明时间安排" when it found no time for a topic. That claim
must hold against the document as the user sees it: none of the topic's own source lines may
hold that field's label (any synonym of :data:`paperwork.vocabulary.LABELS`) with a value after
it. A line that does is a field the reader failed to read, and the warning then tells the user
to add what is already there.

A topic's own lines: the lines its review cites for it alone, and every line from the first of
them down to the next topic's first line, stopped by a heading, the plan's prose, an annex or a
part of the page set aside (another year, a cancelled topic): the lines under a title that the
reader used for it or left unread (page furniture among them too: a field the reader threw away
as furniture is a field missed). Markup and page numbers are not read.
Used by ``test_import_corpus.py``; runnable over built documents:
``python tests/paperwork/corpus/missing_claims.py DIR…`` prints the warnings contradicted.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from paperwork import texts as T  # noqa: E402
from paperwork.common import PaperworkError  # noqa: E402
from paperwork.importer import import_document  # noqa: E402
from paperwork.vocabulary import LABEL_OF, LABELS, LOOKALIKE_COLONS  # noqa: E402

# The warnings that say a topic's field is missing, and the field each says so of (vocabulary keys)
MISSING_WARNINGS: dict[str, str] = {
    T.TXT_WARN["no_month"]: "time",
    T.TXT_WARN["no_lead"]: "lead",
    T.TXT_WARN["no_departments"]: "departments",
}
# Words a warning uses when it says something is not there (see test_every_missing_warning_is_checked)
MISSING_WORDS = re.compile(r"没有写明|未写明|没有找到|未找到|缺少|缺")


def _pattern(template: str) -> re.Pattern[str]:
    """A warning template as a regex: ``{id}`` captured, every other placeholder any text."""
    parts = re.split(r"(\{\w+\})", template)
    out = []
    for p in parts:
        if p == "{id}":
            out.append(r"(?P<id>\S+?)")
        elif re.fullmatch(r"\{\w+\}", p):
            out.append(".*?")
        else:
            out.append(re.escape(p))
    return re.compile("^" + "".join(out) + "$")


_CLAIMS = [(_pattern(tpl), key) for tpl, key in MISSING_WARNINGS.items()]

# Lines that end a topic's own lines (what the reader said they are): the plan's other parts
_PARTS = ("heading", "title", "prose", "attachment", "sentence_heading", "loose_item")
_ENDS = {T.SKIP_REASON[k] for k in _PARTS} | set(T.PAGE_PART_SKIP.values())
# Lines with no text of their own: markup, page numbers, what a table's relayout merged into another
# line (read there). A line thrown away as page furniture is read: "时间:两会后" under a title is a
# topic's time, whatever the reader took it for
_NOT_READ = {T.SKIP_REASON[k] for k in ("markup", "blank_number", "relaid")}

# Every label of the vocabulary, longest first, so "调研时间" (the research's) is never "时间"; its
# letters may be spaced out as a typist aligns them ("时 间", "承 办 单 位")
_ANY_LABEL = "|".join(r"[ \t]?".join(map(re.escape, x)) for x in sorted(LABEL_OF, key=len, reverse=True))
# A label stands at the line's start (after a number or bullet) or after a space, punctuation or a
# bracket; it is followed by a colon, a space or a tab, or a closing bracket ("【时间】5月")
_LABEL_AT = re.compile(
    r"(?:^|(?<=[\s;,。、()\[\]【】〔〕|/]))[【\[〔]?(?P<label>" + _ANY_LABEL + r")(?P<box>[】\]〕])?(?P<sep>\s*:|\s+|)"
)
# A time label run straight into its time ("时间5月", "时间第二季度"), as the reader also takes it
_GLUED_TIME = re.compile(r"[\d一二三四五六七八九十]{1,2}\s*月|第[一二三四]季度|[上下]半年|年[初中底内]")
_NUMBERING = re.compile(r"^\s*(?:[(（]?\s*[\d一二三四五六七八九十]{1,3}\s*[)）、.．]|[●•○■◆▪\-])\s*")


def _norm(line: str) -> str:
    line = line.translate({ord(c): ":" for c in LOOKALIKE_COLONS})
    line = unicodedata.normalize("NFKC", line).replace("\u3000", " ")
    return _NUMBERING.sub("", line)


def written_fields(line: str) -> dict[str, str]:
    """The fields a source line writes with a value: vocabulary key → the value as written.

    ``"时间:5月  承办:市政协经济委"`` → ``{"time": "5月", "lead": "市政协经济委"}``; a label with
    nothing after it (its value on the next line, or blank) writes no value.
    """
    text = _norm(line)
    hits = list(_LABEL_AT.finditer(text))
    out: dict[str, str] = {}
    for k, m in enumerate(hits):
        key = LABEL_OF[re.sub(r"\s", "", m["label"])]
        if not m["sep"] and not m["box"] and not (key == "time" and _GLUED_TIME.match(text, m.end())):
            continue  # "时间节约" "部门协同": the label's word inside other words, no field
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        value = text[m.end() : end].strip(" :;,。、【[〔")
        if re.search(r"[\u4e00-\u9fff\dA-Za-z]", value):
            out.setdefault(key, value)
    return out


def _own_lines(draft) -> dict[str, list[int]]:
    """Topic id → its own source lines (see the module's doc), in order."""
    roles = {s.line: s.reason for s in draft.skipped}
    roles.update(draft.line_roles)
    cited: dict[int, set[str]] = {}
    for r in draft.reports:
        for ln in {r.line, *(n for s in r.sources for n in s.lines)}:
            cited.setdefault(ln, set()).add(r.topic)
    alone = {r.topic: sorted(ln for ln, ts in cited.items() if ts == {r.topic}) for r in draft.reports}
    starts = {r.topic: min([r.line, *alone[r.topic]]) for r in draft.reports}
    out = {}
    for r in draft.reports:
        start = starts[r.topic]
        later = [s for s in starts.values() if s > start]
        stop = min(later) if later else len(draft.lines) + 1
        span = []
        for ln in range(start, stop):
            if ln != start and roles.get(ln) in _ENDS:
                break
            if roles.get(ln) not in _NOT_READ:
                span.append(ln)
        out[r.topic] = sorted({*span, *alone[r.topic]})
    return out


def draft_contradictions(draft) -> list[str]:
    """The warnings of ``draft`` (a DraftPlan) that say a field is missing when the topic's lines write it."""
    own = None
    out = []
    for w in draft.warnings:
        for rx, key in _CLAIMS:
            m = rx.match(w)
            if not m:
                continue
            own = own if own is not None else _own_lines(draft)
            for ln in own.get(m["id"], []):
                value = written_fields(draft.lines[ln - 1]).get(key)
                if value is not None:
                    out.append(f"{w} — but line {ln} writes {LABELS[key][0]} “{value[:20]}”")
                    break
            break
    return out


def contradictions(name: str, data: bytes) -> list[str]:
    """The contradicted warnings for one document (empty when none; a refused document has none)."""
    try:
        draft = import_document(name, data)
    except PaperworkError:
        return []
    return draft_contradictions(draft)


if __name__ == "__main__":
    import build  # beside this script: it lists the corpus's documents

    broken = total = 0
    for path in build.documents(sys.argv[1:]):
        total += 1
        found = contradictions(path.name, path.read_bytes())
        if found:
            broken += 1
            print(path, *found[:6], sep="\n    ")
    print(f"{broken} of {total} documents have a warning that says a written field is missing")
