"""Several `rapport worker` processes against one PostgreSQL: every reminder reaches Slack exactly
once, even when one worker is killed with SIGKILL mid-run, and when Slack answers 429."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.console.standin import Call, SlackStandIn
from storage.db import Database
from storage.models import FollowUp
from tests.support.databases import empty_tables
from tests.support.seed import seed_follow_ups
from tests.support.waiting import wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

TEAM = "T1"
REMINDERS = 2000
CHANNELS = 400
WORKERS = 3


@pytest.fixture
def pg(postgres_database: Database) -> Iterator[Database]:
    empty_tables(postgres_database)
    yield postgres_database


def _worker(db: Database, slack: SlackStandIn, tmp_path: Path, n: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "RAPPORT_"))}
    env |= {
        "DATABASE_URL": db.url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": slack.api_url,
        "RAPPORT_REMINDER_LEASE": "5",
    }
    log = (tmp_path / f"worker{n}.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
    )


def _unsent(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count()).select_from(FollowUp).where(FollowUp.sent_at.is_(None))
            ).scalar_one()
        )  # type: ignore[union-attr]


def _delivered(slack: SlackStandIn) -> Counter[int]:
    return Counter(int(m["metadata"]["event_payload"]["follow_up_id"]) for m in slack.messages())


def _run(
    db: Database, slack: SlackStandIn, tmp_path: Path, *, kill_one: bool, count: int = REMINDERS
) -> Counter[int]:
    start = datetime.now(UTC) + timedelta(seconds=2)
    seed_follow_ups(
        db, team_id=TEAM, count=count, channels=CHANNELS, start=start, spread=timedelta(seconds=3)
    )
    workers = [_worker(db, slack, tmp_path, n) for n in range(WORKERS)]
    try:
        if kill_one:  # a quarter of the way in, while every worker holds claims
            wait_for(lambda: len(slack.messages()) >= count // 4, "a quarter of the reminders", within=120)
            workers[0].send_signal(signal.SIGKILL)
            assert _unsent(db) > 0, "the run finished before a worker could be killed"
        wait_for(lambda: _unsent(db) == 0, "every reminder marked sent", within=240)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
            worker.wait(timeout=30)
    return _delivered(slack)


def test_three_workers_one_killed_deliver_every_reminder_exactly_once(
    pg: Database, slack: SlackStandIn, tmp_path: Path
) -> None:
    delivered = _run(pg, slack, tmp_path, kill_one=True)

    assert len(delivered) == REMINDERS  # none lost
    assert [fid for fid, times in delivered.items() if times > 1] == []  # none twice


def test_three_workers_through_429s_deliver_every_reminder_exactly_once(
    pg: Database, slack: SlackStandIn, tmp_path: Path
) -> None:
    posts = Counter[str]()

    def every_fifth_is_rate_limited(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        posts["n"] += 1
        if posts["n"] % 5 == 0:
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
        return None

    slack.respond_with("chat.postMessage", every_fifth_is_rate_limited)

    delivered = _run(pg, slack, tmp_path, kill_one=True)

    assert posts["n"] >= REMINDERS * 5 // 4 - 5  # the 429s really happened and were retried
    assert len(delivered) == REMINDERS
    assert [fid for fid, times in delivered.items() if times > 1] == []


def test_history_answering_429_during_takeovers_never_becomes_a_repost(
    pg: Database, slack: SlackStandIn, tmp_path: Path
) -> None:
    """A worker is killed while holding claims; its successors must look for its posts, and
    Slack's history answers half the lookups (at random, seeded) with 429. None of that may post
    a reminder twice."""
    import random

    lookups = Counter[str]()
    posts = Counter[str]()
    coin = random.Random(11)

    def half_the_lookups_are_rate_limited(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        lookups["n"] += 1
        if coin.random() < 0.5:
            lookups["429"] += 1
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
        return None

    def some_answers_are_lost(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        posts["n"] += 1
        if posts["n"] % 50 == 0:  # posted, but the answer is a 500: the reminder becomes unsure
            slack.record_message(call)
            return 500, {"ok": False, "error": "internal_error"}, {}
        return None

    slack.respond_with("conversations.history", half_the_lookups_are_rate_limited)
    slack.respond_with("chat.postMessage", some_answers_are_lost)

    # Fewer reminders than the others: each takeover may need several lookups through the 429s.
    delivered = _run(pg, slack, tmp_path, kill_one=True, count=REMINDERS // 4)

    assert lookups["429"] > 0  # takeovers looked, and met the 429s
    assert len(delivered) == REMINDERS // 4
    assert [fid for fid, times in delivered.items() if times > 1] == []
