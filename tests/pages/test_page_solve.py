"""编排: weights, solve with progress, status, objective per soft goal, proven bound; scenarios."""

from page_helpers import WEIHAI, click, html_of, plan_id_of, tables_of, texts_of

from store import api as store


def test_solve_shows_status_breakdown_and_bound(open_app, engine):
    at = open_app("solve")
    click(at, "solve_go")
    assert "最优方案" in html_of(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["总扣分"] == metrics["已证明下界"]  # proven optimal
    assert metrics["差距"] == "0%"
    breakdown = tables_of(at)[0]
    # every soft goal of the registry, in its order (the optional one too, at weight 0)
    assert list(breakdown["软性目标"]) == [
        "部门超负荷",
        "领导超负荷",
        "未安排在建议月份",
        "全年分布不均",
        "较原方案调整",
        "部门连续两月参加协商",
    ]
    assert int(breakdown["扣分"].sum()) == int(metrics["总扣分"])
    # the answer is the plan's current schedule now, in the database too
    current = store.current_schedule(engine, plan_id_of(engine, WEIHAI))
    assert current.status == "optimal"
    assert current.month_of() == at.session_state["solve_result"].month_of()


def test_weights_change_the_objective(open_app):
    at = open_app("solve")
    at.slider(key="w_preferred_month_missed").set_value(50).run()
    click(at, "solve_go")
    breakdown = tables_of(at)[0].set_index("软性目标")
    assert int(breakdown.loc["未安排在建议月份", "权重"]) == 50


def test_save_scenario_and_list_it(open_app, engine):
    at = open_app("solve")
    click(at, "solve_go")
    at.text_input(key="scn_name").input("主席会议审议稿")
    at.text_input(key="scn_author").input("张三")
    at.button(key="FormSubmitter:scn_form-保存为方案").click().run()
    assert "已保存方案「主席会议审议稿」" in texts_of(at)
    names = [s.name for s in store.list_scenarios(engine, plan_id_of(engine, WEIHAI))]
    assert "主席会议审议稿" in names


def test_infeasible_plan_explains_why(open_app):
    at = open_app("resources")
    gen = at.session_state["editor_generation"]
    at.session_state[f"ed_plan_{gen}"] = {
        "edited_rows": {0: {"max_topics_per_month": 1}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "res_save")
    at.switch_page("pages/solve.py").run()
    click(at, "solve_go")
    assert "无可行方案" in html_of(at)
    assert "每月最多 1 项" in texts_of(at)


def save_scenario(at, name: str) -> None:
    at.text_input(key="scn_name").input(name)
    at.button(key="FormSubmitter:scn_form-保存为方案").click().run()


def test_compare_and_restore_scenarios(open_app, engine):
    pid = plan_id_of(engine, WEIHAI)
    at = open_app("solve")
    click(at, "solve_go")
    save_scenario(at, "甲")
    first = store.current_schedule(engine, pid).month_of()
    at.slider(key="w_preferred_month_missed").set_value(0).run()
    at.slider(key="w_uneven_spread").set_value(100).run()
    click(at, "solve_go")
    save_scenario(at, "乙")
    ids = {s.name: s.id for s in store.list_scenarios(engine, pid)}
    at.selectbox(key="scn_a").set_value(ids["甲"])
    at.selectbox(key="scn_b").set_value(ids["乙"]).run()
    assert "议题安排不同" in texts_of(at) or "完全相同" in texts_of(at)
    at.selectbox(key="scn_restore_pick").set_value(ids["甲"])
    click(at, "scn_restore")
    assert "已将「甲」恢复为当前方案" in texts_of(at)
    assert store.current_schedule(engine, pid).month_of() == first
    assert at.session_state["schedule"].month_of() == first


def test_solving_a_plan_someone_else_changed_is_refused(open_app, engine):
    pid = plan_id_of(engine, WEIHAI)
    at = open_app("solve")
    plan, version = store.load_plan(engine, pid)
    plan.topics[0].notes = "他人修改"
    store.save_plan(engine, pid, plan, version, author="李四")
    click(at, "solve_go")
    assert any("计划已更新为版本 2" in e.value for e in at.error)
    assert store.current_schedule(engine, pid).status != "optimal"  # the published one is still current
