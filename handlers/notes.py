"""Notes: /note, its reply's Undo and Edit (the form and its submission), and a card's Add note."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import records
from bot.notes import editing, filing, reply_targets
from bot.render import answers, card_modals, cards, edit_modal, errors, notes
from handlers.context import channel_of, runtime, team_of
from handlers.people import actor_zone, learn_actor, learned_zone
from handlers.replies import SendNow, answer, open_view, post_ephemeral, redraw, redraw_at, send_later, tell


def register(app: App) -> None:
    app.command("/note")(ack=note_command, lazy=[send_later, settle_note_zone])
    app.action(notes.UNDO_ACTION)(ack=undo_clicked, lazy=[send_later])
    app.action(notes.EDIT_ACTION)(ack=edit_clicked, lazy=[send_later])
    app.view(edit_modal.EDIT_CALLBACK)(ack=edit_submitted, lazy=[send_later])
    app.action(cards.ADD_NOTE_ACTION)(ack=add_note_clicked, lazy=[send_later])
    app.view(card_modals.ADD_NOTE_CALLBACK)(ack=add_note_submitted, lazy=[send_later, learn_actor])


# What the acknowledgement filed, handed to the lazy listener that runs after it.
FILED, SAID_AT = "rapport_filed", "rapport_said_at"


def note_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    now = rt.clock()
    try:
        filed = filing.file_note(
            db=rt.db,
            team_id=command["team_id"],
            user_id=command["user_id"],
            text=command.get("text", ""),
            now=now,
            defaults=rt.defaults,
            slack_channel_id=command.get("channel_id"),
            user_tz=actor_zone(command, context),
        )
    except filing.NoteRejected as rejected:
        problem = errors.user_error(rejected, rejected.lang).text
        answer(ack, notes.note_usage(rejected.lang, problem))
        return
    context[FILED], context[SAID_AT] = filed, now
    answer(ack, notes.note_filed(filed))


def settle_note_zone(
    command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """After the answer: once Slack tells the writer's time zone, a note read in another zone
    (the workspace's, the first time we meet them) is read again there and its answer redrawn."""
    zone = learned_zone(command, client, context)
    filed = context.get(FILED)
    if zone is None or not isinstance(filed, filing.FiledNote) or zone == filed.tz:
        return
    corrected = filing.read_again_in_zone(
        db=runtime(context).db,
        team_id=command["team_id"],
        filed=filed,
        text=command.get("text", ""),
        said_at=context[SAID_AT],
        zone=zone,
    )
    if corrected is not None:
        redraw(SendNow(respond, client), notes.note_filed(corrected))


def undo_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        undone = filing.undo_note(
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
    message = notes.note_undone(undone, undone.lang)
    redraw(context, message)


def edit_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    try:
        editable = editing.note_for_edit(
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


def edit_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    form, meta = edit_modal.read_state(view)
    lang = str(meta.get("lang") or rt.settings.locale)
    team_id = team_of(body)
    try:
        changes = editing.read_form(
            form,
            tz=str(meta.get("tz") or rt.settings.default_tz),
            default_currency=rt.settings.default_currency,
            initial=edit_modal.initial_answers(view),
            now=rt.clock(),
        )
        filed = editing.edit_note(
            db=rt.db,
            team_id=team_id,
            note_id=int(meta["note_id"]),
            user_id=body["user"]["id"],
            changes=changes,
            now=rt.clock(),
            defaults=rt.defaults,
            lang=lang,
        )
    except editing.InvalidFields as invalid:
        ack(response_action="errors", errors=answers.field_errors(invalid.fields, lang))
        return
    except UserError as refused:
        ack(response_action="errors", errors={"body": errors.user_error(refused, lang).text})
        return
    ack()
    response_url = reply_targets.destination(
        db=rt.db, team_id=team_id, user_id=body["user"]["id"], key=meta.get("reply"), now=rt.clock()
    )
    if response_url:
        redraw_at(context, str(response_url), notes.note_filed(filed, edited=True))


def add_note_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    """A card's Add note: a form for a note on that customer."""
    ack()
    rt = runtime(context)
    customer_id = int(action["value"])
    try:
        name = records.customer_name(db=rt.db, team_id=team_of(body), customer_id=customer_id)
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(name, rt.settings.locale)
    view = card_modals.add_note(
        customer_id=customer_id, customer=name, channel_id=channel_of(body), lang=lang
    )
    open_view(context, view, trigger_id=body["trigger_id"], lang=lang)


def add_note_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text, meta = card_modals.read(view)
    team_id, user_id = team_of(body), str(body["user"]["id"])
    try:
        filed = filing.file_note(
            db=rt.db,
            team_id=team_id,
            user_id=user_id,
            text=text,
            now=rt.clock(),
            defaults=rt.defaults,
            slack_channel_id=meta.get("channel"),
            user_tz=actor_zone(body, context),
            customer_id=int(meta["customer_id"]),
            source="card",
        )
    except UserError as refused:  # the text, or a customer gone since the form opened
        lang = (
            refused.lang
            if isinstance(refused, filing.NoteRejected)
            else str(meta.get("lang") or rt.settings.locale)
        )
        ack(response_action="errors", errors={card_modals.TEXT_BLOCK: errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        post_ephemeral(context, notes.note_filed(filed), channel=meta["channel"], user=user_id)
