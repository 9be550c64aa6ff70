"""The administrator's settings for jobs, stored in the database's ``setting`` table.

The "planner" of the per-planner limit is the signed-in account (issue 12;
the command line, which has none, by its name). Defaults apply until the
administrator stores a value (``python -m jobs.admin set``, the 「账号管理 →
系统设置」 tab, or :func:`services.jobs.set_setting`). ``session_idle_min``
is read by :func:`services.accounts.resume`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Engine

from store import jobs as store_jobs

from . import texts as T


@dataclass(frozen=True)
class Settings:
    # The 编排 page's slider goes to 120 work units; an office may want less so
    # that one planner's solve cannot hold a worker for minutes.
    max_time_limit_s: float = 120.0
    # Three jobs queued or running per planner: enough to compare weightings
    # side by side, few enough that one planner cannot fill the queue.
    max_active_per_author: int = 3
    # Workers beat every second (jobs.runner.HEARTBEAT_S); thirty missed beats
    # mean the process is gone (a busy 2-core machine can stall a few seconds).
    heartbeat_timeout_s: float = 30.0
    # A signed-in session ends after this many minutes without a page run
    # (issue 12): an office PC left unlocked over lunch is signed out.
    session_idle_min: float = 30.0


# key → (lowest, highest) accepted value
BOUNDS: dict[str, tuple[float, float]] = {
    "max_time_limit_s": (1, 3600),
    "max_active_per_author": (1, 1000),
    "heartbeat_timeout_s": (2, 3600),
    "session_idle_min": (1, 1440),
}


def read_settings(engine: Engine) -> Settings:
    """The settings in force: stored values over the defaults (a bad stored value falls back to the default)."""
    stored = store_jobs.get_settings(engine)
    out = {}
    for f in fields(Settings):
        value = stored.get(f.name)
        if value is not None:
            try:
                out[f.name] = checked(f.name, value)
            except ValueError:
                continue
    return Settings(**out)


def checked(key: str, value: object) -> float | int:
    """``value`` as the setting ``key`` takes it; ValueError with a Chinese message otherwise."""
    if key not in BOUNDS:
        raise ValueError(T.unknown_setting(key))
    low, high = BOUNDS[key]
    kind = int if key == "max_active_per_author" else float
    try:
        number = kind(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(T.bad_setting(key, low, high)) from None
    if isinstance(value, bool) or not low <= number <= high:
        raise ValueError(T.bad_setting(key, low, high))
    return number
