"""The Slack stand-in acts on no half request: a sender killed mid-body leaves no message behind."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

from bot.console.standin import SlackStandIn


def test_a_request_cut_short_is_refused_and_not_recorded() -> None:
    slack = SlackStandIn().start()
    try:
        where = urlsplit(slack.api_url)
        body = b"channel=C1&text=hello&metadata=%7B%22event_type%22"
        head = (
            f"POST /api/chat.postMessage HTTP/1.1\r\nHost: {where.hostname}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body) + 40}\r\n\r\n"
        ).encode()
        with socket.create_connection((where.hostname, where.port)) as sender:
            sender.sendall(head + body)
            sender.shutdown(socket.SHUT_WR)  # the process stops here, 40 bytes short
            answer = sender.recv(200)
        assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")
        assert slack.messages() == [] and slack.calls == []
    finally:
        slack.stop()
