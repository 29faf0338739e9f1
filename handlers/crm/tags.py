"""`/crm tag acme +vip -trial`, `/crm tag #renewal-2027 +priority` (every customer with that tag)."""

from __future__ import annotations

from bot.customers import tagging
from bot.render import crm
from bot.render.kit import Message
from handlers.crm.request import CrmRequest


def tag_command(request: CrmRequest) -> Message:
    rt = request.rt
    result = tagging.apply_tags(
        db=rt.db,
        team_id=request.team_id,
        change=tagging.read_tag_command(request.after(1)),
        now=rt.clock(),
        defaults=rt.defaults,
    )
    return crm.tagged(result, request.lang)
