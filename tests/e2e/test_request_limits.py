"""Size, time and connection limits of the HTTP server: a client cannot hold it up or fill its memory."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from bot.app.factory import build_app
from bot.app.runtime import Runtime
from bot.app.web import MAX_BODY, Limits, RunningServer, build_web, serve_in_thread
from bot.console.standin import SlackStandIn
from storage.db import Database
from tests import factories as f
from tests.e2e.conftest import make_settings
from tests.support.clock import FrozenClock

# Short deadlines, so each test sees them pass; the test waits for the server, never on a timer.
LIMITS = Limits(body_timeout=0.3, header_timeout=0.3, max_connections=8)
WAIT = 15.0  # how long a test waits for the server's move before calling it stuck


@pytest.fixture
def server(database: Database, slack: SlackStandIn, clock: FrozenClock) -> Iterator[RunningServer]:
    rt = Runtime(settings=make_settings(database), db=database, clock=clock)
    app = build_app(rt, token="xoxb-test", signing_secret=f.SECRET, api_url=slack.api_url)
    running = serve_in_thread(build_web(app, database, signing_secret=f.SECRET, limits=LIMITS), LIMITS)
    yield running
    running.stop()


def _connect(server: RunningServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=WAIT)
    return sock


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def _head(length: int | None, extra: str = "") -> bytes:
    declared = f"Content-Length: {length}\r\n" if length is not None else ""
    return (
        "POST /slack/events HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"{declared}{extra}\r\n"
    ).encode()


def test_declared_body_over_the_limit_is_refused_before_it_is_sent(server: RunningServer) -> None:
    with _connect(server) as sock:
        sock.sendall(_head(300_000_000))  # and not one byte of the body
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 413")


def test_chunked_body_is_cut_off_at_the_limit(server: RunningServer) -> None:
    """With no length declared, the server stops reading at the limit: it answers 413 and closes.
    The client, still sending, may see the close as a broken pipe or a reset before the answer."""
    chunk = b"a" * 65536
    sent, cut_off = 0, False
    with _connect(server) as sock:
        sock.sendall(_head(None, "Transfer-Encoding: chunked\r\n"))
        try:
            # Far more than the limit, and than the kernel's socket buffers can hold between the two.
            while sent <= 50 * MAX_BODY:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            cut_off = True
        if not cut_off:
            try:
                cut_off = _read_all(sock).startswith(b"HTTP/1.1 413")
            except ConnectionResetError:
                cut_off = True
    assert cut_off
    assert sent <= 50 * MAX_BODY


def test_body_sent_too_slowly_is_timed_out_and_the_connection_closed(server: RunningServer) -> None:
    with _connect(server) as sock:
        sock.sendall(_head(1000) + b"text=only-ten")  # 1,000 bytes declared, 13 sent
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 408")


def test_headers_sent_too_slowly_close_the_connection(server: RunningServer) -> None:
    with _connect(server) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        assert _read_all(sock) == b""


def test_idle_connection_after_an_answer_is_closed(server: RunningServer) -> None:
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = _read_all(sock)  # returns once the server closes the kept-alive connection
    assert answer.startswith(b"HTTP/1.1 200")


def test_connections_over_the_cap_are_answered_503(
    database: Database, slack: SlackStandIn, clock: FrozenClock
) -> None:
    limits = Limits(max_connections=4)  # default deadlines: the idle connections stay open meanwhile
    rt = Runtime(settings=make_settings(database), db=database, clock=clock)
    app = build_app(rt, token="xoxb-test", signing_secret=f.SECRET, api_url=slack.api_url)
    server = serve_in_thread(build_web(app, database, signing_secret=f.SECRET, limits=limits), limits)
    idle = [_connect(server) for _ in range(limits.max_connections)]
    try:
        # The server counts a connection once it has accepted it: wait until all are in.
        for sock in idle:
            sock.sendall(b"G")
        answer = f.get(server.url + "/healthz")
    finally:
        for sock in idle:
            sock.close()
        server.stop()
    assert answer.status == 503
