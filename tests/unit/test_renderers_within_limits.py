"""Every renderer, handed hostile inputs in English and Chinese, builds what Slack accepts.

The check is the one the Slack stand-in refuses with (bot.render.limits), on what the renderer
returns *before* `fit_message` / `fit_view`: a renderer that relies on the last step to cut it
down is a renderer that would have lost the end of the answer.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from bot.core.errors import UserError
from bot.core.i18n import t
from bot.customers.records import CustomerNotFound
from bot.followups.agenda import ClosedFollowUp
from bot.notes.complaints import Resolution
from bot.notes.filing import UndoneNote
from bot.render import (
    card_modals,
    cards,
    digests,
    edit_modal,
    errors,
    followups,
    home,
    notes,
    profile_modal,
    reminders,
    search,
    segments,
)
from bot.render.kit import Message, fit_message, fit_view
from bot.render.limits import FALLBACK_TEXT, LIMITS, message_problems, view_problems
from tests.factories import all_text
from tests.support import hostile as h

MESSAGES: dict[str, Callable[[str], Message]] = {
    "cards.customer_card": lambda lang: cards.customer_card(h.card(lang), lang=lang, tz=h.TZ, now=h.NOW),
    "cards.notes_page": lambda lang: cards.notes_page(h.notes_page(lang), lang=lang, now=h.NOW),
    "cards.complaint_resolved": lambda lang: cards.complaint_resolved(
        Resolution(1, 7, h.name(lang), "U0RESOLVER", h.NOW, just_now=True), lang=lang, now=h.NOW
    ),
    "notes.note_filed": lambda lang: notes.note_filed(h.filed_note(lang)),
    "notes.note_undone": lambda lang: notes.note_undone(UndoneNote(1, h.name(lang), False, 9, lang), lang),
    "notes.not_available": lambda lang: notes.not_available("/" + h.text(lang, 3000), lang),
    "notes.note_usage": lambda lang: notes.note_usage(lang, h.text(lang, 3000)),
    "followups.follow_up_set": lambda lang: followups.follow_up_set(h.created_follow_up(lang), h.NOW),
    "followups.follow_up_list": lambda lang: followups.follow_up_list(h.follow_up_list(lang), h.NOW),
    "followups.follow_up_usage": lambda lang: followups.follow_up_usage(lang, h.text(lang, 3000)),
    "followups.follow_up_done": lambda lang: followups.follow_up_done(
        ClosedFollowUp(text=h.text(lang), closed_now=True, lang=lang)
    ),
    "search.results_message": lambda lang: search.results_message(
        h.search_results(lang), text=h.text(lang, 2500), lang=lang, now=h.NOW
    ),
    "segments.segment_table": lambda lang: segments.segment_table(h.segment(lang), lang=lang, now=h.NOW),
    "segments.segment_list": lambda lang: segments.segment_list(h.segments(lang), lang=lang),
    "digests.digest_message": lambda lang: digests.digest_message(
        h.digest(lang), now=h.NOW, late_since=h.NOW, preview=True
    ),
    "reminders.reminder": lambda lang: reminders.reminder(
        h.reminder(lang), h.NOW, moved_from="C" + "9" * 20, reason=h.text(lang, 500)
    ),
    "reminders.closed": lambda lang: reminders.closed(h.reminder(lang), by="U0DONE", now=h.NOW),
    "reminders.snoozed": lambda lang: reminders.snoozed(h.reminder(lang), by="U0S", until=h.NOW, zone=h.TZ),
    "errors.user_error (did you mean)": lambda lang: errors.user_error(
        CustomerNotFound(h.name(lang), [f"{h.name(lang)} {i}" for i in range(40)]), lang
    ),
    "errors.user_error (create it)": lambda lang: errors.user_error(CustomerNotFound(h.name(lang), []), lang),
    "errors.user_error (refusal)": lambda lang: errors.user_error(
        UserError("note_not_found", detail=h.text(lang)), lang
    ),
    "errors.generic_error": lambda lang: errors.generic_error(lang),
}

VIEWS: dict[str, Callable[[str], dict[str, Any]]] = {
    "home.home_view": lambda lang: home.home_view(
        h.home(lang),
        h.NOW,
        query=h.text(lang, 4000),
        results=search.result_blocks(
            h.search_results(lang), text="x", lang=lang, now=h.NOW, room=home.RESULTS_ROOM
        ),
    ),
    "card_modals.add_note": lambda lang: card_modals.add_note(
        customer_id=7, customer=h.name(lang), channel_id="C1", lang=lang
    ),
    "card_modals.add_follow_up": lambda lang: card_modals.add_follow_up(
        customer_id=7, customer=h.name(lang), channel_id="C1", lang=lang
    ),
    "edit_modal.edit_modal": lambda lang: edit_modal.edit_modal(h.editable_note(lang), reply_key="k" * 32),
    "edit_modal.save_message_modal": lambda lang: edit_modal.save_message_modal(
        h.editable_note(lang), channel_id="C1", ts="1700000000.000100", author_id="U1"
    ),
    "profile_modal.profile_modal": lambda lang: profile_modal.profile_modal(
        h.profile(lang), lang=lang, channel_id="C1"
    ),
}

LANGS = ("en", "zh")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_renderer_stays_within_slack_limits_on_hostile_input(name: str, lang: str) -> None:
    message = MESSAGES[name](lang)

    assert message_problems({"text": message.text, "blocks": message.blocks}) == []
    assert len(message.blocks) <= LIMITS.message_blocks
    sent = fit_message(message)  # what goes out: the renderer's blocks untouched, the text shortened
    assert sent.blocks == message.blocks and len(sent.text) <= FALLBACK_TEXT


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_renderer_stays_within_slack_limits_on_hostile_input(name: str, lang: str) -> None:
    view = VIEWS[name](lang)

    assert view_problems(view) == []
    assert fit_view(view, lang=lang) == view


def _renderers(module: ModuleType) -> set[str]:
    """The module's public functions that build a message or a view (by their return type)."""
    built = {"Message", "dict[str, Any]", "list[Block]"}
    not_renderers = {"reminders.metadata", "reminders.parse_token"}  # data carried, not shown
    names = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{fn_name}"
        for fn_name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__
        and not fn_name.startswith("_")
        and inspect.signature(fn).return_annotation in built
    }
    return names - not_renderers


