"""Slack's documented Block Kit limits, and the one check that every message and view must pass.

Slack refuses a whole message (`invalid_blocks`) or view (`invalid_arguments`) for a single field
over its limit, and the person who asked sees nothing. The builders in `bot.render.kit` keep every
field within these limits; `problems` finds what is not, naming each place the way Slack's own
refusal does (`[ERROR] … [json-pointer:/blocks/0/text/text]`). The local Slack stand-in refuses
with the same check, so a renderer that goes over a limit fails its tests instead of going silent.

Each limit names the reference page it comes from (docs.slack.dev, checked for this module).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BlockKitLimits:
    # reference/block-kit/blocks: "up to 50 blocks in each message, and 100 blocks in modals or Home tabs"
    message_blocks: int = 50
    view_blocks: int = 100
    # composition-objects/text-object: "The minimum length is 1 and maximum length is 3000 characters"
    text_min: int = 1
    text: int = 3000
    # blocks/section-block: text 1-3000; fields "Maximum number of items is 10. Maximum length for
    # the text in each item is 2000 characters"
    section_text: int = 3000
    section_fields: int = 10
    section_field_text: int = 2000
    # blocks/header-block: "Maximum length for the text in this field is 150 characters"
    header_text: int = 150
    # blocks/context-block: elements, "Maximum number of items is 10"
    context_elements: int = 10
    # blocks/actions-block: "There is a maximum of 25 elements in each action block"
    actions_elements: int = 25
    # every block's block_id: "Maximum length for this field is 255 characters"
    block_id: int = 255
    # block-elements/button-element: text 75, action_id 255, url 3000, value 2000
    button_text: int = 75
    button_value: int = 2000
    button_url: int = 3000
    action_id: int = 255
    # block-elements/select-menu-element: placeholder 150; "Maximum number of options is 100";
    # composition-objects/option-group-object: at most 100 groups
    placeholder: int = 150
    select_options: int = 100
    # block-elements/overflow-menu-element: "An array of up to five option objects" (two at least)
    overflow_options_min: int = 2
    overflow_options_max: int = 5
    # composition-objects/option-object: text 75, value 150, description 75, url 3000
    option_text: int = 75
    option_value: int = 150
    option_description: int = 75
    # composition-objects/option-group-object: label 75
    option_group_label: int = 75
    # blocks/input-block: label and hint "Maximum length for the text in this field is 2000"
    input_label: int = 2000
    input_hint: int = 2000
    # block-elements/plain-text-input-element: max_length "between 1 and 3000, inclusive",
    # min_length "between 0 and 3000"
    text_input_length: int = 3000
    # reference/views/modal-views: title, submit and close 24; private_metadata 3000; callback_id 255;
    # reference/views/home-tab-views: private_metadata 3000, callback_id 255
    view_title: int = 24
    view_button: int = 24
    private_metadata: int = 3000
    callback_id: int = 255
    # Slack's changelog (2018-04, "truncating really long messages"): a message's top-level `text`
    # over 40,000 characters is cut there. Not a refusal, but the end would be lost without a word.
    message_text: int = 40_000


LIMITS = BlockKitLimits()

# Ours, far under Slack's 40,000: a message's `text` is its notification and screen-reader
# fallback; the blocks carry the content.
FALLBACK_TEXT = 3000

_BLOCK_TYPES = {
    # The layout blocks Slack documents (reference/block-kit/blocks); any other type is refused.
    "actions", "context", "context_actions", "divider", "file", "header", "image", "input",
    "markdown", "rich_text", "section", "table", "video",
}  # fmt: skip
_BUTTON_STYLES = {"primary", "danger"}


def slack_length(text: str) -> int:
    """Characters as a length limit counts them, never fewer than Slack could.

    Slack does not say how it counts; its checks run on JSON strings, whose length in
    JavaScript is in UTF-16 code units. Counting those makes an emoji (outside the Basic
    Multilingual Plane) two, and a Chinese character, like a Latin letter, one.
    """
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True)
class Problem:
    """One field over (or under) its limit, at a JSON pointer into the payload."""

    pointer: str
    reason: str

    def __str__(self) -> str:
        return f"[ERROR] {self.reason} [json-pointer:{self.pointer}]"  # Slack's own wording of it


class BlockKitError(ValueError):
    """A message or view Slack would refuse; raised before it is sent."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class _Checker:
    def __init__(self) -> None:
        self.found: list[Problem] = []

    def fail(self, pointer: str, reason: str) -> None:
        self.found.append(Problem(pointer, reason))

    def string(self, value: Any, pointer: str, *, most: int, least: int = 0) -> None:
        if not isinstance(value, str):
            self.fail(pointer, "must be a string")
            return
        length = slack_length(value)
        if length > most:
            self.fail(pointer, f"must be at most {most} characters (is {length})")
        elif length < least:
            self.fail(pointer, f"must be at least {least} characters (is {length})")

    def count(self, items: Any, pointer: str, *, most: int, least: int = 1) -> list[Any]:
        if not isinstance(items, list):
            self.fail(pointer, "must be an array")
            return []
        if len(items) > most:
            self.fail(pointer, f"must have at most {most} items (has {len(items)})")
        elif len(items) < least:
            self.fail(pointer, f"must have at least {least} items (has {len(items)})")
        return items

    def text(self, obj: Any, pointer: str, *, most: int, plain_only: bool = False) -> None:
        if not isinstance(obj, Mapping):
            self.fail(pointer, "must be a text object")
            return
        kind = obj.get("type")
        if kind not in ("plain_text", "mrkdwn") or (plain_only and kind != "plain_text"):
            self.fail(
                pointer + "/type", "must be plain_text" if plain_only else "must be plain_text or mrkdwn"
            )
        self.string(obj.get("text"), pointer + "/text", most=most, least=LIMITS.text_min)

    def optional(self, obj: Mapping[str, Any], key: str, pointer: str, *, most: int) -> None:
        if key in obj:
            self.string(obj[key], f"{pointer}/{key}", most=most)

    # -- blocks ------------------------------------------------------------------------------
    def blocks(self, blocks: Any, pointer: str, *, most: int) -> None:
        seen: set[str] = set()
        for i, block in enumerate(self.count(blocks, pointer, most=most, least=0)):
            at = f"{pointer}/{i}"
            if not isinstance(block, Mapping):
                self.fail(at, "must be a block object")
                continue
            if "block_id" in block:
                self.string(block["block_id"], at + "/block_id", most=LIMITS.block_id, least=1)
                if block["block_id"] in seen:
                    # block/*: "block_id should be unique for each message"; Slack refuses repeats.
                    self.fail(at + "/block_id", f"repeats block_id {block['block_id']!r}")
                seen.add(str(block["block_id"]))
            self.block(block, at)

    def block(self, block: Mapping[str, Any], at: str) -> None:
        kind = block.get("type")
        if kind not in _BLOCK_TYPES:
            self.fail(at + "/type", f"unknown block type {kind!r}")
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                self.fail(at, "needs text or fields")
            if "text" in block:
                self.text(block["text"], at + "/text", most=LIMITS.section_text)
            if "fields" in block:
                fields = self.count(block["fields"], at + "/fields", most=LIMITS.section_fields)
                for j, item in enumerate(fields):
                    self.text(item, f"{at}/fields/{j}", most=LIMITS.section_field_text)
            if "accessory" in block:
                self.element(block["accessory"], at + "/accessory")
        elif kind == "header":
            self.text(block.get("text"), at + "/text", most=LIMITS.header_text, plain_only=True)
        elif kind == "context":
            elements = self.count(block.get("elements"), at + "/elements", most=LIMITS.context_elements)
            for j, item in enumerate(elements):
                if isinstance(item, Mapping) and item.get("type") == "image":
                    continue
                self.text(item, f"{at}/elements/{j}", most=LIMITS.text)
        elif kind == "actions":
            elements = self.count(block.get("elements"), at + "/elements", most=LIMITS.actions_elements)
            for j, item in enumerate(elements):
                self.element(item, f"{at}/elements/{j}")
        elif kind == "input":
            self.text(block.get("label"), at + "/label", most=LIMITS.input_label, plain_only=True)
            if "hint" in block:
                self.text(block["hint"], at + "/hint", most=LIMITS.input_hint, plain_only=True)
            self.element(block.get("element"), at + "/element")

    # -- elements ----------------------------------------------------------------------------
    def element(self, element: Any, at: str) -> None:
        if not isinstance(element, Mapping):
            self.fail(at, "must be an element object")
            return
        self.optional(element, "action_id", at, most=LIMITS.action_id)
        if "placeholder" in element:
            self.text(element["placeholder"], at + "/placeholder", most=LIMITS.placeholder, plain_only=True)
        kind = element.get("type")
        if kind == "button":
            self.text(element.get("text"), at + "/text", most=LIMITS.button_text, plain_only=True)
            self.optional(element, "value", at, most=LIMITS.button_value)
            self.optional(element, "url", at, most=LIMITS.button_url)
            if "style" in element and element["style"] not in _BUTTON_STYLES:
                self.fail(at + "/style", "must be primary or danger")
        elif kind in ("static_select", "multi_static_select"):
            if "options" in element:
                options = self.count(element["options"], at + "/options", most=LIMITS.select_options)
                self.options(options, at + "/options")
            elif "option_groups" in element:
                groups = self.count(
                    element["option_groups"], at + "/option_groups", most=LIMITS.select_options
                )
                for g, group in enumerate(groups):
                    where = f"{at}/option_groups/{g}"
                    label = group.get("label") if isinstance(group, Mapping) else None
                    self.text(label, where + "/label", most=LIMITS.option_group_label, plain_only=True)
                    items = group.get("options") if isinstance(group, Mapping) else None
                    self.options(self.count(items, where + "/options", most=LIMITS.select_options), where)
            else:
                self.fail(at, "needs options or option_groups")
            if "initial_option" in element:
                self.options([element["initial_option"]], at + "/initial_option", single=True)
        elif kind == "overflow":
            options = self.count(
                element.get("options"),
                at + "/options",
                most=LIMITS.overflow_options_max,
                least=LIMITS.overflow_options_min,
            )
            self.options(options, at + "/options")
        elif kind == "plain_text_input":
            for key in ("max_length", "min_length"):
                value = element.get(key)
                least = 1 if key == "max_length" else 0
                if value is not None and not (
                    isinstance(value, int) and least <= value <= LIMITS.text_input_length
                ):
                    self.fail(f"{at}/{key}", f"must be between {least} and {LIMITS.text_input_length}")
            if "initial_value" in element:
                # Ours, not a documented refusal: a longer initial value could never be submitted.
                most = min(
                    int(element.get("max_length") or LIMITS.text_input_length), LIMITS.text_input_length
                )
                self.string(element["initial_value"], at + "/initial_value", most=most)

    def options(self, options: list[Any], at: str, *, single: bool = False) -> None:
        for k, option in enumerate(options):
            where = at if single else f"{at}/{k}"
            if not isinstance(option, Mapping):
                self.fail(where, "must be an option object")
                continue
            self.text(option.get("text"), where + "/text", most=LIMITS.option_text)
            self.string(option.get("value"), where + "/value", most=LIMITS.option_value, least=1)
            if "description" in option:
                self.text(option["description"], where + "/description", most=LIMITS.option_description)
            self.optional(option, "url", where, most=LIMITS.button_url)


