"""Slack requests for tests: built by the same payload code the console uses, signed, and sent."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from bot.console import payloads

TEAM = "T1"
USER = "U1"
OTHER_USER = "U2"
CHANNEL = "C1"
SECRET = "test-signing-secret-3f9a"


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


def post(url: str, body: str | bytes, headers: dict[str, str]) -> HttpAnswer:
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return HttpAnswer(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        return HttpAnswer(error.code, error.read().decode())


def get(url: str) -> HttpAnswer:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return HttpAnswer(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        return HttpAnswer(error.code, error.read().decode())


def command_body(text: str, *, response_url: str, command: str = "/note", user: str = USER) -> str:
    return payloads.slash_command(
        command=command, text=text, team_id=TEAM, user_id=user, channel_id=CHANNEL, response_url=response_url
    )


def button_body(
    action_id: str, value: str, *, response_url: str, user: str = USER, block_id: str = "b"
) -> str:
    action = {"type": "button", "action_id": action_id, "block_id": block_id, "value": value}
    return payloads.block_action(
        action=action, team_id=TEAM, user_id=user, channel_id=CHANNEL, response_url=response_url
    )


def signed(
    body: str, *, secret: str = SECRET, age_seconds: int = 0, json_body: bool = False
) -> dict[str, str]:
    return payloads.signed_headers(
        body,
        secret,
        timestamp=int(time.time()) - age_seconds,
        content_type=payloads.JSON if json_body else payloads.FORM,
    )


def find_button(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    for block in blocks:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no button {action_id!r} in {json.dumps(blocks)[:500]}")


def all_text(blocks: list[dict[str, Any]]) -> str:
    """Every piece of text in a message's blocks, for assertions on what a person would read."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text"):
                out.append(str(node.get("text", "")))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(out)


def submission_body(view: dict[str, Any], values: dict[str, Any], *, user: str = USER) -> str:
    return payloads.view_submission(view=view, values=values, team_id=TEAM, user_id=user)


def modal_values(view: dict[str, Any], **answers: str | None) -> dict[str, Any]:
    """The state Slack would send for `view` with its initial values, changed by `answers`."""
    return payloads.modal_state(view, answers)


def action_body(action: dict[str, Any], *, response_url: str, user: str = USER) -> str:
    """A click on any interactive element (button, select, user picker) of a channel message."""
    return payloads.block_action(
        action=action, team_id=TEAM, user_id=user, channel_id=CHANNEL, response_url=response_url
    )


def event_body(event: dict[str, Any], *, event_id: str = "Ev001") -> str:
    return payloads.event_callback(event=event, team_id=TEAM, event_id=event_id)


def shortcut_body(
    message: dict[str, Any], *, response_url: str, channel: str = CHANNEL, user: str = USER
) -> str:
    return payloads.message_shortcut(
        callback_id="save_as_note",
        message=message,
        team_id=TEAM,
        user_id=user,
        channel_id=channel,
        response_url=response_url,
    )
