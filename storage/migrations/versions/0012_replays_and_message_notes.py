"""hardening: signed requests already answered, one live note per Slack message, unsure reminders

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

- slack_request: a replayed signed request is answered from here instead of acted on again.
- reply_target: a form's answer goes to the response URL stored when it was opened, by key.
- ux_note_slack_message: a message captured twice at the same moment (its event and a reaction)
  becomes one note. Live duplicates made before this index are soft-deleted, the first one kept.
- follow_up.unsure: the next holder of a reminder whose earlier attempt may have reached Slack
  looks for the post first; a reminder only paced or refused by Slack is not looked for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

FROM_SLACK_MESSAGE = "slack_ts IS NOT NULL AND deleted_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "slack_request",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("signature", sa.String(length=80), nullable=False),
        sa.Column("signed_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.String(length=100), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("team_id", "signature"),
    )
    op.create_index("ix_slack_request_team_signed", "slack_request", ["team_id", "signed_at"])
    op.create_table(
        "reply_target",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "key"),
    )
    # Duplicates stored before the index: keep each message's first note, retire the rest.
    op.execute(
        sa.text(
            f"""
            UPDATE note SET deleted_at = created_at, deleted_by = 'rapport'
            WHERE {FROM_SLACK_MESSAGE} AND id NOT IN (
                SELECT min(id) FROM note WHERE {FROM_SLACK_MESSAGE}
                GROUP BY team_id, slack_channel_id, slack_ts
            )
            """
        )
    )
    # Plain CREATE INDEX (no batch mode): SQLite must not copy the note table (0004's triggers).
    op.create_index(
        "ux_note_slack_message",
        "note",
        ["team_id", "slack_channel_id", "slack_ts"],
        unique=True,
        postgresql_where=sa.text(FROM_SLACK_MESSAGE),
        sqlite_where=sa.text(FROM_SLACK_MESSAGE),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unsure", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_column("unsure")
    op.drop_index("ux_note_slack_message", table_name="note")
    op.drop_table("reply_target")
    op.drop_index("ix_slack_request_team_signed", table_name="slack_request")
    op.drop_table("slack_request")
