"""推演: pin and re-plan with the diff, what changed for whom, suggestions, adopt with version check."""

from page_helpers import ROOT, WEIHAI, click, goto, plan_id_of, tables_of, texts_of

from store import api as store


def pin(at, topic: str, month: int):
    at.selectbox(key="wi_pin_topic").set_value(topic)
    at.selectbox(key="wi_pin_month").set_value(month)
    return click(at, "wi_pin")


def test_pin_a_topic_and_replan_shows_it_moved(open_app, worker):
    at = open_app("whatif")
    pin(at, "T03", 9)
    assert "固定到 9月" in texts_of(at)
    click(at, "wi_replan")
    moved = next(t for t in tables_of(at) if "原月份" in t.columns)
    row = moved[moved["议题名称"].str.startswith("T03")]
    assert list(row["新月份"]) == ["9月"]
    assert {m.label: m.value for m in at.metric}["调整的议题"] == str(len(moved))
    # what changed for you: the leaders of T03 are among the entities
    labels = at.selectbox(key="wi_for_you").options
    assert any("市长" in x for x in labels)
    assert len(at.get("vega_lite_chart")) == 2  # before/after loads and months


def test_suggestions_rank_every_month_and_move_there(open_app, worker):
    at = open_app("whatif")
    at.selectbox(key="wi_sugg_topic").set_value("T04").run()
    table = next(t for t in tables_of(at) if "可行" in t.columns)
    assert len(table) == 12
    assert sum(table["月份"].str.endswith("(当前)")) == 1
    blocked = table[table["可行"].str.contains("不可行")]
    assert all(blocked["原因"].str.len() > 0)  # every infeasible month says why
    assert "超出时间窗口" in " ".join(blocked["原因"])
    at.selectbox(key="wi_sugg_month").set_value(10)
    click(at, "wi_sugg_move")
    moved = next(t for t in tables_of(at) if "原月份" in t.columns)
    assert "10月" in set(moved["新月份"])


def test_mark_leader_away_and_change_limit_are_logged(open_app, worker):
    at = open_app("whatif")
    at.selectbox(key="wi_leader").set_value("mayor")
    at.selectbox(key="wi_leader_month").set_value(10)
    click(at, "wi_away")
    at.selectbox(key="wi_limit_kind").set_value("month").run()
    at.number_input(key="wi_limit_value_month_None").set_value(2)
    click(at, "wi_limit_set")
    log = texts_of(at)
    assert "市长 10月 不在岗" in log and "每月议题总数上限改为 2" in log
    click(at, "wi_replan")
    assert "调整的议题" in {m.label for m in at.metric}


def test_adopt_saves_plan_and_schedule(open_app, engine, worker):
    pid = plan_id_of(engine, WEIHAI)
    _, version = store.load_plan(engine, pid)
    at = open_app("whatif")
    pin(at, "T03", 9)
    click(at, "wi_replan")
    click(at, "wi_adopt")
    assert "已采用" in texts_of(at)
    plan, new_version = store.load_plan(engine, pid)
    assert new_version == version + 1
    assert plan.topic_by_id()["T03"].fixed_month == 9
    assert store.current_schedule(engine, pid).month_of()["T03"] == 9


def test_adopt_refuses_a_stale_copy(open_app, engine, worker):
    pid = plan_id_of(engine, WEIHAI)
    at = open_app("whatif")
    pin(at, "T03", 9)
    click(at, "wi_replan")
    plan, version = store.load_plan(engine, pid)  # someone else saves in between
    plan.topics[0].notes = "他人修改"
    store.save_plan(engine, pid, plan, version, author="李四")
    click(at, "wi_adopt")
    assert "已被李四" in texts_of(at) and "未保存" in texts_of(at)
    assert store.load_plan(engine, pid)[0].topic_by_id()["T03"].fixed_month is None


def test_needs_a_schedule_first(open_app, engine):
    from solver import load_plan

    plan = load_plan(ROOT / "data" / "weihai-2023.json")
    plan.body, plan.year = "测试市政协", 2031
    store.create_plan(engine, plan)
    at = open_app("whatif", body="测试市政协")
    assert "请先到「编排」页编排" in texts_of(at)
    goto(at, "overview")


def test_a_replan_left_while_it_ran_is_shown_when_the_planner_comes_back(open_app, engine, worker):
    """推演 was left mid-wait (another page opened): the job ran on; back on 推演 its answer is there."""
    from services import jobs
    from solver.options import SolveOptions

    at = open_app("whatif")
    pin(at, "T03", 9)
    s = at.session_state
    # what the 重新编排 button does before it waits; the wait itself is what leaving the page cut short
    job_id = jobs.submit_replan(
        engine,
        s["plan_id"],
        s["plan_version"],
        s["wi_plan"],
        s["wi_base"],
        SolveOptions(time_limit_s=10),
        actor=s["_actor"],  # the signed-in account of this session
    )
    at.session_state["wi_job"] = job_id
    goto(at, "overview")
    goto(at, "whatif")
    assert at.session_state["wi_job"] is None and at.session_state["wi_after"] is not None
    moved = next(t for t in tables_of(at) if "原月份" in t.columns)
    assert list(moved[moved["议题名称"].str.startswith("T03")]["新月份"]) == ["9月"]
