"""Reply targets: the response URL a form's answer goes to, kept here, named in the form by a key."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col

from storage.models import ReplyTarget

# Slack's response URLs work for 30 minutes; a form left open longer answers in a new message.
LIFETIME = timedelta(minutes=30)


def keep(*, session: Session, team_id: str, user_id: str, url: str, now: datetime) -> str:
    """Stores `url` for `user_id`'s form and returns the key the form carries instead."""
    session.execute(
        delete(ReplyTarget).where(
            col(ReplyTarget.team_id) == team_id, col(ReplyTarget.created_at) < now - LIFETIME
        )
    )
    key = secrets.token_urlsafe(24)
    session.add(ReplyTarget(team_id=team_id, key=key, user_id=user_id, url=url[:500], created_at=now))
    return key


def take(*, session: Session, team_id: str, user_id: str, key: str, now: datetime) -> str | None:
    """The stored URL for the person who opened the form, once; None when unknown, someone
    else's or expired."""
    row = session.get(ReplyTarget, (team_id, key))
    if row is None:
        return None
    session.delete(row)
    if row.user_id != user_id or now - row.created_at > LIFETIME:
        return None
    return row.url
