"""The English keywords of channels and categories, found in one pass over the note's tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language import category, channels
from bot.language.lexicon import Lexicon, Token

_ENGLISH = Lexicon({**dict(channels.EN_KEYWORDS), **category.EN_KEYWORDS})


def english_hits(scan: str, words: Sequence[Token]) -> list[tuple[str, re.Match[str]]]:
    """(label, match) for every channel or category keyword, left to right."""
    return list(_ENGLISH.finditer(scan, words))
