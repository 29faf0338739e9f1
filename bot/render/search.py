"""Search results: each hit with its customer, author, time and link, and pages."""

from __future__ import annotations

import json
from datetime import datetime

from bot.core.i18n import t
from bot.notes.finder import SearchResults
from bot.render import timefmt
from bot.render.kit import Block, Message, actions, button, clip, context, escape, section, with_more
from bot.render.limits import LIMITS, slack_length

PAGE_ACTION = "search_page"
NAME_CHARS = 200
QUERY_CHARS = 300  # of the query, as the title repeats it


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


def _page_value(query: str, page: int) -> str:
    """A page button's value: the query and the page, as JSON within a button value's 2,000
    characters. A query too long for it is shortened, whole characters at a time, so the
    value stays JSON that the click can read back."""
    while True:
        value = json.dumps({"q": query, "page": page}, ensure_ascii=False)
        over = slack_length(value) - LIMITS.button_value
        if over <= 0:
            return value
        query = query[: max(len(query) - over, 0)]


def result_blocks(
    results: SearchResults, *, text: str, lang: str, now: datetime, room: int = LIMITS.message_blocks
) -> list[Block]:
    """The results in at most `room` blocks; hits that do not fit are counted in a last line."""
    count = f"{results.total}" if results.total_is_exact else f"{results.total}+"
    head: list[Block] = [section(t("search_title", lang, query=clip(escape(text), QUERY_CHARS), count=count))]
    if not results.hits:
        head.append(context(t("search_nothing", lang)))
    hits = []
    for hit in results.hits:
        link = f" · <{hit.permalink}|Slack>" if hit.permalink else ""
        name = clip(escape(hit.customer_name), NAME_CHARS)
        hits.append(
            [
                section(f"*{name}* · {_snippet(hit.snippet, hit.highlights)}"),
                context(f"<@{hit.author_id}> · {timefmt.relative(hit.created_at, now, lang)}{link}"),
            ]
        )
    moves = []
    if results.page > 1:
        moves.append(
            button(t("page_previous_results", lang), PAGE_ACTION, _page_value(text, results.page - 1))
        )
    if results.has_more:
        moves.append(button(t("page_next_results", lang), PAGE_ACTION, _page_value(text, results.page + 1)))
    tail = [actions(*moves, block_id=f"search:{results.page}")] if moves else []
    return with_more(
        head,
        hits,
        limit=room,
        more=lambda count: context(t("search_more", lang, count=count)),
        tail=tail,
    )


def results_message(results: SearchResults, *, text: str, lang: str, now: datetime) -> Message:
    return Message(
        text=t("search_title", lang, query=text, count=results.total),
        blocks=result_blocks(results, text=text, lang=lang, now=now),
        lang=lang,
    )
