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


def user_zone(*, db: Database, client: WebClient, team_id: str, user_id: str, now: datetime) -> str | None:
    """The person's IANA time zone as Slack knows it; None when it does not say (then the
    workspace's applies)."""
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
