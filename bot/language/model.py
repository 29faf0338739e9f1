"""The values the parser hands back: plain, frozen and comparable, so callers can test them directly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

CHANNELS = ("call", "email", "meeting", "visit", "chat")
CATEGORIES = ("purchase", "complaint", "feedback", "need", "general")


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str  # ISO 4217


@dataclass(frozen=True, slots=True)
class FollowUp:
    due: datetime  # aware, in the note's time zone
    text: str  # what to do, in the note's own words


@dataclass(frozen=True, slots=True)
class ParsedNote:
    customer: str | None
    body: str
    tags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    channel: str | None = None
    category: str = "general"
    follow_up: FollowUp | None = None
    occurred_at: datetime | None = None
    amount: Amount | None = None
    lang: str = "en"
    error: str | None = None
    error_code: str | None = None
    # Whether `customer` is exactly one of the known names passed in (as stored), and a known
    # customer the text may mean instead when it is not ("Acme" when "Acme Health" was read as a
    # longer, new name): the caller asks before filing under a new customer.
    customer_known: bool = False
    customer_alternative: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None
