"""dateparser is used only for absolute numeric dates, always with an explicit language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import dateparser
import pytest

from bot.language import absolute, parse_note

NOW = datetime(2026, 3, 10, 9, 0)


def test_dateparser_is_never_asked_to_detect_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    real = dateparser.parse

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(dateparser, "parse", recording)
    absolute.parse_absolute.cache_clear()
    notes = [
        "acme renewal 15.04.2026",
        "acme renewal 16-04-2026",
        "acme call tomorrow 3pm",
        "阿里巴巴 明天跟进",
    ]
    for note in notes:
        parse_note(note, now=NOW, tz="UTC")
    assert calls, "the numeric day-month-year dates should have gone to dateparser"
    assert all(call.get("languages") == ["en"] for call in calls)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acme renewal 15.04.2026", "2026-04-15"),
        ("acme renewal 16-04-2026", "2026-04-16"),
        ("acme renewal 31.12.2026", "2026-12-31"),
    ],
)
def test_day_month_year_dates_are_read_day_first(text: str, expected: str) -> None:
    parsed = parse_note(text, now=NOW, tz="UTC")
    assert parsed.follow_up is not None
    assert parsed.follow_up.due.date().isoformat() == expected


def test_impossible_numeric_date_is_not_a_date() -> None:
    assert parse_note("acme renewal 31.02.2026", now=NOW, tz="UTC").follow_up is None
