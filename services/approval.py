"""Approval of a plan (审批与版本, issue 12): states, who moves them, frozen numbered versions, comments.

A plan (one year of one 政协) goes 草案 → 征求意见 → 主席会议审议 →
党委常委会审定 → 印发执行. Every move has a note and a date (the meeting's,
default today) and freezes the plan and its current schedule as the next
numbered version (1, 2, 3 …): what the 主席会议 saw is what it saw, readable
and exportable later, never changed (no update path; a database trigger
refuses one). After 印发执行 a change is a 年中调整: started with a reason,
drafted on the plan as usual (edits, solves, adopting), submitted, approved
— and issued as the next numbered version, with change notices
(:mod:`services.notices`) for every department, committee and leader it affects.

Who may make which move (:data:`MOVES`; 管理员 has both permissions, so all):

===================  ==========================  ========================  ============
move                 from                        to                        permission
===================  ==========================  ========================  ============
提交征求意见           草案                         征求意见                   ADVANCE (编排人员)
提交主席会议审议        征求意见                      主席会议审议                ADVANCE
撤回修改 (note)        征求意见                      草案                       ADVANCE
主席会议审议通过        主席会议审议                  党委常委会审定              APPROVE (领导)
党委常委会审定通过      党委常委会审定                已审定,待印发              APPROVE
退回修改 (note)        主席会议审议 / 党委常委会审定 /  草案                       APPROVE
                     已审定,待印发
印发执行              已审定,待印发                 印发执行                   ADVANCE
发起年中调整 (reason)   印发执行                     年中调整(编制中)           ADVANCE
提交年中调整审批        年中调整(编制中)              年中调整(待审批)           ADVANCE
批准年中调整并印发      年中调整(待审批)              印发执行 (+ notices)        APPROVE
退回年中调整 (note)     年中调整(待审批)              年中调整(编制中)           APPROVE
撤销年中调整 (note)     年中调整(编制中)              印发执行 (plan and schedule  ADVANCE
                                                 back as last issued)
===================  ==========================  ========================  ============

Edits: the plan and its current schedule can change only in 草案, 征求意见
and 年中调整(编制中); in every other state every write that would change them
is refused by the data layer (:func:`store.repository.refuse_if_locked`),
whichever page or command asks. A move out of an editable state needs a
current schedule computed from the plan as it stands (not outdated).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import Engine

from solver.compare import ScheduleComparison, compare_schedules
from solver.plan import Schedule
from store import api as store
from store import approval as store_approval
from store import texts as store_texts
from store.approval import CommentRecord, FrozenVersion, VersionRecord

from . import audit
from . import texts as T
from .access import Actor, Permission, require
from .errors import Reason, ServiceError, translated
from .notices import change_lines

__all__ = [
    "MOVES",
    "STEP_LABELS",
    "ApprovalSummary",
    "CommentRecord",
    "FrozenVersion",
    "Move",
    "State",
    "VersionRecord",
    "add_comment",
    "comments",
    "compare_with_previous",
    "export_version_docx",
    "export_version_json",
    "export_version_xlsx",
    "is_issued",
    "move",
    "moves_for",
    "role_label",
    "summary",
    "version",
    "versions",
    "when",
]


STEP_LABELS = T.STEP_LABELS  # the five steps of the bar: 草案 … 印发执行


class State(enum.StrEnum):
    """A plan's approval state; the value is what the database stores."""

    DRAFT = "draft"
    CONSULTATION = "consultation"
    CHAIR_REVIEW = "chair_review"
    COMMITTEE_REVIEW = "committee_review"
    APPROVED = "approved"
    ISSUED = "issued"
    ADJUSTING = "adjusting"
    ADJUSTMENT_REVIEW = "adjustment_review"

    @property
    def label(self) -> str:
        return store_texts.APPROVAL_STATE_LABELS[self.value]

    @property
    def step(self) -> int:
        """Its place on the five-step bar (0 草案 … 4 印发执行); a step is done when ``step`` is past it."""
        return _STEP[self]


_STEP = {
    State.DRAFT: 0,
    State.CONSULTATION: 1,
    State.CHAIR_REVIEW: 2,
    State.COMMITTEE_REVIEW: 3,
    State.APPROVED: 3,
    State.ISSUED: 4,
    State.ADJUSTING: 4,
    State.ADJUSTMENT_REVIEW: 4,
}


class Move(enum.StrEnum):
    SUBMIT = "submit"
    TO_CHAIR = "to_chair"
    WITHDRAW = "withdraw"
    CHAIR_PASS = "chair_pass"
    COMMITTEE_PASS = "committee_pass"
    RETURN = "return"
    ISSUE = "issue"
    START_ADJUSTMENT = "start_adjustment"
    SUBMIT_ADJUSTMENT = "submit_adjustment"
    APPROVE_ADJUSTMENT = "approve_adjustment"
    RETURN_ADJUSTMENT = "return_adjustment"
    ABANDON_ADJUSTMENT = "abandon_adjustment"

    @property
    def label(self) -> str:
        return T.MOVE_LABELS[self.value]


