"""Reminder delivery under load: lateness, duplicates and losses.

10,000 follow-ups fall due evenly over one minute across 2,000 channels. `rapport worker`
processes (3 on PostgreSQL, 1 on SQLite) deliver them to a local Slack stand-in without rate
limits. Lateness is the stand-in's arrival time minus the due time. Targets: p99 <= 1 s,
0 duplicates, 0 lost.

With `--summaries N`, N weekly summaries fall due in the same minute as the first reminders, and
the stand-in takes `--summary-seconds` to accept each one (a summary with its chart takes seconds):
the run shows whether reminders wait for them.

    .venv/bin/python bench/reminders.py [--count 10000] [--channels 2000] [--spread 60]
                                        [--summaries 5] [--summary-seconds 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from bench.common import percentile, scratch_database
from bot.console.standin import Call, SlackStandIn
from storage.db import Database
from storage.models import DigestSubscription, FollowUp
from tests.support.seed import seed_follow_ups

TEAM = "T0CONSOLE"  # the stand-in's auth.test answers with this workspace


def unsent(db: Database) -> int:
    with db.engine.connect() as connection:
        statement = select(func.count()).select_from(FollowUp).where(FollowUp.sent_at.is_(None))  # type: ignore[union-attr]
        return int(connection.execute(statement).scalar_one())


def _subscribe(db: Database, summaries: int, at: datetime) -> None:
    """`summaries` weekly summaries due at `at`'s minute (UTC), subscribed a week before."""
    with db.session() as session:
        for n in range(summaries):
            session.add(
                DigestSubscription(
                    team_id=TEAM,
                    channel_id=f"CSUM{n}",
                    segment="at-risk",
                    weekday=at.weekday(),
                    hour=at.hour,
                    minute=at.minute,
                    tz="UTC",
                    created_by="UBENCH",
                    created_at=at - timedelta(days=7),
                )
            )


def _slow_summaries(slack: SlackStandIn, seconds: float) -> None:
    def slow(call: Call) -> None:
        if str(call.params.get("channel", "")).startswith("CSUM"):
            time.sleep(seconds)  # the bench's stand-in for a summary that takes its time

    slack.respond_with("chat.postMessage", slow)


def run(
    name: str,
    workers: int,
    count: int,
    channels: int,
    spread: float,
    summaries: int = 0,
    summary_seconds: float = 2.0,
) -> tuple[str, int, list[float], int, int]:
    slack = SlackStandIn().start()
    if summaries:
        _slow_summaries(slack, summary_seconds)
    with scratch_database(name) as db:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "RAPPORT_"))}
        env |= {"DATABASE_URL": db.url, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_API_URL": slack.api_url}
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "worker"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        try:
            while len(slack.calls_to("auth.test")) < workers:  # every worker is up and ticking
                time.sleep(0.1)
            start = datetime.now(UTC) + timedelta(seconds=2)
            seed_follow_ups(
                db,
                team_id=TEAM,
                count=count,
                channels=channels,
                start=start,
                spread=timedelta(seconds=spread),
            )
            if summaries:
                _subscribe(db, summaries, start)
            deadline = time.monotonic() + spread + 120
            while unsent(db) and time.monotonic() < deadline:
                time.sleep(0.5)
            lost_in_db = unsent(db)
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=30)
    arrivals: dict[int, list[float]] = {}
    due: dict[int, float] = {}
    for call in slack.calls_to("chat.postMessage"):
        payload = (call.params.get("metadata") or {}).get("event_payload") or {}
        if "follow_up_id" not in payload:
            continue  # a summary
        follow_up_id = int(payload["follow_up_id"])
        arrivals.setdefault(follow_up_id, []).append(call.at)
        due[follow_up_id] = datetime.fromisoformat(payload["due"]).timestamp()
    posted_summaries = sum(
        1 for c in slack.calls_to("chat.postMessage") if str(c.params.get("channel")).startswith("CSUM")
    )
    if summaries:
        print(f"{name}: {posted_summaries} of {summaries} summaries posted", flush=True)
    slack.stop()
    lateness = [(min(times) - due[fid]) * 1000 for fid, times in arrivals.items()]
    duplicates = sum(len(times) - 1 for times in arrivals.values())
    lost = count - len(arrivals)
    assert lost >= lost_in_db
    return name, workers, lateness, duplicates, lost


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--channels", type=int, default=2_000)
    parser.add_argument("--spread", type=float, default=60.0)
    parser.add_argument("--runs", default="postgresql:3,sqlite:1")
    parser.add_argument("--summaries", type=int, default=0)
    parser.add_argument("--summary-seconds", type=float, default=2.0)
    args = parser.parse_args()
    rows = []
    for spec in args.runs.split(","):
        name, workers = spec.split(":")
        rows.append(
            run(
                name,
                int(workers),
                args.count,
                args.channels,
                args.spread,
                args.summaries,
                args.summary_seconds,
            )
        )
        print(f"{name}: done", flush=True)
    print()
    if args.summaries:
        print(f"{args.summaries} weekly summaries due in the first minute, {args.summary_seconds:g} s each\n")
    print("| database | workers | reminders | lateness p50 ms | p99 ms | max ms | duplicates | lost |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, workers, lateness, duplicates, lost in rows:
        print(
            f"| {name} | {workers} | {args.count:,} | {statistics.median(lateness):.0f} | "
            f"{percentile(lateness, 99):.0f} | {max(lateness):.0f} | {duplicates} | {lost} |"
        )


if __name__ == "__main__":
    main()
