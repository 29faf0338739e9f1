"""search: full-text indexes over note bodies (SQLite FTS5 trigram; PostgreSQL pg_trgm + CJK bigrams)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Every object here is named `note_search*` / `ix_note_search*` and is read only by storage/search.py;
none is a SQLModel table (FTS5 virtual tables cannot be), so `storage.migrate.include_object`
leaves them out of schema comparisons.

SQLite: an external-content FTS5 table over the live notes (a view), tokenized into trigrams. The
view pads every body with two U+001F characters so that each one- or two-character substring,
even at the very end of a note, starts some trigram: that lets a two-character query (华为) be
answered from the trigram vocabulary (see storage/search.py). Triggers keep the index in step with
inserts, edits, soft deletes, restores and hard deletes; deleted notes are not indexed at all.

PostgreSQL: pg_trgm GIN over live bodies for queries of three or more characters, and a GIN over
each body's CJK character pairs, because pg_trgm extracts no trigram from a two-character pattern
and would read its whole index for 华为.

Both: an index on note_tag (tag_id, note_id), so `#tag` searches walk a tag's notes newest first.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# `#tag` searches walk a tag's notes newest first; the primary key (note_id, tag_id) cannot.
_TAG_INDEX = "CREATE INDEX ix_note_search_tag ON note_tag (tag_id, note_id)"
_PAD = "char(31, 31)"  # keep in step with storage.search.PAD

_SQLITE_UP = [
    f"CREATE VIEW note_search_source AS SELECT id, body || {_PAD} AS body FROM note WHERE deleted_at IS NULL",
    "CREATE VIRTUAL TABLE note_search USING fts5(body, content='note_search_source', content_rowid='id',"
    " tokenize='trigram', detail='none')",
    "CREATE VIRTUAL TABLE note_search_vocab USING fts5vocab(note_search, 'row')",
    f"""CREATE TRIGGER note_search_ai AFTER INSERT ON note WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO note_search(rowid, body) VALUES (new.id, new.body || {_PAD});
    END""",
    f"""CREATE TRIGGER note_search_ad AFTER DELETE ON note WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO note_search(note_search, rowid, body) VALUES ('delete', old.id, old.body || {_PAD});
    END""",
    # One trigger, two ordered statements: the old text leaves the index before the new one enters.
    f"""CREATE TRIGGER note_search_au AFTER UPDATE OF body, deleted_at ON note BEGIN
        INSERT INTO note_search(note_search, rowid, body)
            SELECT 'delete', old.id, old.body || {_PAD} WHERE old.deleted_at IS NULL;
        INSERT INTO note_search(rowid, body) SELECT new.id, new.body || {_PAD} WHERE new.deleted_at IS NULL;
    END""",
    "INSERT INTO note_search(note_search) VALUES ('rebuild')",
    _TAG_INDEX,
]

_SQLITE_DOWN = [
    "DROP INDEX IF EXISTS ix_note_search_tag",
    "DROP TRIGGER IF EXISTS note_search_au",
    "DROP TRIGGER IF EXISTS note_search_ad",
    "DROP TRIGGER IF EXISTS note_search_ai",
    "DROP TABLE IF EXISTS note_search_vocab",
    "DROP TABLE IF EXISTS note_search",
    "DROP VIEW IF EXISTS note_search_source",
]

# ascii() gives the code point of a character in a UTF-8 database; U+2E80 and up is CJK (and kana,
# hangul). Only pairs of such characters are kept: English words are long enough for pg_trgm.
_PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE FUNCTION note_search_bigrams(body text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT substr(body, i, 2)), '{}')
        FROM generate_series(1, length(body) - 1) AS i
        WHERE ascii(substr(body, i, 1)) >= 11904 AND ascii(substr(body, i + 1, 1)) >= 11904
    $$""",
    "CREATE INDEX ix_note_search_trgm ON note USING gin (body gin_trgm_ops) WHERE deleted_at IS NULL",
    "CREATE INDEX ix_note_search_bigrams ON note USING gin (note_search_bigrams(body))"
    " WHERE deleted_at IS NULL",
    _TAG_INDEX,
]

_PG_DOWN = [
    "DROP INDEX IF EXISTS ix_note_search_tag",
    "DROP INDEX IF EXISTS ix_note_search_bigrams",
    "DROP INDEX IF EXISTS ix_note_search_trgm",
    "DROP FUNCTION IF EXISTS note_search_bigrams(text)",
    # pg_trgm stays: other objects may have come to depend on it.
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_UP)
    elif dialect == "postgresql":
        _run(_PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(_PG_DOWN)
