"""The customer card: what it shows, how names resolve, and its buttons."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.render import card_modals, cards
from bot.render.errors import CREATE_ACTION, OPEN_CARD_ACTION
from storage.models import Customer, FollowUp, Note
from tests import factories as f
from tests.e2e.conftest import Rapport


def _card(rapport: Rapport, name: str) -> dict[str, Any]:
    return dict(rapport.command(name, command="/customer").json())


def _submit(rapport: Rapport, view: dict[str, Any], text: str) -> f.HttpAnswer:
    values = {card_modals.TEXT_BLOCK: {"value": {"type": "plain_text_input", "value": text}}}
    body = f.submission_body(view, values)
    return rapport.post(body, f.signed(body))


def test_card_shows_stage_purchases_and_complaints(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    assert "lead" in f.all_text(_card(rapport, "acme")["blocks"])

    rapport.command("acme bought 20 seats for $12k")
    rapport.command("acme paid €300 for training")
    rapport.command("acme complained about the invoice")
    shown = f.all_text(_card(rapport, "acme")["blocks"])

    assert "new" in shown  # first purchase today
    assert "12,000 USD" in shown and "300 EUR" in shown
    assert "Open complaints (1)" in shown and "complained about the invoice" in shown
    rapport.clock.advance(days=40)
    assert "at risk" in f.all_text(_card(rapport, "acme")["blocks"])


def test_names_resolve_through_case_suffixes_and_typos(rapport: Rapport) -> None:
    rapport.command('"Northwind Traders Inc." shipped the order')
    rapport.command('"华为技术有限公司" 电话沟通')

    for query in ("northwind traders", "NORTHWIND TRADERS LTD", "Northwnd Traders", "华为技术", "华为"):
        reply = _card(rapport, query)
        assert reply["blocks"][0]["type"] == "header", query


def test_several_close_names_are_offered_with_buttons(rapport: Rapport) -> None:
    rapport.command('"Acme Health" renewal')
    rapport.command('"Acme Labs" pilot')

    reply = _card(rapport, "acme")

    assert "Did you mean" in reply["text"]
    offered = [
        e["value"]
        for b in reply["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == OPEN_CARD_ACTION
    ]
    assert sorted(offered) == ["Acme Health", "Acme Labs"]


def test_unknown_name_offers_to_create_it(rapport: Rapport) -> None:
    reply = _card(rapport, "Globex")
    create = f.find_button(reply["blocks"], CREATE_ACTION)

    rapport.click(CREATE_ACTION, create["value"])

    with rapport.db.session() as session:
        assert session.exec(select(Customer.name)).one() == "Globex"
    assert rapport.responses()[-1]["replace_original"] is True


def test_all_notes_pages_through_every_note(rapport: Rapport) -> None:
    for n in range(12):
        rapport.command(f"acme: update {n:02d}")
        rapport.clock.advance(minutes=1)
    card = _card(rapport, "acme")

    rapport.click(cards.ALL_NOTES_ACTION, f.find_button(card["blocks"], cards.ALL_NOTES_ACTION)["value"])
    first = rapport.responses()[-1]
    following = f.find_button(first["blocks"], "card_all_notes")
    assert "update 11" in f.all_text(first["blocks"]) and "update 01" not in f.all_text(first["blocks"])

    body = f.action_body({**following, "block_id": "notes:1:1"}, response_url=rapport.response_url())
    rapport.post(body, f.signed(body))
    second = rapport.responses()[-1]
    assert second["replace_original"] is True
    assert "update 01" in f.all_text(second["blocks"]) and "update 00" in f.all_text(second["blocks"])


def test_share_posts_the_card_in_the_channel(rapport: Rapport) -> None:
    rapport.command("acme: first call")
    card = _card(rapport, "acme")

    rapport.click(cards.SHARE_ACTION, f.find_button(card["blocks"], cards.SHARE_ACTION)["value"])

    shared = rapport.responses()[-1]
    assert shared["response_type"] == "in_channel"
    assert all(
        e.get("action_id") != cards.SHARE_ACTION for b in shared["blocks"] for e in b.get("elements", [])
    )


def test_add_note_and_add_follow_up_from_the_card(rapport: Rapport) -> None:
    rapport.command('"Acme Health": first call')
    card = _card(rapport, "acme health")
    cid = f.find_button(card["blocks"], cards.ADD_NOTE_ACTION)["value"]

    rapport.click(cards.ADD_NOTE_ACTION, cid)
    note_form = rapport.slack.calls_to("views.open")[-1].params["view"]
    assert _submit(rapport, note_form, "sent the SOW #contract").status == 200
    rapport.click(cards.ADD_FOLLOW_UP_ACTION, cid)
    follow_up_form = rapport.slack.calls_to("views.open")[-1].params["view"]
    refused = _submit(rapport, follow_up_form, "sometime maybe").json()
    assert refused["response_action"] == "errors"
    _submit(rapport, follow_up_form, "next tue check the signature")

    with rapport.db.session() as session:
        bodies = [n.body for n in session.exec(select(Note).order_by(Note.id))]  # type: ignore[arg-type]
        follow_up = session.exec(select(FollowUp)).one()
        customer = session.get(Customer, follow_up.customer_id)
    assert bodies == ["first call", "sent the SOW #contract"]
    assert customer is not None and customer.name == "Acme Health"
    assert follow_up.text == "check the signature"
