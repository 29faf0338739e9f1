"""What a person types, checked before it is stored: the same answer on SQLite and PostgreSQL.

PostgreSQL refuses a NUL character anywhere in text, a string longer than its column and a number
beyond its column's precision; SQLite stores them all. So text bound for a limited column
(storage/models.py) comes through here first, and what cannot be stored is refused with words that
say what to change (InvalidInput: a message key and its values). The rules:

- Control characters (NUL, escape sequences, C1 codes; tab, newline and carriage return are fine)
  are refused, never stripped: they come from a broken paste, and what was meant is not ours to
  guess. The note parser refuses them the same way (bot.language.parser), and so does every search
  and lookup; name keys leave them out (bot.language.normalize_name), so no query carries a NUL.
- Names (customers, aliases) lose invisible format characters (zero-width space and joiners, bidi
  marks, BOM: Unicode category Cf) and write any run of whitespace (NBSP, ideographic space) as
  one space; tags are read by bot.language.tags.normalize_tag. So `ac\u200bme` is acme, as its key
  says. Otherwise a name is kept as written: full-width brackets in 华为（中国） stay.
- Lengths are the columns', counted after cleaning (and for a name, its key's length as well).
- An amount is at least 0 and under 10^14, kept to 4 decimal places (Numeric(18, 4)); a currency
  rate is more than 0 and under 10^10, with at most 8 decimal places (Numeric(18, 8)).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import Numeric, Table
from sqlmodel import SQLModel

from bot.core.errors import UserError
from bot.language import normalize_name
from bot.language.scripts import CONTROL, FORMAT
from bot.language.tags import normalize_tag
from storage.models import Contact, CurrencyRate, Customer, Note, Tag, Workspace

_WS = re.compile(r"\s+")
PREVIEW = 40  # characters of a refused value shown back


def _table(model: type[SQLModel]) -> Table:
    table = getattr(model, "__table__", None)
    assert isinstance(table, Table)
    return table


def _width(model: type[SQLModel], column: str) -> int:
    """A column's length, read from the table, so a limit here never drifts from storage."""
    length = getattr(_table(model).c[column].type, "length", None)  # String, or SQLModel's AutoString
    assert isinstance(length, int)
    return length


def _digits(model: type[SQLModel], column: str) -> tuple[Decimal, Decimal]:
    """(the first value a Numeric column cannot hold, its smallest step)."""
    kind = _table(model).c[column].type
    assert isinstance(kind, Numeric) and kind.precision is not None and kind.scale is not None
    return Decimal(10) ** (kind.precision - kind.scale), Decimal(10) ** -kind.scale


NAME_MAX = _width(Customer, "name")
TAG_MAX = _width(Tag, "name")
EMOJI_MAX = _width(Workspace, "capture_emoji")
REGION_MAX = _width(Customer, "region")
INDUSTRY_MAX = _width(Customer, "industry")
CONTACT_MAX = {part: _width(Contact, part) for part in ("name", "title", "email", "phone")}
AMOUNT_LIMIT, AMOUNT_STEP = _digits(Note, "amount")
RATE_LIMIT, RATE_STEP = _digits(CurrencyRate, "rate")


class InvalidInput(UserError):
    """Text or a number that cannot be stored as given; `key` and `params` say why and what to do."""


def preview(text: str) -> str:
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def has_control_chars(text: str) -> bool:
    return CONTROL.search(text) is not None


def plain(text: str) -> str:
    """`text` unchanged, or InvalidInput("input_control_chars") when it holds a control character."""
    if has_control_chars(text):
        raise InvalidInput("input_control_chars")
    return text


def field(text: str, *, limit: int) -> str:
    """A free-text answer for a column of `limit` characters, trimmed."""
    value = plain(text).strip()
    if len(value) > limit:
        raise InvalidInput("input_too_long", length=len(value), limit=limit)
    return value


def name(text: str) -> str:
    """A customer's name or alias as it is shown: invisible characters gone, spaces single.

    The name and its key (normalize_name) must both fit their columns; a name of nothing but
    invisible characters is no name."""
    cleaned = _WS.sub(" ", FORMAT.sub("", plain(text))).strip()
    if not cleaned or not normalize_name(cleaned):
        raise InvalidInput("input_name_invisible")
    longest = max(len(cleaned), len(normalize_name(cleaned)))
    if longest > NAME_MAX:
        raise InvalidInput("input_name_too_long", name=preview(cleaned), length=longest, limit=NAME_MAX)
    return cleaned


def tag(word: str) -> str:
    """A tag as stored (bot.language.tags.normalize_tag), refused when longer than its column."""
    value = normalize_tag(plain(word).lstrip("#＃"))
    if len(value) > TAG_MAX:
        raise InvalidInput("input_tag_too_long", tag=preview(value), length=len(value), limit=TAG_MAX)
    return value


def tags(words: Iterable[str]) -> tuple[str, ...]:
    """Each tag checked, empty ones dropped, each once in the order given."""
    return tuple(dict.fromkeys(value for word in words if (value := tag(word))))


def amount(value: Decimal) -> Decimal:
    """A purchase amount as stored: at least 0, under 10^14, to 4 decimal places (half up, as
    PostgreSQL rounds), so the reply shows what both databases keep."""
    if not value.is_finite() or value < 0 or value >= AMOUNT_LIMIT:
        raise InvalidInput("input_amount_too_large", amount=_figure(value), limit=_figure(AMOUNT_LIMIT))
    kept = value.quantize(AMOUNT_STEP, rounding=ROUND_HALF_UP)
    if kept >= AMOUNT_LIMIT:  # 99999999999999.99999 rounds up to the limit itself
        raise InvalidInput("input_amount_too_large", amount=_figure(value), limit=_figure(AMOUNT_LIMIT))
    return kept


def rate(written: str) -> Decimal:
    """A currency rate as typed (`1.08`, `7,8`): more than 0 and under 10^10, at most 8 decimals."""
    try:
        value = Decimal(written.replace(",", "."))
    except InvalidOperation:
        raise InvalidInput("crm_bad_rate") from None
    in_range = value.is_finite() and 0 < value < RATE_LIMIT
    if not in_range or value != value.quantize(RATE_STEP, rounding=ROUND_HALF_UP):
        raise InvalidInput(
            "crm_rate_out_of_range", rate=preview(written), limit=_figure(RATE_LIMIT), step=f"{RATE_STEP:f}"
        )
    return value


def emoji(written: str) -> str:
    """An emoji's name as the capture reaction is matched (no colons, lower case), if it fits."""
    value = plain(written).strip().strip(":").lower()
    if len(value) > EMOJI_MAX:
        raise InvalidInput("input_emoji_too_long", emoji=preview(value), length=len(value), limit=EMOJI_MAX)
    return value


def _figure(value: Decimal) -> str:
    return f"{value:,f}" if value.is_finite() else str(value)
