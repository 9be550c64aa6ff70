"""``python -m jobs.admin``: settings shown, set, refused with a Chinese message (nothing written)."""

from __future__ import annotations

from jobs.admin import main
from services import jobs
from store.db import make_engine
from tests.actors import PLANNER


def test_settings_set_and_refused(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["settings"]) == 0
    assert "max_time_limit_s = 120" in capsys.readouterr().out
    assert main(["set", "max_active_per_author", "5", "--by", "管理员"]) == 0
    assert "max_active_per_author = 5  # 每人同时排队或计算的任务数上限" in capsys.readouterr().out
    assert main(["set", "max_active_per_author", "0"]) == 1
    assert "必须是 1 到 1000 之间的数" in capsys.readouterr().err
    assert main(["set", "speed", "3"]) == 1
    assert "没有名为 speed 的设置" in capsys.readouterr().err
    assert jobs.settings(make_engine(url), actor=PLANNER).max_active_per_author == 5
    assert main(["list"]) == 0
