"""``python -m jobs.admin``: the administrator's settings for solve jobs, and the jobs now queued or running.

    python -m jobs.admin settings                         # the settings in force
    python -m jobs.admin set max_time_limit_s 60 --by 管理员
    python -m jobs.admin list                             # the newest jobs of every plan

Works on ``DATABASE_URL`` (default: the SQLite file under ``var/``). Exit
codes: 0 success, 1 refused (a Chinese message says why), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import asdict

from solver.cli_common import ChineseArgumentParser, CliError, configure_logging, line_text, out, say

from . import texts as T

OK, FAILED, USAGE = 0, 1, 2
LISTED = 30


def _parser() -> argparse.ArgumentParser:
    # Chinese headings, -h help and complaints, like every command line of the house
    p = ChineseArgumentParser(prog="python -m jobs.admin", description=T.ADMIN_DESCRIPTION)
    p.add_argument("-v", "--verbose", action="store_true", help=T.WORKER_VERBOSE)
    sub = p.add_subparsers(dest="command", required=True, metavar=T.METAVAR["command"])
    sub.add_parser("settings", help=T.ADMIN_SETTINGS, description=T.ADMIN_SETTINGS)
    s = sub.add_parser("set", help=T.ADMIN_SET, description=T.ADMIN_SET)
    s.add_argument("key", metavar=T.METAVAR["key"], help=T.ADMIN_KEY)
    s.add_argument("value", metavar=T.METAVAR["value"], help=T.ADMIN_VALUE)
    s.add_argument("--by", type=line_text, default="", metavar=T.METAVAR["name"], help=T.ADMIN_BY)
    sub.add_parser("list", help=T.ADMIN_LIST, description=T.ADMIN_LIST)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_logging(args.verbose)
    from dataclasses import replace

    from services import ServiceError, jobs
    from services.access import COMMAND_LINE
    from services.database import open_database

    # the command line acts as an administrator (whoever runs it can open the database anyway),
    # recorded in the audit trail under --by or 「命令行」
    me = replace(COMMAND_LINE, name=args.by.strip()) if getattr(args, "by", "").strip() else COMMAND_LINE
    try:
        engine = open_database()
        if args.command == "set":
            jobs.set_setting(engine, args.key, args.value, actor=me)
        if args.command in ("settings", "set"):
            for key, value in asdict(jobs.settings(engine, actor=me)).items():
                out(f"{key} = {value:g}  # {T.SETTING_LABELS[key]}")
        else:
            from store import jobs as store_jobs

            for j in store_jobs.list_jobs(engine, limit=LISTED):
                out(T.admin_job_line(j.id, j.plan_id, j.kind, j.status, j.author, j.topic_count, j.worker or ""))
    except ServiceError as err:
        print(str(err), file=sys.stderr)
        return FAILED
    except CliError as err:  # standard output could not be written (a full disk)
        say(*err.messages)
        return err.code
    return OK


if __name__ == "__main__":
    raise SystemExit(main())
