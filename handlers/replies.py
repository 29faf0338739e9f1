"""The two ways a click is answered: a private note beside the message, or the message redrawn."""

from __future__ import annotations

from slack_bolt import Respond

from bot.render.kit import Message


def tell(respond: Respond, message: Message) -> None:
    """Only to the person who clicked; the message they clicked stays as it is."""
    respond(response_type="ephemeral", replace_original=False, text=message.text, blocks=message.blocks)


def redraw(respond: Respond, message: Message) -> None:
    """The clicked message, replaced in place (no new noise in the channel)."""
    respond(replace_original=True, text=message.text, blocks=message.blocks)
