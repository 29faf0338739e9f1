"""Money: `$12k`, `€9,900`, `5000 usd`, `3.5万元`, `20万`; counts like "20 seats" or "2000人" are not."""

from __future__ import annotations

from bot.language.model import Amount


def find_amount(scan: str, default_currency: str) -> Amount | None:
    return None
