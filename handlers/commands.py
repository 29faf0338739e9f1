"""Slash commands: /note and /customer."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import records as customers
from bot.followups import agenda as followups
from bot.notes import filing as notes
from bot.render import cards, errors
from bot.render import followups as followup_views
from bot.render import notes as note_views
from bot.render.kit import Message
from handlers.context import runtime
from handlers.people import actor_zone, learned_zone
from handlers.replies import SendNow, answer, redraw, send_later


def register(app: App) -> None:
    app.command("/note")(ack=note_command, lazy=[send_later, settle_note_zone])
    app.command("/customer")(ack=customer_command, lazy=[send_later])
    app.command("/followup")(ack=followup_command, lazy=[send_later, settle_follow_up_zone])


def _answer(ack: Ack, message: Message) -> None:
    answer(ack, message)


# What the acknowledgement filed, handed to the lazy listener that runs after it.
FILED, SAID_AT = "rapport_filed", "rapport_said_at"


def note_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    now = rt.clock()
    try:
        filed = notes.file_note(
            db=rt.db,
            team_id=command["team_id"],
            user_id=command["user_id"],
            text=command.get("text", ""),
            now=now,
            defaults=rt.defaults,
            slack_channel_id=command.get("channel_id"),
            user_tz=actor_zone(command, context),
        )
    except notes.NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        _answer(ack, note_views.note_usage(rejected.lang, problem))
        return
    context[FILED], context[SAID_AT] = filed, now
    _answer(ack, note_views.note_filed(filed))


def settle_note_zone(
    command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """After the answer: once Slack tells the writer's time zone, a note read in another zone
    (the workspace's, the first time we meet them) is read again there and its answer redrawn."""
    zone = learned_zone(command, client, context)
    filed = context.get(FILED)
    if zone is None or not isinstance(filed, notes.FiledNote) or zone == filed.tz:
        return
    corrected = notes.read_again_in_zone(
        db=runtime(context).db,
        team_id=command["team_id"],
        filed=filed,
        text=command.get("text", ""),
        said_at=context[SAID_AT],
        zone=zone,
    )
    if corrected is not None:
        redraw(SendNow(respond, client), note_views.note_filed(corrected))


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


def followup_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
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
            user_tz=actor_zone(command, context),
        )
    except notes.NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        _answer(ack, followup_views.follow_up_usage(rejected.lang, problem))
        return
    except UserError as refused:
        _answer(ack, errors.user_error(refused, reply_lang(text, rt.settings.locale)))
        return
    context[FILED], context[SAID_AT] = created, now
    _answer(ack, followup_views.follow_up_set(created, now))


def settle_follow_up_zone(
    command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """As settle_note_zone, for a follow-up set with /followup."""
    zone = learned_zone(command, client, context)
    created = context.get(FILED)
    if zone is None or not isinstance(created, followups.CreatedFollowUp) or zone == created.tz:
        return
    corrected = followups.read_again_in_zone(
        db=runtime(context).db,
        team_id=command["team_id"],
        created=created,
        text=command.get("text", "").strip(),
        said_at=context[SAID_AT],
        zone=zone,
    )
    if corrected is not None:
        redraw(SendNow(respond, client), followup_views.follow_up_set(corrected, context[SAID_AT]))


def register_fallback(app: App) -> None:
    """Last of all listeners: a command no listener took gets an answer, not a Slack error."""
    app.command(re.compile(r"^/.+"))(ack=not_yet_command, lazy=[send_later])


def not_yet_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    """Commands the manifest declares but this version does not answer yet: say so, never a Slack error."""
    lang = reply_lang(command.get("text", ""), runtime(context).settings.locale)
    _answer(ack, note_views.not_available(command.get("command", ""), lang))
