"""协商计划编排 — the planning core: plan model, CP-SAT scheduler, checker, explanations.

Pure Python: no streamlit, no database. The few functions the app needs::

    from solver import load_plan, solve, check, SolveOptions
    plan = load_plan("data/weihai-2023.json")
    schedule = solve(plan, SolveOptions(time_limit_s=5))
    report = check(plan, schedule)
"""

from .check import CheckReport, check
from .explain import explain_infeasible, precheck
from .options import GOALS, SolveOptions, Weights
from .plan import Assignment, Finding, Plan, Schedule
from .solve import solve
from .validate import PlanError, PlanIssue, load_plan, load_schedule, parse_plan, parse_schedule

__all__ = [
    "GOALS", "Assignment", "CheckReport", "Finding", "Plan", "PlanError", "PlanIssue", "Schedule",
    "SolveOptions", "Weights", "check", "explain_infeasible", "load_plan", "load_schedule", "parse_plan",
    "parse_schedule", "precheck", "solve",
]
