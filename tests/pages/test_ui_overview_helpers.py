"""Helpers of the overview, 负荷 and 推演 pages (issue 11, Browser): plain functions, no app run."""

from __future__ import annotations

from html import escape

from page_helpers import ROOT

from solver import load_plan
from solver.plan import Assignment, Schedule
from solver.whatif import MonthOption


def weihai():
    return load_plan(ROOT / "data" / "weihai-2023.json")


def _schedule(plan, months: dict[str, int]) -> Schedule:
    return Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[Assignment(topic=t.id, month=months[t.id], lead=t.lead_options[0]) for t in plan.topics],
    )


def _spread(plan, months=(3, 4, 5, 6, 7, 9, 10, 11)) -> dict[str, int]:
    return {t.id: months[i % len(months)] for i, t in enumerate(plan.topics)}


# -- 3. the monthly totals: one bar a month, the limit labelled ---------------------------------------


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def test_month_totals_give_one_bar_a_month_stacked_by_form():
    from ui import charts

    plan = weihai()
    months = _spread(plan, (4, 4, 4, 6, 9))
    spec = charts.month_totals(plan, _schedule(plan, months)).to_dict()
    data = {name: rows for name, rows in spec["datasets"].items()}
    bars = next(
        layer
        for layer in _layers(spec)
        if layer.get("mark", {}).get("type") == "bar"
        if isinstance(layer["mark"], dict)
    )
    rows = data[bars["data"]["name"]]
    # one row per (month, form) — never one per topic — and the counts add up to the topics
    assert len({(r["month_label"], r["form"]) for r in rows}) == len(rows)
    assert sum(r["n"] for r in rows) == len(plan.topics)
    april = sum(r["n"] for r in rows if r["month_label"] == "4月")
    assert april == sum(1 for m in months.values() if m == 4)
    assert bars["encoding"]["y"]["aggregate"] == "sum"


def test_month_totals_label_the_limit_line():
    from ui import charts
    from ui import texts as U

    plan = weihai()
    plan.calendar.max_topics_per_month = 3
    spec = charts.month_totals(plan, _schedule(plan, _spread(plan))).to_dict()
    texts = [
        layer for layer in _layers(spec) if isinstance(layer.get("mark"), dict) and layer["mark"]["type"] == "text"
    ]
    assert texts, "the limit line has no label"
    label = spec["datasets"][texts[0]["data"]["name"]][0]["label"]
    assert label == U.LD_MONTH_LIMIT.format(n=3) and "3" in label


# -- 4. 月份建议: feasible by penalty change, then the infeasible ones by month ----------------------


def test_infeasible_suggestions_are_in_month_order():
    from ui import frames

    def opt(m, feasible, change):
        return MonthOption(m, False, feasible, [] if feasible else [f"{m}月不可"], change, {})

    # as the solver ranks them today: infeasible ones by their (meaningless) penalty change
    rows = [opt(5, True, -3), opt(7, True, 0), opt(3, True, 0), opt(11, False, -9), opt(2, False, 1), opt(8, False, 4)]
    order = [r.month for r in frames.suggestion_order(rows)]
    assert order == [5, 3, 7, 2, 8, 11]
    plan = weihai()
    df = frames.suggestions_frame(plan, plan.topics[0].id, rows)
    assert list(df["月份"]) == ["5月", "3月", "7月", "2月", "8月", "11月"]


# -- 1. overloads marked on the year overview ----------------------------------------------------------


def _overloaded(plan) -> tuple[Schedule, str]:
    """T03 and T06 (both with 市商务局, limit 1) in July; every other topic in a month of its own kind."""
    months = _spread(plan, (3, 4, 5, 6, 8, 9, 10, 11, 12))
    months["T03"] = months["T06"] = 7
    return _schedule(plan, months), "市商务局"


