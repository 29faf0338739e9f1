"""A regex grammar tried only where its expressions can start, with only the ones that can start there.

Python's `re` tries every alternative of a pattern at every position. Our date grammars have a
dozen or two alternatives each, yet at a given character only a few can apply ("with" can only
begin a weekday or "within"). Splitting the pattern by first character makes matching several
times faster with exactly the same result, which `matches(..., dispatch=False)` lets tests check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

DIGITS = "0123456789"
MAX_ATTEMPTS = 400


class Grammar:
    def __init__(
        self,
        pattern: str,
        first: Mapping[str, str],
        *,
        starts: str,
        every_start: str,
        flags: int = re.VERBOSE,
    ) -> None:
        """`pattern` is `(?P<name>…) | (?P<name>…) …`; `first[name]` lists the characters that
        alternative can start with ("0" for any digit); `starts` finds the positions where an
        expression can start, `every_start` all positions where one may (the slow reference)."""
        self.full = re.compile(pattern, flags)
        self._starts = re.compile(starts)
        self._every_start = re.compile(every_start)
        alternatives = [alt.strip() for alt in re.split(r"\n\s*\|\s(?=\(\?P<)", pattern.strip())]
        names = [alt[4 : alt.index(">")] for alt in alternatives]
        if set(names) != set(first):
            raise ValueError(f"first characters missing or extra for {set(names) ^ set(first)}")
        chars = {ch for name in names for ch in first[name].replace("0", DIGITS)}
        cache: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._by_first: dict[str, re.Pattern[str]] = {}
        for ch in chars:
            chosen = tuple(
                alt
                for alt, name in zip(alternatives, names, strict=True)
                if ch in first[name].replace("0", DIGITS)
            )
            if chosen not in cache:
                cache[chosen] = re.compile("|".join(chosen), flags)
            self._by_first[ch] = cache[chosen]

    def matches(
        self, text: str, starts: Iterable[int] | None = None, *, dispatch: bool = True
    ) -> Iterator[re.Match[str]]:
        """Non-overlapping, non-empty matches, left to right, each tried only at a candidate start
        (`starts` when the caller already knows them, else where the `starts` pattern finds them)."""
        pos = 0
        if not dispatch:
            starts = (m.start() for m in self._every_start.finditer(text))
        elif starts is None:
            starts = (m.start() for m in self._starts.finditer(text))
        # Bounded work per note: a wall of digits is pasted data, and its later digits are not read.
        for at in islice(starts, MAX_ATTEMPTS if dispatch else None):
            if at < pos:
                continue
            grammar = self._by_first.get(text[at]) if dispatch else self.full
            found = grammar.match(text, at) if grammar is not None else None
            if found is not None and found.end() > at:
                yield found
                pos = found.end()
