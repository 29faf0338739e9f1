"""The scheduler's jobs: each kind of work on its own clock. A weekly summary that takes its time
never holds reminders back, and the 6-hourly recompute runs once per period across processes."""

from __future__ import annotations

import threading
from datetime import timedelta

from slack_sdk import WebClient

from bot.app.scheduler import start_background
from bot.console.standin import Call, Reply
from bot.jobs.reminders import Dispatcher
from storage import customers, followups
from tests import factories as f
from tests.e2e.conftest import Rapport
from tests.support.waiting import wait_for

REMINDERS = 200
SEGMENTS = ["vip", "at-risk", "new", "churned", "complaints"]


def _is_summary(call: Call) -> bool:
    return "summary" in str(call.params.get("text", "")).lower()


def test_five_summaries_due_with_200_reminders_do_not_hold_the_reminders_back(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k #vip")  # now: Tuesday 2026-03-10 09:00 UTC
    for segment in SEGMENTS:
        answer = rapport.command(f"digest subscribe {segment} every wednesday 9:00", command="/crm").json()
        assert "every Wednesday at 9:00" in answer["text"], answer["text"]
    due = rapport.clock.now + timedelta(days=1, minutes=1)  # a minute after the summaries
    with rapport.db.session() as session:
        [acme] = customers.find_names(session=session, team_id=f.TEAM, normalized=["acme"])
        for n in range(REMINDERS):  # one channel each: Slack's one-post-a-second pacing stays out of it
            followups.create_follow_up(
                session=session,
                team_id=f.TEAM,
                customer_id=acme.customer_id,
                note_id=None,
                assignee_id=f.USER,
                created_by=f.USER,
                slack_channel_id=f"C{100 + n}",
                text=f"call back {n}",
                due_at=due,
                now=rapport.clock.now,
            )
    release, summaries_started = threading.Event(), threading.Event()

    def slow_summary(call: Call) -> Reply | None:
        if _is_summary(call):  # a summary and its chart take seconds: here, until released
            summaries_started.set()
            release.wait(timeout=60)
        return None

    rapport.slack.respond_with("chat.postMessage", slow_summary)
    rapport.clock.advance(days=1, seconds=1)  # Wednesday 9:00:01: the five summaries are due
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    dispatcher = Dispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner="p1")
    scheduler = start_background(dispatcher)
    try:
        assert summaries_started.wait(timeout=30)  # the first summary is being sent, and takes its time
        rapport.clock.advance(minutes=1)  # 9:01:01: the 200 reminders fall due meanwhile
        posted = wait_for(
            lambda: [c for c in rapport.slack.calls_to("chat.postMessage") if not _is_summary(c)][
                REMINDERS - 1 :
            ],
            "all 200 reminders posted while the first summary is still being sent",
        )
        assert posted and not release.is_set()
        release.set()
        wait_for(
            lambda: len([c for c in rapport.slack.calls_to("chat.postMessage") if _is_summary(c)]) >= 5,
            "the five summaries",
        )
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    reminder_posts = [c for c in rapport.slack.calls_to("chat.postMessage") if not _is_summary(c)]
    assert len(reminder_posts) == REMINDERS  # each once


def test_the_recompute_runs_once_per_period_with_three_workers(rapport: Rapport) -> None:
    from bot.insights.reclassify import recompute_due

    rapport.command("acme bought 20 seats for $12k #vip")
    start = threading.Barrier(3)
    ran: list[str] = []

    def worker(owner: str) -> None:
        start.wait()
        if recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner=owner) is not None:
            ran.append(owner)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ran) == 1  # one of three, for this period

    rapport.clock.advance(hours=2)  # the same 6-hour period: nobody runs it again
    assert recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner="w9") is None
    rapport.clock.advance(hours=4)  # the next period
    assert recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner="w1") is not None


def test_a_recompute_left_unfinished_by_a_dead_worker_is_taken_over_after_its_lease(rapport: Rapport) -> None:
    from bot.insights.reclassify import RUN_LEASE, period_of, recompute_due
    from storage import runs

    rapport.command("acme bought 20 seats for $12k #vip")
    with rapport.db.session() as session:  # a worker claims the period, then dies
        assert runs.claim(
            session=session,
            team_id=f.TEAM,
            job="recompute",
            period=period_of(rapport.clock.now),
            owner="dead",
            now=rapport.clock.now,
            lease=RUN_LEASE,
        )

    assert recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner="w1") is None
    rapport.clock.advance(seconds=RUN_LEASE.total_seconds() + 1)
    assert recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner="w1") is not None
    assert recompute_due(db=rapport.db, team_id=f.TEAM, now=rapport.clock.now, owner="w2") is None


def test_periods_are_six_hours_from_midnight_utc() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.insights.reclassify import period_of

    assert period_of(datetime(2026, 3, 10, 5, 59, tzinfo=UTC)) == "2026-03-10T00"
    assert period_of(datetime(2026, 3, 10, 6, 0, tzinfo=UTC)) == "2026-03-10T06"
    assert period_of(datetime(2026, 3, 10, 1, 0, tzinfo=ZoneInfo("Asia/Shanghai"))) == "2026-03-09T12"
