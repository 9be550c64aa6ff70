"""The import corpus: every layout, in every format it is built in, read exactly as expected.

The documents are built from ``corpus/*.src`` by ``corpus/build.py`` (Word
numbering and tables as real Word structures; .doc and .pdf converted by
LibreOffice, which CI installs: a missing soffice fails under CI=true).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(CORPUS))

import build  # noqa: E402
import line_account  # noqa: E402
import missing_claims  # noqa: E402
import score  # noqa: E402

from paperwork.common import PaperworkError  # noqa: E402
from paperwork.importer import import_document  # noqa: E402
from paperwork.sources import soffice_path  # noqa: E402
from services.printing import chromium_path  # noqa: E402

CASES = [
    (src, fmt)
    for folder in (CORPUS, *sorted(CORPUS.glob("holdout*")))
    for src in sorted(folder.glob("*.src"))
    for fmt in build.parse_src(src.read_text(encoding="utf-8"))[0]
]


# A blind set's finished documents (another author's files), read as they are
RAW = [pair for folder in sorted(CORPUS.glob("holdout*")) for pair in build.raw_documents(folder)]


def test_corpus_has_every_kind_of_layout():
    formats = {fmt for _, fmt in CASES}
    assert {"txt", "docx", "doc", "pdf", "html", "cpdf"} <= formats
    assert len({src for src, _ in CASES}) >= 15


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return tmp_path_factory.mktemp("corpus")


@pytest.mark.parametrize(("src", "fmt"), CASES, ids=[f"{s.stem}.{f}" for s, f in CASES])
def test_layout_is_read_exactly(src: Path, fmt: str, built: Path, in_ci: bool):
    if fmt in ("doc", "pdf") and soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to build .doc and .pdf files")
        pytest.skip("LibreOffice (soffice) not installed")
    if fmt == "cpdf" and chromium_path() is None:
        if in_ci:
            pytest.fail("CI=true: chromium is needed to print a web page to PDF")
        pytest.skip("chromium not installed")
    (path,) = build.build_one(src, built, formats=(fmt,))
    _check_read_exactly(path, src.with_name(src.name.replace(".src", ".expected.json")))


# Blind documents not yet read exactly, with what the reader gets right of them today (a ratchet)
NOT_YET_READ = json.loads((CORPUS / "not_yet_read.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize(("path", "expected_path"), RAW, ids=[p.name for p, _ in RAW])
def test_blind_document_is_read_exactly(path: Path, expected_path: Path):
    if path.name in NOT_YET_READ:
        _check_no_worse(path, expected_path, NOT_YET_READ[path.name])
    else:
        _check_read_exactly(path, expected_path)


def test_the_not_yet_read_list_names_blind_documents():
    assert set(NOT_YET_READ) <= {p.name for p, _ in RAW}


def _check_no_worse(path: Path, expected_path: Path, recorded: dict) -> None:
    """A blind document the reader does not read exactly yet: no field read worse than recorded.

    One recorded as ``refused`` may still be refused with a message (a PaperworkError, never another
    exception); once it is read, it must read more topics right than it invents.
    """
    try:
        reading = line_account.read(path.name, path.read_bytes())
    except PaperworkError:
        assert recorded.get("refused"), f"{path.name} is refused now, and was read before"
        return
    draft = reading.draft
    _check_lines_are_the_users(path, reading)
    expected = score.load_expected(expected_path)
    got = score.score(draft.plan, expected, label=path.name, reports=draft.reports)
    exact = got.perfect and draft.plan.body == expected["body"] and draft.plan.year == expected["year"]
    assert not exact, f"{path.name} is read exactly now: take it off corpus/not_yet_read.json"
    if recorded.get("refused"):
        assert got.tp["topics"] > got.invented, ("refused before; now invents as many as it reads", got.misses)
        return
    for f in score.FIELDS:
        assert got.tp[f] >= recorded["right"][f], (f, "fewer read right than recorded", got.misses)
        assert got.got[f] - got.tp[f] <= recorded["wrong"][f], (f, "more read wrong than recorded", got.misses)
    assert got.invented <= recorded["invented"], ("more invented topics than recorded", got.misses)


def _check_lines_are_the_users(path: Path, reading: line_account.Reading) -> None:
    """The review speaks in the document's own lines (see corpus/line_account.py): every non-blank line
    used or listed as skipped with its number, every cited line holding what was read there; and its
    warnings never call a field missing that the topic's lines write (corpus/missing_claims.py).

    Both on the one reading of the document (``line_account.read``), each failing with its own name.
    """
    breaches = line_account.draft_breaches(reading.draft, reading.src, fields=True)
    assert not breaches, f"line account of {path.name}: " + "; ".join(breaches)
    contradicted = missing_claims.draft_contradictions(reading.draft)
    assert not contradicted, f"missing claims in {path.name}: " + "; ".join(contradicted)


def _check_read_exactly(path: Path, expected_path: Path) -> None:
    """Exactness, the line account and the missing claims, all three on one reading of the document."""
    reading = line_account.read(path.name, path.read_bytes())
    draft = reading.draft
    expected = score.load_expected(expected_path)
    got = score.score(draft.plan, expected, label=path.name, reports=draft.reports)
    assert got.perfect, f"{path.name} is not read exactly:\n" + "\n".join(got.misses)
    assert (draft.plan.body, draft.plan.year) == (expected["body"], expected["year"]), f"{path.name}: body or year"
    _check_lines_are_the_users(path, reading)
    # every topic says where each of its fields came from, and how sure the reader is
    assert [r.topic for r in draft.reports] == [t.id for t in draft.plan.topics]
    for r in draft.reports:
        assert 0 < r.confidence <= 1
        fields = {s.field for s in r.sources}
        assert {"title", "form"} <= fields
        for s in r.sources:
            assert all(1 <= ln <= len(draft.lines) for ln in s.lines)


def test_wps_file_is_converted_like_a_doc(built: Path, in_ci: bool):
    """Kingsoft WPS saves Word-format files under .wps: LibreOffice converts them like a .doc."""
    if soffice_path() is None:
        if in_ci:
            pytest.fail("CI=true: LibreOffice (soffice) is needed to read .wps files")
        pytest.skip("LibreOffice (soffice) not installed")
    src = CORPUS / "L09-doc-circled.src"
    (doc,) = build.build_one(src, built / "wps", formats=("doc",))
    draft = import_document("去年的计划.wps", doc.read_bytes())
    expected = score.load_expected(src.with_name("L09-doc-circled.expected.json"))
    assert score.score(draft.plan, expected).perfect


# -- the checker of "a warning never calls a written field missing" (corpus/missing_claims.py) --------


def test_every_warning_that_calls_a_topic_field_missing_is_checked():
    """A new "没有写明…" warning for a topic must be taught to the checker (which field it says is missing)."""
    from paperwork import texts as T

    templates = [*T.TXT_WARN.values(), *T.READ_WARN.values()]
    claims = [t for t in templates if "{id}" in t and missing_claims.MISSING_WORDS.search(t)]
    unchecked = set(claims) - set(missing_claims.MISSING_WARNINGS)
    assert claims and not unchecked, unchecked


def test_the_checker_finds_a_warning_contradicted_by_the_topics_own_lines():
    from paperwork import texts as T
    from paperwork.importer import import_text

    text = "\n".join(
        [
            "岚溪县政协2026年度协商计划",
            "一、专题协商会",
            "1.推进山区供水工程建设",
            "时 间：5月",
            "承办单位 县政协农业农村委",
            "2.提升县城停车管理水平",
            "【协商部门】县住建局、县公安局",
            "三、工作要求",
            "各承办单位要按时间：节点推进。",
        ]
    )
    draft = import_text(text)
    assert missing_claims.draft_contradictions(draft) == []
    t1, t2 = (t.id for t in draft.plan.topics)
    # the warnings a reader that missed those lines would give: each contradicted by the line it missed
    planted = [
        T.TXT_WARN["no_month"].format(id=t1, title="推进山区供水工程建设"),
        T.TXT_WARN["no_lead"].format(id=t1, title="推进山区供水工程建设", tbd=T.TBD_COMMITTEE),
        T.TXT_WARN["no_departments"].format(id=t2, title="提升县城停车管理水平"),
    ]
    draft.warnings += planted
    found = missing_claims.draft_contradictions(draft)
    assert [f.split(" — ")[0] for f in found] == planted
    assert "line 4" in found[0] and "line 5" in found[1] and "line 7" in found[2]
    # T02 has no time of its own: the "时间:" in the requirements below a heading is not its
    draft.warnings = [T.TXT_WARN["no_month"].format(id=t2, title="提升县城停车管理水平")]
    assert missing_claims.draft_contradictions(draft) == []


def test_the_checker_reads_labels_only_where_a_field_is_written():
    wf = missing_claims.written_fields
    assert wf("时间：5月  承办：市政协经济委") == {"time": "5月", "lead": "市政协经济委"}
    assert wf("出席领导 市委常委、副市长某某") == {"leaders": "市委常委、副市长某某"}
    assert wf("【时间】5月【承办】县政协城建委") == {"time": "5月", "lead": "县政协城建委"}
    assert wf("时间5月") == {"time": "5月"}
    assert wf("（1）协商部门：县商务局") == {"departments": "县商务局"}
    # a label's word inside other words, a label with no value, another field's longer label
    assert wf("推进时间银行建设") == {} and wf("时间节约型社会") == {}
    assert wf("协商部门：") == {} and wf("调研时间：3月") == {"research": "3月"}
