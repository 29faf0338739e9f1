"""`rapport serve` as an operator starts it: a real process, uvicorn, the env contract."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.console.standin import SlackStandIn
from storage.db import Database
from storage.models import Note
from tests import factories as f


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(database: Database, slack: SlackStandIn, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "RAPPORT_"))}
    env |= {
        "DATABASE_URL": database.url,
        "SLACK_SIGNING_SECRET": f.SECRET,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": slack.api_url,
        "RAPPORT_SCHEDULER": "off",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # readiness poll, not a timing assertion
            if process.poll() is not None:
                raise AssertionError(
                    f"rapport serve exited: {process.stdout.read() if process.stdout else ''}"
                )
            try:
                if f.get(url + "/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise AssertionError("rapport serve did not become healthy")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


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
