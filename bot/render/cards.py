"""The customer card, and the pages of a customer's notes."""

from __future__ import annotations

from datetime import datetime

from bot.core.i18n import t
from bot.customers.records import CustomerCard, NoteLine, NotesPage
from bot.notes.complaints import Resolution
from bot.render import timefmt
from bot.render.kit import (
    Block,
    Message,
    actions,
    button,
    clip,
    context,
    divider,
    header,
    join_within,
    labelled_list,
    more_items,
    section,
    with_more,
)
from bot.render.kit import escape as esc
from bot.render.limits import LIMITS
from bot.render.notes import amount_text, tag_list

# How much of one item a card shows; the rest is a click away (All notes, the profile).
FACT_CHARS = 200
LINE_CHARS = 300
COMPLAINT_CHARS = 600

ADD_NOTE_ACTION = "card_add_note"
ADD_FOLLOW_UP_ACTION = "card_add_follow_up"
ALL_NOTES_ACTION = "card_all_notes"
SHARE_ACTION = "card_share"
EDIT_PROFILE_ACTION = "card_edit_profile"
RESOLVE_ACTION = "complaint_resolve"
REOPEN_ACTION = "complaint_reopen"


def _facts(card: CustomerCard, lang: str) -> str:
    facts = [
        t("card_kind_" + card.kind, lang),
        f"{t('card_stage', lang)}: *{t('stage_' + card.stage, lang)}*",
    ]
    if card.tier is not None:
        facts.append(f"{t('card_tier', lang)}: {t('tier_' + card.tier, lang)}")
    if card.owner_id:
        facts.append(f"{t('card_owner', lang)}: <@{card.owner_id}>")
    if card.region:
        facts.append(f"{t('card_region', lang)}: {clip(esc(card.region), FACT_CHARS)}")
    if card.industry:
        facts.append(f"{t('card_industry', lang)}: {clip(esc(card.industry), FACT_CHARS)}")
    return " · ".join(facts)


def _fields(card: CustomerCard, lang: str, tz: str, now: datetime) -> list[str]:
    fields = [
        tag_list(card.tags, lang),
        f"*{t('field_notes', lang)}*\n{card.note_count}",
    ]
    if card.last_contact is not None:
        fields.append(f"*{t('field_last_contact', lang)}*\n{timefmt.relative(card.last_contact, now, lang)}")
    if card.purchases_12m:
        totals = [amount_text(total, currency) for currency, total in card.purchases_12m]
        fields.append(labelled_list(t("card_purchases_12m", lang), totals, lang=lang, sep=" + "))
    if card.contacts:
        contacts = [clip(esc(c), LINE_CHARS) for c in card.contacts]
        fields.append(labelled_list(t("card_contacts", lang), contacts, lang=lang, sep="\n"))
    if card.open_follow_ups:
        lines = [
            f"{timefmt.local(f.due_at, tz, lang)} · <@{f.assignee_id}> {clip(esc(f.text), 80)}"
            for f in card.open_follow_ups
        ]
        fields.append(labelled_list(t("field_follow_up", lang), lines, lang=lang, sep="\n"))
    return fields


def _complaints(card: CustomerCard, lang: str, now: datetime) -> list[Block]:
    """Each open complaint with a Resolve button; the newest few, and how many more there are."""
    if not card.open_complaint_count:
        return []
    blocks: list[Block] = [
        divider(),
        section(f"*{t('card_open_complaints', lang, count=card.open_complaint_count)}*"),
    ]
    for note in card.open_complaints:
        when = timefmt.relative(note.occurred_at or note.created_at, now, lang)
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        blocks.append(
            section(
                f"{clip(esc(note.body), COMPLAINT_CHARS)}\n<@{note.author_id}> · {when}{link}",
                accessory=button(t("complaint_resolve", lang), RESOLVE_ACTION, str(note.note_id)),
            )
        )
    more = card.open_complaint_count - len(card.open_complaints)
    if more > 0:
        blocks.append(context(t("card_more_complaints", lang, count=more)))
    return blocks


