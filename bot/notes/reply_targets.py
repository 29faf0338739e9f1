"""Where a form's answer goes: the response URL of the click that opened it, kept server-side.

A form (a Slack modal) carries its state back in `private_metadata`; a destination there would
be whatever the submission says. The form carries a key instead, and the URL stays here.
"""

from __future__ import annotations

from datetime import datetime

from storage import replies
from storage.db import Database


def remember(*, db: Database, team_id: str, user_id: str, url: str | None, now: datetime) -> str | None:
    """The key a form carries in place of `url` (None when there is no URL to answer at)."""
    if not url:
        return None
    with db.session() as session:
        return replies.keep(session=session, team_id=team_id, user_id=user_id, url=url, now=now)


def destination(*, db: Database, team_id: str, user_id: str, key: object, now: datetime) -> str | None:
    """The URL kept for the person who opened the form, once (None: unknown, theirs not, expired)."""
    if not isinstance(key, str) or not key:
        return None
    with db.session() as session:
        return replies.take(session=session, team_id=team_id, user_id=user_id, key=key, now=now)
