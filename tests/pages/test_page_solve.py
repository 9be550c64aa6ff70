"""编排: a solve is a job computed by a real worker process; the page shows it from the job record.

Status, objective per soft goal and proven bound of the result; the result is
a candidate until adopted; leaving the page or starting a new session (a
restarted web server) loses nothing; cancel; scenarios.
"""

from __future__ import annotations

from page_helpers import (
    APP,
    TIMEOUT,
    WEIHAI,
    click,
    html_of,
    plan_id_of,
    sign_in,
    tables_of,
    texts_of,
    wait_for_jobs,
)
from streamlit.testing.v1 import AppTest

from services import jobs
from solver.options import SolveOptions
from store import api as store
from tests.actors import PLANNER
from tests.solver.checked import assert_checked


def _check_result(engine, job) -> None:
    plan = store.load_plan(engine, job.plan_id)[0]
    assert_checked(plan, job.result, SolveOptions.model_validate(job.options))


def test_solve_job_shows_status_breakdown_and_bound_then_adopt(open_app, engine, worker):
    pid = plan_id_of(engine, WEIHAI)
    published = store.current_schedule(engine, pid)
    at = open_app("solve")
    click(at, "solve_go")
    assert "已提交编排任务" in texts_of(at)
    wait_for_jobs(at, engine)
    assert "最优方案" in html_of(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["总扣分"] == metrics["已证明下界"]  # proven optimal
    assert metrics["差距"] == "0%"
    breakdown = tables_of(at)[0]
    assert list(breakdown["软性目标"])[:5] == [
        "部门超负荷",
        "领导超负荷",
        "未安排在建议月份",
        "全年分布不均",
        "较原方案调整",
    ]
    assert int(breakdown["扣分"].sum()) == int(metrics["总扣分"])
    job = jobs.plan_jobs(engine, pid, actor=PLANNER)[0]
    _check_result(engine, job)
    # a candidate: the current schedule has not changed
    assert store.current_schedule(engine, pid) == published
    assert "尚未采用" in texts_of(at)
    sign_in(at, engine, role="admin")  # another account adopts: the record names it, not a typed name
    click(at, "job_adopt")
    assert "已采用编排任务" in texts_of(at)
    current = store.current_schedule(engine, pid)
    assert current.status == "optimal"
    assert current.month_of() == job.result.month_of()
    assert at.session_state["schedule"].month_of() == job.result.month_of()
    adopted = jobs.job(engine, job.id, actor=PLANNER)
    assert adopted.adopted_by == "测试admin" and adopted.adopted_at is not None


def test_leaving_the_page_and_coming_back_keeps_the_result(open_app, engine, worker):
    at = open_app("solve")
    click(at, "solve_go")
    at.switch_page("pages/overview.py").run()  # the planner looks at the year meanwhile
    assert not at.exception
    wait_for_jobs(at, engine)
    at.switch_page("pages/solve.py").run()
    assert "最优方案" in html_of(at)
    assert "尚未采用" in texts_of(at)


def test_a_new_session_sees_the_job(open_app, engine, worker):
    """A restarted web server: a new session (and emptied caches) finds the job in the database."""
    import streamlit as st

    at = open_app("solve")
    click(at, "solve_go")
    job_id = at.session_state["solve_job_id"]
    st.cache_resource.clear()
    st.cache_data.clear()
    fresh = sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT), engine)
    fresh.run()
    fresh.session_state["plan_picker"] = plan_id_of(engine, WEIHAI)
    fresh.switch_page("pages/solve.py").run()
    assert f"编排任务 #{job_id}" in texts_of(fresh)
    wait_for_jobs(fresh, engine)
    assert f"编排任务 #{job_id} · 已完成" in texts_of(fresh)
    assert "最优方案" in html_of(fresh)


def test_cancel_a_job(open_app, engine):
    """No worker runs: the job waits in the queue, and 取消任务 cancels it at once."""
    at = open_app("solve")
    click(at, "solve_go")
    assert "排队中" in texts_of(at)
    click(at, "job_cancel")
    job = jobs.plan_jobs(engine, plan_id_of(engine, WEIHAI), actor=PLANNER)[0]
    assert job.status == "cancelled"
    assert "任务已取消" in "\n".join(w.value for w in at.warning)


def test_weights_change_the_objective(open_app, engine, worker):
    at = open_app("solve")
    at.slider(key="w_preferred_month_missed").set_value(50).run()
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    breakdown = tables_of(at)[0].set_index("软性目标")
    assert int(breakdown.loc["未安排在建议月份", "权重"]) == 50


def test_save_scenario_and_list_it(open_app, engine):
    at = open_app("solve")
    at.text_input(key="scn_name").input("主席会议审议稿")
    at.button(key="FormSubmitter:scn_form-保存为方案").click().run()
    assert "已保存方案「主席会议审议稿」" in texts_of(at)
    saved = {s.name: s.author for s in store.list_scenarios(engine, plan_id_of(engine, WEIHAI))}
    assert saved["主席会议审议稿"] == "测试planner"  # the signed-in account's name


def test_infeasible_plan_explains_why(open_app, engine, worker):
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
    wait_for_jobs(at, engine)
    assert "无可行方案" in html_of(at)
    assert "每月最多 1 项" in texts_of(at)
    at.switch_page("pages/conflicts.py").run()
    assert "每月最多 1 项" in texts_of(at)


def save_scenario(at, name: str) -> None:
    at.text_input(key="scn_name").input(name)
    at.button(key="FormSubmitter:scn_form-保存为方案").click().run()


def test_compare_and_restore_scenarios(open_app, engine, worker):
    pid = plan_id_of(engine, WEIHAI)
    at = open_app("solve")
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    click(at, "job_adopt")
    save_scenario(at, "甲")
    first = store.current_schedule(engine, pid).month_of()
    at.slider(key="w_preferred_month_missed").set_value(0).run()
    at.slider(key="w_uneven_spread").set_value(100).run()
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    click(at, "job_adopt")
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
    assert any("计划已保存到第 2 次" in e.value for e in at.error)
    assert jobs.plan_jobs(engine, pid, actor=PLANNER) == []  # nothing queued


def test_adopting_a_result_of_a_plan_changed_since_is_refused(open_app, engine, worker):
    pid = plan_id_of(engine, WEIHAI)
    published = store.current_schedule(engine, pid)
    at = open_app("solve")
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    plan, version = store.load_plan(engine, pid)
    plan.topics[0].notes = "他人修改"
    store.save_plan(engine, pid, plan, version, author="李四")
    click(at, "job_adopt")
    assert any("计划已保存到第 2 次" in e.value for e in at.error)
    assert store.current_schedule(engine, pid) == published
