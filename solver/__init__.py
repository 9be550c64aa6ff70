"""协商计划编排 — the planning core: plan model, CP-SAT scheduler, checker, explanations.

Pure Python: no streamlit, no database. The few functions the app needs::

    from solver import load_plan, solve, check, SolveOptions
    plan = load_plan("data/weihai-2023.json")
    schedule = solve(plan, SolveOptions(time_limit_s=5))
    report = check(plan, schedule)

Names are imported on first use, so ``import solver.plan`` (the data layer,
the command-line tools) does not pay for loading OR-Tools.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "GOALS": "options",
    "SolveOptions": "options",
    "Weights": "options",
    "Assignment": "plan",
    "Finding": "plan",
    "Plan": "plan",
    "Schedule": "plan",
    "PlanError": "validate",
    "PlanIssue": "validate",
    "load_plan": "validate",
    "load_schedule": "validate",
    "parse_plan": "validate",
    "parse_schedule": "validate",
    "CheckReport": "checker",
    "check": "checker",
    "explain_infeasible": "explain",
    "precheck": "explain",
    "solve": "solving",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'solver' has no attribute {name!r}")
