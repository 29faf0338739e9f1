"""one lease vocabulary: digest_period's claim is held by acquired_by until acquired_until

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

Reminders (follow_up) and job runs already say `acquired_by` / `acquired_until`; a week's digest
said `claimed_by` / `claimed_at` and added the lease when read. The claim time becomes the end of
its lease (five minutes later, the digest dispatcher's lease).
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

LEASE = timedelta(minutes=5)


def _shift(old: str, new: str, by: timedelta) -> None:
    """Moves every row's time from column `old` into `new`, `by` later (typed, so both databases
    read and write it as they store it)."""
    table = sa.table(
        "digest_period",
        sa.column("id", sa.Integer()),
        sa.column(old, storage.types.UTCDateTime()),
        sa.column(new, storage.types.UTCDateTime()),
    )
    connection = op.get_bind()
    for row_id, at in connection.execute(sa.select(table.c.id, table.c[old])).all():
        connection.execute(sa.update(table).where(table.c.id == row_id).values({new: at + by}))


def upgrade() -> None:
    with op.batch_alter_table("digest_period", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("acquired_until", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.alter_column("claimed_by", new_column_name="acquired_by", existing_type=sa.String(length=64))
    _shift("claimed_at", "acquired_until", LEASE)
    with op.batch_alter_table("digest_period", schema=None) as batch_op:
        batch_op.alter_column(
            "acquired_until", existing_type=storage.types.UTCDateTime(timezone=True), nullable=False
        )
        batch_op.drop_column("claimed_at")


def downgrade() -> None:
    with op.batch_alter_table("digest_period", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_at", storage.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.alter_column("acquired_by", new_column_name="claimed_by", existing_type=sa.String(length=64))
    _shift("acquired_until", "claimed_at", -LEASE)
    with op.batch_alter_table("digest_period", schema=None) as batch_op:
        batch_op.alter_column(
            "claimed_at", existing_type=storage.types.UTCDateTime(timezone=True), nullable=False
        )
        batch_op.drop_column("acquired_until")
