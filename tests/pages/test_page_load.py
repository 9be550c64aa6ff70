"""负荷: three heatmaps with limits, overloads counted and highlighted; month totals."""

from page_helpers import ROOT, click, goto, wait_for_jobs

from solver import load_plan, whatif
from ui import charts


def test_heatmaps_for_departments_committees_leaders(open_app):
    at = open_app("load")
    assert [t.label.split("(")[0] for t in at.tabs] == ["部门 × 月份", "专委会 × 月份", "领导 × 月份"]
    assert len(at.get("vega_lite_chart")) == 2  # the open tab's heatmap + topics per month (tabs are lazy)
    at.session_state["ld_tab"] = at.tabs[2].label
    at.run()
    assert len(at.get("vega_lite_chart")) == 2


def test_overloads_are_counted_in_the_tab(open_app, engine, worker):
    at = open_app("solve")
    at.slider(key="w_department_overload").set_value(0).run()
    at.slider(key="w_uneven_spread").set_value(0).run()
    click(at, "solve_go")
    wait_for_jobs(at, engine)
    click(at, "job_adopt")
    goto(at, "load")
    counts = [int(t.label.split("超负荷 ")[1].split(" ")[0]) for t in at.tabs]
    assert counts[0] >= 0 and counts[2] == 0


def test_heatmap_frame_marks_limit_and_overload():
    plan = load_plan(ROOT / "data" / "weihai-2023.json")
    plan = whatif.set_limit(plan, "department", "shangwu", 0)
    from solver import solve

    rows = whatif.loads(plan, solve(plan))
    df = charts.load_frame(rows, plan, "department", only_busy=True)
    shangwu = df[df["entity"] == "shangwu"]
    assert set(shangwu["row"]) == {"市商务局(上限 0)"}
    over = shangwu[shangwu["over"]]
    assert len(over) >= 1 and all(c.endswith(">0") for c in over["cell"])


def test_only_the_open_tabs_heatmap_is_built(open_app, monkeypatch):
    built: list[str] = []
    real = charts.heatmap

    def counting(df):
        built.append(str(df["kind"].iloc[0]))
        return real(df)

    monkeypatch.setattr(charts, "heatmap", counting)
    at = open_app("load")
    assert built == ["department"]  # not the committees' and leaders' too
    at.session_state["ld_tab"] = at.tabs[2].label
    at.run()
    assert built == ["department", "leader"]
