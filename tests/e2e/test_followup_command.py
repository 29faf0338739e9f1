"""/followup: set by hand with the note grammar, listed overdue first, closed exactly once."""

from __future__ import annotations

from datetime import UTC, datetime

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


def test_dates_in_a_note_are_read_in_the_writers_slack_time_zone(rapport: Rapport) -> None:
    rapport.slack.users[f.USER] = {"tz": "Asia/Shanghai"}

    rapport.command("acme called, call back tomorrow 3pm")  # now: 2026-03-10 17:00 in Shanghai

    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai
    assert len(rapport.slack.calls_to("users.info")) == 1
    rapport.command("acme emailed, follow up friday")
    assert len(rapport.slack.calls_to("users.info")) == 1  # cached


def test_without_a_slack_time_zone_the_workspace_default_applies(rapport: Rapport) -> None:
    rapport.command("acme tomorrow 3pm send the quote", command="/followup")

    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
