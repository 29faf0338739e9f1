"""The weekly summary's chart: a PNG uploaded (files upload API) into the summary's thread, once,
even with two dispatcher processes; a failed upload leaves the summary saying so; a summary
taken over from a stopped process gets its chart once."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from PIL import Image
from slack_sdk import WebClient
from sqlmodel import select

from bot.console.standin import Call
from bot.digests.schedule import due_moment
from bot.jobs.digests import METADATA_EVENT, DigestDispatcher
from storage import digests as digest_store
from storage.models import DigestPeriod, DigestSubscription
from tests import factories as f
from tests.e2e.conftest import Rapport
from tests.support.waiting import wait_for


def _dispatcher(rapport: Rapport, owner: str) -> DigestDispatcher:
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    return DigestDispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner=owner)


def _subscribed(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k #vip")
    rapport.command("globex complained about the invoice #vip")
    rapport.recompute()
    rapport.command("digest subscribe vip every wednesday 9:00", command="/crm")


def _wait_for(rapport: Rapport, method: str) -> list[Call]:
    """`digest send` posts after the answer to Slack; the request returned once it had."""
    calls = rapport.slack.calls_to(method)
    assert calls, f"{method} never arrived"
    return calls


def _png(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_two_dispatcher_processes_post_one_summary_and_upload_one_chart_into_its_thread(
    rapport: Rapport, tmp_path: Path
) -> None:
    _subscribed(rapport)  # every Wednesday; and one every Monday (the clock starts on a Tuesday)
    rapport.command("digest subscribe at-risk every monday 9:00", command="/crm")
    rapport.clock.advance(days=1, seconds=5)  # Wednesday 9:00:05: the vip summary
    assert _dispatcher(rapport, "p0").run_once() == 1
    moment = rapport.clock.advance(days=5)  # Monday 9:00:05: the at-risk summary, from two processes
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.digest_worker", rapport.db.url, rapport.slack.api_url,
             f.TEAM, f"p{n}", moment.isoformat(), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],
        )
        for n in (1, 2)
    ]  # fmt: skip
    go.touch()
    outcomes = [worker.communicate(timeout=120) for worker in workers]

    assert [w.returncode for w in workers] == [0, 0], [err.decode()[-2000:] for _, err in outcomes]
    assert sorted(int(out) for out, _ in outcomes) == [0, 1]
    _, summary = rapport.slack.calls_to("chat.postMessage")
    assert "Weekly summary: at-risk" in summary.params["text"]
    assert len(rapport.slack.calls_to("files.getUploadURLExternal")) == 2
    assert len(rapport.slack.calls_to("upload")) == 2
    _, completed = rapport.slack.calls_to("files.completeUploadExternal")
    _, chart = rapport.slack.files()
    posted = [m for m in rapport.slack.messages() if m.get("metadata")][-1]
    assert completed.params["channel_id"] == f.CHANNEL == summary.params["channel"]
    assert chart["thread_ts"] == posted["ts"]
    assert chart["name"] == "at-risk-2026-03-16.png"
    image = _png(chart["content"])
    assert image.format == "PNG" and image.size[0] >= 600 and image.size[1] >= 300
    assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 10  # bars, text: not a blank image
    assert "customers this week" in chart["alt_txt"]


def _thread_replies(rapport: Rapport) -> list[dict[str, Any]]:
    return [c.params for c in rapport.slack.calls_to("chat.postMessage") if c.params.get("thread_ts")]


def test_an_upload_that_fails_leaves_the_summary_and_says_so_in_its_thread(rapport: Rapport) -> None:
    _subscribed(rapport)
    rapport.slack.respond_with(
        "files.getUploadURLExternal", lambda call: (200, {"ok": False, "error": "ratelimited"}, {})
    )
    rapport.clock.advance(days=1, seconds=5)

    assert _dispatcher(rapport, "p1").run_once() == 1

    summary, told = rapport.slack.calls_to("chat.postMessage")
    assert rapport.slack.files() == [] and rapport.slack.calls_to("chat.update") == []
    assert "Weekly summary: vip — 2 customers" in f.all_text(summary.params["blocks"])
    assert told.params["thread_ts"] == rapport.slack.messages()[0]["ts"]
    assert "The chart could not be attached (ratelimited)" in told.params["text"]
    assert _dispatcher(rapport, "p2").run_once() == 0  # the week is sent: no second try, no second post


def test_bytes_that_do_not_reach_slack_are_an_upload_failure_too(rapport: Rapport) -> None:
    _subscribed(rapport)
    nowhere = rapport.slack.base_url + "/upload/F-nowhere"  # the stand-in answers 404 there
    rapport.slack.respond_with(
        "files.getUploadURLExternal",
        lambda call: (200, {"ok": True, "upload_url": nowhere, "file_id": "F9"}, {}),
    )
    rapport.clock.advance(days=1, seconds=5)

    assert _dispatcher(rapport, "p1").run_once() == 1

    [told] = _thread_replies(rapport)
    assert "The chart could not be attached (HTTP Error 404: Not Found)" in told["text"]
    assert rapport.slack.calls_to("files.completeUploadExternal") == []


def _stopped_after_posting(rapport: Rapport, *, thread_file: str | None) -> str:
    """A process claimed this week and posted the summary (and maybe a file in its thread), then stopped."""
    with rapport.db.session() as session:
        sub = session.exec(select(DigestSubscription)).one()
    due = due_moment(sub, rapport.clock())
    assert sub.id is not None
    with rapport.db.session() as session:
        digest_store.claim_period(
            session=session, team_id=f.TEAM, subscription_id=sub.id, period=due.date().isoformat(),
            due_at=due, owner="stopped", now=rapport.clock(), lease=timedelta(minutes=5),
        )  # fmt: skip
    meta = {"event_type": METADATA_EVENT, "event_payload": {"subscription": sub.id, "period": "2026-03-11"}}
    posted = rapport.slack.record_message(
        Call("chat.postMessage", {"channel": f.CHANNEL, "text": "summary", "metadata": meta}, {})
    )
    if thread_file is not None:
        client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
        client.files_upload_v2(
            channel=f.CHANNEL, thread_ts=posted["ts"], file=b"\x89PNG", filename=thread_file
        )
    return str(posted["ts"])


def test_a_summary_posted_by_a_stopped_process_gets_its_chart_once(rapport: Rapport) -> None:
    _subscribed(rapport)
    rapport.clock.advance(days=1, seconds=5)
    ts = _stopped_after_posting(rapport, thread_file="screenshot.png")  # someone's reply, not the chart
    rapport.clock.advance(minutes=6)  # past the claim's lease

    assert _dispatcher(rapport, "p2").run_once() == 1
    assert _dispatcher(rapport, "p3").run_once() == 0

    assert rapport.slack.calls_to("chat.postMessage") == []
    screenshot, chart = rapport.slack.files()
    assert screenshot["name"] == "screenshot.png" and chart["name"] == "vip-2026-03-11.png"
    assert chart["thread_ts"] == ts and _png(chart["content"]).format == "PNG"
    with rapport.db.session() as session:
        [period] = session.exec(select(DigestPeriod)).all()
    assert period.slack_ts == ts and period.acquired_by == "p2" and period.sent_at is not None


def test_a_summary_taken_over_with_its_chart_already_there_gets_no_second_chart(rapport: Rapport) -> None:
    _subscribed(rapport)
    rapport.clock.advance(days=1, seconds=5)
    _stopped_after_posting(rapport, thread_file="vip-2026-03-11.png")
    rapport.clock.advance(minutes=6)

    assert _dispatcher(rapport, "p2").run_once() == 1

    assert rapport.slack.calls_to("chat.postMessage") == []
    assert len(rapport.slack.files()) == 1


def test_a_taker_that_cannot_read_the_thread_leaves_the_week_to_the_next(rapport: Rapport) -> None:
    _subscribed(rapport)
    rapport.clock.advance(days=1, seconds=5)
    _stopped_after_posting(rapport, thread_file="vip-2026-03-11.png")
    rapport.clock.advance(minutes=6)
    rapport.slack.respond_with(
        "conversations.replies", lambda call: (200, {"ok": False, "error": "ratelimited"}, {})
    )

    assert _dispatcher(rapport, "p2").run_once() == 0  # cannot tell whether the chart is there

    assert len(rapport.slack.files()) == 1 and rapport.slack.calls_to("chat.postMessage") == []
    with rapport.db.session() as session:
        [period] = session.exec(select(DigestPeriod)).all()
    assert period.sent_at is None and period.acquired_by == "p2"  # taken again once this claim lapses


def test_preview_says_the_chart_comes_with_the_weekly_post(rapport: Rapport) -> None:
    _subscribed(rapport)
    answer: dict[str, Any] = rapport.command("digest preview vip", command="/crm").json()
    assert "The chart comes with the weekly post" in f.all_text(answer["blocks"])


def test_send_posts_this_weeks_summary_and_chart_here_now(rapport: Rapport) -> None:
    _subscribed(rapport)

    answer = rapport.command("digest send vip", command="/crm").json()

    assert "Posting this week's summary of *vip* here" in answer["text"]
    [summary] = _wait_for(rapport, "chat.postMessage")
    _wait_for(rapport, "files.completeUploadExternal")
    [chart] = rapport.slack.files()
    assert summary.params["channel"] == f.CHANNEL and "Weekly summary: vip" in summary.params["text"]
    assert chart["thread_ts"] == rapport.slack.messages()[0]["ts"] and _png(chart["content"]).format == "PNG"
    assert _dispatcher(rapport, "p1").run_once() == 0  # the weekly one is still due on Wednesday


def test_send_where_slack_refuses_the_post_says_what_to_do(rapport: Rapport) -> None:
    _subscribed(rapport)
    rapport.slack.respond_with(
        "chat.postMessage", lambda call: (200, {"ok": False, "error": "not_in_channel"}, {})
    )

    rapport.command("digest send vip", command="/crm")

    [told] = wait_for(
        lambda: [r for r in rapport.responses() if "/invite @Rapport" in str(r.get("text"))], "the refusal"
    )
    assert told["response_type"] == "ephemeral"
    assert rapport.slack.files() == []


def test_send_of_an_unknown_segment_is_refused_at_once(rapport: Rapport) -> None:
    answer = rapport.command("digest send nope", command="/crm").json()
    assert answer["response_type"] == "ephemeral" and "no segment called nope" in answer["text"]
