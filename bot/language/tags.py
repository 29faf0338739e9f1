"""`#tags` and full-width `＃标签`: letters, digits, `-` and `_` in any script."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bot.language.scripts import FORMAT, FORMAT_CHARS

# The scan text has full-width `＃` folded to `#` and links blanked, so a `#` in a URL never shows
# up here. The pattern starts with a literal `#`, which the regex engine finds with a fast search;
# whether the `#` is glued to a word ("C#", "issue#4": not a tag) is checked on the match.
# Invisible format characters (a zero-width space pasted into `#vip`) belong to the tag they sit in.
_HASH = re.compile(f"#([{FORMAT_CHARS}]*\\w[\\w\\-{FORMAT_CHARS}]*)")


def normalize_tag(word: str) -> str:
    """A tag as stored and looked up: NFKC (`ＶＩＰ` is vip), lower-cased, without invisible format
    characters (`vi\u200bp` is vip) or trailing `-`/`_`. Every way a tag comes in goes through here."""
    return FORMAT.sub("", unicodedata.normalize("NFKC", word)).rstrip("-_").lower()


def _is_tag(word: str) -> bool:
    # "#2" is an issue or an item number, not a label.
    return bool(word) and not word.replace("-", "").replace("_", "").isdigit()


def _tags(scan: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    if "#" not in scan:
        return
    for match in _HASH.finditer(scan, start, len(scan) if end is None else end):
        at = match.start()
        before = scan[at - 1] if at else " "
        if before.isalnum() or before in "_#&":
            continue
        if _is_tag(normalize_tag(match.group(1))):
            yield match


def find_tags(scan: str, readable: str | None = None) -> tuple[str, ...]:
    """The tags in `scan`; with the note's `readable` text, spelt as written there (#報價 stays 報價,
    though the grammars read the scan in Simplified Chinese)."""
    found: list[str] = []
    for match in _tags(scan):
        tag = normalize_tag(match.group(1) if readable is None else readable[match.start(1) : match.end(1)])
        if tag not in found:
            found.append(tag)
    return tuple(found)


def tag_spans(scan: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [match.span() for match in _tags(scan, start, end)]


def without_tags(scan: str) -> str:
    parts: list[str] = []
    pos = 0
    for start, stop in tag_spans(scan):
        parts.append(scan[pos:start])
        pos = stop
    parts.append(scan[pos:])
    return "".join(parts)