def complaint_resolved(resolution: Resolution, *, lang: str, now: datetime) -> Message:
    """What the person who clicked Resolve is told, with a way back."""
    if resolution.just_now:
        text = t("complaint_resolved", lang, customer=esc(resolution.customer), user=resolution.resolved_by)
        return Message(
            text=text,
            blocks=[
                section(
                    text,
                    accessory=button(t("complaint_reopen", lang), REOPEN_ACTION, str(resolution.note_id)),
                )
            ],
            lang=lang,
        )
    ago = timefmt.relative(resolution.resolved_at, now, lang)
    text = t("complaint_already_resolved", lang, user=resolution.resolved_by, ago=ago)
    return Message(text=text, blocks=[section(text)], lang=lang)


def _note(note: NoteLine, now: datetime, lang: str) -> list[Block]:
    """A note as a card or a page of notes shows it: its text (as much as a section holds), then
    who wrote it, when, and a link to where it was written."""
    when = timefmt.relative(note.occurred_at or note.created_at, now, lang)
    link = f" · <{note.permalink}|Slack>" if note.permalink else ""
    return [section(esc(note.body)), context(f"<@{note.author_id}> · {when}{link}")]


def customer_card(
    card: CustomerCard, *, lang: str, tz: str, now: datetime, shareable: bool = True
) -> Message:
    blocks: list[Block] = [header(card.name), context(_facts(card, lang))]
    if card.aliases:
        prefix = f"{t('card_aliases', lang)}: "
        aliases = join_within(
            [clip(esc(a), LINE_CHARS) for a in card.aliases],
            limit=LIMITS.text - len(prefix),
            more=more_items(lang),
            sep=", ",
        )
        blocks.append(context(prefix + aliases))
    blocks.append(section(f"*{clip(esc(card.name), LINE_CHARS)}*", fields=_fields(card, lang, tz, now)))
    blocks += _complaints(card, lang, now)
    blocks.append(divider())
    blocks.append(section(f"*{t('card_recent', lang)}*"))
    if not card.recent:
        blocks.append(context(t("card_no_notes", lang)))
    cid = str(card.customer_id)
    buttons = [
        button(t("card_add_note", lang), ADD_NOTE_ACTION, cid),
        button(t("card_add_follow_up", lang), ADD_FOLLOW_UP_ACTION, cid),
        button(t("card_edit_profile", lang), EDIT_PROFILE_ACTION, cid),
        button(t("card_all_notes", lang), ALL_NOTES_ACTION, f"{cid}:1"),
    ]
    if shareable:
        buttons.append(button(t("card_share", lang), SHARE_ACTION, cid))
    blocks = with_more(
        blocks,
        [_note(note, now, lang) for note in card.recent],
        limit=LIMITS.message_blocks,
        more=lambda count: context(t("card_more_notes", lang, count=count)),
        tail=[actions(*buttons, block_id=f"card:{cid}")],
    )
    text = t("card_text", lang, customer=card.name, count=card.note_count)
    return Message(text=text, blocks=blocks, lang=lang)


def notes_page(page: NotesPage, *, lang: str, now: datetime) -> Message:
    title = t("card_notes_page", lang, customer=clip(esc(page.customer_name), LINE_CHARS), page=page.page)
    head: list[Block] = [section(f"*{title}*")]
    if not page.notes:
        head.append(context(t("card_no_notes", lang)))
    moves = []
    if page.page > 1:
        moves.append(
            button(t("page_previous", lang), ALL_NOTES_ACTION, f"{page.customer_id}:{page.page - 1}")
        )
    if page.has_more:
        moves.append(button(t("page_next", lang), ALL_NOTES_ACTION, f"{page.customer_id}:{page.page + 1}"))
    tail = [actions(*moves, block_id=f"notes:{page.customer_id}:{page.page}")] if moves else []
    blocks = with_more(
        head,
        [_note(note, now, lang) for note in page.notes],
        limit=LIMITS.message_blocks,
        more=lambda count: context(t("blocks_more", lang, count=count, limit=LIMITS.message_blocks)),
        tail=tail,
    )
    return Message(text=title, blocks=blocks, lang=lang)
