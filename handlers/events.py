"""Events API: @rapport in threads, capture channels, the capture reaction.

Slack retries a delivery it did not see answered, so each kind is safe to receive twice:
- a message in a capture channel is stored *before* the answer to Slack (the event carries its
  text; nothing waits on Slack's Web API), so an acknowledged message is a stored note. Its
  permalink and the captured mark follow after the answer. A second delivery finds the note.
- a capture reaction needs the message from Slack, so it is handled after the answer; a retry
  is let through and the note store yields to a note of the same message (storage.notes).
- an @rapport mention posts a card: a retry of a mention already answered is dropped by its
  event id, so a card is posted at most once."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.errors import UserError
from bot.core.i18n import reply_lang, t
from bot.customers import records as customers
from bot.notes import capture
from bot.render import cards, errors
from bot.render.kit import Message
from handlers.context import runtime
from handlers.replies import SendNow, post, post_ephemeral, send_later

CAPTURED_EMOJI = "white_check_mark"
CAPTURED_NOTE = "rapport_captured_note"


def register(app: App) -> None:
    app.event("app_mention")(ack=acknowledge, lazy=[send_later, answer_mention])
    app.event("message")(ack=capture_channel_message, lazy=[send_later, mark_captured])
    app.event("reaction_added")(ack=acknowledge, lazy=[send_later, capture_reaction])


def acknowledge(ack: Ack) -> None:
    ack()


def permalink_of(client: WebClient, channel: str, ts: str) -> str | None:
    """The message's permalink; None when Slack will not say (the note is stored without it)."""
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
    post(SendNow(None, client), message, channel=channel, thread_ts=thread_ts)


def _capturable(event: dict[str, Any]) -> bool:
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return False  # edits, joins, bots (our own reminders included): not notes
    return not (event.get("thread_ts") and event.get("thread_ts") != event.get("ts"))  # top level only


def capture_channel_message(
    ack: Ack, event: dict[str, Any], body: dict[str, Any], context: BoltContext
) -> None:
    """Runs before the answer to Slack: the note is stored when Slack hears "received"."""
    rt = runtime(context)
    team_id, channel = str(body["team_id"]), str(event.get("channel", ""))
    if _capturable(event) and capture.channel_customer(db=rt.db, team_id=team_id, channel_id=channel):
        try:
            filed = capture.save_message(
                db=rt.db,
                team_id=team_id,
                channel_id=channel,
                ts=str(event["ts"]),
                author_id=str(event["user"]),
                text=str(event.get("text", "")),
                permalink=None,  # asked of Slack after the answer (mark_captured)
                now=rt.clock(),
                defaults=rt.defaults,
                source="capture",
                prefer_channel_customer=True,
            )
            if filed is not None:  # this delivery filed it (not a retry): mark_captured follows up
                context[CAPTURED_NOTE] = filed.note_id
        except UserError as refused:  # a message that is no note (only a file, only tags)
            logging.getLogger(__name__).info("message %s not captured: %s", event.get("ts"), refused.key)
    ack()


def mark_captured(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """After the answer: the note gets its permalink, the message a quiet mark that it is a note."""
    note_id = context.get(CAPTURED_NOTE)  # set by capture_channel_message, copied to this listener
    if not isinstance(note_id, int):
        return  # not captured by this delivery
    rt = runtime(context)
    team_id, channel, ts = str(body["team_id"]), str(event["channel"]), str(event["ts"])
    permalink = permalink_of(client, channel, ts)
    if permalink is not None:
        capture.add_permalink(db=rt.db, team_id=team_id, note_id=note_id, permalink=permalink)
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
            permalink=permalink_of(client, channel, ts),
            now=rt.clock(),
            defaults=rt.defaults,
            source="reaction",
            prefer_channel_customer=False,
        )
    except UserError as refused:
        refusal = errors.user_error(refused, lang)
        post_ephemeral(
            SendNow(None, client), Message(text=refusal.text, lang=lang), channel=channel, user=reactor
        )
        return
    if filed is not None:
        saved = Message(text=t("capture_saved", lang, customer=filed.customer_name), lang=lang)
        post_ephemeral(SendNow(None, client), saved, channel=channel, user=reactor)
