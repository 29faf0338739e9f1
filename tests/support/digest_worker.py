"""One digest dispatcher in its own process, at a given moment: `python -m tests.support.digest_worker
DATABASE_URL SLACK_API_URL TEAM OWNER ISO_MOMENT GO_FILE`. It waits for GO_FILE to exist (so that
several start together), runs one tick, and prints how many summaries it sent."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

from slack_sdk import WebClient

from bot.jobs.digests import DigestDispatcher
from storage.db import Database
from tests.support.clock import FrozenClock


def main(url: str, api_url: str, team: str, owner: str, moment: str, go: str) -> None:
    db = Database(url)
    dispatcher = DigestDispatcher(
        db=db,
        client=WebClient(token="xoxb-test", base_url=api_url),
        team_ids=[team],
        clock=FrozenClock(datetime.fromisoformat(moment)),
        owner=owner,
    )
    while not Path(go).exists():
        time.sleep(0.01)
    print(dispatcher.run_once())


if __name__ == "__main__":
    main(*sys.argv[1:7])
