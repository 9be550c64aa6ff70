"""Issue 11: ``python -m store import`` of a 5000-topic plan must finish under 2 s, start-up included.

Speed is measured in ``bench/bench_paperwork.py``; what is tested here is what
made the start-up slow and could come back unnoticed: Alembic (a third of the
imports) loaded by every command although only ``upgrade`` migrates, and the
solver's pydantic option models built by commands without ``--weights``; and
the plan validated twice on import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from store_samples import handmade_dict

from solver.io import read_plan_data
from store import api
from store.db import _head_from_scripts, check_schema, head_revision, make_engine, upgrade

REPO = Path(__file__).resolve().parents[2]


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        cwd=REPO,
        env=dict(os.environ, **(env or {})),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_store_command_line_starts_without_alembic_or_the_option_models():
    loaded = _modules_after("import store.cli")
    assert not {m for m in loaded if m == "alembic" or m.startswith("alembic.")}
    assert "solver.options" not in loaded


def test_checking_an_up_to_date_schema_does_not_load_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    code = f"from store.db import make_engine, check_schema\ncheck_schema(make_engine({url!r}))"
    loaded = _modules_after(code)
    assert "alembic" not in loaded


def test_the_quick_head_is_alembics_head():
    assert _head_from_scripts() == head_revision()


def test_an_old_schema_is_still_refused_by_the_quick_check(blank_engine):
    first = "0001_base"
    upgrade(blank_engine, first)
    try:
        check_schema(blank_engine)
    except Exception as err:  # noqa: BLE001 - the message is what matters
        assert "python -m store upgrade" in str(err) and first in str(err)
    else:
        raise AssertionError("an old schema passed the check")


def test_import_with_the_plan_already_read_validates_once_and_drops_the_backup_block(engine, tmp_path, monkeypatch):
    doc = handmade_dict()
    doc["xieshang_backup"] = {"format": "xieshang-backup/1", "plan_version": 3, "current_schedule": None}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data, plan, _ = read_plan_data(path)
    assert "xieshang_backup" in (plan.model_extra or {})

    calls = []
    real = api.parse_plan
    monkeypatch.setattr(api, "parse_plan", lambda d: calls.append(1) or real(d))
    plan_id = api.import_plan_json(engine, data, plan=plan)
    assert calls == []
    stored, version = api.load_plan(engine, plan_id)
    assert "xieshang_backup" not in (stored.model_extra or {})
    assert version == 3
    assert "xieshang_backup" in (plan.model_extra or {})  # the caller's plan is left as it was


def test_an_unknown_target_revision_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    from store import cli

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert cli.main(["upgrade", "--to", "nonsense"]) == 1
    err = capsys.readouterr().err
    assert "nonsense" in err and "0001_base" in err
    assert "Can't locate" not in err and "revision identified" not in err
