"""/note, Undo and /customer over signed HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.render.notes import UNDO_ACTION
from storage.models import Customer, Note, Tag
from tests import factories as f
from tests.e2e.conftest import Rapport


@pytest.fixture
def rapport(rapport_http: Rapport) -> Rapport:
    """Over HTTP: what these tests pin is decided by the HTTP layer (bot.web) or crosses it."""
    return rapport_http


def _notes(rapport: Rapport) -> list[Note]:
    with rapport.db.session() as session:
        return list(session.exec(select(Note).order_by(Note.id)))  # type: ignore[arg-type]


def test_note_is_stored_and_answered_ephemerally_with_undo(rapport: Rapport) -> None:
    answer = rapport.command("acme called re pricing #pricing #Pricing")

    assert answer.status == 200
    reply = answer.json()
    assert reply["response_type"] == "ephemeral"
    shown = f.all_text(reply["blocks"])
    assert "acme" in shown and "called re pricing" in shown and "#pricing" in shown
    undo = f.find_button(reply["blocks"], UNDO_ACTION)
    [note] = _notes(rapport)
    assert undo["value"] == str(note.id)
    assert note.author_id == f.USER and note.team_id == f.TEAM and note.slack_channel_id == f.CHANNEL
    assert note.created_at == rapport.clock.now
    with rapport.db.session() as session:
        customer = session.exec(select(Customer)).one()
        assert customer.name == "acme" and customer.team_id == f.TEAM
        assert [t.name for t in session.exec(select(Tag))] == ["pricing"]


def test_second_note_on_known_customer_reuses_it_whatever_the_case(rapport: Rapport) -> None:
    rapport.command('"Acme Health" renewal talk')
    rapport.command("ACME HEALTH sent the contract back")

    with rapport.db.session() as session:
        assert [c.name for c in session.exec(select(Customer))] == ["Acme Health"]
    assert [n.body for n in _notes(rapport)] == ["renewal talk", "sent the contract back"]


def test_undo_soft_deletes_and_replaces_the_message(rapport: Rapport) -> None:
    reply = rapport.command("acme called re pricing").json()
    note_id = f.find_button(reply["blocks"], UNDO_ACTION)["value"]

    assert rapport.click(UNDO_ACTION, note_id).status == 200

    [note] = _notes(rapport)
    assert note.deleted_at is not None and note.deleted_by == f.USER
    [posted] = rapport.responses()
    assert posted["replace_original"] is True
    assert "Removed the note on *acme*" in posted["text"]


def test_undo_by_someone_else_is_refused_and_keeps_the_note(rapport: Rapport) -> None:
    reply = rapport.command("acme called re pricing").json()
    note_id = f.find_button(reply["blocks"], UNDO_ACTION)["value"]

    rapport.click(UNDO_ACTION, note_id, user=f.OTHER_USER)

    [note] = _notes(rapport)
    assert note.deleted_at is None
    [posted] = rapport.responses()
    assert posted["replace_original"] is False and posted["response_type"] == "ephemeral"
    assert "Only the person who wrote a note can undo it" in posted["text"]


def test_undo_twice_says_it_was_already_removed(rapport: Rapport) -> None:
    reply = rapport.command("acme called").json()
    note_id = f.find_button(reply["blocks"], UNDO_ACTION)["value"]
    rapport.click(UNDO_ACTION, note_id)
    rapport.click(UNDO_ACTION, note_id)

    assert "already removed" in rapport.responses()[-1]["text"]


def test_empty_note_answers_with_usage_and_examples(rapport: Rapport) -> None:
    reply = rapport.command("").json()

    assert reply["response_type"] == "ephemeral"
    shown = f.all_text(reply["blocks"])
    assert "/note <customer>" in shown and "/note acme called re pricing" in shown
    assert _notes(rapport) == []


def test_only_tags_answers_with_usage_in_chinese_when_written_in_chinese(rapport: Rapport) -> None:
    reply = rapport.command("#报价 #跟进").json()

    shown = f.all_text(reply["blocks"])
    assert "/note <客户>" in shown and "阿里巴巴" in shown
    assert _notes(rapport) == []


def test_chinese_note_is_filed_under_the_chinese_name(rapport: Rapport) -> None:
    reply = rapport.command("阿里巴巴 电话沟通报价 #报价").json()

    assert "已记录到 *阿里巴巴*" in f.all_text(reply["blocks"])
    with rapport.db.session() as session:
        assert session.exec(select(Customer.name)).one() == "阿里巴巴"
        assert session.exec(select(Tag.name)).one() == "报价"


def test_customer_card_shows_tags_count_and_last_notes(rapport: Rapport) -> None:
    for n in range(7):
        rapport.command(f"acme: update number {n} #deal")
        rapport.clock.advance(minutes=5)

    reply = rapport.command("ACME", command="/customer").json()

    assert reply["response_type"] == "ephemeral"
    shown = f.all_text(reply["blocks"])
    assert "#deal" in shown and "\n7" in shown
    assert "update number 6" in shown and "update number 2" in shown
    assert "update number 1" not in shown  # only the last five


def test_customer_card_for_a_misspelt_name_shows_the_one_close_customer(rapport: Rapport) -> None:
    rapport.command("Northwind Traders shipped the order")

    reply = rapport.command("northwnd traders", command="/customer").json()

    assert reply["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Northwind Traders", "emoji": True},
    }


def test_customer_card_for_an_ambiguous_name_offers_the_close_ones(rapport: Rapport) -> None:
    rapport.command("Northwind Traders shipped the order")
    rapport.command('"Northwind Logistics" picked up')

    reply = rapport.command("northwind", command="/customer").json()

    assert "Did you mean" in reply["text"]
    offered = {e["value"] for b in reply["blocks"] for e in b.get("elements", [])}
    assert offered == {"Northwind Traders", "Northwind Logistics"}


def test_unexpected_failure_gets_a_polite_ephemeral_answer(rapport: Rapport) -> None:
    # A table gone missing under the app is a failure no input can cause: the real thing.
    with rapport.db.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE note_tag RENAME TO note_tag_away")
    try:
        answer = rapport.command("acme called #pricing")
    finally:
        with rapport.db.engine.begin() as connection:
            connection.exec_driver_sql("ALTER TABLE note_tag_away RENAME TO note_tag")

    assert answer.status == 200
    reply = answer.json()
    assert reply["response_type"] == "ephemeral"
    assert "something went wrong" in reply["text"]
    assert "Traceback" not in answer.body
    assert _notes(rapport) == []  # the failed transaction left nothing behind


def test_undo_takes_back_the_tags_only_that_note_gave_the_customer(rapport: Rapport) -> None:
    rapport.command("acme called #pricing #renewal")
    second = rapport.command("acme emailed #renewal").json()
    rapport.click(UNDO_ACTION, f.find_button(second["blocks"], UNDO_ACTION)["value"])
    first_again = rapport.command("acme: checking in").json()
    rapport.click(UNDO_ACTION, f.find_button(first_again["blocks"], UNDO_ACTION)["value"])

    card = rapport.command("acme", command="/customer").json()
    shown = f.all_text(card["blocks"])
    assert "#pricing" in shown and "#renewal" in shown  # the first note still carries both

    with rapport.db.session() as session:
        first_id = session.exec(select(Note.id).order_by(Note.id)).first()
    rapport.click(UNDO_ACTION, str(first_id))
    card = rapport.command("acme", command="/customer").json()
    assert "#pricing" not in f.all_text(card["blocks"]) and "#renewal" not in f.all_text(card["blocks"])
