"""The cache of what Slack told us about people."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from storage.models import SlackUser
from storage.upsert import insert_ignore


def cached_user(*, session: Session, team_id: str, user_id: str) -> SlackUser | None:
    return session.get(SlackUser, (team_id, user_id))


def remember_user(
    *, session: Session, team_id: str, user_id: str, tz: str | None, locale: str | None, now: datetime
) -> None:
    # Two requests may learn about the same person at once: insert-or-ignore, then update.
    insert_ignore(
        session=session,
        model=SlackUser,
        rows=[{"team_id": team_id, "user_id": user_id, "tz": tz, "locale": locale, "fetched_at": now}],
        conflict=["team_id", "user_id"],
    )
    session.execute(
        update(SlackUser)
        .where(col(SlackUser.team_id) == team_id, col(SlackUser.user_id) == user_id)
        .values(tz=tz, locale=locale, fetched_at=now)
    )
