"""The solver package: no import cycles between its modules, and no streamlit or database imports."""

from __future__ import annotations

import ast
from pathlib import Path

SOLVER = Path(__file__).resolve().parents[2] / "solver"


def _module_name(path: Path) -> str:
    rel = path.relative_to(SOLVER.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules imported when ``path`` is imported: top-level statements, not TYPE_CHECKING blocks or functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                continue
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                out.add(base)
                out.update(f"{base}.{a.name}" for a in node.names)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return out


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in SOLVER.rglob("*.py")}
    return {m: {x for x in _top_level_imports(p) if x in files and x != m} for m, p in files.items()}


def test_no_import_cycles_inside_solver():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodules is how packages are built
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_solver_imports_neither_streamlit_nor_a_database():
    for path in SOLVER.rglob("*.py"):
        roots = {m.split(".")[0] for m in _top_level_imports(path)}
        assert not roots & {"streamlit", "sqlalchemy", "alembic", "psycopg", "store", "ui", "pages"}, path
