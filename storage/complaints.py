"""Complaints: notes of category complaint, open until someone marks them resolved."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, TextClause, and_, func, text, update
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.models import OPEN_COMPLAINT, RESOLVED_COMPLAINT, Category, Note


def _qualified(predicate: str) -> TextClause:
    """An index predicate as SQL text: the values written out, so both databases see the query
    implies it (a bound parameter would hide that) and use the partial index."""
    return text(" AND ".join("note." + term.strip() for term in predicate.split(" AND ")))


def open_complaint(team_id: str) -> ColumnElement[bool]:
    """Live unresolved complaints of the workspace (served by ix_note_open_complaints)."""
    return and_(col(Note.team_id) == team_id, _qualified(OPEN_COMPLAINT))


def _complaint(team_id: str) -> ColumnElement[bool]:
    return and_(
        col(Note.team_id) == team_id,
        col(Note.category) == Category.complaint,
        col(Note.deleted_at).is_(None),
    )


def open_complaints(*, session: Session, team_id: str, customer_id: int, limit: int) -> list[Note]:
    """A customer's unresolved complaints, newest first."""
    statement = (
        select(Note)
        .where(open_complaint(team_id), col(Note.customer_id) == customer_id)
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))


def count_open(*, session: Session, team_id: str, customer_id: int) -> int:
    statement = sql_select(func.count()).where(open_complaint(team_id), col(Note.customer_id) == customer_id)
    return int(session.execute(statement).scalar_one())


def resolved_counts(*, session: Session, team_id: str, since: datetime) -> dict[int, int]:
    """Complaints resolved since `since`, per customer."""
    statement = (
        sql_select(col(Note.customer_id), func.count())
        .where(col(Note.team_id) == team_id, _qualified(RESOLVED_COMPLAINT), col(Note.resolved_at) >= since)
        .group_by(col(Note.customer_id))
    )
    return {int(customer_id): int(count) for customer_id, count in session.execute(statement)}


def complaint(*, session: Session, team_id: str, note_id: int) -> Note | None:
    return session.exec(select(Note).where(_complaint(team_id), col(Note.id) == note_id)).first()


def set_resolved(
    *, session: Session, team_id: str, note_id: int, by: str | None, now: datetime | None
) -> bool:
    """Marks a complaint resolved (or open again, with by=now=None); False if nothing changed."""
    still = col(Note.resolved_at).is_(None) if now is not None else col(Note.resolved_at).is_not(None)
    statement = (
        update(Note)
        .where(_complaint(team_id), col(Note.id) == note_id, still)
        .values(resolved_at=now, resolved_by=by)
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]
