"""The review step's pure half: rows out, corrected rows back in, merge into an open plan."""

from __future__ import annotations

import pytest
from paperwork_samples import plan_and_schedule, sample_plan_paths

from paperwork import PaperworkError
from paperwork.published_text import parse_published_text
from paperwork.review import apply_review, form_rows, merge_into, source_rows, topic_rows

TEXT = (
    "某县政协2025年度协商计划\n(一)专题议政性常委会议(2项)\n1.推进甲项工作\n时间安排:5月\n承办单位:县政协经济委\n"
    "协商部门:县商务局\n2.推进乙项工作\n时间安排:第三季度\n承办单位:县政协农业农村委\n"
)


def test_rows_round_trip_to_the_same_plan():
    draft = parse_published_text(TEXT)
    again = apply_review(draft, topic_rows(draft), body=draft.plan.body, year=draft.plan.year)
    assert again.to_dict()["topics"] == draft.plan.to_dict()["topics"]


def test_corrections_are_read_with_the_import_rules():
    draft = parse_published_text(TEXT)
    rows = topic_rows(draft)
    rows[1] |= {
        "time": "7、8月",
        "lead": "县政协农业农村委、县政协提案委",
        "departments": "县农业农村局",
        "leaders": "县长",
    }
    plan = apply_review(draft, rows, body="某县政协", year=2026, session_month=2, blackout_months=[1])
    t = plan.topics[1]
    assert t.preferred_months == [7, 8] and t.window is None
    assert [plan.committee_by_id()[c].name for c in t.lead_options + t.co_organizers] == ["农业农村委", "提案委"]
    assert plan.year == 2026 and plan.calendar.session_month == 2 and plan.calendar.blackout_months == [1]


def test_every_bad_cell_is_named():
    draft = parse_published_text(TEXT)
    rows = topic_rows(draft)
    rows[0] |= {"title": "", "time": "某个时候"}
    rows[1] |= {"form": "不存在的形式", "lead": ""}
    forms = form_rows(draft.plan)
    forms[0]["max_per_month"] = "两次"
    with pytest.raises(PaperworkError) as err:
        apply_review(draft, rows, forms=forms, body="", year=None)
    msgs = [i.message for i in err.value.issues]
    for needle in (
        "计划年度",
        "政协名称",
        "T01:议题名称为空",
        "T01:时间“某个时候”无法识别",
        "T02:协商形式“不存在的形式”",
        "T02:承办专委会为空",
        "每月上限或间隔月数应为整数",
    ):
        assert any(needle in m for m in msgs), needle


def test_sources_name_the_line_of_each_field():
    draft = parse_published_text(TEXT)
    rows = {(r["topic"], r["field"]): r for r in source_rows(draft)}
    assert rows[("T01", "时间")]["lines"] == "4" and rows[("T01", "协商部门")]["text"] == "县商务局"
    assert rows[("T02", "协商形式")]["lines"] == "2"


def test_merge_adds_topics_with_fresh_ids_and_keeps_the_plan():
    path = next(p for p in sample_plan_paths() if "weihai" in p.name)
    base, _ = plan_and_schedule(path)
    draft = parse_published_text(TEXT, known=base)
    merged = merge_into(base, draft.plan)
    assert len(merged.topics) == len(base.topics) + 2
    assert len({t.id for t in merged.topics}) == len(merged.topics)
    assert merged.calendar == base.calendar and merged.body == base.body
    assert {c.id for c in base.committees} <= {c.id for c in merged.committees}


def test_after_fixed_month_and_notes_are_edited_in_the_rows():
    draft = parse_published_text(TEXT)
    rows = topic_rows(draft)
    assert rows[0]["after"] == "" and rows[0]["fixed_month"] is None and rows[0]["notes"] == ""
    rows[1] |= {"after": "推进甲项工作", "fixed_month": 8.0, "notes": "与提案办理协商合并进行"}
    rows[0] |= {"fixed_month": "5月"}
    plan = apply_review(draft, rows, body="某县政协", year=2025)
    a, b = plan.topics
    assert b.after == [a.id] and b.fixed_month == 8 and b.notes == "与提案办理协商合并进行"
    assert a.fixed_month == 5
    # and back out: the rows show what was saved, and clearing a cell clears the field
    again = [dict(r) for r in rows]
    again[1] |= {"after": "", "fixed_month": None, "notes": ""}
    plan = apply_review(draft, again, body="某县政协", year=2025)
    assert plan.topics[1].after == [] and plan.topics[1].fixed_month is None and not plan.topics[1].notes


def test_bad_after_and_fixed_month_cells_are_named():
    draft = parse_published_text(TEXT)
    rows = topic_rows(draft)
    rows[0] |= {"fixed_month": "13", "after": rows[0]["id"]}
    rows[1] |= {"after": "不存在的议题"}
    with pytest.raises(PaperworkError) as err:
        apply_review(draft, rows, body="某县政协", year=2025)
    text = str(err.value)
    assert f"议题 {rows[0]['id']}:固定月份“13”" in text
    assert f"议题 {rows[0]['id']}:前序议题不能是它自己" in text
    assert f"议题 {rows[1]['id']}:前序议题“不存在的议题”" in text


def test_rows_without_the_new_cells_keep_the_draft_values():
    draft = parse_published_text(TEXT + "备注:须在5月前完成调研\n")
    rows = [{k: v for k, v in r.items() if k not in ("after", "fixed_month", "notes")} for r in topic_rows(draft)]
    plan = apply_review(draft, rows, body="某县政协", year=2025)
    assert plan.topics[1].notes == draft.plan.topics[1].notes
