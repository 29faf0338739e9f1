"""Small Block Kit builders, so the renderers read as layout rather than nested dicts.

Every builder keeps what it builds within Slack's limits (bot.render.limits): text is cut, with an
ellipsis, at the limit of the field it goes into, without breaking Slack's markup; long lists end
in "+N more". `fit_message` and `fit_view` are the last step before anything is sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.i18n import t
from bot.render.limits import FALLBACK_TEXT, LIMITS, check_message, check_view, slack_length

Block = dict[str, Any]

ELLIPSIS = "…"
# Pieces of mrkdwn that mean nothing when cut: links, mentions, channels (`<…|…>`) and the three
# escapes. A cut falls before such a piece, never inside it.
_TOKEN = re.compile(r"<[^<>\n]*>|&(?:amp|lt|gt);")
_FENCE = re.compile(r"```.*?```", re.S)
_CODE = re.compile(r"`[^`\n]*`")
_STYLES = "*_~"  # bold, italic, strike: each needs its closing mark to show as formatting
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}  # zero-width joiner and the variation selectors
_WORD_LOOKBACK = 20  # how far back a cut may move to fall between two words


@dataclass(frozen=True)
class Message:
    """A reply: plain `text` (notifications, screen readers, the console's fallback) and blocks.

    `lang` is the reader's language, for what `fit_message` may have to add."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    lang: str = "en"


# -- cutting text --------------------------------------------------------------------------------
def _within(text: str, budget: int) -> int:
    """The longest prefix of `text` (its length in code points) that is `budget` long at most."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            return i
    return len(text)


def _wordish(ch: str) -> bool:
    """A letter or digit of a script that puts spaces between words: Chinese and Japanese do
    not, so a cut may fall between any two of their characters."""
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in ("W", "F")


def _cut_at(text: str, at: int, markup: bool) -> int:
    def inside_token(i: int) -> int | None:
        for m in _TOKEN.finditer(text):
            if m.start() >= i:
                return None
            if m.start() < i < m.end():
                return m.start()
        return None

    if markup and (start := inside_token(at)) is not None:
        at = start
    # Never between a character and the marks or joiners that complete it (é, 👍🏽, 👨‍👩‍👧).
    while 0 < at < len(text) and (
        unicodedata.combining(text[at])
        or text[at] in _JOINERS
        or text[at - 1] == "\u200d"
        or 0x1F3FB <= ord(text[at]) <= 0x1F3FF
    ):
        at -= 1
    # Between two words rather than inside one, when a boundary is near.
    if 0 < at < len(text) and _wordish(text[at - 1]) and _wordish(text[at]):
        for back in range(at - 1, max(0, at - _WORD_LOOKBACK), -1):
            if not (_wordish(text[back - 1]) and _wordish(text[back])):
                at = back
                break
        if markup and (start := inside_token(at)) is not None:
            at = start
    return at


def unclosed_marks(text: str) -> str:
    """The marks that would close the code and styles left open in `text`, innermost first."""
    # A link, mention or code span stands in as one word: what is around it reads as around a word.
    bare = _TOKEN.sub("x", text)
    closers = ""
    if bare.count("```") % 2:
        closers += "```"
        bare = bare[: bare.rindex("```")]
    bare = _FENCE.sub("x", bare)
    if bare.count("`") % 2:
        closers += "`"
        bare = bare[: bare.rindex("`")]
    bare = _CODE.sub("x", bare)
    opened: list[str] = []
    for i, ch in enumerate(bare):
        if ch not in _STYLES:
            continue
        before = bare[i - 1] if i else " "
        after = bare[i + 1] if i + 1 < len(bare) else " "
        if ch in opened and not before.isspace():
            del opened[len(opened) - 1 - opened[::-1].index(ch)]
        elif not before.isalnum() and not after.isspace() and after != ch:
            opened.append(ch)
    return closers + "".join(reversed(opened))


def clip(text: str, limit: int, *, markup: bool = True) -> str:
    """`text` within `limit` (as Slack counts), ending in "…" where it was cut.

    With `markup` (mrkdwn) the cut never falls inside a link, mention or escape, and any bold,
    italic, strike or code left open is closed after the ellipsis, so the rest of the message
    keeps its formatting."""
    if slack_length(text) <= limit:
        return text
    budget = limit - 1
    while budget > 0:
        kept = text[: _cut_at(text, _within(text, budget), markup)].rstrip() + ELLIPSIS
        closers = ""
        while markup and (more := unclosed_marks(kept + closers)) and len(closers) < 12:
            closers += more  # what closes one mark may read as opening another: until none is open
        result = kept + closers
        over = slack_length(result) - limit
        if over <= 0:
            return result
        budget -= over
    return ELLIPSIS


def join_within(
    items: Sequence[str],
    *,
    limit: int,
    more: Callable[[int], str],
    sep: str = " ",
    total: int | None = None,
) -> str:
    """As many of `items` as fit in `limit`, then `more(n)` for the n left out ("+470 more").

    `total` counts items that were never passed (a list already cut to a page) as left out too."""
    total = len(items) if total is None else max(total, len(items))
    kept: list[str] = []
    used = 0
    for k, item in enumerate(items):
        size = slack_length(item) + (slack_length(sep) if kept else 0)
        left = total - k - 1
        room_for_more = slack_length(sep + more(left)) if left else 0
        if used + size + room_for_more > limit:
            return clip(sep.join([*kept, more(total - k)]), limit)
        kept.append(item)
        used += size
    hidden = total - len(kept)
    return sep.join([*kept, more(hidden)] if hidden else kept)


def more_items(lang: str) -> Callable[[int], str]:
    """The "+N more" ending of a list cut short, in `lang`."""
    return lambda count: t("more_items", lang, count=count)


def with_more(
    head: Sequence[Block],
    items: Sequence[Sequence[Block]],
    *,
    limit: int,
    more: Callable[[int], Block],
    tail: Sequence[Block] = (),
    total: int | None = None,
) -> list[Block]:
    """`head`, as many whole items (each a few blocks) as fit in `limit` blocks with `tail`, and
    when some do not, `more(n)`: a block saying how many were left out and how to see them.

    `total` counts items that were never passed (a list already cut to a page) as left out too."""
    total = len(items) if total is None else max(total, len(items))
    everything = [block for item in items for block in item]
    if total == len(items) and len(head) + len(everything) + len(tail) <= limit:
        return [*head, *everything, *tail]
    room = limit - len(head) - len(tail) - 1
    shown: list[Block] = []
    count = 0
    for item in items:
        if len(shown) + len(item) > room:
            break
        shown += item
        count += 1
    return [*head, *shown, more(total - count), *tail]


def labelled_list(
    label: str, items: Sequence[str], *, lang: str, sep: str = " ", limit: int = LIMITS.section_field_text
) -> str:
    """A section field: `label` in bold over as many `items` as fit in it, then "+N more"."""
    head = f"*{label}*\n"
    if not items:
        return head + t("none", lang)
    return head + join_within(items, limit=limit - slack_length(head), more=more_items(lang), sep=sep)


# -- blocks and elements -------------------------------------------------------------------------
def mrkdwn(text: str, *, limit: int = LIMITS.text) -> dict[str, str]:
    return {"type": "mrkdwn", "text": clip(text, limit)}


def plain(text: str, *, limit: int) -> dict[str, Any]:
    """Plain text cut at the limit of the field it fills (a header's 150, a button's 75, …)."""
    return {"type": "plain_text", "text": clip(text, limit, markup=False), "emoji": True}


def section(text: str, *, fields: list[str] | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text, limit=LIMITS.section_text)}
    if fields:
        block["fields"] = [
            mrkdwn(f, limit=LIMITS.section_field_text) for f in fields[: LIMITS.section_fields]
        ]
    if accessory is not None:
        block["accessory"] = accessory
    return block


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, limit=LIMITS.header_text)}


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(t) for t in texts if t][: LIMITS.context_elements]}


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    """A button; its `value` travels back on a click, so it is never cut (a renderer keeps it short)."""
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(text, limit=LIMITS.button_text),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(*elements: dict[str, Any], block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)[: LIMITS.actions_elements]}
    if block_id:
        block["block_id"] = block_id
    return block


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text, limit=LIMITS.option_text), "value": value}


def escape(text: str) -> str:
    """Slack's three control characters, so user text cannot forge mentions or links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def input_block(block_id: str, label: str, element: dict[str, Any], *, optional: bool = True) -> Block:
    """A form field; every element answers under the action id "value"."""
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label, limit=LIMITS.input_label),
        "element": {**element, "action_id": "value"},
    }


