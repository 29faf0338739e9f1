"""reminder delivery: lease, attempt and sent columns on follow_up; cached Slack users

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_user",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=True),
        sa.Column("locale", sa.String(length=16), nullable=True),
        sa.Column("fetched_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_at", storage.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("slack_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("posted_channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("acquired_by", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("acquired_until", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("attempt_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_error", sa.String(length=200), nullable=True))
        batch_op.create_index(
            "ix_follow_up_unsent_due",
            ["due_at"],
            unique=False,
            postgresql_where=sa.text("status = 'open' AND sent_at IS NULL"),
            sqlite_where=sa.text("status = 'open' AND sent_at IS NULL"),
        )


def downgrade() -> None:
    op.drop_table("slack_user")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_unsent_due")
        for column in (
            "last_error",
            "attempts",
            "attempt_key",
            "acquired_until",
            "acquired_by",
            "posted_channel_id",
            "slack_ts",
            "sent_at",
        ):
            batch_op.drop_column(column)
