"""The outbox: main listeners queue their replies, `send_later` sends them after the answer."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest
from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookResponse

import handlers
from bot.render.kit import Message
from handlers import replies

VIEW = {"type": "modal", "title": {"type": "plain_text", "text": "Edit"}, "blocks": []}


class FakeSlack(WebClient):
    """Records the Web API calls (and the response URL replies) in the order they were made."""

    def __init__(self, failing: str | None = None) -> None:
        super().__init__(token="xoxb-test")
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.failing = failing

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:  # type: ignore[override]
        params = dict(kwargs.get("json") or kwargs.get("params") or {})
        self.sent.append((api_method, params))
        data = {"ok": api_method != self.failing, "error": "trigger_expired"}
        answer = SlackResponse(
            client=self,
            http_verb="POST",
            api_url=api_method,
            req_args={},
            data=data,
            headers={},
            status_code=200,
        )
        return answer.validate()

    def respond(self, **params: Any) -> WebhookResponse:
        self.sent.append(("respond", params))
        return WebhookResponse(url="https://hooks.slack.local/r1", status_code=200, body="ok", headers={})


def _queued() -> BoltContext:
    context = BoltContext({replies.OUTBOX: replies.Outbox()})
    replies.tell(context, Message(text="first"))
    replies.open_view(context, VIEW, trigger_id="T123", lang="en")
    replies.redraw(context, Message(text="third"))
    replies.post_ephemeral(context, Message(text="fourth"), channel="C1", user="U1")
    return copy.deepcopy(context)  # as Bolt hands it to a lazy listener


def test_send_later_sends_the_queued_replies_in_order() -> None:
    slack = FakeSlack()

    replies.send_later(_queued(), slack.respond, slack)  # type: ignore[arg-type]

    assert [(method, params.get("text")) for method, params in slack.sent] == [
        ("respond", "first"),
        ("views.open", None),
        ("respond", "third"),
        ("chat.postEphemeral", "fourth"),
    ]
    assert slack.sent[0][1]["replace_original"] is False and slack.sent[2][1]["replace_original"] is True
    assert slack.sent[1][1]["trigger_id"] == "T123"


def test_one_failed_call_is_logged_with_its_traceback_and_the_rest_still_go_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack = FakeSlack(failing="views.open")

    with caplog.at_level(logging.ERROR, logger=replies.__name__):
        replies.send_later(_queued(), slack.respond, slack)  # type: ignore[arg-type]

    assert [method for method, _ in slack.sent] == ["respond", "views.open", "respond", "chat.postEphemeral"]
    [failure] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "views.open" in failure.getMessage()
    assert failure.exc_info is not None and isinstance(failure.exc_info[1], SlackApiError)


def test_a_connection_failure_does_not_stop_the_rest_either(caplog: pytest.LogCaptureFixture) -> None:
    slack = FakeSlack()

    def unreachable(**params: Any) -> WebhookResponse:
        raise ConnectionRefusedError("response URL unreachable")

    with caplog.at_level(logging.ERROR, logger=replies.__name__):
        replies.send_later(_queued(), unreachable, slack)  # type: ignore[arg-type]

    assert [method for method, _ in slack.sent] == ["views.open", "chat.postEphemeral"]
    assert [type(r.exc_info[1]) for r in caplog.records if r.exc_info] == [ConnectionRefusedError] * 2


def test_nothing_is_sent_while_the_main_listener_runs() -> None:
    context = BoltContext({replies.OUTBOX: replies.Outbox()})

    replies.tell(context, Message(text="later"))

    [queued] = context[replies.OUTBOX]
    assert queued.method == replies.RESPOND and queued.params["text"] == "later"


def test_a_reply_queued_in_a_lazy_listener_is_refused_not_lost() -> None:
    """A lazy listener's context is a copy: nothing would send what it queued there."""
    lazy_context = _queued()

    with pytest.raises(RuntimeError, match="SendNow"):
        replies.tell(lazy_context, Message(text="never sent"))


def test_every_listener_sends_its_queued_replies_after_the_answer() -> None:
    """Any main listener has the context and may queue a reply: each has send_later among its
    lazy listeners, however it was registered."""
    app = App(token="xoxb-test", signing_secret="secret", token_verification_enabled=False)
    handlers.register_all(app)

    listeners = app._listeners  # Bolt keeps no public list of them
    assert listeners
    missing = [
        listener.ack_function.__qualname__
        for listener in listeners
        if replies.send_later not in listener.lazy_functions
    ]
    assert not missing, f"registered without lazy=[send_later]: {missing}"
