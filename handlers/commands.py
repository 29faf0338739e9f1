"""Slash commands: /note and /customer."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import customers, followups, notes, people
from bot.errors import UserError
from bot.i18n import reply_lang
from bot.render import cards, errors
from bot.render import followups as followup_views
from bot.render import notes as note_views
from bot.render.kit import Message
from bot.runtime import Runtime
from handlers.runtime import runtime


def register(app: App) -> None:
    app.command("/note")(note_command)
    app.command("/customer")(customer_command)
    app.command("/followup")(followup_command)


def _answer(ack: Ack, message: Message) -> None:
    ack(response_type="ephemeral", text=message.text, blocks=message.blocks)


def _zone(rt: Runtime, client: WebClient, command: dict[str, Any]) -> str | None:
    return people.user_zone(
        db=rt.db, client=client, team_id=command["team_id"], user_id=command["user_id"], now=rt.clock()
    )


def note_command(ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    rt = runtime(context)
    try:
        filed = notes.file_note(
            db=rt.db,
            team_id=command["team_id"],
            user_id=command["user_id"],
            text=command.get("text", ""),
            now=rt.clock(),
            defaults=rt.defaults,
            slack_channel_id=command.get("channel_id"),
            user_tz=_zone(rt, client, command),
        )
    except notes.NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        _answer(ack, note_views.note_usage(rejected.lang, problem))
        return
    _answer(ack, note_views.note_filed(filed))


def customer_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text = command.get("text", "")
    lang = reply_lang(text, rt.settings.locale)
    now = rt.clock()
    try:
        card = customers.customer_card(
            db=rt.db, team_id=command["team_id"], query=text, now=now, defaults=rt.defaults
        )
    except UserError as refused:
        _answer(ack, errors.user_error(refused, lang))
        return
    _answer(ack, cards.customer_card(card, lang=lang, tz=card.tz, now=now))


def followup_command(ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    rt = runtime(context)
    text = command.get("text", "").strip()
    now = rt.clock()
    word, _, rest = text.partition(" ")
    try:
        if word.lower() in ("list", "ls", "列表"):
            listing = followups.list_follow_ups(
                db=rt.db,
                team_id=command["team_id"],
                user_id=command["user_id"],
                query=rest,
                now=now,
                defaults=rt.defaults,
            )
            _answer(ack, followup_views.follow_up_list(listing, now))
            return
        if not text or word.lower() in ("help", "帮助"):
            _answer(ack, followup_views.follow_up_usage(reply_lang(text, rt.settings.locale)))
            return
        created = followups.set_follow_up(
            db=rt.db,
            team_id=command["team_id"],
            user_id=command["user_id"],
            text=text,
            now=now,
            defaults=rt.defaults,
            slack_channel_id=command.get("channel_id"),
            user_tz=_zone(rt, client, command),
        )
    except notes.NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        _answer(ack, followup_views.follow_up_usage(rejected.lang, problem))
        return
    except UserError as refused:
        _answer(ack, errors.user_error(refused, reply_lang(text, rt.settings.locale)))
        return
    _answer(ack, followup_views.follow_up_set(created, now))


def register_fallback(app: App) -> None:
    """Last of all listeners: a command no listener took gets an answer, not a Slack error."""
    app.command(re.compile(r"^/.+"))(not_yet_command)


def not_yet_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    """Commands the manifest declares but this version does not answer yet: say so, never a Slack error."""
    lang = reply_lang(command.get("text", ""), runtime(context).settings.locale)
    _answer(ack, note_views.not_available(command.get("command", ""), lang))
