"""Nothing waits on Slack's Web API before the answer to Slack: with Slack stuck (views.open,
response URLs, chat.postEphemeral, chat.getPermalink not answering), a click or a form still
gets its HTTP answer, what it changes is stored, and what it shows lands once Slack answers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient
from sqlmodel import select

from bot.console.standin import Call, Reply
from bot.jobs.reminders import Dispatcher
from bot.render import card_modals, cards, edit_modal
from bot.render import reminders as reminder_views
from bot.render.notes import EDIT_ACTION
from storage.models import FollowUp, Note
from tests import factories as f
from tests.e2e.conftest import Rapport


@dataclass
class Stuck:
    """Slack methods that take the call and answer only once released."""

    reached: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def hold(self, call: Call) -> Reply | None:
        self.reached.set()
        self.released.wait(timeout=30)  # a bound on a failed test, not a timing
        return None  # then Slack's usual answer


@contextmanager
def stuck(rapport: Rapport, *methods: str) -> Iterator[Stuck]:
    held = Stuck()
    for method in methods:
        rapport.slack.respond_with(method, held.hold)
    try:
        yield held
    finally:
        held.released.set()
    rapport.settle()  # what was queued behind Slack has gone out


def _posted_reminder(rapport: Rapport) -> dict[str, Any]:
    rapport.command("acme called, call back in 2 minutes")
    rapport.clock.advance(minutes=3)
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    Dispatcher(db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner="t").run_once()
    [post] = [c.params for c in rapport.slack.calls_to("chat.postMessage")]
    return post


def test_done_on_a_reminder_is_answered_while_the_response_url_is_stuck(rapport: Rapport) -> None:
    post = _posted_reminder(rapport)
    done = next(
        {**e, "block_id": b.get("block_id")}
        for b in post["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == reminder_views.DONE_ACTION
    )

    with stuck(rapport, "response_url") as slack:
        body = f.action_body(done, response_url=rapport.response_url())
        assert rapport.post(body, f.signed(body), settle=False).status == 200
        with rapport.db.session() as session:
            assert session.exec(select(FollowUp)).one().status == "done"
        assert slack.reached.wait(timeout=10)  # asked after the answer

    [redrawn] = rapport.responses()
    assert redrawn["replace_original"] is True and "followed up with *acme*" in redrawn["text"]


def test_edit_is_answered_while_views_open_is_stuck(rapport: Rapport) -> None:
    reply = rapport.command("acme called re pricing #pricing").json()
    note_id = f.find_button(reply["blocks"], EDIT_ACTION)["value"]

    with stuck(rapport, "views.open") as slack:
        assert rapport.click(EDIT_ACTION, note_id, settle=False).status == 200
        assert slack.reached.wait(timeout=10)

    [opened] = rapport.slack.calls_to("views.open")
    assert opened.params["view"]["callback_id"] == edit_modal.EDIT_CALLBACK


def test_a_saved_edit_is_answered_while_the_response_url_is_stuck(rapport: Rapport) -> None:
    reply = rapport.command("acme called re pricing #pricing").json()
    rapport.click(EDIT_ACTION, f.find_button(reply["blocks"], EDIT_ACTION)["value"])
    view = rapport.slack.calls_to("views.open")[-1].params["view"]

    with stuck(rapport, "response_url") as slack:
        body = f.submission_body(view, f.modal_values(view, body="called re discounts"))
        assert rapport.post(body, f.signed(body), settle=False).status == 200
        with rapport.db.session() as session:
            assert session.exec(select(Note)).one().body == "called re discounts"
        assert slack.reached.wait(timeout=10)

    assert "called re discounts" in f.all_text(rapport.responses()[-1]["blocks"])


def test_the_cards_add_note_form_is_answered_while_chat_post_ephemeral_is_stuck(rapport: Rapport) -> None:
    rapport.command('"Acme Health": first call')
    card = rapport.command("acme health", command="/customer").json()
    rapport.click(cards.ADD_NOTE_ACTION, f.find_button(card["blocks"], cards.ADD_NOTE_ACTION)["value"])
    form = rapport.slack.calls_to("views.open")[-1].params["view"]
    values = {card_modals.TEXT_BLOCK: {"value": {"type": "plain_text_input", "value": "sent the SOW"}}}

    with stuck(rapport, "chat.postEphemeral") as slack:
        body = f.submission_body(form, values)
        assert rapport.post(body, f.signed(body), settle=False).status == 200
        with rapport.db.session() as session:
            assert session.exec(select(Note).where(Note.source == "card")).one().body == "sent the SOW"
        assert slack.reached.wait(timeout=10)

    [told] = rapport.slack.calls_to("chat.postEphemeral")
    assert told.params["user"] == f.USER and "Acme Health" in told.params["text"]


MESSAGE = {"type": "message", "user": "U5", "ts": "1773046800.000100", "text": "acme wants a demo #demo"}


def test_the_message_shortcut_is_answered_while_views_open_is_stuck(rapport: Rapport) -> None:
    rapport.command("acme: first contact")

    with stuck(rapport, "views.open") as slack:
        body = f.shortcut_body(MESSAGE, response_url=rapport.response_url())
        assert rapport.post(body, f.signed(body), settle=False).status == 200
        assert slack.reached.wait(timeout=10)

    [opened] = rapport.slack.calls_to("views.open")
    assert opened.params["view"]["callback_id"] == edit_modal.SAVE_MESSAGE_CALLBACK


def test_a_message_saved_from_the_shortcut_is_stored_before_slack_gives_its_permalink(
    rapport: Rapport,
) -> None:
    rapport.command("acme: first contact")
    body = f.shortcut_body(MESSAGE, response_url=rapport.response_url())
    rapport.post(body, f.signed(body))
    view = rapport.slack.calls_to("views.open")[-1].params["view"]

    with stuck(rapport, "chat.getPermalink", "chat.postEphemeral") as slack:
        body = f.submission_body(view, f.modal_values(view))
        assert rapport.post(body, f.signed(body), settle=False).status == 200
        with rapport.db.session() as session:
            note = session.exec(select(Note).where(Note.source == "shortcut")).one()
        assert note.slack_ts == MESSAGE["ts"] and note.permalink is None  # not waited for
        assert slack.reached.wait(timeout=10)

    with rapport.db.session() as session:
        note = session.exec(select(Note).where(Note.source == "shortcut")).one()
    assert note.permalink is not None and note.permalink.endswith("p1773046800000100")
    [told] = rapport.slack.calls_to("chat.postEphemeral")
    assert "Saved as a note on *acme*" in told.params["text"]
