"""Solve jobs, candidate schedules and administrator settings (issue 13).

* ``job``: one row per solve or re-plan a planner asked for; workers take
  its id from the queue engine and write status, heartbeat, progress and the
  answer here.
* ``schedule.kind`` may be ``candidate``: a job's feasible answer, kept beside
  the current schedule until a planner adopts it.
* ``setting``: key/value settings of the administrator (maximum time limit,
  queued jobs per planner, heartbeat timeout).

Revision ID: 0003_jobs
Revises: 0002_scenarios_versions
Create Date: 2026-12-01

Widening the ``kind`` check rebuilds ``schedule`` on SQLite (as 0002 did):
foreign keys are off meanwhile (:func:`store.db.migrating_connection`) and the
AUTOINCREMENT counter is carried over so schedule ids are never reused.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_jobs"
down_revision = "0002_scenarios_versions"
branch_labels = None
depends_on = None

KINDS_R2 = "kind IN ('current', 'scenario')"
KINDS_R3 = "kind IN ('current', 'scenario', 'candidate')"


def _sqlite_sequence(table: str) -> int | None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    return bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).scalar()


def _restore_sqlite_sequence(table: str, seq: int | None) -> None:
    if seq is None:
        return
    op.get_bind().exec_driver_sql("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", (seq, table))


def _schedule_kinds(check: str) -> None:
    seq = _sqlite_sequence("schedule")
    with op.batch_alter_table("schedule", table_kwargs={"sqlite_autoincrement": True}) as b:
        b.drop_constraint(op.f("ck_schedule_kind"), type_="check")
        b.create_check_constraint(op.f("ck_schedule_kind"), check)
    _restore_sqlite_sequence("schedule", seq)


def upgrade() -> None:
    _schedule_kinds(KINDS_R3)
    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("status", sa.String(), server_default=sa.text("'queued'"), nullable=False),
        sa.Column("priority", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("topic_count", sa.Integer(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("plan_data", sa.JSON(), nullable=False),
        sa.Column("baseline", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("worker", sa.String(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("message", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("adopted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("adopted_by", sa.String(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed', 'cancelled')", name=op.f("ck_job_status")
        ),
        sa.CheckConstraint("kind IN ('solve', 'replan')", name=op.f("ck_job_kind")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_job_plan_id_plan"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["schedule.id"], name=op.f("fk_job_candidate_id_schedule"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_job_status"), "job", ["status"])
    op.create_index(op.f("ix_job_plan_id"), "job", ["plan_id"])
    op.create_index(op.f("ix_job_author_status"), "job", ["author", "status"])
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    """Back to r2: jobs, settings and candidate schedules are deleted (they did not exist then)."""
    op.drop_table("setting")
    op.drop_index(op.f("ix_job_author_status"), table_name="job")
    op.drop_index(op.f("ix_job_plan_id"), table_name="job")
    op.drop_index(op.f("ix_job_status"), table_name="job")
    op.drop_table("job")
    # explicitly: foreign keys (and so cascades) are off on SQLite while migrating
    op.execute("DELETE FROM assignment WHERE schedule_id IN (SELECT id FROM schedule WHERE kind = 'candidate')")
    op.execute("DELETE FROM schedule WHERE kind = 'candidate'")
    _schedule_kinds(KINDS_R2)
