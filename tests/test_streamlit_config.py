"""Streamlit's own English kept from planners where its configuration allows (README, same title)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_menu_of_streamlit_is_hidden():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    # "minimal": no ⋮ menu (Print, Record a screencast, Settings, About) and no developer entries
    assert config["client"]["toolbarMode"] == "minimal"


def test_the_readme_says_what_streamlit_cannot_translate():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "toolbarMode" in readme and "Press Enter to apply" in readme


def test_the_server_refuses_uploads_above_the_readers_own_limit():
    """One limit: the drop zone, Streamlit's own refusal and paperwork's Chinese message say the same size."""
    import paperwork

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == paperwork.MAX_UPLOAD_BYTES