@dataclass(frozen=True)
class MoveRule:
    """One move: the states it starts from, where it goes, the permission it needs, what it asks for."""

    sources: tuple[State, ...]
    target: State
    permission: Permission
    needs_note: bool = False  # a return says why
    needs_reason: bool = False  # a 年中调整 says why
    needs_schedule: bool = False  # leaving an editable state: the schedule must be there and up to date
    restores_issued: bool = False  # puts the plan and schedule back as the last issued version froze them


MOVES: dict[Move, MoveRule] = {
    Move.SUBMIT: MoveRule((State.DRAFT,), State.CONSULTATION, Permission.ADVANCE, needs_schedule=True),
    Move.TO_CHAIR: MoveRule((State.CONSULTATION,), State.CHAIR_REVIEW, Permission.ADVANCE, needs_schedule=True),
    Move.WITHDRAW: MoveRule((State.CONSULTATION,), State.DRAFT, Permission.ADVANCE, needs_note=True),
    Move.CHAIR_PASS: MoveRule((State.CHAIR_REVIEW,), State.COMMITTEE_REVIEW, Permission.APPROVE),
    Move.COMMITTEE_PASS: MoveRule((State.COMMITTEE_REVIEW,), State.APPROVED, Permission.APPROVE),
    Move.RETURN: MoveRule(
        (State.CHAIR_REVIEW, State.COMMITTEE_REVIEW, State.APPROVED), State.DRAFT, Permission.APPROVE, needs_note=True
    ),
    Move.ISSUE: MoveRule((State.APPROVED,), State.ISSUED, Permission.ADVANCE),
    Move.START_ADJUSTMENT: MoveRule((State.ISSUED,), State.ADJUSTING, Permission.ADVANCE, needs_reason=True),
    Move.SUBMIT_ADJUSTMENT: MoveRule(
        (State.ADJUSTING,), State.ADJUSTMENT_REVIEW, Permission.ADVANCE, needs_schedule=True
    ),
    Move.APPROVE_ADJUSTMENT: MoveRule((State.ADJUSTMENT_REVIEW,), State.ISSUED, Permission.APPROVE),
    Move.RETURN_ADJUSTMENT: MoveRule((State.ADJUSTMENT_REVIEW,), State.ADJUSTING, Permission.APPROVE, needs_note=True),
    Move.ABANDON_ADJUSTMENT: MoveRule(
        (State.ADJUSTING,), State.ISSUED, Permission.ADVANCE, needs_note=True, restores_issued=True
    ),
}
# the moves whose version is an issued plan (an abandoned 年中调整 goes back to the issued one, issuing nothing)
ISSUING = (Move.ISSUE, Move.APPROVE_ADJUSTMENT)


def is_issued(record: VersionRecord) -> bool:
    """Whether the version is an issued plan (印发执行 or an approved 年中调整), not only a step of the way."""
    return record.action in ISSUING


@dataclass(frozen=True)
class ApprovalSummary:
    """Where a plan stands: what the approval page's step bar and the leadership page show.

    ``version_number``: the latest frozen version (None: never submitted);
    ``issued_version_number``: the latest issued one (None: not issued yet);
    ``reason``: the 年中调整 under way or last issued (empty if none);
    ``updated_at`` (UTC) / ``updated_by``: the last move (None / "" if none).
    """

    plan_id: int
    state: State
    state_label: str
    version_number: int | None
    issued_version_number: int | None
    reason: str
    updated_at: dt.datetime | None
    updated_by: str

    @property
    def step(self) -> int:
        return self.state.step

    @property
    def editable(self) -> bool:
        """Whether the plan and its current schedule may change now."""
        return self.state in (State.DRAFT, State.CONSULTATION, State.ADJUSTING)


