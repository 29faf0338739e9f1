"""Builds the Bolt app: one place that wires the runtime, the Web API client and the listeners."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

import handlers
from bot.app.middleware import attach_runtime, open_outbox, skip_retried_mentions
from bot.app.runtime import Runtime

log = logging.getLogger("rapport")


def web_client(token: str | None, api_url: str | None) -> WebClient:
    """A Web API client that waits out 429s (opt-in in slack-sdk) and retries dropped connections."""
    return WebClient(
        token=token,
        base_url=api_url or WebClient.BASE_URL,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
        ],
    )


def build_app(
    rt: Runtime,
    *,
    token: str,
    signing_secret: str,
    api_url: str | None = None,
    lazy_executor: Executor | None = None,
) -> App:
    """The Bolt app over `rt`.

    Listeners run before the HTTP answer goes back (`process_before_response`): a note is
    stored before Slack is told it was, and a command's answer carries the reply. Anything
    else sent to Slack is queued and sent after the answer (handlers.replies.send_later); it
    and other slow follow-up work run in lazy listeners, on threads (or on `lazy_executor`).
    """
    app = App(
        client=web_client(token, api_url),
        signing_secret=signing_secret,
        process_before_response=True,
        logger=log,
        listener_executor=lazy_executor,  # None: Bolt's own thread pool
    )

    app.use(attach_runtime(rt))
    app.use(open_outbox)  # before any listener: every listener may queue its replies (handlers.replies)
    app.use(skip_retried_mentions)
    handlers.register_all(app)
    return app
