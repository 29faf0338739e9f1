"""People's time zones and languages, from Slack's users.info, cached for a day."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from storage import people
from storage.db import Database

log = logging.getLogger(__name__)
FRESH_FOR = timedelta(days=1)


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


def learn_user(*, db: Database, client: WebClient, team_id: str, user_id: str, now: datetime) -> str | None:
    """Asks Slack (users.info) what it knows of the person when we know nothing or it is over a
    day old, and keeps it; returns the time zone. Slack may be slow or rate-limit the call (the
    client waits out 429s), so this runs only after the answer to Slack has gone."""
    with db.session() as session:
        cached = people.cached_user(session=session, team_id=team_id, user_id=user_id)
        if cached is not None and now - cached.fetched_at < FRESH_FOR:
            return cached.tz
    try:
        user = client.users_info(user=user_id, include_locale=True).get("user") or {}
    except SlackApiError as failure:
        log.warning("users.info for %s failed: %s", user_id, failure.response.get("error"))
        return cached.tz if cached else None
    tz = _valid_zone(user.get("tz"))
    with db.session() as session:
        people.remember_user(
            session=session, team_id=team_id, user_id=user_id, tz=tz, locale=user.get("locale"), now=now
        )
    return tz
