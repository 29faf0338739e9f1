"""The weekly segment summary, as posted to a channel."""

from __future__ import annotations

from datetime import datetime

from bot.core.i18n import t
from bot.digests.build import Digest
from bot.render import timefmt
from bot.render.kit import (
    Block,
    Message,
    clip,
    context,
    divider,
    escape,
    header,
    join_within,
    more_items,
    section,
)
from bot.render.limits import LIMITS, slack_length
from bot.render.notes import amount_text

NAMES_SHOWN = 15
NAME_CHARS = 80  # a summary lists names; a card shows the whole of one


def _name(name: str) -> str:
    return clip(escape(name), NAME_CHARS)


def _names(names: tuple[str, ...], lang: str) -> str:
    if not names:
        return t("none", lang)
    shown = [_name(n) for n in names[:NAMES_SHOWN]]
    return join_within(shown, limit=LIMITS.text // 3, more=more_items(lang), sep=", ", total=len(names))


def _listing(heading: str, lines: list[str], lang: str, *, shown: int) -> Block:
    """A section of lines under a heading: the first `shown` of them that fit, then "+N more"."""
    head = f"*{heading}*\n" if heading else ""
    listed = join_within(
        lines[:shown],
        limit=LIMITS.section_text - slack_length(head),
        more=more_items(lang),
        sep="\n",
        total=len(lines),
    )
    return section(head + listed)


def digest_message(
    digest: Digest,
    *,
    now: datetime,
    late_since: datetime | None = None,
    preview: bool = False,
) -> Message:
    """The summary; its chart follows in the thread (bot.jobs.digests)."""
    lang = digest.lang
    title = t("digest_title", lang, segment=digest.segment, count=digest.size)
    blocks: list[Block] = [header(title)]
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
            f"• {_name(name)}: {t('stage_' + before, lang)} → {t('stage_' + after, lang)}"
            for name, before, after in digest.stage_moves
        ]
        blocks.append(_listing("", lines, lang, shown=10))
    if digest.top_value:
        lines = [
            f"• {_name(name)} — {amount_text(value, digest.currency)}" for name, value in digest.top_value
        ]
        blocks.append(_listing(t("digest_top_value", lang), lines, lang, shown=NAMES_SHOWN))
    if digest.quiet:
        lines = [
            f"• {_name(name)} — " + (timefmt.relative(last, now, lang) if last else t("digest_never", lang))
            for name, last in digest.quiet
        ]
        blocks.append(_listing(t("digest_quiet", lang), lines, lang, shown=NAMES_SHOWN))
    if digest.performance:
        lines = [
            t("digest_owner_line", lang, user=who, done=done, overdue=overdue)
            for who, (done, overdue) in digest.performance.items()
        ]
        blocks += [divider(), _listing(t("digest_team", lang), lines, lang, shown=NAMES_SHOWN)]
    return Message(text=title, blocks=blocks, lang=lang)
