"""App Home: published when a person opens the tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.home import page
from bot.notes import finder
from bot.render import errors, search
from bot.render.home import RESULTS_ROOM, SEARCH_ACTION, home_view
from bot.render.kit import section
from handlers.context import runtime, team_of
from handlers.replies import SendNow, publish_home, send_later


def register(app: App) -> None:
    # Acknowledge at once; building and publishing the tab happens after the answer to Slack.
    app.event("app_home_opened")(ack=acknowledge, lazy=[send_later, home_opened])
    app.action(SEARCH_ACTION)(ack=home_search_entered, lazy=[send_later])


def acknowledge(ack: Ack) -> None:
    ack()


def home_opened(event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("tab", "home") != "home":
        return
    rt = runtime(context)
    now = rt.clock()
    user_id = str(event["user"])
    mine = page.home_for(
        db=rt.db, team_id=str(body["team_id"]), user_id=user_id, now=now, locale=rt.settings.locale
    )
    publish_home(SendNow(None, client), home_view(mine, now), user_id=user_id, lang=mine.lang)


def home_search_entered(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    """The search box on App Home: the tab is published again with the results on top."""
    ack()
    rt = runtime(context)
    now = rt.clock()
    team_id = team_of(body)
    user_id = str(body["user"]["id"])
    query = str(action.get("value") or "").strip()
    mine = page.home_for(db=rt.db, team_id=team_id, user_id=user_id, now=now, locale=rt.settings.locale)
    lang = reply_lang(query, mine.lang)
    try:
        found = finder.search(db=rt.db, team_id=team_id, text=query, now=now, per_page=10)
        results = search.result_blocks(found, text=query, lang=lang, now=now, room=RESULTS_ROOM)
    except UserError as refused:
        results = [section(errors.user_error(refused, lang).text)]
    view = home_view(mine, now, query=query, results=results)
    publish_home(context, view, user_id=user_id, lang=lang)
