"""The customer card, and the pages of a customer's notes."""

from __future__ import annotations

from datetime import datetime

from bot.complaints import Resolution
from bot.customers import CustomerCard, NotesPage
from bot.i18n import t
from bot.render import timefmt
from bot.render.kit import Block, Message, actions, button, context, divider, header, section
from bot.render.kit import escape as esc
from bot.render.notes import amount_text

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
        facts.append(f"{t('card_region', lang)}: {esc(card.region)}")
    if card.industry:
        facts.append(f"{t('card_industry', lang)}: {esc(card.industry)}")
    return " · ".join(facts)


def _fields(card: CustomerCard, lang: str, tz: str, now: datetime) -> list[str]:
    fields = [
        f"*{t('field_tags', lang)}*\n" + (" ".join(f"`#{tag}`" for tag in card.tags) or t("none", lang)),
        f"*{t('field_notes', lang)}*\n{card.note_count}",
    ]
    if card.last_contact is not None:
        fields.append(f"*{t('field_last_contact', lang)}*\n{timefmt.relative(card.last_contact, now, lang)}")
    if card.purchases_12m:
        totals = " + ".join(amount_text(total, currency) for currency, total in card.purchases_12m)
        fields.append(f"*{t('card_purchases_12m', lang)}*\n{totals}")
    if card.contacts:
        fields.append(f"*{t('card_contacts', lang)}*\n" + "\n".join(esc(c) for c in card.contacts[:6]))
    if card.open_follow_ups:
        fields.append(
            f"*{t('field_follow_up', lang)}*\n"
            + "\n".join(
                f"{timefmt.local(f.due_at, tz, lang)} · <@{f.assignee_id}> {esc(f.text)[:80]}"
                for f in card.open_follow_ups
            )
        )
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
                f"{esc(note.body)[:600]}\n<@{note.author_id}> · {when}{link}",
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
        )
    ago = timefmt.relative(resolution.resolved_at, now, lang)
    text = t("complaint_already_resolved", lang, user=resolution.resolved_by, ago=ago)
    return Message(text=text, blocks=[section(text)])


def customer_card(
    card: CustomerCard, *, lang: str, tz: str, now: datetime, shareable: bool = True
) -> Message:
    blocks: list[Block] = [header(card.name), context(_facts(card, lang))]
    if card.aliases:
        blocks.append(context(f"{t('card_aliases', lang)}: " + ", ".join(esc(a) for a in card.aliases)))
    blocks.append(section(f"*{esc(card.name)}*", fields=_fields(card, lang, tz, now)))
    blocks += _complaints(card, lang, now)
    blocks.append(divider())
    blocks.append(section(f"*{t('card_recent', lang)}*"))
    if not card.recent:
        blocks.append(context(t("card_no_notes", lang)))
    for note in card.recent:
        when = timefmt.relative(note.occurred_at or note.created_at, now, lang)
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        blocks.append(section(esc(note.body)[:2800]))
        blocks.append(context(f"<@{note.author_id}> · {when}{link}"))
    cid = str(card.customer_id)
    buttons = [
        button(t("card_add_note", lang), ADD_NOTE_ACTION, cid),
        button(t("card_add_follow_up", lang), ADD_FOLLOW_UP_ACTION, cid),
        button(t("card_edit_profile", lang), EDIT_PROFILE_ACTION, cid),
        button(t("card_all_notes", lang), ALL_NOTES_ACTION, f"{cid}:1"),
    ]
    if shareable:
        buttons.append(button(t("card_share", lang), SHARE_ACTION, cid))
    blocks.append(actions(*buttons, block_id=f"card:{cid}"))
    text = f"{card.name}: {card.note_count} notes"
    return Message(text=text, blocks=blocks)


def notes_page(page: NotesPage, *, lang: str, now: datetime) -> Message:
    title = t("card_notes_page", lang, customer=esc(page.customer_name), page=page.page)
    blocks: list[Block] = [section(f"*{title}*")]
    if not page.notes:
        blocks.append(context(t("card_no_notes", lang)))
    for note in page.notes:
        when = timefmt.relative(note.occurred_at or note.created_at, now, lang)
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        blocks.append(section(esc(note.body)[:2800]))
        blocks.append(context(f"<@{note.author_id}> · {when}{link}"))
    moves = []
    if page.page > 1:
        moves.append(
            button(t("page_previous", lang), ALL_NOTES_ACTION, f"{page.customer_id}:{page.page - 1}")
        )
    if page.has_more:
        moves.append(button(t("page_next", lang), ALL_NOTES_ACTION, f"{page.customer_id}:{page.page + 1}"))
    if moves:
        blocks.append(actions(*moves, block_id=f"notes:{page.customer_id}:{page.page}"))
    return Message(text=title, blocks=blocks)
