"""`/crm segment create <name> <filter…>`, `show <name>`, `delete <name>`, and `list` (also the answer
to anything else)."""

from __future__ import annotations

from bot.core.errors import UserError
from bot.insights import segments
from bot.render import crm
from bot.render.kit import Message
from bot.render.segments import segment_list, segment_table
from handlers.crm.request import CrmRequest


def segment_command(request: CrmRequest) -> Message:
    rt, lang, words = request.rt, request.lang, request.words[1:]
    team_id, now = request.team_id, rt.clock()
    action = words[0] if words else "list"
    if action == "create" and len(words) >= 3:
        view = segments.create(
            db=rt.db,
            team_id=team_id,
            name=words[1],
            definition=" ".join(words[2:]),
            user_id=request.user_id,
            now=now,
            defaults=rt.defaults,
        )
        return segment_table(view, lang=lang, now=now)
    if action == "show" and len(words) == 2:
        return segment_table(
            segments.show(db=rt.db, team_id=team_id, name=words[1], now=now), lang=lang, now=now
        )
    if action == "delete" and len(words) == 2:
        if not segments.remove(db=rt.db, team_id=team_id, name=words[1]):
            raise UserError("segment_not_found", name=words[1])
        return crm.segment_deleted(words[1], lang)
    return segment_list(segments.listing(db=rt.db, team_id=team_id), lang=lang)
