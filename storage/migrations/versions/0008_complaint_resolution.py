"""complaint resolution: a complaint note is open until someone marks it resolved

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both databases: the note table is never copied, so the
    # search triggers of 0004 stay as they are.
    op.add_column("note", sa.Column("resolved_at", storage.types.UTCDateTime(), nullable=True))
    op.add_column("note", sa.Column("resolved_by", sa.String(length=32), nullable=True))


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35 and later) rather than batch mode, whose copy of the
    # note table the search view of 0004 would not survive.
    op.drop_column("note", "resolved_by")
    op.drop_column("note", "resolved_at")
