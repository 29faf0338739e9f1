"""Tags, shared by notes and customers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete
from sqlmodel import Session, col, select

from storage.models import CustomerTag, Note, NoteTag, Tag
from storage.upsert import insert_ignore


def ensure_tags(*, session: Session, team_id: str, names: Sequence[str]) -> list[Tag]:
    """The tags named, created where missing, in the order given."""
    if not names:
        return []
    insert_ignore(
        session=session,
        model=Tag,
        rows=[{"team_id": team_id, "name": name} for name in dict.fromkeys(names)],
        conflict=["team_id", "name"],
    )
    found = session.exec(select(Tag).where(Tag.team_id == team_id, col(Tag.name).in_(list(names))))
    by_name = {tag.name: tag for tag in found}
    return [by_name[name] for name in dict.fromkeys(names)]


def tag_note(*, session: Session, team_id: str, note_id: int, customer_id: int, tags: Sequence[Tag]) -> None:
    """Tags the note and, so that the customer card shows them, its customer."""
    ids = [tag.id for tag in tags if tag.id is not None]
    insert_ignore(
        session=session,
        model=NoteTag,
        rows=[{"team_id": team_id, "note_id": note_id, "tag_id": tag_id} for tag_id in ids],
        conflict=["note_id", "tag_id"],
    )
    insert_ignore(
        session=session,
        model=CustomerTag,
        rows=[{"team_id": team_id, "customer_id": customer_id, "tag_id": tag_id} for tag_id in ids],
        conflict=["customer_id", "tag_id"],
    )


def note_tag_names(*, session: Session, team_id: str, note_ids: Sequence[int]) -> dict[int, list[str]]:
    if not note_ids:
        return {}
    statement = (
        select(NoteTag.note_id, Tag.name)
        .join(Tag, col(Tag.id) == col(NoteTag.tag_id))
        .where(NoteTag.team_id == team_id, col(NoteTag.note_id).in_(list(note_ids)))
        .order_by(col(Tag.name))
    )
    result: dict[int, list[str]] = {}
    for note_id, name in session.exec(statement):
        result.setdefault(note_id, []).append(name)
    return result


def drop_customer_tags_only_from(*, session: Session, team_id: str, note_id: int, customer_id: int) -> int:
    """After a note is undone: the customer loses the tags no other live note of theirs carries."""
    note_tags = select(NoteTag.tag_id).where(NoteTag.team_id == team_id, NoteTag.note_id == note_id)
    still_used = (
        select(NoteTag.tag_id)
        .join(Note, col(Note.id) == col(NoteTag.note_id))
        .where(
            NoteTag.team_id == team_id,
            Note.customer_id == customer_id,
            col(Note.deleted_at).is_(None),
            NoteTag.note_id != note_id,
        )
    )
    statement = delete(CustomerTag).where(
        col(CustomerTag.team_id) == team_id,
        col(CustomerTag.customer_id) == customer_id,
        col(CustomerTag.tag_id).in_(note_tags),
        col(CustomerTag.tag_id).not_in(still_used),
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def untag_note(*, session: Session, team_id: str, note_id: int) -> None:
    session.execute(delete(NoteTag).where(col(NoteTag.team_id) == team_id, col(NoteTag.note_id) == note_id))


def tag_customers(
    *, session: Session, team_id: str, customer_ids: Sequence[int], tags: Sequence[Tag]
) -> None:
    insert_ignore(
        session=session,
        model=CustomerTag,
        rows=[
            {"team_id": team_id, "customer_id": customer_id, "tag_id": tag.id}
            for customer_id in customer_ids
            for tag in tags
            if tag.id is not None
        ],
        conflict=["customer_id", "tag_id"],
    )


def untag_customers(
    *, session: Session, team_id: str, customer_ids: Sequence[int], names: Sequence[str]
) -> int:
    if not customer_ids or not names:
        return 0
    tag_ids = select(Tag.id).where(Tag.team_id == team_id, col(Tag.name).in_(list(names)))
    statement = delete(CustomerTag).where(
        col(CustomerTag.team_id) == team_id,
        col(CustomerTag.customer_id).in_(list(customer_ids)),
        col(CustomerTag.tag_id).in_(tag_ids),
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def names_carried(
    *, session: Session, team_id: str, customer_ids: Sequence[int], names: Sequence[str]
) -> set[str]:
    """Which of `names` at least one of these customers carries."""
    if not customer_ids or not names:
        return set()
    statement = (
        select(Tag.name)
        .join(CustomerTag, col(CustomerTag.tag_id) == col(Tag.id))
        .where(
            Tag.team_id == team_id,
            col(Tag.name).in_(list(names)),
            col(CustomerTag.customer_id).in_(list(customer_ids)),
        )
        .distinct()
    )
    return {str(name) for name in session.exec(statement)}


def customers_tagged(*, session: Session, team_id: str, name: str) -> list[int]:
    statement = (
        select(CustomerTag.customer_id)
        .join(Tag, col(Tag.id) == col(CustomerTag.tag_id))
        .where(CustomerTag.team_id == team_id, Tag.name == name)
    )
    return [int(cid) for cid in session.exec(statement)]
