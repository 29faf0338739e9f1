"""Customers: /customer and @rapport show the card; "did you mean" and Create; the card's All notes,
Share to channel and Edit profile (the form and its submission)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.core.errors import UserError
from bot.core.i18n import reply_lang
from bot.customers import profile, records
from bot.render import answers, cards, errors, profile_modal
from handlers.context import channel_of, runtime, team_of
from handlers.replies import (
    SendNow,
    answer,
    open_view,
    post,
    post_ephemeral,
    redraw,
    send_later,
    share,
    tell,
    turn_page,
)


def register(app: App) -> None:
    app.command("/customer")(ack=customer_command, lazy=[send_later])
    # A retried mention already answered is dropped before this (bot.app.middleware).
    app.event("app_mention")(ack=acknowledge, lazy=[send_later, answer_mention])
    app.action(errors.OPEN_CARD_ACTION)(ack=open_card_clicked, lazy=[send_later])
    app.action(errors.CREATE_ACTION)(ack=create_clicked, lazy=[send_later])
    app.action(cards.ALL_NOTES_ACTION)(ack=all_notes_clicked, lazy=[send_later])
    app.action(cards.SHARE_ACTION)(ack=share_clicked, lazy=[send_later])
    app.action(cards.EDIT_PROFILE_ACTION)(ack=edit_profile_clicked, lazy=[send_later])
    app.view(profile_modal.PROFILE_CALLBACK)(ack=profile_submitted, lazy=[send_later])


def acknowledge(ack: Ack) -> None:
    ack()


def customer_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    rt = runtime(context)
    text = command.get("text", "")
    lang = reply_lang(text, rt.settings.locale)
    now = rt.clock()
    try:
        card = records.customer_card(
            db=rt.db, team_id=command["team_id"], query=text, now=now, defaults=rt.defaults
        )
    except UserError as refused:
        answer(ack, errors.user_error(refused, lang))
        return
    answer(ack, cards.customer_card(card, lang=lang, tz=card.tz, now=now))


def answer_mention(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """@rapport <customer> replies in the thread with the card; @rapport alone in a thread shows the
    customer its parent message names."""
    rt = runtime(context)
    team_id = str(body["team_id"])
    channel, thread_ts = str(event["channel"]), str(event.get("thread_ts") or event["ts"])
    bot = context.bot_user_id or ""
    query = str(event.get("text", "")).replace(f"<@{bot}>", " ").strip()
    lang = reply_lang(query, rt.settings.locale)
    if not query and event.get("thread_ts"):
        parent = client.conversations_replies(channel=channel, ts=thread_ts, limit=1).get("messages") or [{}]
        query = (
            records.customer_named_in(db=rt.db, team_id=team_id, text=str(parent[0].get("text", ""))) or ""
        )
    now = rt.clock()
    try:
        card = records.customer_card(db=rt.db, team_id=team_id, query=query, now=now, defaults=rt.defaults)
    except UserError as refused:
        message = errors.user_error(refused, lang)
    else:
        message = cards.customer_card(card, lang=lang, tz=card.tz, now=now)
    post(SendNow(None, client), message, channel=channel, thread_ts=thread_ts)


def open_card_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    name = str(action["value"])
    lang = reply_lang(name, rt.settings.locale)
    now = rt.clock()
    try:
        card = records.customer_card(
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
        card = records.create_customer(
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


def all_notes_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    rt = runtime(context)
    customer_id, page = (int(part) for part in str(action["value"]).split(":", 1))
    try:
        listing = records.notes_of(db=rt.db, team_id=team_of(body), customer_id=customer_id, page=page)
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
        card = records.card_of(
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
    view = profile_modal.profile_modal(current, lang=lang, channel_id=channel_of(body))
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
        ack(response_action="errors", errors=answers.field_errors(invalid.fields, lang))
        return
    except UserError as refused:  # the customer is gone since the form opened: said on its first field
        ack(response_action="errors", errors={"name": errors.reason(refused, lang)})
        return
    ack()
    if meta.get("channel"):
        told = answers.profile_saved(saved.name, lang)
        post_ephemeral(context, told, channel=meta["channel"], user=body["user"]["id"])