def test_the_calendar_marks_the_topics_of_an_overloaded_month():
    from solver.checker import check
    from solver.rules.load import DepartmentOverload
    from ui import calendar

    plan = weihai()
    schedule, dept = _overloaded(plan)
    report = check(plan, schedule)
    mine = [f for f in report.warnings if f.kind == DepartmentOverload.name and dept in f.message]
    assert mine and set(mine[0].topics) == {"T03", "T06"}
    over = calendar.overloads_of(report.warnings)
    html = calendar.year_html(plan, schedule, overloads=over)
    cards = {c.split('data-topic="')[1].split('"')[0]: c for c in html.split('<div class="xs-card')[1:]}
    for tid in ("T03", "T06"):
        assert cards[tid].startswith(" over"), tid
        assert DepartmentOverload.text.label in cards[tid] and dept in cards[tid]  # badge + the finding on hover
    marked = {tid for tid, c in cards.items() if c.startswith(" over")}
    assert marked == set(over)  # exactly the topics the checker names
    assert "over-tag" in html.split('<div class="xs-year">')[0]  # explained in the legend
    # no overloads: no badge, no legend entry
    plain = calendar.year_html(plan, schedule, overloads={})
    assert "over-tag" not in plain.split("</style>")[1]


def test_overloads_of_keeps_only_department_and_leader_overloads():
    from solver.checker import check
    from solver.rules.load import DepartmentOverload, LeaderOverload
    from ui import calendar

    plan = weihai()
    months = _spread(plan, (3, 4, 5, 6, 8, 9, 10, 11, 12))
    months["T01"] = months["T02"] = 7  # 市委书记 and 市政协主席 twice in July (leaders, limit 1)
    report = check(plan, _schedule(plan, months))
    kinds = {f.kind for f in report.warnings}
    assert LeaderOverload.name in kinds
    over = calendar.overloads_of(report.warnings)
    expected = {
        tid for f in report.warnings if f.kind in (DepartmentOverload.name, LeaderOverload.name) for tid in f.topics
    }
    assert set(over) == expected and {"T01", "T02"} <= expected
    assert LeaderOverload.text.label in {label for label, _ in over["T01"]}


# -- 6. the month × form matrix -----------------------------------------------------------------------


def test_the_matrix_counts_every_topic_once_with_titles_on_hover():
    from ui import calendar

    plan = load_plan(ROOT / "data" / "synthetic-200.json")
    months = _spread(plan, (3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
    schedule = _schedule(plan, months)
    html = calendar.matrix_html(plan, schedule)
    tips = {}
    for part in html.split("<td ")[1:]:
        if "data-cell=" in part:
            title = part.split('title="')[1].split('"')[0]
            key = part.split('data-cell="')[1].split('"')[0]
            count = int(part.split(">", 1)[1].split("<", 1)[0])
            tips[key] = (count, title)
    assert sum(n for n, _ in tips.values()) == len(plan.topics)
    for t in plan.topics:
        _, title = tips[f"{months[t.id]}:{t.form}"]
        assert escape(t.title) in title
    assert html.count("<tr") == 1 + 12  # header + a row a month: one screen, whatever the number of topics
    assert '<div class="xs-card' not in html  # no topic cards


def test_the_matrix_shows_unplaced_topics_and_overloads():
    from solver.checker import check
    from ui import calendar

    plan = weihai()
    html = calendar.matrix_html(plan, None)
    assert "待编排" in html and html.count("<tr") == 1 + 13
    schedule, _ = _overloaded(plan)
    report = check(plan, schedule)
    over = calendar.overloads_of(report.warnings)
    html = calendar.matrix_html(plan, schedule, overloads=over)
    july = [p for p in html.split("<td ")[1:] if 'data-cell="7:' in p]
    assert july and all('class="n over"' in "<td " + p for p in july)
    marked = {p.split('data-cell="')[1].split('"')[0] for p in html.split("<td ")[1:] if p.startswith('class="n over"')}
    topic = plan.topic_by_id()
    assert marked == {f"{schedule.month_of()[tid]}:{topic[tid].form}" for tid in over}
    # a filter keeps only the topics shown
    only = calendar.matrix_html(plan, schedule, {"T03"}, overloads=over)
    assert only.count("data-cell=") == 1
