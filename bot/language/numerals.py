"""Numbers written the Chinese way (十二, 两万, 3.5万) or with digits, as plain values."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"

_EN_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}


# Ordinal days of a month and hours of the clock, spelled out ("the twenty-first", "six pm").
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_UNITS_ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL_ALTERNATIVES = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
ORDINAL_WORD = rf"(?:(?:twenty|thirty)[\s-](?:{_UNITS_ORDINAL})|{_ORDINAL_ALTERNATIVES})"
HOUR_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
HOUR_WORD = "(?:" + "|".join(sorted(HOUR_WORDS, key=len, reverse=True)) + ")"


def ordinal(text: str) -> int | None:
    """ "21st", "21", "third", "twenty-first", "twenty first" → the number; None when it is not one."""
    text = text.strip().lower()
    digits = text.rstrip("stndrh")
    if digits.isascii() and digits.isdigit():
        return int(digits)
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in ("twenty", "thirty") and unit.strip() in _ORDINAL_WORDS:
        return (20 if tens == "twenty" else 30) + _ORDINAL_WORDS[unit.strip()]
    return None


def hour_word(text: str) -> int | None:
    """ "6", "06", "six" → 6."""
    text = text.strip().lower()
    if text.isascii() and text.isdigit():
        return int(text)
    return HOUR_WORDS.index(text) + 1 if text in HOUR_WORDS else None


def _han_below_wan(text: str) -> int | None:
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:
                return None  # "二三" is not a number
            digit = DIGITS[ch]
        elif ch in UNITS:
            # "十" alone or at the start means one ten: 十二 = 12.
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def han_number(text: str) -> int | None:
    """十 → 10, 二十三 → 23, 两万五千 → 25000, 一百零五 → 105; None when it is not a number."""
    if not text:
        return None
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(DIGITS[ch]) for ch in text))  # 二〇二六 → 2026
    total = 0
    rest = text
    for unit in ("亿", "万"):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            value = _han_below_wan(head) if head else 1
            if value is None:
                return None
            total += value * BIG_UNITS[unit]
    tail = _han_below_wan(rest) if rest else 0
    return None if tail is None else total + tail


def number(text: str) -> Decimal | None:
    """Digits, Chinese numerals, or a mix of the two ("3.5万" is left to the caller's unit handling)."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    value = han_number(text)
    return None if value is None else Decimal(value)


def small_number(text: str) -> int | None:
    """A count of days, weeks or hours: "3", "三", "十二", "a", "a couple of"."""
    if text.isascii() and text.isdigit():
        return int(text)  # the usual case, without a Decimal
    key = " ".join(text.lower().split())
    if key in _EN_WORDS:
        return _EN_WORDS[key]
    if key and all(ch in DIGITS or ch in UNITS for ch in key):
        return han_number(key)  # 三, 十二: without the failed Decimal first
    value = number(key)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
