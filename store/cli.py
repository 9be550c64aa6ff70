"""``python -m store``: the admin command for the office's IT colleague.

Works on whatever ``DATABASE_URL`` points at (default: the SQLite file under
``var/``). Exit codes: 0 success, 1 the operation failed (a Chinese message
says why: bad file, unknown plan, database not reachable, read-only, locked
or not upgraded), 2 the command line itself was wrong (argparse), and the
shared codes of :mod:`solver.cli_common` (70 internal error, 130 interrupted).
Plan files are read by :func:`solver.io.read_plan_data`, as every other command does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from solver import texts as solver_texts
from solver.cli_common import (
    ChineseArgumentParser,
    CliError,
    check_output_path,
    configure_logging,
    int_in,
    line_text,
    out,
    run_guarded,
    write_output,
)
from solver.io import os_reason, read_plan_data
from solver.validate import PlanError

from . import api
from . import texts as T
from .db import (
    DEFAULT_SQLITE_PATH,
    SAMPLES_DIR,
    check_schema,
    current_revision,
    database_url,
    display_url,
    head_revision,
    make_engine,
    upgrade,
)
from .errors import StoreError, driver_reason

OK, FAILED, USAGE = 0, 1, 2

_CONNECT = re.compile(r"connect|password authentication|unable to open|does not exist|host name", re.I)


def db_reason(error: str) -> str:
    """A database driver's English error line → a Chinese reason (the English only in the log)."""
    return driver_reason(error)


def db_failure(url: str, error: str) -> str:
    """The whole Chinese sentence for a failed database operation (connecting, or reading/writing)."""
    if _CONNECT.search(error):
        return T.CLI_CONNECT_FAILED.format(url=url, error=db_reason(error))
    return T.CLI_DB_FAILED.format(url=url, reason=db_reason(error))


