"""The plan document: read back with python-docx, structure and every topic's month; one PDF render."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document
from docx.oxml.ns import qn
from paperwork_samples import plan_and_schedule, sample_plan_paths, seed_text

from paperwork import (
    PaperworkError,
    draft_schedule,
    example_plan,
    parse_published_text,
    plan_document,
)
from solver.plan import Schedule


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, NFKC text) of every non-empty body paragraph."""
    doc = Document(io.BytesIO(data))
    return [(p.style.name, nfkc(p.text)) for p in doc.paragraphs if p.text.strip()]


def check_structure(plan, schedule, data: bytes, *, arrangement_no: str = "二") -> None:
    paras = paragraphs(data)
    texts = [t for _, t in paras]
    assert paras[0] == ("Title", nfkc(f"{plan.body}{plan.year}年度协商工作计划"))

    start = texts.index(f"{arrangement_no}、工作安排")
    assert paras[start][0] == "Heading 1"
    assert texts[start + 1].startswith(f"{plan.year}年,共安排重点协商议题{len(plan.topics)}项,包括:")

    forms = plan.form_by_id()
    depts, comms, leaders = plan.department_by_id(), plan.committee_by_id(), plan.leader_by_id()
    month_of = schedule.month_of()
    lead_of = schedule.lead_of()
    sections = [(i, t) for i, (s, t) in enumerate(paras) if s == "Heading 2"]
    per_form = {f.id: sum(1 for t in plan.topics if t.form == f.id) for f in plan.forms}
    want_sections = [(forms[fid].name, n) for fid, n in per_form.items() if n]
    got_sections = []
    for _, text in sections:
        m = re.fullmatch(r"\(([一二三四五六七八九十]+)\)(.+)\((\d+)项\)", text)
        assert m, text
        got_sections.append((m.group(2), int(m.group(3))))
    assert got_sections == [(nfkc(n), k) for n, k in want_sections]
    for name, n in want_sections:  # the count line names every form with its count
        assert nfkc(f"{name}{n}项") in texts[start + 1]

    # every topic: its heading, then 时间安排 with the schedule's month, 承办部门, 协商部门, 出席领导
    seen = set()
    for i, (style, text) in enumerate(paras):
        if style != "Heading 3":
            continue
        m = re.fullmatch(r"(\d+)\. (.+)", text)
        assert m, text
        topic = next(t for t in plan.topics if nfkc(t.title) == m.group(2) and t.id not in seen)
        seen.add(topic.id)
        block = []
        for s, t in paras[i + 1 :]:
            if s != "Normal":
                break
            block.append(t)
        assert block[0].startswith(f"时间安排:{month_of[topic.id]}月"), (topic.id, block[0])
        assert block[1] == "承办部门:" + nfkc(
            "、".join([comms[lead_of[topic.id]].name] + [comms[c].name for c in topic.co_organizers])
        )
        rest = block[2:]
        if topic.departments:
            assert nfkc("协商部门:" + "、".join(depts[d].name for d in topic.departments)) in rest
        if topic.leaders:
            assert nfkc("出席领导:" + "、".join(leaders[x].name for x in topic.leaders)) in rest
    assert seen == {t.id for t in plan.topics}

    heads1 = [t for s, t in paras if s == "Heading 1"]
    leaders_head = heads1.index(next(h for h in heads1 if "领导同志出席重点协商活动安排" in h))
    assert heads1[leaders_head - 1].endswith("工作安排")
    assert len(heads1) > leaders_head + 1  # the closing follows


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.name)
def test_sample_plan_document_reads_back(path):
    plan, schedule = plan_and_schedule(path)
    data = plan_document(plan, schedule)
    check_structure(plan, schedule, data)
    texts = [t for _, t in paragraphs(data)]
    assert "四、组织实施" in texts  # default preamble has one heading, so 二/三/四


