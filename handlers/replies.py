"""Every way a listener answers in Slack, each through `payload` (`fit_message`) or `fit_view`.

A reply over one of Slack's limits is refused whole (`invalid_blocks`), and from a response URL
or a command's answer the refusal reaches nobody: the person just sees nothing. Sending only
through here keeps every answer within the limits (bot.render.limits).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.render.kit import Message, fit_view, payload


def answer(ack: Ack, message: Message) -> None:
    """A slash command's answer: the HTTP answer itself, shown only to the person who typed it."""
    ack(response_type="ephemeral", **payload(message))


def tell(respond: Respond, message: Message) -> None:
    """Only to the person who clicked; the message they clicked stays as it is."""
    respond(response_type="ephemeral", replace_original=False, **payload(message))


def redraw(respond: Respond, message: Message) -> None:
    """The clicked message, replaced in place (no new noise in the channel)."""
    respond(replace_original=True, **payload(message))


def turn_page(respond: Respond, message: Message, *, in_place: bool) -> None:
    """A page of a list: the page clicked on turns (in place), or the first one appears below."""
    respond(response_type="ephemeral", replace_original=in_place, **payload(message))


def share(respond: Respond, message: Message) -> None:
    """Into the channel, for everyone; what was clicked stays."""
    respond(response_type="in_channel", replace_original=False, **payload(message))


def redraw_at(response_url: str, message: Message) -> WebhookResponse:
    """The message behind a response URL kept from earlier (a form opened from it), replaced."""
    return WebhookClient(response_url).send(replace_original=True, **payload(message))


def post(client: WebClient, message: Message, *, channel: str, **extra: Any) -> SlackResponse:
    return client.chat_postMessage(channel=channel, **payload(message), **extra)


def post_ephemeral(client: WebClient, message: Message, *, channel: str, user: str) -> SlackResponse:
    return client.chat_postEphemeral(channel=channel, user=user, **payload(message))


def open_view(client: WebClient, view: dict[str, Any], *, trigger_id: str, lang: str) -> SlackResponse:
    return client.views_open(trigger_id=trigger_id, view=fit_view(view, lang=lang))


def publish_home(client: WebClient, view: dict[str, Any], *, user_id: str, lang: str) -> SlackResponse:
    return client.views_publish(user_id=user_id, view=fit_view(view, lang=lang))
