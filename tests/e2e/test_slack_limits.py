"""Answers within Slack's limits, over signed HTTP: a note as long as a note may be, with 500 tags,
shown cut short but whole in every answer, and every call accepted by the Slack stand-in (which
refuses what Slack refuses; the `slack` fixture fails a test that made it refuse anything)."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import select

from bot.core.i18n import t
from bot.render import cards
from bot.render.errors import CREATE_ACTION
from bot.render.limits import LIMITS, message_problems
from storage.models import Note
from tests import factories as f
from tests.e2e.conftest import Rapport

TAGS = 500
BODY = 3900


def _long_note(customer: str, words: str, length: int = BODY) -> tuple[str, str]:
    """`/note` text naming `customer`, whose body is `length` characters with TAGS tags in it."""
    tags = " ".join(f"#t{i:03d}" for i in range(TAGS))
    filler = (words * (length // len(words) + 1))[: length - len(tags) - 1].strip()
    body = f"{filler} {tags}"
    return f"{customer} {body}", body


def _field(message: dict[str, Any], label: str) -> str:
    return next(
        field["text"]
        for block in message["blocks"]
        for field in block.get("fields", [])
        if field["text"].startswith(f"*{label}*")
    )


def _shown_tags(field: str) -> list[str]:
    return re.findall(r"`#(t\d{3})`", field)


def test_a_note_with_500_tags_and_a_3900_character_body_is_shown_cut_short_but_valid(
    rapport: Rapport,
) -> None:
    text, body = _long_note("acme", "Called re pricing & terms; *renewal* is _urgent_. ")

    filed = rapport.command(text).json()  # Rapport.command refuses an answer Slack would refuse

    assert len(body) > BODY - 5
    with rapport.db.session() as session:
        assert session.exec(select(Note.body)).one() == body  # stored whole; only the answer is cut
    shown_body = _field(filed, t("field_text", "en"))
    assert shown_body.rstrip("*_~`").endswith("…") and len(shown_body) <= LIMITS.section_field_text
    tags = _field(filed, t("field_tags", "en"))
    assert _shown_tags(tags) == [f"t{i:03d}" for i in range(len(_shown_tags(tags)))]
    assert tags.endswith(t("more_items", "en", count=TAGS - len(_shown_tags(tags))))

    card = rapport.command("acme", command="/customer").json()

    card_tags = _field(card, t("field_tags", "en"))
    assert card_tags.endswith(t("more_items", "en", count=TAGS - len(_shown_tags(card_tags))))
    [note] = [b["text"]["text"] for b in card["blocks"] if b["type"] == "section" and "renewal" in str(b)]
    assert note.rstrip("*_~`").endswith("…") and len(note) <= LIMITS.section_text
    assert "pricing &amp; terms" in note and not re.search(r"&(?!amp;|lt;|gt;)", note)  # no half "&am"

    rapport.click(cards.ALL_NOTES_ACTION, f.find_button(card["blocks"], cards.ALL_NOTES_ACTION)["value"])
    rapport.click(cards.SHARE_ACTION, f.find_button(card["blocks"], cards.SHARE_ACTION)["value"])

    pages, shared = rapport.responses()[-2:]
    assert shared["response_type"] == "in_channel" and "renewal" in f.all_text(shared["blocks"])
    assert "renewal" in f.all_text(pages["blocks"])
    for reply in (pages, shared):
        assert message_problems(reply) == []
    assert rapport.slack.refusals() == []


def test_a_chinese_customer_with_a_300_character_name_gets_answers_slack_accepts(rapport: Rapport) -> None:
    name = ("华为技术有限公司深圳分公司" * 25)[:300]

    offered = rapport.command(name, command="/customer").json()  # not found: offered to create it
    rapport.click(CREATE_ACTION, f.find_button(offered["blocks"], CREATE_ACTION)["value"])
    card = rapport.responses()[-1]

    title = card["blocks"][0]["text"]["text"]
    assert card["blocks"][0]["type"] == "header" and len(title) <= LIMITS.header_text
    assert title.endswith("…") and name.startswith(title[:-1])

    # A long Chinese note with 330 tags (within a note's 4,000 characters), and its card.
    tags = " ".join(f"#标签{i:03d}" for i in range(330))
    body = ("电话沟通报价，客户希望下周二跟进合同细节。" * 200)[:1200] + " " + tags
    filed = rapport.command(f"“华为技术有限公司” {body}").json()
    card = rapport.command("华为技术有限公司", command="/customer").json()

    for answer in (filed, card):
        shown = _field(answer, t("field_tags", "zh"))
        count = len(re.findall(r"`#标签\d{3}`", shown))
        assert 100 < count < 330 and shown.endswith(t("more_items", "zh", count=330 - count))
    assert rapport.slack.refusals() == []


def test_a_card_posted_in_a_thread_is_accepted_by_slack(rapport: Rapport) -> None:
    text, _ = _long_note("acme", "Quarterly review went well, renewal likely. ")
    rapport.command(text)

    event = {
        "type": "app_mention",
        "user": f.USER,
        "text": "<@U0RAPPORT> acme",
        "channel": "C9",
        "ts": "1700.2",
    }
    body = f.event_body(event, event_id="EvLimits")
    assert rapport.post(body, f.signed(body, json_body=True)).status == 200

    [posted] = rapport.slack.calls_to("chat.postMessage")
    assert posted.refused == () and "renewal" in f.all_text(posted.params["blocks"])
