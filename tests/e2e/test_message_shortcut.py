""" "Save as customer note": shortcut -> prefilled modal -> submission -> a note that keeps the
message's author, time and permalink; once per message."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from bot.console import payloads
from storage.models import Customer, FollowUp, Note
from tests import factories as f
from tests.e2e.conftest import Rapport

MESSAGE = {
    "type": "message",
    "user": "U5",
    "ts": "1773046800.000100",
    "text": "acme wants a demo next tue #demo",
}


def _open(rapport: Rapport, message: dict[str, Any] = MESSAGE) -> dict[str, Any]:
    body = f.shortcut_body(message, response_url=rapport.response_url())
    assert rapport.post(body, f.signed(body)).status == 200
    return rapport.slack.calls_to("views.open")[-1].params["view"]


def _submit(rapport: Rapport, view: dict[str, Any], **answers: str | None) -> f.HttpAnswer:
    body = f.submission_body(view, f.modal_values(view, **answers))
    return rapport.post(body, f.signed(body))


def test_shortcut_opens_a_form_prefilled_from_the_message(rapport: Rapport) -> None:
    rapport.command("acme: first contact")

    view = _open(rapport)

    initial = {b["block_id"]: payloads.initial_answer(b["element"]) for b in view["blocks"]}
    assert initial["customer"] == "acme" and initial["tags"] == "demo" and initial["category"] == "need"
    assert initial["follow_up_date"] == "2026-03-17"  # message written Mon 2026-03-09: next tue
    assert initial["occurred_date"] == "2026-03-09"


def test_submitting_stores_the_note_with_the_messages_author_time_and_permalink(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    view = _open(rapport)

    answer = _submit(rapport, view)

    assert answer.status == 200
    with rapport.db.session() as session:
        note = session.exec(select(Note).where(Note.source == "shortcut")).one()
        follow_up = session.exec(select(FollowUp)).one()
    assert note.author_id == "U5" and note.slack_ts == MESSAGE["ts"] and note.slack_channel_id == f.CHANNEL
    assert note.occurred_at == datetime.fromtimestamp(float(MESSAGE["ts"]), UTC)  # to the second
    assert note.permalink is not None and note.permalink.endswith("p1773046800000100")
    # The message's words, so its author's follow-up (bot.notes.filing.follow_up_assignee), not the saver's.
    assert follow_up.assignee_id == "U5" and follow_up.note_id == note.id
    told = rapport.slack.calls_to("chat.postEphemeral")[-1].params
    assert told["user"] == f.USER and "Saved as a note on *acme*" in told["text"]


def test_a_message_naming_no_customer_can_be_filed_under_one_chosen_in_the_form(rapport: Rapport) -> None:
    view = _open(rapport, {**MESSAGE, "text": "they asked for SSO"})
    assert payloads.initial_answer(view["blocks"][0]["element"]) is None

    empty = _submit(rapport, view).json()
    assert empty["response_action"] == "errors" and "customer" in empty["errors"]
    _submit(rapport, view, customer="Initech")

    with rapport.db.session() as session:
        assert session.exec(select(Customer.name)).one() == "Initech"


def test_the_same_message_is_saved_once(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    view = _open(rapport)
    _submit(rapport, view)
    _submit(rapport, view)

    with rapport.db.session() as session:
        assert len(list(session.exec(select(Note).where(Note.source == "shortcut")))) == 1
    assert "already saved" in rapport.slack.calls_to("chat.postEphemeral")[-1].params["text"]


def test_a_saved_message_keeps_its_time_to_the_second(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    ts = "1773067932.000100"  # 2026-03-09 14:52:12 UTC, not on the hour
    view = _open(rapport, {**MESSAGE, "ts": ts, "text": "acme wants a demo #demo"})

    _submit(rapport, view)

    with rapport.db.session() as session:
        note = session.exec(select(Note).where(Note.source == "shortcut")).one()
    assert note.occurred_at == datetime.fromtimestamp(float(ts), UTC)


def test_a_day_changed_in_the_form_is_that_day(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    view = _open(rapport, {**MESSAGE, "ts": "1773067932.000100", "text": "acme wants a demo"})

    _submit(rapport, view, occurred_date="2026-03-05")

    with rapport.db.session() as session:
        note = session.exec(select(Note).where(Note.source == "shortcut")).one()
    assert note.occurred_at is not None and note.occurred_at.date().isoformat() == "2026-03-05"