def summary(engine: Engine, plan_id: int, *, actor: Actor) -> ApprovalSummary:
    """The plan's approval state and version numbers. ``Reason.DENIED`` without ``VIEW_PLAN``."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        st = store_approval.state(engine, plan_id)
        records = store_approval.versions(engine, plan_id)
    return _summary(st, records)


def _summary(st: store_approval.ApprovalState, records: list[VersionRecord]) -> ApprovalSummary:
    state = State(st.state)
    issued = [r.number for r in records if is_issued(r)]
    return ApprovalSummary(
        plan_id=st.plan_id,
        state=state,
        state_label=state.label,
        version_number=records[-1].number if records else None,
        issued_version_number=issued[-1] if issued else None,
        reason=st.reason,
        updated_at=st.updated_at,
        updated_by=st.updated_by,
    )


def moves_for(state: State, actor: Actor | None) -> list[Move]:
    """The moves ``actor`` may make from ``state`` (the buttons the approval page shows), in table order."""
    if actor is None:
        return []
    return [m for m, rule in MOVES.items() if state in rule.sources and actor.can(rule.permission)]


def move(
    engine: Engine,
    plan_id: int,
    which: Move,
    *,
    actor: Actor,
    expected: State,
    note: str = "",
    meeting_date: dt.date | None = None,
    reason: str | None = None,
) -> VersionRecord:
    """Make move ``which`` from ``expected`` (the state the caller saw); the version it froze.

    ``note``: the meeting's or the planner's note (required for a return);
    ``meeting_date``: the date of the meeting or decision (default today,
    Beijing time); ``reason``: the 年中调整's reason (required to start one;
    may be revised when submitting it). Refused, nothing written:
    ``Reason.DENIED`` when the actor's role lacks the move's permission;
    ``Reason.REFUSED`` when the move does not start from ``expected``, the
    plan's state is no longer ``expected`` (someone moved it meanwhile), a
    note or reason is missing, or the current schedule is missing or outdated.
    Every move writes an audit row with the version; approving a 年中调整 also
    stores the change notices against the previous issued version.
    """
    rule = MOVES[which]
    require(actor, rule.permission)
    note = (note or "").strip()
    reason = None if reason is None else reason.strip()
    if expected not in rule.sources:
        raise ServiceError(T.move_not_allowed(State(expected).label, which.label), reason=Reason.REFUSED)
    if rule.needs_note and not note:
        raise ServiceError(T.move_needs_note(which.label), reason=Reason.REFUSED)
    if rule.needs_reason and not reason:
        raise ServiceError(T.move_needs_reason(which.label), reason=Reason.REFUSED)
    if meeting_date is None:
        meeting_date = dt.datetime.now(store_texts.BEIJING).date()
    elif not isinstance(meeting_date, dt.date):
        raise ServiceError(T.move_bad_date(which.label), reason=Reason.REFUSED)
    with translated():
        plan_row, schedule_version, schedule_at = store.current_schedule_basis(engine, plan_id)
        records = store_approval.versions(engine, plan_id)
    if rule.needs_schedule:
        if schedule_at is None:
            raise ServiceError(T.move_needs_schedule(which.label), reason=Reason.REFUSED)
        outdated = (
            schedule_version < plan_row.version if schedule_version is not None else schedule_at < plan_row.updated_at
        )
        if outdated:
            raise ServiceError(T.move_schedule_outdated(which.label), reason=Reason.REFUSED)
    previous_issued = next((r for r in reversed(records) if is_issued(r)), None)
    notices = None
    made: list[int] = []  # how many notices the transition stored (for its audit row)
    if which in ISSUING and previous_issued is not None:
        with translated():
            before = store_approval.load_version(engine, previous_issued.id)

        def notices(plan, schedule):  # runs inside the transaction, on the content being frozen
            lines = change_lines((before.plan, before.schedule), (plan, schedule))
            made.append(len(lines))
            return lines

    label = plan_row.label

    def audit_rows(rec: VersionRecord) -> list:
        target = State(rule.target)
        rows = [
            audit.entry(
                actor,
                audit.Action.APPROVAL_MOVE,
                T.audit_move(which.label, label, rec.number, target.label),
                target=("approval_version", rec.id),
                plan_id=plan_id,
                before={"state": str(expected)},
                after={
                    "state": str(target),
                    "version": rec.number,
                    "note": note,
                    "meeting_date": rec.meeting_date.isoformat(),
                    "reason": rec.reason,
                },
            )
        ]
        if notices is not None:
            rows.append(
                audit.entry(
                    actor,
                    audit.Action.NOTICE_CREATE,
                    T.audit_notices(label, rec.number, made[0] if made else 0),
                    target=("approval_version", rec.id),
                    plan_id=plan_id,
                    after={"previous_version": previous_issued.number if previous_issued else None},
                )
            )
        return rows

    with translated():
        return store_approval.transition(
            engine,
            plan_id,
            action=str(which),
            expected=str(expected),
            to_state=str(rule.target),
            note=note,
            meeting_date=meeting_date,
            reason=reason,
            author=actor.name,
            author_role=str(actor.role),
            notices=notices,
            previous_version_id=previous_issued.id if previous_issued else None,
            restore_version_id=previous_issued.id if rule.restores_issued and previous_issued else None,
            audit=audit_rows,
        )


def versions(engine: Engine, plan_id: int, *, actor: Actor) -> list[VersionRecord]:
    """The plan's frozen versions, oldest first: the approval history (who, when, move, note, date)."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        return store_approval.versions(engine, plan_id)


