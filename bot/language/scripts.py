"""Character classes shared by the grammars: what is Han, what ends a clause, what cannot be seen."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

# Control characters other than tab, newline and carriage return (NUL, escape sequences, C1 codes):
# a sign of a broken paste, and PostgreSQL cannot hold a NUL in text at all.
CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CHARS}]")
# Invisible format characters (Unicode category Cf, as of Unicode 14): soft hyphen, zero-width space,
# non-joiner and joiner, bidi marks and embeddings, word joiner, BOM, tag characters. Nothing a person
# sees, so never what tells one name or tag from another (tests/unit pins this list to the category).
FORMAT_CHARS = (
    "\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
FORMAT = re.compile(f"[{FORMAT_CHARS}]")

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")

# Marks that end a clause in either language; the follow-up text is the clause its date sits in.
# Found with a plain character class (fast to scan), then "12,000", "5.2" and "follow-up" are let through.
_BREAK_CANDIDATE = re.compile(r"[;!?\n，。；！？、,.\-–—]")


def _breaks(scan: str, pos: int) -> bool:
    ch = scan[pos]
    if ch in ",.":
        return not (scan[pos - 1 : pos].isdigit() and scan[pos + 1 : pos + 2].isdigit())
    if ch in "-–—":
        return scan[pos - 1 : pos] == " " and scan[pos + 1 : pos + 2] == " "
    return True


# A clause longer than this is cut: it bounds the work per date on pasted walls of text.
CLAUSE_REACH = 300


def clause(scan: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around `scan[start:end]`, without its closing mark."""
    left, right = max(0, start - CLAUSE_REACH), min(len(scan), end + CLAUSE_REACH)
    for mark in _BREAK_CANDIDATE.finditer(scan, left, start):
        if _breaks(scan, mark.start()):
            left = mark.end()
    for mark in _BREAK_CANDIDATE.finditer(scan, end, right):
        if _breaks(scan, mark.start()):
            right = mark.start()
            break
    return left, right


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFF
    )


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def words(text: str) -> frozenset[str]:
    """A vocabulary written as prose-like text, one entry per whitespace-separated word."""
    return frozenset(text.split())


@cache
def _to_simplified() -> Callable[[str], str]:
    # Loaded on the first Chinese note, not at import: the converter's tables take ~50 ms to load.
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s.json").convert
    return convert


@cache
def _traditional() -> re.Pattern[str]:
    """The characters OpenCC changes one by one (the Traditional ones), found once by converting
    every ideograph of the Basic Multilingual Plane (~10 ms): a note with none needs no conversion."""
    convert = _to_simplified()
    blocks = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
    chars = [chr(cp) for first, last in blocks for cp in range(first, last)]
    converted = convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return HAN  # cannot tell them apart: convert every Chinese note
    changed = [ord(c) for c, s in zip(chars, converted, strict=True) if s != c]
    return re.compile("[" + "".join(_ranges(changed)) + "]")


def _ranges(codepoints: list[int]) -> Iterator[str]:
    """Sorted code points as character-class ranges (一-丁…): a shorter class compiles faster."""
    start = previous = codepoints[0] if codepoints else 0
    for cp in [*codepoints[1:], -1]:
        if cp != previous + 1:
            yield chr(start) if start == previous else f"{chr(start)}-{chr(previous)}"
            start = cp
        previous = cp


def simplified(text: str) -> str:
    """Traditional Chinese (Taiwan, Hong Kong) as Simplified, for the grammars to read: 下週二 → 下周二.

    OpenCC's Traditional→Simplified conversion (phrases first, then characters: 乾淨 → 干净 but
    乾隆 stays), ~1-4 µs a note, run only on notes with a character it would change. The result
    has the same length, so a span found in it is a span of the text as written, which is what the
    note keeps and shows.
    """
    if text.isascii() or _traditional().search(text) is None:
        return text  # most notes: no Traditional character, nothing to convert
    convert = _to_simplified()
    try:
        converted = convert(text)
    except UnicodeEncodeError:  # a lone surrogate (broken JSON) cannot reach the converter
        return text
    if len(converted) == len(text):
        return converted
    # A phrase changed length (none does in OpenCC's tables today): character by character instead.
    return "".join(one if len(one := convert(ch)) == 1 else ch for ch in text)
