"""Scenarios and optimistic locking.

* ``plan.version`` (existing plans start at 1) and ``plan.updated_by``: every
  save checks and increments the version, so a stale copy cannot overwrite a
  colleague's work.
* ``schedule`` holds many schedules per plan: the current one
  (``kind = 'current'``, at most one per plan) and named scenarios with who,
  note, solver options and the plan version they were computed from. Existing
  schedules become their plan's current schedule.

Revision ID: 0002_scenarios_versions
Revises: 0001_base
Create Date: 2025-11-22

On SQLite dropping the one-schedule-per-plan constraint rebuilds the table
(copy, drop, rename); :func:`store.db.migrating_connection` turns foreign-key
enforcement off meanwhile so the drop does not cascade into ``assignment``,
and the AUTOINCREMENT counter is carried over so schedule ids are never reused.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_scenarios_versions"
down_revision = "0001_base"
branch_labels = None
depends_on = None

CURRENT_ONLY = "kind = 'current'"


def _sqlite_sequence(table: str) -> int | None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    return bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).scalar()


def _restore_sqlite_sequence(table: str, seq: int | None) -> None:
    if seq is None:
        return
    op.get_bind().exec_driver_sql("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", (seq, table))


def upgrade() -> None:
    op.add_column("plan", sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("plan", sa.Column("updated_by", sa.String(), server_default=sa.text("''"), nullable=False))

    seq = _sqlite_sequence("schedule")
    with op.batch_alter_table("schedule", table_kwargs={"sqlite_autoincrement": True}) as b:
        b.drop_constraint("uq_schedule_plan_id", type_="unique")
        b.add_column(sa.Column("kind", sa.String(), server_default=sa.text("'current'"), nullable=False))
        b.add_column(sa.Column("name", sa.String(), nullable=True))
        b.add_column(sa.Column("author", sa.String(), server_default=sa.text("''"), nullable=False))
        b.add_column(sa.Column("note", sa.String(), server_default=sa.text("''"), nullable=False))
        b.add_column(sa.Column("options", sa.JSON(), nullable=True))
        b.add_column(sa.Column("plan_version", sa.Integer(), nullable=True))
        b.create_unique_constraint("uq_schedule_plan_id_name", ["plan_id", "name"])
        b.create_check_constraint(op.f("ck_schedule_kind"), "kind IN ('current', 'scenario')")
    _restore_sqlite_sequence("schedule", seq)
    op.create_index(
        "uq_schedule_current",
        "schedule",
        ["plan_id"],
        unique=True,
        sqlite_where=sa.text(CURRENT_ONLY),
        postgresql_where=sa.text(CURRENT_ONLY),
    )


def downgrade() -> None:
    """Back to one schedule per plan: the named scenarios are deleted (data loss, by nature)."""
    # explicitly: foreign keys (and so cascades) are off on SQLite while migrating
    op.execute("DELETE FROM assignment WHERE schedule_id IN (SELECT id FROM schedule WHERE kind <> 'current')")
    op.execute("DELETE FROM schedule WHERE kind <> 'current'")
    op.drop_index("uq_schedule_current", table_name="schedule")
    seq = _sqlite_sequence("schedule")
    with op.batch_alter_table("schedule", table_kwargs={"sqlite_autoincrement": True}) as b:
        b.drop_constraint(op.f("ck_schedule_kind"), type_="check")
        b.drop_constraint("uq_schedule_plan_id_name", type_="unique")
        for column in ("plan_version", "options", "note", "author", "name", "kind"):
            b.drop_column(column)
        b.create_unique_constraint("uq_schedule_plan_id", ["plan_id"])
    _restore_sqlite_sequence("schedule", seq)
    with op.batch_alter_table("plan") as b:
        b.drop_column("updated_by")
        b.drop_column("version")
