"""Weekly summaries: subscribe over HTTP, the clock passes the due time, one summary arrives —
even with two dispatchers — and a week missed during downtime is sent once, marked late."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from sqlmodel import select

from bot.jobs.digests import DigestDispatcher
from storage.models import DigestPeriod
from tests import factories as f
from tests.e2e.conftest import Rapport


def _dispatcher(rapport: Rapport, owner: str) -> DigestDispatcher:
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    return DigestDispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner=owner)


def _summaries(rapport: Rapport) -> list[dict[str, Any]]:
    return [c.params for c in rapport.slack.calls_to("chat.postMessage")]


def _seed(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k #vip")
    rapport.command("globex complained about the invoice #vip")
    rapport.recompute()


def test_subscribe_then_one_summary_at_the_due_time_even_with_two_dispatchers(rapport: Rapport) -> None:
    _seed(rapport)  # now: Tuesday 2026-03-10 09:00 UTC
    answer = rapport.command("digest subscribe vip every wednesday 9:00", command="/crm").json()
    assert "every Wednesday at 9:00 (UTC)" in answer["text"]
    first, second = _dispatcher(rapport, "p1"), _dispatcher(rapport, "p2")

    assert first.run_once() + second.run_once() == 0  # not due yet
    rapport.clock.advance(days=1, seconds=5)
    assert first.run_once() + second.run_once() == 1

    [summary] = _summaries(rapport)
    shown = f.all_text(summary["blocks"])
    assert summary["channel"] == f.CHANNEL
    assert "Weekly summary: vip — 2 customers" in shown
    assert "acme — 12,000 USD" in shown  # top by value
    assert "Complaints this week*\n1 opened · 0 resolved" in shown
    assert "Late" not in shown


def test_a_week_missed_during_downtime_is_sent_once_marked_late_and_joins_are_tracked(
    rapport: Rapport,
) -> None:
    _seed(rapport)
    rapport.command("digest subscribe vip every wednesday 9:00", command="/crm")
    rapport.clock.advance(days=1, seconds=5)
    _dispatcher(rapport, "p1").run_once()
    rapport.command("initech bought a licence for $300 #vip")
    rapport.clock.advance(days=7, hours=5)  # down over next Wednesday 9:00

    assert _dispatcher(rapport, "p1").run_once() == 1
    assert _dispatcher(rapport, "p2").run_once() == 0

    late = f.all_text(_summaries(rapport)[-1]["blocks"])
    assert "Sent late" in late and "*Joined:* initech" in late
    with rapport.db.session() as session:
        periods = list(session.exec(select(DigestPeriod).order_by(DigestPeriod.period)))  # type: ignore[arg-type]
    assert [(p.period, p.late) for p in periods] == [("2026-03-11", False), ("2026-03-18", True)]


def test_list_unsubscribe_preview_and_usage(rapport: Rapport) -> None:
    _seed(rapport)
    rapport.command("digest subscribe vip 每周五 18:30 Asia/Shanghai", command="/crm")

    listed = rapport.command("digest list", command="/crm").json()["text"]
    preview = rapport.command("digest preview vip", command="/crm").json()
    stopped = rapport.command("digest unsubscribe vip", command="/crm").json()["text"]

    assert "*vip* — Friday 18:30 (Asia/Shanghai)" in listed
    assert "Weekly summary: vip" in f.all_text(preview["blocks"])
    assert "Stopped 1 summary" in stopped
    assert (
        "/crm digest subscribe <segment>"
        in rapport.command("digest subscribe vip someday", command="/crm").json()["text"]
    )
    assert (
        "no segment called nope"
        in rapport.command("digest subscribe nope every monday 9:00", command="/crm").json()["text"]
    )
