"""What every command line of the project shares: Chinese argparse, checked arguments, safe output.

Used by ``python -m solver``, ``python -m store``, ``python -m paperwork`` and
the plan generator. It lives in ``solver`` (pure Python, no project imports
beyond :mod:`solver.texts`, :mod:`solver.options` and :mod:`solver.validate`) so that
``store`` and ``paperwork`` can import it without a cycle.

Exit codes, the same in every command (each command may add its own above 2)::

    0  success
    1  bad input, or a file that cannot be read or written (a Chinese message says which)
    2  the command line itself is wrong (argparse)
    70 an internal error (a bug): one Chinese line, no traceback; set
       ``XIESHANG_DEBUG=1`` to see the traceback
    130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import texts as T
from .io import os_reason
from .rules import GOAL_LABELS, GOALS
from .validate import PlanError

if TYPE_CHECKING:
    from .options import Weights

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70  # BSD sysexits EX_SOFTWARE: a bug, not the user's input
EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT

# The longest time limit a command line accepts: a whole day. Anything longer is
# a typo (ms for s) and CP-SAT would sit on the machine's two shared cores.
MAX_TIME_LIMIT_S = 24 * 3600.0
# More workers than this buys nothing on the office machines (2–8 cores) and
# CP-SAT allocates memory per worker.
MAX_WORKERS = 64

# -- argparse in Chinese ---------------------------------------------------------

# argparse's own words (Python 3.11–3.13), translated where they appear in
# help text and usage. Order matters: longer phrases first.
_HELP_ZH = T.ARGPARSE_HELP

_SURROGATE = re.compile(r"[\ud800-\udfff]")

# argparse's complaints → Chinese. Each pattern matches a whole gettext message.
_ERROR_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), zh) for p, zh in T.ARGPARSE_ERRORS)


def translate_error(message: str) -> str:
    """argparse's English error sentence → Chinese (unknown sentences pass through)."""
    for pattern, zh in _ERROR_ZH:
        if pattern.match(message):
            return pattern.sub(zh, message)
    return message


def _zh_help(text: str) -> str:
    for en, zh in _HELP_ZH:
        text = text.replace(en, zh)
    return text


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its headings, ``-h`` help and complaints in Chinese; usage errors exit 2.

    Sub-parsers made with ``add_subparsers()`` are of the same class. The
    formatter defaults to :class:`argparse.RawDescriptionHelpFormatter`, so
    descriptions and epilogs (exit codes, examples) keep their line breaks.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def format_usage(self) -> str:
        return _zh_help(super().format_usage())

    def format_help(self) -> str:
        return _zh_help(super().format_help())

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        for dest, value in vars(parsed).items():
            # bytes that are not UTF-8 in a command line arrive as lone surrogates
            # ("\udcff"), which no file, database or document can hold
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and _SURROGATE.search(text):
                    self.error(T.CLI["arg_not_utf8"].format(arg=dest, text=text.encode("utf-8", "replace").decode()))
        return parsed, rest

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, T.CLI["usage_error"].format(prog=self.prog, error=translate_error(message)) + "\n")


def verbose_wanted(flag: bool = False) -> bool:
    """``-v`` given, or ``XIESHANG_VERBOSE`` set to anything but empty or ``0``."""
    return flag or os.environ.get("XIESHANG_VERBOSE", "") not in ("", "0")


def configure_logging(verbose: bool = False) -> None:
    """Log lines (ours and the libraries': English, for whoever debugs) only with ``-v`` or ``XIESHANG_VERBOSE=1``.

    Without a handler Python prints every warning and error record to standard
    error, tracebacks included ("database error" + a driver's traceback after
    the Chinese sentence that already said it). A command's user reads the
    Chinese lines it prints; the log is for the maintainer.
    """
    logging.basicConfig(
        level=logging.INFO if verbose_wanted(verbose) else logging.CRITICAL,
        format="%(levelname)s %(name)s: %(message)s",
    )


# -- checked argument types ------------------------------------------------------


