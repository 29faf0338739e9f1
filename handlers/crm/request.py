"""A /crm command as its sub-commands read it: which sub-command (one alias table for English and
Chinese), its words, the workspace, channel and person, and the language of the answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext

from bot.app.runtime import Runtime
from bot.core.i18n import reply_lang
from handlers.context import runtime

# Each word /crm takes first, and the sub-command it names.
ALIASES: dict[str, str] = {
    "search": "search", "find": "search", "搜索": "search",
    "tag": "tag", "标签": "tag",
    "segment": "segment", "segments": "segment", "分组": "segment",
    "digest": "digest", "摘要": "digest",
    "settings": "settings",
    "recompute": "recompute",
    "help": "help", "帮助": "help",
}  # fmt: skip


@dataclass(frozen=True)
class CrmRequest:
    command: dict[str, Any]  # the slash command's payload
    rt: Runtime
    text: str  # what follows /crm, trimmed
    lang: str  # of the answer

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def subcommand(self) -> str | None:
        """The sub-command the first word names; None when there is no word or it names none."""
        words = self.words
        return ALIASES.get(words[0]) if words else None

    def after(self, count: int) -> str:
        """The text after its first `count` words, as written."""
        return self.text.split(None, count)[count] if len(self.words) > count else ""

    @property
    def team_id(self) -> str:
        return str(self.command["team_id"])

    @property
    def channel_id(self) -> str:
        return str(self.command["channel_id"])

    @property
    def user_id(self) -> str:
        return str(self.command["user_id"])


def read(command: dict[str, Any], context: BoltContext) -> CrmRequest:
    rt = runtime(context)
    text = str(command.get("text", "")).strip()
    return CrmRequest(command=command, rt=rt, text=text, lang=reply_lang(text, rt.settings.locale))
