"""Saving Slack messages as notes: capture channels, the capture reaction, and the message shortcut
"Save as customer note" (a form prefilled from the message).

Slack retries a delivery it did not see answered, so each kind is safe to receive twice:
- a message in a capture channel is stored *before* the answer to Slack (the event carries its
  text; nothing waits on Slack's Web API), so an acknowledged message is a stored note. Its
  permalink and the captured mark follow after the answer. A second delivery finds the note.
- a capture reaction needs the message from Slack, so it is handled after the answer; a retry
  is let through and the note store yields to a note of the same message (storage.notes).
(An @rapport mention posts a card, and a retry of one already answered is dropped by its event
id: bot.app.middleware, handlers.customers.)"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.notes import capture, editing, message_form
from bot.render import answers, edit_modal
from handlers.context import runtime, team_of
from handlers.people import actor_zone, learn_actor
from handlers.replies import SendNow, open_view, post_ephemeral, send_later

CAPTURED_EMOJI = "white_check_mark"
CAPTURED_NOTE = "rapport_captured_note"
SHORTCUT = "save_as_note"
SAVED_NOTE = "rapport_saved_note"  # the note the form filed, for add_permalink_later


def register(app: App) -> None:
    app.event("message")(ack=capture_channel_message, lazy=[send_later, mark_captured])
    app.event("reaction_added")(ack=acknowledge, lazy=[send_later, capture_reaction])
    app.shortcut(SHORTCUT)(ack=save_as_note_opened, lazy=[send_later, learn_actor])
    app.view(edit_modal.SAVE_MESSAGE_CALLBACK)(
        ack=save_as_note_submitted, lazy=[send_later, add_permalink_later]
    )


def acknowledge(ack: Ack) -> None:
    ack()


def permalink_of(client: WebClient, channel: str, ts: str) -> str | None:
    """The message's permalink; None when Slack will not say (the note is stored without it)."""
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"])
    except SlackApiError:
        return None


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
        post_ephemeral(SendNow(None, client), answers.refused(refused, lang), channel=channel, user=reactor)
        return
    if filed is not None:
        saved = answers.message_saved(filed.customer_name, lang)
        post_ephemeral(SendNow(None, client), saved, channel=channel, user=reactor)


def save_as_note_opened(ack: Ack, shortcut: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    team_id, user_id = team_of(shortcut), str(shortcut["user"]["id"])
    message = shortcut.get("message") or {}
    channel = str((shortcut.get("channel") or {}).get("id"))
    ts = str(message["ts"])
    now = rt.clock()
    zone = actor_zone(shortcut, context)
    prefilled = message_form.prefill_from_message(
        db=rt.db,
        team_id=team_id,
        channel_id=channel,
        text=str(message.get("text", "")),
        ts=ts,
        now=now,
        defaults=rt.defaults,
        user_tz=zone,
    )
    author = str(message.get("user") or user_id)
    view = edit_modal.save_message_modal(prefilled, channel_id=channel, ts=ts, author_id=author)
    open_view(context, view, trigger_id=shortcut["trigger_id"], lang=prefilled.lang)


def save_as_note_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    rt = runtime(context)
    form, meta = edit_modal.read_state(view)
    lang = str(meta.get("lang") or rt.settings.locale)
    try:
        changes = editing.read_form(
            form,
            tz=str(meta.get("tz") or rt.settings.default_tz),
            default_currency=rt.settings.default_currency,
            initial=edit_modal.initial_answers(view),
            now=rt.clock(),
        )
    except editing.InvalidFields as invalid:
        ack(response_action="errors", errors=answers.field_errors(invalid.fields, lang))
        return
    channel, ts, user_id = str(meta["channel"]), str(meta["ts"]), str(body["user"]["id"])
    filed = message_form.file_from_form(
        db=rt.db,
        team_id=team_of(body),
        author_id=str(meta.get("author") or user_id),
        saved_by=user_id,
        changes=changes,
        now=rt.clock(),
        defaults=rt.defaults,
        channel_id=channel,
        ts=ts,
        text=changes.body,
        permalink=None,  # asked of Slack after the answer (add_permalink_later)
        lang=lang,
        mentions=[str(m) for m in meta.get("mentions") or []],
        occurred_at=edit_modal.occurred_of(meta),
    )
    ack()
    if filed is not None:
        context[SAVED_NOTE] = filed.note_id
    told = (
        answers.message_saved(filed.customer_name, lang)
        if filed
        else answers.message_saved(changes.customer, lang, already=True)
    )
    post_ephemeral(context, told, channel=channel, user=user_id)


def add_permalink_later(
    view: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """After the answer: the note the form filed gets its message's permalink."""
    note_id = context.get(SAVED_NOTE)  # set by save_as_note_submitted, copied to this listener
    if not isinstance(note_id, int):
        return  # nothing filed (the form was refused, or the message was a note already)
    _, meta = edit_modal.read_state(view)
    permalink = permalink_of(client, str(meta["channel"]), str(meta["ts"]))
    if permalink is not None:
        capture.add_permalink(
            db=runtime(context).db, team_id=team_of(body), note_id=note_id, permalink=permalink
        )
