"""Segments as people read them: one line a customer."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import t
from bot.render import timefmt
from bot.render.kit import Block, Message, context, escape, section
from bot.segments import SegmentView

SHOWN = 40


def segment_table(view: SegmentView, *, lang: str, now: datetime) -> Message:
    title = t("segment_title", lang, name=escape(view.name), count=len(view.members))
    blocks: list[Block] = [section(f"*{title}*"), context(f"`{escape(view.definition)}`")]
    lines = []
    for member in view.members[:SHOWN]:
        owner = f"<@{member.owner_id}>" if member.owner_id else "—"
        last = timefmt.relative(member.last_touch, now, lang) if member.last_touch else t("none", lang)
        follow_ups = (
            t("segment_open_follow_ups", lang, count=member.open_follow_ups) if member.open_follow_ups else ""
        )
        lines.append(
            f"*{escape(member.name)}* · {owner} · {t('stage_' + member.stage, lang)} · "
            f"{t('tier_' + member.tier, lang)} · {t('field_last_contact', lang)}: {last}"
            + (f" · {follow_ups}" if follow_ups else "")
        )
    for first in range(0, len(lines), 10):
        blocks.append(section("\n".join(lines[first : first + 10])))
    if not lines:
        blocks.append(context(t("segment_empty_members", lang)))
    elif len(view.members) > SHOWN:
        blocks.append(context(t("segment_more", lang, count=len(view.members) - SHOWN)))
    return Message(text=title, blocks=blocks)


def segment_list(items: list[tuple[str, str]], *, lang: str) -> Message:
    lines = [f"• *{escape(name)}* `{escape(definition)}`" for name, definition in items]
    text = f"*{t('segment_list_title', lang)}*\n" + "\n".join(lines)
    return Message(text=text, blocks=[section(text[:2900]), context(t("segment_help", lang))])
