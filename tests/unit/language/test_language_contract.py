"""The `rapport parse` JSON contract: single requests and JSON-lines batches."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from bot.language import parse_batch, parse_request, to_contract
from bot.language.contract import CONTRACT_FIELDS

CLOCK_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def clock() -> datetime:
    return CLOCK_NOW


def request(obj: object) -> dict[str, object]:
    return parse_request(obj, default_tz="Europe/London", default_currency="USD", clock=clock)  # type: ignore[arg-type]


def batch(lines: list[str]) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    count = parse_batch(lines, out, default_tz="UTC", default_currency="USD", clock=clock)
    return count, [json.loads(line) for line in out.getvalue().splitlines()]


def test_contract_has_exactly_the_documented_fields() -> None:
    result = request({"text": "acme called, follow up tomorrow 3pm #pricing"})
    assert tuple(result) == CONTRACT_FIELDS
    assert result["follow_up"] == {"due": "2026-03-11T15:00:00+00:00", "text": "follow up"}


def test_missing_now_uses_the_clock_and_missing_tz_the_default() -> None:
    result = request({"text": "acme call tomorrow"})
    assert result["follow_up"]["due"] == "2026-03-11T09:00:00+00:00"  # type: ignore[index]


def test_now_and_tz_from_the_request_are_used() -> None:
    result = request({"text": "阿里巴巴 明天跟进", "now": "2026-03-10T20:00:00Z", "tz": "Asia/Shanghai"})
    assert result["follow_up"]["due"] == "2026-03-12T09:00:00+08:00"  # type: ignore[index]


def test_naive_now_is_wall_time_in_the_requests_zone() -> None:
    result = request({"text": "acme call tomorrow", "now": "2026-03-10T23:30", "tz": "America/New_York"})
    assert result["follow_up"]["due"] == "2026-03-11T09:00:00-04:00"  # type: ignore[index]


def test_known_names_from_the_request_are_matched() -> None:
    result = request({"text": "acme health renewed", "known": ["Acme", "Acme Health"]})
    assert result["customer"] == "Acme Health"


@pytest.mark.parametrize(
    ("obj", "says"),
    [
        ({"text": 5}, '"text"'),
        ({}, '"text"'),
        ({"text": "acme", "now": "yesterday-ish"}, '"now"'),
        ({"text": "acme", "now": 12}, '"now"'),
        ({"text": "acme", "tz": "Mars/Olympus"}, '"tz"'),
        ({"text": "acme", "tz": 8}, '"tz"'),
        ({"text": "acme", "known": [1, 2]}, '"known"'),
        ({"text": "acme", "known": {"a": 1}}, '"known"'),
        (["acme"], "JSON object"),
        ("acme", "JSON object"),
    ],
)
def test_malformed_request_answers_with_an_error_and_empty_fields(obj: object, says: str) -> None:
    result = request(obj)
    assert says in str(result["error"])
    assert result["customer"] is None
    assert result["tags"] == [] and result["follow_up"] is None and result["amount"] is None


def test_batch_keeps_order_and_reports_malformed_lines_without_stopping() -> None:
    lines = [
        json.dumps({"text": "acme called", "tz": "UTC"}) + "\n",
        "{not json\n",
        json.dumps({"text": "华为 电话沟通，明天跟进", "tz": "Asia/Shanghai"}, ensure_ascii=False) + "\n",
        json.dumps({"text": 42}) + "\n",
        "\n",
        json.dumps({"text": "globex bought 10 seats $5k"}) + "\n",
    ]
    count, results = batch(lines)
    assert count == 6
    assert len(results) == 6
    assert results[0]["customer"] == "acme" and results[0]["error"] is None
    assert "not valid JSON" in str(results[1]["error"])
    assert results[2]["customer"] == "华为"
    assert results[3]["error"] is not None
    assert results[4]["error"] is not None
    assert results[5]["amount"] == {"value": 5000, "currency": "USD"}


def test_batch_writes_chinese_as_characters_not_escapes() -> None:
    out = io.StringIO()
    parse_batch(
        ['{"text": "格力 邮件投诉 #交付"}'], out, default_tz="UTC", default_currency="USD", clock=clock
    )
    assert "格力" in out.getvalue() and "\\u" not in out.getvalue()


def test_batch_of_nothing_writes_nothing() -> None:
    assert batch([]) == (0, [])


def test_error_note_serializes_like_any_other() -> None:
    result = request({"text": ""})
    assert tuple(result) == CONTRACT_FIELDS
    assert result["error"]


def test_amount_fraction_is_a_json_float() -> None:
    result = request({"text": "acme paid $1,234.50 today"})
    assert result["amount"] == {"value": 1234.5, "currency": "USD"}


def test_to_contract_times_are_iso_with_offset() -> None:
    from bot.language import parse_note

    parsed = parse_note("acme met yesterday, call friday", now=datetime(2026, 3, 10, 9), tz="Europe/Paris")
    result = to_contract(parsed)
    assert result["occurred_at"] == "2026-03-09T09:00:00+01:00"
    assert result["follow_up"]["due"] == "2026-03-13T09:00:00+01:00"


def test_new_fields_come_last_and_say_whether_the_customer_is_known() -> None:
    assert CONTRACT_FIELDS[-2:] == ("customer_known", "customer_alternative")
    known = request({"text": "acme called", "known": ["Acme"]})
    assert (known["customer"], known["customer_known"], known["customer_alternative"]) == ("Acme", True, None)
    new = request({"text": "Acme Health bought 20 seats $12k", "known": ["Acme"]})
    assert (new["customer"], new["customer_known"], new["customer_alternative"]) == (
        "Acme Health",
        False,
        "Acme",
    )
    unknown = request({"text": "hooli called"})
    assert (unknown["customer_known"], unknown["customer_alternative"]) == (False, None)
