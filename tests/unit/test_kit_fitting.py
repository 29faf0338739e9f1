"""Cutting text and lists to Slack's limits: never over, never a broken link, mention, escape or
character, formatting closed again, and a last line that says what was left out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.i18n import t
from bot.render.kit import (
    ELLIPSIS,
    Message,
    actions,
    button,
    clip,
    context,
    fit_message,
    fit_view,
    join_within,
    more_items,
    section,
    unclosed_marks,
)
from bot.render.limits import FALLBACK_TEXT, LIMITS, BlockKitError, message_problems, slack_length

_TOKEN = re.compile(r"<[^<>\n]*>|&(?:amp|lt|gt);")

# Words as people write them, in both scripts, with emoji, escapes, links and mentions.
_words = st.sampled_from(
    [
        "word",
        "Northwind",
        "snake_case",
        "5 × 3",
        "续约沟通",
        "，",
        "👍🏽",
        "é",
        "&amp;",
        "&lt;",
        "<@U012ABC>",
        "<https://example.com/a/b|the link>",
    ]
)
_phrases = st.lists(_words, min_size=1, max_size=4).map(" ".join)
# Markup as Rapport's renderers and its users write it: a phrase in bold, italic, strike or code.
_styled = st.one_of(
    _phrases,
    _phrases.map("*{}*".format),
    _phrases.map("_{}_".format),
    _phrases.map("~{}~".format),
    _phrases.map("`{}`".format),
    _phrases.map("```{}```".format),
)
_texts = st.lists(_styled, max_size=15).map(" ".join)
# And text nobody meant: marks anywhere, unpaired.
_junk = st.lists(st.one_of(_words, st.sampled_from(["*", "_", "~", "`", "```", " ", "\n"])), max_size=60).map(
    "".join
)


@given(text=st.one_of(_texts, _junk), limit=st.integers(min_value=1, max_value=150))
def test_clipped_text_is_never_over_its_limit_and_never_splits_a_link_mention_or_escape(
    text: str, limit: int
) -> None:
    cut = clip(text, limit)

    assert slack_length(cut) <= limit
    if slack_length(text) <= limit:
        assert cut == text
    else:
        kept = cut[: cut.rindex(ELLIPSIS)]
        assert text.startswith(kept)
        # The words above hold no bare <, > or &: any left once whole links, mentions and
        # escapes are taken out would be half of one.
        assert not set("<>&") & set(_TOKEN.sub("", kept))


@given(text=_texts, limit=st.integers(min_value=1, max_value=150))
def test_bold_italic_strike_or_code_cut_open_is_closed_after_the_ellipsis(text: str, limit: int) -> None:
    assert unclosed_marks(clip(text, limit)) == ""


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("hello *bold words go on and on*", 20, "hello *bold words…*"),
        ("_italic text that goes on_", 12, "_italic…_"),
        ("`a code span that is long` after", 12, "`a code…`"),
        ("see <https://example.com/very/long|the link> now", 25, "see…"),
        ("AT&amp;T and more text", 6, "AT…"),
        ("Northwind Traders International", 20, "Northwind Traders…"),
        ("电话沟通报价，客户希望下周二跟进合同细节", 10, "电话沟通报价，客户…"),
        ("👍🏽👍🏽👍🏽👍🏽", 7, "👍🏽…"),
    ],
    ids=["bold", "italic", "code", "link", "escape", "between-words", "chinese", "emoji-with-skin-tone"],
)
def test_clipping_ends_where_a_reader_expects(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected


def test_plain_text_is_cut_without_reading_markup() -> None:
    assert clip("<b>& *not bold* in plain text", 12, markup=False) == "<b>& *not…"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_list_shows_what_fits_then_how_many_more(lang: str) -> None:
    tags = [f"`#tag{i}`" for i in range(500)]

    joined = join_within(tags, limit=200, more=more_items(lang))

    shown = joined.count("`#tag")
    assert slack_length(joined) <= 200
    assert joined.endswith(t("more_items", lang, count=500 - shown))
    assert joined.startswith("`#tag0` `#tag1` ")


def test_a_list_already_cut_to_a_page_counts_the_rest_as_left_out() -> None:
    assert join_within(["a", "b"], limit=100, more=more_items("en"), total=30) == "a b +28 more"


def _many(count: int) -> list[dict[str, object]]:
    return [section(f"line {i}") for i in range(count)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_message_past_50_blocks_keeps_its_buttons_and_says_how_many_were_left_out(lang: str) -> None:
    buttons = actions(button("Next", "page", "2"), block_id="pages")
    message = Message(text="x" * 10_000, blocks=[*_many(80), buttons], lang=lang)

    sent = fit_message(message)

    assert len(sent.blocks) == LIMITS.message_blocks
    assert sent.blocks[-1] == buttons
    assert sent.blocks[-2] == context(t("blocks_more", lang, count=80 - 48, limit=LIMITS.message_blocks))
    assert len(sent.text) <= FALLBACK_TEXT and sent.text.endswith(ELLIPSIS)
    assert message_problems({"text": sent.text, "blocks": sent.blocks}) == []


def test_a_field_over_its_limit_fails_loudly_before_it_is_sent() -> None:
    """A builder is bypassed (a block written by hand): sending raises, naming the field."""
    too_long = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}

    with pytest.raises(BlockKitError, match=r"/blocks/1/text/text"):
        fit_message(Message(text="hi", blocks=[section("fine"), too_long]))


def test_a_home_tab_past_100_blocks_is_cut_with_a_line_saying_so() -> None:
    view = fit_view({"type": "home", "blocks": _many(130)}, lang="zh")

    assert len(view["blocks"]) == LIMITS.view_blocks
    assert view["blocks"][-1] == context(t("blocks_more", "zh", count=31, limit=LIMITS.view_blocks))
