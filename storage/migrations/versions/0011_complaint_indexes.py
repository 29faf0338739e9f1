"""complaint indexes: a workspace's open complaints per customer, and complaints resolved lately

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Segments count each candidate's open complaints, and weekly summaries the complaints resolved in
their week (storage.segments, storage.complaints). Both are small partial indexes (only live
complaints, open or resolved), so neither read visits the note table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OPEN = "category = 'complaint' AND deleted_at IS NULL AND resolved_at IS NULL"
RESOLVED = "category = 'complaint' AND deleted_at IS NULL AND resolved_at IS NOT NULL"


def upgrade() -> None:
    # Plain CREATE INDEX (no batch mode): SQLite must not copy the note table (0004's triggers).
    op.create_index(
        "ix_note_open_complaints",
        "note",
        ["team_id", "customer_id"],
        postgresql_where=sa.text(OPEN),
        sqlite_where=sa.text(OPEN),
    )
    op.create_index(
        "ix_note_resolved_complaints",
        "note",
        ["team_id", "resolved_at", "customer_id"],
        postgresql_where=sa.text(RESOLVED),
        sqlite_where=sa.text(RESOLVED),
    )


def downgrade() -> None:
    op.drop_index("ix_note_resolved_complaints", table_name="note")
    op.drop_index("ix_note_open_complaints", table_name="note")
