"""Signed requests already acted on: a replay of one is answered as the first was, not acted on.

Slack's signature covers the timestamp and the body, and a signature is accepted for five
minutes, so a captured request can be sent again in that window and would verify. The
signature itself is the key: the first delivery inserts its row before it is handled and
stores the answer after; any later delivery of the same signature finds the row and gets the
stored answer (or an empty 200 while the first is still being handled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col

from storage.models import SlackRequest
from storage.upsert import insert_ignore

# Slack refuses signatures older than five minutes; a row is kept a while longer for clock skew.
RETENTION = timedelta(minutes=10)


@dataclass(frozen=True)
class StoredAnswer:
    status: int | None  # None: the first delivery has not been answered yet
    content_type: str | None
    body: str | None


def first_sight(
    *, session: Session, team_id: str, signature: str, signed_at: datetime
) -> StoredAnswer | None:
    """None for the first delivery of a signature (now recorded); the stored answer for a replay."""
    inserted = insert_ignore(
        session=session,
        model=SlackRequest,
        rows=[{"team_id": team_id, "signature": signature, "signed_at": signed_at}],
        conflict=["team_id", "signature"],
    )
    if inserted == 1:
        return None
    row = session.get(SlackRequest, (team_id, signature))
    if row is None:  # forgotten between the insert and the read: answered as still in hand
        return StoredAnswer(None, None, None)
    return StoredAnswer(row.status, row.content_type, row.body)


def remember_answer(
    *, session: Session, team_id: str, signature: str, status: int, content_type: str | None, body: str
) -> None:
    session.execute(
        update(SlackRequest)
        .where(col(SlackRequest.team_id) == team_id, col(SlackRequest.signature) == signature)
        .values(status=status, content_type=content_type, body=body)
    )


def forget_before(*, session: Session, team_id: str, before: datetime) -> int:
    statement = delete(SlackRequest).where(
        col(SlackRequest.team_id) == team_id, col(SlackRequest.signed_at) < before
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]
