"""paperwork.leadership: the one-page sheet's HTML (views, marks, escaping).

Printed by a real Chromium in tests/services/test_printing.py.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

import pytest

from paperwork import leadership as L
from solver import check, load_plan
from solver.greedy import greedy_schedule
from solver.plan import Finding, Schedule
from tests.paperwork.paperwork_samples import ROOT
from tools.generate import generate_plan

WEIHAI = ROOT / "data" / "weihai-2023.json"


def _weihai():
    plan = load_plan(WEIHAI)
    schedule = Schedule.model_validate_json((ROOT / "data" / "weihai-2023.published.json").read_text("utf-8"))
    report = check(plan, schedule)
    return plan, schedule, [*report.hard, *report.warnings]


def test_every_topic_is_in_its_month_grouped_by_form():
    plan, schedule, findings = _weihai()
    sheet = L.leadership_sheet(plan, schedule, findings, made_on=date(2023, 3, 1))
    assert sheet.view == "detail"
    month_of = schedule.month_of()
    boxes = dict(re.findall(r'data-month="(\d+)">(.*?)</section>', sheet.body))
    assert len(boxes) == 12
    for t in plan.topics:
        box = boxes[str(month_of[t.id])]
        assert f'data-topic="{t.id}"' in box
        name = plan.form_by_id()[t.form].name
        # the topic sits under its form's label in that month
        assert box.index(f'<div class="ls-gl">{name}</div>') < box.index(f'data-topic="{t.id}"')
    assert "2023年3月1日" in sheet.body


def test_overloads_come_from_the_findings_given_and_are_numbered():
    plan, schedule, findings = _weihai()
    over = L.overloads_of(findings)  # numbered in month order
    assert {f.kind for f in over} <= set(L.OVERLOAD_KINDS)
    assert over, "the published Weihai schedule overloads departments"
    sheet = L.leadership_sheet(plan, schedule, findings)
    for n, f in enumerate(over, 1):
        assert f.message in sheet.body
        for tid in f.topics:
            li = re.search(rf'<li class="[^"]*" data-topic="{tid}">.*?</li>', sheet.body).group(0)
            assert L.CIRCLED[n - 1] in li
    # the sheet computes nothing itself: without findings, no marks
    bare = L.leadership_sheet(plan, schedule, [])
    assert 'class="mk"' not in bare.body and "ls-t focus over" not in bare.body
    # findings of other kinds (a missed preferred month) are not overloads
    other = Finding(kind="preferred_month_missed", message="不是负荷", month=5, topics=[plan.topics[1].id])
    assert "不是负荷" not in L.leadership_sheet(plan, schedule, [other]).body


def test_approval_state_and_version_only_when_given():
    plan, schedule, findings = _weihai()
    plain = L.leadership_sheet(plan, schedule, findings)
    assert "审批状态" not in plain.body and "版</span>" not in plain.body
    shown = L.leadership_sheet(plan, schedule, findings, state_label="主席会议审议", version_number=3)
    assert "审批状态:主席会议审议" in shown.body and "第 3 版" in shown.body


def test_focus_topics_are_the_head_and_focus_forms_and_key_proposals():
    plan = generate_plan(60, seed=1)
    forms = plan.form_by_id()
    focus = {t.id for t in plan.topics if L.is_focus(t, forms[t.form].name)}
    for t in plan.topics:
        name = forms[t.form].name
        expected = "全体会议" in name or "常委会" in name or "双月" in name or "专题协商会" in name or "重点" in t.title
        assert (t.id in focus) == expected, (t.title, name)
    sheet = L.leadership_sheet(plan, greedy_schedule(plan))
    assert sheet.body.count('class="star"') == len(focus)


def test_names_are_escaped():
    plan, schedule, _ = _weihai()
    evil = '<script>alert("x")</script> **粗** & <b>[链接](http://x)</b>'
    plan.topics[1].title = evil
    plan.forms[1].name = "<i>形式</i>"
    plan.departments[0].name = "<img src=x onerror=alert(1)>"
    plan.body = "<u>某市</u>政协"
    report = check(plan, schedule)
    sheet = L.leadership_sheet(plan, schedule, [*report.hard, *report.warnings])
    for raw in ("<script>", "<i>形式", "<img", "<u>某市", "<b>[链接]"):
        assert raw not in sheet.document
    assert "&lt;script&gt;" in sheet.body and "**粗** &amp; &lt;b&gt;[链接](http://x)&lt;/b&gt;" in sheet.body
    assert "&lt;u&gt;某市&lt;/u&gt;政协" in sheet.document  # the title element too


def test_a_large_plan_gets_the_summary_with_counts_by_form_and_month():
    plan = generate_plan(1000, seed=1)
    schedule = greedy_schedule(plan)
    sheet = L.leadership_sheet(plan, schedule, check(plan, schedule).warnings)
    assert sheet.view == "summary"
    body = sheet.body
    assert "各月重点议题" in body
    # the table's total row: one cell per form column, they add up to the plan
    foot = re.search(r"<tfoot>(.*?)</tfoot>", body).group(1)
    cells = [int(x) for x in re.findall(r"<td[^>]*>(\d+)</td>", foot)]
    placed = len(schedule.assignments)
    assert sum(cells[:-2]) == placed and cells[-2] == placed
    # each month's row adds up to the topics placed in it
    month_of = schedule.month_of()
    rows = re.findall(r"<tbody>(.*?)</tbody>", body)[0].split("</tr>")
    for m in range(1, 13):
        n = sum(1 for v in month_of.values() if v == m)
        sums = re.findall(r'<td class="sum">(\d*)</td>', rows[m - 1])
        assert sums == [str(n) if n else ""]


@pytest.mark.parametrize("n", [11, 60])
def test_a_city_plan_gets_the_detail_view(n):
    plan = generate_plan(n, seed=1)
    sheet = L.leadership_sheet(plan, greedy_schedule(plan))
    assert sheet.view == "detail" and L.MIN_FS <= sheet.font_pt <= L.MAX_FS
    assert all(escape(t.title) in sheet.body for t in plan.topics)


def test_a_province_plans_many_forms_fold_into_families():
    from tools.province import province_plan

    plan = province_plan(1000, seed=1)
    assert len(plan.forms) > L.SUMMARY_COLUMNS
    sheet = L.leadership_sheet(plan, greedy_schedule(plan), view="summary")
    head = re.search(r"<thead>(.*?)</thead>", sheet.body).group(1)
    assert head.count("<span>") <= L.SUMMARY_COLUMNS
    assert "专题议政性常委会议" in head and "东川市" not in head


def test_no_schedule_shows_the_plans_own_months_as_a_draft():
    from paperwork import draft_schedule

    plan = generate_plan(30, seed=2)
    sheet = L.leadership_sheet(plan, None)
    assert sheet.view == "detail" and "尚未编排" in sheet.body and "ls-tray" not in sheet.body
    boxes = dict(re.findall(r'data-month="(\d+)">(.*?)</section>', sheet.body))
    for tid, m in draft_schedule(plan).month_of().items():
        assert f'data-topic="{tid}"' in boxes[str(m)]


def test_topics_a_schedule_leaves_out_are_in_the_tray():
    plan = generate_plan(30, seed=2)
    schedule = greedy_schedule(plan)
    left_out = {a.topic for a in schedule.assignments[:5]}
    schedule.assignments = schedule.assignments[5:]
    sheet = L.leadership_sheet(plan, schedule)
    tray = sheet.body.split("ls-tray", 1)[1]
    assert {t for t in re.findall(r'data-topic="([^"]+)"', tray)} == left_out


def test_many_overloads_are_counted_by_kind_and_the_topics_still_listed():
    plan = generate_plan(60, seed=1)
    for d in plan.departments:
        d.max_per_month = 0  # every department overloaded wherever it attends
    schedule = greedy_schedule(plan)
    findings = check(plan, schedule).warnings
    over = L.overloads_of(findings)
    assert len(over) > L.MAX_NUMBERED
    sheet = L.leadership_sheet(plan, schedule, findings)
    assert sheet.view == "detail"
    assert "①" not in sheet.body and 'class="mk plain"' in sheet.body
    assert f"部门超负荷 {len(over)} 处" in sheet.body
    assert all(f'data-topic="{t.id}"' in sheet.body for t in plan.topics)
