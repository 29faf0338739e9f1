"""What classification reads (activity per customer, purchases) and writes (stage, tier, history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import case, func, update
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.models import Category, CurrencyRate, Customer, Note, StageChange
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
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    purchase_at = case((col(Note.category) == Category.purchase, happened), else_=None)
    # Plain SQLAlchemy select: SQLModel's typed select stops at four columns.
    statement = (
        sql_select(
            col(Customer.id),
            col(Customer.name),
            col(Customer.stage),
            col(Customer.tier),
            func.coalesce(col(Customer.owner_id), col(Customer.created_by)),
            func.max(happened),
            func.min(purchase_at),
        )
        .select_from(Customer)
        .outerjoin(
            Note,
            (col(Note.customer_id) == col(Customer.id))
            & (col(Note.team_id) == team_id)
            & col(Note.deleted_at).is_(None),
        )
        .where(col(Customer.team_id) == team_id, col(Customer.deleted_at).is_(None))
        .group_by(col(Customer.id), col(Customer.name), col(Customer.stage), col(Customer.tier))
    )
    return [
        Activity(int(cid), str(name), str(stage), str(tier), owner, aware(last), aware(first))
        for cid, name, stage, tier, owner, last, first in session.execute(statement)
    ]


def aware(value: object) -> datetime | None:
    # Aggregates over a CASE lose the column type on SQLite and come back as text.
    from storage.types import UTCDateTime

    if value is None:
        return None
    if isinstance(value, datetime):
        return UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]
    return UTCDateTime().process_result_value(datetime.fromisoformat(str(value)), None)  # type: ignore[arg-type]


def purchases_since(
    *, session: Session, team_id: str, since: datetime
) -> list[tuple[int, datetime, Decimal, str]]:
    happened = func.coalesce(Note.occurred_at, Note.created_at)
    statement = sql_select(col(Note.customer_id), happened, col(Note.amount), col(Note.currency)).where(
        col(Note.team_id) == team_id,
        col(Note.category) == Category.purchase,
        col(Note.amount).is_not(None),
        col(Note.deleted_at).is_(None),
        happened >= since,
    )
    rows = []
    for customer_id, at, amount, currency in session.execute(statement):
        moment = aware(at)
        if moment is not None and amount is not None and currency:
            rows.append((int(customer_id), moment, Decimal(str(amount)), str(currency)))
    return rows


def set_classification(
    *, session: Session, team_id: str, customer_id: int, was: str, stage: str, tier: str, now: datetime
) -> bool:
    """Stores a new stage and tier; a stage move is recorded once (only if the stage is still `was`)."""
    moved = stage != was
    statement = (
        update(Customer)
        .where(col(Customer.team_id) == team_id, col(Customer.id) == customer_id, col(Customer.stage) == was)
        .values(stage=stage, tier=tier, **({"stage_since": now} if moved else {}))
    )
    changed = int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]
    if changed and moved:
        session.add(
            StageChange(
                team_id=team_id, customer_id=customer_id, from_stage=was, to_stage=stage, changed_at=now
            )
        )
    return changed and moved


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


def stage_changes_since(*, session: Session, team_id: str, since: datetime) -> list[StageChange]:
    statement = (
        select(StageChange)
        .where(StageChange.team_id == team_id, StageChange.changed_at >= since)
        .order_by(col(StageChange.changed_at))
    )
    return list(session.exec(statement))
