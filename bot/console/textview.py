"""Block Kit as readable terminal text: what the console shows of Slack's messages."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_BARE_LINK = re.compile(r"<(https?://[^>]+)>")
_USER = re.compile(r"<@([A-Z0-9]+)(?:\|([^>]+))?>")
_CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")


@dataclass(frozen=True)
class Button:
    """A button the person at the console can press by its number."""

    label: str
    action: dict[str, Any]
    message: dict[str, Any]
    asks_for_user: bool = False  # a user picker: the console asks whom


def mrkdwn(text: str) -> str:
    text = _LINK.sub(r"\2 (\1)", text)
    text = _BARE_LINK.sub(r"\1", text)
    text = _USER.sub(lambda m: "@" + (m.group(2) or m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _CODE.sub(r"\1", _BOLD.sub(r"\1", text))
    return html.unescape(text)


def _text(obj: dict[str, Any] | None) -> str:
    if not obj:
        return ""
    value = str(obj.get("text", ""))
    return mrkdwn(value) if obj.get("type") == "mrkdwn" else value


def render(message: dict[str, Any], buttons: list[Button]) -> list[str]:
    """Lines for one message; its buttons are appended to `buttons` and shown with their numbers."""
    blocks = message.get("blocks") or []
    if not blocks:
        return [mrkdwn(str(message.get("text", "")))]
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = _text(block.get("text"))
            lines += [title, "=" * min(len(title) * 2, 60)]
        elif kind == "section":
            if block.get("text"):
                lines.append(_text(block["text"]))
            accessory = block.get("accessory") or {}
            if accessory.get("type") == "button":
                buttons.append(
                    Button(_text(accessory.get("text")), _button_action(accessory, block), message)
                )
                lines[-1] += f"  [{len(buttons)}] {_text(accessory.get('text'))}"
            for item in block.get("fields") or []:
                lines.append("  " + _text(item).replace("\n", ": ", 1).replace("\n", "\n    "))
        elif kind == "context":
            joined = " · ".join(_text(e) for e in block.get("elements", []) if e.get("type") != "image")
            lines.append("  " + joined.replace("\n", "\n  "))
        elif kind == "divider":
            lines.append("-" * 40)
        elif kind == "actions":
            labels = []
            for element in block.get("elements", []):
                for choice in _choices(element, block, message):
                    buttons.append(choice)
                    labels.append(f"[{len(buttons)}] {choice.label}")
            if labels:
                lines.append("  ".join(labels))
    return lines


def _button_action(element: dict[str, Any], block: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": element.get("action_id"),
        "block_id": block.get("block_id", ""),
        "value": element.get("value", ""),
        "text": element.get("text"),
    }


def _choices(element: dict[str, Any], block: dict[str, Any], message: dict[str, Any]) -> list[Button]:
    """What a person can press for one interactive element: a button, each option of a menu,
    or a user picker."""
    kind = element.get("type")
    base = {"type": kind, "action_id": element.get("action_id"), "block_id": block.get("block_id", "")}
    if kind == "button":
        return [Button(_text(element.get("text")), _button_action(element, block), message)]
    if kind == "static_select":
        name = _text(element.get("placeholder"))
        return [
            Button(f"{name}: {_text(option.get('text'))}", base | {"selected_option": option}, message)
            for option in element.get("options", [])
        ]
    if kind == "users_select":
        return [Button(f"{_text(element.get('placeholder'))}…", base, message, asks_for_user=True)]
    return []
