"""The customer card's buttons: Add note, Add follow-up, All notes, Share to channel."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.core.i18n import reply_lang, t
from bot.customers import profile
from bot.customers import records as customers
from bot.followups import agenda as followups
from bot.notes import filing as notes
from bot.render import card_modals, cards, errors, profile_modal
from bot.render import followups as followup_views
from bot.render import notes as note_views
from bot.render.kit import Message
from handlers.context import runtime, team_of
from handlers.people import actor_zone, learn_actor
from handlers.replies import open_view, post_ephemeral, send_later, share, tell, turn_page


def register(app: App) -> None:
    app.action(cards.ADD_NOTE_ACTION)(ack=add_note_clicked, lazy=[send_later])
    app.action(cards.ADD_FOLLOW_UP_ACTION)(ack=add_follow_up_clicked, lazy=[send_later])
    app.action(cards.ALL_NOTES_ACTION)(ack=all_notes_clicked, lazy=[send_later])
    app.action(cards.SHARE_ACTION)(ack=share_clicked, lazy=[send_later])
    app.action(cards.EDIT_PROFILE_ACTION)(ack=edit_profile_clicked, lazy=[send_later])
    app.view(profile_modal.PROFILE_CALLBACK)(ack=profile_submitted, lazy=[send_later])
    app.view(card_modals.ADD_NOTE_CALLBACK)(ack=add_note_submitted, lazy=[send_later, learn_actor])
    app.view(card_modals.ADD_FOLLOW_UP_CALLBACK)(ack=add_follow_up_submitted, lazy=[send_later, learn_actor])


def _channel(body: dict[str, Any]) -> str | None:
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    return str(channel) if channel else None


def _open_form(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, kind: str
) -> None:
    ack()
    rt = runtime(context)
    customer_id = int(action["value"])
    try:
        name = customers.customer_name(db=rt.db, team_id=team_of(body), customer_id=customer_id)
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(name, rt.settings.locale)
    build = card_modals.add_note if kind == "note" else card_modals.add_follow_up
    view = build(customer_id=customer_id, customer=name, channel_id=_channel(body), lang=lang)
    open_view(context, view, trigger_id=body["trigger_id"], lang=lang)


def add_note_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    _open_form(ack, body, action, context, "note")


def add_follow_up_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    _open_form(ack, body, action, context, "follow_up")


def add_note_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text, meta = card_modals.read(view)
    team_id, user_id = team_of(body), str(body["user"]["id"])
    try:
        filed = notes.file_note(
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
            if isinstance(refused, notes.NoteRejected)
            else str(meta.get("lang") or rt.settings.locale)
        )
        ack(response_action="errors", errors={card_modals.TEXT_BLOCK: errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        post_ephemeral(context, note_views.note_filed(filed), channel=meta["channel"], user=user_id)


def add_follow_up_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    rt = runtime(context)
    text, meta = card_modals.read(view)
    team_id, user_id = team_of(body), str(body["user"]["id"])
    now = rt.clock()
    try:
        created = followups.set_follow_up(
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
            refused.lang
            if isinstance(refused, notes.NoteRejected)
            else str(meta.get("lang") or rt.settings.locale)
        )
        ack(response_action="errors", errors={card_modals.TEXT_BLOCK: errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        message = followup_views.follow_up_set(created, now)
        post_ephemeral(context, message, channel=meta["channel"], user=user_id)


def all_notes_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    customer_id, page = (int(part) for part in str(action["value"]).split(":", 1))
    try:
        listing = customers.notes_of(db=rt.db, team_id=team_of(body), customer_id=customer_id, page=page)
    except UserError as refused:
        message = errors.user_error(refused, rt.settings.locale)
        tell(context, message)
        return
    message = cards.notes_page(
        listing, lang=reply_lang(listing.customer_name, rt.settings.locale), now=rt.clock()
    )
    paging = str(action.get("block_id", "")).startswith("notes:")  # a click on a page turns that page
    turn_page(context, message, in_place=paging)


def share_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    now = rt.clock()
    try:
        card = customers.card_of(
            db=rt.db, team_id=team_of(body), customer_id=int(action["value"]), now=now, defaults=rt.defaults
        )
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(card.name, rt.settings.locale)
    share(context, cards.customer_card(card, lang=lang, tz=card.tz, now=now, shareable=False))


def edit_profile_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    ack()
    rt = runtime(context)
    try:
        current = profile.profile_of(db=rt.db, team_id=team_of(body), customer_id=int(action["value"]))
    except UserError as refused:
        tell(context, errors.user_error(refused, rt.settings.locale))
        return
    lang = reply_lang(current.name, rt.settings.locale)
    view = profile_modal.profile_modal(current, lang=lang, channel_id=_channel(body))
    open_view(context, view, trigger_id=body["trigger_id"], lang=lang)


def profile_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    form, meta = profile_modal.read_profile(view)
    lang = str(meta.get("lang") or rt.settings.locale)
    try:
        saved = profile.save_profile(
            db=rt.db,
            team_id=team_of(body),
            customer_id=int(meta["customer_id"]),
            profile=profile.read_profile_form(form),
            now=rt.clock(),
        )
    except profile.InvalidProfile as invalid:
        ack(
            response_action="errors",
            errors={f: t(key, lang, **params) for f, (key, params) in invalid.fields.items()},
        )
        return
    except UserError as refused:  # the customer is gone since the form opened: said on its first field
        ack(response_action="errors", errors={"name": errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        told = Message(text=t("profile_saved", lang, customer=saved.name), lang=lang)
        post_ephemeral(context, told, channel=meta["channel"], user=body["user"]["id"])
