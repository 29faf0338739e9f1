"""Customers and the names they answer to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from storage.models import Contact, Customer, CustomerName, CustomerTag, Note, Tag
from storage.upsert import insert_ignore


def find_names(*, session: Session, team_id: str, normalized: Sequence[str]) -> list[CustomerName]:
    """The stored names (own names and aliases) among `normalized`, for longest-match parsing."""
    if not normalized:
        return []
    statement = select(CustomerName).where(
        CustomerName.team_id == team_id, col(CustomerName.normalized).in_(list(set(normalized)))
    )
    return list(session.exec(statement))


def get_customer(*, session: Session, team_id: str, customer_id: int) -> Customer | None:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.team_id != team_id or customer.deleted_at is not None:
        return None
    return customer


def customer_by_name(*, session: Session, team_id: str, normalized: str) -> Customer | None:
    statement = (
        select(Customer)
        .join(CustomerName, col(CustomerName.customer_id) == col(Customer.id))
        .where(
            CustomerName.team_id == team_id,
            CustomerName.normalized == normalized,
            col(Customer.deleted_at).is_(None),
        )
    )
    return session.exec(statement).first()


def get_or_create_customer(
    *, session: Session, team_id: str, name: str, normalized: str, created_by: str, now: datetime
) -> tuple[Customer, bool]:
    """The customer known by `normalized`, created if there is none. Returns (customer, created)."""
    existing = customer_by_name(session=session, team_id=team_id, normalized=normalized)
    if existing is not None:
        return existing, False
    inserted = insert_ignore(
        session=session,
        model=Customer,
        rows=[
            {
                "team_id": team_id,
                "name": name,
                "normalized": normalized,
                "kind": "company",
                "created_by": created_by,
                "owner_id": created_by,
                "created_at": now,
                "updated_at": now,
            }
        ],
        conflict=["team_id", "normalized"],
    )
    customer = session.exec(
        select(Customer).where(Customer.team_id == team_id, Customer.normalized == normalized)
    ).one()
    insert_ignore(
        session=session,
        model=CustomerName,
        rows=[
            {
                "team_id": team_id,
                "customer_id": customer.id,
                "name": name,
                "normalized": normalized,
                "is_alias": False,
            }
        ],
        conflict=["team_id", "normalized"],
    )
    return customer, inserted == 1


def add_alias(*, session: Session, team_id: str, customer_id: int, name: str, normalized: str) -> bool:
    """Adds an alias; False when that name already belongs to a customer."""
    before = find_names(session=session, team_id=team_id, normalized=[normalized])
    if before:
        return False
    insert_ignore(
        session=session,
        model=CustomerName,
        rows=[
            {
                "team_id": team_id,
                "customer_id": customer_id,
                "name": name,
                "normalized": normalized,
                "is_alias": True,
            }
        ],
        conflict=["team_id", "normalized"],
    )
    return True


def aliases(*, session: Session, team_id: str, customer_id: int) -> list[str]:
    statement = (
        select(CustomerName.name)
        .where(
            CustomerName.team_id == team_id,
            CustomerName.customer_id == customer_id,
            col(CustomerName.is_alias).is_(True),
        )
        .order_by(col(CustomerName.id))
    )
    return list(session.exec(statement))


def customer_tag_names(*, session: Session, team_id: str, customer_id: int) -> list[str]:
    statement = (
        select(Tag.name)
        .join(CustomerTag, col(CustomerTag.tag_id) == col(Tag.id))
        .where(CustomerTag.team_id == team_id, CustomerTag.customer_id == customer_id)
        .order_by(col(Tag.name))
    )
    return list(session.exec(statement))


def count_customers(*, session: Session, team_id: str) -> int:
    statement = select(func.count()).select_from(Customer).where(Customer.team_id == team_id)
    return int(session.exec(statement).one())


def last_note_at(*, session: Session, team_id: str, customer_id: int) -> datetime | None:
    statement = select(func.max(Note.created_at)).where(
        Note.team_id == team_id, Note.customer_id == customer_id, col(Note.deleted_at).is_(None)
    )
    value = session.exec(statement).one()
    return value if isinstance(value, datetime) else None


def names_by_id(*, session: Session, team_id: str, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    statement = select(Customer.id, Customer.name).where(
        Customer.team_id == team_id, col(Customer.id).in_(ids)
    )
    return {int(cid): name for cid, name in session.exec(statement) if cid is not None}


def owned_by(*, session: Session, team_id: str, owner_id: str, limit: int) -> list[Customer]:
    statement = (
        select(Customer)
        .where(Customer.team_id == team_id, Customer.owner_id == owner_id, col(Customer.deleted_at).is_(None))
        .order_by(col(Customer.updated_at).desc(), col(Customer.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))


def all_customer_names(*, session: Session, team_id: str, limit: int) -> list[tuple[int, str, str]]:
    """(customer id, a name or alias, the customer's display name) for every live customer."""
    statement = (
        select(CustomerName.customer_id, CustomerName.name, Customer.name)
        .join(Customer, col(Customer.id) == col(CustomerName.customer_id))
        .where(CustomerName.team_id == team_id, col(Customer.deleted_at).is_(None))
        .order_by(col(CustomerName.id))
        .limit(limit)
    )
    return [(int(cid), str(name), str(display)) for cid, name, display in session.exec(statement)]


def names_stamp(*, session: Session, team_id: str) -> tuple[int, int]:
    """(how many names, the newest name id): changes whenever a name is added or removed."""
    statement = select(func.count(), func.max(CustomerName.id)).where(CustomerName.team_id == team_id)
    count, newest = session.exec(statement).one()
    return int(count or 0), int(newest or 0)


def contacts_of(*, session: Session, team_id: str, customer_id: int) -> list[Contact]:
    statement = (
        select(Contact)
        .where(Contact.team_id == team_id, Contact.customer_id == customer_id)
        .order_by(col(Contact.id))
    )
    return list(session.exec(statement))


def replace_contacts(
    *,
    session: Session,
    team_id: str,
    customer_id: int,
    contacts: Sequence[tuple[str, str | None, str | None, str | None]],
) -> None:
    """The customer's contacts become exactly `contacts` (name, title, email, phone)."""
    session.execute(
        delete(Contact).where(col(Contact.team_id) == team_id, col(Contact.customer_id) == customer_id)
    )
    for name, title, email, phone in contacts:
        session.add(
            Contact(
                team_id=team_id, customer_id=customer_id, name=name, title=title, email=email, phone=phone
            )
        )


def name_owner(*, session: Session, team_id: str, normalized: str) -> int | None:
    """Which customer a name (own name or alias) belongs to, if any."""
    found = find_names(session=session, team_id=team_id, normalized=[normalized])
    return found[0].customer_id if found else None


def replace_names(
    *,
    session: Session,
    team_id: str,
    customer_id: int,
    name: str,
    normalized: str,
    aliases: Sequence[tuple[str, str]],
) -> None:
    """The customer answers to exactly `name` and `aliases` ((name, normalized) pairs) from now on."""
    session.execute(
        delete(CustomerName).where(
            col(CustomerName.team_id) == team_id, col(CustomerName.customer_id) == customer_id
        )
    )
    session.flush()
    rows = [(name, normalized, False), *[(a, n, True) for a, n in aliases if n != normalized]]
    seen: set[str] = set()
    for display, key, is_alias in rows:
        if key in seen:
            continue
        seen.add(key)
        session.add(
            CustomerName(
                team_id=team_id, customer_id=customer_id, name=display, normalized=key, is_alias=is_alias
            )
        )
