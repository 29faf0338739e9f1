"""HTTP mode: Slack's requests on POST /slack/events, health on GET /healthz.

Bolt's listeners are synchronous, so each dispatch runs on Starlette's thread pool rather
than on the event loop, where one slow database call would stall every other request.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from storage.db import Database

MAX_BODY = 1_000_000  # Slack's payloads are far smaller; anything bigger is not from Slack


def build_web(app: App, db: Database) -> Starlette:
    async def slack_events(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_BODY:
            return PlainTextResponse("request body too large", status_code=413)
        if not request.headers.get("x-slack-request-timestamp", "").isdigit():
            # Bolt would trip over a non-numeric timestamp; it cannot be a signed request anyway.
            return PlainTextResponse("missing or malformed Slack signature headers", status_code=401)
        try:
            bolt_request = to_bolt_request(request, body)
        except ValueError:  # not UTF-8, or a payload that is not JSON
            return PlainTextResponse("malformed request body", status_code=400)
        bolt_response = await run_in_threadpool(app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    async def healthz(_: Request) -> Response:
        ok = await run_in_threadpool(db.ping)
        return JSONResponse({"database": "ok" if ok else "unreachable"}, status_code=200 if ok else 503)

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


def serve(web: Starlette, *, host: str, port: int) -> None:
    uvicorn.run(web, host=host, port=port, log_level="info", access_log=False, proxy_headers=True)


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


def serve_in_thread(web: Starlette) -> RunningServer:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    config = uvicorn.Config(web, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="rapport-http", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the HTTP server did not start")
        time.sleep(0.01)
    return RunningServer(server=server, thread=thread, port=port)
