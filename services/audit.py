"""The audit trail (issue 12): what a use case records, and the administrator's search and export.

Every use case that writes builds one :class:`~store.audit.AuditEntry` with
:func:`entry` and hands it to the data layer's write function as ``audit=``;
the data layer inserts it in the same transaction as the write, so a write
and its audit row commit together or not at all::

    def save_thing(engine, ..., *, actor: Actor) -> ...:
        access.require(actor, Permission.EDIT_PLAN)
        with translated():
            store.save_thing(engine, ..., audit=audit.entry(actor, Action.PLAN_EDIT, T.audit_...(...),
                                                              target=("plan", plan_id), plan_id=plan_id,
                                                              before=..., after=...))

Events that write nothing else (sign-in, failed sign-in) use :func:`record`.
Nothing deletes or updates a row (database triggers refuse it).
"""

from __future__ import annotations

import enum
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from store import audit as store_audit
from store import texts as store_texts
from store.audit import AuditEntry, AuditRecord

from . import texts as T
from .access import Actor, Permission, require
from .errors import translated

__all__ = ["Action", "AuditEntry", "AuditQuery", "AuditRecord", "entry", "export_xlsx", "record", "search"]


class Action(enum.StrEnum):
    """What kind of write an audit row records; the value is what the database stores."""

    PLAN_CREATE = "plan.create"
    PLAN_EDIT = "plan.edit"
    PLAN_DELETE = "plan.delete"
    PLAN_IMPORT = "plan.import"
    SCHEDULE_SET = "schedule.set"  # a solve made current directly (record_solve)
    SOLVE_SUBMIT = "job.submit"
    JOB_CANCEL = "job.cancel"
    CANDIDATE_ADOPT = "job.adopt"
    WHATIF_ADOPT = "whatif.adopt"
    SCENARIO_SAVE = "scenario.save"
    SCENARIO_RESTORE = "scenario.restore"
    SCENARIO_DELETE = "scenario.delete"
    SETTING_SET = "setting.set"
    ACCOUNT_CREATE = "account.create"
    ACCOUNT_UPDATE = "account.update"  # role, display name, department, email
    ACCOUNT_DISABLE = "account.disable"
    ACCOUNT_ENABLE = "account.enable"
    PASSWORD_RESET = "account.password_reset"
    PASSWORD_CHANGE = "account.password_change"
    SIGN_IN = "session.sign_in"
    SIGN_IN_FAILED = "session.sign_in_failed"
    SIGN_OUT = "session.sign_out"
    # approval and notices (the approval helper adds its own values here)
    APPROVAL_MOVE = "approval.move"  # a state change, with the numbered version it froze
    APPROVAL_COMMENT = "approval.comment"
    NOTICE_CREATE = "notice.create"  # the change notices of a re-issue


def entry(
    actor: Actor,
    action: Action | str,
    summary: str,
    *,
    target: tuple[str, object] | None = None,
    plan_id: int | None = None,
    before: Any = None,
    after: Any = None,
    address: str = "",
) -> AuditEntry:
    """The audit row a use case hands to the data layer (``target``: (kind, id), e.g. ``("plan", 3)``)."""
    kind, ident = target if target is not None else ("", "")
    return AuditEntry(
        actor_name=actor.name,
        actor_role=str(actor.role),
        actor_account_id=actor.account_id,
        action=str(action),
        summary=summary,
        target_kind=kind,
        target_id="" if ident is None else str(ident),
        plan_id=plan_id,
        before=before,
        after=after,
        address=address,
    )


def record(engine: Engine, audit_entry: AuditEntry) -> None:
    """Write one audit row in a transaction of its own (an event that writes nothing else)."""
    with translated():
        store_audit.record(engine, audit_entry)


@dataclass(frozen=True)
class AuditQuery:
    """The administrator's search: every given field must match (``who``/``text``: a part of the name / summary)."""

    who: str | None = None
    actions: tuple[str, ...] = ()
    plan_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None
    limit: int | None = 500


def search(engine: Engine, query: AuditQuery = AuditQuery(), *, actor: Actor) -> list[AuditRecord]:
    """Audit rows matching ``query``, newest first. ``Reason.DENIED`` without ``VIEW_AUDIT``."""
    require(actor, Permission.VIEW_AUDIT)
    with translated():
        return store_audit.search(
            engine,
            actor=query.who,
            actions=query.actions or None,
            plan_id=query.plan_id,
            since=query.since,
            until=query.until,
            text=query.text,
            limit=query.limit,
        )


def action_label(action: str) -> str:
    """The Chinese name of an action value (the value itself when unknown)."""
    return T.AUDIT_ACTIONS.get(action, action)


def export_xlsx(engine: Engine, query: AuditQuery = AuditQuery(), *, actor: Actor) -> bytes:
    """The matching rows (all of them: ``query.limit`` is ignored) as an .xlsx workbook, Chinese headers.

    ``Reason.DENIED`` without ``VIEW_AUDIT``.
    """
    import json

    from openpyxl import Workbook

    require(actor, Permission.VIEW_AUDIT)
    rows = search(engine, AuditQuery(**{**query.__dict__, "limit": None}), actor=actor)
    wb = Workbook()
    ws = wb.active
    ws.title = T.AUDIT_SHEET
    ws.append(list(T.AUDIT_COLUMNS))
    for r in rows:
        ws.append(
            [
                r.id,
                store_texts.when(r.at),
                r.actor_name,
                T.ROLE_NAMES.get(r.actor_role, r.actor_role),
                action_label(r.action),
                r.plan_id,
                f"{r.target_kind} {r.target_id}".strip(),
                r.summary,
                "" if r.before is None else json.dumps(r.before, ensure_ascii=False),
                "" if r.after is None else json.dumps(r.after, ensure_ascii=False),
                r.address,
            ]
        )
    for col, width in zip("ABCDEFGHIJK", (8, 18, 14, 10, 14, 8, 16, 60, 40, 40, 16), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
