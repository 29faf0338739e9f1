"""Buttons and forms of a follow-up or customer that no longer exists say so, instead of "something
went wrong" (or, for the Edit profile form, closing without a word)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import delete
from sqlmodel import select

from bot.console import payloads
from bot.jobs.reminders import Dispatcher
from bot.render import card_modals, cards
from bot.render import reminders as views
from storage.models import Customer, FollowUp, Note
from tests import factories as f
from tests.e2e.conftest import Rapport

GENERIC = "something went wrong"
FOLLOW_UP_GONE = "That follow-up no longer exists"
CUSTOMER_GONE = "That customer no longer exists"


def _post(rapport: Rapport, body: str) -> f.HttpAnswer:
    return rapport.post(body, f.signed(body))


def _reminder(rapport: Rapport) -> dict[str, Any]:
    """A posted reminder's message."""
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    Dispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner="t").run_once()
    return dict(rapport.slack.calls_to("chat.postMessage")[-1].params)


def _element(post: dict[str, Any], action_id: str) -> dict[str, Any]:
    for block in post["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return {**element, "block_id": block.get("block_id")}
    raise AssertionError(f"no {action_id} in reminder")


def _unknown(token: str) -> str:
    """A reminder token of a follow-up that never existed."""
    choice, _, data = token.rpartition("|")
    value = json.loads(data)
    return (choice + "|" if choice else "") + json.dumps({**value, "id": 99999})


def _delete_follow_ups(rapport: Rapport) -> None:
    with rapport.db.session() as session:
        session.execute(delete(FollowUp))


def _act(rapport: Rapport, action: dict[str, Any]) -> dict[str, Any]:
    answer = _post(rapport, f.action_body(action, response_url=rapport.response_url()))
    assert answer.status == 200
    return rapport.responses()[-1]


@pytest.mark.parametrize("gone", ["deleted", "unknown"])
def test_snooze_and_reassign_of_a_missing_follow_up_say_it_no_longer_exists(
    rapport: Rapport, gone: str
) -> None:
    post = _reminder(rapport)
    snooze = _element(post, views.SNOOZE_ACTION)
    option = next(o for o in snooze["options"] if o["value"].startswith("tomorrow|"))
    reassign = _element(post, views.REASSIGN_ACTION)
    done = _element(post, views.DONE_ACTION)
    if gone == "deleted":
        _delete_follow_ups(rapport)
    else:
        option = {**option, "value": _unknown(option["value"])}
        reassign = {**reassign, "block_id": _unknown(reassign["block_id"])}
        done = {**done, "value": _unknown(done["value"])}

    snoozed = _act(rapport, {**snooze, "selected_option": option})
    reassigned = _act(rapport, {**reassign, "selected_user": "U777"})
    marked = _act(rapport, done)

    for answer in (snoozed, reassigned, marked):
        assert FOLLOW_UP_GONE in answer["text"] and GENERIC not in answer["text"]
        assert answer["replace_original"] is False  # the reminder itself stays as it was
    assert "deleted" in snoozed["text"]


def _card_buttons(rapport: Rapport) -> dict[str, str]:
    rapport.command("acme: first call")
    card = rapport.command("acme", command="/customer").json()
    wanted = (
        cards.ADD_NOTE_ACTION,
        cards.ADD_FOLLOW_UP_ACTION,
        cards.SHARE_ACTION,
        cards.EDIT_PROFILE_ACTION,
    )
    values = {action: f.find_button(card["blocks"], action)["value"] for action in wanted}
    values[cards.ALL_NOTES_ACTION] = f.find_button(card["blocks"], cards.ALL_NOTES_ACTION)["value"]
    return values


def _delete_customer(rapport: Rapport) -> None:
    with rapport.db.session() as session:
        customer = session.exec(select(Customer)).one()
        customer.deleted_at = datetime(2026, 3, 1, tzinfo=UTC)
        session.add(customer)


@pytest.mark.parametrize("gone", ["deleted", "unknown"])
def test_the_cards_buttons_of_a_missing_customer_say_it_no_longer_exists(rapport: Rapport, gone: str) -> None:
    values = _card_buttons(rapport)
    if gone == "deleted":
        _delete_customer(rapport)
    else:
        values = {action: value.replace(value.split(":")[0], "99999", 1) for action, value in values.items()}
    opened_before = len(rapport.slack.calls_to("views.open"))

    for action, value in values.items():
        assert rapport.click(action, value).status == 200
        answer = rapport.responses()[-1]
        assert CUSTOMER_GONE in answer["text"], action
        assert GENERIC not in answer["text"] and "No customer called" not in answer["text"], action
        assert answer.get("response_type") != "in_channel", action  # nothing shared with the channel
    assert len(rapport.slack.calls_to("views.open")) == opened_before  # no form for it


def _form(rapport: Rapport, action: str, value: str) -> dict[str, Any]:
    rapport.click(action, value)
    return dict(rapport.slack.calls_to("views.open")[-1].params["view"])


def test_forms_of_a_customer_deleted_while_open_say_so_and_store_nothing(rapport: Rapport) -> None:
    values = _card_buttons(rapport)
    note_form = _form(rapport, cards.ADD_NOTE_ACTION, values[cards.ADD_NOTE_ACTION])
    follow_up_form = _form(rapport, cards.ADD_FOLLOW_UP_ACTION, values[cards.ADD_FOLLOW_UP_ACTION])
    profile_form = _form(rapport, cards.EDIT_PROFILE_ACTION, values[cards.EDIT_PROFILE_ACTION])
    _delete_customer(rapport)
    text = {card_modals.TEXT_BLOCK: {"value": {"type": "plain_text_input", "value": "tomorrow send the SOW"}}}

    answers = [
        _post(rapport, f.submission_body(note_form, text)),
        _post(rapport, f.submission_body(follow_up_form, text)),
        _post(
            rapport, f.submission_body(profile_form, payloads.modal_state(profile_form, {"region": "EMEA"}))
        ),
    ]

    for answer in answers:
        reply = answer.json()
        assert reply["response_action"] == "errors"
        assert any(CUSTOMER_GONE in message for message in reply["errors"].values()), reply
    with rapport.db.session() as session:
        assert [n.body for n in session.exec(select(Note))] == ["first call"]
        assert list(session.exec(select(FollowUp))) == []
        assert [(c.name, c.region) for c in session.exec(select(Customer))] == [("acme", None)]
