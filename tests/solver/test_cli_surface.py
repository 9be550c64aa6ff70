"""Every command line, with bad arguments and bad files: Chinese, a documented exit code, never a traceback.

The four commands (``solver``, ``store``, ``paperwork``, the generator) share
:mod:`solver.cli_common` and :mod:`solver.io`; these tests hold each entry to
the same standard, file kind by file kind, rather than one example each.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jobs import admin as jobs_admin
from paperwork import cli as paperwork_cli
from solver import cli as solver_cli
from solver.cli_common import parse_weights, translate_error
from solver.options import GOALS
from store import cli as store_cli
from tools import generate as generate_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "weihai-2023.json"
PUBLISHED = ROOT / "data" / "weihai-2023.published.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
# argparse's and Python's English, which must never reach a user.
ENGLISH = ("usage:", "options:", "error:", "Traceback", "the following arguments", "invalid choice", "show this help")


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    """A fresh, upgraded SQLite database in DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert store_cli.main(["upgrade"]) == 0
    return url


@pytest.fixture
def call(capsys):
    """Run a command's ``main`` in this process: (exit code, stdout, stderr)."""

    def _call(main, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: usage errors and --help
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return _call


def assert_chinese(err: str) -> None:
    assert CJK.search(err), err
    for word in ENGLISH:
        assert word not in err, err


# -- the same bad file, at every entry ----------------------------------------------------


def _bytes(data) -> bytes:
    return json.dumps(data).encode("ascii")  # "\\ud800" stays an escape, as in such files


def _with(mutate):
    d = sample()
    mutate(d)
    return _bytes(d)


def _title(value: str):
    return _with(lambda d: d["topics"][1].update(title=value))


BAD_FILES = {
    # name: (file bytes, words the message must hold)
    "empty": (b"", ["空文件"]),
    "blank": (b"  \n\t ", ["空文件"]),
    "not utf-8 (GBK)": ('{"body": "威海市政协"}'.encode("gbk"), ["不是 UTF-8", "GBK"]),
    "UTF-16": ("{}".encode("utf-16"), ["UTF-16"]),
    "invalid json": (b'{"year": 2023,', ["不是有效的 JSON", "第 1 行"]),
    # another kind of file handed over for the plan: named, with the command that reads it
    "an Excel workbook": (b"PK\x03\x04" + bytes(range(256)), ["Excel 或 Word 文件", "paperwork xlsx2json"]),
    "an old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), ["旧版", "text2json"]),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ["PDF 文件", "text2json"]),
    "a database": (b"SQLite format 3\x00" + bytes(100), ["数据库文件", "store export"]),
    "nested 10000 deep": (b"[" * 10000 + b"]" * 10000, ["嵌套层数过深"]),
    "nested in a field": (_with(lambda d: d["topics"][0].update(extra=json.loads("[" * 200 + "]" * 200))), ["嵌套"]),
    "NaN": (b'{"year": NaN, "topics": []}', ["NaN"]),
    "top level list": (b"[1, 2]", ["顶层应为 JSON 对象"]),
    "no topics": (_with(lambda d: d.pop("topics")), ["没有 topics"]),
    "true as a month": (_with(lambda d: d["topics"][0].update(fixed_month=True)), ["T01", "固定月份", "true/false"]),
    "true in months": (_with(lambda d: d["calendar"].update(months=[True, 5])), ["可用月份", "true/false"]),
    "lone surrogate": (_title("发展\ud800交通"), ["T02", "议题名称", "无法编码"]),
    "surrogate in a name": (_with(lambda d: d["departments"][0].update(name="\udfff")), ["部门", "名称", "无法编码"]),
    "control char in title": (_title("发展\x07交通"), ["T02", "议题名称", "控制字符"]),
    "newline in title": (_title("发展\n交通"), ["T02", "议题名称", "控制字符"]),
    "NUL in notes": (_with(lambda d: d["topics"][2].update(notes="a\x00b")), ["T03", "控制字符"]),
    # written raw (UTF-8, not as a \\u escape): the reader must not rely on escapes to find it
    "raw C1 in title": (
        _with(lambda d: d["topics"][3].update(title="发展\x85交通")).replace(b"\\u0085", "\x85".encode()),
        ["T04", "议题名称", "控制字符"],
    ),
    # Unicode's other line breaks and the invisible format characters, escaped and raw
    "line separator in title": (_title("发展\u2028交通"), ["T02", "议题名称", "U+2028"]),
    "paragraph separator in a name": (
        _with(lambda d: d["leaders"][0].update(name="王\u2029五")),
        ["领导", "名称", "U+2029"],
    ),
    "zero-width space in title": (_title("发展\u200b交通"), ["T02", "议题名称", "U+200B"]),
    "BOM inside a committee name": (_with(lambda d: d["committees"][0].update(name="经济\ufeff委")), ["U+FEFF"]),
    "right-to-left override in title": (_title("\u202e发展交通"), ["T02", "议题名称", "U+202E"]),
    "raw line separator in title": (
        _title("发展\u2028交通").replace(b"\\u2028", "\u2028".encode()),
        ["T02", "议题名称", "U+2028"],
    ),
}


def _entries(tmp_path: Path):
    """(label, main, argv builder) for every command that reads a plan file."""
    out = tmp_path / "out"
    return [
        ("solver solve", solver_cli.main, lambda p: ["solve", p, "--time-limit", "1"]),
        ("solver check", solver_cli.main, lambda p: ["check", p, PUBLISHED]),
        ("store import", store_cli.main, lambda p: ["import", p]),
        ("paperwork json2xlsx", paperwork_cli.main, lambda p: ["json2xlsx", p, "-o", out.with_suffix(".xlsx")]),
        ("paperwork docx", paperwork_cli.main, lambda p: ["docx", p, "-o", out.with_suffix(".docx")]),
        ("paperwork ics", paperwork_cli.main, lambda p: ["ics", p, "--all", "-o", out.with_suffix(".zip")]),
        ("paperwork text2json --known", paperwork_cli.main, lambda p: ["text2json", SAMPLE, "--known", p]),
    ]


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_every_entry_refuses_a_bad_plan_file_the_same_way(kind, tmp_path, db, call):
    data, words = BAD_FILES[kind]
    path = tmp_path / "计划.json"
    path.write_bytes(data)
    for label, main, argv in _entries(tmp_path):
        if label == "paperwork text2json --known" and kind not in ("empty", "lone surrogate", "no topics"):
            continue  # the same reader; three kinds suffice to show it is used
        code, _, err = call(main, *argv(path))
        assert code == 1, (label, err)
        assert_chinese(err)
        for w in words:
            assert w in err, (label, kind, err)


@pytest.mark.parametrize("how", ["folder", "missing", "permission"])
def test_every_entry_names_a_path_it_cannot_read(how, tmp_path, db, call, monkeypatch):
    path = tmp_path / "计划.json"
    if how == "folder":
        path.mkdir()
    elif how == "permission":
        # Tests may run as root, where chmod does not deny: make the read itself fail.
        path.write_bytes(SAMPLE.read_bytes())
        real = Path.read_bytes

        def denied(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    expected = {"folder": "文件夹", "missing": "找不到", "permission": "没有权限"}[how]
    for label, main, argv in _entries(tmp_path):
        code, _, err = call(main, *argv(path))
        assert code == 1, (label, err)
        assert expected in err and str(path) in err, (label, err)
        assert_chinese(err)


def test_every_entry_accepts_a_bom_and_warns_on_a_missing_format(tmp_path, db, call):
    data = sample()
    del data["format"]
    path = tmp_path / "计划.json"
    path.write_bytes(b"\xef\xbb\xbf" + _bytes(data))
    for label, main, argv in _entries(tmp_path):
        if "text2json" in label:
            continue  # its text argument is not a published plan here
        code, _, err = call(main, *argv(path))
        assert code == 0, (label, err)
        assert "未写明 format" in err, (label, err)


def test_a_bom_in_a_schedule_is_accepted_too(tmp_path, call):
    sched = tmp_path / "安排.json"
    sched.write_bytes(b"\xef\xbb\xbf" + PUBLISHED.read_bytes())
    code, _, err = call(solver_cli.main, "check", SAMPLE, sched)
    assert code == 0, err


# -- arguments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, name",
    [
        (["--time-limit", "0"], "--time-limit"),
        (["--time-limit", "-1"], "--time-limit"),
        (["--time-limit", "nan"], "--time-limit"),
        (["--time-limit", "inf"], "--time-limit"),
        (["--time-limit", "1e9"], "--time-limit"),
        (["--time-limit", "十"], "--time-limit"),
        (["--workers", "0"], "--workers"),
        (["--workers", "-3"], "--workers"),
        (["--workers", "1.5"], "--workers"),
    ],
)
def test_bad_numbers_are_usage_errors_naming_the_argument(args, name, call):
    code, _, err = call(solver_cli.main, "solve", SAMPLE, *args)
    assert code == 2
    assert name in err and "命令用法有误" in err
    assert_chinese(err)


@pytest.mark.parametrize(
    "weights, words",
    [
        ('{"nonsense": 5}', ["nonsense", "未知的目标"]),
        ('{"moved": -1}', ["moved", "0–10000 的整数"]),
        ('{"moved": 1.5}', ["moved", "0–10000 的整数"]),
        ('{"moved": true}', ["moved", "0–10000 的整数"]),
        ('{"moved": "50"}', ["moved", "0–10000 的整数"]),
        ('{"department_overload": 100000000000000000000}', ["department_overload", "0–10000 的整数"]),
        ("moved=50", ["不是有效的 JSON"]),
        ("[50]", ["JSON 对象"]),
        ("[" * 5000, ["不是有效的 JSON"]),
    ],
)
def test_bad_weights_are_chinese_and_name_the_goals(weights, words, call):
    code, _, err = call(solver_cli.main, "solve", SAMPLE, "--weights", weights)
    assert code == 2, err
    for w in words:
        assert w in err, err
    if "未知的目标" in words or "不是有效的 JSON" in words:
        assert all(g in err for g in GOALS), err
    assert_chinese(err)
    assert "pydantic" not in err and "Expecting" not in err


def test_good_weights_are_read():
    assert parse_weights('{"moved": 50, "uneven_spread": 0}').moved == 50


# -- output -----------------------------------------------------------------------------------


def _writers(tmp_path: Path):
    """(label, main, argv before the output path) for every command that writes a file."""
    return [
        ("solver solve", solver_cli.main, ["solve", SAMPLE, "--time-limit", "1", "-o"]),
        ("store export", store_cli.main, ["export", "1", "-o"]),
        ("paperwork template", paperwork_cli.main, ["template", "-o"]),
        ("paperwork json2xlsx", paperwork_cli.main, ["json2xlsx", SAMPLE, "-o"]),
        ("paperwork docx", paperwork_cli.main, ["docx", SAMPLE, PUBLISHED, "-o"]),
        ("generate", generate_cli.main, ["12", "-o"]),
    ]


@pytest.mark.parametrize("where", ["missing folder", "a folder", "full disk"])
def test_every_writer_names_an_output_it_cannot_write(where, tmp_path, db, call):
    assert store_cli.main(["import", str(SAMPLE)]) == 0
    target = {
        "missing folder": tmp_path / "没有这个文件夹" / "x.out",
        "a folder": tmp_path,
        "full disk": Path("/dev/full"),
    }[where]
    expected = {"missing folder": "不存在", "a folder": "文件夹", "full disk": "磁盘已满"}[where]
    for label, main, argv in _writers(tmp_path):
        code, _, err = call(main, *argv, target)
        assert code == 1, (label, err)
        assert "-o/--output" in err and expected in err and str(target) in err, (label, err)
        assert_chinese(err)


def test_a_missing_output_folder_is_refused_before_solving(tmp_path, call, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("solved although the output cannot be written")

    monkeypatch.setattr(solver_cli, "solve", boom)
    code, _, err = call(solver_cli.main, "solve", SAMPLE, "-o", tmp_path / "nope" / "s.json")
    assert code == 1 and "不存在" in err


def test_real_processes_print_no_traceback():
    """The same in a real process (the messages reach a terminal the same way)."""
    for args in (
        ["solver", "solve", str(SAMPLE), "-o", "/dev/full", "--time-limit", "1"],
        ["solver", "solve", str(SAMPLE), "--time-limit", "nan"],
        ["paperwork", "json2xlsx", str(SAMPLE), "-o", "/dev/full"],
        ["tools.generate", "12", "-o", "/dev/full"],
    ):
        r = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode in (1, 2), (args, r.stderr)
        assert_chinese(r.stderr)


# -- argparse in Chinese ------------------------------------------------------------------------

COMMANDS = {
    "solver": (solver_cli.main, ["solve", "check"]),
    "store": (store_cli.main, ["upgrade", "current", "import", "export", "plans", "scenarios", "accounts"]),
    "paperwork": (paperwork_cli.main, ["template", "xlsx2json", "json2xlsx", "docx", "ics", "text2json"]),
    "generate": (generate_cli.main, []),
    "jobs.admin": (jobs_admin.main, ["settings", "set", "list"]),
}
# Subcommands that run (exit 0) without arguments: no usage error to check.
RUN_WITHOUT_ARGUMENTS = {"upgrade", "current", "plans", "settings", "list"}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_and_usage_errors_are_chinese(command, call):
    main, subs = COMMANDS[command]
    for argv in (["--help"], *([s, "--help"] for s in subs)):
        code, out, _ = call(main, *argv)
        assert code == 0
        assert "用法:" in out and "显示本帮助并退出" in out
        for word in ENGLISH:
            assert word not in out, (argv, word)
    for argv in ([], ["--nonsense"], *([s] for s in subs if s not in RUN_WITHOUT_ARGUMENTS)):
        if command == "generate" and argv == []:
            argv = []
        code, _, err = call(main, *argv)
        assert code == 2, (argv, err)
        assert "命令用法有误" in err
        assert_chinese(err)
    if subs:
        code, _, err = call(main, "nonsense")
        assert code == 2 and "无效" in err
        assert_chinese(err)


def test_argparse_sentences_translate():
    assert (
        translate_error("the following arguments are required: plan, -o/--output") == "缺少必填参数:plan, -o/--output"
    )
    assert "可选" in translate_error("argument command: invalid choice: 'x' (choose from 'a', 'b')")
    assert translate_error("unrecognized arguments: --x") == "无法识别的参数:--x"


# -- the store's words --------------------------------------------------------------------------


def test_store_scenarios_say_the_status_in_chinese(tmp_path, call, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'samples.sqlite3'}")
    assert store_cli.main(["upgrade", "--with-samples"]) == 0  # the samples carry published schedules
    code, out, _ = call(store_cli.main, "plans")
    ids = [int(line.split()[0]) for line in out.splitlines()[1:]]
    assert ids
    seen = 0
    for plan_id in ids:
        code, out, err = call(store_cli.main, "scenarios", str(plan_id))
        assert code == 0, err
        for word in ("optimal", "feasible", "infeasible", "unknown"):
            assert word not in out, out
        seen += out.count("最优方案") + out.count("可行方案")
    assert seen, "no schedule to show: the test proves nothing"


def test_a_read_only_database_is_said_in_chinese(tmp_path, db, call, monkeypatch):
    path = db.removeprefix("sqlite:///")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    code, _, err = call(store_cli.main, "import", SAMPLE)
    assert code == 1
    assert "只读" in err
    assert_chinese(err)


@pytest.mark.parametrize(
    "english, chinese",
    [
        ("database is locked", "占用"),
        ("attempt to write a readonly database", "只读"),
        ("unable to open database file", "无法打开"),
        ("database or disk is full", "磁盘已满"),
    ],
)
def test_sqlite_english_becomes_chinese(english, chinese):
    assert chinese in store_cli.db_failure("sqlite:///x", english)


def test_a_locked_database_is_said_in_chinese(tmp_path, db, call, monkeypatch):
    import sqlite3

    path = db.removeprefix("sqlite:///")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr(store_cli, "make_engine", _short_timeout(store_cli.make_engine))
        code, _, err = call(store_cli.main, "import", SAMPLE)
    finally:
        holder.rollback()
        holder.close()
    assert code == 1
    assert "占用" in err
    assert_chinese(err)


def _short_timeout(make_engine):
    # The store waits 30 s for a lock by design; a test need not.
    def make(url, **kwargs):
        kwargs.setdefault("connect_args", {})["timeout"] = 0.1
        return make_engine(url, **kwargs)

    return make


# -- every example in every --help and in README runs ---------------------------------------------


def _examples_from(text: str) -> list[str]:
    # An example is a line starting "python -m"; what follows two spaces (or " #") is its explanation.
    return [
        re.split(r"\s{2,}|\s#\s", line.strip())[0]
        for line in text.splitlines()
        if line.strip().startswith("python -m ")
    ]


def _help_examples() -> list[str]:
    """The examples of every command's --help and of every subcommand's (``store accounts --help`` has its own)."""
    found = []
    for prog, (_, subs) in COMMANDS.items():
        module = "tools.generate" if prog == "generate" else prog
        for sub in ([], *([s] for s in subs)):
            r = subprocess.run(
                [sys.executable, "-m", module, *sub, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
            )
            assert r.returncode == 0, (module, sub, r.stderr)
            found += [ex for ex in _examples_from(r.stdout) if ex not in found]
    return found


def _readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh|console)?\n(.*?)```", text, flags=re.S)
    return [ex for b in blocks for ex in _examples_from(b)]


# Programs that run until stopped (a worker waits for jobs): their examples must start and stay up.
LONG_RUNNING = {"jobs.worker"}
LONG_RUNNING_START_S = 8  # a worker that cannot start (bad argument, no database) exits well within this


def test_every_example_in_help_and_readme_runs(tmp_path):
    """Each example runs as written, in a scratch folder (so its outputs land there) beside data/, exit 0.

    Examples run in the order they are printed, on one fresh database: a
    command's later examples may use what its earlier ones wrote (the
    workbook ``json2xlsx`` made, the plan ``store import`` loaded).
    """
    import shlex

    examples = _help_examples() + _readme_examples()
    assert len(examples) >= 15, examples  # all four commands' epilogs and the README block
    work = tmp_path / "work"
    work.mkdir()
    (work / "data").symlink_to(ROOT / "data")
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'examples.sqlite3'}", PYTHONPATH=str(ROOT))
    failures = []
    for example in examples:
        argv = shlex.split(example)
        assert argv[:2] == ["python", "-m"], example
        if argv[2] in LONG_RUNNING:  # a worker waits for jobs: it must start and keep running
            proc = subprocess.Popen([sys.executable, *argv[1:]], cwd=work, env=env, stderr=subprocess.PIPE, text=True)
            try:
                proc.wait(timeout=LONG_RUNNING_START_S)
            except subprocess.TimeoutExpired:
                continue  # still running after its start: the example works
            finally:
                proc.terminate()
                proc.wait(timeout=30)
            failures.append(f"{example}\n  → exited {proc.returncode}: {proc.stderr.read().strip()[-300:]}")
            continue
        r = subprocess.run([sys.executable, *argv[1:]], cwd=work, capture_output=True, text=True, timeout=300, env=env)
        if r.returncode != 0:
            failures.append(f"{example}\n  → {r.returncode}: {r.stderr.strip()[-300:]}")
    assert not failures, "\n".join(failures)