def seconds(text: str) -> float:
    """argparse ``type=``: a time limit in seconds, a finite number in (0, MAX_TIME_LIMIT_S]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(T.CLI["seconds_not_number"].format(text=text)) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(T.CLI["seconds_not_positive"].format(text=text))
    if value > MAX_TIME_LIMIT_S:
        raise argparse.ArgumentTypeError(T.CLI["seconds_too_long"].format(max=MAX_TIME_LIMIT_S, text=text))
    return value


# The largest integer a database column, CP-SAT or a file can hold (signed 64 bits):
# "no upper bound" means this one, so an id of 30 digits is a usage error, not a crash.
MAX_INT64 = 2**63 - 1


def int_in(lo: int, hi: int | None = None) -> Callable[[str], int]:
    """argparse ``type=``: an integer in [lo, hi] (hi=None: up to :data:`MAX_INT64`), Chinese on error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(T.CLI["not_int"].format(text=text)) from None
        if value < lo or value > (MAX_INT64 if hi is None else hi):
            span = f"{lo}–{hi if hi is not None else MAX_INT64}"
            raise argparse.ArgumentTypeError(T.CLI["int_out_of_range"].format(span=span, value=value))
        return value

    parse.__name__ = "int"
    return parse


workers = int_in(1, MAX_WORKERS)

# A name given on the command line (a 政协's name, an account's name, a department):
# the same length the account service allows, and one line as the plan file reader wants it.
MAX_NAME_CHARS = 64


def line_text(text: str) -> str:
    """argparse ``type=``: one line of text (no control or invisible character, at most 64 characters), trimmed."""
    from .io import not_one_line

    bad = not_one_line(text)
    if bad is not None:
        raise argparse.ArgumentTypeError(T.CLI["arg_not_one_line"].format(code=ord(bad)))
    if len(text.strip()) > MAX_NAME_CHARS:
        raise argparse.ArgumentTypeError(T.CLI["arg_too_long"].format(max=MAX_NAME_CHARS, n=len(text.strip())))
    return text.strip()


class CliError(Exception):
    """A problem to tell the user in one or more Chinese lines, and the exit code to leave with."""

    def __init__(self, *messages: str, code: int = EXIT_BAD_INPUT):
        self.messages = list(messages)
        self.code = code
        super().__init__("\n".join(messages))


def goal_list() -> str:
    """The soft goals as ``name(label)``, for messages that must name them."""
    return T.quote_list(T.CLI["goal"].format(goal=g, label=GOAL_LABELS[g]) for g in GOALS)


def parse_weights(text: str | None, *, arg: str = "--weights") -> Weights:
    """``--weights '{"moved": 50}'`` → :class:`Weights`; :class:`CliError` (exit 2) in Chinese naming the goal."""
    # imported here: building the options' pydantic models is a tenth of a second
    # that commands without --weights (store, paperwork) need not wait for
    from .options import MAX_WEIGHT, Weights

    if not text:
        return Weights()
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise CliError(
            T.CLI["weights_not_json"].format(arg=arg, goals=goal_list()),
            code=EXIT_USAGE,
        ) from None
    if not isinstance(data, dict):
        raise CliError(T.CLI["weights_not_object"].format(arg=arg, goals=goal_list()), code=EXIT_USAGE)
    problems = []
    for goal, weight in data.items():
        if goal not in GOALS:
            problems.append(T.CLI["weights_unknown_goal"].format(arg=arg, goal=goal, goals=goal_list()))
        elif isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= MAX_WEIGHT:
            problems.append(
                T.CLI["weights_bad_weight"].format(
                    arg=arg, goal=goal, label=GOAL_LABELS[goal], value=json.dumps(weight), max=MAX_WEIGHT
                )
            )
    if problems:
        raise CliError(*problems, code=EXIT_USAGE)
    return Weights(**data)


# -- writing output ----------------------------------------------------------------


def _os_reason(err: OSError) -> str:
    return os_reason(err)


def check_output_path(path: str | Path, *, arg: str = "-o/--output") -> Path:
    """Refuse, before any work, an output path that is a folder or lies in a folder that does not exist.

    Returns the path; :class:`CliError` (exit 1) naming ``arg`` otherwise.
    """
    path = Path(path)
    if path.is_dir():
        raise CliError(T.CLI["output_is_folder"].format(arg=arg, path=path))
    if not path.parent.is_dir():
        raise CliError(T.CLI["output_no_folder"].format(arg=arg, path=path, folder=path.parent))
    return path


