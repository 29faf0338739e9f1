"""What classification reads (activity per customer, purchases) and writes (stage, tier, history)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    case,
    func,
    insert,
    type_coerce,
    update,
)
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.models import Category, CurrencyRate, Customer, FollowUp, FollowUpStatus, Note, StageChange
from storage.types import as_utc
from storage.upsert import insert_ignore


@dataclass(frozen=True)
class Activity:
    customer_id: int
    name: str
    stage: str
    tier: str
    owner_id: str | None
    last_touch: datetime | None
    first_purchase: datetime | None


def activity(*, session: Session, team_id: str) -> list[Activity]:
    """Every live customer with its last note and first purchase, in one grouped query."""
    # Notes are aggregated per customer first and joined after: joining first made PostgreSQL walk
    # each customer's notes by index, one random heap read per note (7 s for 2 million notes).
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    purchase_at = case((col(Note.category) == Category.purchase, happened), else_=None)
    touches = (
        sql_select(
            col(Note.customer_id).label("customer_id"),
            func.max(happened).label("last_touch"),
            func.min(purchase_at).label("first_purchase"),
        )
        .where(col(Note.team_id) == team_id, col(Note.deleted_at).is_(None))
        .group_by(col(Note.customer_id))
        .subquery("touches")
    )
    # Plain SQLAlchemy select: SQLModel's typed select stops at four columns.
    statement = (
        sql_select(
            col(Customer.id),
            col(Customer.name),
            col(Customer.stage),
            col(Customer.tier),
            func.coalesce(col(Customer.owner_id), col(Customer.created_by)),
            _driver_time(touches.c.last_touch),
            _driver_time(touches.c.first_purchase),
        )
        .select_from(Customer)
        .outerjoin(touches, touches.c.customer_id == col(Customer.id))
        .where(col(Customer.team_id) == team_id, col(Customer.deleted_at).is_(None))
    )
    return [
        Activity(int(cid), str(name), str(stage), str(tier), owner, aware(last), aware(first))
        for cid, name, stage, tier, owner, last, first in session.connection().execute(statement).all()
    ]


def aware(value: object) -> datetime | None:
    """A time read back as timezone-aware UTC (storage.types.UTCDateTime's rule); aggregates over
    a CASE lose the column type on SQLite and come back as text."""
    if value is None:
        return None
    return as_utc(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)))


def purchases_since(
    *, session: Session, team_id: str, since: datetime
) -> list[tuple[int, datetime, Decimal, str]]:
    """(customer, when, amount, currency) of every purchase since `since`."""
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    statement = sql_select(
        col(Note.customer_id), _driver_time(happened), col(Note.amount), col(Note.currency)
    ).where(
        col(Note.team_id) == team_id,
        col(Note.category) == Category.purchase,
        col(Note.amount).is_not(None),
        col(Note.deleted_at).is_(None),
        happened >= since,
    )
    rows = []
    # A Core read: a workspace's year of purchases is a hundred thousand rows, and the ORM's
    # per-row work was most of the time.
    for customer_id, at, amount, currency in session.connection().execute(statement).all():
        moment = aware(at)
        if moment is not None and amount is not None and currency:
            value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
            rows.append((int(customer_id), moment, value, str(currency)))
    return rows


def _driver_time(moment: ColumnElement[Any]) -> ColumnElement[Any]:
    """`moment` as the driver reads it (made aware by `aware`), skipping UTCDateTime's per-row hook."""
    return type_coerce(moment, DateTime(timezone=True))


def set_classifications(
    *,
    session: Session,
    team_id: str,
    customer_ids: Sequence[int],
    was: str,
    stage: str,
    tier: str,
    now: datetime,
) -> list[int]:
    """Stores a new stage and tier on those of `customer_ids` still at stage `was`, and records
    their stage moves; returns the customers whose stage this call moved.

    The update is conditional on `was`: when several processes recompute at once, the first to
    commit moves a customer and the others' updates find it no longer at `was`, so each move is
    recorded (and warned about) once.
    """
    if not customer_ids:
        return []
    moved = stage != was
    statement = (
        update(Customer)
        .where(
            col(Customer.team_id) == team_id,
            col(Customer.id).in_(customer_ids),
            col(Customer.stage) == was,
        )
        .values(stage=stage, tier=tier, **({"stage_since": now} if moved else {}))
        .returning(col(Customer.id))
        .execution_options(synchronize_session=False)
    )
    changed = [int(cid) for (cid,) in session.execute(statement)]
    if not moved or not changed:
        return []
    session.execute(
        insert(StageChange),
        [
            {"team_id": team_id, "customer_id": cid, "from_stage": was, "to_stage": stage, "changed_at": now}
            for cid in changed
        ],
    )
    return changed


def latest_bodies(*, session: Session, team_id: str, customer_ids: Collection[int]) -> dict[int, str]:
    """Each customer's newest live note (the one storage.notes.recent_notes would list first)."""
    if not customer_ids:
        return {}
    newest = (
        sql_select(col(Note.id))
        .where(
            col(Note.team_id) == team_id,
            col(Note.customer_id) == col(Customer.id),
            col(Note.deleted_at).is_(None),
        )
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    wanted = sql_select(newest).where(col(Customer.team_id) == team_id, col(Customer.id).in_(customer_ids))
    statement = sql_select(col(Note.customer_id), col(Note.body)).where(col(Note.id).in_(wanted))
    return {int(cid): str(body) for cid, body in session.execute(statement)}


def add_churn_warnings(
    *, session: Session, team_id: str, warnings: Sequence[tuple[int, str, str]], now: datetime
) -> None:
    """One open follow-up per (customer id, owner, text), due now, in the owner's DM: the rows
    storage.followups.create_follow_up makes, inserted in one batch instead of one flush each."""
    if not warnings:
        return
    session.execute(
        insert(FollowUp),
        [
            {
                "team_id": team_id,
                "customer_id": customer_id,
                "note_id": None,
                "assignee_id": owner,
                "created_by": owner,
                "slack_channel_id": None,
                "text": text,
                "due_at": now,
                "status": FollowUpStatus.open,
                "created_at": now,
                "attempts": 0,
            }
            for customer_id, owner, text in warnings
        ],
    )


def rates(*, session: Session, team_id: str) -> dict[str, Decimal]:
    statement = sql_select(col(CurrencyRate.currency), col(CurrencyRate.rate)).where(
        col(CurrencyRate.team_id) == team_id
    )
    return {str(currency): Decimal(str(rate)) for currency, rate in session.execute(statement)}


def set_rate(*, session: Session, team_id: str, currency: str, rate: Decimal, now: datetime) -> None:
    insert_ignore(
        session=session,
        model=CurrencyRate,
        rows=[{"team_id": team_id, "currency": currency, "rate": rate, "updated_at": now}],
        conflict=["team_id", "currency"],
    )
    session.execute(
        update(CurrencyRate)
        .where(col(CurrencyRate.team_id) == team_id, col(CurrencyRate.currency) == currency)
        .values(rate=rate, updated_at=now)
    )


def stage_history(*, session: Session, team_id: str, customer_id: int) -> list[StageChange]:
    statement = (
        select(StageChange)
        .where(StageChange.team_id == team_id, StageChange.customer_id == customer_id)
        .order_by(col(StageChange.changed_at), col(StageChange.id))
    )
    return list(session.exec(statement))