def message_problems(message: Mapping[str, Any]) -> list[Problem]:
    """What Slack would refuse in a message payload (`text`, `blocks`): chat.postMessage,
    chat.postEphemeral, chat.update, a response URL post or a slash command's answer."""
    check = _Checker()
    if "text" in message and message["text"] is not None:
        check.string(message["text"], "/text", most=LIMITS.message_text)
    if message.get("blocks") is not None:
        check.blocks(message["blocks"], "/blocks", most=LIMITS.message_blocks)
    return check.found


def view_problems(view: Mapping[str, Any]) -> list[Problem]:
    """What Slack would refuse in a view (views.open, views.update, views.push, views.publish)."""
    check = _Checker()
    kind = view.get("type")
    if kind not in ("modal", "home"):
        check.fail("/view/type", "must be modal or home")
    check.blocks(view.get("blocks"), "/view/blocks", most=LIMITS.view_blocks)
    check.optional(view, "private_metadata", "/view", most=LIMITS.private_metadata)
    check.optional(view, "callback_id", "/view", most=LIMITS.callback_id)
    if kind == "modal":
        check.text(view.get("title"), "/view/title", most=LIMITS.view_title, plain_only=True)
        for key in ("submit", "close"):
            if key in view:
                check.text(view[key], f"/view/{key}", most=LIMITS.view_button, plain_only=True)
        if "submit" not in view and any(
            isinstance(b, Mapping) and b.get("type") == "input" for b in view.get("blocks") or []
        ):
            # modal-views: "submit is required when an input block is within the blocks array"
            check.fail("/view/submit", "is required with input blocks")
    return check.found


def check_message(message: Mapping[str, Any]) -> None:
    """Raises BlockKitError naming every place Slack would refuse."""
    found = message_problems(message)
    if found:
        raise BlockKitError(found)


def check_view(view: Mapping[str, Any]) -> None:
    found = view_problems(view)
    if found:
        raise BlockKitError(found)
