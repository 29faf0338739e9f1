"""The one error handler: log with the traceback, answer the user politely, never go silent."""

from __future__ import annotations

import json
from logging import Logger
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.core.i18n import reply_lang
from bot.render.errors import generic_error
from bot.render.kit import payload
from handlers.context import attached
from handlers.replies import SendNow, post_ephemeral


def register(app: App) -> None:
    app.error(on_error)


def on_error(
    error: Exception, body: dict[str, Any], logger: Logger, client: WebClient, context: BoltContext
) -> BoltResponse:
    rt = attached(context)
    if rt is None:
        # The runtime middleware runs only after Bolt's signature check: without it, the request
        # is unverified (or broke the check itself). Its response_url, channel and user are the
        # sender's choice, so nothing is sent anywhere.
        logger.warning("refused an unverified Slack request: %s", error)
        return BoltResponse(status=401, body="")
    logger.error("handling a Slack request failed: %s", error, exc_info=error)
    message = generic_error(_lang(body, rt.settings.locale))
    answer = {"response_type": "ephemeral", **payload(message)}
    if "command" in body:
        # A slash command not yet acknowledged: the HTTP answer itself is what the user sees.
        return BoltResponse(status=200, body=json.dumps(answer), headers={"content-type": "application/json"})
    response_url = body.get("response_url")
    if response_url:
        WebhookClient(response_url).send_dict({**answer, "replace_original": False})
        return BoltResponse(status=200, body="")
    event = body.get("event") or {}
    channel, user = event.get("channel"), event.get("user")
    if channel and user:
        try:
            post_ephemeral(SendNow(None, client), message, channel=channel, user=user)
        except SlackApiError as failure:
            logger.warning("could not tell %s about the failure: %s", user, failure.response.get("error"))
    return BoltResponse(status=200, body="")


def _lang(body: dict[str, Any], default: str) -> str:
    text = str(body.get("text") or (body.get("event") or {}).get("text") or "")
    return reply_lang(text, default)
