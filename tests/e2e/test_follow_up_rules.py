"""Rules decided once and taken by every way in: who gets a follow-up, and that a follow-up moved
by Edit fires again at its new time (the one re-arm rule)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient
from sqlmodel import select

from bot.jobs.reminders import Dispatcher
from bot.render.notes import EDIT_ACTION
from storage.models import FollowUp
from tests import factories as f
from tests.e2e.conftest import Rapport

AUTHOR, MENTIONED, HELPER = f.USER, "U777", "U5"


def _follow_ups(rapport: Rapport) -> list[FollowUp]:
    with rapport.db.session() as session:
        return list(session.exec(select(FollowUp).order_by(FollowUp.id)))  # type: ignore[arg-type]


def _submit(rapport: Rapport, view: dict[str, Any], user: str = f.USER, **answers: str | None) -> None:
    body = f.submission_body(view, f.modal_values(view, **answers), user=user)
    assert rapport.post(body, f.signed(body)).status == 200


def _editor(rapport: Rapport, text: str) -> dict[str, Any]:
    reply = rapport.command(text).json()
    rapport.click(EDIT_ACTION, f.find_button(reply["blocks"], EDIT_ACTION)["value"])
    return rapport.slack.calls_to("views.open")[-1].params["view"]


def _by_note(rapport: Rapport, mention: bool) -> None:
    rapport.command(f"acme called, {'<@U777> ' if mention else ''}call back friday 10am")


def _by_followup(rapport: Rapport, mention: bool) -> None:
    rapport.command(f"acme friday 10am {'<@U777> ' if mention else ''}send the quote", command="/followup")


def _by_edit(rapport: Rapport, mention: bool) -> None:
    """A note without a date gets one in the Edit form."""
    view = _editor(rapport, f"acme called {'<@U777>' if mention else ''}")
    _submit(rapport, view, follow_up_date="2026-03-13", follow_up_time="10:00")


def _by_capture(rapport: Rapport, mention: bool) -> None:
    """A message written by AUTHOR in a capture channel."""
    rapport.command("settings capture here acme", command="/crm")
    text = f"call back friday 10am {'<@U777>' if mention else ''}"
    event = {"type": "message", "user": AUTHOR, "text": text, "channel": f.CHANNEL, "ts": "1773133200.000100"}
    body = f.event_body(event, event_id="EvRule")
    assert rapport.post(body, f.signed(body, json_body=True)).status == 200


def _by_shortcut(rapport: Rapport, mention: bool) -> None:
    """AUTHOR's message saved by someone else (HELPER) through the shortcut."""
    rapport.command("acme: first contact")
    text = f"acme wants a call back friday 10am {'<@U777>' if mention else ''}"
    message = {"type": "message", "user": AUTHOR, "ts": "1773046800.000100", "text": text}
    body = f.shortcut_body(message, response_url=rapport.response_url(), user=HELPER)
    assert rapport.post(body, f.signed(body)).status == 200
    _submit(rapport, rapport.slack.calls_to("views.open")[-1].params["view"], user=HELPER)


WAYS_IN = [_by_note, _by_followup, _by_edit, _by_capture, _by_shortcut]


def test_a_follow_up_goes_to_the_person_the_note_mentions_from_every_way_in(rapport: Rapport) -> None:
    for n, way_in in enumerate(WAYS_IN):
        way_in(rapport, True)
        assert len(_follow_ups(rapport)) == n + 1, way_in.__name__
        assert _follow_ups(rapport)[-1].assignee_id == MENTIONED, way_in.__name__


def test_a_follow_up_naming_nobody_goes_to_the_notes_author_from_every_way_in(rapport: Rapport) -> None:
    for n, way_in in enumerate(WAYS_IN):
        way_in(rapport, False)
        assert len(_follow_ups(rapport)) == n + 1, way_in.__name__
        assert _follow_ups(rapport)[-1].assignee_id == AUTHOR, way_in.__name__  # never whoever saved it


def _dispatcher(rapport: Rapport) -> Dispatcher:
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    return Dispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner="p1")


def test_a_follow_up_moved_by_edit_after_its_reminder_went_out_fires_again_at_the_new_time(
    rapport: Rapport,
) -> None:
    view = _editor(rapport, "acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    dispatcher = _dispatcher(rapport)
    assert dispatcher.run_once().posted == 1

    _submit(rapport, view, follow_up_date="2026-03-12", follow_up_time="10:00")

    [row] = _follow_ups(rapport)
    assert row.due_at == datetime(2026, 3, 12, 10, 0, tzinfo=UTC) and row.sent_at is None
    assert dispatcher.run_once().posted == 0  # not before its new time
    rapport.clock.now = datetime(2026, 3, 12, 10, 0, 1, tzinfo=UTC)
    assert dispatcher.run_once().posted == 1


def test_an_edit_that_leaves_the_time_alone_does_not_send_the_reminder_again(rapport: Rapport) -> None:
    view = _editor(rapport, "acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    dispatcher = _dispatcher(rapport)
    assert dispatcher.run_once().posted == 1

    _submit(rapport, view, body="called, asked for the price list")

    [row] = _follow_ups(rapport)
    assert row.sent_at is not None
    assert dispatcher.run_once().posted == 0
