"""全年总览: every topic on the calendar, KPIs, filters, blackout/session months, exports."""

from page_helpers import ROOT, html_of, plan_id_of, texts_of

from solver import load_plan
from store import api as store


def weihai():
    return load_plan(ROOT / "data" / "weihai-2023.json")


def test_every_topic_of_the_sample_plan_is_on_the_calendar(open_app):
    at = open_app("overview")
    html = html_of(at)
    plan = weihai()
    for t in plan.topics:
        assert t.title in html, t.title
    assert 'data-month="1"' in html and "全会" in html  # session month marked
    assert "不安排" in html  # blackout month (February) marked
    assert at.title[0].value == "全年总览"


def test_kpis_count_topics_and_forms(open_app):
    at = open_app("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["议题总数"] == "11"
    assert metrics["方案状态"] in ("最优", "可行")
    # topics by form, with the form names of the plan
    html = html_of(at)
    for form in weihai().forms:
        assert form.name in html


def test_filter_by_department_shows_only_its_topics(open_app):
    at = open_app("overview")
    plan = weihai()
    dept = next(d for d in plan.departments if d.name == "市商务局")
    mine = [t for t in plan.topics if dept.id in t.departments]
    others = [t for t in plan.topics if dept.id not in t.departments]
    at.selectbox(key="ov_department").set_value(dept.id).run()
    html = html_of(at)
    assert all(t.title in html for t in mine)
    assert not any(t.title in html for t in others)
    assert f"筛选结果:{len(mine)} 个议题" in texts_of(at)
    at.button(key="ov_clear").click().run()
    assert all(t.title in html_of(at) for t in plan.topics)


def test_list_tab_names_instead_of_ids(open_app):
    at = open_app("overview")
    assert not at.dataframe  # tabs are lazy: only the calendar is drawn at first
    at.session_state["ov_tab"] = "列表"
    at.run()
    table = at.dataframe[0].value
    assert len(table) == 11
    assert "提案委" in set(table["承办专委会"])  # a committee by name, not by id


def test_a_plan_without_schedule_shows_its_topics_waiting(open_app, engine):
    plan = weihai()
    plan.body, plan.year = "测试市政协", 2031
    store.create_plan(engine, plan)
    at = open_app("overview", body="测试市政协")
    html = html_of(at)
    assert "待编排" in html
    assert all(t.title in html for t in plan.topics)
    assert "尚未编排" in texts_of(at)


def test_export_buttons_are_offered(open_app):
    at = open_app("overview")
    labels = {b.label for b in at.get("download_button")}
    assert {"计划文件(Word)", "计划表(Excel)", "全部日历(ZIP)", "计划数据(JSON)"} <= labels


def test_export_constants_follow_paperwork():
    import paperwork
    from ui import downloads, exports

    plan = weihai()
    assert exports.MAX_UPLOAD_MB * 1024 * 1024 == paperwork.MAX_UPLOAD_BYTES
    for kind in ("xlsx", "docx", "ics", "zip"):
        assert downloads.FILE_KINDS[kind][0] == getattr(paperwork, f"{kind.upper()}_MIME")
    leader = plan.leaders[0]
    ours = f"{plan.year}年协商活动-领导-{leader.name}.ics"
    assert ours == paperwork.calendar_filename(plan, "leader", leader.id)


def test_switching_plans_drops_filters_of_the_old_plan(open_app, engine):
    at = open_app("overview")
    at.selectbox(key="ov_department").set_value("shangwu").run()
    at.session_state["plan_picker"] = plan_id_of(engine, "洛阳市政协")
    at.run()
    assert not at.exception
    assert at.selectbox(key="ov_department").value is None
    assert "洛阳" in at.caption[0].value


def test_overloads_of_the_current_schedule_are_marked(open_app, engine):
    from solver.plan import Assignment, Schedule
    from solver.rules.load import DepartmentOverload

    plan = weihai()
    spread = (3, 4, 5, 6, 8, 9, 10, 11, 12)
    months = {t.id: spread[i % len(spread)] for i, t in enumerate(plan.topics)}
    months["T03"] = months["T06"] = 7  # both with 市商务局 (limit 1)
    schedule = Schedule(
        plan_year=plan.year,
        status="feasible",
        assignments=[Assignment(topic=t.id, month=months[t.id], lead=t.lead_options[0]) for t in plan.topics],
    )
    store.set_current_schedule(engine, plan_id_of(engine, "威海市政协"), schedule)
    html = html_of(open_app("overview"))
    cards = {c.split('data-topic="')[1].split('"')[0]: c for c in html.split('<div class="xs-card')[1:]}
    assert cards["T03"].startswith(" over") and cards["T06"].startswith(" over")
    assert DepartmentOverload.text.label in cards["T03"] and "市商务局" in cards["T03"]


def test_the_overview_says_when_the_plan_was_edited_after_its_schedule(open_app, engine):
    at = open_app("overview")
    assert "重新编排" not in texts_of(at)  # the sample's schedule was made from the plan as it is
    pid = plan_id_of(engine, "威海市政协")
    plan, version = store.load_plan(engine, pid)
    plan.topics[0].notes = "会前补充调研"
    store.save_plan(engine, pid, plan, version, author="李四")
    at = open_app("overview")
    said = texts_of(at)
    assert "重新编排" in said and "李四" in said
    assert f"第 {version + 1} 版" in said and f"第 {version} 版" in said


def test_a_large_plan_opens_on_the_month_by_form_matrix(open_app, engine):
    at = open_app("overview", body="某市政协")
    html = html_of(at)
    assert 'class="xs-matrix"' in html and '<div class="xs-card' not in html
    pid = plan_id_of(engine, "某市政协")
    at.session_state[f"ov_view_{pid}"] = "cards"
    at.run()
    assert not at.exception
    assert html_of(at).count('<div class="xs-card" ') + html_of(at).count('<div class="xs-card over" ') == 200


def test_the_small_sample_opens_on_cards_and_can_show_the_matrix(open_app, engine):
    at = open_app("overview")
    assert '<div class="xs-card' in html_of(at)
    at.session_state[f"ov_view_{plan_id_of(engine, '威海市政协')}"] = "matrix"
    at.run()
    html = html_of(at)
    assert 'class="xs-matrix"' in html and html.count("data-cell=") >= 1


def test_a_plan_added_from_the_shell_appears_in_the_picker_without_a_restart(open_app, engine):
    """The plan list is cached per server; a plan written by another process (``python -m store import``)
    shows up within the cache's TTL (it stayed invisible until the server restarted)."""
    import time

    from page_helpers import WEIHAI

    from ui.state import PLAN_LIST_TTL_S

    at = open_app("overview")
    plan, _ = store.load_plan(engine, plan_id_of(engine, WEIHAI))
    store.create_plan(engine, plan.model_copy(update={"body": "新导入市政协"}))  # as another process would
    time.sleep(PLAN_LIST_TTL_S + 0.5)
    at.run()
    assert any("新导入市政协" in str(o) for o in at.selectbox(key="plan_picker").options)
