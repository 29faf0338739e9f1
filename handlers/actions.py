"""Buttons."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import records as customers
from bot.followups import agenda as followups
from bot.notes import editing as note_edit
from bot.notes import filing as notes
from bot.notes import reply_targets
from bot.render import cards, edit_modal, errors
from bot.render import followups as followup_views
from bot.render import notes as note_views
from handlers.context import runtime, team_of
from handlers.replies import open_view, redraw, send_later, tell


def register(app: App) -> None:
    app.action(note_views.UNDO_ACTION)(ack=undo_clicked, lazy=[send_later])
    app.action(note_views.EDIT_ACTION)(ack=edit_clicked, lazy=[send_later])
    app.action(followup_views.DONE_ACTION)(ack=done_clicked, lazy=[send_later])
    app.action(errors.OPEN_CARD_ACTION)(ack=open_card_clicked, lazy=[send_later])
    app.action(errors.CREATE_ACTION)(ack=create_clicked, lazy=[send_later])


def undo_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        undone = notes.undo_note(
            db=rt.db,
            team_id=team_of(body),
            note_id=int(action["value"]),
            user_id=body["user"]["id"],
            now=rt.clock(),
        )
    except UserError as refused:
        message = errors.user_error(refused, rt.settings.locale)
        tell(context, message)
        return
    message = note_views.note_undone(undone, undone.lang)
    redraw(context, message)


def edit_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        editable = note_edit.note_for_edit(
            db=rt.db,
            team_id=team_of(body),
            note_id=int(action["value"]),
            user_id=body["user"]["id"],
            locale=rt.settings.locale,
        )
    except UserError as refused:
        message = errors.user_error(refused, rt.settings.locale)
        tell(context, message)
        return
    reply_key = reply_targets.remember(
        db=rt.db,
        team_id=team_of(body),
        user_id=body["user"]["id"],
        url=body.get("response_url"),
        now=rt.clock(),
    )
    view = edit_modal.edit_modal(editable, reply_key=reply_key)
    open_view(context, view, trigger_id=body["trigger_id"], lang=editable.lang)


def done_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        closed = followups.complete_follow_up(
            db=rt.db,
            team_id=team_of(body),
            follow_up_id=int(action["value"]),
            user_id=body["user"]["id"],
            now=rt.clock(),
            locale=rt.settings.locale,
        )
    except UserError as refused:
        message = errors.user_error(refused, rt.settings.locale)
    else:
        message = followup_views.follow_up_done(closed)
    tell(context, message)


def open_card_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    name = str(action["value"])
    lang = reply_lang(name, rt.settings.locale)
    now = rt.clock()
    try:
        card = customers.customer_card(
            db=rt.db, team_id=team_of(body), query=name, now=now, defaults=rt.defaults
        )
    except UserError as refused:
        message = errors.user_error(refused, lang)
    else:
        message = cards.customer_card(card, lang=lang, tz=card.tz, now=now)
    redraw(context, message)


def create_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    name = str(action["value"])
    lang = reply_lang(name, rt.settings.locale)
    now = rt.clock()
    try:
        card = customers.create_customer(
            db=rt.db,
            team_id=team_of(body),
            name=name,
            user_id=body["user"]["id"],
            now=now,
            defaults=rt.defaults,
        )
    except UserError as refused:
        tell(context, errors.user_error(refused, lang))
        return
    message = cards.customer_card(card, lang=lang, tz=card.tz, now=now)
    redraw(context, message)