def version(engine: Engine, version_id: int, *, actor: Actor) -> FrozenVersion:
    """One frozen version: its record, the plan and the schedule exactly as they were frozen."""
    require(actor, Permission.VIEW_ALL)
    with translated():
        return store_approval.load_version(engine, version_id)


def compare_with_previous(
    engine: Engine, version_id: int, *, actor: Actor, base_id: int | None = None
) -> ScheduleComparison | None:
    """The version before (or ``base_id``, another version of the same plan) → this one: moved topics, loads.

    None for version 1 without a ``base_id``. Leads are named as the newer
    version's plan names its committees.
    """
    require(actor, Permission.VIEW_ALL)
    with translated():
        this = store_approval.load_version(engine, version_id)
        if base_id is None:
            records = store_approval.versions(engine, this.record.plan_id)
            earlier = [r for r in records if r.number < this.record.number]
            if not earlier:
                return None
            base_id = earlier[-1].id
        before = store_approval.load_version(engine, base_id)
    if before.record.plan_id != this.record.plan_id:
        raise ServiceError(T.versions_of_two_plans(), reason=Reason.REFUSED)
    empty = Schedule(plan_year=this.plan.year, status="unknown")
    return compare_schedules(this.plan, before.schedule or empty, this.schedule or empty)


def export_version_docx(engine: Engine, version_id: int, *, actor: Actor) -> bytes:
    """The frozen version as the official plan document (.docx), as :func:`paperwork.plan_document` writes it."""
    from paperwork import plan_document

    frozen = version(engine, version_id, actor=actor)
    return plan_document(frozen.plan, _usable(frozen.schedule))


def export_version_xlsx(engine: Engine, version_id: int, *, actor: Actor) -> bytes:
    """The frozen version as the Excel workbook (plan sheets and the schedule), as :func:`paperwork.plan_to_xlsx`."""
    from paperwork import plan_to_xlsx

    frozen = version(engine, version_id, actor=actor)
    return plan_to_xlsx(frozen.plan, _usable(frozen.schedule))


def export_version_json(engine: Engine, version_id: int, *, actor: Actor) -> bytes:
    """The frozen version as a consult-plan/1 file whose backup block holds its schedule (UTF-8 JSON).

    ``python -m store import`` (or the app's import) reads it back as a plan
    with that schedule current: a version can be taken elsewhere whole.
    """
    import json

    frozen = version(engine, version_id, actor=actor)
    data = frozen.plan.to_dict()
    rec = frozen.record
    data[store.BACKUP_KEY] = {
        "format": store.BACKUP_FORMAT,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "plan_version": rec.plan_version,
        "current_schedule": None
        if frozen.schedule is None
        else {
            "author": rec.created_by,
            "note": rec.note,
            "created_at": rec.created_at.isoformat(),
            "options": None,
            "plan_version": rec.plan_version,
            "schedule": frozen.schedule.to_dict(),
        },
        "scenarios": [],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _usable(schedule: Schedule | None) -> Schedule | None:
    return schedule if schedule is not None and schedule.assignments else None


def add_comment(engine: Engine, version_id: int, text: str, *, actor: Actor) -> int:
    """Comment on a frozen version (recorded with who and when, and in the audit trail); the comment's id."""
    require(actor, Permission.COMMENT)
    text = (text or "").strip()
    if not text:
        raise ServiceError(T.EMPTY_COMMENT, reason=Reason.REFUSED)
    with translated():
        rec = store_approval.load_version(engine, version_id).record
        plan_label = store.current_schedule_basis(engine, rec.plan_id)[0].label
        return store_approval.add_comment(
            engine,
            version_id,
            text,
            author=actor.name,
            author_role=str(actor.role),
            audit=audit.entry(
                actor,
                audit.Action.APPROVAL_COMMENT,
                T.audit_comment(plan_label, rec.number),
                target=("approval_version", version_id),
                plan_id=rec.plan_id,
                after={"text": text},
            ),
        )


def comments(engine: Engine, plan_id: int, *, actor: Actor) -> list[CommentRecord]:
    """Every comment on the plan's versions, oldest first."""
    require(actor, Permission.VIEW_PLAN)
    with translated():
        return store_approval.comments(engine, plan_id)


def when(at: dt.datetime | None) -> str:
    """A stored time as Beijing time, ``2025-03-02 10:15`` (for the history)."""
    return store_texts.when(at)


def role_label(role: str) -> str:
    """The Chinese name of a role value (``planner`` → 编排人员); the value itself if unknown."""
    return T.ROLE_NAMES.get(role, role)
