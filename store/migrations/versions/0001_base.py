"""Base tables: plans with their forms, committees, departments, leaders, topics,
the topics' links, and one current schedule per plan.

Revision ID: 0001_base
Revises:
Create Date: 2025-11-22

Frozen: this file describes the schema of the first release and must not
follow later changes of ``store/models.py`` (constraint names are spelled out
for the same reason).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_base"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON()
TS = sa.DateTime(timezone=True)


def _plan_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=f"fk_{table}_plan_id_plan", ondelete="CASCADE")


def _link(table: str, target: str, column: str) -> None:
    op.create_table(
        table,
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("topic_code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(column, sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("plan_id", "topic_code", column, name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["plan_id", "topic_code"],
            ["topic.plan_id", "topic.code"],
            name=f"fk_{table}_plan_id_topic_code_topic",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id", column],
            [f"{target}.plan_id", f"{target}.code"],
            name=f"fk_{table}_plan_id_{column}_{target}",
            ondelete="CASCADE",
        ),
    )
    op.create_index(f"ix_{table}_plan_id_{column}", table, ["plan_id", column])


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("months", JSON, nullable=False),
        sa.Column("blackout_months", JSON, nullable=False),
        sa.Column("session_month", sa.Integer(), nullable=True),
        sa.Column("max_topics_per_month", sa.Integer(), nullable=True),
        sa.Column("calendar_extra", JSON, nullable=True),
        sa.Column("extra", JSON, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plan"),
        sa.UniqueConstraint("body", "year", name="uq_plan_body_year"),
        sa.CheckConstraint(
            "session_month IS NULL OR session_month BETWEEN 1 AND 12", name=op.f("ck_plan_session_month")
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "form",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("session_only", sa.Boolean(), nullable=False),
        sa.Column("max_per_month", sa.Integer(), nullable=True),
        sa.Column("min_gap_months", sa.Integer(), nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "code", name="pk_form"),
        sa.UniqueConstraint("plan_id", "name", name="uq_form_plan_id_name"),
        _plan_fk("form"),
    )
    op.create_table(
        "committee",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("max_per_month", sa.Integer(), nullable=True),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "code", name="pk_committee"),
        sa.UniqueConstraint("plan_id", "name", name="uq_committee_plan_id_name"),
        _plan_fk("committee"),
    )
    op.create_table(
        "department",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("max_per_month", sa.Integer(), nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "code", name="pk_department"),
        sa.UniqueConstraint("plan_id", "name", name="uq_department_plan_id_name"),
        _plan_fk("department"),
    )
    op.create_table(
        "leader",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("unavailable_months", JSON, nullable=False),
        sa.Column("max_per_month", sa.Integer(), nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "code", name="pk_leader"),
        sa.UniqueConstraint("plan_id", "name", name="uq_leader_plan_id_name"),
        _plan_fk("leader"),
    )
    op.create_table(
        "topic",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("form_code", sa.String(), nullable=False),
        sa.Column("window_start", sa.Integer(), nullable=True),
        sa.Column("window_end", sa.Integer(), nullable=True),
        sa.Column("preferred_months", JSON, nullable=False),
        sa.Column("fixed_month", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("plan_id", "code", name="pk_topic"),
        _plan_fk("topic"),
        sa.ForeignKeyConstraint(
            ["plan_id", "form_code"], ["form.plan_id", "form.code"], name="fk_topic_plan_id_form_code_form"
        ),
        sa.CheckConstraint("fixed_month IS NULL OR fixed_month BETWEEN 1 AND 12", name=op.f("ck_topic_fixed_month")),
        sa.CheckConstraint(
            "(window_start IS NULL AND window_end IS NULL) OR "
            "(window_start BETWEEN 1 AND 12 AND window_end BETWEEN window_start AND 12)",
            name=op.f("ck_topic_window"),
        ),
    )
    _link("topic_lead_option", "committee", "committee_code")
    _link("topic_co_organizer", "committee", "committee_code")
    _link("topic_department", "department", "department_code")
    _link("topic_leader", "leader", "leader_code")
    _link("topic_after", "topic", "before_code")

    # First release: one schedule per plan, the current one.
    op.create_table(
        "schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("plan_year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("warnings", JSON, nullable=False),
        sa.Column("conflicts", JSON, nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_schedule"),
        sa.UniqueConstraint("plan_id", name="uq_schedule_plan_id"),
        _plan_fk("schedule"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "assignment",
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("topic_code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("lead_code", sa.String(), nullable=False),
        sa.Column("extra", JSON, nullable=True),
        sa.PrimaryKeyConstraint("schedule_id", "topic_code", name="pk_assignment"),
        sa.ForeignKeyConstraint(
            ["schedule_id"], ["schedule.id"], name="fk_assignment_schedule_id_schedule", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    for table in (
        "assignment",
        "schedule",
        "topic_after",
        "topic_leader",
        "topic_department",
        "topic_co_organizer",
        "topic_lead_option",
        "topic",
        "leader",
        "department",
        "committee",
        "form",
        "plan",
    ):
        op.drop_table(table)
