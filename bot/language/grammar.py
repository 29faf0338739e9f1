"""A regex grammar tried only where its expressions can start, with only the ones that can start there.

Python's `re` tries every alternative of a pattern in turn, and an alternative that fails is not free:
it is entered and left at each position. Our date grammars have dozens of alternatives, yet at a given
start only a few can apply ("friday" can only begin a weekday, "2026" only a date with a year). Each
alternative declares the keys it can start with: a word (the English grammar is tried at the words of
a note), a character (the Chinese one), or a run of digits of a given length ("00" for two digits:
"12/10" starts with one, "0000" for four: "2026-04-01"). A grammar may also tell digit runs apart by
the character after them (`follow`, a table from characters to their class): with FOLLOW "00/" is two
digits and a slash, "0s" a digit and a space, and "00*" two digits and anything. Splitting the
pattern by key makes matching several times faster with exactly the same result, which
`matches(..., dispatch=False)` lets tests check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

DIGITS = "0123456789"
MAX_ATTEMPTS = 400
Start = tuple[int, str]  # a position where an expression may start, and its key
# What follows a run of digits, in a digit key: "s" white space, "a" an ASCII letter, "p" a full stop,
# "c" a comma, these marks as themselves, "x" anything else or the end of the text.
FOLLOW = {
    **dict.fromkeys(" \t\n\r", "s"),
    **dict.fromkeys("abcdefghijklmnopqrstuvwxyz", "a"),
    ".": "p",
    ",": "c",
    ":": ":",
    "/": "/",
    "-": "-",
    "–": "–",
    "·": "·",
    "•": "·",
}


_ZEROS = str.maketrans(DIGITS, "0" * len(DIGITS))


def digit_key(text: str) -> str:
    """A run of digits as its key ("2026" → "0000"); any other text as it is. Runs of lengths no
    expression starts with have keys no alternative declares, and are never tried."""
    return text.translate(_ZEROS)


def _expand(key: str, classes: list[str]) -> list[str]:
    return [key[:-1] + c for c in classes] if key.endswith("*") else [key]


class Grammar:
    def __init__(
        self,
        pattern: str,
        first: Mapping[str, str],
        *,
        starts: str,
        every_start: str,
        flags: int = re.VERBOSE,
        follow: Mapping[str, str] | None = None,
    ) -> None:
        """`pattern` is `(?P<name>…) | (?P<name>…) …`; `first[name]` lists the keys that alternative can
        start with, separated by spaces; `starts` finds the positions where an expression can start (a
        digit run whole), `every_start` all positions where one may (the slow reference). With `follow`,
        digit keys end with the class of the character after the run ("x" for any other)."""
        self._follow = follow
        self.full = re.compile(pattern, flags)
        self._starts = re.compile(starts)
        self._every_start = re.compile(every_start)
        alternatives = [alt.strip() for alt in re.split(r"\n\s*\|\s(?=\(\?P<)", pattern.strip())]
        names = [alt[4 : alt.index(">")] for alt in alternatives]
        if set(names) != set(first):
            raise ValueError(f"first keys missing or extra for {set(names) ^ set(first)}")
        classes = sorted({*(follow or {}).values(), "x"})
        keys = {name: {k for key in first[name].split() for k in _expand(key, classes)} for name in names}
        self.keys = frozenset().union(*keys.values())
        cache: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._by_key: dict[str, re.Pattern[str]] = {}
        for key in self.keys:
            chosen = tuple(alt for alt, name in zip(alternatives, names, strict=True) if key in keys[name])
            if chosen not in cache:
                cache[chosen] = re.compile("|".join(chosen), flags)
            self._by_key[key] = cache[chosen]

    def starts(self, text: str) -> list[Start]:
        """The candidate starts the `starts` pattern finds, each with its key: the character, or for a
        run of digits "0" as many times as it has digits (see `digit_key`)."""
        return [(m.start(), digit_key(m.group())) for m in islice(self._starts.finditer(text), MAX_ATTEMPTS)]

    def matches(
        self, text: str, starts: Iterable[Start] | None = None, *, dispatch: bool = True
    ) -> Iterator[re.Match[str]]:
        """Non-overlapping, non-empty matches, left to right, each tried only at a candidate start
        (`starts` when the caller already knows them, else where the `starts` pattern finds them)."""
        pos = 0
        if not dispatch:
            candidates: Iterable[Start] = ((m.start(), "") for m in self._every_start.finditer(text))
        else:
            candidates = self.starts(text) if starts is None else starts
        by_key, follow = self._by_key, self._follow if dispatch else None
        # Bounded work per note: a wall of digits is pasted data, and its later digits are not read.
        for at, key in islice(candidates, MAX_ATTEMPTS if dispatch else None):
            if at < pos:
                continue
            if follow is not None and key[0] == "0":
                after = at + len(key)
                key += follow.get(text[after : after + 1], "x")
            grammar = by_key.get(key) if dispatch else self.full
            found = grammar.match(text, at) if grammar is not None else None
            if found is not None and found.end() > at:
                yield found
                pos = found.end()
