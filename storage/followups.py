"""Follow-ups: things to do for a customer by a time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.models import FollowUp, FollowUpStatus


def create_follow_up(
    *,
    session: Session,
    team_id: str,
    customer_id: int,
    note_id: int | None,
    assignee_id: str,
    created_by: str,
    slack_channel_id: str | None,
    text: str,
    due_at: datetime,
    now: datetime,
) -> FollowUp:
    follow_up = FollowUp(
        team_id=team_id,
        customer_id=customer_id,
        note_id=note_id,
        assignee_id=assignee_id,
        created_by=created_by,
        slack_channel_id=slack_channel_id,
        text=text,
        due_at=due_at,
        created_at=now,
    )
    session.add(follow_up)
    session.flush()
    return follow_up


def cancel_for_note(*, session: Session, team_id: str, note_id: int, now: datetime) -> int:
    """Cancels the open follow-ups a note created (the note was undone); returns how many."""
    statement = (
        update(FollowUp)
        .where(
            col(FollowUp.team_id) == team_id,
            col(FollowUp.note_id) == note_id,
            col(FollowUp.status) == FollowUpStatus.open,
        )
        .values(status=FollowUpStatus.cancelled, completed_at=now)
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def open_for_customer(*, session: Session, team_id: str, customer_id: int, limit: int = 5) -> list[FollowUp]:
    statement = (
        select(FollowUp)
        .where(
            FollowUp.team_id == team_id,
            FollowUp.customer_id == customer_id,
            FollowUp.status == FollowUpStatus.open,
        )
        .order_by(col(FollowUp.due_at))
        .limit(limit)
    )
    return list(session.exec(statement))


def open_for_note(*, session: Session, team_id: str, note_id: int) -> list[FollowUp]:
    statement = (
        select(FollowUp)
        .where(
            FollowUp.team_id == team_id, FollowUp.note_id == note_id, FollowUp.status == FollowUpStatus.open
        )
        .order_by(col(FollowUp.id))
    )
    return list(session.exec(statement))
