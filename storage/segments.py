"""Saved segments and the facts segment filters read, per customer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.classification import activity, aware
from storage.models import Category, Customer, CustomerTag, FollowUp, FollowUpStatus, Note, Segment, Tag


@dataclass(frozen=True)
class CustomerFacts:
    customer_id: int
    name: str
    owner_id: str | None
    stage: str
    tier: str
    region: str | None
    industry: str | None
    tags: frozenset[str]
    last_touch: datetime | None
    last_purchase: datetime | None
    complaints_since: int  # complaints in the window asked for
    open_follow_ups: int


def facts(*, session: Session, team_id: str, complaints_since: datetime) -> list[CustomerFacts]:
    """Everything a segment can filter on, for every live customer, in a few grouped queries."""
    base = {a.customer_id: a for a in activity(session=session, team_id=team_id)}
    rows = session.exec(
        select(Customer).where(Customer.team_id == team_id, col(Customer.deleted_at).is_(None))
    ).all()
    tags: dict[int, set[str]] = {}
    for customer_id, name in session.execute(
        sql_select(col(CustomerTag.customer_id), col(Tag.name))
        .join(Tag, col(Tag.id) == col(CustomerTag.tag_id))
        .where(col(CustomerTag.team_id) == team_id)
    ):
        tags.setdefault(int(customer_id), set()).add(str(name))
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    last_purchase = _pairs(
        session.execute(
            sql_select(col(Note.customer_id), func.max(happened))
            .where(
                col(Note.team_id) == team_id,
                col(Note.category) == Category.purchase,
                col(Note.deleted_at).is_(None),
            )
            .group_by(col(Note.customer_id))
        )
    )
    complaints = complaint_counts(session=session, team_id=team_id, since=complaints_since)
    open_follow_ups = _pairs(
        session.execute(
            sql_select(col(FollowUp.customer_id), func.count())
            .where(col(FollowUp.team_id) == team_id, col(FollowUp.status) == FollowUpStatus.open)
            .group_by(col(FollowUp.customer_id))
        )
    )

    out = []
    for customer in rows:
        assert customer.id is not None
        known = base.get(customer.id)
        out.append(
            CustomerFacts(
                customer_id=customer.id,
                name=customer.name,
                owner_id=customer.owner_id or customer.created_by,
                stage=customer.stage,
                tier=customer.tier,
                region=customer.region,
                industry=customer.industry,
                tags=frozenset(tags.get(customer.id, set())),
                last_touch=known.last_touch if known else None,
                last_purchase=aware(last_purchase.get(customer.id)),
                complaints_since=int(complaints.get(customer.id, 0)),
                open_follow_ups=int(open_follow_ups.get(customer.id, 0)),
            )
        )
    return out


def _pairs(rows: Iterable[Any]) -> dict[int, Any]:
    return {int(row[0]): row[1] for row in rows}


def complaint_counts(*, session: Session, team_id: str, since: datetime) -> dict[int, int]:
    """Complaints filed since `since`, per customer."""
    return _pairs(
        session.execute(
            sql_select(col(Note.customer_id), func.count())
            .where(
                col(Note.team_id) == team_id,
                col(Note.category) == Category.complaint,
                col(Note.deleted_at).is_(None),
                col(Note.created_at) >= since,
            )
            .group_by(col(Note.customer_id))
        )
    )


def save_segment(
    *, session: Session, team_id: str, name: str, definition: str, created_by: str, now: datetime
) -> None:
    existing = session.exec(select(Segment).where(Segment.team_id == team_id, Segment.name == name)).first()
    row = existing or Segment(
        team_id=team_id, name=name, definition=definition, created_by=created_by, created_at=now
    )
    row.definition = definition
    session.add(row)


def segments(*, session: Session, team_id: str) -> list[Segment]:
    return list(session.exec(select(Segment).where(Segment.team_id == team_id).order_by(col(Segment.name))))


def segment(*, session: Session, team_id: str, name: str) -> Segment | None:
    return session.exec(select(Segment).where(Segment.team_id == team_id, Segment.name == name)).first()


def delete_segment(*, session: Session, team_id: str, name: str) -> bool:
    row = segment(session=session, team_id=team_id, name=name)
    if row is None:
        return False
    session.delete(row)
    return True
