"""The app as Slack sees it, talking to the Slack stand-in: `rapport` dispatches each signed
request straight into the Bolt app (in-process, the fast tier), `rapport_http` sends it to the
real HTTP server on a free loopback port (for what the HTTP layer itself decides: signatures
before Bolt, sizes, replays). Both answer through the same listeners and the same lazy pool."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from slack_bolt import App, BoltRequest

from bot.app.config import Settings
from bot.app.factory import build_app
from bot.app.runtime import Runtime
from bot.app.web import build_web, serve_in_thread
from bot.console.standin import SlackStandIn
from bot.render.limits import check_message
from storage.db import Database
from tests import factories as f
from tests.support.clock import FrozenClock
from tests.support.lazy import SettlingExecutor


@dataclass
class Rapport:
    """The running app, seen from Slack's side.

    What a listener sends to Slack goes out after the HTTP answer, on lazy listeners: the helpers
    that send a request (`post`, `command`, `click`) return once that work is done too."""

    db: Database
    slack: SlackStandIn
    clock: FrozenClock
    lazy: SettlingExecutor
    app: App
    url: str | None = None  # the HTTP server's, when requests go over HTTP
    _responses: int = 0

    def post(self, body: str | bytes, headers: dict[str, str], *, settle: bool = True) -> f.HttpAnswer:
        """A request to POST /slack/events; returns after the answer and what followed it
        (`settle=False`: at the answer, while what follows may still be on its way)."""
        if self.url is not None:
            answer = f.post(self.url + "/slack/events", body, headers)
        else:
            text = body.decode() if isinstance(body, bytes) else body
            bolt = self.app.dispatch(BoltRequest(body=text, headers=headers))
            answer = f.HttpAnswer(bolt.status, bolt.body)
        if settle:
            self.settle()
        return answer

    def settle(self) -> None:
        """Waits for the lazy listeners started so far (what follows the answers to Slack)."""
        self.lazy.settle()

    def response_url(self) -> str:
        self._responses += 1
        return self.slack.response_url(f"r{self._responses}")

    def command(
        self, text: str, *, command: str = "/note", user: str = f.USER, settle: bool = True
    ) -> f.HttpAnswer:
        """The slash command over HTTP; its answer (what Slack shows) must be one Slack takes."""
        body = f.command_body(text, command=command, user=user, response_url=self.response_url())
        answer = self.post(body, f.signed(body), settle=settle)
        if answer.status == 200 and answer.body.startswith("{"):
            check_message(answer.json())
        return answer

    def click(self, action_id: str, value: str, *, user: str = f.USER, settle: bool = True) -> f.HttpAnswer:
        body = f.button_body(action_id, value, user=user, response_url=self.response_url())
        return self.post(body, f.signed(body), settle=settle)

    def recompute(self) -> str:
        """`/crm recompute`, which answers at once and says what it did after: that saying."""
        before = len(self.responses())
        assert "Classifying" in self.command("recompute", command="/crm").json()["text"]
        said = self.responses()[before:]  # posted after the answer: settled by now
        assert said, "/crm recompute said nothing after its answer"
        return str(said[-1]["text"])

    def responses(self) -> list[dict[str, Any]]:
        return [call.params for call in self.slack.calls_to("response_url")]


def make_settings(db: Database, **extra: str) -> Settings:
    return Settings(DATABASE_URL=db.url, SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET=f.SECRET, **extra)


def _running(database: Database, slack: SlackStandIn, clock: FrozenClock) -> tuple[App, SettlingExecutor]:
    rt = Runtime(settings=make_settings(database), db=database, clock=clock)
    # A real thread pool, not inline: the tests see that the answer goes back before Slack is called.
    lazy = SettlingExecutor()
    app = build_app(rt, token="xoxb-test", signing_secret=f.SECRET, api_url=slack.api_url, lazy_executor=lazy)
    return app, lazy


@pytest.fixture
def rapport(database: Database, slack: SlackStandIn, clock: FrozenClock) -> Iterator[Rapport]:
    """Signed requests dispatched in-process: Bolt checks each signature, as over HTTP."""
    app, lazy = _running(database, slack, clock)
    yield Rapport(db=database, slack=slack, clock=clock, lazy=lazy, app=app)
    lazy.settle()  # before the stand-in stops: what is still on its way is checked too
    lazy.shutdown()


@pytest.fixture
def rapport_http(database: Database, slack: SlackStandIn, clock: FrozenClock) -> Iterator[Rapport]:
    """Signed requests over HTTP to the real server (bot.web), on a free loopback port."""
    app, lazy = _running(database, slack, clock)
    server = serve_in_thread(build_web(app, database, signing_secret=f.SECRET))
    yield Rapport(db=database, slack=slack, clock=clock, lazy=lazy, app=app, url=server.url)
    lazy.settle()
    server.stop()
    lazy.shutdown()
