"""Resolve and Reopen on the customer card's open complaints."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import records
from bot.notes import complaints
from bot.render import answers, cards, errors
from handlers.context import runtime, team_of
from handlers.replies import redraw, send_later, tell


def register(app: App) -> None:
    app.action(cards.RESOLVE_ACTION)(ack=resolve_clicked, lazy=[send_later])
    app.action(cards.REOPEN_ACTION)(ack=reopen_clicked, lazy=[send_later])


def resolve_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    team_id, now = team_of(body), rt.clock()
    try:
        done = complaints.resolve(
            db=rt.db, team_id=team_id, note_id=int(action["value"]), user_id=str(body["user"]["id"]), now=now
        )
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(done.customer, rt.settings.locale)
    card = records.card_of(
        db=rt.db, team_id=team_id, customer_id=done.customer_id, now=now, defaults=rt.defaults
    )
    # The card clicked on loses the complaint; a card still private to its reader can still be shared.
    shareable = bool((body.get("container") or {}).get("is_ephemeral"))
    redraw(context, cards.customer_card(card, lang=lang, tz=card.tz, now=now, shareable=shareable))
    tell(context, cards.complaint_resolved(done, lang=lang, now=now))


def reopen_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        complaints.reopen(db=rt.db, team_id=team_of(body), note_id=int(action["value"]))
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    redraw(context, answers.complaint_reopened(rt.settings.locale))
