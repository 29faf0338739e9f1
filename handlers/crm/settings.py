"""`/crm settings capture here|#channel <customer>|off`, `settings emoji <name>`, `settings stages
<at-risk days> <churn days>`, `settings rate <currency> <rate>`; and `/crm recompute`, answered at
once and done after the answer (`recompute_later`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.core.errors import UserError
from bot.insights import reclassify
from bot.notes import capture
from bot.render import crm
from bot.render.kit import Message
from handlers.crm.request import CrmRequest, read
from handlers.replies import SendNow, tell

_CHANNEL = re.compile(r"^<#([A-Z0-9]+)(?:\|[^>]*)?>$")


def capture_setting(request: CrmRequest) -> Message:
    rt, words = request.rt, request.words
    where, customer = words[2], " ".join(words[3:])
    mentioned = _CHANNEL.match(where)
    if where == "here":
        channel = request.channel_id
    elif mentioned:
        channel = mentioned.group(1)
    else:
        return crm.crm_help(request.lang)
    name = customer.strip().strip("\"'“”「」") or None
    setting = capture.set_capture(
        db=rt.db,
        team_id=request.team_id,
        channel_id=channel,
        customer_name=None if name in (None, "off", "关闭") else name,
        user_id=request.user_id,
        now=rt.clock(),
        defaults=rt.defaults,
    )
    return crm.capture_set(setting, request.lang)


def emoji_setting(request: CrmRequest) -> Message:
    rt = request.rt
    emoji = capture.set_capture_emoji(
        db=rt.db, team_id=request.team_id, emoji=request.words[2], now=rt.clock(), defaults=rt.defaults
    )
    return crm.emoji_set(emoji, request.lang)


def stages_setting(request: CrmRequest) -> Message:
    numbers = [int(w) for w in request.words[2:] if w.isdigit()]
    if len(numbers) != 2:
        raise UserError("crm_bad_thresholds")
    reclassify.set_thresholds(
        db=request.rt.db, team_id=request.team_id, at_risk_days=numbers[0], churn_days=numbers[1]
    )
    return crm.thresholds_set(numbers[0], numbers[1], request.lang)


def rate_setting(request: CrmRequest) -> Message:
    rt, words = request.rt, request.words
    if len(words) != 4:
        raise UserError("crm_bad_rate")
    rate = reclassify.set_rate(
        db=rt.db, team_id=request.team_id, currency=words[2], rate=words[3], now=rt.clock()
    )
    return crm.rate_set(words[2], rate, rt.settings.default_currency, request.lang)


# Each setting: the words its command has at least and at most (None: no limit), and its function.
SETTINGS: dict[str, tuple[int, int | None, Callable[[CrmRequest], Message]]] = {
    "capture": (3, None, capture_setting),
    "emoji": (3, 3, emoji_setting),
    "stages": (2, None, stages_setting),
    "rate": (2, None, rate_setting),
}


def settings_command(request: CrmRequest) -> Message:
    words = request.words
    entry = SETTINGS.get(words[1]) if len(words) > 1 else None
    if entry is None:
        return crm.not_available(words[0], request.lang)
    least, most, setting = entry
    if len(words) < least or (most is not None and len(words) > most):
        return crm.not_available(words[0], request.lang)
    return setting(request)


def recompute_command(request: CrmRequest) -> Message:
    # 2.6–5.5 s at 100,000 customers: answered at once, done after (recompute_later).
    return crm.recomputing(request.lang)


def recompute_later(command: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    """A lazy listener of /crm: `/crm recompute` classifies every customer, then says what moved."""
    request = read(command, context)
    if request.subcommand != "recompute":
        return
    rt = request.rt
    done = reclassify.recompute(db=rt.db, team_id=request.team_id, now=rt.clock())
    tell(SendNow(respond, context.client), crm.recomputed(done, request.lang))
