"""Every way a listener answers in Slack, each through `payload` (`fit_message`) or `fit_view`.

A reply over one of Slack's limits is refused whole (`invalid_blocks`), and from a response URL
or a command's answer the refusal reaches nobody: the person just sees nothing. Sending only
through here keeps every answer within the limits (bot.render.limits).

Nothing waits on Slack's Web API before the answer to Slack: a listener's main function runs
before the HTTP answer goes back (`process_before_response`), so it only queues its replies in
the Bolt context (the outbox). `send_later`, a lazy listener on every listener, sends them in
order once the answer is on its way; Bolt hands it a deep copy of the context the main function
left. Lazy listeners run after the answer anyway and send at once, through `SendNow`.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeAlias

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookClient

from bot.render.kit import Message, fit_view, payload

log = logging.getLogger(__name__)

OUTBOX = "rapport_outbox"
RESPOND = "respond"  # the response URL of the request being answered
RESPONSE_URL = "response_url"  # a response URL kept from an earlier request

_WEB_API: dict[str, Callable[..., SlackResponse]] = {
    "chat.postMessage": WebClient.chat_postMessage,
    "chat.postEphemeral": WebClient.chat_postEphemeral,
    "views.open": WebClient.views_open,
    "views.publish": WebClient.views_publish,
}


@dataclass(frozen=True)
class Outgoing:
    """One call to Slack, its payload already fitted: `method` is RESPOND, RESPONSE_URL (to `url`)
    or a Web API method, `params` its keyword arguments."""

    method: str
    params: dict[str, Any]
    url: str | None = None


class Outbox(list[Outgoing]):
    """What a main listener queued. The copy Bolt hands to lazy listeners is sealed: nothing
    sends what a lazy listener would queue, so it must send with `SendNow` instead."""

    sealed = False

    def __deepcopy__(self, memo: dict[int, Any]) -> Outbox:
        copied = Outbox(copy.deepcopy(list(self), memo))
        copied.sealed = True
        return copied


@dataclass(frozen=True)
class SendNow:
    """Where a lazy listener's replies go: straight to Slack, since the answer has gone back."""

    respond: Respond | None
    client: WebClient


To: TypeAlias = BoltContext | SendNow


def _out(to: To, call: Outgoing) -> None:
    if isinstance(to, SendNow):
        send(call, respond=to.respond, client=to.client)
        return
    outbox = to.get(OUTBOX)
    if not isinstance(outbox, Outbox) or outbox.sealed:
        raise RuntimeError("a reply queued outside a main listener is never sent: use SendNow")
    outbox.append(call)


def answer(ack: Ack, message: Message) -> None:
    """A slash command's answer: the HTTP answer itself, shown only to the person who typed it."""
    ack(response_type="ephemeral", **payload(message))


def tell(to: To, message: Message) -> None:
    """Only to the person who clicked; the message they clicked stays as it is."""
    _out(to, Outgoing(RESPOND, {"response_type": "ephemeral", "replace_original": False, **payload(message)}))


def redraw(to: To, message: Message) -> None:
    """The clicked message, replaced in place (no new noise in the channel)."""
    _out(to, Outgoing(RESPOND, {"replace_original": True, **payload(message)}))


def turn_page(to: To, message: Message, *, in_place: bool) -> None:
    """A page of a list: the page clicked on turns (in place), or the first one appears below."""
    _out(
        to,
        Outgoing(RESPOND, {"response_type": "ephemeral", "replace_original": in_place, **payload(message)}),
    )


def share(to: To, message: Message) -> None:
    """Into the channel, for everyone; what was clicked stays."""
    _out(
        to, Outgoing(RESPOND, {"response_type": "in_channel", "replace_original": False, **payload(message)})
    )


def redraw_at(to: To, response_url: str, message: Message) -> None:
    """The message behind a response URL kept from earlier (a form opened from it), replaced."""
    _out(to, Outgoing(RESPONSE_URL, {"replace_original": True, **payload(message)}, url=response_url))


def post(to: To, message: Message, *, channel: str, **extra: Any) -> None:
    _out(to, Outgoing("chat.postMessage", {"channel": channel, **payload(message), **extra}))


def post_ephemeral(to: To, message: Message, *, channel: str, user: str) -> None:
    _out(to, Outgoing("chat.postEphemeral", {"channel": channel, "user": user, **payload(message)}))


def open_view(to: To, view: dict[str, Any], *, trigger_id: str, lang: str) -> None:
    """A modal: Slack takes the click's trigger_id for 3 seconds, so right after the answer is in time."""
    _out(to, Outgoing("views.open", {"trigger_id": trigger_id, "view": fit_view(view, lang=lang)}))


def publish_home(to: To, view: dict[str, Any], *, user_id: str, lang: str) -> None:
    _out(to, Outgoing("views.publish", {"user_id": user_id, "view": fit_view(view, lang=lang)}))


def send(call: Outgoing, *, respond: Respond | None, client: WebClient) -> None:
    """Makes one call; raises SlackApiError or OSError as the client does."""
    if call.method in _WEB_API:
        _WEB_API[call.method](client, **call.params)
        return
    if call.method == RESPOND:
        if respond is None:
            raise RuntimeError("a reply to the response URL of a request that has none")
        answered = respond(**call.params)
    elif call.method == RESPONSE_URL and call.url:
        answered = WebhookClient(call.url).send(**call.params)
    else:
        raise RuntimeError(f"no way to send {call.method!r}")
    if answered.status_code >= 400:  # a response URL answers an error in its status, not an exception
        log.warning("Slack refused a %s reply: %s %s", call.method, answered.status_code, answered.body)


def send_later(context: BoltContext, respond: Respond | None, client: WebClient) -> None:
    """A lazy listener: sends what the main listener queued, in order. One failed call is logged
    and does not keep the rest from going out."""
    for call in context.get(OUTBOX) or []:
        try:
            send(call, respond=respond, client=client)
        except (SlackApiError, OSError):
            log.exception("sending %s after the answer to Slack failed", call.method)
