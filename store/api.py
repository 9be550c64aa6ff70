"""The data layer's entry points: plain functions, one transaction each (the services call them).

Every function opens its own session and transaction, so each call either
happens completely or not at all; pages never see SQL, sessions or ORM rows —
only :class:`~solver.plan.Plan`, :class:`~solver.plan.Schedule` and small
frozen records. Errors a user can meet are exceptions with a Chinese message
(``str(err)``): :class:`~solver.validate.PlanError` for invalid plan content
(the same list as for a file), and :mod:`store.errors` for the rest
(:class:`StaleEditError`, :class:`DuplicateError`, :class:`NotFoundError`).

Editing a plan (optimistic locking)::

    plan, version = load_plan(engine, plan_id)      # keep `version` with the copy
    ...                                             # the planner edits the copy
    version = save_plan(engine, plan_id, plan, version, author="张三")
    # StaleEditError: someone saved in between; nothing was written.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from solver.compare import ScheduleComparison, compare_schedules
from solver.plan import Plan, Schedule
from solver.validate import PlanError, PlanIssue, parse_plan, parse_schedule

from . import audit as audit_store
from . import texts as T
from .audit import Audit
from .db import ensure_database, get_engine, read_session, write_session
from .errors import DuplicateError, NotFoundError, StaleEditError, StoreError, driver_reason
from .repository import (
    PlanRepository,
    PlanSummary,
    PlanVersion,
    ScenarioRecord,
    ScenarioSummary,
    ScheduleRepository,
    as_utc,
)

__all__ = [
    "BACKUP_KEY",
    "DuplicateError",
    "NotFoundError",
    "PlanError",
    "PlanSummary",
    "ScenarioRecord",
    "ScenarioSummary",
    "ScheduleComparison",
    "StaleEditError",
    "StoreError",
    "compare_scenario_with_current",
    "compare_scenarios",
    "create_plan",
    "current_schedule",
    "current_schedule_basis",
    "delete_plan",
    "delete_scenario",
    "ensure_database",
    "export_plan_json",
    "get_engine",
    "import_plan_json",
    "list_plans",
    "list_scenarios",
    "load_plan",
    "load_plan_with_schedule",
    "load_samples",
    "load_scenario",
    "plan_version",
    "restore_scenario",
    "save_plan",
    "save_plan_with_schedule",
    "save_scenario",
    "set_current_schedule",
]

log = logging.getLogger(__name__)

# Our own optional top-level field of a consult-plan/1 file (the format allows
# project fields): a backup of the plan's current schedule and its scenarios.
BACKUP_KEY = "xieshang_backup"
BACKUP_FORMAT = "xieshang-backup/1"
MAX_VERSION = 2**31 - 1  # a plan version fits PostgreSQL's INTEGER (a backup may say anything)


def _validated(plan: Plan) -> Plan:
    """Re-check a plan built or edited in code exactly as a file would be checked."""
    return parse_plan(plan.to_dict())


def _options_dict(options: dict[str, Any] | BaseModel | None) -> dict[str, Any] | None:
    if isinstance(options, BaseModel):
        return options.model_dump(mode="json")
    return None if options is None else dict(options)


def _integrity(err: IntegrityError) -> StoreError:
    return StoreError(T.integrity(driver_reason(err)))


# -- plans ------------------------------------------------------------------------


def list_plans(engine: Engine) -> list[PlanSummary]:
    """Every annual plan, newest year first: id, body, year, topic count, version, updated_at …"""
    with read_session(engine) as s:
        return PlanRepository(s).summaries()


def load_plan(engine: Engine, plan_id: int) -> tuple[Plan, int]:
    """The plan and its version (pass the version back to :func:`save_plan`)."""
    with read_session(engine) as s:
        return PlanRepository(s).get(plan_id)


def load_plan_with_schedule(engine: Engine, plan_id: int) -> tuple[Plan, int, Schedule | None]:
    """The plan, its version and its current schedule (None if it has none), from one snapshot."""
    with read_session(engine) as s:
        plan, version = PlanRepository(s).get(plan_id)
        schedules = ScheduleRepository(s)
        current_id = schedules.current_id(plan_id)
        return plan, version, None if current_id is None else schedules.get(current_id).schedule


def plan_version(engine: Engine, plan_id: int) -> int:
    """The stored version of a plan (cheap: to see whether a copy is still fresh)."""
    with read_session(engine) as s:
        return PlanRepository(s).version_of(plan_id).version


def create_plan(engine: Engine, plan: Plan, *, author: str = "", audit: Audit = None) -> int:
    """Store a new plan; its id. Refuses a second plan of the same body and year.

    ``audit``: the audit row(s) written in the same transaction (:mod:`store.audit`; the new id filled in).
    """
    plan = _validated(plan)
    try:
        with write_session(engine) as s:
            plan_id = PlanRepository(s).add(plan, author=author)
            audit_store.write(s, audit, plan_id=plan_id, target_id=plan_id)
            return plan_id
    except IntegrityError as err:  # lost a race for (body, year)
        raise _duplicate_or_integrity(engine, err, plan) from err


def save_plan(
    engine: Engine, plan_id: int, plan: Plan, expected_version: int, *, author: str = "", audit: Audit = None
) -> int:
    """Overwrite the plan with an edited copy made from ``expected_version``; the new version.

    Raises :class:`StaleEditError` (nothing written) when someone saved since.
    """
    plan = _validated(plan)
    try:
        with write_session(engine) as s:
            repo = PlanRepository(s)
            new_version = repo.bump_version(plan_id, expected_version, author=author)
            repo.replace(plan_id, plan)
            audit_store.write(s, audit)
            return new_version
    except IntegrityError as err:
        raise _integrity(err) from err


def save_plan_with_schedule(
    engine: Engine,
    plan_id: int,
    plan: Plan | None,
    expected_version: int,
    schedule: Schedule,
    *,
    author: str = "",
    note: str = "",
    options: dict[str, Any] | BaseModel | None = None,
    audit: Audit = None,
) -> int:
    """Save an edited plan (if ``plan`` is given) and make ``schedule`` current, in one transaction; the version.

    ``expected_version``: the version the edit and the schedule were made
    from. :class:`StaleEditError` when someone saved since, :class:`PlanError`
    when the plan or the schedule does not hold: then nothing is written.
    """
    if plan is not None:
        plan = _validated(plan)
    try:
        with write_session(engine) as s:
            plans = PlanRepository(s)
            if plan is not None:
                version = plans.bump_version(plan_id, expected_version, author=author)
                plans.replace(plan_id, plan)
            else:
                cur = plans.version_of(plan_id)
                if cur.version != expected_version:
                    raise _stale_schedule(plan_id, cur, expected_version)
                version, plan = cur.version, plans.get(plan_id)[0]
            schedule = parse_schedule(schedule.model_dump(mode="json"), plan)
            ScheduleRepository(s).set_current(
                plan_id, schedule, plan_version=version, author=author, note=note, options=_options_dict(options)
            )
            audit_store.write(s, audit)
            return version
    except IntegrityError as err:
        raise _integrity(err) from err


def _stale_schedule(plan_id: int, cur: Any, expected_version: int) -> StaleEditError:
    return StaleEditError(
        T.stale_schedule(label=cur.label, current=cur.version, expected=expected_version),
        plan_id=plan_id,
        expected_version=expected_version,
        current_version=cur.version,
        updated_at=cur.updated_at,
        updated_by=cur.updated_by,
    )


def delete_plan(engine: Engine, plan_id: int, *, expected_version: int | None = None, audit: Audit = None) -> None:
    """Delete a plan with its schedules and scenarios (refused if stale, when a version is given).

    Its audit rows stay (the trail has no foreign keys).
    """
    with write_session(engine) as s:
        repo = PlanRepository(s)
        if expected_version is not None:
            repo.bump_version(plan_id, expected_version)
        repo.delete(plan_id)
        audit_store.write(s, audit)


# -- JSON import / export ---------------------------------------------------------------


def _decode(source: str | bytes | dict | Path) -> dict[str, Any]:
    if isinstance(source, dict):
        return source
    if isinstance(source, str) and not source.lstrip().startswith("{"):
        source = Path(source)  # as solver.validate.load_plan: text that is not an object is a path
    if isinstance(source, Path):
        try:
            source = source.read_bytes()
        except FileNotFoundError:
            raise PlanError([PlanIssue("plan", None, None, T.FILE_NOT_FOUND.format(path=source))]) from None
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanError([PlanIssue("plan", None, None, T.FILE_NOT_UTF8)]) from None
    try:
        data = json.loads(source)
    except json.JSONDecodeError as err:
        raise PlanError(
            [PlanIssue("plan", None, None, T.FILE_NOT_JSON.format(line=err.lineno, col=err.colno, msg=err.msg))]
        ) from None
    if not isinstance(data, dict):
        raise PlanError([PlanIssue("plan", None, None, T.FILE_NOT_OBJECT)])
    return data


def _parse_backup(block: Any, plan: Plan) -> dict[str, Any]:
    """Check the backup block of an exported file: every problem at once, in Chinese."""
    issues: list[PlanIssue] = []

    def bad(text: str) -> None:
        issues.append(PlanIssue("plan", None, BACKUP_KEY, T.backup_block(text)))

    if not isinstance(block, dict):
        bad(T.BACKUP_NOT_OBJECT)
        raise PlanError(issues)
    out: dict[str, Any] = {"current": None, "scenarios": [], "plan_version": 1}
    version = block.get("plan_version", 1)
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version <= MAX_VERSION:
        out["plan_version"] = version
    else:
        bad(T.BACKUP_BAD_VERSION)

    def version_of(value: Any, where: str) -> int | None:
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_VERSION):
            return value
        bad(T.BACKUP_ISSUE.format(where=where, message=T.BACKUP_BAD_VERSION))
        return None

    def schedule(data: Any, where: str) -> Schedule | None:
        try:
            return parse_schedule(data, plan)
        except PlanError as err:
            for i in err.issues:
                bad(T.BACKUP_ISSUE.format(where=where, message=i.message))
        return None

    def created(value: Any, where: str) -> datetime | None:
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except (TypeError, ValueError):
            bad(T.BACKUP_BAD_TIME.format(where=where))
            return None

    cur = block.get("current_schedule")
    if cur is not None:
        if not isinstance(cur, dict) or "schedule" not in cur:
            bad(T.BACKUP_BAD_CURRENT)
        else:
            sched = schedule(cur["schedule"], T.BACKUP_CURRENT)
            out["current"] = {
                "schedule": sched,
                "author": str(cur.get("author", "")),
                "note": str(cur.get("note", "")),
                "options": cur.get("options"),
                "plan_version": version_of(cur.get("plan_version"), T.BACKUP_CURRENT),
                "created_at": created(cur.get("created_at"), T.BACKUP_CURRENT),
            }
    scenarios = block.get("scenarios", [])
    if not isinstance(scenarios, list):
        bad(T.BACKUP_SCENARIOS_NOT_LIST)
        scenarios = []
    names = set()
    for n, sc in enumerate(scenarios, 1):
        where = T.BACKUP_NTH_SCENARIO.format(n=n)
        if not isinstance(sc, dict) or "schedule" not in sc or not isinstance(sc.get("name"), str):
            bad(T.BACKUP_BAD_SCENARIO.format(where=where))
            continue
        if sc["name"] in names:
            bad(T.BACKUP_DUPLICATE_NAME.format(where=where, name=sc["name"]))
        names.add(sc["name"])
        out["scenarios"].append(
            {
                "name": sc["name"],
                "schedule": schedule(sc["schedule"], T.BACKUP_NAMED.format(where=where, name=sc["name"])),
                "author": str(sc.get("author", "")),
                "note": str(sc.get("note", "")),
                "options": sc.get("options"),
                "plan_version": version_of(sc.get("plan_version"), where),
                "created_at": created(sc.get("created_at"), where),
            }
        )
    if issues:
        raise PlanError(issues)
    return out


def import_plan_json(
    engine: Engine,
    source: str | bytes | dict | Path,
    *,
    author: str = "",
    audit: Audit = None,
    plan: Plan | None = None,
) -> int:
    """Import a consult-plan/1 document (JSON text or bytes, a decoded dict, or a file path); the new plan id.

    The plan is validated first (:class:`PlanError` with every problem, nothing
    saved). A file written by ``export_plan_json(..., with_schedules=True)``
    brings its current schedule and scenarios back too.

    ``plan``: this same document already validated (``solver.io.read_plan_data``
    gives both), so it is not validated a second time — a tenth of a second
    for 5000 topics.
    """
    data = dict(_decode(source))
    backup = data.pop(BACKUP_KEY, None)
    if plan is None:
        plan = parse_plan(data)
    elif plan.model_extra and BACKUP_KEY in plan.model_extra:
        plan = plan.model_copy()  # the backup block is ours, not an extra field of the plan
        plan.model_extra.pop(BACKUP_KEY)
    restored = _parse_backup(backup, plan) if backup is not None else None
    try:
        with write_session(engine) as s:
            plans, schedules = PlanRepository(s), ScheduleRepository(s)
            plan_id = plans.add(plan, author=author, version=restored["plan_version"] if restored else 1)
            if restored:
                if restored["current"]:
                    c = restored["current"]
                    schedules.set_current(
                        plan_id,
                        c["schedule"],
                        plan_version=c["plan_version"],
                        author=c["author"],
                        note=c["note"],
                        options=c["options"],
                        created_at=c["created_at"],
                    )
                for sc in restored["scenarios"]:
                    schedules.add(
                        plan_id,
                        sc["schedule"],
                        kind="scenario",
                        name=sc["name"],
                        author=sc["author"],
                        note=sc["note"],
                        options=sc["options"],
                        plan_version=sc["plan_version"],
                        created_at=sc["created_at"],
                    )
            audit_store.write(s, audit, plan_id=plan_id, target_id=plan_id)
            return plan_id
    except IntegrityError as err:
        raise _duplicate_or_integrity(engine, err, plan) from err


def _duplicate_or_integrity(engine: Engine, err: IntegrityError, plan: Plan) -> StoreError:
    with read_session(engine) as s:
        other = PlanRepository(s).find(plan.body, plan.year)
    if other is not None:
        return DuplicateError(T.duplicate_plan(plan.body, plan.year, other))
    return _integrity(err)


def export_plan_json(engine: Engine, plan_id: int, *, with_schedules: bool = False) -> dict[str, Any]:
    """The plan as a consult-plan/1 dict; with ``with_schedules`` also its schedules (for backup).

    The schedules go under the optional top-level field ``xieshang_backup``:
    ``{"format", "exported_at", "plan_version", "current_schedule": {…}|null,
    "scenarios": [{"name", "author", "note", "created_at", "options",
    "plan_version", "schedule": consult-schedule/1}]}``. Other tools ignore it;
    :func:`import_plan_json` restores it.
    """
    with read_session(engine) as s:
        plan, version = PlanRepository(s).get(plan_id)
        data = plan.to_dict()
        if not with_schedules:
            return data
        schedules = ScheduleRepository(s)

        def entry(rec: ScenarioRecord) -> dict[str, Any]:
            out: dict[str, Any] = {"name": rec.name} if rec.kind == "scenario" else {}
            out |= {
                "author": rec.author,
                "note": rec.note,
                "created_at": rec.created_at.isoformat(),
                "options": rec.options,
                "plan_version": rec.plan_version,
                "schedule": rec.schedule.to_dict(),
            }
            return out

        current_id = schedules.current_id(plan_id)
        data[BACKUP_KEY] = {
            "format": BACKUP_FORMAT,
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "plan_version": version,
            "current_schedule": entry(schedules.get(current_id)) if current_id is not None else None,
            "scenarios": [entry(schedules.get(sc.id)) for sc in schedules.scenarios(plan_id)],
        }
        return data


def load_samples(engine: Engine, directory: Path) -> list[int]:
    """Import ``directory/*.json`` plans; ``X.published.json`` becomes plan X's current schedule
    and its scenario "已发布方案". A sample that does not load is logged and skipped."""
    loaded: dict[str, int] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".published.json"):
            continue
        try:
            loaded[path.stem] = import_plan_json(engine, path, author=T.SAMPLE_AUTHOR)
        except (PlanError, StoreError) as err:
            log.warning("sample plan %s not loaded: %s", path, err)
    for path in sorted(directory.glob("*.published.json")):
        stem = path.name.removesuffix(".published.json")
        plan_id = loaded.get(stem)
        if plan_id is None:
            log.warning("published schedule %s has no sample plan %s.json; skipped", path, stem)
            continue
        try:
            plan, _version = load_plan(engine, plan_id)
            schedule = parse_schedule(json.loads(path.read_text(encoding="utf-8")), plan)
            save_scenario(
                engine, plan_id, schedule, name=T.PUBLISHED_SCENARIO, author=T.SAMPLE_AUTHOR, note=T.PUBLISHED_NOTE
            )
            set_current_schedule(engine, plan_id, schedule, author=T.SAMPLE_AUTHOR, note=T.PUBLISHED_NOTE)
        except (PlanError, StoreError, ValueError) as err:
            log.warning("published schedule %s not loaded: %s", path, err)
    return list(loaded.values())


# -- the current schedule --------------------------------------------------------------


def current_schedule(engine: Engine, plan_id: int) -> Schedule | None:
    """The schedule the plan currently goes with, or None."""
    with read_session(engine) as s:
        PlanRepository(s).version_of(plan_id)  # NotFoundError for an unknown plan
        schedules = ScheduleRepository(s)
        current_id = schedules.current_id(plan_id)
        return None if current_id is None else schedules.get(current_id).schedule


def current_schedule_basis(engine: Engine, plan_id: int) -> tuple[PlanVersion, int | None, datetime | None]:
    """The plan's version row (version, updated_at …) and its current schedule's plan version and time.

    ``(plan, None, None)`` when the plan has no current schedule; the plan version is ``None`` also for a
    schedule stored without one (an old backup). :class:`NotFoundError` for an unknown plan.
    """
    from sqlalchemy import select

    from .models import ScheduleRow

    with read_session(engine) as s:
        plan = PlanRepository(s).version_of(plan_id)
        row = s.execute(
            select(ScheduleRow.plan_version, ScheduleRow.created_at).where(
                ScheduleRow.plan_id == plan_id, ScheduleRow.kind == "current"
            )
        ).one_or_none()
    return (plan, None, None) if row is None else (plan, row.plan_version, as_utc(row.created_at))


def set_current_schedule(
    engine: Engine,
    plan_id: int,
    schedule: Schedule,
    *,
    expected_version: int | None = None,
    author: str = "",
    note: str = "",
    options: dict[str, Any] | BaseModel | None = None,
    audit: Audit = None,
) -> None:
    """Make ``schedule`` the plan's current schedule (replacing the previous one).

    With ``expected_version`` (the plan version the schedule was computed
    from) a schedule of an outdated plan is refused with :class:`StaleEditError`.
    The schedule must fit the plan (topics and committees that exist): else
    :class:`PlanError`.
    """
    with write_session(engine) as s:
        plans = PlanRepository(s)
        cur = plans.version_of(plan_id)
        if expected_version is not None and expected_version != cur.version:
            raise _stale_schedule(plan_id, cur, expected_version)
        plan, _ = plans.get(plan_id)
        schedule = parse_schedule(schedule.model_dump(mode="json"), plan)
        ScheduleRepository(s).set_current(
            plan_id,
            schedule,
            plan_version=cur.version,
            author=author,
            note=note,
            options=_options_dict(options),
        )
        audit_store.write(s, audit)


# -- scenarios ---------------------------------------------------------------------------


def save_scenario(
    engine: Engine,
    plan_id: int,
    schedule: Schedule,
    *,
    name: str,
    author: str,
    note: str = "",
    options: dict[str, Any] | BaseModel | None = None,
    audit: Audit = None,
) -> int:
    """Save a schedule as a named version of the plan (who, when, note, solver options); its id."""
    name = name.strip()
    if not name:
        raise StoreError(T.empty_scenario_name())
    try:
        with write_session(engine) as s:
            plans = PlanRepository(s)
            cur = plans.version_of(plan_id)
            plan, _ = plans.get(plan_id)
            schedule = parse_schedule(schedule.model_dump(mode="json"), plan)
            scenario_id = ScheduleRepository(s).add(
                plan_id,
                schedule,
                kind="scenario",
                name=name,
                author=author,
                note=note,
                options=_options_dict(options),
                plan_version=cur.version,
            )
            audit_store.write(s, audit, target_id=scenario_id)
            return scenario_id
    except IntegrityError as err:
        raise _integrity(err) from err


def list_scenarios(engine: Engine, plan_id: int) -> list[ScenarioSummary]:
    """The plan's saved versions, oldest first."""
    with read_session(engine) as s:
        PlanRepository(s).version_of(plan_id)
        return ScheduleRepository(s).scenarios(plan_id)


def load_scenario(engine: Engine, scenario_id: int) -> ScenarioRecord:
    """One saved version with its schedule and metadata (name, author, created_at, note, options)."""
    with read_session(engine) as s:
        rec = ScheduleRepository(s).get(scenario_id)
        if rec.kind != "scenario":
            raise NotFoundError(T.scenario_not_found(scenario_id))
        return rec


def delete_scenario(engine: Engine, scenario_id: int, *, audit: Audit = None) -> None:
    """Delete a saved version (its audit rows stay)."""
    with write_session(engine) as s:
        schedules = ScheduleRepository(s)
        if schedules.get(scenario_id).kind != "scenario":
            raise NotFoundError(T.scenario_not_found(scenario_id))
        schedules.delete(scenario_id)
        audit_store.write(s, audit)


def restore_scenario(engine: Engine, scenario_id: int, *, author: str = "", audit: Audit = None) -> None:
    """Make a saved version the plan's current schedule (the version itself stays as it was).

    Refused with :class:`PlanError` if the plan has changed so that the
    version no longer fits (a topic or committee it names was deleted).
    """
    with write_session(engine) as s:
        schedules = ScheduleRepository(s)
        rec = schedules.get(scenario_id)
        if rec.kind != "scenario":
            raise NotFoundError(T.scenario_not_found(scenario_id))
        plan, _ = PlanRepository(s).get(rec.plan_id)
        parse_schedule(rec.schedule.model_dump(mode="json"), plan)
        schedules.set_current(
            rec.plan_id,
            rec.schedule,
            plan_version=rec.plan_version,
            author=author or rec.author,
            note=rec.note,
            options=rec.options,
        )
        audit_store.write(s, audit)


def compare_scenarios(engine: Engine, a_id: int, b_id: int) -> ScheduleComparison:
    """Version ``a`` → version ``b`` of the same plan: moved topics and load differences."""
    with read_session(engine) as s:
        schedules = ScheduleRepository(s)
        a, b = schedules.get(a_id), schedules.get(b_id)
        if a.plan_id != b.plan_id:
            raise StoreError(T.scenario_of_other_plan(b_id, a.plan_id))
        plan, _ = PlanRepository(s).get(a.plan_id)
    return compare_schedules(plan, a.schedule, b.schedule)


def compare_scenario_with_current(engine: Engine, scenario_id: int) -> ScheduleComparison:
    """Saved version → the plan's current schedule (empty if it has none)."""
    with read_session(engine) as s:
        schedules = ScheduleRepository(s)
        a = schedules.get(scenario_id)
        plan, _ = PlanRepository(s).get(a.plan_id)
        current_id = schedules.current_id(a.plan_id)
        b = (
            schedules.get(current_id).schedule
            if current_id is not None
            else Schedule(plan_year=plan.year, status="unknown")
        )
    return compare_schedules(plan, a.schedule, b)