def write_output(path: Path | None, data: str | bytes, *, arg: str = "-o/--output") -> None:
    """Write ``data`` to ``path`` (``None`` or ``-``: standard output). Text gets a final newline.

    A regular file is written whole or not at all: to a temporary file beside
    it, then renamed over it (a full disk or a Ctrl-C never leaves half a file,
    and an old file stays as it was). A device or pipe (``/dev/stdout``) is
    written directly. Raises :class:`CliError` (exit 1) naming ``arg`` and the
    path when the folder does not exist, the disk is full, permission is
    denied, the path is a folder, or the text holds a character UTF-8 cannot
    encode.
    """
    write_outputs([(path, data, arg)])


def _encoded(data: str | bytes, arg: str) -> bytes:
    if isinstance(data, bytes):
        return data
    if not data.endswith("\n"):
        data += "\n"
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as err:
        raise CliError(T.CLI["output_unencodable"].format(arg=arg, char=data[err.start], at=err.start)) from None


def write_outputs(outputs: list[tuple[Path | str | None, str | bytes, str]]) -> None:
    """Write several outputs ``(path, data, arg)`` all or none (as far as files allow).

    Every regular file goes to a temporary file first; only when every one is
    written (and every device output too) are they renamed into place. On any
    failure the temporary files are removed and no output file has changed.
    """
    encoded = [(path, _encoded(data, arg), arg) for path, data, arg in outputs]
    staged: list[tuple[Path, Path]] = []  # (temporary, final)
    try:
        for path, raw, arg in encoded:
            if path is None or str(path) == "-":
                _to_stdout(raw)
                continue
            final = check_output_path(path, arg=arg)
            try:
                if final.exists() and not final.is_file():  # /dev/null, /dev/full, a pipe: no rename over it
                    with open(final, "wb") as fh:
                        fh.write(raw)
                    continue
                staged.append((_staged_copy(final, raw), final))
            except OSError as err:
                raise CliError(T.CLI["output_failed"].format(arg=arg, path=final, reason=_os_reason(err))) from None
        for i, (tmp, final) in enumerate(staged):
            try:
                os.replace(tmp, final)
            except OSError as err:
                staged = staged[i:]
                arg = next(a for p, _, a in encoded if p is not None and Path(p) == final)
                raise CliError(T.CLI["output_failed"].format(arg=arg, path=final, reason=_os_reason(err))) from None
        staged = []
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _staged_copy(final: Path, raw: bytes) -> Path:
    """``raw`` in a new hidden file beside ``final`` with the mode ``final`` has (or would get); its path."""
    fd, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".part")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, final.stat().st_mode & 0o7777 if final.exists() else 0o666 & ~_umask())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _to_stdout(raw: bytes) -> None:
    try:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as err:
        _silence_stdout()  # else Python's own flush at exit fails again, in English
        raise CliError(T.CLI["stdout_failed"].format(reason=_os_reason(err))) from None


def out(*lines: str) -> None:
    """Print lines to standard output (a command's data or report); :class:`CliError` if it cannot be written.

    A full disk (``> /dev/full``) is said in Chinese, exit 1; a reader that went
    away (``| head``) ends the output quietly.
    """
    _to_stdout("".join(f"{line}\n" for line in lines).encode("utf-8", "backslashreplace"))


def _silence_stdout() -> None:
    # The reader went away (``| head``): point stdout at /dev/null so Python's
    # final flush does not print a second error.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def say(*lines: str) -> None:
    """Print lines to standard error (messages, never data), safe for any text."""
    for line in lines:
        sys.stderr.write(line.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
    sys.stderr.flush()


def report_plan_error(err: PlanError, *, heading: str | None = None) -> None:
    """Print every issue of a :class:`PlanError` to standard error."""
    say(heading or T.CLI["bad_input"].format(n=len(err.issues)), *(f"  - {i.message}" for i in err.issues))


def run_guarded(body: Callable[[], int]) -> int:
    """Run a command's body; turn every failure into a Chinese message and an exit code.

    :class:`CliError` → its messages and code; :class:`PlanError` → every issue,
    exit 1; a JSON nested too deep → exit 1; Ctrl-C → 130; anything else is a
    bug: one Chinese line, exit 70 (``XIESHANG_DEBUG=1`` re-raises it).
    """
    try:
        return body()
    except CliError as err:
        say(*err.messages)
        return err.code
    except PlanError as err:
        report_plan_error(err)
        return EXIT_BAD_INPUT
    except RecursionError:
        say(T.CLI["too_deep"])
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        say(T.CLI["interrupted"])
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("XIESHANG_DEBUG"):
            raise
        say(T.CLI["internal_error"].format(kind=type(err).__name__, err=err))
        return EXIT_INTERNAL
