"""Test databases: a fresh SQLite file per test, and one PostgreSQL database per test run.

The PostgreSQL URL comes from RAPPORT_TEST_DATABASE_URL (default: the local server). Each run
creates its own database from it, migrates it once, and empties every table between tests.
Locally a missing server skips those tests with the reason; under CI=true it fails them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

from storage import migrate
from storage import scratch as storage_scratch
from storage.db import Database

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    url = os.environ.get("RAPPORT_TEST_DATABASE_URL", DEFAULT_PG)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}")
    pytest.skip(f"PostgreSQL not available ({reason}); set RAPPORT_TEST_DATABASE_URL")


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database for this run; dropped afterwards."""
    with ExitStack() as stack:
        try:  # only reaching the server decides skip-or-fail; errors inside a test stay errors
            url = stack.enter_context(storage_scratch.scratch_postgres(postgres_url(), prefix="rapport_test"))
        except OperationalError as exc:
            unavailable(str(exc.orig).strip().splitlines()[0])
        yield url


def empty_tables(db: Database) -> None:
    names = ", ".join(f'"{table.name}"' for table in SQLModel.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} CASCADE"))


def migrated_sqlite(path: str) -> Database:
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    return db
