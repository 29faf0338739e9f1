"""Money: `$12k`, `USD 12k`, `€9,900`, `5000 usd`, `3.5万元`, `二十万`, `人民币五万`, `十块三毛`.

An amount is a number read by one of two numeral readers (digits with separators and `k`/`m`
multipliers; Chinese numerals, spoken or financial, with 万/亿 units, numerals.money_number) next
to a currency read by one currency reader (a symbol, an ISO code, a word in either language, before
or after the number; after 元/块 the 角/分 of it). A number is money only with a currency, a 万/亿
amount standing on its own, or a money word in front of it ("budget 50k", 预算50万). Everything
else is a count ("20 seats", 2000人, 二十万用户).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, localcontext
from heapq import merge
from itertools import islice

from bot.language.grammar import MAX_ATTEMPTS
from bot.language.lexicon import Token, tokens
from bot.language.model import Amount
from bot.language.numerals import MONEY_DIGITS, MONEY_NUMERALS, money_number
from bot.language.scripts import has_han, words

# --- numbers -------------------------------------------------------------------------------------
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_HAN_NUMERAL = f"[{MONEY_NUMERALS}]"
# Digits with Chinese units after them (1.5万, 3千万亿, 1万2千), or Chinese numerals alone (四万五).
_NUMBER = rf"(?:{_DIGITS}(?:\s?[十百千万亿]{{1,3}}(?:\d{{1,4}}[千百十]?)?)?|{_HAN_NUMERAL}{{1,24}})"
_EN_MULT = r"(?:k|m|mm|mn|bn|b|thousand|million|billion|grand)\b"
_NOT_BEFORE_DIGITS = r"(?<![0-9a-z.$€£¥￥])(?<![0-9],)"  # not inside a word or a number (1,000)
_NOT_BEFORE = rf"{_NOT_BEFORE_DIGITS}(?<!{_HAN_NUMERAL})"

# --- currencies ------------------------------------------------------------------------------------
# "$", "dollars", 元 and ¥ name the workspace's own currency when it is one of theirs (a Canadian
# team's $ is CAD, a Taiwanese team's 元 is TWD, a Japanese team's ¥ is JPY); see _currency.
DOLLAR, YUAN, YEN = "$", "元", "¥"
_DOLLARS = frozenset({"USD", "AUD", "CAD", "SGD", "HKD", "NZD", "TWD"})
_YUANS = frozenset({"CNY", "TWD", "HKD", "MOP"})
_YENS = frozenset({"CNY", "JPY"})
_CURRENCY_WORDS = {
    "us$": "USD",
    "$": DOLLAR,
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
    "nz$": "NZD",
    "nt$": "TWD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": YEN,
    "￥": YEN,
    "円": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "rmb": "CNY",
    "renminbi": "CNY",
    "yuan": "CNY",
    "dollar": DOLLAR,
    "dollars": DOLLAR,
    "bucks": DOLLAR,
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "元": YUAN,
    "圆": YUAN,
    "块": YUAN,
    "块钱": YUAN,
    "人民币": "CNY",
    "美元": "USD",
    "美金": "USD",
    "港币": "HKD",
    "港元": "HKD",
    "港纸": "HKD",
    "日元": "JPY",
    "日圆": "JPY",
    "日币": "JPY",
    "欧元": "EUR",
    "英镑": "GBP",
    "新加坡元": "SGD",
    "新币": "SGD",
    "新台币": "TWD",
    "台币": "TWD",
    "澳元": "AUD",
    "澳币": "AUD",
    "加元": "CAD",
    "加币": "CAD",
    "韩元": "KRW",
    "韩币": "KRW",
    "瑞郎": "CHF",
    "卢比": "INR",
    "卢布": "RUB",
    "泰铢": "THB",
    "澳门元": "MOP",
    "澳门币": "MOP",
}
_CODES = "usd|eur|gbp|cny|rmb|jpy|hkd|sgd|aud|cad|chf|inr|krw|nzd|brl|twd|sek|nok|dkk|mop|thb|rub|myr"
_HAN_CURRENCY = (
    "人民币|美元|美金|港币|港元|港纸|日元|日圆|日币|欧元|英镑|新加坡元|新币|新台币|台币|澳门元|澳门币"
    "|澳元|澳币|加元|加币|韩元|韩币|瑞郎|卢比|卢布|泰铢"
)
_CODE = rf"\b(?:{_CODES})(?![a-z])"
_BEFORE = rf"(?:\b(?:us|hk|au?|ca?|s|nz|nt|r)\$|\$|€|£|¥|￥|₹|₩|{_CODE}|{_HAN_CURRENCY})"
_AFTER = (
    rf"(?:{_CODE}|\b(?:dollars?|bucks|euros?|pounds?|yuan|yen|rupees?|renminbi)\b"
    rf"|(?:[元圆](?={_HAN_CURRENCY}))?(?:{_HAN_CURRENCY})|块钱|[元圆块円])"
)
# The 角/毛 and 分 of a 元 (十块三毛, 123元1角1分), and the 整/钱 that closes it.
_MINOR_DIGIT = f"[0-9{''.join(MONEY_DIGITS)}]"
_MINOR = rf"(?:(?P<{{p}}jiao>{_MINOR_DIGIT})[角毛])?(?:(?P<{{p}}fen>{_MINOR_DIGIT})分)?(?:钱|整)?"
_YUAN_UNIT = "元圆块"

_MONEY_WORDS = (
    r"(?:\b(?:budget|worth|valued\s+at|deal\s+size|priced\s+at|price|paid|pay|spend|spent|acv|arr|mrr"
    r"|tcv|revenue|deal)(?:\s+(?:of|is|was|at|about|around|roughly|approx\.?|~))*\s*~?"
    r"|(?:预算|总价|总金额|金额|价格|报价|合同额|合同金额|付款|付了|回款|打款|成交价|单价)"
    r"(?:是|为|约|大约|大概|在|:)?\s*)"
)
# A 万/亿 amount on its own is money (预算约 300 万, 二十万); one that counts something is not (20万用户).
_STANDS_ALONE = r"(?:(?![\u4e00-\u9fff])|(?=的|左右|多|以上|以内|上下|预算))"

_PRE_MINOR, _SUF_MINOR, _CTX_MINOR = (_MINOR.format(p=side) for side in ("pre_", "suf_", "ctx_"))
_HAS_WAN = rf"(?=[0-9.,\s{MONEY_NUMERALS[:-2]}]{{0,40}}?[万亿])"
# The four ways an amount is written; two begin with a number, two with a word or a sign.
_AT_NUMBER = (
    rf"{_NOT_BEFORE}(?P<suf_n>{_NUMBER})(?:\s?(?P<suf_m>{_EN_MULT}))?\s?(?P<suf>{_AFTER}){_SUF_MINOR}"
    rf"|{_NOT_BEFORE}{_HAS_WAN}(?P<wan_n>{_NUMBER}){_STANDS_ALONE}"
)
_AT_WORD = (
    rf"(?P<pre>{_BEFORE})\s?(?P<pre_n>{_NUMBER})(?:\s?(?P<pre_m>{_EN_MULT}))?"
    rf"(?:\s?[{_YUAN_UNIT}]{_PRE_MINOR})?(?![\d%])"
    rf"|(?P<ctx>{_MONEY_WORDS})(?P<ctx_n>{_NUMBER})(?:\s?(?P<ctx_m>{_EN_MULT}))?"
    rf"(?:\s?(?P<ctx_cur>{_AFTER}){_CTX_MINOR})?(?![\d%]|\s?(?:%|percent))"
)
_AMOUNT = re.compile(f"{_AT_WORD}|{_AT_NUMBER}")
# The same grammar split by what an amount starts with, each half carrying the other's groups in a
# branch that cannot match ((?!)), so every match has the same groups however it was found.
_STARTING_WITH_NUMBER = re.compile(f"{_AT_NUMBER}|(?!)(?:{_AT_WORD})")
_STARTING_WITH_WORD = re.compile(f"{_AT_WORD}|(?!)(?:{_AT_NUMBER})")
_NUMERAL_CHARS = frozenset("0123456789" + MONEY_NUMERALS)

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
}


# The groups of each way an amount is written: (number, multiplier, 角, 分).
_GROUPS = {
    "pre": ("pre_n", "pre_m", "pre_jiao", "pre_fen"),
    "suf": ("suf_n", "suf_m", "suf_jiao", "suf_fen"),
    "wan": ("wan_n", "", "", ""),  # a 万 amount alone: no multiplier, no 角 or 分
    "ctx": ("ctx_n", "ctx_m", "ctx_jiao", "ctx_fen"),
}
_TENTH, _HUNDREDTH = Decimal("0.1"), Decimal("0.01")


def _value(match: re.Match[str], side: str) -> Decimal | None:
    number_group, multiplier_group, jiao_group, fen_group = _GROUPS[side]
    number = money_number(match.group(number_group))
    if number is None:
        return None
    multiplier = match.group(multiplier_group) if multiplier_group else None
    if multiplier:
        with localcontext(prec=len(number.as_tuple().digits) + 12):  # exact, however long
            number *= _MULTIPLIERS[multiplier]
    if jiao_group and (match.group(jiao_group) or match.group(fen_group)):
        for group, scale in ((jiao_group, _TENTH), (fen_group, _HUNDREDTH)):
            digit = match.group(group)
            if digit:
                number += Decimal(int(digit) if digit.isdigit() else MONEY_DIGITS[digit]) * scale
    return number


def _currency(word: str, default: str) -> str:
    key = word.strip()
    if key[:1] in _YUAN_UNIT and len(key) > 1 and key[1:] in _CURRENCY_WORDS:
        key = key[1:]  # 9000元日币: 元 is the unit, 日币 says which
    code = _CURRENCY_WORDS.get(key) or key.upper()
    if code == DOLLAR:
        return default if default in _DOLLARS else "USD"
    if code == YUAN:
        return default if default in _YUANS else "CNY"
    if code == YEN:
        return default if default in _YENS else "CNY"
    return code


# Where an amount can begin: a digit or currency symbol, a currency code or money word, a "US$"-style
# prefix, or (in Chinese) a numeral, a money word or a currency word. The pattern is tried only there.
_START_WORDS = words(
    _CODES.replace("|", " ")
    + " budget worth valued deal priced price paid pay spend spent acv arr mrr tcv revenue"
    + " us hk a au c ca s nz nt r"  # US$, HK$, A$, NT$ …
    + " dollar dollars bucks euro euros pound pounds yuan yen rupee rupees renminbi"
)
_HAN_STARTS = re.compile(rf"(?<!{_HAN_NUMERAL}){_HAN_NUMERAL}|{_HAN_CURRENCY}|[预总金价报合付回打成单]")
_MAX_CANDIDATES = 64  # numbers looked at per note; a table of figures pasted in is not one amount
_MONEY_HINT = re.compile(r"[$€£¥￥₹₩万亿元圆块币金镑价款算额付円郎铢卢]")
_HAS_NUMBER = re.compile(f"[0-9{MONEY_NUMERALS}]")


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
        grammar = _STARTING_WITH_NUMBER if scan[at] in _NUMERAL_CHARS else _STARTING_WITH_WORD
        found = grammar.match(scan, at)
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


def _side(match: re.Match[str]) -> str:
    if match.group("pre_n") is not None:
        return "pre"
    if match.group("suf_n") is not None:
        return "suf"
    return "wan" if match.group("wan_n") is not None else "ctx"


def pick(matches: Iterable[re.Match[str]], default_currency: str) -> Amount | None:
    fallback: Amount | None = None
    for m in islice(matches, _MAX_CANDIDATES):
        side = _side(m)
        number = m.group(_GROUPS[side][0])
        if side == "wan" and "万" not in number and "亿" not in number:
            continue  # an ordinary number the 万 lookahead let through (20 3万)
        value = _value(m, side)
        if value is None:
            continue
        currency = m.group("pre") or m.group("suf") or m.group("ctx_cur")
        if currency:
            if currency == "块" and value < 10 and not number.isdigit() and not m.group(0).endswith("钱"):
                continue  # 一块 (讨论): "together", not one yuan
            return _amount(value, _currency(currency, default_currency))
        # "deal 2 weeks ago", "paid 3 times": without a currency, small bare numbers are counts.
        if fallback is None and (side == "wan" or m.group("ctx_m") or value >= 100):
            fallback = _amount(value, default_currency)
    return fallback


def _amount(value: Decimal, currency: str) -> Amount | None:
    if value <= 0:
        return None
    whole = value.to_integral_value()
    # Any size is read as written (its limit is the note's, bot.core.validation); quantize() would
    # raise past 28 digits.
    return Amount(value=whole if value == whole else value, currency=currency)
