"""Reminders end to end: a note's follow-up is posted at its time with context and buttons;
Done, Snooze and Reassign update the message in place; failures neither lose nor double a reminder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlmodel import select

from bot.console.standin import Call, SlackStandIn
from bot.jobs.reminders import Dispatcher
from bot.render import reminders as views
from storage.models import FollowUp
from tests import factories as f
from tests.e2e.conftest import Rapport


def _dispatcher(rapport: Rapport, owner: str = "test-dispatcher") -> Dispatcher:
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    return Dispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner=owner)


def _posts(slack: SlackStandIn) -> list[dict[str, Any]]:
    return [c.params for c in slack.calls_to("chat.postMessage")]


def _row(rapport: Rapport) -> FollowUp:
    with rapport.db.session() as session:
        return session.exec(select(FollowUp)).one()


def _element(post: dict[str, Any], action_id: str) -> dict[str, Any]:
    for block in post["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return {**element, "block_id": block.get("block_id")}
    raise AssertionError(f"no {action_id} in reminder")


def _act(rapport: Rapport, action: dict[str, Any], user: str = f.USER) -> None:
    body = f.action_body(action, response_url=rapport.response_url(), user=user)
    assert rapport.post(body, f.signed(body)).status == 200


def test_follow_up_from_a_note_is_posted_at_its_time_with_context_and_buttons(rapport: Rapport) -> None:
    rapport.command("acme: asked about pricing tiers #pricing")
    rapport.clock.advance(minutes=1)
    rapport.command("acme called re pricing, call back in 2 minutes")
    dispatcher = _dispatcher(rapport)

    assert dispatcher.run_once().posted == 0  # not due yet
    rapport.clock.advance(minutes=2)
    report = dispatcher.run_once()

    assert report.posted == 1 and report.late == 0
    [post] = _posts(rapport.slack)
    assert post["channel"] == f.CHANNEL
    shown = f.all_text(post["blocks"])
    assert f"<@{f.USER}>" in post["text"] and "*acme*" in post["text"]
    assert "asked about pricing tiers" in shown  # the latest notes on the customer
    assert "called re pricing" in shown  # the note it came from
    assert post["metadata"]["event_payload"]["follow_up_id"] == _row(rapport).id
    for action_id in (views.DONE_ACTION, views.SNOOZE_ACTION, views.REASSIGN_ACTION):
        _element(post, action_id)
    assert _row(rapport).sent_at == rapport.clock.now
    assert dispatcher.run_once().posted == 0  # once, not again


def test_done_updates_the_message_in_place_once(rapport: Rapport) -> None:
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    _dispatcher(rapport).run_once()
    done = _element(_posts(rapport.slack)[0], views.DONE_ACTION)

    _act(rapport, done)
    _act(rapport, done)  # a second click, or a second look at an old message

    row = _row(rapport)
    assert row.status == "done" and row.completed_at == rapport.clock.now
    first, second = rapport.responses()
    assert first["replace_original"] is True and "followed up with *acme*" in first["text"]
    assert second["replace_original"] is False and "already been handled" in second["text"]


def test_a_strangers_done_snooze_or_reassign_is_refused_politely_and_changes_nothing(
    rapport: Rapport,
) -> None:
    rapport.command("acme called, call back in 2 minutes")  # set by U1, for U1
    rapport.clock.advance(minutes=3)
    _dispatcher(rapport).run_once()
    [post] = _posts(rapport.slack)
    snooze = _element(post, views.SNOOZE_ACTION)
    tomorrow = next(o for o in snooze["options"] if o["value"].startswith("tomorrow|"))
    before = _row(rapport)

    for action in (
        _element(post, views.DONE_ACTION),
        {**snooze, "selected_option": tomorrow},
        {**_element(post, views.REASSIGN_ACTION), "selected_user": f.OTHER_USER},
    ):
        _act(rapport, action, user=f.OTHER_USER)
        told = rapport.responses()[-1]
        assert told["replace_original"] is False and "Only the person it is assigned to" in told["text"]

    after = _row(rapport)
    assert (after.status, after.due_at, after.assignee_id, after.sent_at) == (
        before.status,
        before.due_at,
        before.assignee_id,
        before.sent_at,
    )
    assert all(r["replace_original"] is False for r in rapport.responses())  # the reminder kept its buttons


def test_the_person_who_set_it_may_act_on_a_follow_up_assigned_to_someone_else(rapport: Rapport) -> None:
    rapport.command("acme called, <@U777> call back in 2 minutes")  # set by U1, for U777
    rapport.clock.advance(minutes=3)
    _dispatcher(rapport).run_once()

    _act(rapport, _element(_posts(rapport.slack)[0], views.DONE_ACTION))

    assert _row(rapport).status == "done"


def test_snooze_re_arms_in_the_assignees_time_zone(rapport: Rapport) -> None:
    rapport.slack.users[f.USER] = {"tz": "Asia/Shanghai"}
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)  # 09:03 UTC = 17:03 in Shanghai
    dispatcher = _dispatcher(rapport)
    dispatcher.run_once()
    snooze = _element(_posts(rapport.slack)[0], views.SNOOZE_ACTION)
    tomorrow = next(o for o in snooze["options"] if o["value"].startswith("tomorrow|"))

    _act(rapport, {**snooze, "selected_option": tomorrow})

    row = _row(rapport)
    assert row.due_at == datetime(2026, 3, 11, 1, 0, tzinfo=UTC)  # 9:00 in Shanghai
    assert row.sent_at is None and row.status == "open"
    assert "snoozed" in rapport.responses()[-1]["text"]
    rapport.clock.now = datetime(2026, 3, 11, 1, 0, tzinfo=UTC)
    assert dispatcher.run_once().posted == 1
    assert len(_posts(rapport.slack)) == 2


def test_reassign_gives_it_to_the_chosen_person_and_keeps_the_buttons(rapport: Rapport) -> None:
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    _dispatcher(rapport).run_once()
    reassign = _element(_posts(rapport.slack)[0], views.REASSIGN_ACTION)

    _act(rapport, {**reassign, "selected_user": "U777"})

    assert _row(rapport).assignee_id == "U777"
    updated = rapport.responses()[-1]
    assert updated["replace_original"] is True and "<@U777>" in updated["text"]
    _element(updated, views.DONE_ACTION)


def test_overdue_reminders_after_downtime_go_out_at_once_marked_late(rapport: Rapport) -> None:
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(hours=2)

    report = _dispatcher(rapport).run_once()

    assert report.posted == 1 and report.late == 1
    [post] = _posts(rapport.slack)
    assert "Late" in f.all_text(post["blocks"]) and "hour" in f.all_text(post["blocks"])


def test_a_channel_it_cannot_post_in_falls_back_to_the_assignees_dm(rapport: Rapport) -> None:
    def refuse_channel(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        if call.params.get("channel") == f.CHANNEL:
            return 200, {"ok": False, "error": "not_in_channel"}, {}
        return None

    rapport.slack.respond_with("chat.postMessage", refuse_channel)
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)

    report = _dispatcher(rapport).run_once()

    assert report.posted == 1 and report.moved_to_dm == 1
    attempts = _posts(rapport.slack)
    assert [p["channel"] for p in attempts] == [f.CHANNEL, "D1"]
    assert "couldn't post in" in f.all_text(attempts[-1]["blocks"]) and "not_in_channel" in f.all_text(
        attempts[-1]["blocks"]
    )
    assert _row(rapport).posted_channel_id == "D1"


def test_a_post_that_reached_slack_but_whose_answer_was_lost_is_not_posted_twice(rapport: Rapport) -> None:
    lost = {"count": 0}

    def lose_first_answer(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        if lost["count"] == 0:
            lost["count"] += 1
            rapport.slack.record_message(call)  # it reached the channel…
            return 500, {"ok": False, "error": "internal_error"}, {}  # …but the answer never came back
        return None

    rapport.slack.respond_with("chat.postMessage", lose_first_answer)
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    dispatcher = _dispatcher(rapport)

    assert dispatcher.run_once().failed == 1
    rapport.clock.advance(minutes=5)
    report = dispatcher.run_once()

    assert report.recovered == 1 and report.posted == 0
    assert len(_posts(rapport.slack)) == 1
    row = _row(rapport)
    assert row.sent_at is not None and row.slack_ts is not None


def _lose_first_answer(rapport: Rapport) -> None:
    """The first post reaches the channel, but its answer is a 500: Slack may or may not have posted."""
    lost = {"count": 0}

    def lose(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        if lost["count"] == 0:
            lost["count"] += 1
            rapport.slack.record_message(call)
            return 500, {"ok": False, "error": "internal_error"}, {}
        return None

    rapport.slack.respond_with("chat.postMessage", lose)


def test_history_that_does_not_answer_is_asked_again_and_never_taken_for_not_posted(
    rapport: Rapport,
) -> None:
    _lose_first_answer(rapport)
    unanswered = {"left": 3}

    def rate_limited(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        if unanswered["left"] > 0:
            unanswered["left"] -= 1
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"}
        return None

    rapport.slack.respond_with("conversations.history", rate_limited)
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    dispatcher = _dispatcher(rapport)

    assert dispatcher.run_once().failed == 1  # the post whose answer was lost
    reports = []
    for _ in range(3):
        rapport.clock.advance(seconds=10)
        reports.append(dispatcher.run_once())
    assert [r.unknown for r in reports] == [1, 1, 1]  # history said 429 three times: no post
    assert len(_posts(rapport.slack)) == 1
    assert _row(rapport).acquired_until == rapport.clock.now + timedelta(seconds=7)  # Retry-After

    rapport.clock.advance(seconds=10)
    report = dispatcher.run_once()

    assert report.recovered == 1 and report.posted == 0
    assert len(_posts(rapport.slack)) == 1
    assert _row(rapport).sent_at is not None and not _row(rapport).unsure


def test_a_reminder_refused_with_429_is_posted_again_without_a_history_lookup(rapport: Rapport) -> None:
    refused = {"left": 2}

    def rate_limited(call: Call) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        if refused["left"] > 0:
            refused["left"] -= 1
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
        return None

    rapport.slack.respond_with("chat.postMessage", rate_limited)
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    dispatcher = _dispatcher(rapport)

    assert dispatcher.run_once().failed == 1
    rapport.clock.advance(seconds=2)
    assert dispatcher.run_once().failed == 1
    rapport.clock.advance(seconds=2)
    assert dispatcher.run_once().posted == 1

    assert rapport.slack.calls_to("conversations.history") == []  # Slack said no: nothing to look for
    assert len(rapport.slack.messages()) == 1  # in the channel once, after three asks
    assert len(_posts(rapport.slack)) == 3 and _row(rapport).attempts == 3


def test_a_dead_dispatchers_claim_is_taken_over_after_its_lease(rapport: Rapport) -> None:
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    from storage import reminders

    with rapport.db.session() as session:  # a process claims, then dies before posting
        [claim] = reminders.claim_due(
            session=session,
            team_ids=[f.TEAM],
            owner="dead",
            now=rapport.clock.now,
            lease=timedelta(seconds=60),
            limit=5,
        )
    survivor = _dispatcher(rapport, owner="survivor")

    assert survivor.run_once().posted == 0
    rapport.clock.advance(seconds=61)
    assert survivor.run_once().posted == 1
    assert len(_posts(rapport.slack)) == 1 and claim.attempts == 1
    # The dead holder might have posted: the survivor looked first (its channel and the DM).
    assert len(rapport.slack.calls_to("conversations.history")) == 2


def test_undone_note_cancels_its_reminder(rapport: Rapport) -> None:
    reply = rapport.command("acme called, call back in 2 minutes").json()
    rapport.click("note_undo", f.find_button(reply["blocks"], "note_undo")["value"])
    rapport.clock.advance(minutes=3)

    assert _dispatcher(rapport).run_once().posted == 0
    assert _posts(rapport.slack) == []


@pytest.mark.parametrize("zone", ["America/New_York"])
def test_snooze_tomorrow_keeps_nine_oclock_across_a_dst_change(zone: str) -> None:
    from bot.followups.reminder_actions import snooze_until

    # 2026-03-08 is the US spring-forward day.
    before = datetime(2026, 3, 7, 20, 0, tzinfo=UTC)
    until = snooze_until("tomorrow", before, zone)
    assert until.astimezone(UTC) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # 09:00 EDT
    assert snooze_until("next_week", before, zone).astimezone(UTC) == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
