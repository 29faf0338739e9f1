"""Commands the manifest declares but no listener takes: an answer saying so, never a Slack error.
Registered after every other listener, so it takes only what they left."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.i18n import reply_lang
from bot.render import notes
from handlers.context import runtime
from handlers.replies import answer, send_later


def register(app: App) -> None:
    app.command(re.compile(r"^/.+"))(ack=not_yet_command, lazy=[send_later])


def not_yet_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    lang = reply_lang(command.get("text", ""), runtime(context).settings.locale)
    answer(ack, notes.not_available(command.get("command", ""), lang))
