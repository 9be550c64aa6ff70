"""Command line: ``python -m paperwork …`` — the conversions, for scripts and tests."""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

from solver import texts as ST
from solver.cli_common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    ChineseArgumentParser,
    CliError,
    check_output_path,
    configure_logging,
    int_in,
    run_guarded,
    say,
    write_output,
)
from solver.io import os_reason, read_plan_file, read_schedule_file
from solver.plan import Plan, Schedule

from . import texts as T
from .common import MAX_UPLOAD_BYTES, PaperworkError, text_from_upload
from .document import plan_document
from .excel import plan_to_xlsx, template, xlsx_import
from .ics import all_calendars, calendars
from .importer import import_document
from .review import used_only

C = T.CLI

DESCRIPTION = f"""\
{C["prog_help"]}

  template   {C["template"]}
  xlsx2json  {C["xlsx2json"]}
  json2xlsx  {C["json2xlsx"]}
  docx       {C["docx"]}
  ics        {C["ics"]}
  text2json  {C["text2json"]}

退出码:0 成功;1 输入文件有误(列出全部问题)或文件无法读写;2 命令用法有误;
        70 程序内部错误;130 被中断。
"""

EPILOG = """\
示例(依次运行即可;data/ 为本项目自带的示例计划):
  python -m paperwork template -o 模板.xlsx
  python -m paperwork json2xlsx data/weihai-2023.json --schedule data/weihai-2023.published.json -o 计划.xlsx
  python -m paperwork xlsx2json 计划.xlsx -o 计划.json
  python -m paperwork docx data/weihai-2023.json data/weihai-2023.published.json -o 计划.docx
  python -m paperwork ics data/weihai-2023.json data/weihai-2023.published.json --department gongxin -o 部门.ics
  python -m paperwork ics data/weihai-2023.json data/weihai-2023.published.json --all -o 全部日历.zip
  python -m paperwork text2json 计划.docx --known data/weihai-2023.json -o 草稿.json
"""


