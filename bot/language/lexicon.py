"""Words of a note, found in one pass, and keyword tables looked up only at the words that can match.

Every regex scan over a note costs a few microseconds in CPython however simple the pattern, and
the grammars would each need one. Instead the note is split into tokens once; each grammar then
tries its pattern only at the tokens that can begin one of its expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

# A token: a run of ASCII letters, a run of digits, or a symbol amounts and times start with.
_TOKEN = re.compile(r"[a-z]+|[0-9]+|[$€£¥￥₹₩@]")
Token = tuple[int, str]


def tokens(scan: str) -> list[Token]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(scan)]


def alternatives(pattern: str) -> list[str]:
    """Split a regex alternation at its top-level `|` signs."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _head(alternative: str) -> str:
    """Up to two literal letters every match of `alternative` starts with ("" when unknown)."""
    head = ""
    for i, ch in enumerate(alternative[:2]):
        if not ("a" <= ch <= "z") or alternative[i + 1 : i + 2] in ("?", "*", "+", "{"):
            break
        head += ch
    return head


class Lexicon:
    """Labelled keyword patterns (English, lower-case), matched as whole words."""

    def __init__(self, table: Mapping[str, str]) -> None:
        every = [alt for pattern in table.values() for alt in alternatives(pattern)]
        self._pattern = re.compile(rf"\b(?:{'|'.join(every)})\b")
        self._labels = [(label, re.compile(pattern)) for label, pattern in table.items()]
        heads = {_head(alt) for alt in every}
        self._anywhere = "" in heads
        self._one = {h for h in heads if len(h) == 1}
        self._two = {h for h in heads if len(h) == 2}

    def finditer(
        self, scan: str, words: Sequence[Token] | None = None
    ) -> Iterator[tuple[str, re.Match[str]]]:
        """(label, match) for every keyword in `scan`, left to right."""
        if words is None:
            words = tokens(scan)
        pos = 0
        for start, word in words:
            if start < pos or not (self._anywhere or word[:2] in self._two or word[:1] in self._one):
                continue
            match = self._pattern.match(scan, start)
            if match is None:
                continue
            pos = match.end()
            text = match.group()
            label = next((label for label, pattern in self._labels if pattern.fullmatch(text)), None)
            if label is not None:
                yield label, match
