"""`rapport serve` as an operator starts it: a real process, uvicorn, the env contract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.console.standin import SlackStandIn
from storage.db import Database
from storage.models import Note
from tests import factories as f
from tests.support.serve import launch_serve

pytestmark = pytest.mark.slow


@pytest.fixture
def served(database: Database, slack: SlackStandIn, tmp_path: Path) -> Iterator[str]:
    server = launch_serve(
        database_url=database.url,
        api_url=slack.api_url,
        secret=f.SECRET,
        log=tmp_path / "serve.log",
        extra_env={"RAPPORT_SCHEDULER": "off"},
    )
    try:
        server.wait_healthy()
        yield server.url
    finally:
        server.stop()


def test_served_process_answers_signed_note_and_rejects_unsigned(
    served: str, database: Database, slack: SlackStandIn
) -> None:
    body = f.command_body("acme called re pricing #pricing", response_url=slack.response_url("r1"))

    unsigned = f.post(served + "/slack/events", body, {"content-type": "application/x-www-form-urlencoded"})
    signed = f.post(served + "/slack/events", body, f.signed(body))

    assert unsigned.status == 401
    assert signed.status == 200 and signed.json()["response_type"] == "ephemeral"
    with database.session() as session:
        [note] = session.exec(select(Note)).all()
    assert note.body.startswith("called re pricing")
    assert f.get(served + "/healthz").status == 200
    assert slack.calls_to("auth.test"), "the server checks its bot token with Slack"
