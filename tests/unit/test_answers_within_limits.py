"""The short answers (bot.render.crm, bot.render.answers), handed hostile inputs in English and
Chinese, build what Slack accepts, before `fit_message` has to cut anything."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType

import pytest

from bot.core.errors import UserError
from bot.customers.records import CustomerNotFound
from bot.customers.tagging import TagResult
from bot.digests.subscriptions import Subscription
from bot.insights.reclassify import Recomputed
from bot.notes.capture import CaptureSetting
from bot.render import answers, crm
from bot.render.kit import Message, fit_message
from bot.render.limits import FALLBACK_TEXT, LIMITS, message_problems
from tests.support import hostile as h

SEGMENT = "s" * 64  # the longest segment name /crm segment create takes


def _tags(lang: str) -> tuple[str, ...]:
    return h.tags(lang)[: h.MANY]


def _subscriptions() -> list[Subscription]:
    return [
        Subscription(SEGMENT, i % 7, 23, 59, "America/Argentina/ComodRivadavia") for i in range(h.LONG_LIST)
    ]


MESSAGES: dict[str, Callable[[str], Message]] = {
    "crm.said": lambda lang: crm.said(h.text(lang, 4000), lang),
    "crm.crm_help": lambda lang: crm.crm_help(lang),
    "crm.not_available": lambda lang: crm.not_available(h.text(lang, 3000), lang),
    "crm.thresholds_set": lambda lang: crm.thresholds_set(3649, 3650, lang),
    "crm.rate_set": lambda lang: crm.rate_set("eur", Decimal("9999999999.99999999"), "USD", lang),
    "crm.recomputing": lambda lang: crm.recomputing(lang),
    "crm.recomputed": lambda lang: crm.recomputed(
        Recomputed(10**6, 10**6, 10**6, tuple(f"X{i:02d}" for i in range(100))), lang
    ),
    "crm.emoji_set": lambda lang: crm.emoji_set("e" * 64, lang),
    "crm.capture_set": lambda lang: crm.capture_set(CaptureSetting("C" + "9" * 20, h.name(lang)), lang),
    "crm.tagged": lambda lang: crm.tagged(
        TagResult(tuple(h.name(lang) for _ in range(h.LONG_LIST)), _tags(lang), _tags(lang), _tags(lang)),
        lang,
    ),
    "crm.segment_deleted": lambda lang: crm.segment_deleted(SEGMENT, lang),
    "crm.digest_subscribed": lambda lang: crm.digest_subscribed(_subscriptions()[0], lang),
    "crm.digest_list": lambda lang: crm.digest_list(_subscriptions(), lang),
    "crm.digest_unsubscribed": lambda lang: crm.digest_unsubscribed(h.LONG_LIST, SEGMENT, lang),
    "crm.digest_sending": lambda lang: crm.digest_sending(SEGMENT, lang),
    "answers.complaint_reopened": lambda lang: answers.complaint_reopened(lang),
    "answers.reminder_stale": lambda lang: answers.reminder_stale(lang),
    "answers.message_saved": lambda lang: answers.message_saved(h.name(lang), lang, already=True),
    "answers.profile_saved": lambda lang: answers.profile_saved(h.name(lang), lang),
    "answers.refused": lambda lang: answers.refused(
        CustomerNotFound(h.name(lang), [f"{h.name(lang)} {i}" for i in range(40)]), lang
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_short_answer_stays_within_slack_limits_on_hostile_input(name: str, lang: str) -> None:
    message = MESSAGES[name](lang)

    assert message_problems({"text": message.text, "blocks": message.blocks}) == []
    assert len(message.blocks) <= LIMITS.message_blocks
    sent = fit_message(message)
    assert sent.blocks == message.blocks and len(sent.text) <= FALLBACK_TEXT


def test_form_errors_name_each_refused_field_in_words() -> None:
    fields = {"amount": ("edit_bad_amount", {}), "follow_up_date": ("edit_time_without_date", {})}

    told = answers.field_errors(fields, "en")

    assert set(told) == {"amount", "follow_up_date"} and all(told.values())


def test_a_refusal_beside_a_message_is_its_words_alone() -> None:
    told = answers.refused(UserError("note_not_found"), "zh")

    assert told.text and told.blocks == [] and told.lang == "zh"


def _renderers(module: ModuleType) -> set[str]:
    names = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{fn_name}"
        for fn_name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__
        and not fn_name.startswith("_")
        and inspect.signature(fn).return_annotation == "Message"
    }
    return names


def test_every_short_answer_is_in_the_hostile_input_tests() -> None:
    missing = (_renderers(crm) | _renderers(answers)) - set(MESSAGES)

    assert missing == set(), f"answers without a hostile-input test: {sorted(missing)}"
