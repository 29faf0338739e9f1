"""The Slack stand-in refuses what Slack refuses, the way Slack answers, and takes the rest."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.console.standin import SlackStandIn

TOO_LONG = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
FITS = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3000}}]
POINTER = "[json-pointer:/blocks/0/text/text]"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    # Its own, not the shared `slack` fixture: that one fails any test Slack would have refused.
    running = SlackStandIn(team_id="T1").start()
    yield running
    running.stop()


def _client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=standin.api_url)


SENDS = {
    "chat.postMessage": lambda c, blocks: c.chat_postMessage(channel="C1", text="hi", blocks=blocks),
    "chat.postEphemeral": lambda c, blocks: c.chat_postEphemeral(
        channel="C1", user="U1", text="hi", blocks=blocks
    ),
    "chat.update": lambda c, blocks: c.chat_update(channel="C1", ts="1.000001", text="hi", blocks=blocks),
}


@pytest.mark.parametrize("method", sorted(SENDS))
def test_a_message_over_a_limit_is_refused_with_invalid_blocks_and_slacks_reasons(
    standin: SlackStandIn, method: str
) -> None:
    with pytest.raises(SlackApiError) as refused:
        SENDS[method](_client(standin), TOO_LONG)

    assert refused.value.response["error"] == "invalid_blocks"
    (reason,) = refused.value.response["response_metadata"]["messages"]
    assert reason.startswith("[ERROR] must be at most 3000 characters") and reason.endswith(POINTER)
    assert standin.messages() == []
    assert [call.method for call in standin.refusals()] == [method]


@pytest.mark.parametrize("method", sorted(SENDS))
def test_a_message_at_the_limit_is_taken(standin: SlackStandIn, method: str) -> None:
    assert SENDS[method](_client(standin), FITS)["ok"] is True
    assert standin.refusals() == []


def test_text_alone_past_40000_characters_is_msg_too_long(standin: SlackStandIn) -> None:
    with pytest.raises(SlackApiError) as refused:
        _client(standin).chat_postMessage(channel="C1", text="x" * 40_001)

    assert refused.value.response["error"] == "msg_too_long"


def _modal(title: str) -> dict[str, Any]:
    return {"type": "modal", "title": {"type": "plain_text", "text": title}, "blocks": FITS}


def test_a_view_over_a_limit_is_refused_with_invalid_arguments(standin: SlackStandIn) -> None:
    client = _client(standin)

    with pytest.raises(SlackApiError) as refused:
        client.views_open(trigger_id="t", view=_modal("A title longer than 24 chars"))
    assert refused.value.response["error"] == "invalid_arguments"
    assert refused.value.response["response_metadata"]["messages"][0].endswith(
        "[json-pointer:/view/title/text]"
    )

    with pytest.raises(SlackApiError) as too_many:
        client.views_publish(user_id="U1", view={"type": "home", "blocks": FITS * 101})
    assert too_many.value.response["error"] == "invalid_arguments"

    assert client.views_open(trigger_id="t", view=_modal("Exactly twenty-four char"))["ok"] is True


def test_a_response_url_post_over_a_limit_gets_http_400_invalid_blocks(standin: SlackStandIn) -> None:
    hook = WebhookClient(standin.response_url("r1"))

    refused = hook.send(text="hi", blocks=TOO_LONG)
    taken = hook.send(text="hi", blocks=FITS)

    assert (refused.status_code, refused.body) == (400, "invalid_blocks")
    assert (taken.status_code, taken.body) == (200, "ok")
    assert [call.method for call in standin.refusals()] == ["response_url"]
