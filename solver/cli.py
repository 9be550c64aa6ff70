"""Command line: ``python -m solver solve|check`` for planners' IT colleagues and scripts."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import texts as T
from . import texts_search as TS
from .checker import check
from .options import SolveOptions, Weights
from .plan import Status
from .rules import GOAL_LABELS
from .solving import solve
from .validate import PlanError, load_plan, load_schedule

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_INFEASIBLE, EXIT_VIOLATIONS = 0, 1, 2, 3, 4

DESCRIPTION = """\
协商计划编排 — 年度协商计划的排程与检查。

  solve  读入一份计划(consult-plan/1 JSON),为每个议题安排月份和承办专委会,
         写出安排(consult-schedule/1 JSON)。无解时说明哪几条要求互相冲突。
  check  检查一份已有的安排(可手工填写,或去年已发布的计划)是否违反硬性规则,
         并列出软性预警(部门/领导超负荷、未排在建议月份等)。

退出码:0 成功;1 输入文件有误;2 命令用法有误;3 计划无可行方案;4 检查发现违反硬性规则。
"""

EPILOG = """\
示例:
  python -m solver solve data/weihai-2023.json -o 安排.json
  python -m solver solve 计划.json -o 新安排.json --baseline 旧安排.json --time-limit 5
  python -m solver check data/weihai-2023.json data/weihai-2023.published.json
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m solver",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="{solve,check}")

    s = sub.add_parser(
        "solve", help="编排:为每个议题安排月份和承办专委会", formatter_class=argparse.RawDescriptionHelpFormatter
    )
    s.add_argument("plan", type=Path, help="计划文件(consult-plan/1 JSON)")
    s.add_argument("-o", "--output", type=Path, help="写出安排的文件;省略则打印到屏幕")
    s.add_argument("--baseline", type=Path, help="原安排文件:再编排时尽量少调整议题,并以它为起点加速")
    s.add_argument(
        "--time-limit",
        type=float,
        default=SolveOptions().time_limit_s,
        metavar="秒",
        help="最长求解时间(秒,按实际经过的时间计,不含程序启动),默认 %(default)s",
    )
    s.add_argument(
        "--workers", type=int, default=SolveOptions().num_workers, help="求解线程数,默认为本机核数 %(default)s"
    )
    s.add_argument(
        "--weights", type=str, metavar="JSON", help='软性目标权重,如 \'{"department_overload": 10, "moved": 50}\''
    )
    s.add_argument("-v", "--verbose", action="store_true", help="显示求解过程日志")

    c = sub.add_parser("check", help="检查一份已有安排")
    c.add_argument("plan", type=Path, help="计划文件(consult-plan/1 JSON)")
    c.add_argument("schedule", type=Path, help="安排文件(consult-schedule/1 JSON)")
    c.add_argument("--baseline", type=Path, help="原安排文件:统计相对它调整了多少议题")
    c.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    return p


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _report_plan_error(err: PlanError) -> int:
    _err(f"输入有误(共 {len(err.issues)} 处):")
    for issue in err.issues:
        _err(f"  - {issue.message}")
    return EXIT_BAD_INPUT


def cmd_solve(args: argparse.Namespace) -> int:
    plan = load_plan(args.plan)
    baseline = load_schedule(args.baseline, plan) if args.baseline else None
    try:
        weights = Weights(**json.loads(args.weights)) if args.weights else Weights()
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        _err(f"--weights 不正确:{exc}")
        return EXIT_BAD_INPUT
    if args.workers < 1 or not args.time_limit > 0:
        bad = ("bad_workers", args.workers) if args.workers < 1 else ("bad_time_limit", args.time_limit)
        _err(TS.say(bad[0], value=bad[1]))
        return EXIT_USAGE
    options = SolveOptions(weights=weights, time_limit_s=args.time_limit, num_workers=args.workers)
    schedule = solve(plan, options, baseline=baseline)
    text = schedule.to_json()
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    if schedule.status == Status.INFEASIBLE:
        _err(f"计划无可行方案。{schedule.explanation}")
        for c in schedule.conflicts:
            _err(f"  - {c.message}")
        return EXIT_INFEASIBLE
    if schedule.status == Status.UNKNOWN:
        _err(schedule.explanation or "未找到方案")
        return EXIT_INFEASIBLE
    _err(
        f"{T.STATUS[schedule.status]}:{len(schedule.assignments)} 个议题,目标值 {schedule.objective}"
        f"(下界 {schedule.bound}),用时 {schedule.solve_seconds} 秒"
        f"({TS.STOPPED_BY.get(schedule.stopped_by or '', '')}),预警 {len(schedule.warnings)} 条"
        + (f",已写入 {args.output}" if args.output else "")
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    plan = load_plan(args.plan)
    schedule = load_schedule(args.schedule, plan)
    baseline = load_schedule(args.baseline, plan) if args.baseline else None
    rep = check(plan, schedule, baseline=baseline)
    if args.json:
        print(
            json.dumps(
                {
                    "hard": [f.model_dump(exclude_none=True) for f in rep.hard],
                    "warnings": [f.model_dump(exclude_none=True) for f in rep.warnings],
                    "counts": rep.counts,
                    "penalty": rep.penalty(),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"硬性规则:{'全部满足' if rep.ok else f'违反 {len(rep.hard)} 处'}")
        for f in rep.hard:
            print(f"  ✗ {f.message}")
        print(f"软性预警:{len(rep.warnings)} 条")
        for f in rep.warnings:
            print(f"  ! {f.message}")
        print("统计:" + ",".join(f"{GOAL_LABELS[g]} {n}" for g, n in rep.counts.items()))
    return EXIT_OK if rep.ok else EXIT_VIOLATIONS


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return cmd_solve(args) if args.command == "solve" else cmd_check(args)
    except PlanError as err:
        return _report_plan_error(err)
    except OSError as err:
        _err(f"无法读写文件:{err}")
        return EXIT_BAD_INPUT