def test_every_renderer_is_in_the_hostile_input_tests() -> None:
    modules = [card_modals, cards, digests, edit_modal, errors, followups, home, notes]
    modules += [profile_modal, reminders, search, segments]
    covered = {name.split(" ")[0] for name in [*MESSAGES, *VIEWS]} | {"search.result_blocks"}

    missing = set().union(*(_renderers(m) for m in modules)) - covered

    assert missing == set(), f"renderers without a hostile-input test: {sorted(missing)}"


# -- what a reader sees when the input is too much -------------------------------------------------
def _fields(message: Message) -> list[str]:
    return [f["text"] for b in message.blocks for f in b.get("fields", [])]


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_with_500_tags_shows_the_first_ones_and_how_many_more(lang: str) -> None:
    card = cards.customer_card(h.card(lang), lang=lang, tz=h.TZ, now=h.NOW)

    tags_field = _fields(card)[0]
    shown = re.findall(r"`#([^`]+)`", tags_field)
    more = t("more_items", lang, count=h.MANY - len(shown))
    assert shown == list(h.tags(lang)[: len(shown)]) and len(shown) > 100
    assert tags_field.endswith(more)
    assert len(tags_field) <= LIMITS.section_field_text


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_keeps_its_buttons_when_its_notes_do_not_all_fit(lang: str) -> None:
    card = cards.customer_card(h.card(lang), lang=lang, tz=h.TZ, now=h.NOW)

    assert card.blocks[-1]["type"] == "actions" and len(card.blocks[-1]["elements"]) == 5
    notes_shown = sum(
        1 for b in card.blocks if b["type"] == "context" and b["elements"][0]["text"].startswith("<@U0000")
    )
    assert len(card.blocks) == LIMITS.message_blocks and notes_shown > 10
    told = card.blocks[-2]["elements"][0]["text"]
    assert told == t("card_more_notes", lang, count=len(h.card(lang).recent) - notes_shown)


@pytest.mark.parametrize("lang", LANGS)
def test_a_4000_character_note_is_cut_in_its_field_with_an_ellipsis(lang: str) -> None:
    filed = notes.note_filed(h.filed_note(lang))

    body = _fields(filed)[0]
    assert body.endswith("…") or body.rstrip("*_~`").endswith("…")
    assert LIMITS.section_field_text - 20 < len(body) <= LIMITS.section_field_text


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_of_200_follow_ups_says_how_many_were_left_out(lang: str) -> None:
    listing = followups.follow_up_list(h.follow_up_list(lang), h.NOW)

    shown = sum(1 for b in listing.blocks if b.get("accessory", {}).get("action_id") == followups.DONE_ACTION)
    assert len(listing.blocks) == LIMITS.message_blocks
    assert listing.blocks[-1]["elements"][0]["text"] == t("followup_more", lang, count=h.LONG_LIST - shown)


@pytest.mark.parametrize("lang", LANGS)
def test_100_search_results_keep_the_page_buttons_and_count_the_rest(lang: str) -> None:
    found = search.results_message(h.search_results(lang), text=h.text(lang, 2500), lang=lang, now=h.NOW)

    pages = found.blocks[-1]
    assert pages["type"] == "actions"
    for button in pages["elements"]:  # the query rides in the value, shortened, still JSON
        assert json.loads(button["value"])["page"] in (1, 3)
    hits = sum(1 for b in found.blocks if b["type"] == "context" and "U0AUTHOR" in b["elements"][0]["text"])
    assert found.blocks[-2]["elements"][0]["text"] == t("search_more", lang, count=h.RESULTS - hits)


def test_a_300_character_name_is_cut_to_a_headers_150() -> None:
    card = cards.customer_card(h.card("en"), lang="en", tz=h.TZ, now=h.NOW)

    title = card.blocks[0]["text"]["text"]
    assert len(title) <= LIMITS.header_text and title.endswith("…")
    assert h.name("en").startswith(title[:-1].rstrip())


def test_chinese_is_cut_between_characters_and_told_in_chinese() -> None:
    listing = followups.follow_up_list(h.follow_up_list("zh"), h.NOW)

    assert "另有" in all_text(listing.blocks)
    line = listing.blocks[1]["text"]["text"]
    assert "…" in line and "\ufffd" not in line
