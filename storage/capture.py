"""Capture settings and the record of Events API deliveries already handled."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col

from storage.models import CaptureChannel, SlackEvent
from storage.upsert import insert_ignore


def first_delivery(*, session: Session, team_id: str, event_id: str, now: datetime) -> bool:
    """True the first time an event id is seen; Slack's retries of it answer False."""
    inserted = insert_ignore(
        session=session,
        model=SlackEvent,
        rows=[{"team_id": team_id, "event_id": event_id, "received_at": now}],
        conflict=["team_id", "event_id"],
    )
    return inserted == 1


def forget_events_before(*, session: Session, team_id: str, before: datetime) -> int:
    """Slack retries for minutes, not days: older records only take space."""
    statement = delete(SlackEvent).where(
        col(SlackEvent.team_id) == team_id, col(SlackEvent.received_at) < before
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def capture_channel(*, session: Session, team_id: str, channel_id: str) -> CaptureChannel | None:
    return session.get(CaptureChannel, (team_id, channel_id))


def set_capture_channel(
    *, session: Session, team_id: str, channel_id: str, customer_id: int, created_by: str, now: datetime
) -> None:
    row = session.get(CaptureChannel, (team_id, channel_id))
    if row is None:
        row = CaptureChannel(
            team_id=team_id,
            channel_id=channel_id,
            customer_id=customer_id,
            created_by=created_by,
            created_at=now,
        )
    row.customer_id = customer_id
    session.add(row)


def stop_capture(*, session: Session, team_id: str, channel_id: str) -> bool:
    row = session.get(CaptureChannel, (team_id, channel_id))
    if row is None:
        return False
    session.delete(row)
    return True


RETENTION = timedelta(days=1)