def text_input(
    initial: str | None, *, multiline: bool = False, max_length: int = LIMITS.text_input_length
) -> dict[str, Any]:
    max_length = min(max_length, LIMITS.text_input_length)
    element: dict[str, Any] = {"type": "plain_text_input", "multiline": multiline, "max_length": max_length}
    if initial:
        # What the person will edit and submit: cut without an ellipsis that would become data.
        element["initial_value"] = initial[: _within(initial, max_length)]
    return element


def modal(
    *,
    callback_id: str,
    title: str,
    blocks: list[Block],
    submit: str,
    close: str,
    private_metadata: str,
) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": private_metadata,
        "title": plain(title, limit=LIMITS.view_title),
        "submit": plain(submit, limit=LIMITS.view_button),
        "close": plain(close, limit=LIMITS.view_button),
        "blocks": blocks,
    }


# -- the last step before sending ----------------------------------------------------------------
def _fit_blocks(blocks: list[Block], limit: int, lang: str) -> list[Block]:
    """At most `limit` blocks; a trailing row of buttons (paging, the card's actions) stays."""
    if len(blocks) <= limit:
        return blocks
    tail = blocks[-1:] if blocks[-1].get("type") == "actions" else []
    body = blocks[: len(blocks) - len(tail)]
    return with_more(
        [],
        [[block] for block in body],
        limit=limit,
        tail=tail,
        more=lambda count: context(t("blocks_more", lang, count=count, limit=limit)),
    )


def fit_message(message: Message) -> Message:
    """The message as it is sent: its text within our fallback length, its blocks within Slack's
    50 (a last line says how many were left out). Raises BlockKitError if anything else is over
    a limit: a renderer's bug, better told as a polite failure than refused by Slack in silence."""
    fitted = Message(
        text=clip(message.text, FALLBACK_TEXT),
        blocks=_fit_blocks(message.blocks, LIMITS.message_blocks, message.lang),
        lang=message.lang,
    )
    check_message({"text": fitted.text, "blocks": fitted.blocks})
    return fitted


def payload(message: Message) -> dict[str, Any]:
    """The message fitted, as the keyword arguments of a send (`chat_postMessage(**payload(m))`,
    `respond`, `ack`); no `blocks` when it has none."""
    fitted = fit_message(message)
    return {"text": fitted.text, "blocks": fitted.blocks} if fitted.blocks else {"text": fitted.text}


def fit_view(view: dict[str, Any], *, lang: str) -> dict[str, Any]:
    """A modal or App Home view as it is sent: at most 100 blocks, else BlockKitError."""
    fitted = {**view, "blocks": _fit_blocks(list(view.get("blocks") or []), LIMITS.view_blocks, lang)}
    check_view(fitted)
    return fitted
