"""Small Block Kit builders, so the renderers read as layout rather than nested dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Block = dict[str, Any]

# Slack refuses a section text over 3,000 characters and a button value over 2,000.
_TEXT_LIMIT = 3000


@dataclass(frozen=True)
class Message:
    """A reply: plain `text` (notifications, screen readers, the console's fallback) and blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text[:_TEXT_LIMIT]}


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:150], "emoji": True}


def section(text: str, *, fields: list[str] | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if fields:
        block["fields"] = [mrkdwn(f) for f in fields[:10]]
    if accessory is not None:
        block["accessory"] = accessory
    return block


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text)}


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(t) for t in texts if t][:10]}


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "button", "text": plain(text), "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    return element


def actions(*elements: dict[str, Any], block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def escape(text: str) -> str:
    """Slack's three control characters, so user text cannot forge mentions or links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def input_block(block_id: str, label: str, element: dict[str, Any], *, optional: bool = True) -> Block:
    """A form field; every element answers under the action id "value"."""
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label),
        "element": {**element, "action_id": "value"},
    }


def text_input(initial: str | None, *, multiline: bool = False, max_length: int = 3000) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "multiline": multiline, "max_length": max_length}
    if initial:
        element["initial_value"] = initial[:max_length]
    return element
