"""Segments as people read them: one line a customer."""

from __future__ import annotations

from datetime import datetime

from bot.core.i18n import t
from bot.insights.segments import SegmentView
from bot.render import timefmt
from bot.render.kit import Block, Message, clip, context, escape, join_within, section
from bot.render.limits import LIMITS, slack_length

SHOWN = 40
NAME_CHARS = 200
DEFINITION_CHARS = 500


def _sections(lines: list[str]) -> list[Block]:
    """Lines packed into as few sections as hold them, each within a section's 3,000 characters."""
    blocks: list[Block] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        line = clip(line, LIMITS.section_text)
        if chunk and size + 1 + slack_length(line) > LIMITS.section_text:
            blocks.append(section("\n".join(chunk)))
            chunk, size = [], 0
        size += slack_length(line) + (1 if chunk else 0)
        chunk.append(line)
    if chunk:
        blocks.append(section("\n".join(chunk)))
    return blocks


def segment_table(view: SegmentView, *, lang: str, now: datetime) -> Message:
    title = t("segment_title", lang, name=escape(view.name), count=len(view.members))
    blocks: list[Block] = [
        section(f"*{title}*"),
        context(f"`{clip(escape(view.definition), DEFINITION_CHARS)}`"),
    ]
    lines = []
    for member in view.members[:SHOWN]:
        owner = f"<@{member.owner_id}>" if member.owner_id else "—"
        last = timefmt.relative(member.last_touch, now, lang) if member.last_touch else t("none", lang)
        follow_ups = (
            t("segment_open_follow_ups", lang, count=member.open_follow_ups) if member.open_follow_ups else ""
        )
        lines.append(
            f"*{clip(escape(member.name), NAME_CHARS)}* · {owner} · {t('stage_' + member.stage, lang)} · "
            f"{t('tier_' + member.tier, lang)} · {t('field_last_contact', lang)}: {last}"
            + (f" · {follow_ups}" if follow_ups else "")
        )
    blocks += _sections(lines)
    if not lines:
        blocks.append(context(t("segment_empty_members", lang)))
    elif len(view.members) > SHOWN:
        blocks.append(context(t("segment_more", lang, count=len(view.members) - SHOWN)))
    return Message(text=title, blocks=blocks, lang=lang)


def segment_list(items: list[tuple[str, str]], *, lang: str) -> Message:
    heading = f"*{t('segment_list_title', lang)}*\n"
    lines = [
        f"• *{clip(escape(name), NAME_CHARS)}* `{clip(escape(definition), DEFINITION_CHARS)}`"
        for name, definition in items
    ]
    listed = join_within(
        lines,
        limit=LIMITS.section_text - slack_length(heading),
        more=lambda count: t("segment_more", lang, count=count),
        sep="\n",
    )
    text = heading + listed
    return Message(text=text, blocks=[section(text), context(t("segment_help", lang))], lang=lang)
