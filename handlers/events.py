"""Events API: @rapport in threads, capture channels, the capture reaction. Each event is
acknowledged at once and handled after the answer to Slack (lazy listeners); a retried delivery
of an event already handled is acknowledged and dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import capture, customers
from bot.errors import UserError
from bot.i18n import reply_lang, t
from bot.render import cards, errors
from bot.render.kit import Message
from handlers.replies import post, post_ephemeral
from handlers.runtime import runtime

CAPTURED_EMOJI = "white_check_mark"


def register(app: App) -> None:
    app.use(skip_retried_events)
    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])
    app.event("message")(ack=acknowledge, lazy=[capture_channel_message])
    app.event("reaction_added")(ack=acknowledge, lazy=[capture_reaction])


def acknowledge(ack: Ack) -> None:
    ack()


def skip_retried_events(
    body: dict[str, Any], context: BoltContext, next: Callable[[], None]
) -> BoltResponse | None:
    event_id = body.get("event_id")
    if body.get("type") == "event_callback" and event_id:
        rt = runtime(context)
        if not capture.first_delivery(
            db=rt.db, team_id=str(body.get("team_id")), event_id=str(event_id), now=rt.clock()
        ):
            return BoltResponse(status=200, body="")
    next()
    return None


def _permalink(client: WebClient, channel: str, ts: str) -> str | None:
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"])
    except SlackApiError:
        return None


def answer_mention(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    rt = runtime(context)
    team_id = str(body["team_id"])
    channel, thread_ts = str(event["channel"]), str(event.get("thread_ts") or event["ts"])
    bot = context.bot_user_id or ""
    query = str(event.get("text", "")).replace(f"<@{bot}>", " ").strip()
    lang = reply_lang(query, rt.settings.locale)
    if not query and event.get("thread_ts"):
        parent = client.conversations_replies(channel=channel, ts=thread_ts, limit=1).get("messages") or [{}]
        query = (
            customers.customer_named_in(db=rt.db, team_id=team_id, text=str(parent[0].get("text", ""))) or ""
        )
    now = rt.clock()
    try:
        card = customers.customer_card(db=rt.db, team_id=team_id, query=query, now=now, defaults=rt.defaults)
    except UserError as refused:
        message = errors.user_error(refused, lang)
    else:
        message = cards.customer_card(card, lang=lang, tz=card.tz, now=now)
    post(client, message, channel=channel, thread_ts=thread_ts)


def capture_channel_message(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return  # edits, joins, bots (our own reminders included): not notes
    if event.get("thread_ts") and event.get("thread_ts") != event.get("ts"):
        return  # only top-level messages
    rt = runtime(context)
    team_id, channel, ts = str(body["team_id"]), str(event["channel"]), str(event["ts"])
    if capture.channel_customer(db=rt.db, team_id=team_id, channel_id=channel) is None:
        return
    filed = capture.save_message(
        db=rt.db,
        team_id=team_id,
        channel_id=channel,
        ts=ts,
        author_id=str(event["user"]),
        text=str(event.get("text", "")),
        permalink=_permalink(client, channel, ts),
        now=rt.clock(),
        defaults=rt.defaults,
        source="capture",
        prefer_channel_customer=True,
    )
    if filed is not None:
        # A quiet sign on the message itself that it is now a note, instead of a reply in the channel.
        try:
            client.reactions_add(channel=channel, timestamp=ts, name=CAPTURED_EMOJI)
        except SlackApiError as failure:
            logging.getLogger(__name__).info(
                "could not mark %s as captured: %s", ts, failure.response.get("error")
            )


def _message_at(client: WebClient, channel: str, ts: str) -> dict[str, Any] | None:
    history = (
        client.conversations_history(channel=channel, latest=ts, inclusive=True, limit=1).get("messages")
        or []
    )
    if history and history[0].get("ts") == ts:
        return dict(history[0])
    replies = client.conversations_replies(channel=channel, ts=ts, limit=200).get("messages") or []
    return next((dict(m) for m in replies if m.get("ts") == ts), None)


def capture_reaction(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    item = event.get("item") or {}
    if item.get("type") != "message":
        return
    rt = runtime(context)
    team_id = str(body["team_id"])
    if event.get("reaction") != capture.capture_emoji(db=rt.db, team_id=team_id):
        return
    channel, ts, reactor = str(item["channel"]), str(item["ts"]), str(event["user"])
    message = _message_at(client, channel, ts)
    if message is None:
        return
    text = str(message.get("text", ""))
    lang = reply_lang(text, rt.settings.locale)
    try:
        filed = capture.save_message(
            db=rt.db,
            team_id=team_id,
            channel_id=channel,
            ts=ts,
            author_id=str(message.get("user") or reactor),
            text=text,
            permalink=_permalink(client, channel, ts),
            now=rt.clock(),
            defaults=rt.defaults,
            source="reaction",
            prefer_channel_customer=False,
        )
    except UserError as refused:
        refusal = errors.user_error(refused, lang)
        post_ephemeral(client, Message(text=refusal.text, lang=lang), channel=channel, user=reactor)
        return
    if filed is not None:
        saved = Message(text=t("capture_saved", lang, customer=filed.customer_name), lang=lang)
        post_ephemeral(client, saved, channel=channel, user=reactor)
