"""What people type is checked before it is stored: NUL characters, names, tags, amounts, emoji and
rates beyond what a column holds get the same clear answer on SQLite and PostgreSQL, and nothing is
stored (PostgreSQL used to refuse them with a database error: "something went wrong")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import select

from bot.console import payloads
from bot.console.standin import Call
from bot.render import card_modals, cards
from bot.render.notes import EDIT_ACTION
from storage.models import Contact, CurrencyRate, Customer, CustomerName, FollowUp, Note, Tag, Workspace
from tests import factories as f
from tests.e2e.conftest import Rapport

NUL = "\x00"
CONTROL = "invisible control characters"
GENERIC = "something went wrong"


def _stored(rapport: Rapport) -> dict[str, list[Any]]:
    with rapport.db.session() as session:
        return {
            "customers": sorted(session.exec(select(CustomerName.name))),
            "notes": sorted(session.exec(select(Note.body))),
            "tags": sorted(session.exec(select(Tag.name))),
            "follow_ups": sorted(session.exec(select(FollowUp.text))),
            "rates": list(session.exec(select(CurrencyRate.currency))),
            "contacts": list(session.exec(select(Contact.name))),
        }


def _said(answer: f.HttpAnswer) -> str:
    reply = answer.json()
    return str(reply["text"]) + "\n" + f.all_text(reply.get("blocks") or [])


def _post(rapport: Rapport, body: str) -> f.HttpAnswer:
    return rapport.post(body, f.signed(body))


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/note", f"acme called{NUL} about pricing"),
        ("/note", f"ac{NUL}me called about pricing"),
        ("/customer", f"ac{NUL}me"),
        ("/crm", f"search pric{NUL}ing"),
        ("/crm", f"search customer:ac{NUL}me"),
        ("/followup", f"acme tomorrow send the{NUL} quote"),
        ("/followup", f"ac{NUL}me tomorrow send the quote"),
        ("/followup", f"list ac{NUL}me"),
        ("/crm", f"tag ac{NUL}me +vip"),
        ("/crm", f"segment create key-accounts region:em{NUL}ea"),
        ("/crm", f"settings capture here ac{NUL}me"),
    ],
)
def test_a_nul_character_is_refused_with_a_clear_answer(rapport: Rapport, command: str, text: str) -> None:
    rapport.command("acme: first call")
    before = _stored(rapport)

    answer = rapport.command(text, command=command)

    assert answer.status == 200
    said = _said(answer)
    assert CONTROL in said and GENERIC not in said
    assert _stored(rapport) == before


def test_a_nul_character_in_the_card_forms_is_named_on_the_field(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    card = rapport.command("acme", command="/customer").json()
    customer_id = f.find_button(card["blocks"], cards.ADD_NOTE_ACTION)["value"]
    before = _stored(rapport)
    answers = []
    for action in (cards.ADD_NOTE_ACTION, cards.ADD_FOLLOW_UP_ACTION):
        rapport.click(action, customer_id)
        form = rapport.slack.calls_to("views.open")[-1].params["view"]
        text = {
            card_modals.TEXT_BLOCK: {"value": {"type": "plain_text_input", "value": f"tomorrow ca{NUL}ll"}}
        }
        answers.append(_post(rapport, f.submission_body(form, text)).json())

    for answer in answers:
        assert answer["response_action"] == "errors"
        assert CONTROL in answer["errors"][card_modals.TEXT_BLOCK]
    assert _stored(rapport) == before


def _edit_form(rapport: Rapport, text: str) -> dict[str, Any]:
    reply = rapport.command(text).json()
    rapport.click(EDIT_ACTION, f.find_button(reply["blocks"], EDIT_ACTION)["value"])
    return dict(rapport.slack.calls_to("views.open")[-1].params["view"])


def test_the_edit_form_refuses_what_cannot_be_stored_field_by_field(rapport: Rapport) -> None:
    view = _edit_form(rapport, "acme called #pricing")
    before = _stored(rapport)

    answer = _post(
        rapport,
        f.submission_body(
            view,
            f.modal_values(
                view,
                customer="a" * 201,
                body=f"called{NUL}",
                tags="pricing " + "t" * 101,
                amount="100000000000000",
            ),
        ),
    ).json()

    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert set(errors) == {"customer", "body", "tags", "amount"}
    assert "200" in errors["customer"] and "201" in errors["customer"]
    assert CONTROL in errors["body"]
    assert "100" in errors["tags"] and "#" + "t" * 10 in errors["tags"]
    assert "100,000,000,000,000" in errors["amount"]
    assert _stored(rapport) == before


def test_the_longest_name_and_tag_a_column_holds_are_kept(rapport: Rapport) -> None:
    name, tag = "a" * 200, "t" * 100

    answer = rapport.command(f"{name} called re pricing #{tag}")

    assert "Saved a note" in _said(answer)
    stored = _stored(rapport)
    assert stored["customers"] == [name] and stored["tags"] == [tag]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 201 + " called re pricing", ["201", "200"]),
        ("acme called re pricing #" + "t" * 101, ["101", "100", "#" + "t" * 10]),
        ("acme bought 20 seats for $100000000000000", ["100,000,000,000,000"]),
        ("acme paid 1000000000000000000000000000000 USD", ["100,000,000,000,000"]),
        ("阿里巴巴 下单 100000000000000 元", ["100,000,000,000,000"]),
    ],
)
def test_a_note_beyond_a_columns_limit_says_what_to_change(
    rapport: Rapport, text: str, expected: list[str]
) -> None:
    answer = rapport.command(text)

    said = _said(answer)
    assert GENERIC not in said and "抱歉" not in said
    for words in expected:
        assert words in said
    assert "/note" in said  # and how to write a note
    assert _stored(rapport)["notes"] == []


def test_the_largest_whole_amount_a_note_holds_is_kept(rapport: Rapport) -> None:
    # (SQLite keeps a Numeric as a float: exact to about 15 digits, so a whole amount is used here.)
    rapport.command("acme bought 20 seats for $99999999999999")

    with rapport.db.session() as session:
        assert session.exec(select(Note.amount)).one() == Decimal("99999999999999")


def test_a_follow_up_for_a_name_beyond_the_limit_is_refused(rapport: Rapport) -> None:
    answer = rapport.command("a" * 201 + " tomorrow send the quote", command="/followup")

    assert "200" in _said(answer) and GENERIC not in _said(answer)
    assert _stored(rapport)["follow_ups"] == []


def test_crm_tag_beyond_the_limit_is_refused(rapport: Rapport) -> None:
    rapport.command("acme: first call")

    answer = rapport.command("tag acme +" + "t" * 101, command="/crm")

    assert "100" in _said(answer) and GENERIC not in _said(answer)
    assert _stored(rapport)["tags"] == []


def test_a_capture_emoji_beyond_64_characters_is_refused(rapport: Rapport) -> None:
    rapport.command("acme: first call")

    too_long = rapport.command("settings emoji :" + "e" * 65 + ":", command="/crm")
    longest = rapport.command("settings emoji :" + "e" * 64 + ":", command="/crm")

    assert "64" in _said(too_long) and GENERIC not in _said(too_long)
    assert ":" + "e" * 64 + ":" in _said(longest)
    with rapport.db.session() as session:
        assert session.exec(select(Workspace.capture_emoji)).one() == "e" * 64


@pytest.mark.parametrize("rate", ["1e400", "10000000000", "0.000000001", "-1", "0"])
def test_a_currency_rate_out_of_range_is_refused(rapport: Rapport, rate: str) -> None:
    rapport.command("acme: first call")

    answer = rapport.command(f"settings rate EUR {rate}", command="/crm")

    said = _said(answer)
    assert GENERIC not in said and "/crm settings rate EUR 1.08" in said
    assert "10,000,000,000" in said
    assert _stored(rapport)["rates"] == []


def test_the_largest_currency_rate_is_kept(rapport: Rapport) -> None:
    rapport.command("acme: first call")

    answer = rapport.command("settings rate EUR 9999999999.99999999", command="/crm")

    assert "1 EUR = 9999999999.99999999 USD" in _said(answer)
    assert _stored(rapport)["rates"] == ["EUR"]


def _profile_form(rapport: Rapport) -> dict[str, Any]:
    rapport.command("acme: first call")
    card = rapport.command("acme", command="/customer").json()
    rapport.click(
        cards.EDIT_PROFILE_ACTION, f.find_button(card["blocks"], cards.EDIT_PROFILE_ACTION)["value"]
    )
    return dict(rapport.slack.calls_to("views.open")[-1].params["view"])


def test_the_profile_form_refuses_what_cannot_be_stored_field_by_field(rapport: Rapport) -> None:
    view = _profile_form(rapport)
    before = _stored(rapport)

    answer = _post(
        rapport,
        f.submission_body(
            view,
            payloads.modal_state(
                view,
                {
                    "name": "a" * 201,
                    "aliases": "ACME, " + "b" * 201,
                    "region": "r" * 101,
                    "industry": f"retail{NUL}",
                    "contacts": "Jane | " + "t" * 201,
                },
            ),
        ),
    ).json()

    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert set(errors) == {"name", "aliases", "region", "industry", "contacts"}
    assert "200" in errors["name"] and "200" in errors["aliases"] and "100" in errors["region"]
    assert CONTROL in errors["industry"]
    assert "Line 1" in errors["contacts"] and "200" in errors["contacts"]
    assert _stored(rapport) == before
    with rapport.db.session() as session:
        customer = session.exec(select(Customer)).one()
    assert (customer.name, customer.region, customer.industry) == ("acme", None, None)


@pytest.mark.parametrize(
    "contacts",
    [
        f"Ja{NUL}ne | CFO",
        "Jane | CFO | " + "j" * 320 + "@acme.example",
        "J" * 201 + " | CFO",
    ],
)
def test_a_contact_line_beyond_its_columns_is_named(rapport: Rapport, contacts: str) -> None:
    view = _profile_form(rapport)

    answer = _post(
        rapport, f.submission_body(view, payloads.modal_state(view, {"contacts": contacts}))
    ).json()

    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"contacts"} and answer["errors"]["contacts"].startswith("Line 1")
    assert _stored(rapport)["contacts"] == []


MESSAGE = {"type": "message", "user": "U5", "ts": "1773046800.000100", "text": "acme wants a demo"}


def _shortcut_form(rapport: Rapport, text: str) -> dict[str, Any]:
    body = f.shortcut_body({**MESSAGE, "text": text}, response_url=rapport.response_url())
    assert _post(rapport, body).status == 200
    return dict(rapport.slack.calls_to("views.open")[-1].params["view"])


def test_the_message_shortcut_refuses_a_nul_and_overlong_tags_on_the_form(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    before = _stored(rapport)

    with_nul = _shortcut_form(rapport, f"acme wants{NUL} a demo")
    long_tag = _shortcut_form(rapport, "acme wants a demo #" + "t" * 101)
    refused_nul = _post(rapport, f.submission_body(with_nul, f.modal_values(with_nul))).json()
    refused_tag = _post(rapport, f.submission_body(long_tag, f.modal_values(long_tag))).json()

    assert refused_nul["response_action"] == "errors" and CONTROL in refused_nul["errors"]["body"]
    assert refused_tag["response_action"] == "errors" and "100" in refused_tag["errors"]["tags"]
    assert _stored(rapport) == before


def _reaction_on(rapport: Rapport, text: str, event_id: str) -> str:
    """The capture reaction on a message with `text`: what its reactor is told."""

    def history(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return 200, {"ok": True, "messages": [{"ts": "1773133200.000200", "user": "U5", "text": text}]}, {}

    rapport.slack.respond_with("conversations.history", history)
    reaction = {
        "type": "reaction_added",
        "user": f.USER,
        "reaction": "memo",
        "item": {"type": "message", "channel": "C7", "ts": "1773133200.000200"},
    }
    told = len(rapport.slack.calls_to("chat.postEphemeral"))
    body = f.event_body(reaction, event_id=event_id)
    assert rapport.post(body, f.signed(body, json_body=True)).status == 200
    calls = rapport.slack.calls_to("chat.postEphemeral")  # handled after the answer, settled by now
    assert len(calls) > told, "the reactor was told nothing"
    return str(calls[-1].params["text"])


def test_the_capture_reaction_on_a_message_that_cannot_be_stored_says_why(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    before = _stored(rapport)

    with_nul = _reaction_on(rapport, f"acme wants{NUL} 20 seats", "Ev1")
    long_tag = _reaction_on(rapport, "acme wants 20 seats #" + "t" * 101, "Ev2")

    assert CONTROL in with_nul and GENERIC not in with_nul
    assert "100" in long_tag and GENERIC not in long_tag
    assert _stored(rapport) == before
