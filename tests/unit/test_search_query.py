"""The `/crm search` grammar, the relevance score and the snippet, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.core.errors import UserError
from bot.notes.finder import make_snippet, parse_query
from storage.search import SearchQuery, score

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_words_become_terms_in_order_without_duplicates() -> None:
    assert parse_query("pricing renewal pricing").terms == ("pricing", "renewal")


def test_chinese_words_are_terms_as_typed() -> None:
    assert parse_query("华为 电话沟通").terms == ("华为", "电话沟通")


@pytest.mark.parametrize("text", ['"price  drop"', "“price drop”", "「price drop」"])
def test_quoted_phrase_is_one_term_with_spaces_collapsed(text: str) -> None:
    assert parse_query(text).terms == ("price drop",)


def test_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('call "price drop').terms == ("call", "price drop")


def test_tags_are_lower_cased_without_the_hash_and_full_width_hash_works() -> None:
    query = parse_query("pricing #Renewal ＃报价")
    assert (query.terms, query.tags) == (("pricing",), ("renewal", "报价"))


def test_a_lone_hash_or_a_hash_number_is_a_word() -> None:
    assert parse_query("# #!").tags == ()


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("customer:acme", "acme"),
        ('customer:"Acme  Health"', "acme health"),
        ("Customer:ACME", "acme"),
        ("客户:阿里巴巴", "阿里巴巴"),
        ("客户：阿里巴巴", "阿里巴巴"),
        ("customer:“Acme Health”", "acme health"),
    ],
)
def test_customer_filter_is_normalised_like_stored_names(text: str, customer: str) -> None:
    query = parse_query(f"pricing {text}")
    assert (query.terms, query.customer) == (("pricing",), customer)


@pytest.mark.parametrize(
    "text", ["from:@U123", "from:U123", "from:<@U123>", "from:<@U123|alice>", "from:W9Z"]
)
def test_from_takes_a_mention_or_a_user_id(text: str) -> None:
    assert parse_query(text).author_id in ("U123", "W9Z")


def test_since_is_the_start_of_the_day_and_until_includes_its_day() -> None:
    query = parse_query("since:2026-01-01 until:2026-02-01")
    assert query.since == datetime(2026, 1, 1, tzinfo=UTC)
    assert query.until == datetime(2026, 2, 2, tzinfo=UTC)


def test_dates_are_days_in_the_given_zone() -> None:
    shanghai = timezone(timedelta(hours=8))
    assert parse_query("since:2026-01-01", tz=shanghai).since == datetime(2025, 12, 31, 16, tzinfo=UTC)


def test_relative_since_counts_back_from_now() -> None:
    assert parse_query("since:7d", now=NOW).since == datetime(2026, 3, 3, tzinfo=UTC)
    assert parse_query("since:2w", now=NOW).since == datetime(2026, 2, 24, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("since:2026-13-01", "since"),
        ("until:yesterday", "until"),
        ("since:", "since"),
        ("from:bob", "from"),
        ("customer:", "customer"),
        ("since:2026-02-01 until:2026-01-01", "until"),
    ],
)
def test_bad_filters_raise_a_user_error_naming_the_filter(text: str, name: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_query(text, now=NOW)
    assert refused.value.key == "search_bad_filter"
    assert refused.value.params["filter"] == name


def test_unknown_prefixes_and_links_stay_words() -> None:
    assert parse_query("re:pricing https://acme.com").terms == ("re:pricing", "https://acme.com")


def test_query_of_only_filters_has_no_terms_and_is_not_empty() -> None:
    query = parse_query("#pricing from:@U1")
    assert query.terms == () and not query.is_empty


def test_blank_query_is_empty() -> None:
    assert parse_query("  ") == SearchQuery() and SearchQuery().is_empty


def test_whole_word_scores_above_inside_a_word() -> None:
    assert score("AI roadmap", ("ai",)) == 2
    assert score("sent an email", ("ai",)) == 1


def test_chinese_match_counts_as_a_whole_word() -> None:
    assert score("今天拜访了华为", ("华为",)) == 2


def test_words_together_as_typed_score_one_more() -> None:
    assert score("price drop", ("price", "drop")) == score("drop price", ("price", "drop")) + 1


def test_short_body_snippet_is_the_whole_body_with_highlights() -> None:
    snippet, highlights = make_snippet("Called Acme about  pricing", ("pricing",))
    assert snippet == "Called Acme about pricing"
    assert [snippet[a:b] for a, b in highlights] == ["pricing"]


def test_long_body_snippet_is_cut_around_the_first_match() -> None:
    body = "x" * 300 + " 华为 " + "y" * 300
    snippet, highlights = make_snippet(body, ("华为",))
    assert snippet.startswith("…") and snippet.endswith("…") and len(snippet) <= 162
    assert [snippet[a:b] for a, b in highlights] == ["华为"]
