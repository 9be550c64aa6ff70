"""冲突与预警: the infeasibility explanation, warnings grouped by kind, filters, jump to the overview."""

from page_helpers import click, goto, html_of, tables_of, texts_of, wait_for_jobs


def test_pin_where_the_leader_is_away_is_explained(open_app, worker):
    at = open_app("whatif")
    at.selectbox(key="wi_pin_topic").set_value("T03")  # the mayor attends T03 …
    at.selectbox(key="wi_pin_month").set_value(6)  # … and is away in June
    click(at, "wi_pin")
    click(at, "wi_replan")
    assert "推演结果无可行方案" in texts_of(at)
    goto(at, "conflicts")
    errors = [e.value for e in at.error]
    assert any("固定在 6月" in e and "市长 6月 不在岗" in e for e in errors), errors
    hard = tables_of(at)[0]
    assert set(hard["类别"]) == {"固定月份", "领导不在岗"}
    assert "领导 市长" in set(hard["对象"])


def test_warnings_grouped_by_kind_with_filters(open_app, engine, worker):
    at = open_app("solve")
    at.slider(key="w_department_overload").set_value(0).run()  # overloads now cost nothing …
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    click(at, "job_adopt")
    goto(at, "conflicts")
    assert "没有硬性冲突" in texts_of(at)
    groups = [e.label for e in at.main.expander]  # the sidebar has its own (修改密码)
    assert any(g.startswith("部门超负荷") for g in groups), groups  # … so the solver accepts some
    assert len(tables_of(at)) == len(groups)
    month = at.selectbox(key="cf_month")
    some = next(m for m in month.options[1:] if any(m in t["月份"].tolist() for t in tables_of(at)))
    month.set_value(int(some.removesuffix("月"))).run()
    assert all(set(t["月份"]) == {some} for t in tables_of(at))


def test_jump_to_overview_filtered_by_entity(open_app, worker):
    at = open_app("whatif")
    at.selectbox(key="wi_pin_topic").set_value("T03")
    at.selectbox(key="wi_pin_month").set_value(6)
    click(at, "wi_pin")
    click(at, "wi_replan")
    goto(at, "conflicts")
    at.selectbox(key="cf_hard_jump").set_value("leader:mayor")
    at.button(key="cf_hard_jump_go").click().run()
    assert at.title[0].value == "全年总览"
    assert at.selectbox(key="ov_leader").value == "mayor"
    assert "市政协十四届二次会议协商议政" in html_of(at)  # T01: the mayor attends
    assert "发展智慧交通" not in html_of(at)  # T11: he does not


def test_current_schedule_checked_even_when_imported(open_app):
    at = open_app("conflicts")  # the published sample schedule, as imported
    assert "当前方案" in at.segmented_control(key="cf_source").options
    assert "没有硬性冲突" in texts_of(at) or any("违反" in e.value for e in at.error)
