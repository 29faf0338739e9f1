"""Money: `$12k`, `€9,900`, `5000 usd`, `3.5万元`, `20万`; counts like "20 seats" or "2000人" are not.

A number is money only with a currency (symbol, code or word), a 万/亿 amount standing on its own,
or a money word in front of it ("budget 50k", 预算50万). Everything else is a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from heapq import merge
from itertools import islice

from bot.language.grammar import MAX_ATTEMPTS
from bot.language.lexicon import Token, tokens
from bot.language.model import Amount
from bot.language.numerals import han_number
from bot.language.scripts import has_han, words

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_HAN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"
_EN_MULT = r"(?:k|m|mm|mn|bn|b|thousand|million|billion|grand)"
_ZH_MULT = r"(?:万亿|千万|百万|[千万亿])"

_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "₹": "INR",
    "₩": "KRW",
    "rmb": "CNY",
    "元": "CNY",
    "块": "CNY",
    "块钱": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "港币": "HKD",
    "港元": "HKD",
    "dollar": "USD",
    "dollars": "USD",
    "bucks": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yuan": "CNY",
    "万元": "CNY",
    "亿元": "CNY",
    "千元": "CNY",
}
_CODES = r"usd|eur|gbp|cny|rmb|jpy|hkd|sgd|aud|cad|chf|inr|krw|nzd|brl|twd|sek|nok|dkk"
_PREFIX = rf"(?:\b(?:us|hk|au?|ca?|s|nz|r)\$|\$|€|£|¥|￥|₹|₩|\b(?:{_CODES})\b)"
_SUFFIX = (
    rf"(?:\b(?:{_CODES})\b|\b(?:dollars?|bucks|euros?|pounds?|yuan)\b"
    r"|块钱|人民币|美元|美金|欧元|英镑|日元|港币|港元|元|块)"
)
_MONEY_WORDS = (
    r"(?:\b(?:budget|worth|valued\s+at|deal\s+size|priced\s+at|price|paid|pay|spend|spent|acv|arr|mrr"
    r"|tcv|revenue|deal)(?:\s+(?:of|is|was|at|about|around|roughly|approx\.?|~))*\s*~?"
    r"|(?:预算|总价|总金额|金额|价格|报价|合同额|合同金额|付款|付了|回款|打款|成交价|单价)(?:是|为|约|大约|大概|在|:)?\s*)"
)

_AMOUNT = re.compile(
    rf"""
    (?P<pre>{_PREFIX})\s?(?P<pre_n>{_NUM})(?:\s?(?P<pre_m>{_EN_MULT}\b|{_ZH_MULT}))?(?![\d%])
  | (?<![0-9a-z.$€£¥￥,])(?P<suf_n>{_NUM})(?:\s?(?P<suf_m>{_EN_MULT}\b|{_ZH_MULT}))?\s?(?P<suf>{_SUFFIX})
  | (?<![0-9a-z.零〇一二两三四五六七八九十百千万亿])(?P<han_n>{_HAN_NUM})
      (?P<han_cur>元|块钱|块|美元|欧元|英镑|人民币)
  | (?<![0-9a-z.,])(?P<wan_n>{_NUM})(?P<wan_m>万亿|亿|万)(?![\u4e00-\u9fff])
  | (?<![0-9a-z.,])(?P<wan_n2>{_NUM})(?P<wan_m2>万亿|亿|万)(?=的|左右|多|以上|以内|上下|预算)
  | (?P<ctx>{_MONEY_WORDS})(?P<ctx_n>{_NUM})(?:\s?(?P<ctx_m>{_EN_MULT}\b|{_ZH_MULT}))?
      (?:\s?(?P<ctx_cur>{_SUFFIX}))?(?![\d%]|\s?(?:%|percent))
    """,
    re.VERBOSE,
)

_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "grand": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "千": 1_000,
    "万": 10_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "万亿": 1_000_000_000_000,
}


def _value(number: str, multiplier: str | None) -> Decimal:
    value = Decimal(number.replace(",", ""))
    if multiplier:
        value *= _MULTIPLIERS[multiplier.lower()]
    return value


def _currency(word: str) -> str:
    key = word.strip().lower()
    return _SYMBOLS.get(key) or key.upper()


# Where an amount can begin: a digit or currency symbol, a currency code or money word, a "US$"-style
# prefix, or (in Chinese) a numeral or money word. The pattern is tried only there.
_START_WORDS = words(
    _CODES.replace("|", " ")
    + " budget worth valued deal priced price paid pay spend spent acv arr mrr tcv revenue"
    + " us hk a au c ca s nz r"  # US$, HK$, A$ …
)
_HAN_STARTS = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿])[零〇一二两三四五六七八九十百千万亿]|[预总金价报合付回打成单]"
)
_MAX_CANDIDATES = 64  # numbers looked at per note; a table of figures pasted in is not one amount
_MONEY_HINT = re.compile(r"[$€£¥￥₹₩万亿元块币金镑价款算额]")
_HAS_NUMBER = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]")


def _starts(scan: str, words: Sequence[Token], han: bool) -> Iterator[int]:
    latin = (start for start, word in words if word[0] in "0123456789$€£¥￥₹₩" or word in _START_WORDS)
    if not han:
        return latin
    return merge(latin, (m.start() for m in _HAN_STARTS.finditer(scan)))


def _matches(scan: str, words: Sequence[Token], han: bool) -> Iterator[re.Match[str]]:
    pos = 0
    for at in islice(_starts(scan, words, han), MAX_ATTEMPTS):
        if at < pos:
            continue
        found = _AMOUNT.match(scan, at)
        if found is not None:
            yield found
            pos = found.end()


def find_amount(
    scan: str, default_currency: str, words: Sequence[Token] | None = None, *, han: bool | None = None
) -> Amount | None:
    """The first amount with an explicit currency, else the first one in a money context."""
    if _HAS_NUMBER.search(scan) is None:
        return None
    if words is None:
        words = tokens(scan)
    # Every amount has a currency sign or word, a 万/亿, or a money word; most notes have none.
    if _MONEY_HINT.search(scan) is None and not any(word in _START_WORDS for _, word in words):
        return None
    return pick(_matches(scan, words, has_han(scan) if han is None else han), default_currency)


def pick(matches: Iterable[re.Match[str]], default_currency: str) -> Amount | None:
    fallback: Amount | None = None
    for m in islice(matches, _MAX_CANDIDATES):
        if m.group("pre"):
            return _amount(_value(m.group("pre_n"), m.group("pre_m")), _currency(m.group("pre")))
        if m.group("suf"):
            unit = m.group("suf_m")
            currency = m.group("suf")
            return _amount(_value(m.group("suf_n"), unit), _currency(currency))
        if m.group("han_n"):
            number = han_number(m.group("han_n"))
            if number:
                return _amount(Decimal(number), _currency(m.group("han_cur")))
            continue
        if m.group("ctx_cur"):
            return _amount(_value(m.group("ctx_n"), m.group("ctx_m")), _currency(m.group("ctx_cur")))
        if fallback is None:
            number_text = m.group("wan_n") or m.group("wan_n2") or m.group("ctx_n")
            unit = m.group("wan_m") or m.group("wan_m2") or m.group("ctx_m")
            value = _value(number_text, unit)
            # "deal 2 weeks ago", "paid 3 times": without a currency, small bare numbers are counts.
            if unit or value >= 100:
                fallback = _amount(value, default_currency)
    return fallback


def _amount(value: Decimal, currency: str) -> Amount | None:
    if value <= 0:
        return None
    whole = value.to_integral_value()
    # Any size is read as written (its limit is the note's, bot.core.validation); quantize() would
    # raise past 28 digits.
    return Amount(value=whole if value == whole else value, currency=currency)
