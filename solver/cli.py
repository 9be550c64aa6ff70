"""Command line: ``python -m solver solve|check`` for planners' IT colleagues and scripts."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from . import texts as T
from .checker import check
from .cli_common import (
    EXIT_OK,
    ChineseArgumentParser,
    check_output_path,
    parse_weights,
    run_guarded,
    say,
    seconds,
    workers,
    write_output,
)
from .io import read_plan_file, read_schedule_file
from .options import SolveOptions
from .plan import Status
from .rules import GOAL_LABELS
from .solving import solve

EXIT_INFEASIBLE, EXIT_VIOLATIONS = 3, 4

DESCRIPTION = """\
协商计划编排 — 年度协商计划的排程与检查。

  solve  读入一份计划(consult-plan/1 JSON),为每个议题安排月份和承办专委会,
         写出安排(consult-schedule/1 JSON)。无解时说明哪几条要求互相冲突。
  check  检查一份已有的安排(可手工填写,或去年已发布的计划)是否违反硬性规则,
         并列出软性预警(部门/领导超负荷、未排在建议月份等)。

软性目标(--weights 的键):
  {goals}

退出码:0 成功;1 输入文件有误或文件无法读写;2 命令用法有误;3 计划无可行方案;
        4 检查发现违反硬性规则;70 程序内部错误;130 被中断。
"""

EPILOG = """\
示例:
  python -m solver solve data/weihai-2023.json -o 安排.json
  python -m solver solve data/weihai-2023.json -o 新安排.json --baseline data/weihai-2023.published.json --time-limit 5
  python -m solver solve data/weihai-2023.json --weights '{"moved": 50, "department_overload": 10}'
  python -m solver check data/weihai-2023.json data/weihai-2023.published.json
"""


def _parser() -> argparse.ArgumentParser:
    goals = "、".join(f"{g}({label})" for g, label in GOAL_LABELS.items())
    p = ChineseArgumentParser(prog="python -m solver", description=DESCRIPTION.format(goals=goals), epilog=EPILOG)
    sub = p.add_subparsers(dest="command", required=True, metavar="{solve,check}")

    s = sub.add_parser(
        "solve", help="编排:为每个议题安排月份和承办专委会", description="编排:为每个议题安排月份和承办专委会"
    )
    s.add_argument("plan", type=Path, metavar="计划文件", help="计划文件(consult-plan/1 JSON)")
    s.add_argument("-o", "--output", type=Path, metavar="文件", help="写出安排的文件;省略则打印到屏幕")
    s.add_argument(
        "--baseline", type=Path, metavar="安排文件", help="原安排文件:再编排时尽量少调整议题,并以它为起点加速"
    )
    s.add_argument(
        "--time-limit",
        type=seconds,
        default=SolveOptions().time_limit_s,
        metavar="秒",
        help="最长求解时间(秒,按实际经过的时间计,不含程序启动;大于 0,最多一天),默认 %(default)s",
    )
    s.add_argument(
        "--workers",
        type=workers,
        default=SolveOptions().num_workers,
        metavar="个数",
        help="求解线程数(1–64),默认为本机核数 %(default)s",
    )
    s.add_argument(
        "--weights",
        type=str,
        metavar="JSON",
        help="软性目标权重(非负整数),如 '{\"moved\": 50}';目标名见 python -m solver --help",
    )
    s.add_argument("-v", "--verbose", action="store_true", help="显示求解过程日志")

    c = sub.add_parser("check", help="检查一份已有安排", description="检查一份已有安排")
    c.add_argument("plan", type=Path, help="计划文件(consult-plan/1 JSON)")
    c.add_argument("schedule", type=Path, metavar="安排文件", help="安排文件(consult-schedule/1 JSON)")
    c.add_argument("--baseline", type=Path, metavar="安排文件", help="原安排文件:统计相对它调整了多少议题")
    c.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    return p


def _plan(path: Path):
    plan, warnings = read_plan_file(path)
    for w in warnings:
        say(f"提示:{w}")
    return plan


def cmd_solve(args: argparse.Namespace) -> int:
    weights = parse_weights(args.weights)
    if args.output:
        check_output_path(args.output)
    plan = _plan(args.plan)
    baseline = read_schedule_file(args.baseline, plan) if args.baseline else None
    options = SolveOptions(weights=weights, time_limit_s=args.time_limit, num_workers=args.workers)
    schedule = solve(plan, options, baseline=baseline)
    write_output(args.output, schedule.to_json())
    if schedule.status == Status.INFEASIBLE:
        say(f"计划无可行方案。{schedule.explanation}", *(f"  - {c.message}" for c in schedule.conflicts))
        return EXIT_INFEASIBLE
    if schedule.status == Status.UNKNOWN:
        say(schedule.explanation or "未找到方案")
        return EXIT_INFEASIBLE
    say(
        f"{T.STATUS[schedule.status]}:{len(schedule.assignments)} 个议题,目标值 {schedule.objective}"
        f"(下界 {schedule.bound}),用时 {schedule.solve_seconds} 秒"
        f"({T.STOPPED_BY.get(schedule.stopped_by or '', '')}),预警 {len(schedule.warnings)} 条"
        + (f",已写入 {args.output}" if args.output else "")
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    plan = _plan(args.plan)
    schedule = read_schedule_file(args.schedule, plan)
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
        lines = [f"硬性规则:{'全部满足' if rep.ok else f'违反 {len(rep.hard)} 处'}"]
        lines += [f"  ✗ {f.message}" for f in rep.hard]
        lines.append(f"软性预警:{len(rep.warnings)} 条")
        lines += [f"  ! {f.message}" for f in rep.warnings]
        lines.append("统计:" + ",".join(f"{GOAL_LABELS[g]} {n}" for g, n in rep.counts.items()))
        text = "\n".join(lines)
    write_output(None, text)
    return EXIT_OK if rep.ok else EXIT_VIOLATIONS


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m solver``; the exit code (see ``DESCRIPTION``). Never raises, never prints a traceback."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    return run_guarded(lambda: cmd_solve(args) if args.command == "solve" else cmd_check(args))
