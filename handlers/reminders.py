"""Done, Snooze and Reassign on a posted reminder; the message is updated in place."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.core.i18n import t
from bot.followups import reminder_actions
from bot.render import errors
from bot.render import reminders as views
from bot.render.kit import Message, section
from handlers.context import runtime, team_of
from handlers.people import learn_actor
from handlers.replies import redraw, send_later, tell


def register(app: App) -> None:
    app.action(views.DONE_ACTION)(ack=done_clicked, lazy=[send_later])
    app.action(views.SNOOZE_ACTION)(ack=snooze_chosen, lazy=[send_later, learn_actor])
    app.action(views.REASSIGN_ACTION)(ack=reassign_chosen, lazy=[send_later])


def _stale(context: BoltContext, lang: str) -> None:
    text = t("reminder_stale", lang)
    tell(context, Message(text=text, blocks=[section(text)], lang=lang))


def done_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    follow_up_id, due = views.parse_token(action["value"])
    try:
        outcome = reminder_actions.mark_done(
            db=rt.db,
            team_id=team_of(body),
            follow_up_id=follow_up_id,
            due=due,
            now=rt.clock(),
            user_id=str(body["user"]["id"]),
        )
    except UserError as refused:
        message = errors.user_error(refused, rt.settings.locale)
        tell(context, message)
        return
    if not outcome.changed:
        _stale(context, outcome.ctx.lang)
        return
    redraw(context, views.closed(outcome.ctx, by=body["user"]["id"], now=rt.clock()))


def snooze_chosen(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    value = str(action["selected_option"]["value"])
    choice = value.split("|", 1)[0]
    follow_up_id, due = views.parse_token(value)
    try:
        outcome = reminder_actions.snooze(
            db=rt.db,
            team_id=team_of(body),
            follow_up_id=follow_up_id,
            due=due,
            choice=choice,
            now=rt.clock(),
            user_id=str(body["user"]["id"]),
        )
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    if not outcome.changed or outcome.until is None or outcome.zone is None:
        _stale(context, outcome.ctx.lang)
        return
    redraw(context, views.snoozed(outcome.ctx, by=body["user"]["id"], until=outcome.until, zone=outcome.zone))


def reassign_chosen(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    follow_up_id, due = views.parse_token(str(action["block_id"]))
    try:
        outcome = reminder_actions.reassign(
            db=rt.db,
            team_id=team_of(body),
            follow_up_id=follow_up_id,
            due=due,
            assignee_id=action["selected_user"],
            user_id=str(body["user"]["id"]),
        )
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    if not outcome.changed:
        _stale(context, outcome.ctx.lang)
        return
    redraw(context, views.reminder(outcome.ctx, rt.clock()))
