"""HTTP mode: Slack's requests on POST /slack/events, health on GET /healthz.

What a request must pass before anything acts on it, in order (the README's "Security"):

1. Size: a declared `Content-Length` over `MAX_BODY` is refused (413) before a byte is read,
   and the body is read in chunks, stopped at `MAX_BODY` and at `body_timeout` seconds (408).
2. Signature: `X-Slack-Request-Timestamp` must be ASCII digits of a sane length and
   `X-Slack-Signature` a `v0=` hex digest, then the HMAC of the raw bytes must verify within
   Slack's five minutes. Anything else is 401, and nothing about the request is looked at.
3. Shape: only then is the body parsed; a body that is not parseable, or whose JSON is not
   an object, is 400 (one that is not UTF-8 is 400 before the check, which reads text).
4. Replays: a signed request seen before is answered as it was the first time
   (storage.replays), never acted on twice. Events API deliveries are exempt: they carry an
   event id and their effects are idempotent (handlers.capture, bot.app.middleware).

Bolt verifies the signature again (its own middleware), and the one error handler acts only on
requests that passed it (handlers.failures). Bolt's listeners are synchronous, so each dispatch
runs on Starlette's thread pool rather than on the event loop, where one slow database call
would stall every other request.
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import h11
import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.starlette.handler import to_starlette_response
from slack_bolt.request.internals import extract_team_id, parse_body
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

from storage import replays
from storage.db import Database

MAX_BODY = 1_000_000  # Slack's payloads are far smaller; anything bigger is not from Slack
_DIGITS = re.compile(r"[0-9]{1,12}")  # ASCII only: str.isdigit() also takes "²", which int() refuses
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


@dataclass(frozen=True)
class Limits:
    """How much a client may send, how slowly, and how many at once."""

    max_body: int = MAX_BODY
    body_timeout: float = 10.0  # seconds to send the whole body once the headers are in
    header_timeout: float = 10.0  # seconds to send a request's headers on an open connection
    max_connections: int = 200  # beyond this uvicorn answers 503 at once


class _TooLarge(Exception):
    pass


async def _read_body(request: Request, limits: Limits) -> bytes:
    """The body, read in chunks: never more than `max_body` bytes held, never longer than the timeout."""
    chunks: list[bytes] = []
    size = 0
    async with asyncio.timeout(limits.body_timeout):
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise _TooLarge
            chunks.append(chunk)
    return b"".join(chunks)


def _refuse(status: int, text: str) -> Response:
    # The connection is closed after a refusal: an unread body must not be taken for the next request.
    return PlainTextResponse(text, status_code=status, headers={"connection": "close"})


def _bolt_request(text: str, request: Request) -> BoltRequest | None:
    try:
        return BoltRequest(
            body=text,
            query=request.query_params,  # type: ignore[arg-type]
            headers=request.headers,  # type: ignore[arg-type]
        )
    except (AttributeError, TypeError, KeyError, IndexError):  # an object of the wrong shape inside
        return None


def build_web(app: App, db: Database, *, signing_secret: str, limits: Limits = Limits()) -> Starlette:
    verifier = SignatureVerifier(signing_secret)

    def answer_once(bolt_request: BoltRequest, team_id: str, signature: str, signed_at: datetime) -> Response:
        with db.session() as session:
            seen = replays.first_sight(
                session=session, team_id=team_id, signature=signature, signed_at=signed_at
            )
            if seen is None and zlib.crc32(signature.encode()) % 100 == 0:  # now and then, forget old ones
                replays.forget_before(
                    session=session, team_id=team_id, before=datetime.now(UTC) - replays.RETENTION
                )
        if seen is not None:
            headers = {"content-type": seen.content_type} if seen.content_type else {}
            return Response(seen.body or "", status_code=seen.status or 200, headers=headers)
        answer = app.dispatch(bolt_request)
        response = to_starlette_response(answer)
        _remember(db, team_id, signature, answer)
        return response

    async def slack_events(request: Request) -> Response:
        declared = request.headers.get("content-length")
        if declared is not None and (not _DIGITS.fullmatch(declared) or int(declared) > limits.max_body):
            return _refuse(413, "request body too large")
        try:
            raw = await _read_body(request, limits)
        except _TooLarge:
            return _refuse(413, "request body too large")
        except TimeoutError:
            return _refuse(408, "request body not received in time")
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if not (_DIGITS.fullmatch(timestamp) and _SIGNATURE.fullmatch(signature)):
            return _refuse(401, "missing or malformed Slack signature headers")
        try:
            text = raw.decode("utf-8")  # Slack sends UTF-8; the verifier reads text, so this comes first
        except UnicodeDecodeError:
            return _refuse(400, "request body is not UTF-8")
        if not verifier.is_valid(body=text, timestamp=timestamp, signature=signature):
            return _refuse(401, "invalid Slack signature")
        # Verified: from here on the request is Slack's.
        try:
            payload = parse_body(text, request.headers.get("content-type"))
        except ValueError:  # a payload that is not JSON
            return _refuse(400, "malformed request body")
        bolt_request = _bolt_request(text, request) if isinstance(payload, dict) else None
        if bolt_request is None:
            return _refuse(400, "malformed request body: not a Slack payload")
        if payload.get("type") in ("event_callback", "url_verification"):
            return to_starlette_response(await run_in_threadpool(app.dispatch, bolt_request))
        signed_at = datetime.fromtimestamp(int(timestamp), UTC)
        team_id = str(extract_team_id(payload) or "")[:32]
        return await run_in_threadpool(answer_once, bolt_request, team_id, signature, signed_at)

    async def healthz(_: Request) -> Response:
        ok = await run_in_threadpool(db.ping)
        return JSONResponse({"database": "ok" if ok else "unreachable"}, status_code=200 if ok else 503)

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


def _remember(db: Database, team_id: str, signature: str, answer: BoltResponse) -> None:
    with db.session() as session:
        replays.remember_answer(
            session=session,
            team_id=team_id,
            signature=signature,
            status=answer.status,
            content_type=answer.first_headers().get("content-type"),
            body=answer.body,
        )


class _Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for headers: a client that opens a connection
    (or keeps one open after an answer) and trickles a request's headers is cut off, instead
    of holding a connection slot for ever. Bodies have their own deadline (`_read_body`)."""

    header_timeout: float = Limits.header_timeout

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_deadline()

    def _arm_header_deadline(self) -> None:
        self.loop.call_later(self.header_timeout, self._headers_due, self.cycle)

    def _headers_due(self, cycle_then: object) -> None:
        # No new request began since the deadline was armed, and none is being sent: close.
        waiting = self.cycle is cycle_then and self.conn.their_state in (h11.IDLE, h11.DONE)
        if waiting and not self.transport.is_closing():
            self.transport.close()


def _config(web: Starlette, limits: Limits, **options: Any) -> uvicorn.Config:
    protocol = type("RapportHTTP", (_Protocol,), {"header_timeout": limits.header_timeout})
    return uvicorn.Config(
        web,
        http=protocol,
        limit_concurrency=limits.max_connections,
        timeout_keep_alive=5,
        access_log=False,
        **options,
    )


def serve(web: Starlette, *, host: str, port: int, limits: Limits = Limits()) -> None:
    uvicorn.Server(_config(web, limits, host=host, port=port, log_level="info", proxy_headers=True)).run()


@dataclass
class RunningServer:
    """A server on a thread, for tests and benchmarks: bound to a free port on loopback."""

    server: uvicorn.Server
    thread: threading.Thread
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_in_thread(web: Starlette, limits: Limits = Limits()) -> RunningServer:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(_config(web, limits, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="rapport-http", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the HTTP server did not start")
        time.sleep(0.01)
    return RunningServer(server=server, thread=thread, port=port)
