"""Follow-ups: things to do for a customer by a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, update
from sqlalchemy import select as sql_select
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


@dataclass(frozen=True)
class FollowUpFilter:
    assignee_id: str | None = None
    customer_id: int | None = None


def _open_of(team_id: str, which: FollowUpFilter) -> list[Any]:
    conditions: list[Any] = [FollowUp.team_id == team_id, FollowUp.status == FollowUpStatus.open]
    if which.assignee_id is not None:
        conditions.append(FollowUp.assignee_id == which.assignee_id)
    if which.customer_id is not None:
        conditions.append(FollowUp.customer_id == which.customer_id)
    return conditions


def open_follow_ups(*, session: Session, team_id: str, which: FollowUpFilter, limit: int) -> list[FollowUp]:
    """Open follow-ups, the earliest due (so the most overdue) first."""
    statement = select(FollowUp).where(*_open_of(team_id, which))
    return list(session.exec(statement.order_by(col(FollowUp.due_at), col(FollowUp.id)).limit(limit)))


def count_open_follow_ups(*, session: Session, team_id: str, which: FollowUpFilter) -> int:
    """How many `open_follow_ups` would list without a limit (a list says how many it left out)."""
    statement = sql_select(func.count()).select_from(FollowUp).where(*_open_of(team_id, which))
    return int(session.execute(statement).scalar_one())


def get_follow_up(*, session: Session, team_id: str, follow_up_id: int) -> FollowUp | None:
    row = session.get(FollowUp, follow_up_id)
    return row if row is not None and row.team_id == team_id else None


def mark_done(
    *, session: Session, team_id: str, follow_up_id: int, now: datetime, expected_due: datetime | None = None
) -> bool:
    """Open -> done in one conditional UPDATE, so two clicks at once change it only once.

    With `expected_due`, only the arming a reminder belongs to: a click on an older reminder
    of a snoozed follow-up changes nothing.
    """
    conditions = [
        col(FollowUp.team_id) == team_id,
        col(FollowUp.id) == follow_up_id,
        col(FollowUp.status) == FollowUpStatus.open,
    ]
    if expected_due is not None:
        conditions.append(col(FollowUp.due_at) == expected_due)
    statement = update(FollowUp).where(*conditions).values(status=FollowUpStatus.done, completed_at=now)
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def reassign(
    *, session: Session, team_id: str, follow_up_id: int, assignee_id: str, expected_due: datetime
) -> bool:
    """Gives an open follow-up to someone else; only the arming the click belongs to."""
    statement = (
        update(FollowUp)
        .where(
            col(FollowUp.team_id) == team_id,
            col(FollowUp.id) == follow_up_id,
            col(FollowUp.status) == FollowUpStatus.open,
            col(FollowUp.due_at) == expected_due,
            col(FollowUp.assignee_id) != assignee_id,
        )
        .values(assignee_id=assignee_id)
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def follow_ups_by_id(*, session: Session, team_id: str, ids: set[int]) -> dict[int, FollowUp]:
    if not ids:
        return {}
    statement = select(FollowUp).where(FollowUp.team_id == team_id, col(FollowUp.id).in_(ids))
    return {row.id: row for row in session.exec(statement) if row.id is not None}


def team_performance(
    *, session: Session, team_id: str, since: datetime, now: datetime
) -> dict[str, tuple[int, int]]:
    """Per assignee: (follow-ups done since `since`, open follow-ups overdue now), counted in SQL."""
    counts: dict[str, list[int]] = {}
    for slot, condition in enumerate(
        (
            and_(col(FollowUp.status) == FollowUpStatus.done, col(FollowUp.completed_at) >= since),
            and_(col(FollowUp.status) == FollowUpStatus.open, col(FollowUp.due_at) < now),
        )
    ):
        statement = (
            sql_select(col(FollowUp.assignee_id), func.count())
            .where(col(FollowUp.team_id) == team_id, condition)
            .group_by(col(FollowUp.assignee_id))
        )
        for who, count in session.execute(statement):
            counts.setdefault(str(who), [0, 0])[slot] = int(count)
    return {who: (done, overdue) for who, (done, overdue) in sorted(counts.items())}
