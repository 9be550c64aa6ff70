"""Command line: ``python -m paperwork …`` — the conversions, for scripts and tests."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from solver.plan import Plan, Schedule
from solver.validate import PlanError, load_plan, load_schedule

from . import texts as T
from .common import PaperworkError, text_from_upload
from .document import plan_document
from .excel import plan_to_xlsx, template, xlsx_import
from .ics import all_calendars, calendars
from .importer import import_document

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
C = T.CLI

DESCRIPTION = f"""\
{C['prog_help']}

  template   {C['template']}
  xlsx2json  {C['xlsx2json']}
  json2xlsx  {C['json2xlsx']}
  docx       {C['docx']}
  ics        {C['ics']}
  text2json  {C['text2json']}

退出码:0 成功;1 输入文件有误(列出全部问题);2 命令用法有误。
"""

EPILOG = """\
示例:
  python -m paperwork template -o 模板.xlsx
  python -m paperwork xlsx2json 计划.xlsx -o 计划.json
  python -m paperwork json2xlsx data/weihai-2023.json --schedule data/weihai-2023.published.json -o 计划.xlsx
  python -m paperwork docx data/weihai-2023.json data/weihai-2023.published.json -o 计划.docx
  python -m paperwork ics data/weihai-2023.json data/weihai-2023.published.json --department D01 -o 部门.ics
  python -m paperwork text2json 已发布计划.txt -o 草稿.json
