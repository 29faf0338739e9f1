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


_START = re.Match.start
_GROUP = re.Match.group


def tokens(scan: str) -> list[Token]:
    # map/zip keep the per-token work in C: a fifth faster than a comprehension calling the methods.
    found = list(_TOKEN.finditer(scan))
    return list(zip(map(_START, found), map(_GROUP, found), strict=True))


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
    """Labelled keyword patterns (English, lower-case), matched as whole words.

    A word is only tried against the keywords that start with its first letter (and, cheaper still,
    skipped when no keyword starts with its first two letters), so a table of a hundred keywords
    costs about as much per note as a table of five.
    """

    def __init__(self, table: Mapping[str, str]) -> None:
        split = {label: alternatives(pattern) for label, pattern in table.items()}
        heads = {_head(alt) for alts in split.values() for alt in alts}
        self._anywhere = "" in heads
        self._one = {h for h in heads if len(h) == 1}
        self._two = {h for h in heads if len(h) == 2}
        self._by_letter: dict[str, re.Pattern[str]] = {}
        for letter in sorted({h[0] for h in heads if h} | set("abcdefghijklmnopqrstuvwxyz")):
            groups = []
            for label, alts in split.items():
                chosen = [alt for alt in alts if _head(alt)[:1] in ("", letter)]
                if chosen:
                    groups.append(f"(?P<{label}>{'|'.join(chosen)})")
            if groups:
                self._by_letter[letter] = re.compile(rf"\b(?:{'|'.join(groups)})\b")

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
            pattern = self._by_letter.get(word[0])
            match = pattern.match(scan, start) if pattern is not None else None
            if match is None or match.lastgroup is None:
                continue
            pos = match.end()
            yield match.lastgroup, match


class FirstCharLexicon:
    """Labelled keyword patterns that each start with a literal character (Chinese words, mostly).

    Found like `Lexicon` finds English ones: a plain character class locates the characters a
    keyword can start with, and only the keywords starting with that character are tried there.
    """

    def __init__(self, table: Mapping[str, str]) -> None:
        by_char: dict[str, dict[str, list[str]]] = {}
        for label, pattern in table.items():
            for alt in alternatives(pattern):
                head = alt[:1]
                if not head or head in "([\\.^$|?*+{" or alt[1:2] in ("?", "*", "+", "{"):
                    raise ValueError(f"keyword {alt!r} must start with a literal character")
                by_char.setdefault(head, {}).setdefault(label, []).append(alt)
        self._starts = re.compile("[" + re.escape("".join(sorted(by_char))) + "]")
        self._by_char = {
            head: re.compile("|".join(f"(?P<{label}>{'|'.join(alts)})" for label, alts in labels.items()))
            for head, labels in by_char.items()
        }

    def finditer(self, scan: str) -> Iterator[tuple[str, re.Match[str]]]:
        pos = 0
        for start in self._starts.finditer(scan):
            at = start.start()
            if at < pos:
                continue
            match = self._by_char[scan[at]].match(scan, at)
            if match is None or match.lastgroup is None:
                continue
            pos = match.end()
            yield match.lastgroup, match

    def search(self, scan: str) -> tuple[str, re.Match[str]] | None:
        return next(self.finditer(scan), None)
