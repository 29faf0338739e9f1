"""search: PostgreSQL's trigram index split into buckets of note ids, so the newest are asked first

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

A GIN index answers a term with every match at once: it reads the term's whole posting lists, and
for two words of a few per cent each that is some 10 to 20 ms over a million notes before a single
row is read. With the bucket (id / 65536) as a second column, asking for one bucket intersects
each posting list with that bucket's, and GIN skips the rest of every list: storage/search.py asks
for the newest buckets one at a time. Asked for the body alone, the index answers as
ix_note_search_trgm did, which it replaces. btree_gin gives GIN the integer column.

Like 0004's objects, the index is named `ix_note_search*`, so `storage.migrate.include_object` leaves
it out of schema comparisons. SQLite: nothing (its FTS5 index is walked newest rowid first).
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    # Keep the bucket in step with storage.search.BUCKET: a query must repeat the expression exactly.
    "CREATE INDEX ix_note_search_trgm_bucket ON note USING gin ((id / 65536), body gin_trgm_ops)"
    " WHERE deleted_at IS NULL",
    "DROP INDEX IF EXISTS ix_note_search_trgm",
]

_PG_DOWN = [
    "CREATE INDEX ix_note_search_trgm ON note USING gin (body gin_trgm_ops) WHERE deleted_at IS NULL",
    "DROP INDEX IF EXISTS ix_note_search_trgm_bucket",
    # btree_gin stays: other objects may have come to depend on it.
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
