"""/followup: set by hand with the note grammar, listed overdue first, closed exactly once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from bot.render.followups import DONE_ACTION
from storage.models import FollowUp
from tests import factories as f
from tests.e2e.conftest import Rapport


def _follow_ups(rapport: Rapport) -> list[FollowUp]:
    with rapport.db.session() as session:
        return list(session.exec(select(FollowUp).order_by(FollowUp.id)))  # type: ignore[arg-type]


def test_followup_sets_a_reminder_for_the_author_at_the_time_said(rapport: Rapport) -> None:
    reply = rapport.command("acme tomorrow 3pm send the quote", command="/followup").json()

    assert reply["response_type"] == "ephemeral"
    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
    assert (row.assignee_id, row.created_by, row.slack_channel_id) == (f.USER, f.USER, f.CHANNEL)
    assert row.text == "send the quote" and row.status == "open"
    assert "Follow-up on *acme*" in reply["text"]


def test_followup_for_someone_else_assigns_the_first_mention(rapport: Rapport) -> None:
    rapport.command("acme next tue <@U777> renewal call", command="/followup")

    [row] = _follow_ups(rapport)
    assert row.assignee_id == "U777" and row.created_by == f.USER
    assert row.due_at == datetime(2026, 3, 17, 9, 0, tzinfo=UTC)


def test_followup_without_a_date_says_so_with_examples_and_stores_nothing(rapport: Rapport) -> None:
    reply = rapport.command("acme send the quote sometime", command="/followup").json()

    shown = f.all_text(reply["blocks"])
    assert "/followup acme tomorrow 3pm send the quote" in shown
    assert _follow_ups(rapport) == []


def test_followup_list_shows_mine_overdue_first_and_filters(rapport: Rapport) -> None:
    rapport.command("acme in 3 days send contract", command="/followup")
    rapport.command("globex tomorrow call back", command="/followup")
    rapport.command("initech tomorrow <@U777> demo", command="/followup")
    rapport.clock.advance(days=2)

    mine = f.all_text(rapport.command("list", command="/followup").json()["blocks"])
    assert mine.index("globex") < mine.index("acme")
    assert "overdue" in mine and "initech" not in mine
    theirs = f.all_text(rapport.command("list <@U777|sam>", command="/followup").json()["blocks"])
    assert "initech" in theirs and "acme" not in theirs
    acme = f.all_text(rapport.command("list ACME", command="/followup").json()["blocks"])
    assert "send contract" in acme and "globex" not in acme


def test_done_closes_once_even_when_clicked_twice(rapport: Rapport) -> None:
    rapport.command("acme tomorrow send the quote", command="/followup")
    listing = rapport.command("list", command="/followup").json()
    follow_up_id = f.find_button(listing["blocks"], DONE_ACTION)["value"]

    rapport.click(DONE_ACTION, follow_up_id)
    rapport.click(DONE_ACTION, follow_up_id)

    [row] = _follow_ups(rapport)
    assert row.status == "done" and row.completed_at == rapport.clock.now
    first, second = rapport.responses()
    assert "Done: send the quote" in first["text"] and "already closed" in second["text"]


def test_only_assignee_or_creator_can_close(rapport: Rapport) -> None:
    rapport.command("acme tomorrow send the quote", command="/followup")
    [row] = _follow_ups(rapport)

    rapport.click(DONE_ACTION, str(row.id), user="U999")

    assert _follow_ups(rapport)[0].status == "open"
    assert "Only the person it is assigned to" in rapport.responses()[-1]["text"]


def test_note_with_a_date_creates_a_follow_up_in_its_channel(rapport: Rapport) -> None:
    rapport.command("acme called, follow up friday 10am")

    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 13, 10, 0, tzinfo=UTC)
    assert row.note_id is not None and row.slack_channel_id == f.CHANNEL


def _redrawn(rapport: Rapport) -> dict[str, Any]:
    """The answer redrawn through the response URL after the acknowledgement (a lazy listener)."""
    redraws = [r for r in rapport.responses() if r.get("replace_original") in (True, "true")]
    assert redraws, "the answer was never redrawn"
    return redraws[-1]


def test_dates_in_a_note_are_read_in_the_writers_slack_time_zone(rapport: Rapport) -> None:
    """The first time we meet a writer, Slack is asked their zone only after answering: the note is
    filed in the workspace's zone, then read again in theirs and the answer redrawn."""
    rapport.slack.users[f.USER] = {"tz": "Asia/Shanghai"}

    first = rapport.command("acme called, call back tomorrow 3pm").json()  # now: 17:00 in Shanghai

    assert "Mar 11" in f.all_text(first["blocks"])  # read in UTC for now: 15:00 UTC
    redrawn = _redrawn(rapport)
    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai
    assert "15:00" in f.all_text(redrawn["blocks"])
    assert len(rapport.slack.calls_to("users.info")) == 1

    rapport.command("acme emailed, follow up friday 10am")  # known now: read in Shanghai at once
    assert _follow_ups(rapport)[1].due_at == datetime(2026, 3, 13, 2, 0, tzinfo=UTC)
    assert len(rapport.slack.calls_to("users.info")) == 1  # cached
    assert len([r for r in rapport.responses() if r.get("replace_original") in (True, "true")]) == 1


def test_followup_is_moved_to_the_writers_zone_once_slack_tells_it(rapport: Rapport) -> None:
    rapport.slack.users[f.USER] = {"tz": "America/New_York"}

    rapport.command("acme tomorrow 3pm send the quote", command="/followup")

    redrawn = _redrawn(rapport)
    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 19, 0, tzinfo=UTC)  # 15:00 in New York (EDT)
    assert "15:00" in f.all_text(redrawn["blocks"])


def test_a_follow_up_moved_by_hand_meanwhile_is_not_moved_back(rapport: Rapport) -> None:
    from bot.followups import agenda as followups

    rapport.command("acme tomorrow 3pm send the quote", command="/followup")
    [row] = _follow_ups(rapport)
    assert row.id is not None
    created = followups.CreatedFollowUp(
        item=followups.FollowUpItem(
            row.id, "acme", f.USER, row.text, datetime(2026, 3, 11, 16, 0, tzinfo=UTC), False
        ),
        customer_created=False,
        tz="UTC",
        lang="en",
    )  # what the answer said before someone snoozed it to 15:00 UTC

    moved = followups.read_again_in_zone(
        db=rapport.db,
        team_id=f.TEAM,
        created=created,
        text="acme tomorrow 3pm send the quote",
        said_at=rapport.clock.now,
        zone="Asia/Shanghai",
    )

    assert moved is None
    assert _follow_ups(rapport)[0].due_at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)


def test_without_a_slack_time_zone_the_workspace_default_applies(rapport: Rapport) -> None:
    rapport.command("acme tomorrow 3pm send the quote", command="/followup")

    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)


def test_a_slow_users_info_does_not_hold_the_answer(rapport: Rapport) -> None:
    """Slack's users.info may be slow, or answer 429 and be waited out by the client: the note is
    answered and stored without waiting for it, and the zone is learned after."""
    import threading

    from bot.console.standin import Call, Reply

    release, asked = threading.Event(), threading.Event()

    def stuck(call: Call) -> Reply | None:
        asked.set()
        release.wait(timeout=30)
        return None

    rapport.slack.respond_with("users.info", stuck)
    try:
        answer = rapport.command("acme called, call back tomorrow 3pm", settle=False)
        assert answer.status == 200 and "Saved a note on *acme*" in answer.json()["text"]
        assert len(_follow_ups(rapport)) == 1
        assert asked.wait(timeout=10)  # asked after answering, not before
    finally:
        release.set()