def _parser() -> argparse.ArgumentParser:
    p = ChineseArgumentParser(prog="python -m paperwork", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("-v", "--verbose", action="store_true", help=ST.CLI["log_help"])
    sub = p.add_subparsers(dest="command", required=True, metavar="{template,xlsx2json,json2xlsx,docx,ics,text2json}")

    def cmd(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=C[name], description=C[name])

    s = cmd("template")
    s.add_argument("-o", "--output", type=Path, required=True, metavar="文件", help=C["out_required"])

    s = cmd("xlsx2json")
    s.add_argument("xlsx", type=Path, metavar="工作簿", help=C["xlsx"])
    s.add_argument("-o", "--output", type=Path, metavar="文件", help=C["out"])

    s = cmd("json2xlsx")
    s.add_argument("plan", type=Path, metavar="计划文件", help=C["plan"])
    s.add_argument("--schedule", type=Path, metavar="安排文件", help=C["schedule"])
    s.add_argument("-o", "--output", type=Path, required=True, metavar="文件", help=C["out_required"])

    s = cmd("docx")
    s.add_argument("plan", type=Path, metavar="计划文件", help=C["plan"])
    s.add_argument("schedule", type=Path, nargs="?", metavar="安排文件", help=C["schedule"])
    s.add_argument("-o", "--output", type=Path, required=True, metavar="文件", help=C["out_required"])
    s.add_argument("--preamble", type=Path, metavar="文件", help=C["preamble"])
    s.add_argument("--closing", type=Path, metavar="文件", help=C["closing"])
    s.add_argument("--no-appendix", action="store_true", help="不附“协商活动安排表”")

    s = cmd("ics")
    s.add_argument("plan", type=Path, metavar="计划文件", help=C["plan"])
    s.add_argument("schedule", type=Path, nargs="?", metavar="安排文件", help=C["schedule"])
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--leader", metavar="编号", help=C["leader"])
    who.add_argument("--department", metavar="编号", help=C["department"])
    who.add_argument("--committee", metavar="编号", help=C["committee"])
    who.add_argument("--all", action="store_true", help=C["all"])
    s.add_argument("-o", "--output", type=Path, required=True, metavar="文件", help=C["out_required"])

    s = cmd("text2json")
    s.add_argument("text", type=Path, metavar="文本文件", help=C["text"])
    s.add_argument("-o", "--output", type=Path, metavar="文件", help=C["out"])
    s.add_argument("--known", type=Path, metavar="文件", help=C["known"])
    s.add_argument("--year", type=int_in(1949, 2200), metavar="年", help=C["year"])
    s.add_argument("--session-month", type=int, choices=range(1, 13), metavar="1–12", help=C["session_month"])
    return p


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise CliError(f"{path} 是一个文件夹,请给出文件")
    try:
        if path.is_file():
            return path.read_bytes()  # its size is checked with the upload's own limit and message
        # a device or a pipe (/dev/zero): read no more than the limit allows, so it ends
        with path.open("rb") as f:
            return f.read(MAX_UPLOAD_BYTES + 1)
    except FileNotFoundError:
        raise CliError(C["not_found"].format(path=path)) from None
    except PermissionError:
        raise CliError(f"没有权限读取 {path}") from None
    except OSError as err:
        raise CliError(f"无法读取 {path}:{os_reason(err)}") from None


def _read_text(path: Path) -> str:
    return text_from_upload(path.name, _read_bytes(path))


def _plan(path: Path) -> Plan:
    plan, warnings = read_plan_file(path)
    for w in warnings:
        say(f"提示:{w}")
    return plan


def _schedule(path: Path | None, plan: Plan) -> Schedule | None:
    return read_schedule_file(path, plan) if path is not None else None


def _write(path: Path | None, data: bytes | str) -> None:
    write_output(path, data)
    if path is not None:
        say(C["wrote"].format(path=path))


def run(args: argparse.Namespace) -> int:
    if args.command == "template":
        _write(args.output, template())
    elif args.command == "xlsx2json":
        read = xlsx_import(_read_bytes(args.xlsx), name=args.xlsx.name)
        _write(args.output, read.plan.to_json())
        if read.warnings:
            say(C["warnings"], *(f"  - {w}" for w in read.warnings))
    elif args.command == "json2xlsx":
        plan = _plan(args.plan)
        _write(args.output, plan_to_xlsx(plan, _schedule(args.schedule, plan)))
    elif args.command == "docx":
        plan = _plan(args.plan)
        sched = _schedule(args.schedule, plan)
        preamble = _read_text(args.preamble) if args.preamble else None
        closing = _read_text(args.closing) if args.closing else None
        _write(
            args.output, plan_document(plan, sched, preamble=preamble, closing=closing, appendix=not args.no_appendix)
        )
    elif args.command == "ics":
        plan = _plan(args.plan)
        sched = _schedule(args.schedule, plan)
        if args.all:
            bundle = all_calendars(plan, sched)
            if not zipfile.ZipFile(io.BytesIO(bundle)).namelist():  # an empty .zip helps no one
                raise CliError(C["no_events_all"].format(path=args.output))
            _write(args.output, bundle)
        else:
            kind, ident = next(
                (k, getattr(args, k)) for k in ("leader", "department", "committee") if getattr(args, k) is not None
            )
            data = calendars(plan, sched, kind=kind, entity_id=ident)
            _write(args.output, data)
            if b"BEGIN:VEVENT" not in data:
                say(C["no_events_one"])
    elif args.command == "text2json":
        known = _plan(args.known) if args.known else None
        draft = import_document(
            args.text.name, _read_bytes(args.text), known=known, year=args.year, session_month=args.session_month
        )
        if "year" in draft.required:  # "今年" is no year: ask, never guess
            raise CliError(T.READ_WARN["year_needed"] + C["year_flag"])
        # --known maps names to its ids; the plan written is still this text's own, not the known one's lists
        _write(args.output, (used_only(draft.plan) if known else draft.plan).to_json())
        for what, names in (
            ("专委会", draft.new_committees),
            ("部门", draft.new_departments),
            ("领导", draft.new_leaders),
            ("协商形式", draft.new_forms),
        ):
            if names:
                say(C["new_names"].format(what=what, names="、".join(names)))
        if draft.warnings:
            say(C["warnings"], *(f"  - {w}" for w in draft.warnings))
        if draft.skipped:
            # every line not used, by its number: nothing vanishes unsaid
            # text the extraction left out (a page's header, a contact table) by its place in the document
            lines = [
                C["skipped_place"].format(place=x.place, reason=x.reason, text=x.text)
                if x.place
                else C["skipped_line"].format(line=x.line, reason=x.reason, text=x.text)
                for x in draft.skipped
            ]
            say(C["unparsed"].format(n=len(draft.skipped)), *lines)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if getattr(args, "output", None) is not None:
        check_output_path(args.output)  # before any work: a missing folder is said at once
    try:
        return run(args)
    except PaperworkError as err:
        messages = [i.message for i in err.issues]
    say(C["errors"].format(n=len(messages)), *(f"  - {m}" for m in messages))
    return EXIT_BAD_INPUT


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m paperwork``; the exit code (see ``DESCRIPTION``). No traceback reaches the user."""
    args = _parser().parse_args(argv)
    configure_logging(args.verbose)
    return run_guarded(lambda: _run(args))
