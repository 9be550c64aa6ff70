"""Calendars: parsed back, one month-long all-day event per consultation, stable UIDs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from icalendar import Calendar
from paperwork_samples import plan_and_schedule, sample_plan_paths

from paperwork import (
    PaperworkError,
    all_calendars,
    calendars,
    draft_schedule,
    example_plan,
)
from solver.plan import Assignment, Schedule

STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def involved(plan, schedule, kind, eid):
    lead_of = schedule.lead_of()
    out = set()
    for t in plan.topics:
        if t.id not in lead_of:
            continue
        if kind == "leader" and eid in t.leaders:
            out.add(t.id)
        if kind == "department" and eid in t.departments:
            out.add(t.id)
        if kind == "committee" and (eid == lead_of[t.id] or eid in t.co_organizers):
            out.add(t.id)
    return out


def check_calendar(plan, schedule, kind, eid, data: bytes) -> None:
    cal = Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0" and "协商计划编排" in str(cal["prodid"])
    name = {"leader": plan.leader_by_id, "department": plan.department_by_id, "committee": plan.committee_by_id}[
        kind
    ]()[eid].name
    assert name in str(cal["x-wr-calname"]) and str(plan.year) in str(cal["x-wr-calname"])
    events = cal.walk("VEVENT")
    month_of = schedule.month_of()
    titles = {t.id: t.title for t in plan.topics}
    seen = set()
    for ev in events:
        tid = str(ev["uid"]).split("@")[0].split("-", 2)[2]  # year-body-topic@…
        seen.add(tid)
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        # month-level: whole-day dates (not date-times) from the 1st to the 1st of next month
        assert type(start) is dt.date and type(end) is dt.date
        m = month_of[tid]
        assert start == dt.date(plan.year, m, 1)
        assert end == (dt.date(plan.year + 1, 1, 1) if m == 12 else dt.date(plan.year, m + 1, 1))
        assert ev["dtstart"].params.get("VALUE") == "DATE"
        assert str(ev["transp"]) == "TRANSPARENT"
        assert "只定到月份" in str(ev["description"])
        summary = str(ev["summary"])
        assert summary.startswith("【") and titles[tid][:4] in summary
    assert seen == involved(plan, schedule, kind, eid)
    assert len({str(ev["uid"]) for ev in events}) == len(events)


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.name)
def test_every_calendar_of_every_sample_plan_parses_back(path):
    plan, schedule = plan_and_schedule(path)
    for kind, items in (("leader", plan.leaders), ("department", plan.departments), ("committee", plan.committees)):
        for item in items:
            data = calendars(plan, schedule, kind=kind, entity_id=item.id, stamp=STAMP)
            check_calendar(plan, schedule, kind, item.id, data)


def test_uids_are_stable_and_output_deterministic():
    plan = example_plan()
    a = calendars(plan, None, kind="leader", entity_id="mayor", stamp=STAMP)
    b = calendars(plan, None, kind="leader", entity_id="mayor", stamp=STAMP)
    assert a == b
    # the same consultation keeps its UID when moved to another month
    sched = draft_schedule(plan)
    moved = Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[Assignment(topic=x.topic, month=(x.month % 12) + 1, lead=x.lead) for x in sched.assignments],
    )
    uids = lambda data: sorted(str(e["uid"]) for e in Calendar.from_ical(data).walk("VEVENT"))
    assert uids(a) == uids(calendars(plan, moved, kind="leader", entity_id="mayor", stamp=STAMP))


def test_december_ends_on_new_years_day():
    plan = example_plan()
    sched = Schedule(
        plan_year=plan.year, status="optimal", assignments=[Assignment(topic="T03", month=12, lead="agri")]
    )
    (ev,) = Calendar.from_ical(calendars(plan, sched, kind="department", entity_id="nyj")).walk("VEVENT")
    assert ev.decoded("dtend") == dt.date(plan.year + 1, 1, 1)


def test_lines_are_folded_and_crlf():
    data = calendars(example_plan(), None, kind="leader", entity_id="mayor", stamp=STAMP)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert lines[-1] == b""
    data.decode("utf-8")  # folding never splits a character


def test_unknown_entity_and_kind():
    plan = example_plan()
    with pytest.raises(PaperworkError) as err:
        calendars(plan, None, kind="leader", entity_id="nobody")
    assert "没有编号为“nobody”的领导" in str(err.value)
    with pytest.raises(PaperworkError):
        calendars(plan, None, kind="mayor", entity_id="mayor")  # type: ignore[arg-type]
    with pytest.raises(PaperworkError):
        calendars(plan, Schedule(plan_year=plan.year, status="infeasible"), kind="leader", entity_id="mayor")


def test_all_calendars_zip():
    plan = example_plan()
    with zipfile.ZipFile(io.BytesIO(all_calendars(plan, None, stamp=STAMP))) as zf:
        names = zf.namelist()
        assert "2024年协商活动-领导-市长.ics" in names
        assert all(n.endswith(".ics") for n in names)
        for n in names:
            assert Calendar.from_ical(zf.read(n)).walk("VEVENT")
