"""Request bodies shaped like Slack's, and Slack's signature on them.

The console sends these through the app exactly as Slack would; the tests build theirs here too,
so there is one place that knows what Slack sends.
"""

from __future__ import annotations

import json
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
    trigger_id: str = "1.1.console",
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
            "trigger_id": trigger_id,
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
    trigger_id: str = "1.1.console",
) -> str:
    payload = {
        "type": "block_actions",
        "team": {"id": team_id, "domain": "console"},
        "user": {"id": user_id, "username": "you", "team_id": team_id},
        "api_app_id": "A0RAPPORT",
        "token": "legacy-verification-token-unused",
        "container": {"type": "message", "channel_id": channel_id, "is_ephemeral": True},
        "trigger_id": trigger_id,
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
