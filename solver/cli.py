"""Command line: ``python -m solver solve|check`` for planners' IT colleagues and scripts."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path

from . import texts as T
from .checker import check
from .cli_common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    ChineseArgumentParser,
    check_output_path,
    configure_logging,
    parse_weights,
    run_guarded,
    say,
    seconds,
    workers,
    write_output,
)
from .io import read_plan_file, read_schedule_file
from .options import SolveOptions
from .plan import Plan, Schedule, Status
from .rules import GOAL_LABELS
from .solving import solve

# 3: proven that no schedule exists; 5: the limit ran out before one was found (retry longer)
EXIT_INFEASIBLE, EXIT_VIOLATIONS, EXIT_NO_SCHEDULE_YET = 3, 4, 5

DESCRIPTION = T.CLI_DESCRIPTION
EPILOG = T.CLI_EPILOG


def _parser() -> argparse.ArgumentParser:
    goals = T.quote_list(T.CLI["goal"].format(goal=g, label=label) for g, label in GOAL_LABELS.items())
    p = ChineseArgumentParser(prog="python -m solver", description=DESCRIPTION.format(goals=goals), epilog=EPILOG)
    sub = p.add_subparsers(dest="command", required=True, metavar="{solve,check}")

    s = sub.add_parser("solve", help=T.CLI["solve"], description=T.CLI["solve"])
    s.add_argument("plan", type=Path, metavar=T.CLI["plan_metavar"], help=T.CLI["plan_help"])
    s.add_argument("-o", "--output", type=Path, metavar=T.CLI["file_metavar"], help=T.CLI["output_help"])
    s.add_argument("--baseline", type=Path, metavar=T.CLI["schedule_metavar"], help=T.CLI["solve_baseline_help"])
    s.add_argument(
        "--time-limit",
        type=seconds,
        default=SolveOptions().time_limit_s,
        metavar=T.CLI["seconds_metavar"],
        help=T.CLI["time_limit_help"],
    )
    s.add_argument(
        "--workers",
        type=workers,
        default=SolveOptions().num_workers,
        metavar=T.CLI["count_metavar"],
        help=T.CLI["workers_help"],
    )
    s.add_argument(
        "--weights",
        type=str,
        metavar="JSON",
        help=T.CLI["weights_help"],
    )
    s.add_argument("-v", "--verbose", action="store_true", help=T.CLI["verbose_help"])

    c = sub.add_parser("check", help=T.CLI["check"], description=T.CLI["check"])
    c.add_argument("plan", type=Path, help=T.CLI["plan_help"])
    c.add_argument("schedule", type=Path, metavar=T.CLI["schedule_metavar"], help=T.CLI["schedule_help"])
    c.add_argument("--baseline", type=Path, metavar=T.CLI["schedule_metavar"], help=T.CLI["check_baseline_help"])
    c.add_argument("--json", action="store_true", help=T.CLI["json_help"])
    return p


def _plan(path: Path):
    plan, warnings = read_plan_file(path)
    for w in warnings:
        say(T.CLI["hint"].format(w=w))
    return plan


def cmd_solve(args: argparse.Namespace) -> int:
    weights = parse_weights(args.weights)
    if args.output:
        check_output_path(args.output)
    plan = _plan(args.plan)
    baseline = read_schedule_file(args.baseline, plan) if args.baseline else None
    options = SolveOptions(weights=weights, time_limit_s=args.time_limit, num_workers=args.workers)
    schedule = _solve_until_interrupted(plan, options, baseline)
    write_output(args.output, schedule.to_json())
    if schedule.status == Status.INFEASIBLE:
        say(
            T.CLI["infeasible"].format(explanation=schedule.explanation),
            *(f"  - {c.message}" for c in schedule.conflicts),
        )
        return EXIT_INFEASIBLE
    if schedule.status == Status.UNKNOWN:
        say(schedule.explanation or T.STATUS["unknown"])
        return EXIT_NO_SCHEDULE_YET
    say(
        T.CLI["solved"].format(
            status=T.STATUS[schedule.status],
            n=len(schedule.assignments),
            objective=schedule.objective,
            bound=schedule.bound,
            seconds=schedule.solve_seconds,
            stopped_by=T.STOPPED_BY.get(schedule.stopped_by or "", ""),
            warnings=len(schedule.warnings),
        )
        + (T.CLI["written"].format(path=args.output) if args.output else "")
    )
    return EXIT_OK


def _solve_until_interrupted(plan: Plan, options: SolveOptions, baseline: Schedule | None) -> Schedule:
    """:func:`solver.solving.solve` in a thread; Ctrl-C ends the process at once with exit 130.

    CP-SAT installs its own SIGINT handler while it searches (it ends only the
    search running then, as if its time limit had come: the neighbourhood
    search just goes on with the next one) and leaves the default action
    behind it (the process dies without a word). So SIGINT is blocked in the
    solve and in every thread it starts, and this thread takes it with
    ``sigtimedwait``: whatever handler CP-SAT has set never runs. Nothing has
    been written yet — the output is written after the solve — so the process
    ends at once (``os._exit``: CP-SAT's threads need not be waited for).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "sigtimedwait"):
        return solve(plan, options, baseline=baseline)
    answer: dict[str, object] = {}

    def run() -> None:
        try:
            answer["schedule"] = solve(plan, options, baseline=baseline)
        except BaseException as err:  # noqa: BLE001 - handed to the main thread, raised there
            answer["error"] = err

    handler = signal.getsignal(signal.SIGINT)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        thread = threading.Thread(target=run, name="solve", daemon=True)
        thread.start()
        while thread.is_alive():
            if signal.sigtimedwait({signal.SIGINT}, 0.2) is not None:
                say(T.CLI["interrupted_solve"])
                sys.stdout.flush()
                os._exit(EXIT_INTERRUPTED)
    finally:
        if handler is not None:
            signal.signal(signal.SIGINT, handler)  # CP-SAT left SIG_DFL behind: Python's handler again
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    if "error" in answer:
        raise answer["error"]  # type: ignore[misc]
    return answer["schedule"]  # type: ignore[return-value]


def cmd_check(args: argparse.Namespace) -> int:
    plan = _plan(args.plan)
    # Read for its shape only: a topic placed twice or not in the plan, a month
    # outside the calendar, an unknown lead are what the checker reports as
    # broken hard rules (exit 4), not a file it cannot read (exit 1).
    schedule = read_schedule_file(args.schedule)
    baseline = read_schedule_file(args.baseline, plan) if args.baseline else None
    rep = check(plan, schedule, baseline=baseline)
    if args.json:
        text = json.dumps(
            {
                "hard": [f.model_dump(exclude_none=True) for f in rep.hard],
                "warnings": [f.model_dump(exclude_none=True) for f in rep.warnings],
                "counts": rep.counts,
                "penalty": rep.penalty(),
            },
            ensure_ascii=False,
            indent=2,
        )
    else:
        hard = T.CLI["hard_ok"] if rep.ok else T.CLI["hard_broken"].format(n=len(rep.hard))
        lines = [T.CLI["hard"].format(hard=hard)]
        lines += [f"  ✗ {f.message}" for f in rep.hard]
        lines.append(T.CLI["soft"].format(n=len(rep.warnings)))
        lines += [f"  ! {f.message}" for f in rep.warnings]
        lines.append(T.CLI["counts"] + ",".join(f"{GOAL_LABELS[g]} {n}" for g, n in rep.counts.items()))
        text = "\n".join(lines)
    write_output(None, text)
    return EXIT_OK if rep.ok else EXIT_VIOLATIONS


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m solver``; the exit code (see ``DESCRIPTION``). Never raises, never prints a traceback."""
    args = _parser().parse_args(argv)
    configure_logging(getattr(args, "verbose", False))
    return run_guarded(lambda: cmd_solve(args) if args.command == "solve" else cmd_check(args))
