"""Ways in from any message: @rapport in a thread, capture channels (with Slack's retries),
the capture reaction — over signed HTTP, answers checked at the Slack stand-in."""

from __future__ import annotations

import threading
from typing import Any

from sqlmodel import col, select

from bot.console.standin import Call, Reply
from storage.models import Note
from tests import factories as f
from tests.e2e.conftest import Rapport

BOT = "U0RAPPORT"


def _event(
    rapport: Rapport, event: dict[str, Any], event_id: str, retry: int | None = None, *, settle: bool = True
) -> int:
    body = f.event_body(event, event_id=event_id)
    headers = f.signed(body, json_body=True)
    if retry is not None:
        headers |= {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"}
    return rapport.post(body, headers, settle=settle).status


def _calls(rapport: Rapport, method: str, count: int = 1) -> list[dict[str, Any]]:
    """What reached Slack: a request returns once its work after the answer is done too."""
    calls = [c.params for c in rapport.slack.calls_to(method)]
    assert len(calls) >= count, f"{method}: {len(calls)} call(s), {count} expected"
    return calls


def _notes(rapport: Rapport) -> list[Note]:
    with rapport.db.session() as session:
        return list(session.exec(select(Note).order_by(Note.id)))  # type: ignore[arg-type]


def test_mention_in_a_thread_replies_in_the_thread_with_the_card(rapport: Rapport) -> None:
    rapport.command("acme called re pricing #pricing")

    status = _event(
        rapport,
        {
            "type": "app_mention",
            "user": f.USER,
            "text": f"<@{BOT}> Acme",
            "channel": "C9",
            "ts": "1700.2",
            "thread_ts": "1700.1",
        },
        "Ev1",
    )

    assert status == 200
    [reply] = _calls(rapport, "chat.postMessage")
    assert reply["channel"] == "C9" and reply["thread_ts"] == "1700.1"
    assert "called re pricing" in f.all_text(reply["blocks"])


def test_bare_mention_in_a_thread_shows_the_customer_its_parent_names(rapport: Rapport) -> None:
    rapport.command("Globex Corp: renewal coming up")

    def parent(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return (
            200,
            {"ok": True, "messages": [{"ts": "1700.1", "text": "Heads up: globex corp wants a call"}]},
            {},
        )

    rapport.slack.respond_with("conversations.replies", parent)
    _event(
        rapport,
        {
            "type": "app_mention",
            "user": f.USER,
            "text": f"<@{BOT}>",
            "channel": "C9",
            "ts": "1700.3",
            "thread_ts": "1700.1",
        },
        "Ev2",
    )

    [reply] = _calls(rapport, "chat.postMessage")
    assert reply["thread_ts"] == "1700.1" and "Globex Corp" in reply["text"]


def test_capture_channel_stores_each_message_once_despite_retries(rapport: Rapport) -> None:
    answer = rapport.command("settings capture here Acme Health", command="/crm").json()
    assert "now a note on *Acme Health*" in answer["text"]
    message = {
        "type": "message",
        "user": "U5",
        "text": "sent them the SOW, follow up friday",
        "channel": f.CHANNEL,
        "ts": "1773133200.000100",
    }

    assert _event(rapport, message, "Ev10") == 200
    assert _event(rapport, message, "Ev10", retry=1) == 200
    assert _event(rapport, message, "Ev10", retry=2) == 200
    _event(
        rapport, {**message, "ts": "1773133300.000100", "thread_ts": "1773133200.000100"}, "Ev11"
    )  # a reply

    [marked] = _calls(rapport, "reactions.add")  # each delivery's after-answer work is done by now
    [note] = _notes(rapport)
    assert note.author_id == "U5" and note.source == "capture" and note.slack_ts == "1773133200.000100"
    assert note.permalink and note.permalink.startswith("https://")
    assert marked["timestamp"] == "1773133200.000100" and marked["channel"] == f.CHANNEL
    assert len(rapport.slack.calls_to("reactions.add")) == 1
    assert note.body.startswith("sent them the SOW")


def test_reaction_with_the_capture_emoji_saves_the_message_once(rapport: Rapport) -> None:
    rapport.command("acme: first contact")

    def history(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return (
            200,
            {
                "ok": True,
                "messages": [
                    {"ts": "1773133200.000200", "user": "U5", "text": "acme wants 20 seats #upsell"}
                ],
            },
            {},
        )

    rapport.slack.respond_with("conversations.history", history)
    reaction = {
        "type": "reaction_added",
        "user": f.USER,
        "reaction": "memo",
        "item": {"type": "message", "channel": "C7", "ts": "1773133200.000200"},
    }

    _event(rapport, reaction, "Ev20")
    _calls(rapport, "chat.postEphemeral")
    _event(rapport, {**reaction, "user": "U6"}, "Ev21")  # someone else reacts too

    with rapport.db.session() as session:
        captured = list(session.exec(select(Note).where(Note.source == "reaction")))
    assert len(captured) == 1
    assert captured[0].author_id == "U5" and captured[0].slack_channel_id == "C7"
    [told] = _calls(rapport, "chat.postEphemeral")
    assert told["user"] == f.USER and "Saved as a note on *acme*" in told["text"]


def test_reaction_on_a_message_naming_no_known_customer_explains_instead(rapport: Rapport) -> None:
    def history(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return (
            200,
            {"ok": True, "messages": [{"ts": "1773133200.000300", "user": "U5", "text": "lunch at noon?"}]},
            {},
        )

    rapport.slack.respond_with("conversations.history", history)
    _event(
        rapport,
        {
            "type": "reaction_added",
            "user": f.USER,
            "reaction": "memo",
            "item": {"type": "message", "channel": "C7", "ts": "1773133200.000300"},
        },
        "Ev30",
    )

    [told] = _calls(rapport, "chat.postEphemeral")
    assert "couldn't tell which customer" in told["text"]
    with rapport.db.session() as session:
        assert list(session.exec(select(Note))) == []


def test_other_reactions_are_ignored_and_the_emoji_is_configurable(rapport: Rapport) -> None:
    rapport.command("acme: first contact")
    assert "saves it as a note" in rapport.command("settings emoji :pushpin:", command="/crm").json()["text"]

    def history(call: Call) -> tuple[int, dict[str, Any], dict[str, str]]:
        return (
            200,
            {"ok": True, "messages": [{"ts": "1773133200.000400", "user": "U5", "text": "acme signed!"}]},
            {},
        )

    rapport.slack.respond_with("conversations.history", history)
    item = {"type": "message", "channel": "C7", "ts": "1773133200.000400"}
    _event(rapport, {"type": "reaction_added", "user": f.USER, "reaction": "memo", "item": item}, "Ev40")
    _event(rapport, {"type": "reaction_added", "user": f.USER, "reaction": "pushpin", "item": item}, "Ev41")

    _calls(rapport, "chat.postEphemeral")
    with rapport.db.session() as session:
        assert [n.body for n in session.exec(select(Note).where(Note.source == "reaction"))] == ["signed!"]


# -- nothing captured is lost, nothing is saved twice ----------------------------------------------


def _capture_here(rapport: Rapport) -> None:
    answer = rapport.command("settings capture here Acme Health", command="/crm").json()
    assert "now a note on *Acme Health*" in answer["text"]


def _message(ts: str, text: str = "sent them the SOW #contract") -> dict[str, Any]:
    return {"type": "message", "user": "U5", "text": text, "channel": f.CHANNEL, "ts": ts}


def _stored_for(rapport: Rapport, ts: str) -> list[Note]:
    with rapport.db.session() as session:
        return list(session.exec(select(Note).where(Note.slack_ts == ts, col(Note.deleted_at).is_(None))))


def test_captured_message_is_stored_when_slack_hears_the_answer(rapport: Rapport) -> None:
    """Slack's Web API may be slow or the process may die after answering: the note does not wait."""
    _capture_here(rapport)
    release = threading.Event()

    def slow_permalink(call: Call) -> Reply | None:
        release.wait(timeout=30)
        return None  # then the usual answer

    rapport.slack.respond_with("chat.getPermalink", slow_permalink)
    try:
        assert _event(rapport, _message("1773133200.000500"), "Ev50", settle=False) == 200
        [note] = _stored_for(rapport, "1773133200.000500")  # at once: no waiting for Slack
        assert note.source == "capture" and note.permalink is None
    finally:
        release.set()
    rapport.settle()
    _calls(rapport, "reactions.add")
    [note] = _stored_for(rapport, "1773133200.000500")
    assert note.permalink is not None


def test_retried_reaction_is_handled_when_the_first_delivery_saved_nothing(rapport: Rapport) -> None:
    """A retry is not dropped just because its event id was seen: only a stored note counts."""
    rapport.command("acme: first contact")
    failures = iter([True])

    def history(call: Call) -> Reply:
        if next(failures, False):
            return (500, {"ok": False, "error": "internal_error"}, {})
        messages = [{"ts": "1773133200.000600", "user": "U5", "text": "acme wants 20 seats"}]
        return (200, {"ok": True, "messages": messages}, {})

    rapport.slack.respond_with("conversations.history", history)
    reaction = {
        "type": "reaction_added",
        "user": f.USER,
        "reaction": "memo",
        "item": {"type": "message", "channel": "C7", "ts": "1773133200.000600"},
    }
    assert _event(rapport, reaction, "Ev60") == 200
    _calls(rapport, "conversations.history")
    assert _event(rapport, reaction, "Ev60", retry=1) == 200

    [told] = _calls(rapport, "chat.postEphemeral")
    assert "Saved as a note on *acme*" in told["text"]
    assert len(_stored_for(rapport, "1773133200.000600")) == 1


def test_message_and_reaction_arriving_together_store_one_note(rapport: Rapport) -> None:
    _capture_here(rapport)
    stamps = [f"1773133300.{n:06d}" for n in range(10)]

    def history(call: Call) -> Reply:
        ts = str(call.params.get("latest"))
        return (200, {"ok": True, "messages": [_message(ts)]}, {})

    rapport.slack.respond_with("conversations.history", history)
    for n, ts in enumerate(stamps):
        reaction = {
            "type": "reaction_added",
            "user": f.USER,
            "reaction": "memo",
            "item": {"type": "message", "channel": f.CHANNEL, "ts": ts},
        }
        start = threading.Barrier(2)

        def send(event: dict[str, Any], event_id: str, start: threading.Barrier) -> None:
            start.wait()
            _event(rapport, event, event_id)

        both = [
            threading.Thread(target=send, args=(_message(ts), f"EvM{n}", start)),
            threading.Thread(target=send, args=(reaction, f"EvR{n}", start)),
        ]
        for thread in both:
            thread.start()
        for thread in both:
            thread.join()
    _calls(rapport, "conversations.history", count=len(stamps))  # every reaction was handled

    assert [len(_stored_for(rapport, ts)) for ts in stamps] == [1] * len(stamps)
