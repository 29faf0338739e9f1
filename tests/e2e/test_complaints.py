"""Complaints tracked to resolution: open on the card with a Resolve button, resolved once, reopened,
and counted as opened and resolved in the weekly summary."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from sqlmodel import select

from bot.jobs.digests import DigestDispatcher
from bot.render import cards
from storage.models import Note
from tests import factories as f
from tests.e2e.conftest import Rapport


def _card(rapport: Rapport, name: str) -> dict[str, Any]:
    return dict(rapport.command(name, command="/customer").json())


def _resolve_buttons(blocks: list[dict[str, Any]]) -> list[str]:
    return [
        str(b["accessory"]["value"])
        for b in blocks
        if (b.get("accessory") or {}).get("action_id") == cards.RESOLVE_ACTION
    ]


def test_a_complaint_stays_open_on_the_card_until_resolved_and_can_be_reopened(rapport: Rapport) -> None:
    rapport.command("acme complained about the invoice")
    rapport.command("acme called, happy with the demo")
    rapport.command("acme complained about slow support")
    card = _card(rapport, "acme")
    shown = f.all_text(card["blocks"])
    assert "Open complaints (2)" in shown
    newest, oldest = _resolve_buttons(card["blocks"])
    assert int(newest) > int(oldest)

    rapport.click(cards.RESOLVE_ACTION, oldest, user=f.OTHER_USER)
    redrawn, told = rapport.responses()[-2:]
    assert redrawn["replace_original"] is True
    assert "Open complaints (1)" in f.all_text(redrawn["blocks"])
    assert _resolve_buttons(redrawn["blocks"]) == [newest]
    assert told["response_type"] == "ephemeral" and f"resolved by <@{f.OTHER_USER}>" in told["text"]
    with rapport.db.session() as session:
        note = session.get(Note, int(oldest))
        assert note is not None and note.resolved_by == f.OTHER_USER and note.resolved_at == rapport.clock()

    rapport.click(cards.RESOLVE_ACTION, oldest)  # a second click, on a stale card
    assert f"already resolved by <@{f.OTHER_USER}>" in rapport.responses()[-1]["text"]
    with rapport.db.session() as session:
        note = session.get(Note, int(oldest))
        assert note is not None and note.resolved_by == f.OTHER_USER  # the first resolution stands

    reopen = f.find_button(told["blocks"], cards.REOPEN_ACTION)
    rapport.click(cards.REOPEN_ACTION, reopen["value"])
    assert "open again" in rapport.responses()[-1]["text"]
    assert "Open complaints (2)" in f.all_text(_card(rapport, "acme")["blocks"])


def test_resolving_a_note_that_is_not_a_complaint_is_refused_plainly(rapport: Rapport) -> None:
    rapport.command("acme called, happy with the demo")
    with rapport.db.session() as session:
        note_id = session.exec(select(Note.id)).one()

    rapport.click(cards.RESOLVE_ACTION, str(note_id))

    answer = rapport.responses()[-1]
    assert answer["response_type"] == "ephemeral" and "That complaint is gone" in answer["text"]
    with rapport.db.session() as session:
        assert session.exec(select(Note.resolved_at)).one() is None


def test_the_weekly_summary_counts_complaints_opened_and_resolved(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k #vip")
    rapport.command("acme complained about the invoice #vip")
    rapport.command("acme complained about slow support #vip")
    rapport.recompute()
    rapport.command("digest subscribe vip every wednesday 9:00", command="/crm")
    [first, _] = _resolve_buttons(_card(rapport, "acme")["blocks"])
    rapport.click(cards.RESOLVE_ACTION, first)
    rapport.clock.advance(days=1, seconds=5)
    client = WebClient(token="xoxb-test", base_url=rapport.slack.api_url)
    dispatcher = DigestDispatcher(
        db=rapport.db, client=client, team_ids=[f.TEAM], clock=rapport.clock, owner="p"
    )

    assert dispatcher.run_once() == 1

    [summary] = rapport.slack.calls_to("chat.postMessage")
    assert "Complaints this week*\n2 opened · 1 resolved" in f.all_text(summary.params["blocks"])
