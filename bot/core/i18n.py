"""Words shown to people, in English and Chinese. One catalog; renderers pick by language."""

from __future__ import annotations

import re
from typing import Any

from bot.core.catalog import common, crm, customers, followups, notes, validation

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

LANGS = ("en", "zh")

CATALOG: dict[str, dict[str, str]] = {
    **common.MESSAGES,
    **notes.MESSAGES,
    **followups.MESSAGES,
    **customers.MESSAGES,
    **crm.MESSAGES,
    **validation.MESSAGES,
}


def t(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` (English when that language lacks it), with params filled in.

    An entry may have a singular form, `en_one`, used when `count` is 1."""
    entry = CATALOG[key]
    template = (params.get("count") == 1 and entry.get(lang + "_one")) or entry.get(lang) or entry["en"]
    return template.format(**params) if params else template


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def reply_lang(text: str, default: str) -> str:
    """Answer in Chinese when the user wrote Chinese, else in the workspace language."""
    if has_han(text):
        return "zh"
    return default if default in LANGS else "en"
