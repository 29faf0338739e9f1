"""The App Home tab."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.home import Home
from bot.i18n import t
from bot.render import timefmt
from bot.render.followups import DONE_ACTION
from bot.render.kit import Block, button, context, divider, escape, header, plain, section

SEARCH_ACTION = "home_search"


def _search_box(lang: str, query: str | None) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": SEARCH_ACTION,
        "placeholder": plain(t("home_search_hint", lang)),
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
    }
    if query:
        element["initial_value"] = query
    return {
        "type": "input",
        "block_id": "home_search",
        "dispatch_action": True,
        "label": plain(t("home_search", lang)),
        "element": element,
    }


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
    for item in home.follow_ups:
        when = f"{timefmt.local(item.due_at, home.tz, lang)} ({timefmt.relative(item.due_at, now, lang)})"
        if item.overdue:
            when = f"*{t('followup_overdue', lang)}* · {when}"
        block = section(f"*{escape(item.customer_name)}* · {escape(item.text)}\n{when}")
        block["accessory"] = button(t("button_done", lang), DONE_ACTION, str(item.follow_up_id))
        blocks.append(block)
    blocks += [divider(), header(t("home_recent_notes", lang))]
    if not home.notes:
        blocks.append(context(t("home_no_notes", lang)))
    for note in home.notes:
        link = f" · <{note.permalink}|Slack>" if note.permalink else ""
        blocks.append(section(f"*{escape(note.customer_name)}* · {escape(note.body)[:300]}"))
        blocks.append(context(timefmt.relative(note.created_at, now, lang) + link))
    blocks += [divider(), header(t("home_my_customers", lang))]
    names = ", ".join(f"*{escape(name)}*" for name in home.customers)
    blocks.append(section(names) if names else context(t("home_no_customers", lang)))
    return {"type": "home", "blocks": blocks[:100]}
