"""Absolute dates in numeric formats we do not spell out ourselves, read by dateparser.

Only ever called on a short span our grammar already matched, with an explicit language and
date order, so dateparser never has to guess the language of the whole note (that is its slow path).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import dateparser

_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


@lru_cache(maxsize=1024)
def parse_absolute(text: str) -> date | None:
    found = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return found.date() if found is not None else None
