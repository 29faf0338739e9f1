"""Where the customer's name ends, and the key customers are stored and matched under.

Order of evidence: a quoted or Slack-formatted name, a `Name:` prefix, the longest known name at
the start (with its legal suffix: Acme Inc, 华为技术有限公司), then a guess (the words before the
first verb or keyword); when the start names no one, a known name anywhere in the text, then a
name after a verb ("met with Acme", 拜访了华为). Known names are matched through
`candidate_prefixes` (the start) and `candidate_names` (anywhere), the lists the storage layer
looks up, so whatever it finds we can match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bot.language.scripts import CONTROL_CHARS, FORMAT_CHARS, HAN_RANGES, HAN_RUN, is_han, words

_WS = re.compile(r"\s+")
_INVISIBLE = re.compile(f"[{FORMAT_CHARS}{CONTROL_CHARS}]+")
_QUOTES = {"“": "”", '"': '"', "「": "」", "『": "』", "‘": "’", "＂": "＂", "《": "》"}
_TRAILING_PUNCT = ",.;:!?)，。；：！？、"
_HAN_PUNCT_CHARS = "，。；：！？、「」『』“”《》（）"
_HAN_PUNCT = set(_HAN_PUNCT_CHARS)
_MAX_LATIN_WORDS = 6
_MAX_HAN_CHARS = 12
_GUESS_WORDS = 4


def normalize_name(name: str) -> str:
    """The key a name is stored and looked up under: names that look alike share it.

    NFKC folds full-width and compatibility forms (ＡＣＭＥ is acme; CJK ideographs are unchanged),
    case is folded, any run of whitespace (NBSP, ideographic space) is one space, and invisible
    characters are left out: format characters (zero-width space and joiners, bidi marks, BOM) and
    control codes. So `ac\u200bme` finds acme, and no key ever carries a NUL to the database.
    """
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).casefold()
    return _WS.sub(" ", folded).strip()


@dataclass(slots=True)  # internal; not frozen, which makes construction 5x cheaper
class CustomerSpan:
    name: str | None
    body_start: int  # index in the readable text where the note itself begins
    known: bool = False  # `name` is one of the known names, as stored
    alternative: str | None = None  # a known customer the text may mean instead (see customers.py)
    sure: bool = True  # a guess that a verb or keyword closed; False when only capitals or "for" did


_UNIT = re.compile(
    rf"[ \t\r\f\v\u3000\xa0]*(?:(?P<han>[{HAN_RANGES}])|(?P<word>[^\s{HAN_RANGES}{_HAN_PUNCT_CHARS}]+))"
)


def name_units(text: str, start: int) -> Iterator[tuple[int, bool]]:
    """Yield (end offset, is_han) of each word or Han character from `start`, up to a line break or 。，."""
    pos = start
    while (unit := _UNIT.match(text, pos)) is not None:
        pos = unit.end()
        yield pos, unit.group("han") is not None


def prefix_ends(text: str, start: int) -> list[int]:
    ends: list[int] = []
    words = hans = 0
    for end, han in name_units(text, start):
        if han:
            hans += 1
        else:
            words += 1
        if words > _MAX_LATIN_WORDS or hans > _MAX_HAN_CHARS:
            break
        ends.append(end)
    return ends


def quoted_name(text: str, start: int) -> tuple[str, int] | None:
    closer = _QUOTES.get(text[start : start + 1])
    if closer is None:
        return None
    end = text.find(closer, start + 1, start + 82)
    if end < 0 or "\n" in text[start:end]:
        return None
    name = text[start + 1 : end].strip()
    return (name, end + 1) if name else None


_COLON_PREFIX = re.compile(r"([^\s:：][^:：\n]{0,59}?)\s*[:：](?!//)(?!\d)")
_NOT_A_NAME = words(
    "re fyi note notes update todo to-do reminder followup follow-up action next summary subject "
    "备注 更新 提醒 跟进 待办 总结 主题"
)


def colon_name(text: str, start: int) -> tuple[str, int] | None:
    head = text[start : start + 62]
    if ":" not in head and "：" not in head:
        return None
    match = _COLON_PREFIX.match(text, start)
    if match is None:
        return None
    name = match.group(1).strip()
    if len(name.split()) > _MAX_LATIN_WORDS or normalize_name(name) in _NOT_A_NAME:
        return None
    if any(ch in _HAN_PUNCT or ch in ",.;!?<>" for ch in name) or name.replace(" ", "").isdigit():
        return None
    return name, match.end()


def name_variants(piece: str) -> tuple[str, ...]:
    """A prefix as written, without closing punctuation ("acme,"), and without a possessive ("acme's")."""
    bare = piece.rstrip(_TRAILING_PUNCT)
    for mark in ("'s", "’s"):
        if bare.endswith(mark):
            return piece, bare, bare[: -len(mark)]
    return piece, bare


# Legal forms that close a company's name ("Acme, Inc.", "Globex Co., Ltd.", 华为技术有限公司): they
# belong to the name, never to the note. Chinese ones may carry the trade (技术, 科技) and a
# region in brackets before the form: 腾讯科技（深圳）有限公司.
LATIN_LEGAL = words(
    "inc incorporated ltd limited llc llp lp corp corporation co company gmbh ag plc sa nv bv pty pte "
    "kk srl spa sarl oy ab asa group holdings"
)
_LATIN_SUFFIX = re.compile(
    r"(?:,?[ \t\xa0]+|,)(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|lp|corp|corporation|co|company"
    r"|gmbh|ag|plc|s\.?a|n\.?v|b\.?v|pty|pte|k\.?k|srl|s\.?p\.?a|sarl|oy|ab|asa|group|holdings)\b\.?(?![-'’\w])",
)
_HAN_TRADES = (
    "技术|科技|网络|信息|软件|电子|通信|通讯|实业|控股|集团|股份|国际|贸易|数码|智能|系统|投资|发展|电器"
)
HAN_SUFFIX = re.compile(
    rf"(?:{_HAN_TRADES})*(?:[(（][\u4e00-\u9fff]{{2,4}}[)）])?(?:{_HAN_TRADES})*"
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|科技)"
)


def legal_suffix_end(scan: str, pos: int) -> int | None:
    """Where a legal suffix right at `pos` ends (", Inc.", " Co., Ltd.", 技术有限公司), if there is one.

    `scan` is the note's lower-cased, Simplified reading copy (markup.Marked.scan).
    """
    end = None
    while True:
        found = (HAN_SUFFIX if scan[pos : pos + 1] > "\u2e80" else _LATIN_SUFFIX).match(scan, pos)
        if found is None or found.end() == pos:
            return end
        end = pos = found.end()


_FORMATTING = "*_~"
_BROADCAST = re.compile(r"(?:@(?:here|channel|everyone)\b[\s,:：]*)+")


def after_broadcast(text: str, start: int) -> int:
    """Past `@here` / `@channel` / `@everyone` (Slack's <!here> …) at the start: they name no one."""
    found = _BROADCAST.match(text, start) if text.startswith("@", start) else None
    return found.end() if found else start


def formatted_name(text: str, start: int) -> tuple[str, int] | None:
    """A name set in Slack bold, italics or strike at the start (`*Acme* called`, `_Acme_`): the name
    and where it ends. Slack needs a word boundary after the closing mark, so `*x*y` is not one."""
    mark = text[start : start + 1]
    if not mark or mark not in _FORMATTING:
        return None
    end = text.find(mark, start + 1, start + 82)
    if end < 0 or "\n" in text[start:end] or text[end + 1 : end + 2].isalnum():
        return None
    name = text[start + 1 : end].strip(_FORMATTING + " ")
    return (name, end + 1) if name and name == name.strip() else None


def candidate_prefixes(text: str, limit: int = 40) -> list[str]:
    from bot.language.markup import mark  # local: markup is only needed to unescape &amp; here

    readable = mark(text).readable
    start = len(readable) - len(readable.lstrip())
    found: list[str] = []

    def add(candidate: str) -> None:
        key = normalize_name(candidate)
        if key and key not in found:
            found.append(key)

    for explicit in (quoted_name(readable, start), colon_name(readable, start)):
        if explicit:
            add(explicit[0])
    for end in prefix_ends(readable, start):
        piece = readable[start:end]
        for variant in name_variants(piece):
            add(variant)
    return found[:limit]


# Where a name may start inside a note: after a verb or preposition that takes a customer, in either
# language ("met with Globex", "phone with Globex", 拜访了华为, 和阿里巴巴开会), or at a Chinese clause.
_LATIN_CUES = re.compile(
    r"\b(?:with|met|meeting|visited|visit|called|call|phoned|emailed|email|from|for|at|to|about|re)\s+"
)
_HAN_CUES = re.compile(
    r"拜访了?|拜会了?|走访了?|见了|约了|联系了|致电|打给|去了|和|与|跟(?!进)|[,.;:!?。、\s]"
)
_REACH = 400  # characters looked at past the start: a pasted wall of text is not searched to its end
_HAN_LENGTHS = range(2, 9)


def candidate_names(text: str, limit: int = 160) -> list[str]:
    """The keys to look up on the name index for a note that may name its customer anywhere: the
    prefixes at the start (candidate_prefixes), then the word n-grams that start after a verb or
    preposition or at a capitalised word, and the Han n-grams after a cue or at a clause's start.
    Bounded (`limit` keys, the first 400 characters), so a lookup stays one cheap indexed query."""
    from bot.language.markup import mark  # local, as in candidate_prefixes

    found = candidate_prefixes(text)
    seen = set(found)
    marked = mark(text[: _REACH + 100])
    readable, scan = marked.readable, marked.scan

    def add(piece: str) -> None:
        for variant in name_variants(piece):
            key = normalize_name(variant)
            if key and key not in seen:
                seen.add(key)
                found.append(key)

    starts = {m.end() for m in _LATIN_CUES.finditer(scan, 0, _REACH)}
    starts |= {m.start() for m in re.finditer(r"\b[A-Z]", readable[:_REACH])}
    han_starts = {
        m.end() for m in _HAN_CUES.finditer(scan, 0, _REACH) if is_han(scan[m.end() : m.end() + 1] or "a")
    }
    for start in sorted(starts | han_starts):
        if len(found) >= limit:
            break
        if start < len(readable) and is_han(readable[start]):
            run = HAN_RUN.match(readable, start)
            stop = run.end() if run else start
            for length in _HAN_LENGTHS:
                if start + length > stop:
                    break
                add(readable[start : start + length])
            continue
        for end in prefix_ends(readable, start)[:4]:
            add(readable[start:end])
    return found[:limit]
