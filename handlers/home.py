"""App Home: published when a person opens the tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import home
from bot.render.home import home_view
from handlers.runtime import runtime


def register(app: App) -> None:
    # Acknowledge at once; building and publishing the tab happens after the answer to Slack.
    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home])


def acknowledge(ack: Ack) -> None:
    ack()


def publish_home(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    if event.get("tab", "home") != "home":
        return
    rt = runtime(context)
    now = rt.clock()
    user_id = str(event["user"])
    mine = home.home_for(
        db=rt.db, team_id=str(body["team_id"]), user_id=user_id, now=now, locale=rt.settings.locale
    )
    client.views_publish(user_id=user_id, view=home_view(mine, now))
