"""/crm's routing: the first word names the sub-command (request.ALIASES, English or Chinese), and
each sub-command is one function that returns the answer. A refusal is answered in its words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.errors import UserError
from bot.render import crm, errors
from bot.render.kit import Message
from bot.render.search import PAGE_ACTION
from handlers.crm.digests import digest_command, send_digest_later
from handlers.crm.request import CrmRequest, read
from handlers.crm.search import page_clicked, search_command
from handlers.crm.segments import segment_command
from handlers.crm.settings import recompute_command, recompute_later, settings_command
from handlers.crm.tags import tag_command
from handlers.replies import answer, send_later


def help_command(request: CrmRequest) -> Message:
    return crm.crm_help(request.lang)


ROUTES: dict[str, Callable[[CrmRequest], Message]] = {
    "search": search_command,
    "tag": tag_command,
    "segment": segment_command,
    "digest": digest_command,
    "settings": settings_command,
    "recompute": recompute_command,
    "help": help_command,
}


def register(app: App) -> None:
    # What takes a while is done after the answer to Slack: `digest send` posts, `recompute` runs.
    app.command("/crm")(ack=crm_command, lazy=[send_later, send_digest_later, recompute_later])
    app.action(PAGE_ACTION)(ack=page_clicked, lazy=[send_later])


def crm_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    request = read(command, context)
    try:
        answer(ack, route(request))
    except UserError as refused:
        answer(ack, errors.user_error(refused, request.lang))


def route(request: CrmRequest) -> Message:
    """The answer of the sub-command the text names: the help when it names none, and a word /crm
    does not know is said so."""
    words = request.words
    if not words:
        return crm.crm_help(request.lang)
    subcommand = request.subcommand
    if subcommand is None:
        return crm.not_available(words[0], request.lang)
    return ROUTES[subcommand](request)
