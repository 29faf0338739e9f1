"""The capture reaction on a message that names its known customer mid-sentence or with a suffix
(issue 13): the note is filed on that customer, not refused and not filed on a new one."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.console.standin import Call
from storage.models import Customer, Note
from tests import factories as f
from tests.e2e.conftest import Rapport


def _react_to(rapport: Rapport, text: str, ts: str, event_id: str) -> list[dict[str, Any]]:
    def history(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return 200, {"ok": True, "messages": [{"ts": ts, "user": "U5", "text": text}]}, {}

    rapport.slack.respond_with("conversations.history", history)
    item = {"type": "message", "channel": "C7", "ts": ts}
    body = f.event_body(
        {"type": "reaction_added", "user": f.USER, "reaction": "memo", "item": item}, event_id=event_id
    )
    rapport.post(body, f.signed(body, json_body=True))
    return [c.params for c in rapport.slack.calls_to("chat.postEphemeral")]


def _reaction_notes(rapport: Rapport) -> list[tuple[str, str]]:
    with rapport.db.session() as session:
        rows = session.exec(
            select(Customer.name, Note.body).join(Customer).where(Note.source == "reaction")  # type: ignore[arg-type]
        )
        return [(name, body) for name, body in rows]


def test_reaction_files_a_message_naming_a_known_customer_mid_sentence(rapport: Rapport) -> None:
    rapport.command("Globex: first contact")
    text = "Just got off the phone with Globex, they want a quote for 50 seats"

    [told] = _react_to(rapport, text, "1773133200.000500", "EvN1")

    assert "Saved as a note on *Globex*" in told["text"]
    assert _reaction_notes(rapport) == [("Globex", text)]


def test_reaction_on_a_longer_new_name_files_on_the_known_customer_it_starts_with(rapport: Rapport) -> None:
    rapport.command("Acme: first contact")

    [told] = _react_to(rapport, "Acme Health bought 20 seats $12k", "1773133200.000600", "EvN2")

    assert "Saved as a note on *Acme*" in told["text"]
    with rapport.db.session() as session:
        assert [c.name for c in session.exec(select(Customer))] == ["Acme"]  # no "Acme Health" invented
