"""`/crm search <words> [#tag] [customer:…] [from:@…] [since:…] [until:…]`, and the pages of its results."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, BoltContext

from bot.core.i18n import reply_lang
from bot.notes import finder
from bot.render import search
from bot.render.kit import Message
from handlers.context import runtime, team_of
from handlers.crm.request import CrmRequest
from handlers.replies import redraw


def search_command(request: CrmRequest) -> Message:
    rt, query = request.rt, request.after(1)
    found = finder.search(db=rt.db, team_id=request.team_id, text=query, now=rt.clock())
    return search.results_message(found, text=query, lang=reply_lang(query, request.lang), now=rt.clock())


def page_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    """A page button under the results: the page clicked replaces the one shown."""
    ack()
    rt = runtime(context)
    wanted = json.loads(action["value"])
    query, page = str(wanted["q"]), int(wanted["page"])
    found = finder.search(db=rt.db, team_id=team_of(body), text=query, now=rt.clock(), page=page)
    lang = reply_lang(query, rt.settings.locale)
    redraw(context, search.results_message(found, text=query, lang=lang, now=rt.clock()))
