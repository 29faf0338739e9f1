"""People's time zones and languages, from what Slack says of them (users.info), kept for a day.

Asking Slack is the caller's: `learn_user` takes a `UserLookup`, which handlers.people makes from
the Web API client, so nothing here calls Slack.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage import people
from storage.db import Database

FRESH_FOR = timedelta(days=1)


class UserLookup(Protocol):
    def __call__(self, user_id: str) -> Mapping[str, Any] | None:
        """What Slack says of the person (users.info's `user`); None when Slack did not answer."""


def _valid_zone(name: str | None) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def known_zone(*, db: Database, team_id: str, user_id: str) -> str | None:
    """The person's IANA time zone as last learned from Slack, however long ago; None when never
    learned or Slack did not say (then the workspace's applies).

    Read before answering Slack: it never calls Slack. `learn_user` refreshes it after the answer.
    """
    with db.session() as session:
        cached = people.cached_user(session=session, team_id=team_id, user_id=user_id)
        return cached.tz if cached is not None else None


def learn_user(*, db: Database, lookup: UserLookup, team_id: str, user_id: str, now: datetime) -> str | None:
    """Asks Slack (`lookup`, users.info) what it knows of the person when we know nothing or it is
    over a day old, and keeps it; returns the time zone. Slack may be slow or rate-limit the call
    (the client waits out 429s), so this runs only after the answer to Slack has gone."""
    with db.session() as session:
        cached = people.cached_user(session=session, team_id=team_id, user_id=user_id)
        if cached is not None and now - cached.fetched_at < FRESH_FOR:
            return cached.tz
    user = lookup(user_id)
    if user is None:
        return cached.tz if cached else None
    tz = _valid_zone(user.get("tz"))
    with db.session() as session:
        people.remember_user(
            session=session, team_id=team_id, user_id=user_id, tz=tz, locale=user.get("locale"), now=now
        )
    return tz
