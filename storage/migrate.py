"""Alembic, driven from code so that `rapport migrate` needs no alembic.ini next to it."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from storage.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The search index (storage/search.py) lives in objects no model describes: SQLite's FTS5 table and
# its shadow tables, and PostgreSQL's expression index. Comparisons of the schema with the models
# leave them out.
SEARCH_OBJECTS = ("note_search", "ix_note_search")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic's filter: everything but the search index's own objects."""
    return not (reflected and compare_to is None and (name or "").startswith(SEARCH_OBJECTS))


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolates '%'; a password with one would otherwise break the URL.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    config = alembic_config(db.url)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db.url)).get_current_head()


def is_current(db: Database) -> bool:
    return current_revision(db) == head_revision(db)
