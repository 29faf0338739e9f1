"""INSERT … ON CONFLICT DO NOTHING on both backends.

Two Slack requests can name the same new customer or tag at the same moment; letting the
unique constraint decide, and reading the winner back, is race-free without locks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel


def insert_ignore(
    *, session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]], conflict: Sequence[str]
) -> int:
    """Inserts the rows that do not collide; returns how many went in."""
    if not rows:
        return 0
    table = model.__table__  # type: ignore[attr-defined]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(table)
        .values(list(rows))
        .on_conflict_do_nothing(index_elements=list(conflict))
        # Counting returned rows: psycopg reports no rowcount for this statement.
        .returning(table.c[conflict[0]])
    )
    return len(session.execute(statement).all())


def insert_unless_taken(
    *, session: Session, model: type[SQLModel], row: dict[str, Any], conflict: Sequence[str], where: str
) -> int | None:
    """Inserts one row unless a row already holds its place in the partial unique index
    `conflict` WHERE `where`; returns the new row's id, or None when it yielded. A competing
    insert not yet committed is waited for, then yielded to."""
    table = model.__table__  # type: ignore[attr-defined]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(table)
        .values(row)
        .on_conflict_do_nothing(index_elements=list(conflict), index_where=text(where))
        .returning(table.c["id"])
    )
    value = session.execute(statement).scalar()
    return None if value is None else int(value)
