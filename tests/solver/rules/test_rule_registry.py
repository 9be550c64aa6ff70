"""The registry: names written once, every kind labelled, every rule complete."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from solver import rules
from solver.options import GOALS, Weights
from solver.rules import HARD, KIND_LABELS, SOFT, HardRule, SoftGoal

ROOT = Path(__file__).resolve().parents[3]


def test_names_are_unique_and_goals_come_from_the_registry():
    names = [r.name for r in (*HARD, *SOFT)]
    assert len(names) == len(set(names))
    assert GOALS == tuple(g.name for g in SOFT)
    assert set(Weights.model_fields) == set(GOALS)
    assert {g: Weights().of(g) for g in GOALS} == {g.name: g.default_weight for g in SOFT}


def test_every_finding_kind_has_a_chinese_label():
    kinds = {r.name for r in (*HARD, *SOFT)} | {r.capacity_name() for r in HARD if r.capacity_name()}
    for kind in kinds:
        label = KIND_LABELS.get(kind, "")
        assert re.search(r"[\u4e00-\u9fff]", label), f"finding kind {kind!r} has no Chinese label"


def test_every_rule_has_its_parts():
    for r in HARD:
        assert isinstance(r, HardRule) and r.text.violation and r.family
        assert type(r).check is not rules.Rule.check, r
        if not r.structural:
            # a rule the variables do not enforce must ban pairs or add constraints, and explain itself
            assert type(r).bans is not HardRule.bans or type(r).add is not HardRule.add, r
            assert r.text.requirement, r
        if r.capacity_name():
            assert r.text.capacity and r.text.capacity_label, r
    for g in SOFT:
        assert isinstance(g, SoftGoal) and g.text.help and g.default_weight >= 0
        for part in ("terms", "units", "check"):
            assert getattr(type(g), part) is not getattr(SoftGoal, part), (g, part)


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


def test_a_rule_name_is_written_once_in_production_code():
    """Outside its own class, no module of the house spells a rule's name as a string (fields aside)."""
    names = {r.name for r in (*HARD, *SOFT)} | {r.capacity_name() for r in HARD if r.capacity_name()}
    # a rule named after the field it reads ("window", "after" …) shares that field's name,
    # which the data layer and the paperwork spell as a field: those strings are fields, not rules
    from solver import plan as P

    fields = {f for model in (P.Calendar, P.Form, P.Topic, P.Assignment) for f in model.model_fields}
    names -= fields
    homes = {Path(__import__(type(r).__module__, fromlist=["_"]).__file__).resolve() for r in (*HARD, *SOFT)}
    offenders = []
    for package in ("solver", "store", "services", "ui", "pages", "paperwork", "tools"):
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).exists() else []:
            if path.resolve() in homes:
                continue
            for s in _string_constants(path) & names:
                offenders.append(f"{path.relative_to(ROOT)}: {s!r}")
    assert offenders == []
