"""Opening the database for a running process, with the schema checked first."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from bot.app.config import Settings
from bot.app.runtime import Runtime
from bot.core.clock import Clock, system_clock
from bot.core.errors import ConfigError
from storage import migrate
from storage.db import Database


def open_database(settings: Settings) -> Database:
    """The database, migrated: SQLite is brought up to date on the spot (it is this process's own
    file); a shared PostgreSQL is only checked, since migrating it is an operator's decision."""
    db = Database(settings.database_url)
    try:
        if migrate.is_current(db):
            return db
        if db.dialect == "sqlite":
            migrate.upgrade(db)
            return db
    except OperationalError as exc:
        raise ConfigError(f"DATABASE_URL: cannot reach the database ({exc.orig})") from None
    raise ConfigError("DATABASE_URL: the database schema is not current; run `rapport migrate` first")


def open_runtime(settings: Settings, clock: Clock = system_clock) -> Runtime:
    return Runtime(settings=settings, db=open_database(settings), clock=clock)
