"""The reminder message, and how it reads once someone acts on it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from bot.core.i18n import t
from bot.followups.reminder_context import ReminderContext
from bot.render import timefmt
from bot.render.kit import Block, Message, actions, button, clip, context, escape, option, plain, section
from bot.render.limits import LIMITS

DONE_ACTION = "reminder_done"
SNOOZE_ACTION = "reminder_snooze"
REASSIGN_ACTION = "reminder_reassign"
METADATA_EVENT = "rapport_reminder"
LATE_AFTER = timedelta(minutes=1)
SNOOZES = ("1h", "tomorrow", "next_week")
QUOTE_CHARS = 300  # of the note a reminder came from
RECENT_CHARS = 200  # of each recent note shown with it


def metadata(ctx: ReminderContext) -> dict[str, Any]:
    """Carried by the posted message so a later attempt can tell that this one reached Slack."""
    return {
        "event_type": METADATA_EVENT,
        "event_payload": {"follow_up_id": ctx.follow_up_id, "due": ctx.due_at.isoformat()},
    }


def matches(message: dict[str, Any], ctx: ReminderContext) -> bool:
    meta = message.get("metadata") or {}
    payload = meta.get("event_payload") or {}
    return (
        meta.get("event_type") == METADATA_EVENT
        and str(payload.get("follow_up_id")) == str(ctx.follow_up_id)
        and payload.get("due") == ctx.due_at.isoformat()
    )


def _token(ctx: ReminderContext) -> str:
    # Buttons name the arming they belong to, so a click on an old reminder changes nothing.
    return json.dumps({"id": ctx.follow_up_id, "due": ctx.due_at.isoformat()}, separators=(",", ":"))


def _story(ctx: ReminderContext, now: datetime) -> list[Block]:
    lang = ctx.lang
    blocks: list[Block] = []
    if ctx.source is not None:
        link = f" · <{ctx.source.permalink}|{t('reminder_open_note', lang)}>" if ctx.source.permalink else ""
        quote = f"{clip(escape(ctx.source.body), QUOTE_CHARS)} — <@{ctx.source.author_id}>"
        blocks.append(context(f"{t('reminder_from_note', lang)}: {quote}{link}"))
    if ctx.recent:
        lines = [
            f"• {clip(escape(n.body), RECENT_CHARS)} — <@{n.author_id}>, "
            + timefmt.relative(n.occurred_at or n.created_at, now, lang)
            for n in ctx.recent
        ]
        blocks.append(context(f"*{t('reminder_recent', lang)}*\n" + "\n".join(lines)))
    return blocks


def reminder(
    ctx: ReminderContext, now: datetime, *, moved_from: str | None = None, reason: str | None = None
) -> Message:
    lang = ctx.lang
    when = timefmt.local(ctx.due_at, ctx.tz, lang)
    headline = t(
        "reminder_headline",
        lang,
        user=ctx.assignee_id,
        customer=escape(ctx.customer_name),
        text=escape(ctx.text),
    )
    due = t("reminder_due", lang, when=when)
    if now - ctx.due_at > LATE_AFTER:
        due = t("reminder_late", lang, when=when, ago=timefmt.relative(ctx.due_at, now, lang))
    blocks: list[Block] = [section(headline), context(due)]
    if moved_from:
        blocks.append(context(t("reminder_moved", lang, channel=moved_from, reason=reason or "")))
    blocks += _story(ctx, now)
    token = _token(ctx)
    snooze = {
        "type": "static_select",
        "action_id": SNOOZE_ACTION,
        "placeholder": plain(t("reminder_snooze", lang), limit=LIMITS.placeholder),
        "options": [option(t("snooze_" + s, lang), f"{s}|{token}") for s in SNOOZES],
    }
    reassign = {
        "type": "users_select",
        "action_id": REASSIGN_ACTION,
        "placeholder": plain(t("reminder_reassign", lang), limit=LIMITS.placeholder),
    }
    blocks.append(
        actions(
            button(t("button_done", lang), DONE_ACTION, token, style="primary"),
            snooze,
            reassign,
            block_id=f"reminder|{token}",
        )
    )
    return Message(text=f"{headline} ({due})", blocks=blocks, lang=lang)


def closed(ctx: ReminderContext, *, by: str, now: datetime) -> Message:
    text = t("reminder_done_by", ctx.lang, user=by, customer=escape(ctx.customer_name), text=escape(ctx.text))
    return Message(text=text, blocks=[section(text), *_story(ctx, now)], lang=ctx.lang)


def snoozed(ctx: ReminderContext, *, by: str, until: datetime, zone: str) -> Message:
    text = t(
        "reminder_snoozed_by",
        ctx.lang,
        user=by,
        customer=escape(ctx.customer_name),
        text=escape(ctx.text),
        when=timefmt.local(until, zone, ctx.lang),
    )
    return Message(text=text, blocks=[section(text)], lang=ctx.lang)


def parse_token(value: str) -> tuple[int, datetime]:
    """(follow-up id, the due time of the arming the button belongs to) from a button's value."""
    data = json.loads(value.split("|", 1)[-1])
    return int(data["id"]), datetime.fromisoformat(str(data["due"]))
