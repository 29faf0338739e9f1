"""How long Slack waits for /note: server-side time from request received to ack sent.

Preloads 10,000 customers and 100,000 notes, then sends 2,000 signed `/note` requests over
HTTP to the real server (Starlette + uvicorn + Bolt) and times each one inside the server:
from the moment the ASGI app is called to the moment the response starts. Slack allows
3 seconds; the target is p99 < 50 ms on SQLite and on PostgreSQL. The same run's baseline
is GET /healthz (one `SELECT 1`), i.e. the cost of HTTP and a database round trip alone.

    .venv/bin/python bench/note_latency.py [--requests 2000] [--customers 10000] [--notes 100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from bench.common import percentile, scratch_database
from bot.app.config import Settings
from bot.app.factory import build_app
from bot.app.runtime import Runtime
from bot.app.web import build_web, serve_in_thread
from bot.console import payloads
from bot.console.standin import SlackStandIn
from storage.db import Database
from storage.models import Customer, CustomerName, Note, Workspace

TEAM, SECRET = "TBENCH", "bench-signing-secret"
WORDS = [
    "called",
    "emailed",
    "met",
    "visited",
    "pricing",
    "renewal",
    "contract",
    "seats",
    "onboarding",
    "invoice",
    "demo",
]
ZH = ["电话", "沟通", "报价", "续费", "合同", "拜访", "需求", "反馈", "采购", "会议"]

Timings = list[float]


class ServerTimer:
    """ASGI wrapper: per-path time from the app being called to the response starting."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.timings: dict[str, Timings] = {}

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                self.timings.setdefault(scope["path"], []).append((time.perf_counter() - started) * 1000)
            await send(message)

        await self.app(scope, receive, timed_send)


def customer_name(i: int) -> str:
    return f"customer{i:05d}" if i % 5 else f"客户{i:05d}"


def preload(db: Database, customers: int, notes: int) -> None:
    now = datetime.now(UTC)
    rng = random.Random(7)
    with db.engine.begin() as connection:
        connection.execute(
            insert(Workspace).values(team_id=TEAM, tz="UTC", currency="USD", locale="en", created_at=now)
        )
        connection.execute(
            insert(Customer),
            [
                {
                    "id": i + 1,
                    "team_id": TEAM,
                    "name": customer_name(i),
                    "normalized": customer_name(i),
                    "kind": "company",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(customers)
            ],
        )
        connection.execute(
            insert(CustomerName),
            [
                {
                    "team_id": TEAM,
                    "customer_id": i + 1,
                    "name": customer_name(i),
                    "normalized": customer_name(i),
                    "is_alias": False,
                }
                for i in range(customers)
            ],
        )
        batch: list[dict[str, Any]] = []
        for n in range(notes):
            body = " ".join(rng.choice(ZH if n % 5 == 0 else WORDS) for _ in range(8))
            batch.append(
                {
                    "team_id": TEAM,
                    "customer_id": rng.randrange(customers) + 1,
                    "author_id": f"U{n % 50:03d}",
                    "text": body,
                    "body": body,
                    "lang": "zh" if n % 5 == 0 else "en",
                    "source": "command",
                    "category": "general",
                    "created_at": now - timedelta(minutes=notes - n),
                }
            )
            if len(batch) == 10_000:
                connection.execute(insert(Note), batch)
                batch = []
        if batch:
            connection.execute(insert(Note), batch)
    if db.dialect == "postgresql":
        with db.engine.begin() as connection:
            # The sequences did not move for the explicit ids above.
            connection.exec_driver_sql("SELECT setval('customer_id_seq', (SELECT max(id) FROM customer))")
            connection.exec_driver_sql("ANALYZE")


def run_requests(db: Database, requests: int, customers: int) -> dict[str, Timings]:
    import urllib.request

    slack = SlackStandIn(team_id=TEAM).start()
    settings = Settings(DATABASE_URL=db.url, SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SECRET)
    app = build_app(
        Runtime(settings=settings, db=db), token="xoxb-bench", signing_secret=SECRET, api_url=slack.api_url
    )
    timer = ServerTimer(build_web(app, db, signing_secret=SECRET))
    server = serve_in_thread(timer)  # type: ignore[arg-type]
    rng = random.Random(11)
    round_trips: Timings = []
    try:
        for n in range(requests):
            who = customer_name(rng.randrange(customers)) if n % 10 else f"newco{n}"
            words = " ".join(rng.choice(WORDS) for _ in range(6))
            body = payloads.slash_command(
                command="/note",
                text=f"{who} {words} follow up next tue #bench #t{n % 20}",
                team_id=TEAM,
                user_id=f"U{n % 50:03d}",
                channel_id="CBENCH",
                response_url=slack.response_url(str(n)),
            )
            headers = payloads.signed_headers(body, SECRET, content_type=payloads.FORM)
            started = time.perf_counter()
            request = urllib.request.Request(
                server.url + "/slack/events", data=body.encode(), headers=headers
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200, response.status
                response.read()
            round_trips.append((time.perf_counter() - started) * 1000)
            if n % 4 == 0:
                with urllib.request.urlopen(server.url + "/healthz", timeout=10) as health:
                    health.read()
    finally:
        server.stop()
        slack.stop()
    return {
        "/note (server)": timer.timings.get("/slack/events", []),
        "/note (round trip)": round_trips,
        "GET /healthz (server, baseline)": timer.timings.get("/healthz", []),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    rows = []
    for name in args.backends.split(","):
        with scratch_database(name) as db:
            started = time.perf_counter()
            preload(db, args.customers, args.notes)
            took = time.perf_counter() - started
            print(f"{name}: preloaded {args.customers:,} customers, {args.notes:,} notes in {took:.1f} s")
            for label, values in run_requests(db, args.requests, args.customers).items():
                rows.append(
                    (name, label, len(values), statistics.median(values), percentile(values, 99), max(values))
                )
    print()
    print("| database | measure | requests | p50 ms | p99 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|")
    for name, label, count, p50, p99, worst in rows:
        print(f"| {name} | {label} | {count:,} | {p50:.1f} | {p99:.1f} | {worst:.1f} |")


if __name__ == "__main__":
    main()
