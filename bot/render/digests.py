"""The weekly segment summary, as posted to a channel."""

from __future__ import annotations

from datetime import datetime

from bot.digests import Digest
from bot.i18n import t
from bot.render import timefmt
from bot.render.kit import Block, Message, context, divider, escape, header, section
from bot.render.notes import amount_text


def _names(names: tuple[str, ...], lang: str) -> str:
    return ", ".join(escape(n) for n in names[:15]) or t("none", lang)


def digest_message(
    digest: Digest,
    *,
    now: datetime,
    late_since: datetime | None = None,
    preview: bool = False,
) -> Message:
    """The summary; its chart follows in the thread (bot.digests)."""
    lang = digest.lang
    title = t("digest_title", lang, segment=digest.segment, count=digest.size)
    blocks: list[Block] = [header(title[:150])]
    if late_since is not None:
        blocks.append(context(t("digest_late", lang, ago=timefmt.relative(late_since, now, lang))))
    if preview:
        blocks.append(context(t("chart_preview", lang)))
    blocks.append(
        section(
            t("digest_changes", lang, joined=_names(digest.joined, lang), left=_names(digest.left, lang)),
            fields=[
                f"*{t('digest_complaints', lang)}*\n"
                + t(
                    "digest_complaint_counts",
                    lang,
                    opened=digest.complaints,
                    resolved=digest.complaints_resolved,
                ),
                f"*{t('digest_moves', lang)}*\n{len(digest.stage_moves)}",
            ],
        )
    )
    if digest.stage_moves:
        lines = [
            f"• {escape(name)}: {t('stage_' + before, lang)} → {t('stage_' + after, lang)}"
            for name, before, after in digest.stage_moves[:10]
        ]
        blocks.append(section("\n".join(lines)))
    if digest.top_value:
        lines = [
            f"• {escape(name)} — {amount_text(value, digest.currency)}" for name, value in digest.top_value
        ]
        blocks.append(section(f"*{t('digest_top_value', lang)}*\n" + "\n".join(lines)))
    if digest.quiet:
        lines = [
            f"• {escape(name)} — " + (timefmt.relative(last, now, lang) if last else t("digest_never", lang))
            for name, last in digest.quiet
        ]
        blocks.append(section(f"*{t('digest_quiet', lang)}*\n" + "\n".join(lines)))
    if digest.performance:
        lines = [
            t("digest_owner_line", lang, user=who, done=done, overdue=overdue)
            for who, (done, overdue) in list(digest.performance.items())[:15]
        ]
        blocks += [divider(), section(f"*{t('digest_team', lang)}*\n" + "\n".join(lines))]
    return Message(text=title, blocks=blocks)
