"""The message shortcut "Save as customer note": a form prefilled from the message."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.core.i18n import t
from bot.notes import capture
from bot.notes import editing as note_edit
from bot.notes import message_form as message_notes
from bot.render import edit_modal
from bot.render.kit import Message
from handlers.context import runtime, team_of
from handlers.events import permalink_of
from handlers.people import actor_zone, learn_actor
from handlers.replies import open_view, post_ephemeral, send_later

SHORTCUT = "save_as_note"
SAVED_NOTE = "rapport_saved_note"  # the note the form filed, for add_permalink_later


def register(app: App) -> None:
    app.shortcut(SHORTCUT)(ack=save_as_note_opened, lazy=[send_later, learn_actor])
    app.view(edit_modal.SAVE_MESSAGE_CALLBACK)(
        ack=save_as_note_submitted, lazy=[send_later, add_permalink_later]
    )


def save_as_note_opened(ack: Ack, shortcut: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    team_id, user_id = team_of(shortcut), str(shortcut["user"]["id"])
    message = shortcut.get("message") or {}
    channel = str((shortcut.get("channel") or {}).get("id"))
    ts = str(message["ts"])
    now = rt.clock()
    zone = actor_zone(shortcut, context)
    prefilled = message_notes.prefill_from_message(
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
        changes = note_edit.read_form(
            form,
            tz=str(meta.get("tz") or rt.settings.default_tz),
            default_currency=rt.settings.default_currency,
        )
    except note_edit.InvalidFields as invalid:
        ack(
            response_action="errors",
            errors={field: t(key, lang, **params) for field, (key, params) in invalid.fields.items()},
        )
        return
    channel, ts, user_id = str(meta["channel"]), str(meta["ts"]), str(body["user"]["id"])
    filed = message_notes.file_from_form(
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
    )
    ack()
    if filed is not None:
        context[SAVED_NOTE] = filed.note_id
    key, name = (
        ("capture_saved", filed.customer_name) if filed else ("capture_already_saved", changes.customer)
    )
    post_ephemeral(
        context, Message(text=t(key, lang, customer=name), lang=lang), channel=channel, user=user_id
    )


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
