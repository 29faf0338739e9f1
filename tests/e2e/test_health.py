"""GET /healthz says 503 when the database does not answer."""

from __future__ import annotations

import socket

from bot.app.config import Settings
from bot.app.factory import build_app
from bot.app.runtime import Runtime
from bot.app.web import build_web, serve_in_thread
from bot.console.standin import SlackStandIn
from storage.db import Database
from tests import factories as f


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_healthz_is_503_when_the_database_is_unreachable(slack: SlackStandIn) -> None:
    db = Database(f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/nothing?connect_timeout=2")
    settings = Settings(DATABASE_URL=db.url, SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET=f.SECRET)
    app = build_app(
        Runtime(settings=settings, db=db), token="xoxb-test", signing_secret=f.SECRET, api_url=slack.api_url
    )
    server = serve_in_thread(build_web(app, db, signing_secret=f.SECRET))
    try:
        answer = f.get(server.url + "/healthz")
    finally:
        server.stop()

    assert answer.status == 503
    assert answer.json() == {"database": "unreachable"}
