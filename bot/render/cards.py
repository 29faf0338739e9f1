"""The customer card."""

from __future__ import annotations

from datetime import datetime

from bot.customers import CustomerCard
from bot.i18n import t
from bot.render import timefmt
from bot.render.kit import Block, Message, context, divider, header, section
from bot.render.kit import escape as esc


def customer_card(card: CustomerCard, *, lang: str, tz: str, now: datetime) -> Message:
    facts = [f"{t('card_kind_' + card.kind, lang)}"]
    if card.owner_id:
        facts.append(f"{t('card_owner', lang)}: <@{card.owner_id}>")
    if card.region:
        facts.append(f"{t('card_region', lang)}: {esc(card.region)}")
    if card.industry:
        facts.append(f"{t('card_industry', lang)}: {esc(card.industry)}")
    fields = [
        f"*{t('field_tags', lang)}*\n" + (" ".join(f"`#{tag}`" for tag in card.tags) or t("none", lang)),
        f"*{t('field_notes', lang)}*\n{card.note_count}",
    ]
    if card.last_contact is not None:
        fields.append(f"*{t('field_last_contact', lang)}*\n{timefmt.relative(card.last_contact, now, lang)}")
    if card.open_follow_ups:
        fields.append(
            f"*{t('field_follow_up', lang)}*\n"
            + "\n".join(
                f"{timefmt.local(f.due_at, tz, lang)} · <@{f.assignee_id}> {esc(f.text)[:80]}"
                for f in card.open_follow_ups
            )
        )
    blocks: list[Block] = [header(card.name), context(" · ".join(facts))]
    if card.aliases:
        blocks.append(context(f"{t('card_aliases', lang)}: " + ", ".join(esc(a) for a in card.aliases)))
    blocks.append(section(f"*{esc(card.name)}*", fields=fields))
    blocks.append(divider())
    blocks.append(section(f"*{t('card_recent', lang)}*"))
    if not card.recent:
        blocks.append(context(t("card_no_notes", lang)))
    for note in card.recent:
        when = timefmt.relative(note.occurred_at or note.created_at, now, lang)
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        blocks.append(section(esc(note.body)[:2800]))
        blocks.append(context(f"<@{note.author_id}> · {when}{link}"))
    text = f"{card.name}: {card.note_count} notes"
    return Message(text=text, blocks=blocks)