def test_seed000_document_has_its_sections_and_counts():
    draft = parse_published_text(seed_text("000"))
    schedule = draft_schedule(draft.plan)
    data = plan_document(draft.plan, schedule, preamble=draft.preamble, closing=draft.closing)
    check_structure(draft.plan, schedule, data)
    texts = [t for _, t in paragraphs(data)]
    assert "一、总体原则" in texts
    assert "(二)有事多商量·专题议政性常委会会议(2项)" in texts
    assert "(四)有事多商量·对口协商(5项)" in texts
    assert "四、组织实施" in texts  # the closing's own heading, numbered after 三、领导…
    assert (
        "2023年,共安排重点协商议题11项,包括:全体会议协商1项、有事多商量·专题议政性常委会会议2项、"
        "有事多商量·在基层协商3项、有事多商量·对口协商5项。" in texts
    )
    assert "时间安排:1月(全体会议期间)" in texts


def test_preamble_and_closing_are_editable_and_renumbered():
    plan = example_plan()
    data = plan_document(
        plan,
        None,
        preamble="为做好今年的协商工作,制定本计划。",
        closing="三、组织实施\n1. 各专委会抓好落实。\n五、其他\n本计划由政协办公室负责解释。",
    )
    heads = [t for s, t in paragraphs(data) if s == "Heading 1"]
    assert heads == ["一、工作安排", "二、领导同志出席重点协商活动安排", "三、组织实施", "四、其他"]
    texts = [t for _, t in paragraphs(data)]
    assert texts[1] == "为做好今年的协商工作,制定本计划。"
    empty = plan_document(plan, None, preamble="", closing="", appendix=False)
    heads = [t for s, t in paragraphs(empty) if s == "Heading 1"]
    assert heads == ["一、工作安排", "二、领导同志出席重点协商活动安排"]


def test_draft_document_without_schedule_says_what_is_not_decided():
    plan = example_plan()
    texts = [t for _, t in paragraphs(plan_document(plan, None))]
    assert "时间安排:1月(全体会议期间)" in texts  # session form: the session month
    assert "时间安排:7月(拟)" in texts  # a preferred month is only proposed
    assert "承办部门:提案委或经济委" in texts  # two candidates, none chosen yet


def test_leaders_section_lists_each_leaders_consultations_by_month():
    plan = example_plan()
    sched = draft_schedule(plan)
    texts = [t for _, t in paragraphs(plan_document(plan, sched))]
    mayor = next(t for t in texts if t.startswith("1. 市长(市政府主要领导):出席"))
    assert mayor.index("1月") < mayor.index("7月")
    assert "降低企业成本,吸引投资创业" in mayor


def test_chinese_fonts_and_punctuation():
    data = plan_document(example_plan(), None)
    doc = Document(io.BytesIO(data))
    rfonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "仿宋"
    assert doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    assert doc.styles["Heading 2"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体"
    raw = "\n".join(p.text for p in doc.paragraphs)
    assert "时间安排\uff1a" in raw and "\uff08一\uff09" in raw  # full-width in print
    assert "时间安排:" not in raw
    sec = doc.sections[0]
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.top_margin.cm, 1) == 3.7


def test_appendix_table_lists_every_topic():
    plan = example_plan()
    doc = Document(io.BytesIO(plan_document(plan, draft_schedule(plan))))
    (table,) = doc.tables
    assert [c.text for c in table.rows[0].cells] == ["序号", "议题", "协商形式", "时间", "承办部门"]
    assert len(table.rows) == len(plan.topics) + 1


def test_infeasible_schedule_is_refused():
    plan = example_plan()
    bad = Schedule(plan_year=plan.year, status="infeasible")
    with pytest.raises(PaperworkError) as err:
        plan_document(plan, bad)
    assert "没有可行方案" in str(err.value)


def test_renders_to_pdf_with_libreoffice(tmp_path, in_ci):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if in_ci:
            pytest.fail("CI must have LibreOffice (Debian package libreoffice-writer-nogui) to render the document")
        pytest.skip("LibreOffice is not installed")
    paths = sample_plan_paths()
    plan, schedule = plan_and_schedule(paths[0]) if paths else (example_plan(), draft_schedule(example_plan()))
    src = tmp_path / "计划.docx"
    src.write_bytes(plan_document(plan, schedule))
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "计划.pdf"
    assert pdf.exists(), proc.stderr.decode(errors="replace")
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", body)) >= 2  # a real, multi-page document
