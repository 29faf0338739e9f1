"""Follow-ups: /followup, Done on a listed follow-up, a card's Add follow-up, and the buttons of a
posted reminder (Done, Snooze, Reassign), which update the reminder in place."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import records
from bot.followups import agenda, reminder_actions
from bot.notes.filing import NoteRejected
from bot.render import answers, card_modals, cards, errors, followups, reminders
from handlers.context import channel_of, runtime, team_of
from handlers.people import actor_zone, learn_actor, learned_zone
from handlers.replies import SendNow, answer, open_view, post_ephemeral, redraw, send_later, tell


def register(app: App) -> None:
    app.command("/followup")(ack=followup_command, lazy=[send_later, settle_follow_up_zone])
    app.action(followups.DONE_ACTION)(ack=follow_up_done_clicked, lazy=[send_later])
    app.action(cards.ADD_FOLLOW_UP_ACTION)(ack=add_follow_up_clicked, lazy=[send_later])
    app.view(card_modals.ADD_FOLLOW_UP_CALLBACK)(ack=add_follow_up_submitted, lazy=[send_later, learn_actor])
    app.action(reminders.DONE_ACTION)(ack=reminder_done_clicked, lazy=[send_later])
    app.action(reminders.SNOOZE_ACTION)(ack=snooze_chosen, lazy=[send_later, learn_actor])
    app.action(reminders.REASSIGN_ACTION)(ack=reassign_chosen, lazy=[send_later])


# What the acknowledgement set, handed to the lazy listener that runs after it.
CREATED, SAID_AT = "rapport_filed", "rapport_said_at"


def followup_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text = command.get("text", "").strip()
    now = rt.clock()
    word, _, rest = text.partition(" ")
    try:
        if word.lower() in ("list", "ls", "列表"):
            listing = agenda.list_follow_ups(
                db=rt.db,
                team_id=command["team_id"],
                user_id=command["user_id"],
                query=rest,
                now=now,
                defaults=rt.defaults,
            )
            answer(ack, followups.follow_up_list(listing, now))
            return
        if not text or word.lower() in ("help", "帮助"):
            answer(ack, followups.follow_up_usage(reply_lang(text, rt.settings.locale)))
            return
        created = agenda.set_follow_up(
            db=rt.db,
            team_id=command["team_id"],
            user_id=command["user_id"],
            text=text,
            now=now,
            defaults=rt.defaults,
            slack_channel_id=command.get("channel_id"),
            user_tz=actor_zone(command, context),
        )
    except NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        answer(ack, followups.follow_up_usage(rejected.lang, problem))
        return
    except UserError as refused:
        answer(ack, errors.user_error(refused, reply_lang(text, rt.settings.locale)))
        return
    context[CREATED], context[SAID_AT] = created, now
    answer(ack, followups.follow_up_set(created, now))


def settle_follow_up_zone(
    command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """After the answer: once Slack tells the writer's time zone, a follow-up whose time was read
    in another zone (the workspace's, the first time we meet them) is moved and its answer redrawn."""
    zone = learned_zone(command, client, context)
    created = context.get(CREATED)
    if zone is None or not isinstance(created, agenda.CreatedFollowUp) or zone == created.tz:
        return
    corrected = agenda.read_again_in_zone(
        db=runtime(context).db,
        team_id=command["team_id"],
        created=created,
        text=command.get("text", "").strip(),
        said_at=context[SAID_AT],
        zone=zone,
    )
    if corrected is not None:
        redraw(SendNow(respond, client), followups.follow_up_set(corrected, context[SAID_AT]))


def follow_up_done_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    """Done on a follow-up in a list (/followup list, App Home)."""
    ack()
    rt = runtime(context)
    try:
        closed = agenda.complete_follow_up(
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
        message = followups.follow_up_done(closed)
    tell(context, message)


def add_follow_up_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    """A card's Add follow-up: a form for a follow-up on that customer."""
    ack()
    rt = runtime(context)
    customer_id = int(action["value"])
    try:
        name = records.customer_name(db=rt.db, team_id=team_of(body), customer_id=customer_id)
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(name, rt.settings.locale)
    view = card_modals.add_follow_up(
        customer_id=customer_id, customer=name, channel_id=channel_of(body), lang=lang
    )
    open_view(context, view, trigger_id=body["trigger_id"], lang=lang)


def add_follow_up_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    rt = runtime(context)
    text, meta = card_modals.read(view)
    team_id, user_id = team_of(body), str(body["user"]["id"])
    now = rt.clock()
    try:
        created = agenda.set_follow_up(
            db=rt.db,
            team_id=team_id,
            user_id=user_id,
            text=text,
            now=now,
            defaults=rt.defaults,
            slack_channel_id=meta.get("channel"),
            user_tz=actor_zone(body, context),
            customer_id=int(meta["customer_id"]),
        )
    except UserError as refused:  # the text, or a customer gone since the form opened
        lang = (
            refused.lang if isinstance(refused, NoteRejected) else str(meta.get("lang") or rt.settings.locale)
        )
        ack(response_action="errors", errors={card_modals.TEXT_BLOCK: errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        message = followups.follow_up_set(created, now)
        post_ephemeral(context, message, channel=meta["channel"], user=user_id)


def reminder_done_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    """Done on a posted reminder: the reminder says who closed it."""
    ack()
    rt = runtime(context)
    follow_up_id, due = reminders.parse_token(action["value"])
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
        tell(context, answers.reminder_stale(outcome.ctx.lang))
        return
    redraw(context, reminders.closed(outcome.ctx, by=body["user"]["id"], now=rt.clock()))


def snooze_chosen(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    value = str(action["selected_option"]["value"])
    choice = value.split("|", 1)[0]
    follow_up_id, due = reminders.parse_token(value)
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
        tell(context, answers.reminder_stale(outcome.ctx.lang))
        return
    redraw(
        context, reminders.snoozed(outcome.ctx, by=body["user"]["id"], until=outcome.until, zone=outcome.zone)
    )


def reassign_chosen(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    follow_up_id, due = reminders.parse_token(str(action["block_id"]))
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
        tell(context, answers.reminder_stale(outcome.ctx.lang))
        return
    redraw(context, reminders.reminder(outcome.ctx, rt.clock()))
