"""Names and titles are text on every page (no Markdown from a title); one month spelling; no count unsolved."""

from __future__ import annotations

import re

from page_helpers import ROOT, WEIHAI, click, plan_id_of, texts_of

from solver import load_plan
from solver.plan import Schedule
from store import api as store
from ui import frames
from ui import texts as U
from ui.markdown import md_text

BOLD_NAME = "**粗体**市长"  # would render bold
DIRECTIVE = ":red[红字]"  # Streamlit's colour directive


def markdown_sources(at) -> list[str]:
    return [
        str(e.value) for kind in ("error", "warning", "info", "success", "markdown", "caption") for e in at.get(kind)
    ]


def assert_shown_as_text(at, raw: str) -> None:
    sources = "\n".join(markdown_sources(at))
    assert md_text(raw) in sources, sources  # escaped: shows exactly as typed
    assert raw not in sources, sources  # never unescaped


def rename(engine, body: str, change) -> None:
    pid = plan_id_of(engine, body)
    plan, version = store.load_plan(engine, pid)
    change(plan)
    store.save_plan(engine, pid, plan, version)


def test_md_text_escapes_markdown_and_directives():
    assert md_text("**x**") == r"\*\*x\*\*"
    assert md_text(":red[a]") == r"\:red\[a\]"
    assert md_text("1. 第一") == r"1\. 第一"
    assert md_text("市政协十四届二次会议") == "市政协十四届二次会议"  # Chinese text is left alone
    assert re.sub(r"\\(.)", r"\1", md_text(r"a\b*c$d")) == r"a\b*c$d"  # unescaping gives the text back


def test_whatif_log_shows_a_leaders_name_as_typed(open_app, engine):
    rename(engine, WEIHAI, lambda p: setattr(p.leader_by_id()["mayor"], "name", BOLD_NAME))
    at = open_app("whatif")
    at.selectbox(key="wi_leader").set_value("mayor")
    at.selectbox(key="wi_leader_month").set_value(10)
    click(at, "wi_away")
    assert "10月 不在岗" in texts_of(at)
    assert_shown_as_text(at, BOLD_NAME)


def test_infeasible_explanation_shows_titles_as_typed(open_app, engine):
    pid = plan_id_of(engine, WEIHAI)
    plan, version = store.load_plan(engine, pid)
    explanation = f"T03「{DIRECTIVE}**加粗**」固定在 7月,但 分管副市长 7月 不在岗"
    infeasible = Schedule(plan_year=plan.year, status="infeasible", explanation=explanation)
    store.set_current_schedule(engine, pid, infeasible, expected_version=version)
    at = open_app("overview")
    assert_shown_as_text(at, f"{DIRECTIVE}**加粗**")


def test_a_scenario_name_is_text_in_the_saved_message(open_app):
    at = open_app("solve")
    at.text_input(key="scn_name").set_value("**终稿** :smile:")
    next(b for b in at.button if b.label == U.SCN_SAVE).click().run()
    assert any("已保存方案" in s for s in markdown_sources(at)), markdown_sources(at)
    assert_shown_as_text(at, "**终稿** :smile:")


def test_warnings_are_not_counted_before_the_plan_is_solved(open_app, engine):
    plan = load_plan(ROOT / "data" / "weihai-2023.json")
    plan.body, plan.year = "测试市政协", 2031
    store.create_plan(engine, plan)
    at = open_app("overview", body="测试市政协")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["预警"] == "—", metrics
    solved = open_app("overview")  # a solved plan still shows its count
    assert {m.label: m.value for m in solved.metric}["预警"].isdigit()


def test_months_have_one_spelling_in_the_editors():
    plan = load_plan(ROOT / "data" / "weihai-2023.json")
    spelt = frames.month_label(7)
    assert spelt == "7月"
    for section in ("plan", "topics"):
        for name, config in frames.editor_columns(plan, section).items():
            fmt = (config.get("type_config") or {}).get("format") if isinstance(config, dict) else None
            if fmt and "月" in fmt:
                assert fmt % 7 == spelt, (section, name, fmt)


def test_editors_show_empty_cells_empty_and_names_before_ids(open_app):
    at = open_app("resources")
    assert len(at.data_editor) == 6
    for editor in at.data_editor:
        proto = editor.proto
        assert proto.HasField("placeholder") and proto.placeholder == "", "empty cells would read 'None'"
        order = list(proto.column_order)
        if "id" in order:
            assert order[-1] == "id" and order[0] != "id", order  # 名称 first, 编号 last
    topics = at.data_editor[0].value
    assert topics["fixed_month"].isna().any()  # the sample has empty cells, so the placeholder matters
