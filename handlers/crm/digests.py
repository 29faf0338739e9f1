"""`/crm digest subscribe <segment> every monday 9:00 [Asia/Shanghai]`, `list`, `unsubscribe
<segment>`, `preview <segment>` (to you only) and `send <segment>`: checked in the answer, posted
to the channel right after it (`send_digest_later`: building and drawing take a while)."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Respond

from bot.core.errors import UserError
from bot.digests import build, subscriptions
from bot.insights import segments
from bot.jobs.digests import send_now
from bot.render import crm, errors
from bot.render.digests import digest_message
from bot.render.kit import Message
from handlers.crm.request import CrmRequest, read
from handlers.replies import SendNow, tell


def digest_command(request: CrmRequest) -> Message:
    rt, lang, words = request.rt, request.lang, request.words[1:]
    team_id, channel, now = request.team_id, request.channel_id, rt.clock()
    action = words[0] if words else ""
    if action == "subscribe":
        sub = subscriptions.subscribe(
            db=rt.db,
            team_id=team_id,
            channel_id=channel,
            text=request.after(2),
            user_id=request.user_id,
            now=now,
            defaults=rt.defaults,
        )
        return crm.digest_subscribed(sub, lang)
    if action == "list":
        return crm.digest_list(
            subscriptions.subscriptions_in(db=rt.db, team_id=team_id, channel_id=channel), lang
        )
    if action == "unsubscribe" and len(words) == 2:
        count = subscriptions.unsubscribe(db=rt.db, team_id=team_id, channel_id=channel, segment=words[1])
        return crm.digest_unsubscribed(count, words[1], lang)
    if action == "preview" and len(words) == 2:
        digest = build.preview(db=rt.db, team_id=team_id, segment=words[1], now=now)
        return digest_message(digest, now=now, preview=True)
    if action == "send" and len(words) == 2:
        segments.definition(db=rt.db, team_id=team_id, name=words[1])  # refuses an unknown segment now
        return crm.digest_sending(words[1], lang)  # send_digest_later posts it
    raise UserError("digest_usage")


def _sending(request: CrmRequest) -> str | None:
    """The segment of a `/crm digest send <segment>` command, else None."""
    words = request.words
    return words[2] if len(words) == 3 and request.subcommand == "digest" and words[1] == "send" else None


def send_digest_later(command: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    """A lazy listener of /crm: posts the summary `/crm digest send` asked for."""
    request = read(command, context)
    segment = _sending(request)
    if segment is None:
        return
    rt = request.rt
    try:
        send_now(
            db=rt.db,
            client=context.client,
            team_id=request.team_id,
            channel_id=request.channel_id,
            segment=segment,
            now=rt.clock(),
            defaults=rt.defaults,
        )
    except UserError as refused:
        tell(SendNow(respond, context.client), errors.user_error(refused, request.lang))
