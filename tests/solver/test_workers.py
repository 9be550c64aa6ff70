"""``num_workers`` / ``--workers`` reach the search; the limit is wall-clock seconds (not timed here)."""

from __future__ import annotations

import json
import os

import pytest
from checked import assert_checked

from solver import SolveOptions, cli, solve, solving
from solver.lns import improve_with_lns
from tools.province import province_plan


@pytest.fixture(scope="module")
def plan120():
    return province_plan(120, seed=6, cities=5)


def test_default_is_the_machines_cores():
    assert SolveOptions().num_workers == (os.cpu_count() or 1)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_deterministic_search_runs_the_neighbourhoods_on_the_workers(plan120, monkeypatch, workers):
    seen = []

    def spy(*args, **kw):
        seen.append(kw["workers"])
        return improve_with_lns(*args, **kw)

    monkeypatch.setattr(solving, "improve_with_lns", spy)
    options = SolveOptions(time_limit_s=120, work_limit_s=1.0, num_workers=workers, lns_above_topics=0)
    s = solve(plan120, options)
    assert_checked(plan120, s, options)
    # one worker: full model then neighbourhoods; more: the full model on a thread of its own beside them
    assert seen == [max(1, workers - 1)]


@pytest.mark.parametrize("workers", [1, 3])
def test_portfolio_mode_gives_cp_sat_the_workers(plan120, monkeypatch, workers):
    seen = []
    real = solving.cp_model.CpSolver.solve

    def spy(self, model, *args, **kw):
        seen.append(self.parameters.num_workers)
        return real(self, model, *args, **kw)

    monkeypatch.setattr(solving.cp_model.CpSolver, "solve", spy)
    options = SolveOptions(time_limit_s=3, num_workers=workers, deterministic=False)
    s = solve(plan120, options)
    assert s.status in ("optimal", "feasible")
    assert_checked(plan120, s, options)
    assert workers in seen  # the full model's search


def test_cli_passes_workers_and_reports_the_stop_reason(plan120, tmp_path, capsys):
    src, out = tmp_path / "plan.json", tmp_path / "out.json"
    src.write_text(plan120.to_json(), encoding="utf-8")
    code = cli.main(["solve", str(src), "-o", str(out), "--workers", "3", "--time-limit", "3"])
    assert code == cli.EXIT_OK
    answer = json.loads(out.read_text(encoding="utf-8"))
    assert answer["options"]["num_workers"] == 3 and answer["options"]["time_limit_s"] == 3
    assert answer["stopped_by"] in ("optimal", "no_improvement", "work_limit", "time_limit")
    assert "秒" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flag", "value", "word"), [("--workers", "0", "--workers"), ("--time-limit", "0", "--time-limit")]
)
def test_cli_refuses_a_bad_workers_or_limit_in_chinese(plan120, tmp_path, capsys, flag, value, word):
    src = tmp_path / "plan.json"
    src.write_text(plan120.to_json(), encoding="utf-8")
    with pytest.raises(SystemExit) as stop:  # a usage error: argparse's exit, in Chinese
        cli.main(["solve", str(src), flag, value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert word in err and ("应为" in err or "大于" in err) and "Traceback" not in err
