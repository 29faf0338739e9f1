"""Request bodies shaped like Slack's, and Slack's signature on them.

The console sends these through the app exactly as Slack would; the tests build theirs here too,
so there is one place that knows what Slack sends.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier


def signed_headers(
    body: str, secret: str, *, timestamp: int | None = None, content_type: str
) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": ts,
        "x-slack-signature": signature or "",
    }


FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def new_trigger_id() -> str:
    """Slack gives every interaction a trigger id of its own, so no two deliveries are the same bytes."""
    return f"{int(time.time())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"


def slash_command(
    *,
    command: str,
    text: str,
    team_id: str,
    user_id: str,
    channel_id: str,
    response_url: str,
    user_name: str = "you",
    channel_name: str = "console",
    trigger_id: str | None = None,
) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token-unused",
            "team_id": team_id,
            "team_domain": "console",
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_name,
            "command": command,
            "text": text,
            "api_app_id": "A0RAPPORT",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id or new_trigger_id(),
        }
    )


def block_action(
    *,
    action: dict[str, Any],
    team_id: str,
    user_id: str,
    channel_id: str,
    response_url: str,
    message: dict[str, Any] | None = None,
    trigger_id: str | None = None,
) -> str:
    payload = {
        "type": "block_actions",
        "team": {"id": team_id, "domain": "console"},
        "user": {"id": user_id, "username": "you", "team_id": team_id},
        "api_app_id": "A0RAPPORT",
        "token": "legacy-verification-token-unused",
        "container": {"type": "message", "channel_id": channel_id, "is_ephemeral": True},
        "trigger_id": trigger_id or new_trigger_id(),
        "channel": {"id": channel_id, "name": "console"},
        "message": message or {},
        "response_url": response_url,
        "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
    }
    return urlencode({"payload": json.dumps(payload)})


def event_callback(
    *, event: dict[str, Any], team_id: str, event_id: str, event_time: int | None = None
) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token-unused",
            "team_id": team_id,
            "api_app_id": "A0RAPPORT",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()) if event_time is None else event_time,
            "authorizations": [{"team_id": team_id, "user_id": "U0RAPPORT", "is_bot": True}],
        }
    )


def view_submission(*, view: dict[str, Any], values: dict[str, Any], team_id: str, user_id: str) -> str:
    """A modal's submission: `values` is Slack's state shape, {block_id: {action_id: element state}}."""
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": "console"},
        "user": {"id": user_id, "username": "you", "team_id": team_id},
        "api_app_id": "A0RAPPORT",
        "token": "legacy-verification-token-unused",
        "trigger_id": new_trigger_id(),
        "view": {**view, "id": "V0CONSOLE", "team_id": team_id, "state": {"values": values}},
        "response_urls": [],
    }
    return urlencode({"payload": json.dumps(payload)})


def modal_state(view: dict[str, Any], answers: dict[str, str | None]) -> dict[str, Any]:
    """The state Slack sends for `view`'s inputs: their initial values, replaced by `answers`.

    An answer of "" or None clears the input, as a person emptying the field would.
    """
    values: dict[str, Any] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        kind = element["type"]
        answer = answers[block["block_id"]] if block["block_id"] in answers else initial_answer(element)
        answer = answer or None
        if kind == "static_select":
            state: dict[str, Any] = {"type": kind, "selected_option": {"value": answer} if answer else None}
        elif kind == "datepicker":
            state = {"type": kind, "selected_date": answer}
        elif kind == "timepicker":
            state = {"type": kind, "selected_time": answer}
        elif kind == "users_select":
            state = {"type": kind, "selected_user": answer}
        else:
            state = {"type": kind, "value": answer}
        values[block["block_id"]] = {element["action_id"]: state}
    return values


def initial_answer(element: dict[str, Any]) -> str | None:
    if "initial_option" in element:
        return str(element["initial_option"]["value"])
    for key in ("initial_value", "initial_date", "initial_time", "initial_user"):
        if key in element:
            return str(element[key])
    return None


def message_shortcut(
    *,
    callback_id: str,
    message: dict[str, Any],
    team_id: str,
    user_id: str,
    channel_id: str,
    response_url: str,
) -> str:
    payload = {
        "type": "message_action",
        "callback_id": callback_id,
        "team": {"id": team_id, "domain": "console"},
        "user": {"id": user_id, "username": "you", "team_id": team_id},
        "channel": {"id": channel_id, "name": "console"},
        "message": message,
        "message_ts": message.get("ts"),
        "response_url": response_url,
        "trigger_id": new_trigger_id(),
        "token": "legacy-verification-token-unused",
        "action_ts": f"{time.time():.6f}",
    }
    return urlencode({"payload": json.dumps(payload)})
