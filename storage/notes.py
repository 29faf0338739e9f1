"""Notes: the interaction history."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, cast, func, update
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col, select

from storage.idsets import among
from storage.models import FROM_SLACK_MESSAGE, Category, ContactChannel, Note
from storage.upsert import insert_unless_taken


class NoteCreate(SQLModel):
    customer_id: int
    author_id: str
    text: str
    body: str
    lang: str = "en"
    source: str = "command"
    slack_channel_id: str | None = None
    slack_ts: str | None = None
    permalink: str | None = None
    contact_channel: ContactChannel | None = None
    category: Category = Category.general
    occurred_at: datetime | None = None
    amount: Decimal | None = None
    currency: str | None = None


class MessageAlreadyFiled(Exception):
    """The Slack message is a live note already: another delivery of it (its event, a reaction,
    a retry, the shortcut) was filed first."""


def create_note(*, session: Session, team_id: str, note_in: NoteCreate, now: datetime) -> Note:
    """Stores a note. A note from a Slack message (`slack_ts`) yields to a live note of the same
    message, even one being written at this moment: MessageAlreadyFiled, and the caller's
    transaction should be rolled back (nothing else it wrote for the note is wanted)."""
    note = Note.model_validate(note_in, update={"team_id": team_id, "created_at": now})
    if note.slack_ts is None:
        session.add(note)
        session.flush()
        return note
    note_id = insert_unless_taken(
        session=session,
        model=Note,
        row=note.model_dump(exclude={"id"}),
        conflict=["team_id", "slack_channel_id", "slack_ts"],
        where=FROM_SLACK_MESSAGE,
    )
    stored = session.get(Note, note_id) if note_id is not None else None
    if stored is None:
        raise MessageAlreadyFiled(f"{note.slack_channel_id}/{note.slack_ts}")
    return stored


def get_note(*, session: Session, team_id: str, note_id: int) -> Note | None:
    note = session.get(Note, note_id)
    if note is None or note.team_id != team_id:
        return None
    return note


def soft_delete_note(*, session: Session, team_id: str, note_id: int, by: str, now: datetime) -> bool:
    """Marks the note deleted; False when it already was (a second click on Undo)."""
    statement = (
        update(Note)
        .where(col(Note.id) == note_id, col(Note.team_id) == team_id, col(Note.deleted_at).is_(None))
        .values(deleted_at=now, deleted_by=by)
    )
    result = session.execute(statement)
    return int(result.rowcount or 0) == 1  # type: ignore[attr-defined]


def recent_notes(*, session: Session, team_id: str, customer_id: int, limit: int = 5) -> list[Note]:
    statement = (
        select(Note)
        .where(Note.team_id == team_id, Note.customer_id == customer_id, col(Note.deleted_at).is_(None))
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))


def count_notes(*, session: Session, team_id: str, customer_id: int) -> int:
    statement = (
        select(func.count())
        .select_from(Note)
        .where(Note.team_id == team_id, Note.customer_id == customer_id, col(Note.deleted_at).is_(None))
    )
    return int(session.exec(statement).one())


def recent_by_author(*, session: Session, team_id: str, author_id: str, limit: int) -> list[Note]:
    statement = (
        select(Note)
        .where(Note.team_id == team_id, Note.author_id == author_id, col(Note.deleted_at).is_(None))
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))


def recent_per_customer(
    *, session: Session, team_id: str, customer_ids: set[int], limit: int
) -> dict[int, list[Note]]:
    """The latest `limit` live notes of each customer, in one query (a window over customers)."""
    if not customer_ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=col(Note.customer_id), order_by=(col(Note.created_at).desc(), col(Note.id).desc()))
        .label("rank")
    )
    ranked = (
        select(Note, rank)
        .where(
            Note.team_id == team_id, col(Note.customer_id).in_(customer_ids), col(Note.deleted_at).is_(None)
        )
        .subquery()
    )
    latest = aliased(Note, ranked)
    statement = select(latest).where(ranked.c.rank <= limit).order_by(ranked.c.customer_id, ranked.c.rank)
    result: dict[int, list[Note]] = {}
    for note in session.exec(statement):
        result.setdefault(note.customer_id, []).append(note)
    return result


def notes_by_id(*, session: Session, team_id: str, ids: set[int]) -> dict[int, Note]:
    if not ids:
        return {}
    statement = select(Note).where(Note.team_id == team_id, col(Note.id).in_(ids))
    return {note.id: note for note in session.exec(statement) if note.id is not None}


def note_for_message(*, session: Session, team_id: str, channel_id: str, ts: str) -> Note | None:
    """The live note already made from a Slack message, if any (a message is captured once)."""
    statement = select(Note).where(
        Note.team_id == team_id,
        Note.slack_channel_id == channel_id,
        Note.slack_ts == ts,
        col(Note.deleted_at).is_(None),
    )
    return session.exec(statement).first()


def set_permalink(*, session: Session, team_id: str, note_id: int, permalink: str) -> bool:
    """Adds the message's permalink to a note filed without one; False when it had one already."""
    statement = (
        update(Note)
        .where(col(Note.id) == note_id, col(Note.team_id) == team_id, col(Note.permalink).is_(None))
        .values(permalink=permalink[:500])
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


SCALE = 10_000  # note.amount is Numeric(18, 4): summed as whole ten-thousandths, exact on both databases


def purchase_totals(
    *, session: Session, team_id: str, customer_id: int, since: datetime
) -> dict[str, Decimal]:
    """Purchase amounts since `since`, per currency (amounts in different currencies are not added)."""
    found = purchase_totals_of(session=session, team_id=team_id, since=since, customer_ids=[customer_id])
    return {currency: total for _, currency, total in found}


def purchase_totals_of(
    *, session: Session, team_id: str, since: datetime, customer_ids: Collection[int]
) -> list[tuple[int, str, Decimal]]:
    """(customer, currency, total) of these customers' purchases since `since` (when they happened)."""
    if not customer_ids:
        return []
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    units = func.sum(cast(func.round(col(Note.amount) * SCALE), BigInteger))
    statement = (
        sql_select(col(Note.customer_id), col(Note.currency), units)
        .where(
            col(Note.team_id) == team_id,
            col(Note.category) == Category.purchase,
            col(Note.amount).is_not(None),
            col(Note.currency).is_not(None),
            col(Note.deleted_at).is_(None),
            happened >= since,
            among(session, Note.customer_id, customer_ids),
        )
        .group_by(col(Note.customer_id), col(Note.currency))
    )
    return [
        (int(customer_id), str(currency), Decimal(int(total)) / SCALE)
        for customer_id, currency, total in session.execute(statement)
    ]


def first_purchase_at(*, session: Session, team_id: str, customer_id: int) -> datetime | None:
    statement = select(func.min(func.coalesce(Note.occurred_at, Note.created_at))).where(
        Note.team_id == team_id,
        Note.customer_id == customer_id,
        Note.category == Category.purchase,
        col(Note.deleted_at).is_(None),
    )
    value = session.exec(statement).one()
    return value if isinstance(value, datetime) else None


def notes_page(*, session: Session, team_id: str, customer_id: int, offset: int, limit: int) -> list[Note]:
    statement = (
        select(Note)
        .where(Note.team_id == team_id, Note.customer_id == customer_id, col(Note.deleted_at).is_(None))
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.exec(statement))
