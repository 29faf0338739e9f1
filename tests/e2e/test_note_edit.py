"""Edit: the modal opens prefilled, wrong answers are named, right ones update the note in place."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlmodel import select

from bot.console import payloads
from bot.render.notes import EDIT_ACTION
from storage.models import Customer, FollowUp, Note, Tag
from tests import factories as f
from tests.e2e.conftest import Rapport


def _open_editor(rapport: Rapport, text: str, user: str = f.USER) -> tuple[dict[str, Any], str]:
    reply = rapport.command(text).json()
    note_id = f.find_button(reply["blocks"], EDIT_ACTION)["value"]
    assert rapport.click(EDIT_ACTION, note_id, user=user).status == 200
    opened = rapport.slack.calls_to("views.open")
    return (opened[-1].params["view"] if opened else {}), note_id


def _submit(rapport: Rapport, view: dict[str, Any], **answers: str | None) -> f.HttpAnswer:
    body = f.submission_body(view, f.modal_values(view, **answers))
    return rapport.post(body, f.signed(body))


def test_edit_opens_a_modal_prefilled_with_what_was_understood(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme bought 20 seats for $12k, call back tomorrow 3pm #won")

    initial = {b["block_id"]: payloads.initial_answer(b["element"]) for b in view["blocks"]}
    assert initial["customer"] == "acme"
    assert initial["tags"] == "won"
    assert initial["category"] == "purchase"
    assert initial["amount"] == "12000" and initial["currency"] == "USD"
    assert initial["follow_up_date"] == "2026-03-11" and initial["follow_up_time"] == "15:00"


def test_wrong_answers_are_named_field_by_field_and_change_nothing(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme called #pricing")

    answer = _submit(rapport, view, amount="twelve", currency="dollars", customer="")

    assert answer.status == 200
    errors = answer.json()
    assert errors["response_action"] == "errors"
    assert set(errors["errors"]) == {"amount", "currency", "customer"}
    assert "number" in errors["errors"]["amount"]
    with rapport.db.session() as session:
        note = session.exec(select(Note)).one()
    assert note.amount is None


def test_saved_edit_updates_note_tags_customer_and_follow_up_and_the_reply(rapport: Rapport) -> None:
    view, note_id = _open_editor(rapport, "acme called re pricing, follow up friday #pricing")

    answer = _submit(
        rapport,
        view,
        customer="Acme Health",
        body="called re pricing and seats",
        tags="#pricing, renewal",
        category="need",
        amount="1,500.50",
        currency="eur",
        follow_up_date="2026-03-20",
        follow_up_time="10:30",
    )

    assert answer.status == 200 and answer.body in ("", "{}")
    with rapport.db.session() as session:
        note = session.exec(select(Note)).one()
        customer = session.get(Customer, note.customer_id)
        follow_up = session.exec(select(FollowUp)).one()
        tag_names = sorted(session.exec(select(Tag.name)))
    assert customer is not None and customer.name == "Acme Health"
    assert note.body == "called re pricing and seats" and note.category == "need"
    assert (note.amount, note.currency) == (Decimal("1500.5"), "EUR")
    assert follow_up.due_at == datetime(2026, 3, 20, 10, 30, tzinfo=UTC)
    assert tag_names == ["pricing", "renewal"]
    replaced = rapport.responses()[-1]
    assert replaced["replace_original"] is True
    assert "Updated the note on *Acme Health*" in replaced["text"]
    assert str(note.id) == note_id


def test_clearing_the_follow_up_date_cancels_the_follow_up(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme called, follow up tomorrow")

    _submit(rapport, view, follow_up_date=None, follow_up_time=None)

    with rapport.db.session() as session:
        assert session.exec(select(FollowUp.status)).one() == "cancelled"


def test_only_the_author_can_open_the_editor(rapport: Rapport) -> None:
    _open_editor(rapport, "acme called", user=f.USER)
    reply = rapport.command("acme emailed").json()
    note_id = f.find_button(reply["blocks"], EDIT_ACTION)["value"]

    rapport.click(EDIT_ACTION, note_id, user=f.OTHER_USER)

    assert len(rapport.slack.calls_to("views.open")) == 1  # only the author's own click opened one
    assert "Only the person who wrote a note can edit it" in rapport.responses()[-1]["text"]


def test_the_form_cannot_name_where_its_answer_goes(rapport: Rapport) -> None:
    """A submission whose metadata names a URL of its own posts nowhere but the opener's reply."""
    import json

    view, _ = _open_editor(rapport, "acme called re pricing")
    meta = json.loads(view["private_metadata"])
    assert "response_url" not in meta and "http" not in view["private_metadata"]  # only a key
    elsewhere = rapport.slack.response_url("attacker")
    forged = {**view, "private_metadata": json.dumps({**meta, "reply": elsewhere, "response_url": elsewhere})}

    assert _submit(rapport, forged, body="called re pricing, forged").status == 200

    assert all(call.params.get("_key") != "attacker" for call in rapport.slack.calls_to("response_url"))


def test_the_answer_goes_back_once_and_only_for_the_person_who_opened_the_form(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme called re pricing")
    before = len(rapport.responses())

    assert _submit(rapport, view, body="first edit").status == 200
    assert _submit(rapport, view, body="second edit").status == 200  # the URL was used: kept no more

    assert len(rapport.responses()) == before + 1


def test_a_text_changed_in_edit_is_read_again_for_tags_and_the_follow_up(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme called re the SOW")  # now: Tuesday 2026-03-10 09:00 UTC

    _submit(rapport, view, body="called re the SOW, follow up next tue 3pm #sow")

    with rapport.db.session() as session:
        note = session.exec(select(Note)).one()
        follow_up = session.exec(select(FollowUp)).one()
        tag_names = sorted(session.exec(select(Tag.name)))
    assert tag_names == ["sow"]
    assert follow_up.due_at == datetime(2026, 3, 17, 15, 0, tzinfo=UTC)
    assert note.body.startswith("called re the SOW")


def test_a_field_set_in_edit_wins_over_what_the_changed_text_says(rapport: Rapport) -> None:
    view, _ = _open_editor(rapport, "acme called re the SOW #pricing")

    _submit(
        rapport,
        view,
        body="called re the SOW, follow up next tue 3pm #sow",
        follow_up_date="2026-03-20",
        follow_up_time="10:00",
        tags="pricing renewal",  # retyped: the tags are what the person typed
    )

    with rapport.db.session() as session:
        follow_up = session.exec(select(FollowUp)).one()
        tag_names = sorted(session.exec(select(Tag.name)))
    assert follow_up.due_at == datetime(2026, 3, 20, 10, 0, tzinfo=UTC)
    assert tag_names == ["pricing", "renewal"]