"""

_ARGPARSE_ZH = {
    "the following arguments are required": "缺少参数",
    "unrecognized arguments": "无法识别的参数",
    "invalid choice": "无效的选项",
    "expected one argument": "需要一个值",
    "invalid int value": "应为整数",
    "one of the arguments": "以下参数必须且只能给出一个",
    "not allowed with argument": "不能与此参数同时使用",
    "is required": "为必填",
}


_HELP_ZH = {"usage: ": "用法:", "positional arguments:": "位置参数:", "options:": "选项:",
            "optional arguments:": "选项:"}


class _Parser(argparse.ArgumentParser):
    """argparse, with its headings and complaints in Chinese."""

    def _zh(self, text: str) -> str:
        for en, zh in _HELP_ZH.items():
            text = text.replace(en, zh)
        return text

    def format_usage(self) -> str:
        return self._zh(super().format_usage())

    def format_help(self) -> str:
        return self._zh(super().format_help())

    def error(self, message: str):  # type: ignore[override]
        for en, zh in _ARGPARSE_ZH.items():
            message = message.replace(en, zh)
        self.print_usage(sys.stderr)
        print(C["usage_error"].format(msg=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m paperwork", description=DESCRIPTION, epilog=EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter, add_help=False)
    p.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    sub = p.add_subparsers(dest="command", required=True, metavar="{template,xlsx2json,json2xlsx,docx,ics,text2json}",
                           parser_class=_Parser)

    def cmd(name: str) -> argparse.ArgumentParser:
        s = sub.add_parser(name, help=C[name], description=C[name], add_help=False)
        s.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        return s

    s = cmd("template")
    s.add_argument("-o", "--output", type=Path, required=True, help=C["out_required"])

    s = cmd("xlsx2json")
    s.add_argument("xlsx", type=Path, help=C["xlsx"])
    s.add_argument("-o", "--output", type=Path, help=C["out"])

    s = cmd("json2xlsx")
    s.add_argument("plan", type=Path, help=C["plan"])
    s.add_argument("--schedule", type=Path, help=C["schedule"])
    s.add_argument("-o", "--output", type=Path, required=True, help=C["out_required"])

    s = cmd("docx")
    s.add_argument("plan", type=Path, help=C["plan"])
    s.add_argument("schedule", type=Path, nargs="?", help=C["schedule"])
    s.add_argument("-o", "--output", type=Path, required=True, help=C["out_required"])
    s.add_argument("--preamble", type=Path, help=C["preamble"])
    s.add_argument("--closing", type=Path, help=C["closing"])
    s.add_argument("--no-appendix", action="store_true", help="不附“协商活动安排表”")

    s = cmd("ics")
    s.add_argument("plan", type=Path, help=C["plan"])
    s.add_argument("schedule", type=Path, nargs="?", help=C["schedule"])
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--leader", metavar="编号", help=C["leader"])
    who.add_argument("--department", metavar="编号", help=C["department"])
    who.add_argument("--committee", metavar="编号", help=C["committee"])
    who.add_argument("--all", action="store_true", help=C["all"])
    s.add_argument("-o", "--output", type=Path, required=True, help=C["out_required"])

    s = cmd("text2json")
    s.add_argument("text", type=Path, help=C["text"])
    s.add_argument("-o", "--output", type=Path, help=C["out"])
    s.add_argument("--known", type=Path, help=C["known"])
    s.add_argument("--year", type=int, help=C["year"])
    s.add_argument("--session-month", type=int, choices=range(1, 13), metavar="1–12", help=C["session_month"])
    return p


class _BadInput(Exception):
    def __init__(self, messages: list[str]):
        self.messages = messages


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise _BadInput([C["not_found"].format(path=path)]) from None


def _read_text(path: Path) -> str:
    return text_from_upload(path.name, _read_bytes(path))


def _plan(path: Path) -> Plan:
    _read_bytes(path)  # a clear "not found" first
    return load_plan(path)


def _schedule(path: Path | None, plan: Plan) -> Schedule | None:
    if path is None:
        return None
    _read_bytes(path)
    return load_schedule(path, plan)


def _write(path: Path | None, data: bytes | str) -> None:
    if path is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        if isinstance(data, str) and not data.endswith("\n"):
            sys.stdout.write("\n")
        return
    if isinstance(data, str):
        path.write_text(data if data.endswith("\n") else data + "\n", encoding="utf-8")
    else:
        path.write_bytes(data)
    print(C["wrote"].format(path=path), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.command == "template":
        _write(args.output, template())
    elif args.command == "xlsx2json":
        read = xlsx_import(_read_bytes(args.xlsx), name=args.xlsx.name)
        _write(args.output, read.plan.to_json())
        if read.warnings:
            print(C["warnings"], file=sys.stderr)
            for w in read.warnings:
                print(f"  - {w}", file=sys.stderr)
    elif args.command == "json2xlsx":
        plan = _plan(args.plan)
        _write(args.output, plan_to_xlsx(plan, _schedule(args.schedule, plan)))
    elif args.command == "docx":
        plan = _plan(args.plan)
        sched = _schedule(args.schedule, plan)
        preamble = _read_text(args.preamble) if args.preamble else None
        closing = _read_text(args.closing) if args.closing else None
        _write(args.output, plan_document(plan, sched, preamble=preamble, closing=closing,
                                          appendix=not args.no_appendix))
    elif args.command == "ics":
        plan = _plan(args.plan)
        sched = _schedule(args.schedule, plan)
        if args.all:
            _write(args.output, all_calendars(plan, sched))
        else:
            kind, ident = next((k, getattr(args, k)) for k in ("leader", "department", "committee")
                               if getattr(args, k) is not None)
            _write(args.output, calendars(plan, sched, kind=kind, entity_id=ident))
    elif args.command == "text2json":
        known = _plan(args.known) if args.known else None
        draft = import_document(args.text.name, _read_bytes(args.text), known=known, year=args.year,
                                session_month=args.session_month)
        if "year" in draft.required:  # "今年" is no year: ask, never guess
            raise _BadInput([T.READ_WARN["year_needed"] + C["year_flag"]])
        _write(args.output, draft.plan.to_json())
        for what, names in (("专委会", draft.new_committees), ("部门", draft.new_departments),
                            ("领导", draft.new_leaders), ("协商形式", draft.new_forms)):
            if names:
                print(C["new_names"].format(what=what, names="、".join(names)), file=sys.stderr)
        if draft.warnings:
            print(C["warnings"], file=sys.stderr)
            for w in draft.warnings:
                print(f"  - {w}", file=sys.stderr)
        if draft.skipped:
            print(C["unparsed"].format(n=len(draft.skipped)), file=sys.stderr)
            for s in draft.skipped:  # every line not used, by its number: nothing vanishes unsaid
                print(f"  第 {s.line} 行({s.reason}):{s.text}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except PaperworkError as err:
        messages = [i.message for i in err.issues]
    except PlanError as err:
        messages = [i.message for i in err.issues]
    except _BadInput as err:
        messages = err.messages
    except json.JSONDecodeError as err:  # pragma: no cover - load_plan reports these itself
        messages = [str(err)]
    print(C["errors"].format(n=len(messages)), file=sys.stderr)
    for m in messages:
        print(f"  - {m}", file=sys.stderr)
    return EXIT_BAD_INPUT
