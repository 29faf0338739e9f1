"""Who is acting, and where: a person's time zone is read from what we know before the answer to
Slack, and learned from Slack (users.info) only after it, by `learn_actor` as a lazy listener."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.customers import people
from handlers.context import runtime, team_of

log = logging.getLogger(__name__)


def actor_of(body: dict[str, Any]) -> tuple[str, str]:
    """(team, user) of a slash command or of an interactive payload."""
    if "user_id" in body:  # a slash command
        return str(body["team_id"]), str(body["user_id"])
    return team_of(body), str(body["user"]["id"])


def actor_zone(body: dict[str, Any], context: BoltContext) -> str | None:
    """The acting person's time zone as we know it now (None: the workspace's applies)."""
    team_id, user_id = actor_of(body)
    return people.known_zone(db=runtime(context).db, team_id=team_id, user_id=user_id)


def learned_zone(body: dict[str, Any], client: WebClient, context: BoltContext) -> str | None:
    """After the answer: what Slack says of the acting person (asked at most once a day)."""
    rt = runtime(context)
    team_id, user_id = actor_of(body)
    return people.learn_user(
        db=rt.db, lookup=users_info(client), team_id=team_id, user_id=user_id, now=rt.clock()
    )


def users_info(client: WebClient) -> people.UserLookup:
    """Slack's users.info as the lookup bot.customers.people asks; a refusal is logged, not raised."""

    def lookup(user_id: str) -> Mapping[str, Any] | None:
        try:
            return client.users_info(user=user_id, include_locale=True).get("user") or {}
        except SlackApiError as failure:
            log.warning("users.info for %s failed: %s", user_id, failure.response.get("error"))
            return None

    return lookup


def learn_actor(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """A lazy listener: refresh what Slack says of the acting person, for their next request."""
    learned_zone(body, client, context)
