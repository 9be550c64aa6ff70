"""``python -m jobs.worker [-w N]``: a worker process taking solve jobs from the queue.

One consumer process with ``N`` worker *processes* (Huey's process workers:
one solve cannot slow another through the GIL, and a worker that dies is
replaced by the consumer's health check). Start as many as the machines have
cores for, on this machine or others pointing at the same ``DATABASE_URL``
and ``QUEUE_URL``. ``--lane express``: a worker that takes only small plans
(``jobs.queue.EXPRESS_TOPICS``), so they never wait for a big solve.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from solver.cli_common import ChineseArgumentParser, verbose_wanted

from . import texts as T

log = logging.getLogger(__name__)

# The consumer's idle polling of a SQLite queue: 0.1 s after a job, growing to
# this at most. Huey's default (10 s) would add seconds to a small solve asked
# for after a quiet spell; Redis blocks on the queue instead and wakes at once.
MAX_POLL_S = 0.1
HEALTH_CHECK_S = 2.0  # how soon a killed worker process is replaced


def _parser() -> argparse.ArgumentParser:
    # Chinese headings, -h help and complaints, like every command line of the house
    p = ChineseArgumentParser(prog="python -m jobs.worker", description=T.WORKER_DESCRIPTION)
    p.add_argument("-w", "--workers", type=int, default=1, metavar=T.METAVAR["count"], help=T.WORKER_WORKERS)
    p.add_argument("--database-url", metavar=T.METAVAR["address"], help=T.WORKER_DATABASE)
    p.add_argument("--queue-url", metavar=T.METAVAR["address"], help=T.WORKER_QUEUE)
    p.add_argument("--lane", choices=("all", "express"), default="all", help=T.WORKER_LANE)
    p.add_argument("-v", "--verbose", action="store_true", help=T.WORKER_VERBOSE)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not 1 <= args.workers <= 32:
        print(T.WORKER_BAD_WORKERS, file=sys.stderr)
        return 2
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    if args.queue_url:
        os.environ["QUEUE_URL"] = args.queue_url
    # Alembic's and Huey's INFO lines are English for developers ("Context impl
    # SQLiteImpl", "Huey consumer started"): shown with -v only; warnings always.
    logging.basicConfig(
        level=logging.INFO if verbose_wanted(args.verbose) else logging.WARNING,
        format="%(asctime)s %(processName)s %(name)s %(levelname)s %(message)s",
    )

    from services.database import open_database
    from services.errors import ServiceError
    from store.db import display_url
    from store.errors import reason_of

    from .queue import get_huey, queue_url, recover

    url = None  # the queue's address, once read (named in the message if the broker is down)
    try:
        engine = open_database()
        url = queue_url()
        huey = get_huey(url, args.lane)
        huey.pending_count()  # reach the broker now: a Redis that is down is said once, not logged forever
        recover(engine, url)  # jobs lost while no worker ran: a restarted broker, a killed worker
    except ServiceError as err:
        print(str(err), file=sys.stderr)
        return 1
    except ValueError as err:
        print(str(err), file=sys.stderr)
        return 2
    except Exception as err:  # the broker cannot be reached
        print(T.queue_unreachable(url, reason_of(err)), file=sys.stderr)
        return 1
    engine.dispose()  # the worker processes are forked: each opens its own connections

    @huey.on_startup()
    def _fresh_connections() -> None:
        engine.dispose(close=False)
        import solver.solving  # noqa: F401 - OR-Tools loaded before the first job, not during it

    consumer = huey.create_consumer(
        workers=args.workers,
        worker_type="process",
        periodic=args.lane == "all",
        max_delay=MAX_POLL_S,
        check_worker_health=True,
        health_check_interval=HEALTH_CHECK_S,
    )
    print(T.worker_started(args.workers, args.lane, display_url(url) if url else ""), file=sys.stderr, flush=True)
    consumer.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
