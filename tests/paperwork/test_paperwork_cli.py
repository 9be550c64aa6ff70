"""``python -m paperwork``: every conversion, and bad input listed in Chinese with exit 1."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook
from paperwork_samples import ROOT, SEEDS, plan_and_schedule, sample_plan_paths

from paperwork import example_plan, template
from paperwork.cli import main
from solver.validate import load_plan


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "paperwork", *args], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "计划.json"
    path.write_text(example_plan().to_json(), encoding="utf-8")
    return path


def test_help_is_chinese():
    proc = run("--help")
    assert proc.returncode == 0
    assert "用法" in proc.stdout and "xlsx2json" in proc.stdout and "text2json" in proc.stdout
    sub = run("ics", "--help")
    assert sub.returncode == 0 and "--leader" in sub.stdout and "领导编号" in sub.stdout


def test_template_then_xlsx2json(tmp_path):
    xlsx, out = tmp_path / "模板.xlsx", tmp_path / "计划.json"
    assert main(["template", "-o", str(xlsx)]) == 0
    assert main(["xlsx2json", str(xlsx), "-o", str(out)]) == 0
    assert load_plan(out).to_dict() == example_plan().to_dict()


@pytest.mark.parametrize("path", sample_plan_paths(), ids=lambda p: p.name)
def test_json2xlsx_and_back(tmp_path, path):
    plan, _ = plan_and_schedule(path)
    published = path.with_name(path.name.replace(".json", ".published.json"))
    xlsx, back = tmp_path / "x.xlsx", tmp_path / "back.json"
    args = ["json2xlsx", str(path), "-o", str(xlsx)]
    if published.exists():
        args[2:2] = ["--schedule", str(published)]
    assert main(args) == 0
    assert main(["xlsx2json", str(xlsx), "-o", str(back)]) == 0
    assert load_plan(back).to_dict() == plan.to_dict()


def test_docx_and_ics(tmp_path, plan_file):
    docx_path, ics_path, zip_path = tmp_path / "计划.docx", tmp_path / "市长.ics", tmp_path / "全部.zip"
    assert main(["docx", str(plan_file), "-o", str(docx_path)]) == 0
    assert Document(str(docx_path)).paragraphs[0].text == "某市政协2024年度协商工作计划"
    assert main(["ics", str(plan_file), "--leader", "mayor", "-o", str(ics_path)]) == 0
    assert len(Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")) == 2
    assert main(["ics", str(plan_file), "--all", "-o", str(zip_path)]) == 0
    assert zipfile.ZipFile(zip_path).namelist()


def test_docx_with_schedule_preamble_and_closing(tmp_path):
    paths = [p for p in sample_plan_paths() if p.with_name(p.name.replace(".json", ".published.json")).exists()]
    assert paths, "data/ must hold a plan with its published schedule"
    path = paths[0]
    pre, clo, out = tmp_path / "前言.txt", tmp_path / "结尾.txt", tmp_path / "计划.docx"
    pre.write_text("为做好本年度协商工作,制定本计划。", encoding="utf-8")
    clo.write_text("组织实施\n各专委会抓好落实。", encoding="gb18030")  # offices still save GBK text
    published = path.with_name(path.name.replace(".json", ".published.json"))
    assert main(["docx", str(path), str(published), "--preamble", str(pre), "--closing", str(clo), "-o", str(out)]) == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "三、组织实施" in texts and "各专委会抓好落实。" in texts


def test_text2json_on_seed000(tmp_path, capsys):
    seed = next(SEEDS.glob("000_*.txt"))
    out = tmp_path / "草稿.json"
    assert main(["text2json", str(seed), "-o", str(out)]) == 0
    plan = load_plan(out)
    assert len(plan.topics) == 11
    err = capsys.readouterr().err
    assert "新识别的部门(请核对)" in err and "市工信局" in err and "提示" in err


def test_text2json_to_stdout_with_known(tmp_path, plan_file):
    text = tmp_path / "计划.txt"
    text.write_text(
        "(一)对口协商(1项)\n1.发展农业\n时间安排:8月\n承办部门:农业和农村委\n协商部门:市农业农村局\n", encoding="utf-8"
    )
    proc = run("text2json", str(text), "--known", str(plan_file), "--year", "2025")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["topics"][0]["departments"] == ["nyj"] and data["topics"][0]["form"] == "counterpart"
    assert data["topics"][0]["lead_options"] == ["agri"]


def test_bad_workbook_exit_1_lists_every_error_writes_nothing(tmp_path):
    wb = load_workbook(io.BytesIO(template()))
    ws = wb["议题"]
    ws["B2"] = None
    ws["F3"] = "市不存在局"
    ws["K3"] = "=1+1"
    bad, out = tmp_path / "坏.xlsx", tmp_path / "out.json"
    wb.save(bad)
    proc = run("xlsx2json", str(bad), "-o", str(out))
    assert proc.returncode == 1
    assert "发现 3 个问题" in proc.stderr
    assert "第 2 行" in proc.stderr and "市不存在局" in proc.stderr and "公式" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()  # nothing written until the whole workbook is valid


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["xlsx2json", "不存在.xlsx"], "找不到文件"),
        (["docx", "不存在.json", "-o", "x.docx"], "找不到"),
        (["ics", "{plan}", "--department", "nobody", "-o", "x.ics"], "没有编号为“nobody”的部门"),
        (["text2json", "{junk}"], "没有识别出任何协商议题"),
        (["xlsx2json", "{junk}"], "类型不对"),
    ],
)
def test_bad_input_is_exit_1_in_chinese(tmp_path, plan_file, args, needle, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    junk = tmp_path / "随便.txt"
    junk.write_text("今天天气很好。\n", encoding="utf-8")
    args = [a.format(plan=plan_file, junk=junk) for a in args]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.ics").exists()


def test_usage_errors_are_exit_2_in_chinese():
    proc = run("ics", "plan.json", "-o", "x.ics")
    assert proc.returncode == 2
    assert "命令用法有误" in proc.stderr and "Traceback" not in proc.stderr