def _out(text: str = "") -> None:
    out(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[str(c) for c in r] for r in rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        _out("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip())


# -- commands -----------------------------------------------------------------------


def cmd_upgrade(engine: Engine, args: argparse.Namespace) -> int:
    before, after = upgrade(engine, args.to)
    head = after or T.CLI_NONE
    if before == after:
        _out(T.CLI_UP_TO_DATE.format(head=head))
    elif before is None:
        _out(T.CLI_CREATED.format(head=head))
    else:
        _out(T.CLI_UPGRADED.format(before=before, head=head))
    if args.with_samples and before is None:
        ids = api.load_samples(engine, SAMPLES_DIR)
        _out(T.CLI_SAMPLES.format(n=len(ids)))
    return OK


def cmd_current(engine: Engine, args: argparse.Namespace) -> int:
    rev = current_revision(engine)
    _out(T.CLI_REVISION.format(rev=rev, head=head_revision()) if rev else T.CLI_NO_REVISION)
    return OK


def _actor(name: str = ""):
    """The command line acts as :data:`services.access.COMMAND_LINE` (an administrator), under ``name`` if given.

    The services are imported here, not at the top: this module is the data
    layer's command line, and only its audited writes go through the use cases.
    """
    from dataclasses import replace

    from services.access import COMMAND_LINE

    return replace(COMMAND_LINE, name=name.strip()) if name and name.strip() else COMMAND_LINE


def cmd_import(engine: Engine, args: argparse.Namespace) -> int:
    from services import Reason, ServiceError
    from services import plans as services_plans

    check_schema(engine)
    status = OK
    for name in args.files:
        path = Path(name)
        try:
            data, plan, warnings = read_plan_data(path)
            for w in warnings:
                _err(T.CLI_HINT.format(warning=w))
            plan_id = services_plans.import_plan_json(
                engine, data, actor=_actor(args.author), name=path.name, plan=plan
            )
        except PlanError as err:
            _err(T.CLI_FILE_FAILED.format(path=path, n=len(err.issues)))
            for issue in err.issues:
                _err(f"  - {issue.message}")
            status = FAILED
            continue
        except ServiceError as err:
            _database_cause(err)
            if err.reason == Reason.INVALID:
                _err(T.CLI_FILE_FAILED.format(path=path, n=len(err.issues)))
                for issue in err.issues:
                    _err(f"  - {issue}")
            else:
                _err(T.CLI_ERROR.format(message=f"{path}:{err}"))
            status = FAILED
            continue
        summary = next(p for p in api.list_plans(engine) if p.id == plan_id)
        _out(
            T.CLI_IMPORTED.format(
                path=path,
                plan_id=plan_id,
                label=summary.label,
                topics=summary.topic_count,
                scenarios=summary.scenario_count,
            )
        )
    return status


def cmd_export(engine: Engine, args: argparse.Namespace) -> int:
    check_schema(engine)
    to_screen = args.output in (None, "-")
    out = None if to_screen else check_output_path(args.output)
    data = api.export_plan_json(engine, args.plan_id, with_schedules=args.with_schedules)
    try:
        write_output(out, json.dumps(data, ensure_ascii=False, indent=2))
    except CliError as err:
        raise CliError(*(T.CLI_ERROR.format(message=m) for m in err.messages)) from None
    if to_screen:
        return OK
    _out(T.CLI_EXPORTED.format(plan_id=args.plan_id, label=T.plan_label(data["body"], data["year"]), path=out))
    return OK


def cmd_plans(engine: Engine, args: argparse.Namespace) -> int:
    check_schema(engine)
    plans = api.list_plans(engine)
    if not plans:
        _out(T.CLI_NO_PLANS)
        return OK
    _table(
        T.CLI_PLANS_HEADER,
        [(p.id, p.body, p.year, p.topic_count, p.version, p.scenario_count, T.when(p.updated_at)) for p in plans],
    )
    return OK


def cmd_scenarios(engine: Engine, args: argparse.Namespace) -> int:
    check_schema(engine)
    scenarios = api.list_scenarios(engine, args.plan_id)
    summary = next(p for p in api.list_plans(engine) if p.id == args.plan_id)
    current = api.current_schedule(engine, args.plan_id)
    _out(summary.label)
    _out(
        T.CLI_CURRENT_MARK.format(
            status=solver_texts.STATUS.get(current.status, current.status), n=len(current.assignments)
        )
        if current
        else T.CLI_NO_CURRENT
    )
    if not scenarios:
        _out(T.CLI_NO_SCENARIOS.format(label=summary.label))
        return OK
    _table(
        T.CLI_SCENARIOS_HEADER,
        [
            (
                s.id,
                s.name,
                s.author,
                T.when(s.created_at),
                solver_texts.STATUS.get(s.status, s.status),
                s.assignment_count,
                s.plan_version if s.plan_version is not None else "",
                s.note,
            )
            for s in scenarios
        ],
    )
    return OK


def cmd_accounts(engine: Engine, args: argparse.Namespace) -> int:
    """``accounts list|create|reset|disable|enable``: manage accounts from the shell (as the command line)."""
    from services import ServiceError, accounts
    from services import texts as ST

    check_schema(engine)
    me = _actor(args.by)
    try:
        if args.action == "list":
            rows = accounts.list_accounts(engine, actor=me)
            if not rows:
                _out(T.CLI_NO_ACCOUNTS)
                return OK
            _table(
                T.CLI_ACCOUNTS_HEADER,
                [
                    (
                        a.login,
                        a.display_name,
                        ST.ROLE_NAMES[a.role],
                        a.department or "",
                        a.email or "",
                        T.CLI_ACTIVE if a.active else T.CLI_DISABLED,
                        a.last_login,
                    )
                    for a in rows
                ],
            )
            return OK
        if not args.login:
            _err(T.CLI_ERROR.format(message=T.CLI_LOGIN_NEEDED))
            return USAGE
        if args.action == "create":
            password = accounts.generate_password()
            accounts.create_account(
                engine,
                login=args.login,
                password=password,
                role=args.role,
                display_name=args.name or "",
                department=args.department,
                email=args.email,
                actor=me,
            )
            _out(T.CLI_ACCOUNT_CREATED.format(login=args.login, password=password))
            return OK
        account = accounts.account_by_login(engine, args.login, actor=me)
        if args.action == "reset":
            password = accounts.generate_password()
            accounts.set_password(engine, account.id, password, actor=me)
            _out(T.CLI_PASSWORD_RESET.format(login=args.login, password=password))
        else:
            accounts.set_active(engine, account.id, args.action == "enable", actor=me)
            _out(
                (T.CLI_ACCOUNT_ENABLED if args.action == "enable" else T.CLI_ACCOUNT_DISABLED).format(login=args.login)
            )
        return OK
    except ServiceError as err:
        _database_cause(err)
        _err(T.CLI_ERROR.format(message=err))
        return FAILED


def _database_cause(err: Exception) -> None:
    """A use case's database failure is raised as the driver's error: :func:`_run` says it the admin's way
    (read-only, locked, disk full …) as for every other command."""
    if isinstance(err.__cause__, DBAPIError):
        raise err.__cause__


# -- parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    h = T.CLI_HELP
    p = ChineseArgumentParser(
        prog="python -m store",
        description=T.CLI_DESCRIPTION.format(default=DEFAULT_SQLITE_PATH),
        epilog=T.CLI_EPILOG,
    )
    p.add_argument("-v", "--verbose", action="store_true", help=solver_texts.CLI["log_help"])
    sub = p.add_subparsers(dest="command", required=True, metavar=T.CLI_METAVAR["command"])

    up = sub.add_parser("upgrade", help=h["upgrade"], description=h["upgrade"])
    up.add_argument("--with-samples", action="store_true", help=h["upgrade.samples"])
    up.add_argument("--to", default="head", help=argparse.SUPPRESS)  # for tests and support
    up.set_defaults(func=cmd_upgrade)

    cur = sub.add_parser("current", help=h["current"], description=h["current"])
    cur.set_defaults(func=cmd_current)

    imp = sub.add_parser("import", help=h["import"], description=h["import"])
    imp.add_argument("files", nargs="+", metavar=T.CLI_METAVAR["files"], help=h["import.files"])
    imp.add_argument("--author", default="", metavar=T.CLI_METAVAR["author"], help=h["import.author"])
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help=h["export"], description=h["export"])
    exp.add_argument("plan_id", type=int_in(1), metavar=T.CLI_METAVAR["plan_id"], help=h["export.plan_id"])
    exp.add_argument("-o", "--output", metavar=T.CLI_METAVAR["output"], help=h["export.output"])
    exp.add_argument("--with-schedules", action="store_true", help=h["export.with_schedules"])
    exp.set_defaults(func=cmd_export)

    pl = sub.add_parser("plans", help=h["plans"], description=h["plans"])
    pl.set_defaults(func=cmd_plans)

    sc = sub.add_parser("scenarios", help=h["scenarios"], description=h["scenarios"])
    sc.add_argument("plan_id", type=int_in(1), metavar=T.CLI_METAVAR["plan_id"], help=h["scenarios.plan_id"])
    sc.set_defaults(func=cmd_scenarios)

    ac = sub.add_parser("accounts", help=h["accounts"], description=h["accounts"], epilog=T.CLI_ACCOUNTS_EPILOG)
    ac.formatter_class = argparse.RawDescriptionHelpFormatter
    ac.add_argument("action", choices=["list", "create", "reset", "disable", "enable"], help=h["accounts.action"])
    ac.add_argument("login", nargs="?", default="", metavar=T.CLI_METAVAR["login"], help=h["accounts.login"])
    ac.add_argument(
        "--role", default="planner", choices=["admin", "planner", "leader", "liaison"], help=h["accounts.role"]
    )
    ac.add_argument("--name", default="", type=line_text, metavar=T.CLI_METAVAR["author"], help=h["accounts.name"])
    ac.add_argument(
        "--department", default=None, type=line_text, metavar=T.CLI_METAVAR["department"], help=h["accounts.department"]
    )
    ac.add_argument("--email", default=None, type=line_text, metavar=T.CLI_METAVAR["email"], help=h["accounts.email"])
    ac.add_argument("--by", default="", type=line_text, metavar=T.CLI_METAVAR["author"], help=h["accounts.by"])
    ac.set_defaults(func=cmd_accounts)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m store``; the exit code (module docstring). No traceback reaches the user."""
    args = build_parser().parse_args(argv)  # exits 2 on a usage error
    configure_logging(args.verbose)
    return run_guarded(lambda: _run(args))


def _run(args: argparse.Namespace) -> int:
    raw = os.environ.get("DATABASE_URL") or str(DEFAULT_SQLITE_PATH)
    try:
        url = database_url()
        engine = make_engine(url)
    except StoreError as err:  # a malformed URL: already said in Chinese
        _err(T.CLI_ERROR.format(message=err))
        return FAILED
    except OSError as err:  # the SQLite file's folder cannot be made
        _err(T.CLI_ERROR.format(message=T.CLI_CONNECT_FAILED.format(url=raw, error=os_reason(err))))
        return FAILED
    except (NoSuchModuleError, ImportError):  # mysql://… : a database we do not support
        _err(T.CLI_ERROR.format(message=T.CLI_CONNECT_FAILED.format(url=raw, error=T.DB_REASON["unknown_driver"])))
        return FAILED
    except Exception as err:  # noqa: BLE001 - anything else the driver says
        _err(T.CLI_ERROR.format(message=T.CLI_CONNECT_FAILED.format(url=raw, error=driver_reason(err))))
        return FAILED
    _err(T.CLI_DB.format(url=display_url(url)))
    try:
        return args.func(engine, args)
    except DBAPIError as err:  # OperationalError and its siblings (a file that is no database …)
        first = str(err.orig or err).strip().splitlines()[0]
        _err(T.CLI_ERROR.format(message=db_failure(display_url(url), first)))
        return FAILED
    except (StoreError, PlanError) as err:
        _err(T.CLI_ERROR.format(message=err))
        return FAILED
    finally:
        engine.dispose()
