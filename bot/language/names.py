"""Where the customer's name ends, and the key customers are stored and matched under.

Order of evidence: a quoted name, a `Name:` prefix, the longest known name at the start, and only
then a guess (the words before the first verb or keyword). Known names are matched through
`candidate_prefixes`, the same list the storage layer looks up, so whatever it finds we can match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bot.language.scripts import CONTROL_CHARS, FORMAT_CHARS, HAN_RANGES, words

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
