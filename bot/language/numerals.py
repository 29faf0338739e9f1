"""Numbers written the Chinese way (十二, 两万, 3.5万) or with digits, as plain values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

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


# Money is also written with the financial numerals of cheques and contracts (壹贰叁…, 拾佰仟) and
# 廿/卅; 萬/億 reach the grammars as 万/亿 (scripts.simplified).
MONEY_DIGITS = {
    **DIGITS,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "参": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_MONEY_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_TENS = {"廿": 20, "卅": 30}
MONEY_NUMERALS = "".join([*MONEY_DIGITS, *_MONEY_UNITS, *_TENS, *BIG_UNITS])
_PIECE = re.compile(r"\d+(?:\.\d+)?|.", re.DOTALL)
_DIGITS_ONLY = re.compile(r"\d+(?:\.\d+)?", re.ASCII)


def money_number(text: str) -> Decimal | None:
    """A number as amounts are written: 二十万, 一百五十万, 1.5万, 3千万亿 (3×10¹⁵), 肆佰叁拾万,
    六十四万零一百四十三, and the spoken shorthand in which a last digit right after a unit counts in
    the unit below it: 四万五 = 45,000, 两千五 = 2,500, 一亿二 = 120,000,000. None when it is not one.
    Digits may lead (1.5万) or stand between units (1万2千); commas and spaces are ignored."""
    text = text.replace(",", "").replace(" ", "")
    if text.isascii():
        # Digits alone, exactly as written, however long.
        return Decimal(text) if _DIGITS_ONLY.fullmatch(text) and text.strip("0.") else None
    with localcontext(prec=_PRECISION):
        return _han_money(text)


_PRECISION = 4100  # digits: a note holds at most 4,000 characters, so no amount is ever rounded


def _han_money(text: str) -> Decimal | None:
    total = wan = chunk = Decimal(0)
    pending: Decimal | None = None  # a digit (or digits) not yet multiplied by a unit
    shorthand = 0  # the unit right before `pending`, when nothing (no 零) stood between them
    last_small = 10_000  # small units fall within a group of four: 千 before 百 before 十
    previous_unit = 0
    for piece in _PIECE.findall(text):
        if piece[0].isdigit() and piece.isascii():
            if pending is not None:
                return None
            pending, shorthand = Decimal(piece), previous_unit
        elif piece in MONEY_DIGITS:
            digit = MONEY_DIGITS[piece]
            if digit == 0:  # 零 keeps the places apart: 一百零五 is 105, not 150
                if pending is not None and pending != 0:
                    return None
                previous_unit = 0
                continue
            if pending is not None:
                return None  # 二三 is not a number
            pending, shorthand = Decimal(digit), previous_unit
        elif piece in _MONEY_UNITS or piece in _TENS:
            unit = _MONEY_UNITS.get(piece, 10)
            if unit >= last_small:
                return None
            if piece in _TENS:
                if pending is not None:
                    return None
                chunk += _TENS[piece]
            else:
                chunk += (Decimal(1) if pending is None else pending) * unit
            pending, last_small, previous_unit = None, unit, unit
        elif piece in BIG_UNITS:
            group = chunk + _shorthand(pending, shorthand)
            if piece == "万":
                if wan or not group:
                    return None
                wan = group * 10_000
            else:
                if total or not (group or wan):
                    return None
                total = (wan + group) * 100_000_000
                wan = Decimal(0)
            chunk, pending, last_small, previous_unit = Decimal(0), None, 10_000, BIG_UNITS[piece]
        else:
            return None
    number = total + wan + chunk + _shorthand(pending, shorthand)
    return number if number > 0 else None


def _shorthand(pending: Decimal | None, unit: int) -> Decimal:
    if pending is None:
        return Decimal(0)
    # 四万五: the 五 follows 万 directly, so it counts thousands; after 十 (二十五) it counts ones.
    return pending * unit / 10 if unit > 10 and pending == pending.to_integral_value() else pending
