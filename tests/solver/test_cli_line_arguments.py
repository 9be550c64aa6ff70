"""Text arguments and devices at every command line: one line of text, or a usage error in Chinese.

A name given on the command line (the generator's ``--body``, an account's
``--name``/``--department``/``--email``, who acts ``--by``) becomes a plan's body
or a row in the accounts and audit tables: a control character, a line break or
an invisible character there would make a plan no other entry reads, or print an
escape sequence to the administrator's terminal. A device (``/dev/zero``) given as
an input file is refused after a bounded read, not read forever.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from services import ServiceError, accounts
from services.access import Role
from tests.actors import ADMIN

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
ODD = {"bell": "\x07", "escape": "\x1b[31m", "newline": "\n", "line separator": "\u2028", "zero width": "\u200b"}


def run(tmp_path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=timeout
    )


COMMANDS = [
    ("tools.generate", "3", "--body"),
    ("store", "accounts", "create", "someone", "--name"),
    ("store", "accounts", "create", "someone", "--role", "liaison", "--department"),
    ("store", "accounts", "create", "someone", "--by"),
    ("jobs.admin", "set", "session_idle_min", "30", "--by"),
]


@pytest.mark.parametrize("odd", list(ODD))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]) + " " + c[-1])
def test_a_name_argument_is_one_line_of_text(tmp_path, command, odd):
    done = run(tmp_path, *command, f"王{ODD[odd]}五")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "应为一行文字" in done.stderr and command[-1] in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "\x1b" not in done.stderr


def test_a_name_argument_has_a_length_limit(tmp_path):
    done = run(tmp_path, "tools.generate", "3", "--body", "长" * 65)
    assert done.returncode == 2 and "最多 64 个字" in done.stderr, done.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("solver", "solve", "/dev/zero"),
        ("store", "import", "/dev/zero"),
        ("paperwork", "xlsx2json", "/dev/zero", "-o", "x.json"),
        ("paperwork", "text2json", "/dev/zero", "-o", "x.json"),
        ("paperwork", "docx", "/dev/zero", "/dev/zero", "-o", "x.docx"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_device_as_input_is_refused_after_a_bounded_read(tmp_path, command):
    if command[0] == "store":
        assert run(tmp_path, "store", "upgrade").returncode == 0
    done = run(tmp_path, *command, timeout=120)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert CJK.search(done.stderr) and "Traceback" not in done.stderr, done.stderr
    assert "MB" in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("display_name", "王\x07五"),
        ("display_name", "王\u202e五"),
        ("department", "商务\n局"),
        ("email", "a\u200b@b.cn"),
    ],
)
def test_account_fields_are_one_line_in_the_service_too(engine, field, value):
    kwargs = {"display_name": "王五", "department": "市商务局", "email": None, field: value}
    with pytest.raises(ServiceError, match="一行文字"):
        accounts.create_account(
            engine, login="wangwu", password="long-enough-1", role=Role.LIAISON, actor=ADMIN, **kwargs
        )
    assert all(a.login != "wangwu" for a in accounts.list_accounts(engine, actor=ADMIN))


@pytest.mark.parametrize("email", ["notanemail", "@b.cn", "a@", "a b@c.cn"])
def test_an_email_without_a_name_and_a_domain_is_refused(engine, email):
    with pytest.raises(ServiceError, match="邮箱"):
        accounts.create_account(
            engine, login="wangwu", password="long-enough-1", role="planner", email=email, actor=ADMIN
        )


def test_a_long_display_name_is_refused(engine):
    with pytest.raises(ServiceError, match="最多 64 个字"):
        accounts.create_account(
            engine, login="wangwu", password="long-enough-1", role="planner", display_name="长" * 65, actor=ADMIN
        )
