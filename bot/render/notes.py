"""How a filed note, an undo and a usage hint look."""

from __future__ import annotations

from decimal import Decimal

from bot.core.i18n import t
from bot.notes.filing import FiledNote, UndoneNote
from bot.render import timefmt
from bot.render.kit import Message, actions, button, clip, context, escape, labelled_list, section

UNDO_ACTION = "note_undo"
EDIT_ACTION = "note_edit"
TAG_CHARS = 80  # a tag longer than this is cut where tags are listed


def tag_list(tags: tuple[str, ...], lang: str) -> str:
    """A Tags field: as many `#tags` as fit in one section field, then "+N more"."""
    shown = [f"`#{clip(tag, TAG_CHARS, markup=False)}`" for tag in tags]
    return labelled_list(t("field_tags", lang), shown, lang=lang)


def amount_text(value: Decimal, currency: str) -> str:
    whole = value == value.to_integral_value()
    return f"{value:,.0f} {currency}" if whole else f"{value:,.2f} {currency}"


def note_filed(filed: FiledNote, *, edited: bool = False) -> Message:
    lang = filed.lang
    key = "note_saved_new_customer" if filed.customer_created else "note_saved"
    key = "note_edited" if edited else key
    headline = "✅ " + t(key, lang, customer=escape(filed.customer_name))
    fields = [f"*{t('field_text', lang)}*\n{escape(filed.body) or '—'}", tag_list(filed.tags, lang)]
    if filed.channel:
        fields.append(f"*{t('field_channel', lang)}*\n{t('channel_' + filed.channel, lang)}")
    if filed.category != "general":
        fields.append(f"*{t('field_category', lang)}*\n{t('category_' + filed.category, lang)}")
    if filed.amount is not None and filed.currency:
        fields.append(f"*{t('field_amount', lang)}*\n{amount_text(filed.amount, filed.currency)}")
    if filed.occurred_at is not None:
        fields.append(f"*{t('field_occurred', lang)}*\n{timefmt.local(filed.occurred_at, filed.tz, lang)}")
    if filed.follow_up_due is not None:
        fields.append(f"*{t('field_follow_up', lang)}*\n{timefmt.local(filed.follow_up_due, filed.tz, lang)}")
    if filed.mentions:
        mentions = [f"<@{m}>" for m in filed.mentions]
        fields.append(labelled_list(t("field_mentions", lang), mentions, lang=lang))
    text = f"{headline}: {filed.body}"
    return Message(
        text=text,
        blocks=[
            section(headline, fields=fields),
            actions(
                button(t("button_edit", lang), EDIT_ACTION, str(filed.note_id)),
                button(t("button_undo", lang), UNDO_ACTION, str(filed.note_id)),
                block_id="note_filed",
            ),
        ],
        lang=lang,
    )


def note_undone(undone: UndoneNote, lang: str) -> Message:
    key = "note_already_undone" if undone.already else "note_undone"
    text = "↩️ " + t(key, lang, customer=escape(undone.customer_name))
    return Message(text=text, blocks=[section(text)], lang=lang)


def not_available(command: str, lang: str) -> Message:
    text = t("command_not_available", lang, command=escape(command))
    return Message(text=text, blocks=[section(text)], lang=lang)


def note_usage(lang: str, problem: str | None = None) -> Message:
    lines = [problem] if problem else []
    lines.append(t("note_usage", lang))
    return Message(
        text="\n".join(lines),
        blocks=[section("\n".join(lines)), context(t("note_usage_examples", lang))],
        lang=lang,
    )
