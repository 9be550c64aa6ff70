"""Who may import whom: the pages talk to services, services to the store, and none of those to Streamlit.

Parsed, not imported: an import inside a function (the app's lazy imports)
counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _files(*parts: str, root: Path = ROOT) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        path = root / part
        out += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return out


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, relative imports resolved to their package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).parent.parts
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def offending(files: list[Path], forbidden: str, root: Path = ROOT) -> list[str]:
    return [
        f"{f.relative_to(root)}:{line} imports {module}"
        for f in files
        for line, module in imported_modules(f, root)
        if module == forbidden or module.startswith(forbidden + ".")
    ]


def test_pages_ui_and_app_never_import_the_store():
    files = _files("app.py", "pages", "ui")
    assert len(files) > 10
    assert offending(files, "store") == []


@pytest.mark.parametrize("package", ["services", "store", "solver", "jobs"])
def test_the_layers_below_the_pages_never_import_streamlit(package):
    assert offending(_files(package), "streamlit") == []


def test_the_check_sees_every_kind_of_import(tmp_path):
    """The checker itself: top-level, from-, aliased, lazy and relative imports are all found."""
    pkg = tmp_path / "ui"
    pkg.mkdir()
    (pkg / "a.py").write_text(
        "import store\nfrom store.api import load_plan\nimport store.db as db\n"
        "def f():\n    from store import texts\n"
        "from .b import c\nimport storefront\n",
        encoding="utf-8",
    )
    found = offending(_files("ui", root=tmp_path), "store", root=tmp_path)
    assert [x.split(" imports ")[1] for x in found] == ["store", "store.api", "store.db", "store"]
    assert "ui.b" in [m for _, m in imported_modules(pkg / "a.py", tmp_path)]
