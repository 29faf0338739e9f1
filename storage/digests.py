"""Digest subscriptions, and the claim on each week's digest.

A week is claimed by inserting its (subscription, period) row, holding it for `acquired_by` until
`acquired_until` (the lease words of reminders and job runs): the unique constraint lets one
process win. A claim not marked sent when its lease runs out may be taken over (its process
died); the taker looks in the channel for the digest first (bot.jobs.digests), as reminders do.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import select as sql_select
from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.idsets import among
from storage.models import Customer, DigestPeriod, DigestSubscription, StageChange
from storage.upsert import insert_ignore


def add_subscription(*, session: Session, subscription: DigestSubscription) -> DigestSubscription:
    session.add(subscription)
    session.flush()
    return subscription


def subscriptions(
    *, session: Session, team_id: str, channel_id: str | None = None
) -> list[DigestSubscription]:
    statement = select(DigestSubscription).where(
        DigestSubscription.team_id == team_id, col(DigestSubscription.active).is_(True)
    )
    if channel_id is not None:
        statement = statement.where(DigestSubscription.channel_id == channel_id)
    return list(session.exec(statement.order_by(col(DigestSubscription.id))))


def deactivate(*, session: Session, team_id: str, channel_id: str, segment: str) -> int:
    statement = (
        update(DigestSubscription)
        .where(
            col(DigestSubscription.team_id) == team_id,
            col(DigestSubscription.channel_id) == channel_id,
            col(DigestSubscription.segment) == segment,
            col(DigestSubscription.active).is_(True),
        )
        .values(active=False)
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def claim_period(
    *,
    session: Session,
    team_id: str,
    subscription_id: int,
    period: str,
    due_at: datetime,
    owner: str,
    now: datetime,
    lease: timedelta,
) -> tuple[DigestPeriod, bool] | None:
    """The week's row if this process now holds it, and whether it was taken over from another."""
    inserted = insert_ignore(
        session=session,
        model=DigestPeriod,
        rows=[
            {
                "team_id": team_id,
                "subscription_id": subscription_id,
                "period": period,
                "due_at": due_at,
                "acquired_by": owner,
                "acquired_until": now + lease,
                "late": False,
                "members": "[]",
            }
        ],
        conflict=["subscription_id", "period"],
    )
    row = session.exec(
        select(DigestPeriod).where(
            DigestPeriod.subscription_id == subscription_id, DigestPeriod.period == period
        )
    ).one()
    if inserted:
        return row, False
    if row.sent_at is not None or row.acquired_until >= now:
        return None
    taken = session.execute(
        update(DigestPeriod)
        .where(
            col(DigestPeriod.id) == row.id,
            col(DigestPeriod.acquired_by) == row.acquired_by,
            col(DigestPeriod.sent_at).is_(None),
        )
        .values(acquired_by=owner, acquired_until=now + lease)
    )
    if int(taken.rowcount or 0) != 1:  # type: ignore[attr-defined]
        return None
    session.refresh(row)
    return row, True


def mark_digest_sent(
    *, session: Session, period_id: int, owner: str, ts: str, now: datetime, members: str, late: bool
) -> bool:
    statement = (
        update(DigestPeriod)
        .where(col(DigestPeriod.id) == period_id, col(DigestPeriod.acquired_by) == owner)
        .values(sent_at=now, slack_ts=ts, members=members, late=late)
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def last_sent(*, session: Session, team_id: str, subscription_id: int, before: str) -> DigestPeriod | None:
    statement = (
        select(DigestPeriod)
        .where(
            DigestPeriod.team_id == team_id,
            DigestPeriod.subscription_id == subscription_id,
            col(DigestPeriod.sent_at).is_not(None),
            col(DigestPeriod.period) < before,
        )
        .order_by(col(DigestPeriod.period).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def sent_members(
    *, session: Session, team_id: str, subscription_id: int, periods: list[str]
) -> dict[str, str]:
    """The members (JSON) each of these weeks' sent digests recorded, by period."""
    if not periods:
        return {}
    statement = sql_select(col(DigestPeriod.period), col(DigestPeriod.members)).where(
        col(DigestPeriod.team_id) == team_id,
        col(DigestPeriod.subscription_id) == subscription_id,
        col(DigestPeriod.period).in_(periods),
        col(DigestPeriod.sent_at).is_not(None),
    )
    return {str(period): str(members) for period, members in session.execute(statement)}


def customers_since(*, session: Session, team_id: str, since: datetime) -> dict[int, datetime]:
    """Live customers created at or after `since`, and when."""
    statement = sql_select(col(Customer.id), col(Customer.created_at)).where(
        col(Customer.team_id) == team_id,
        col(Customer.deleted_at).is_(None),
        col(Customer.created_at) >= since,
    )
    return {int(cid): created for cid, created in session.execute(statement)}


def live_stages(*, session: Session, team_id: str, ids: Collection[int]) -> dict[int, str]:
    """The current stage of each of these customers that is not deleted."""
    if not ids:
        return {}
    statement = sql_select(col(Customer.id), col(Customer.stage)).where(
        col(Customer.team_id) == team_id, col(Customer.deleted_at).is_(None), among(session, Customer.id, ids)
    )
    return {int(cid): str(stage) for cid, stage in session.execute(statement)}


def stage_moves_since(
    *, session: Session, team_id: str, since: datetime
) -> list[tuple[int, str, str, datetime]]:
    """(customer, from, to, when) of every stage change since `since`, oldest first (plain rows:
    after a workspace's first classification there are tens of thousands)."""
    statement = (
        sql_select(
            col(StageChange.customer_id),
            col(StageChange.from_stage),
            col(StageChange.to_stage),
            col(StageChange.changed_at),
        )
        .where(col(StageChange.team_id) == team_id, col(StageChange.changed_at) >= since)
        .order_by(col(StageChange.changed_at), col(StageChange.id))
    )
    return [(int(c), str(a), str(b), when) for c, a, b, when in session.execute(statement)]
