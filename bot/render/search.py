"""Search results: each hit with its customer, author, time and link, and pages."""

from __future__ import annotations

import json
from datetime import datetime

from bot.i18n import t
from bot.render import timefmt
from bot.render.kit import Block, Message, actions, button, context, escape, section
from bot.search import SearchResults

PAGE_ACTION = "search_page"


def _snippet(text: str, highlights: tuple[tuple[int, int], ...]) -> str:
    """The snippet with each match in bold (mrkdwn), the rest escaped."""
    out, at = [], 0
    for start, end in sorted(highlights):
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f"*{escape(text[start:end])}*")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def result_blocks(results: SearchResults, *, text: str, lang: str, now: datetime) -> list[Block]:
    count = f"{results.total}" if results.total_is_exact else f"{results.total}+"
    blocks: list[Block] = [section(t("search_title", lang, query=escape(text), count=count))]
    if not results.hits:
        blocks.append(context(t("search_nothing", lang)))
    for hit in results.hits:
        link = f" · <{hit.permalink}|Slack>" if hit.permalink else ""
        blocks.append(section(f"*{escape(hit.customer_name)}* · {_snippet(hit.snippet, hit.highlights)}"))
        blocks.append(context(f"<@{hit.author_id}> · {timefmt.relative(hit.created_at, now, lang)}{link}"))
    moves = []
    if results.page > 1:
        value = json.dumps({"q": text, "page": results.page - 1}, ensure_ascii=False)
        moves.append(button(t("page_previous_results", lang), PAGE_ACTION, value[:2000]))
    if results.has_more:
        value = json.dumps({"q": text, "page": results.page + 1}, ensure_ascii=False)
        moves.append(button(t("page_next_results", lang), PAGE_ACTION, value[:2000]))
    if moves:
        blocks.append(actions(*moves, block_id=f"search:{results.page}"))
    return blocks


def results_message(results: SearchResults, *, text: str, lang: str, now: datetime) -> Message:
    count = results.total
    return Message(
        text=t("search_title", lang, query=text, count=count),
        blocks=result_blocks(results, text=text, lang=lang, now=now),
    )
