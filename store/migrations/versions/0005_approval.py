"""Approval (issue 12): a plan's approval state, its frozen numbered versions, comments, change notices.

* ``plan_approval``: one row per plan that was ever submitted (none: 草案).
* ``approval_version``: each approval step freezes the plan and its current
  schedule (consult-plan/1, consult-schedule/1) as version 1, 2, 3 … of the
  plan. Immutable: a trigger refuses UPDATE on both databases (DELETE stays
  possible, so deleting a plan still cascades).
* ``approval_comment``: comments on a version (UPDATE refused likewise).
* ``change_notice``: what changed for each department, committee and leader
  when an issued plan is issued again after a 年中调整.

Revision ID: 0005_approval
Revises: 0004_accounts_audit
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_approval"
down_revision = "0004_accounts_audit"
branch_labels = None
depends_on = None

STATES = (
    "'draft', 'consultation', 'chair_review', 'committee_review', 'approved', 'issued', "
    "'adjusting', 'adjustment_review'"
)
FROZEN = ("approval_version", "approval_comment")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION approval_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
"""


def _frozen(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION approval_frozen()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are immutable'); END"
        )


def upgrade() -> None:
    op.create_table(
        "plan_approval",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.CheckConstraint(f"state IN ({STATES})", name=op.f("ck_plan_approval_state")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_approval_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_plan_approval")),
    )
    op.create_table(
        "approval_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("from_state", sa.String(), nullable=False),
        sa.Column("to_state", sa.String(), nullable=False),
        sa.Column("note", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("plan_data", sa.JSON(), nullable=False),
        sa.Column("schedule_data", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("created_by_role", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_approval_version_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_version")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_approval_version_plan_id_number")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "approval_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("author_role", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["approval_version.id"],
            name=op.f("fk_approval_comment_version_id_approval_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_comment")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_approval_comment_version_id"), "approval_comment", ["version_id"])
    op.create_table(
        "change_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("previous_version_id", sa.Integer(), nullable=False),
        sa.Column("recipient_kind", sa.String(), nullable=False),
        sa.Column("recipient_code", sa.String(), nullable=False),
        sa.Column("recipient_name", sa.String(), nullable=False),
        sa.Column("topic_code", sa.String(), nullable=False),
        sa.Column("topic_title", sa.String(), nullable=False),
        sa.Column("change", sa.String(), nullable=False),
        sa.Column("old_month", sa.Integer(), nullable=True),
        sa.Column("new_month", sa.Integer(), nullable=True),
        sa.Column("old_lead", sa.String(), nullable=True),
        sa.Column("new_lead", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_change_notice_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["approval_version.id"],
            name=op.f("fk_change_notice_version_id_approval_version"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_version_id"],
            ["approval_version.id"],
            name=op.f("fk_change_notice_previous_version_id_approval_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_notice")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_change_notice_version_id"), "change_notice", ["version_id"])
    op.create_index(
        op.f("ix_change_notice_plan_id_recipient_kind_recipient_name"),
        "change_notice",
        ["plan_id", "recipient_kind", "recipient_name"],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
    for table in FROZEN:
        _frozen(table)


def downgrade() -> None:
    """Back to r4: the approval states, frozen versions, comments and notices are deleted."""
    op.drop_index(op.f("ix_change_notice_plan_id_recipient_kind_recipient_name"), table_name="change_notice")
    op.drop_index(op.f("ix_change_notice_version_id"), table_name="change_notice")
    op.drop_table("change_notice")
    op.drop_index(op.f("ix_approval_comment_version_id"), table_name="approval_comment")
    op.drop_table("approval_comment")  # its trigger goes with it
    op.drop_table("approval_version")
    op.drop_table("plan_approval")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS approval_frozen()")
