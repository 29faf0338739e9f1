"""`#tags` and full-width `＃标签`: letters, digits, `-` and `_` in any script."""

from __future__ import annotations

import re
import unicodedata

# The scan text has full-width `＃` folded to `#` and links blanked, so a `#` in a URL never shows
# up here. A `#` glued to a word ("C#", "issue#4") is not a tag either.
TAG = re.compile(r"(?<![\w#&])#([\w][\w-]*)")


def _is_tag(word: str) -> bool:
    # "#2" is an issue or an item number, not a label.
    return not word.replace("-", "").replace("_", "").isdigit()


def find_tags(scan: str) -> tuple[str, ...]:
    if "#" not in scan:
        return ()
    found: list[str] = []
    for match in TAG.finditer(scan):
        word = match.group(1).rstrip("-_")
        if not word or not _is_tag(word):
            continue
        tag = unicodedata.normalize("NFKC", word).lower()
        if tag not in found:
            found.append(tag)
    return tuple(found)


def tag_spans(scan: str) -> list[tuple[int, int]]:
    return [m.span() for m in TAG.finditer(scan) if _is_tag(m.group(1).rstrip("-_") or "0")]
