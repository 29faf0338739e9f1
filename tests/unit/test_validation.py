"""bot.core.validation: what a person types is cleaned, bounded by its column, or refused with a reason."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from bot.core import validation
from bot.core.i18n import CATALOG, LANGS
from bot.core.validation import InvalidInput
from bot.language.scripts import CONTROL, FORMAT


def test_the_invisible_characters_are_exactly_unicodes_format_category() -> None:
    everything = (chr(cp) for cp in range(0x110000))
    found = {ch for ch in everything if FORMAT.match(ch)}
    assert found == {chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"}


def test_control_characters_are_every_control_code_but_tab_newline_and_return() -> None:
    controls = {chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cc"}
    assert {ch for ch in controls if CONTROL.match(ch)} == controls - {"\t", "\n", "\r"}


def test_limits_are_the_columns() -> None:
    assert (validation.NAME_MAX, validation.TAG_MAX, validation.EMOJI_MAX) == (200, 100, 64)
    assert validation.CONTACT_MAX == {"name": 200, "title": 200, "email": 320, "phone": 64}
    amount = (validation.AMOUNT_LIMIT, validation.AMOUNT_STEP)
    rate = (validation.RATE_LIMIT, validation.RATE_STEP)
    assert amount == (Decimal("1e14"), Decimal("0.0001")) and rate == (Decimal("1e10"), Decimal("1e-8"))


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("  Glo\u200bbex\u00a0 Corp\u200f ", "Globex Corp"),
        ("Acme\u3000Health", "Acme Health"),
        ("华为（中国）", "华为（中国）"),  # kept as written; only its key is folded
        ("ＡＣＭＥ", "ＡＣＭＥ"),
        ("a" * 200, "a" * 200),
    ],
)
def test_a_name_loses_invisible_characters_and_extra_space(written: str, kept: str) -> None:
    assert validation.name(written) == kept


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("a" * 201, "input_name_too_long"),
        ("㍿" * 100, "input_name_too_long"),  # 100 characters, but its key (株式会社 × 100) has 400
        ("ac\x00me", "input_control_chars"),
        ("\u200b\u200f", "input_name_invisible"),
    ],
)
def test_a_name_that_cannot_be_stored_is_refused(written: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validation.name(written)
    assert refused.value.key == key


def test_tags_are_normalized_deduplicated_and_bounded() -> None:
    assert validation.tags(["#VIP", "vi\u200bp", "ＶＩＰ", "\u200b", "renewal-"]) == ("vip", "renewal")
    assert validation.tag("t" * 100) == "t" * 100
    with pytest.raises(InvalidInput) as refused:
        validation.tag("t" * 101)
    assert refused.value.params == {"tag": "t" * 39 + "…", "length": 101, "limit": 100}


def test_amounts_are_kept_to_four_places_under_ten_to_the_fourteenth() -> None:
    assert validation.amount(Decimal("12.34565")) == Decimal("12.3457")
    assert validation.amount(Decimal("99999999999999.9999")) == Decimal("99999999999999.9999")
    for too_large in ("1e14", "99999999999999.99995", "1e30"):
        with pytest.raises(InvalidInput) as refused:
            validation.amount(Decimal(too_large))
        assert refused.value.key == "input_amount_too_large"
        assert refused.value.params["limit"] == "100,000,000,000,000"


@pytest.mark.parametrize("written", ["1e400", "1e10", "0", "-1", "0.000000001", "NaN", "Infinity"])
def test_a_rate_the_column_cannot_hold_exactly_is_refused(written: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validation.rate(written)
    assert refused.value.key == "crm_rate_out_of_range"


def test_rates_in_range_are_kept_as_typed() -> None:
    assert validation.rate("1,08") == Decimal("1.08")
    assert validation.rate("9999999999.99999999") == Decimal("9999999999.99999999")
    assert validation.rate("0.00000001") == Decimal("0.00000001")
    with pytest.raises(InvalidInput) as refused:
        validation.rate("one")
    assert refused.value.key == "crm_bad_rate"


def test_emoji_names_are_read_as_the_reaction_is_matched() -> None:
    assert validation.emoji(":Memo:") == "memo"
    assert validation.emoji(":" + "e" * 64 + ":") == "e" * 64
    with pytest.raises(InvalidInput):
        validation.emoji(":" + "e" * 65 + ":")


@pytest.mark.parametrize(
    "key",
    [
        "input_control_chars",
        "input_too_long",
        "input_name_too_long",
        "input_name_invisible",
        "input_tag_too_long",
        "input_amount_too_large",
        "input_emoji_too_long",
        "crm_rate_out_of_range",
        "profile_contact_too_long",
        "profile_contact_control_chars",
        "customer_gone",
        "followup_not_found",
    ],
)
def test_every_refusal_is_worded_in_english_and_chinese(key: str) -> None:
    assert all(CATALOG[key].get(lang) for lang in LANGS)
