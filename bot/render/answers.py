"""One-line answers to buttons and forms (what a click changed, what a form refused), and the words
of a refusal said beside a message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.errors import UserError
from bot.core.i18n import t
from bot.render.errors import user_error
from bot.render.kit import Message, section


def complaint_reopened(lang: str) -> Message:
    text = t("complaint_reopened", lang)
    return Message(text=text, blocks=[section(text)], lang=lang)


def reminder_stale(lang: str) -> Message:
    """A click on a reminder that has changed since it was posted (done, snoozed, handed on)."""
    text = t("reminder_stale", lang)
    return Message(text=text, blocks=[section(text)], lang=lang)


def message_saved(customer: str, lang: str, *, already: bool = False) -> Message:
    """A Slack message saved as a note on `customer`, or found to be one already."""
    return Message(
        text=t("capture_already_saved" if already else "capture_saved", lang, customer=customer), lang=lang
    )


def profile_saved(customer: str, lang: str) -> Message:
    return Message(text=t("profile_saved", lang, customer=customer), lang=lang)


def refused(error: UserError, lang: str) -> Message:
    """A refusal's words alone, told beside a message (an ephemeral note has no room for buttons)."""
    return Message(text=user_error(error, lang).text, lang=lang)


def field_errors(fields: Mapping[str, tuple[str, Mapping[str, Any]]], lang: str) -> dict[str, str]:
    """A form's refused fields, each with the words that say what to change (Slack shows them
    under the field)."""
    return {field: t(key, lang, **params) for field, (key, params) in fields.items()}
