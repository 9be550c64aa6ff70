"""The tables: one annual plan and its forms, committees, departments, leaders,
topics, and the schedules (current one and named scenarios) computed for it.

Design (why it looks like this):

* **Natural keys inside a plan.** Every row of a plan is keyed by
  ``(plan_id, code)`` where ``code`` is the id of the exchange format
  (``"gxj"``, ``"T01"``). References between rows are composite foreign keys
  ``(plan_id, code)``, so the database itself guarantees that a topic only names
  departments/leaders/committees/forms/topics *of the same plan*, and loading a
  plan needs no joins: the link rows already hold the codes.
* **Link tables, not JSON, for references** (lead options, co-organisers,
  departments, leaders, ``after``): referential integrity, and "what does
  市商务局 have this year" is one indexed query. Each link row has a
  ``position`` so list order survives the round trip.
* **JSON for lists of months** (they reference nothing) and for the findings of
  a schedule (solver output, read whole, never queried).
* **``extra`` JSON on every row** keeps the fields this version does not know
  (the format lets other tools add their own); with the typed columns it makes
  import → export lossless. ``json`` (not ``jsonb``) on PostgreSQL keeps key
  order as written.
* **Schedules are snapshots.** Assignments name topics by code without a
  foreign key: a scenario saved in March must survive the deletion of a topic
  in April, and must not block that edit. Comparison copes with topics that
  have since gone.
* **Ids are never reused** (``sqlite_autoincrement``; PostgreSQL sequences
  never reuse): a stale browser tab holding plan 3 must not save onto a new
  plan that happens to get id 3 after the old one was deleted.
* Times are stored in UTC (SQLite gives them back naive; see ``repository``).

The migrations in ``store/migrations`` build exactly this schema; a test
compares the two so they cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable, predictable constraint names: migrations refer to constraints by name
# (SQLite batch mode must drop them by name), so they must never be generated
# differently by two SQLAlchemy versions.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON(none_as_null=True)
UtcDateTime = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: Json,
        list[int]: Json,
        list[dict[str, Any]]: Json,
        datetime: UtcDateTime,
        str: String(),
    }


class PlanRow(Base):
    """One annual plan of one 政协: the document's top level and its calendar."""

    __tablename__ = "plan"
    __table_args__ = (
        UniqueConstraint("body", "year"),
        CheckConstraint("session_month IS NULL OR session_month BETWEEN 1 AND 12", name="session_month"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    format: Mapped[str]
    body: Mapped[str]
    year: Mapped[int]
    months: Mapped[list[int]]
    blackout_months: Mapped[list[int]]
    session_month: Mapped[int | None]
    max_topics_per_month: Mapped[int | None]
    calendar_extra: Mapped[dict[str, Any] | None]
    extra: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # r2: optimistic locking. Every save checks the version the editor started
    # from and increments it, in one UPDATE, before anything else is written.
    version: Mapped[int] = mapped_column(server_default=text("1"))
    updated_by: Mapped[str] = mapped_column(server_default=text("''"))


def _plan_fk() -> Any:
    return ForeignKey("plan.id", ondelete="CASCADE")


class FormRow(Base):
    __tablename__ = "form"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    session_only: Mapped[bool]
    max_per_month: Mapped[int | None]
    min_gap_months: Mapped[int]
    extra: Mapped[dict[str, Any] | None]


class CommitteeRow(Base):
    __tablename__ = "committee"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    max_per_month: Mapped[int | None]
    extra: Mapped[dict[str, Any] | None]


class DepartmentRow(Base):
    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    max_per_month: Mapped[int]
    extra: Mapped[dict[str, Any] | None]


class LeaderRow(Base):
    __tablename__ = "leader"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    unavailable_months: Mapped[list[int]]
    max_per_month: Mapped[int]
    extra: Mapped[dict[str, Any] | None]


class TopicRow(Base):
    __tablename__ = "topic"
    __table_args__ = (
        ForeignKeyConstraint(["plan_id", "form_code"], ["form.plan_id", "form.code"]),
        CheckConstraint("fixed_month IS NULL OR fixed_month BETWEEN 1 AND 12", name="fixed_month"),
        CheckConstraint(
            "(window_start IS NULL AND window_end IS NULL) OR "
            "(window_start BETWEEN 1 AND 12 AND window_end BETWEEN window_start AND 12)",
            name="window",
        ),
    )

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str]
    form_code: Mapped[str]
    window_start: Mapped[int | None]
    window_end: Mapped[int | None]
    preferred_months: Mapped[list[int]]
    fixed_month: Mapped[int | None]
    notes: Mapped[str]
    extra: Mapped[dict[str, Any] | None]


class _TopicLink:
    """A topic's reference to another row of the same plan, in list order."""

    plan_id: Mapped[int] = mapped_column(sort_order=-3)
    topic_code: Mapped[str] = mapped_column(sort_order=-2)
    position: Mapped[int] = mapped_column(sort_order=-1)


def _link_args(target: str, column: str) -> tuple:
    return (
        PrimaryKeyConstraint("plan_id", "topic_code", column),
        ForeignKeyConstraint(["plan_id", "topic_code"], ["topic.plan_id", "topic.code"], ondelete="CASCADE"),
        ForeignKeyConstraint(["plan_id", column], [f"{target}.plan_id", f"{target}.code"], ondelete="CASCADE"),
        # the reverse look-up: "which topics involve 市商务局 this year"
        Index(None, "plan_id", column),
    )


class TopicLeadOptionRow(_TopicLink, Base):
    __tablename__ = "topic_lead_option"
    __table_args__ = _link_args("committee", "committee_code")
    committee_code: Mapped[str]


class TopicCoOrganizerRow(_TopicLink, Base):
    __tablename__ = "topic_co_organizer"
    __table_args__ = _link_args("committee", "committee_code")
    committee_code: Mapped[str]


class TopicDepartmentRow(_TopicLink, Base):
    __tablename__ = "topic_department"
    __table_args__ = _link_args("department", "department_code")
    department_code: Mapped[str]


class TopicLeaderRow(_TopicLink, Base):
    __tablename__ = "topic_leader"
    __table_args__ = _link_args("leader", "leader_code")
    leader_code: Mapped[str]


class TopicAfterRow(_TopicLink, Base):
    """``after``: ``before_code`` must come in an earlier month than ``topic_code``."""

    __tablename__ = "topic_after"
    __table_args__ = _link_args("topic", "before_code")
    before_code: Mapped[str]


# "candidate": the result of a solve job, kept beside the current schedule
# until a planner adopts it (issue 13): two planners solving one plan get two.
SCHEDULE_KINDS = ("current", "scenario", "candidate")


class ScheduleRow(Base):
    """A schedule of a plan: the plan's current one, a named scenario (r2), or a job's candidate (r3).

    At most one ``current`` per plan (partial unique index); scenario names are
    unique within a plan (NULL names, i.e. the current one, do not collide).
    """

    __tablename__ = "schedule"
    __table_args__ = (
        UniqueConstraint("plan_id", "name"),
        CheckConstraint("kind IN ('current', 'scenario', 'candidate')", name="kind"),
        Index(
            "uq_schedule_current",
            "plan_id",
            unique=True,
            sqlite_where=text("kind = 'current'"),
            postgresql_where=text("kind = 'current'"),
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_plan_fk())
    format: Mapped[str]
    plan_year: Mapped[int]
    status: Mapped[str]
    warnings: Mapped[list[dict[str, Any]]]
    conflicts: Mapped[list[dict[str, Any]]]
    extra: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    # r2: scenario metadata
    kind: Mapped[str] = mapped_column(server_default=text("'current'"))
    name: Mapped[str | None]
    author: Mapped[str] = mapped_column(server_default=text("''"))
    note: Mapped[str] = mapped_column(server_default=text("''"))
    options: Mapped[dict[str, Any] | None]
    plan_version: Mapped[int | None]  # the plan version it was computed from


class AssignmentRow(Base):
    __tablename__ = "assignment"

    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedule.id", ondelete="CASCADE"), primary_key=True)
    topic_code: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    month: Mapped[int]
    lead_code: Mapped[str]
    extra: Mapped[dict[str, Any] | None]


JOB_KINDS = ("solve", "replan")
JOB_STATUSES = ("queued", "running", "done", "failed", "cancelled")


class JobRow(Base):
    """A solve or re-plan asked for by a planner, run by a worker process (r3, issue 13).

    The queue engine only carries the id; everything else lives here: who asked,
    the plan exactly as it was solved (``plan_data``, consult-plan/1) and its
    version, the options, the status, the worker's heartbeat, the progress
    points, the answer (``result``, consult-schedule/1) and the candidate
    schedule made from it, a Chinese message when it failed.
    """

    __tablename__ = "job"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed', 'cancelled')", name="status"),
        CheckConstraint("kind IN ('solve', 'replan')", name="kind"),
        Index(None, "status"),
        Index(None, "plan_id"),
        Index(None, "author", "status"),
        Index(None, "account_id", "status"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    plan_id: Mapped[int] = mapped_column(_plan_fk())
    plan_version: Mapped[int]
    author: Mapped[str] = mapped_column(server_default=text("''"))
    # r4 (issue 12): the account that asked; the per-planner limit counts by it
    account_id: Mapped[int | None]
    status: Mapped[str] = mapped_column(server_default=text("'queued'"))
    priority: Mapped[int] = mapped_column(server_default=text("0"))
    topic_count: Mapped[int]
    options: Mapped[dict[str, Any]]
    plan_data: Mapped[dict[str, Any]]
    baseline: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]  # last handed to the queue engine
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    worker: Mapped[str | None]  # host:pid of the worker running it
    attempts: Mapped[int] = mapped_column(server_default=text("0"))
    cancel_requested: Mapped[bool] = mapped_column(server_default=text("false"))
    progress: Mapped[list[dict[str, Any]]]  # [{"t": s since start, "objective": int, "bound": int}]
    message: Mapped[str] = mapped_column(server_default=text("''"))
    result: Mapped[dict[str, Any] | None]
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("schedule.id", ondelete="SET NULL"))
    adopted_at: Mapped[datetime | None]
    adopted_by: Mapped[str | None]


class SettingRow(Base):
    """An administrator's setting (r3): maximum time limit, queued jobs per planner, heartbeat timeout."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[Any] = mapped_column(Json, nullable=True)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(server_default=text("''"))


# -- accounts, sign-in and the audit trail (issue 12) -----------------------------

ROLES = ("admin", "planner", "leader", "liaison")  # services.access.Role values


class AccountRow(Base):
    """A person who signs in: login name, display name, role, password hash (argon2id).

    Accounts are never deleted, only disabled (``active`` false): the audit
    trail names them. ``department`` is the department name a 部门联络员 speaks
    for (matched by name: department codes are per plan); ``email`` maps a
    single sign-on identity (Streamlit OIDC) to the account.
    """

    __tablename__ = "account"
    __table_args__ = (
        UniqueConstraint("login"),
        UniqueConstraint("email"),
        CheckConstraint("role IN ('admin', 'planner', 'leader', 'liaison')", name="role"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str]
    display_name: Mapped[str]
    role: Mapped[str]
    department: Mapped[str | None]
    email: Mapped[str | None]
    password_hash: Mapped[str | None]  # None: single sign-on only, no local password
    active: Mapped[bool] = mapped_column(server_default=text("true"))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(server_default=text("''"))
    updated_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]


class AccountSessionRow(Base):
    """A signed-in browser session. Only the SHA-256 of its token is stored; idle expiry reads ``last_seen_at``."""

    __tablename__ = "account_session"
    __table_args__ = (
        UniqueConstraint("token_hash"),
        Index(None, "account_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str]
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    address: Mapped[str] = mapped_column(server_default=text("''"))


class LoginThrottleRow(Base):
    """Failed sign-ins per login name (``scope`` 'account') and per client address ('address').

    Kept in the database so a back-off holds across web processes and restarts;
    a successful sign-in clears the account's row (not the address's).
    """

    __tablename__ = "login_throttle"
    __table_args__ = (CheckConstraint("scope IN ('account', 'address')", name="scope"),)

    scope: Mapped[str] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(primary_key=True)
    failures: Mapped[int] = mapped_column(server_default=text("0"))
    last_failure_at: Mapped[datetime]
    blocked_until: Mapped[datetime | None]


class AuditRow(Base):
    """One write, as the audit trail keeps it: who, when, what, on which plan, before and after.

    Append-only: no code path updates or deletes a row, and on both databases
    a trigger (migration 0004) refuses UPDATE and DELETE. No foreign keys: a
    deleted plan's history must stay. ``summary`` is a Chinese sentence;
    ``before``/``after`` the changed fields as JSON (None when not relevant).
    """

    __tablename__ = "audit"
    __table_args__ = (
        Index(None, "at"),
        Index(None, "plan_id"),
        Index(None, "account_id"),
        Index(None, "action"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor_name: Mapped[str]
    actor_role: Mapped[str]
    account_id: Mapped[int | None]
    action: Mapped[str]
    target_kind: Mapped[str] = mapped_column(server_default=text("''"))
    target_id: Mapped[str] = mapped_column(server_default=text("''"))
    plan_id: Mapped[int | None]
    summary: Mapped[str]
    before: Mapped[Any] = mapped_column(Json, nullable=True)
    after: Mapped[Any] = mapped_column(Json, nullable=True)
    address: Mapped[str] = mapped_column(server_default=text("''"))


# -- approval (issue 12): the plan's state, its frozen numbered versions, comments, change notices --

APPROVAL_STATES = (
    "draft",
    "consultation",
    "chair_review",
    "committee_review",
    "approved",
    "issued",
    "adjusting",
    "adjustment_review",
)
# The plan's content and current schedule may change only in these states: under
# review it is what the meeting is looking at, once issued a change is a 年中调整.
EDITABLE_STATES = ("draft", "consultation", "adjusting")


class PlanApprovalRow(Base):
    """Where a plan stands in its approval (r5); no row: 草案 (draft), never submitted.

    ``reason``: the reason of the 年中调整 under way (empty otherwise).
    """

    __tablename__ = "plan_approval"
    __table_args__ = (
        CheckConstraint(
            "state IN (" + ", ".join(f"'{s}'" for s in APPROVAL_STATES) + ")",
            name="state",
        ),
    )

    plan_id: Mapped[int] = mapped_column(_plan_fk(), primary_key=True)
    state: Mapped[str]
    reason: Mapped[str] = mapped_column(server_default=text("''"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(server_default=text("''"))


class ApprovalVersionRow(Base):
    """One approval step and the plan + schedule frozen at it, numbered 1, 2, 3 … per plan (r5).

    Immutable: the data layer has no update for it and the migration adds a
    trigger that refuses any UPDATE (what the 主席会议 saw is what it saw).
    ``plan_data``/``schedule_data`` are consult-plan/1 and consult-schedule/1.
    """

    __tablename__ = "approval_version"
    __table_args__ = (
        UniqueConstraint("plan_id", "number"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_plan_fk())
    number: Mapped[int]
    action: Mapped[str]
    from_state: Mapped[str]
    to_state: Mapped[str]
    note: Mapped[str] = mapped_column(server_default=text("''"))
    reason: Mapped[str] = mapped_column(server_default=text("''"))
    meeting_date: Mapped[date]
    plan_version: Mapped[int]
    plan_data: Mapped[dict[str, Any]]
    schedule_data: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(server_default=text("''"))
    created_by_role: Mapped[str] = mapped_column(server_default=text("''"))


class ApprovalCommentRow(Base):
    """A comment (意见) on one frozen version (r5). Append-only."""

    __tablename__ = "approval_comment"
    __table_args__ = (Index(None, "version_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("approval_version.id", ondelete="CASCADE"))
    author: Mapped[str]
    author_role: Mapped[str] = mapped_column(server_default=text("''"))
    text: Mapped[str]
    created_at: Mapped[datetime]


class ChangeNoticeRow(Base):
    """What changed for one department, committee or leader when an issued plan was re-issued (r5).

    ``version_id`` is the newly issued version, ``previous_version_id`` the
    issued one it replaces; months are 1–12 (None: the topic is not theirs in
    that version); leads are committee names.
    """

    __tablename__ = "change_notice"
    __table_args__ = (
        Index(None, "version_id"),
        Index(None, "plan_id", "recipient_kind", "recipient_name"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_plan_fk())
    version_id: Mapped[int] = mapped_column(ForeignKey("approval_version.id", ondelete="CASCADE"))
    previous_version_id: Mapped[int] = mapped_column(ForeignKey("approval_version.id", ondelete="CASCADE"))
    recipient_kind: Mapped[str]
    recipient_code: Mapped[str]
    recipient_name: Mapped[str]
    topic_code: Mapped[str]
    topic_title: Mapped[str]
    change: Mapped[str]
    old_month: Mapped[int | None]
    new_month: Mapped[int | None]
    old_lead: Mapped[str | None]
    new_lead: Mapped[str | None]
    reason: Mapped[str] = mapped_column(server_default=text("''"))
    created_at: Mapped[datetime]


LINK_TABLES: dict[str, tuple[type[_TopicLink], str]] = {
    # Topic field  → (link model, column holding the referenced code)
    "lead_options": (TopicLeadOptionRow, "committee_code"),
    "co_organizers": (TopicCoOrganizerRow, "committee_code"),
    "departments": (TopicDepartmentRow, "department_code"),
    "leaders": (TopicLeaderRow, "leader_code"),
    "after": (TopicAfterRow, "before_code"),
}
