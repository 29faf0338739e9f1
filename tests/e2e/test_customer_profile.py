"""Edit profile: prefilled, checked line by line, saved with names, aliases and contacts."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.console import payloads
from bot.render import cards
from storage.models import Contact, Customer
from tests import factories as f
from tests.e2e.conftest import Rapport


def _open_profile(rapport: Rapport, name: str) -> dict[str, Any]:
    card = rapport.command(name, command="/customer").json()
    rapport.click(
        cards.EDIT_PROFILE_ACTION, f.find_button(card["blocks"], cards.EDIT_PROFILE_ACTION)["value"]
    )
    return rapport.slack.calls_to("views.open")[-1].params["view"]


def _submit(rapport: Rapport, view: dict[str, Any], **answers: str | None) -> f.HttpAnswer:
    body = f.submission_body(view, payloads.modal_state(view, answers))
    return rapport.post(body, f.signed(body))


def test_profile_form_is_prefilled_and_saves_everything(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    view = _open_profile(rapport, "acme")
    assert payloads.initial_answer(view["blocks"][0]["element"]) == "acme"

    answer = _submit(
        rapport,
        view,
        name="Acme Corp",
        aliases="ACME, 艾克米",
        kind="company",
        owner="U777",
        region="EMEA",
        industry="Manufacturing",
        contacts="Jane Doe | CFO | jane@acme.example | +1 415 555 0100\nWang Wei | | | +86 138 0000 0000",
    )

    assert answer.status == 200 and answer.body in ("", "{}")
    with rapport.db.session() as session:
        customer = session.exec(select(Customer)).one()
        contacts = list(session.exec(select(Contact).order_by(Contact.id)))  # type: ignore[arg-type]
    assert (customer.name, customer.owner_id, customer.region, customer.industry) == (
        "Acme Corp",
        "U777",
        "EMEA",
        "Manufacturing",
    )
    assert [(c.name, c.title, c.email, c.phone) for c in contacts] == [
        ("Jane Doe", "CFO", "jane@acme.example", "+1 415 555 0100"),
        ("Wang Wei", None, None, "+86 138 0000 0000"),
    ]
    card = f.all_text(rapport.command("艾克米", command="/customer").json()["blocks"])  # an alias finds it
    assert "Acme Corp" in card and "Jane Doe, CFO, jane@acme.example" in card and "ACME, 艾克米" in card


def test_wrong_contact_lines_are_named_and_nothing_changes(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    view = _open_profile(rapport, "acme")

    bad_email = _submit(rapport, view, contacts="Jane | CFO | jane-at-acme | ").json()
    bad_phone = _submit(rapport, view, contacts="Jane | CFO | jane@acme.example\nBob | | | call me").json()
    no_name = _submit(rapport, view, name="").json()

    assert bad_email["errors"] == {
        "contacts": "Line 1: jane-at-acme is not an email address like name@example.com."
    }
    assert bad_phone["errors"]["contacts"].startswith("Line 2: call me is not a phone number")
    assert set(no_name["errors"]) == {"name"}
    with rapport.db.session() as session:
        assert list(session.exec(select(Contact))) == []
        assert session.exec(select(Customer.name)).one() == "acme"


def test_a_name_of_another_customer_is_refused(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    rapport.command("globex: first call")
    view = _open_profile(rapport, "acme")

    refused = _submit(rapport, view, aliases="Globex").json()

    assert refused["errors"] == {"aliases": "Globex is already the name of another customer."}


def test_contacts_can_be_removed(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    _submit(rapport, _open_profile(rapport, "acme"), contacts="Jane | CFO\nBob | CTO")
    _submit(rapport, _open_profile(rapport, "acme"), contacts="Bob | CTO")

    with rapport.db.session() as session:
        assert [c.name for c in session.exec(select(Contact))] == ["Bob"]
