"""The `rapport parse` JSON contract: one object per note, single or in JSON-lines batches.

Fields added after the first version come last, so readers of the first keep working:
  customer_known        true when `customer` is exactly one of the `known` names (as given there)
  customer_alternative  a known name the text may mean instead, or null: "Acme" when
                        "Acme Health bought 20 seats" was read as a longer, new customer, or the known
                        customer named later in a note that starts with a new one. Ask when it is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, TextIO

from bot.language.model import ParsedNote
from bot.language.parser import failed, parse_note, zone_named

CONTRACT_FIELDS = (
    "customer",
    "body",
    "tags",
    "mentions",
    "channel",
    "category",
    "follow_up",
    "occurred_at",
    "amount",
    "lang",
    "error",
    "customer_known",
    "customer_alternative",
)


def _number(value: Decimal) -> int | float:
    # JSON readers should see 18500, not 18500.0 or "18500": whole amounts are integers.
    return int(value) if value == value.to_integral_value() else float(value)


def to_contract(parsed: ParsedNote) -> dict[str, Any]:
    return {
        "customer": parsed.customer,
        "body": parsed.body,
        "tags": list(parsed.tags),
        "mentions": list(parsed.mentions),
        "channel": parsed.channel,
        "category": parsed.category,
        "follow_up": (
            {"due": parsed.follow_up.due.isoformat(), "text": parsed.follow_up.text}
            if parsed.follow_up
            else None
        ),
        "occurred_at": parsed.occurred_at.isoformat() if parsed.occurred_at else None,
        "amount": (
            {"value": _number(parsed.amount.value), "currency": parsed.amount.currency}
            if parsed.amount
            else None
        ),
        "lang": parsed.lang,
        "error": parsed.error,
        "customer_known": parsed.customer_known,
        "customer_alternative": parsed.customer_alternative,
    }


def _bad(detail: str) -> dict[str, Any]:
    return to_contract(failed("bad_request", "en", detail=detail))


def parse_request(
    obj: Mapping[str, Any], *, default_tz: str, default_currency: str, clock: Callable[[], datetime]
) -> dict[str, Any]:
    """One `{"text", "now", "tz", "known"}` request; anything malformed is answered, never raised."""
    if not isinstance(obj, Mapping):
        return _bad('Each request must be a JSON object like {"text": "acme called", "tz": "UTC"}.')
    text = obj.get("text")
    if not isinstance(text, str):
        return _bad('"text" must be a string with the note, e.g. "acme called about pricing".')
    tz = obj.get("tz") or default_tz
    if not isinstance(tz, str) or zone_named(tz) is None:
        return _bad(f'"tz" must be an IANA time zone such as "Europe/London", not {tz!r}.')
    raw_now = obj.get("now")
    if raw_now is None:
        now = clock()
    elif isinstance(raw_now, str):
        try:
            now = datetime.fromisoformat(raw_now)
        except ValueError:
            return _bad(f'"now" must be an ISO-8601 time such as "2026-03-10T09:00:00Z", not {raw_now!r}.')
    else:
        return _bad(f'"now" must be an ISO-8601 string, not {raw_now!r}.')
    known = obj.get("known") or ()
    if isinstance(known, str):
        known = (known,)
    if not isinstance(known, list | tuple) or not all(isinstance(k, str) for k in known):
        return _bad('"known" must be a list of customer names, e.g. ["Acme", "Acme Health"].')
    currency = obj.get("currency") or default_currency
    if not isinstance(currency, str):
        return _bad('"currency" must be an ISO 4217 code such as "USD".')
    parsed = parse_note(text, now=now, tz=tz, known=known, default_currency=currency.upper())
    return to_contract(parsed)


def parse_batch(
    lines: Iterable[str],
    out: TextIO,
    *,
    default_tz: str,
    default_currency: str,
    clock: Callable[[], datetime],
) -> int:
    """JSON lines in, one JSON object per input line out, in order; a bad line never stops the batch."""
    count = 0
    for line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            result = _bad(f"Line {count + 1} is not valid JSON ({exc.msg}); send one JSON object per line.")
        else:
            result = parse_request(obj, default_tz=default_tz, default_currency=default_currency, clock=clock)
        out.write(json.dumps(result, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
