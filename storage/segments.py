"""Saved segments and the facts segment filters read, per customer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.classification import aware
from storage.complaints import open_complaint
from storage.idsets import among
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
    open_complaints: int = 0  # complaints not resolved yet


# Conditions that keep a per-customer read to a segment's candidates, given the customer id column.
Among = Callable[[Any], list[ColumnElement[bool]]]


@dataclass(frozen=True)
class Narrowing:
    """What a segment filter asks of stored columns, tags and note windows, so that `facts` reads
    only customers that may match instead of every customer and every note. It must keep every
    customer the filter (bot.insights.segments.matches, which still decides) could accept."""

    stages: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    all_tags: tuple[str, ...] = ()
    any_tags: tuple[str, ...] = ()
    tag_or_tier: bool = False  # any_tags OR tiers, instead of AND (the vip built-in)
    owner: str | None = None
    complained_since: datetime | None = None
    bought_since: datetime | None = None
    open_complaints: bool = False


def facts(
    *, session: Session, team_id: str, complaints_since: datetime, narrowing: Narrowing | None = None
) -> list[CustomerFacts]:
    """Everything a segment can filter on, for the live customers `narrowing` lets through (all
    of them without one), in a few grouped queries."""
    narrowing = narrowing or Narrowing()
    customers = session.execute(
        sql_select(
            col(Customer.id),
            col(Customer.name),
            col(Customer.owner_id),
            col(Customer.created_by),
            col(Customer.stage),
            col(Customer.tier),
            col(Customer.region),
            col(Customer.industry),
        ).where(*_candidates(team_id, narrowing))
    ).all()
    among = _among(session, team_id, narrowing, [int(row[0]) for row in customers])
    notes = {int(row[0]): row[1:] for row in session.execute(_note_facts(team_id, among, complaints_since))}
    tags: dict[int, set[str]] = {}
    for customer_id, name in session.execute(_tags(team_id, among)):
        tags.setdefault(int(customer_id), set()).add(str(name))
    open_follow_ups = _pairs(session.execute(_open_follow_ups(team_id, among)))
    unresolved = _pairs(session.execute(_open_complaints(team_id, among)))
    out = []
    for cid, name, owner_id, created_by, stage, tier, region, industry in customers:
        last_touch, last_purchase, complaints = notes.get(cid, (None, None, 0))
        out.append(
            CustomerFacts(
                customer_id=cid,
                name=name,
                owner_id=owner_id or created_by,
                stage=stage,
                tier=tier,
                region=region,
                industry=industry,
                tags=frozenset(tags.get(cid, set())),
                last_touch=aware(last_touch),
                last_purchase=aware(last_purchase),
                complaints_since=int(complaints or 0),
                open_follow_ups=int(open_follow_ups.get(cid, 0)),
                open_complaints=int(unresolved.get(cid, 0)),
            )
        )
    return out


def _candidates(team_id: str, narrowing: Narrowing) -> list[ColumnElement[bool]]:
    """Conditions on customer rows: live, and possibly matching (see Narrowing)."""
    where = [col(Customer.team_id) == team_id, col(Customer.deleted_at).is_(None)]
    if narrowing.stages:
        where.append(col(Customer.stage).in_(narrowing.stages))
    any_tag = col(Customer.id).in_(_tagged(team_id, narrowing.any_tags)) if narrowing.any_tags else None
    in_tier = col(Customer.tier).in_(narrowing.tiers) if narrowing.tiers else None
    if not narrowing.tag_or_tier:
        where += [c for c in (any_tag, in_tier) if c is not None]
    elif any_tag is not None and in_tier is not None:  # else one side is empty, so true for all
        where.append(or_(any_tag, in_tier))
    where += [col(Customer.id).in_(_tagged(team_id, (tag,))) for tag in narrowing.all_tags]
    if narrowing.owner is not None:
        # A superset of "owner, else creator" (CustomerFacts.owner_id), which Python decides.
        where.append(
            or_(col(Customer.owner_id) == narrowing.owner, col(Customer.created_by) == narrowing.owner)
        )
    for category, since, happened in (
        (Category.complaint, narrowing.complained_since, False),
        (Category.purchase, narrowing.bought_since, True),
    ):
        if since is not None:
            moment = func.coalesce(Note.occurred_at, Note.created_at) if happened else col(Note.created_at)
            where.append(
                col(Customer.id).in_(
                    sql_select(col(Note.customer_id)).where(
                        col(Note.team_id) == team_id,
                        col(Note.category) == category,
                        col(Note.deleted_at).is_(None),
                        moment >= since,
                    )
                )
            )
    if narrowing.open_complaints:
        where.append(col(Customer.id).in_(_unresolved(team_id, col(Note.customer_id))))
    return where


def _unresolved(team_id: str, *columns: Any) -> Select[Any]:
    return sql_select(*columns).where(open_complaint(team_id))


def _open_complaints(team_id: str, among: Among) -> Select[Any]:
    return (
        _unresolved(team_id, col(Note.customer_id), func.count())
        .where(*among(Note.customer_id))
        .group_by(col(Note.customer_id))
    )


def _tagged(team_id: str, names: tuple[str, ...]) -> Select[tuple[int]]:
    return (
        sql_select(col(CustomerTag.customer_id))
        .join(Tag, col(Tag.id) == col(CustomerTag.tag_id))
        .where(col(CustomerTag.team_id) == team_id, col(Tag.name).in_(names))
    )


def _note_facts(team_id: str, among: Among, complaints_since: datetime) -> Select[Any]:
    """Per customer (`among` the candidates), in one pass over their live notes: the last note's time,
    the last purchase's, and how many complaints were filed since `complaints_since`."""
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    is_purchase = col(Note.category) == Category.purchase
    recent_complaint = (col(Note.category) == Category.complaint) & (col(Note.created_at) >= complaints_since)
    return (
        sql_select(
            col(Note.customer_id),
            func.max(happened),
            func.max(case((is_purchase, happened), else_=None)),
            func.sum(case((recent_complaint, 1), else_=0)),
        )
        .where(col(Note.team_id) == team_id, col(Note.deleted_at).is_(None), *among(Note.customer_id))
        .group_by(col(Note.customer_id))
    )


def _tags(team_id: str, among: Among) -> Select[Any]:
    return (
        sql_select(col(CustomerTag.customer_id), col(Tag.name))
        .join(Tag, col(Tag.id) == col(CustomerTag.tag_id))
        .where(col(CustomerTag.team_id) == team_id, *among(CustomerTag.customer_id))
    )


def _open_follow_ups(team_id: str, among: Among) -> Select[Any]:
    return (
        sql_select(col(FollowUp.customer_id), func.count())
        .where(
            col(FollowUp.team_id) == team_id,
            col(FollowUp.status) == FollowUpStatus.open,
            *among(FollowUp.customer_id),
        )
        .group_by(col(FollowUp.customer_id))
    )


def _among(session: Session, team_id: str, narrowing: Narrowing, ids: list[int]) -> Among:
    """How the per-customer reads keep to the candidates: not at all when every customer is one;
    on PostgreSQL by the ids as one array, whose size the planner then knows, so that it walks
    the notes index for them rather than scanning every note (a thousands-long IN list costs more
    to send than to run); on SQLite by the candidates' query, which it runs once."""
    if narrowing == Narrowing():
        return lambda column: []
    if session.get_bind().dialect.name == "postgresql":
        return lambda column: [among(session, column, ids)]
    candidates = sql_select(col(Customer.id)).where(*_candidates(team_id, narrowing))
    return lambda column: [col(column).in_(candidates)]


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
