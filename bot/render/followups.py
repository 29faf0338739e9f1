"""How follow-ups read: the one just set, and lists of open ones."""

from __future__ import annotations

from datetime import datetime

from bot.core.i18n import t
from bot.followups.agenda import ClosedFollowUp, CreatedFollowUp, FollowUpItem, FollowUpList
from bot.render import timefmt
from bot.render.kit import Block, Message, button, clip, context, escape, section, with_more
from bot.render.limits import LIMITS

DONE_ACTION = "followup_done"
NAME_CHARS = 200
TEXT_CHARS = 600


def _when(item: FollowUpItem, tz: str, lang: str, now: datetime) -> str:
    when = f"{timefmt.local(item.due_at, tz, lang)} ({timefmt.relative(item.due_at, now, lang)})"
    return f"*{t('followup_overdue', lang)}* · {when}" if item.overdue else when


def item_line(item: FollowUpItem) -> str:
    """The customer and what to do, cut short enough that the due time after it always shows."""
    return f"*{clip(escape(item.customer_name), NAME_CHARS)}* · {clip(escape(item.text), TEXT_CHARS)}"


def follow_up_set(created: CreatedFollowUp, now: datetime) -> Message:
    item, lang = created.item, created.lang
    when = timefmt.local(item.due_at, created.tz, lang)
    text = t("followup_set", lang, customer=escape(item.customer_name), assignee=item.assignee_id, when=when)
    blocks = [section(text), context(escape(item.text))] if item.text.strip() else [section(text)]
    return Message(text=text, blocks=blocks, lang=lang)


def follow_up_list(listing: FollowUpList, now: datetime) -> Message:
    lang = listing.lang
    title = t("followup_list_" + listing.scope, lang, subject=escape(listing.subject or ""))
    head: list[Block] = [section(f"*{title}*")]
    if not listing.items:
        head.append(context(t("followup_list_empty", lang)))
    items = []
    for item in listing.items:
        line = f"{item_line(item)}\n{_when(item, listing.tz, lang, now)}"
        if listing.scope != "mine":
            line += f" · <@{item.assignee_id}>"
        done = button(t("button_done", lang), DONE_ACTION, str(item.follow_up_id))
        items.append([section(line, accessory=done)])
    blocks = with_more(
        head,
        items,
        limit=LIMITS.message_blocks,
        more=lambda count: context(t("followup_more", lang, count=count)),
        total=listing.total,
    )
    total = max(listing.total, len(listing.items))
    return Message(text=f"{title}: {total}", blocks=blocks, lang=lang)


def follow_up_usage(lang: str, problem: str | None = None) -> Message:
    lines = [problem] if problem else []
    lines.append(t("followup_usage", lang))
    return Message(
        text="\n".join(lines),
        blocks=[section("\n".join(lines)), context(t("followup_examples", lang))],
        lang=lang,
    )


def follow_up_done(closed: ClosedFollowUp) -> Message:
    lang = closed.lang
    message = (
        t("followup_marked_done", lang, text=escape(closed.text))
        if closed.closed_now
        else t("followup_already_done", lang)
    )
    return Message(text=message, blocks=[section(message)], lang=lang)
