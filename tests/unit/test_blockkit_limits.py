"""The Block Kit check refuses each thing Slack refuses, at the exact limit, and names the place.

Each case starts from a payload that passes, goes one over (or under) a single documented limit,
and must be refused at that field's JSON pointer: so the check cannot pass by accident, and a
limit cannot be lost without a test failing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.render.limits import (
    LIMITS,
    BlockKitError,
    check_message,
    check_view,
    message_problems,
    slack_length,
    view_problems,
)

Payload = dict[str, Any]


def _text(n: int, kind: str = "mrkdwn") -> dict[str, str]:
    return {"type": kind, "text": "x" * n}


def _button(text: int = 5, value: int = 5, action_id: int = 5) -> dict[str, Any]:
    return {
        "type": "button",
        "text": _text(text, "plain_text"),
        "value": "v" * value,
        "action_id": "a" * action_id,
    }


def _option(text: int = 5, value: int = 5) -> dict[str, Any]:
    return {"text": _text(text, "plain_text"), "value": "v" * value}


def _message(*blocks: dict[str, Any], text: str = "fallback") -> Payload:
    return {"text": text, "blocks": list(blocks)}


def _section(n: int = 10) -> dict[str, Any]:
    return {"type": "section", "text": _text(n)}


def _modal(*blocks: dict[str, Any], **over: Any) -> Payload:
    view: Payload = {
        "type": "modal",
        "callback_id": "c",
        "title": _text(5, "plain_text"),
        "submit": _text(4, "plain_text"),
        "close": _text(6, "plain_text"),
        "private_metadata": "{}",
        "blocks": list(blocks),
    }
    return view | over


def _input(label: int = 5, **element: Any) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": "b",
        "label": _text(label, "plain_text"),
        "element": {"type": "plain_text_input", "action_id": "value"} | element,
    }


# (what is over, the payload at the limit, the payload past it, where Slack would point)
MESSAGE_CASES: list[tuple[str, Payload, Payload, str]] = [
    ("blocks in a message", _message(*[_section()] * 50), _message(*[_section()] * 51), "/blocks"),
    ("section text", _message(_section(3000)), _message(_section(3001)), "/blocks/0/text/text"),
    ("empty section text", _message(_section(1)), _message(_section(0)), "/blocks/0/text/text"),
    (
        "a section field",
        _message({"type": "section", "fields": [_text(2000)]}),
        _message({"type": "section", "fields": [_text(2001)]}),
        "/blocks/0/fields/0/text",
    ),
    (
        "section fields",
        _message({"type": "section", "fields": [_text(1)] * 10}),
        _message({"type": "section", "fields": [_text(1)] * 11}),
        "/blocks/0/fields",
    ),
    (
        "header text",
        _message({"type": "header", "text": _text(150, "plain_text")}),
        _message({"type": "header", "text": _text(151, "plain_text")}),
        "/blocks/0/text/text",
    ),
    (
        "a header in mrkdwn",
        _message({"type": "header", "text": _text(10, "plain_text")}),
        _message({"type": "header", "text": _text(10, "mrkdwn")}),
        "/blocks/0/text/type",
    ),
    (
        "context elements",
        _message({"type": "context", "elements": [_text(3)] * 10}),
        _message({"type": "context", "elements": [_text(3)] * 11}),
        "/blocks/0/elements",
    ),
    (
        "context text",
        _message({"type": "context", "elements": [_text(3000)]}),
        _message({"type": "context", "elements": [_text(3001)]}),
        "/blocks/0/elements/0/text",
    ),
    (
        "an empty context",
        _message({"type": "context", "elements": [_text(3)]}),
        _message({"type": "context", "elements": []}),
        "/blocks/0/elements",
    ),
    (
        "actions elements",
        _message({"type": "actions", "elements": [_button()] * 25}),
        _message({"type": "actions", "elements": [_button()] * 26}),
        "/blocks/0/elements",
    ),
    (
        "button text",
        _message({"type": "actions", "elements": [_button(text=75)]}),
        _message({"type": "actions", "elements": [_button(text=76)]}),
        "/blocks/0/elements/0/text/text",
    ),
    (
        "button value",
        _message({"type": "actions", "elements": [_button(value=2000)]}),
        _message({"type": "actions", "elements": [_button(value=2001)]}),
        "/blocks/0/elements/0/value",
    ),
    (
        "action_id",
        _message({"type": "section", "text": _text(1), "accessory": _button(action_id=255)}),
        _message({"type": "section", "text": _text(1), "accessory": _button(action_id=256)}),
        "/blocks/0/accessory/action_id",
    ),
    (
        "block_id",
        _message(_section() | {"block_id": "b" * 255}),
        _message(_section() | {"block_id": "b" * 256}),
        "/blocks/0/block_id",
    ),
    (
        "a repeated block_id",
        _message(_section() | {"block_id": "a"}, _section() | {"block_id": "b"}),
        _message(_section() | {"block_id": "a"}, _section() | {"block_id": "a"}),
        "/blocks/1/block_id",
    ),
    (
        "select options",
        _message({"type": "actions", "elements": [{"type": "static_select", "options": [_option()] * 100}]}),
        _message({"type": "actions", "elements": [{"type": "static_select", "options": [_option()] * 101}]}),
        "/blocks/0/elements/0/options",
    ),
    (
        "option text",
        _message({"type": "actions", "elements": [{"type": "static_select", "options": [_option(text=75)]}]}),
        _message({"type": "actions", "elements": [{"type": "static_select", "options": [_option(text=76)]}]}),
        "/blocks/0/elements/0/options/0/text/text",
    ),
    (
        "option value",
        _message(
            {"type": "actions", "elements": [{"type": "static_select", "options": [_option(value=150)]}]}
        ),
        _message(
            {"type": "actions", "elements": [{"type": "static_select", "options": [_option(value=151)]}]}
        ),
        "/blocks/0/elements/0/options/0/value",
    ),
    (
        "overflow options, too many",
        _message({"type": "actions", "elements": [{"type": "overflow", "options": [_option()] * 5}]}),
        _message({"type": "actions", "elements": [{"type": "overflow", "options": [_option()] * 6}]}),
        "/blocks/0/elements/0/options",
    ),
    (
        "overflow options, too few",
        _message({"type": "actions", "elements": [{"type": "overflow", "options": [_option()] * 2}]}),
        _message({"type": "actions", "elements": [{"type": "overflow", "options": [_option()] * 1}]}),
        "/blocks/0/elements/0/options",
    ),
    (
        "placeholder",
        _message(
            {
                "type": "actions",
                "elements": [{"type": "users_select", "placeholder": _text(150, "plain_text")}],
            }
        ),
        _message(
            {
                "type": "actions",
                "elements": [{"type": "users_select", "placeholder": _text(151, "plain_text")}],
            }
        ),
        "/blocks/0/elements/0/placeholder/text",
    ),
    ("a message's text", _message(text="x" * 40_000), _message(text="x" * 40_001), "/text"),
    ("a block type", _message({"type": "divider"}), _message({"type": "carousel"}), "/blocks/0/type"),
]


@pytest.mark.parametrize(
    ("what", "at_limit", "past_it", "pointer"), MESSAGE_CASES, ids=[c[0] for c in MESSAGE_CASES]
)
def test_a_message_one_past_a_limit_is_refused_at_that_field(
    what: str, at_limit: Payload, past_it: Payload, pointer: str
) -> None:
    assert message_problems(at_limit) == []
    assert [p.pointer for p in message_problems(past_it)] == [pointer]
    with pytest.raises(BlockKitError, match=pointer):
        check_message(past_it)


VIEW_CASES: list[tuple[str, Payload, Payload, str]] = [
    ("blocks in a modal", _modal(*[_section()] * 100), _modal(*[_section()] * 101), "/view/blocks"),
    (
        "blocks in a Home tab",
        {"type": "home", "blocks": [_section()] * 100},
        {"type": "home", "blocks": [_section()] * 101},
        "/view/blocks",
    ),
    (
        "modal title",
        _modal(title=_text(24, "plain_text")),
        _modal(title=_text(25, "plain_text")),
        "/view/title/text",
    ),
    (
        "submit",
        _modal(submit=_text(24, "plain_text")),
        _modal(submit=_text(25, "plain_text")),
        "/view/submit/text",
    ),
    (
        "close",
        _modal(close=_text(24, "plain_text")),
        _modal(close=_text(25, "plain_text")),
        "/view/close/text",
    ),
    (
        "private_metadata",
        _modal(private_metadata="m" * 3000),
        _modal(private_metadata="m" * 3001),
        "/view/private_metadata",
    ),
    ("callback_id", _modal(callback_id="c" * 255), _modal(callback_id="c" * 256), "/view/callback_id"),
    ("input label", _modal(_input(label=2000)), _modal(_input(label=2001)), "/view/blocks/0/label/text"),
    (
        "a text input's max_length",
        _modal(_input(max_length=3000)),
        _modal(_input(max_length=3001)),
        "/view/blocks/0/element/max_length",
    ),
    (
        "a text input's initial value",
        _modal(_input(max_length=10, initial_value="x" * 10)),
        _modal(_input(max_length=10, initial_value="x" * 11)),
        "/view/blocks/0/element/initial_value",
    ),
    (
        "a form without submit",
        _modal(_input()),
        {k: v for k, v in _modal(_input()).items() if k != "submit"},
        "/view/submit",
    ),
]


@pytest.mark.parametrize(
    ("what", "at_limit", "past_it", "pointer"), VIEW_CASES, ids=[c[0] for c in VIEW_CASES]
)
def test_a_view_one_past_a_limit_is_refused_at_that_field(
    what: str, at_limit: Payload, past_it: Payload, pointer: str
) -> None:
    assert view_problems(at_limit) == []
    assert [p.pointer for p in view_problems(past_it)] == [pointer]
    with pytest.raises(BlockKitError, match=pointer):
        check_view(past_it)


@pytest.mark.parametrize(
    ("text", "length"),
    [("abc", 3), ("华为技术", 4), ("👍", 2), ("a👍🏽b", 6), ("é", 1)],
)
def test_length_is_counted_as_slack_could_count_it(text: str, length: int) -> None:
    """Chinese characters count one each; an emoji outside the Basic Multilingual Plane, two."""
    assert slack_length(text) == length


@pytest.mark.parametrize(
    ("fill", "at_limit"),
    [(lambda n: "中" * n, 3000), (lambda n: "👍" * (n // 2), 3000)],
    ids=["chinese", "emoji"],
)
def test_section_text_limit_holds_for_chinese_and_emoji(fill: Callable[[int], str], at_limit: int) -> None:
    fits = _message({"type": "section", "text": {"type": "mrkdwn", "text": fill(at_limit)}})
    over = _message({"type": "section", "text": {"type": "mrkdwn", "text": fill(at_limit) + "中"}})

    assert message_problems(fits) == []
    assert [p.pointer for p in message_problems(over)] == ["/blocks/0/text/text"]


def test_problems_read_like_slacks_own_refusal() -> None:
    (problem,) = message_problems(_message(_section(LIMITS.section_text + 1)))

    assert (
        str(problem) == "[ERROR] must be at most 3000 characters (is 3001) [json-pointer:/blocks/0/text/text]"
    )
