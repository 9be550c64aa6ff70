"""The command line, as an IT colleague would run it: exit codes and Chinese messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from factories import BASE, topic

from solver import check, load_plan, load_schedule

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "weihai-2023.json"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "solver", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def write(tmp_path: Path, data, name="plan.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_help_explains_commands_and_exit_codes():
    r = run("--help")
    assert r.returncode == 0 and "solve" in r.stdout and "退出码" in r.stdout
    assert run("solve", "--help").returncode == 0


def test_solve_writes_a_schedule_the_checker_accepts(tmp_path):
    out = tmp_path / "s.json"
    r = run("solve", str(SAMPLE), "-o", str(out), "--time-limit", "5")
    assert r.returncode == 0, r.stderr
    plan = load_plan(SAMPLE)
    schedule = load_schedule(out, plan)
    assert schedule.status == "optimal" and len(schedule.assignments) == len(plan.topics)
    assert check(plan, schedule).ok
    assert run("check", str(SAMPLE), str(out)).returncode == 0


def test_replan_with_baseline(tmp_path):
    first = tmp_path / "a.json"
    assert run("solve", str(SAMPLE), "-o", str(first)).returncode == 0
    r = run("solve", str(SAMPLE), "-o", str(tmp_path / "b.json"), "--baseline", str(first))
    assert r.returncode == 0
    again = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert again["objective_breakdown"]["moved"]["count"] == 0


def test_infeasible_plan_exits_3_with_the_conflict(tmp_path):
    data = dict(BASE, topics=[topic("T03", leaders=["vice"], fixed_month=7)])
    data["leaders"] = [{"id": "vice", "name": "分管副市长", "unavailable_months": [7]}]
    r = run("solve", str(write(tmp_path, data)), "-o", str(tmp_path / "s.json"))
    assert r.returncode == 3
    assert "T03" in r.stderr and "分管副市长 7月 不在岗" in r.stderr
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["status"] == "infeasible"


def test_check_reports_violations_with_exit_4(tmp_path):
    plan = load_plan(SAMPLE)
    bad = {
        "format": "consult-schedule/1",
        "plan_year": plan.year,
        "status": "feasible",
        "assignments": [{"topic": t.id, "month": 2, "lead": t.lead_options[0]} for t in plan.topics],
    }
    r = run("check", str(SAMPLE), str(write(tmp_path, bad, "s.json")))
    assert r.returncode == 4 and "违反" in r.stdout and "不安排协商的 2月" in r.stdout


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: "{ 不是 json", "不是有效的 JSON"),
        (lambda d: d["topics"][0].update(departments=["市工信"]) or d, '议题 T1 的协商部门 "市工信" 不存在'),
        (lambda d: d["topics"].append(dict(d["topics"][0])) or d, "议题 T1 的编号 重复出现 2 次"),
        (lambda d: d["topics"][0].update(fixed_month=13) or d, "议题 T1 的固定月份 13 无效"),
        (lambda d: d["calendar"].update(months=[1, 13]) or d, "日历的可用月份 含无效月份 [13]"),
        (lambda d: d["topics"][0].update(window=[9, 4]) or d, "议题 T1 的时间窗口 9–4月 起止颠倒"),
        (lambda d: d["topics"][0].update(form="forum") or d, '议题 T1 的协商形式 "forum" 不存在'),
        (lambda d: d["topics"][0].update(fixed_month="七月") or d, "议题 T1 的固定月份 应为整数"),
        (lambda d: d["topics"][0].pop("title") and d, "议题 T1 的议题名称 缺失"),
    ],
)
def test_bad_plan_files_get_a_chinese_message_and_exit_1(tmp_path, mutate, expected):
    data = json.loads(json.dumps(dict(BASE, topics=[topic("T1"), topic("T2")])))
    r = run("solve", str(write(tmp_path, mutate(data))))
    assert r.returncode == 1
    assert expected in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_all_errors_of_a_file_are_reported_at_once(tmp_path):
    data = json.loads(json.dumps(dict(BASE, topics=[topic("T1", departments=["x"]), topic("T2", window=[5, 4])])))
    data["leaders"].append({"id": "mayor", "name": "重复"})
    r = run("solve", str(write(tmp_path, data)))
    assert r.returncode == 1
    assert "共 3 处" in r.stderr and '"x" 不存在' in r.stderr and "起止颠倒" in r.stderr and "重复" in r.stderr


def test_missing_file(tmp_path):
    r = run("solve", str(tmp_path / "nope.json"))
    assert r.returncode == 1 and "找不到计划文件" in r.stderr


def test_a_limit_too_short_to_find_any_schedule_exits_5_not_3(tmp_path):
    """3 means proven infeasible; a script must be able to tell "retry with more time" apart."""
    from tools.generate import generate_plan

    plan = tmp_path / "p.json"
    plan.write_text(generate_plan(1000, seed=1).to_json(), encoding="utf-8")
    r = run("solve", str(plan), "-o", str(tmp_path / "s.json"), "--time-limit", "0.01")
    assert r.returncode == 5, r.stderr
    assert "秒" in r.stderr and "Traceback" not in r.stderr
