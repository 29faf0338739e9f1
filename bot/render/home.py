"""The App Home tab."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.core.i18n import t
from bot.home.page import Home
from bot.render import timefmt
from bot.render.followups import DONE_ACTION, item_line
from bot.render.kit import (
    Block,
    button,
    clip,
    context,
    divider,
    escape,
    header,
    join_within,
    more_items,
    plain,
    section,
)
from bot.render.limits import LIMITS

SEARCH_ACTION = "home_search"
# Within Slack's 100 blocks of a Home tab: 15 follow-ups (a block each), 15 notes (two each), the
# headings and "more" lines (a dozen), and search results in the room left.
SHOWN = 15
RESULTS_ROOM = 35
NOTE_CHARS = 300
NAME_CHARS = 200


def _search_box(lang: str, query: str | None) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": SEARCH_ACTION,
        "placeholder": plain(t("home_search_hint", lang), limit=LIMITS.placeholder),
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
    }
    if query:
        # What was searched, shown again to refine: cut (never with an ellipsis) to what the box holds.
        element["initial_value"] = query[: LIMITS.text_input_length]
    return {
        "type": "input",
        "block_id": "home_search",
        "dispatch_action": True,
        "label": plain(t("home_search", lang), limit=LIMITS.input_label),
        "element": element,
    }


def _listed(items: list[list[Block]], more: str, lang: str) -> list[Block]:
    """The first SHOWN items, then a line saying how many more and where to see them."""
    blocks = [block for item in items[:SHOWN] for block in item]
    if len(items) > SHOWN:
        blocks.append(context(t(more, lang, count=len(items) - SHOWN)))
    return blocks


def home_view(
    home: Home, now: datetime, *, query: str | None = None, results: list[Block] | None = None
) -> dict[str, Any]:
    lang = home.lang
    blocks: list[Block] = [_search_box(lang, query)]
    if results:
        blocks += [*results, divider()]
    blocks.append(header(t("home_follow_ups", lang)))
    if not home.follow_ups:
        blocks.append(context(t("followup_list_empty", lang)))
    follow_ups = []
    for item in home.follow_ups:
        when = f"{timefmt.local(item.due_at, home.tz, lang)} ({timefmt.relative(item.due_at, now, lang)})"
        if item.overdue:
            when = f"*{t('followup_overdue', lang)}* · {when}"
        done = button(t("button_done", lang), DONE_ACTION, str(item.follow_up_id))
        follow_ups.append([section(f"{item_line(item)}\n{when}", accessory=done)])
    blocks += _listed(follow_ups, "home_more_follow_ups", lang)
    blocks += [divider(), header(t("home_recent_notes", lang))]
    if not home.notes:
        blocks.append(context(t("home_no_notes", lang)))
    notes = []
    for note in home.notes:
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        name = clip(escape(note.customer_name), NAME_CHARS)
        notes.append(
            [
                section(f"*{name}* · {clip(escape(note.body), NOTE_CHARS)}"),
                context(timefmt.relative(note.created_at, now, lang) + link),
            ]
        )
    blocks += _listed(notes, "home_more_notes", lang)
    blocks += [divider(), header(t("home_my_customers", lang))]
    names = [f"*{clip(escape(name), NAME_CHARS)}*" for name in home.customers]
    shown = join_within(names, limit=LIMITS.section_text, more=more_items(lang), sep=", ")
    blocks.append(section(shown) if names else context(t("home_no_customers", lang)))
    return {"type": "home", "blocks": blocks}
