"""Slack message markup turned into readable text, plus a same-length copy for the grammars.

The copy is also read in Simplified Chinese (scripts.simplified): 下週二 in a Taiwanese note is 下周二
to the date grammar, while the note keeps and shows the words as written.

The grammars (tags, dates, amounts, keywords) run over `scan`, in which every link, mention and
channel reference is blanked out: a `#` in a URL is not a tag and `/2026/03/20/` in a path is not a
date. Because `scan` and `readable` have the same length, a span found in one is valid in the other.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.language.scripts import simplified

_ANGLE = re.compile(r"<([^<>\n]{1,1000})>")
_RAW_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”「」，。]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#\d{1,6}|#x[0-9a-fA-F]{1,6});")

# Full-width ASCII and the ideographic space map one-to-one onto ASCII, so grammars see `＃标签`,
# `１２月` and `：` like their half-width forms without shifting any offsets. ASCII letters are
# lower-cased here once, so no grammar needs re.IGNORECASE (which makes Python's regex engine
# compare every character twice and turns off its fast first-character search).
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)})
_FOLD.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})
_FOLD[0x3000] = 0x20
_FOLD[0xA0] = 0x20


@dataclass(slots=True)  # internal; not frozen, which makes construction 5x cheaper
class Marked:
    readable: str  # what a person should see
    scan: str  # same length; markup blanked, full-width folded to ASCII, ASCII lower-cased, Simplified
    mentions: tuple[str, ...]


def _readable_ref(inner: str) -> tuple[str, str | None, bool]:
    """Return (readable text, mentioned user id, keep-visible-to-grammars) for one `<…>` reference."""
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        user = target[1:]
        return "@" + (label or user), user, False
    if target.startswith("#"):
        return "#" + (label or target[1:]), None, False
    if target.startswith("!"):
        special = target[1:].split("^", 1)[0]
        if special == "date" and label:
            return label, None, True
        if label:
            return label if label.startswith("@") else "@" + label, None, False
        return "@" + special, None, False
    if target.startswith("mailto:"):
        return label or target[len("mailto:") :], None, False
    if not label or label == target:
        return target, None, False
    return f"{label} ({target})", None, False


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _blank_raw_links(text: str) -> str:
    if "://" not in text and "www." not in text and "@" not in text:
        return text
    return _RAW_URL.sub(lambda m: " " * len(m.group(0)), text)


def mark(text: str) -> Marked:
    if "<" not in text and "&" not in text:  # most notes: no markup at all
        return Marked(readable=text, scan=simplified(_blank_raw_links(text).translate(_FOLD)), mentions=())
    readable_parts: list[str] = []
    scan_parts: list[str] = []
    mentions: list[str] = []
    pos = 0
    for match in _ANGLE.finditer(text):
        plain = _unescape(text[pos : match.start()])
        readable_parts.append(plain)
        scan_parts.append(_blank_raw_links(plain))
        shown, user, visible = _readable_ref(match.group(1))
        shown = _unescape(shown)
        if user and user not in mentions:
            mentions.append(user)
        readable_parts.append(shown)
        scan_parts.append(shown if visible else " " * len(shown))
        pos = match.end()
    plain = _unescape(text[pos:])
    readable_parts.append(plain)
    scan_parts.append(_blank_raw_links(plain))
    readable = "".join(readable_parts)
    scan = simplified("".join(scan_parts).translate(_FOLD))
    return Marked(readable=readable, scan=scan, mentions=tuple(mentions))


_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def tidy(text: str) -> str:
    """Whitespace normalized the way a person would write it: single spaces, no blank-line runs."""
    if "\n" not in text and "\r" not in text:
        return _SPACES.sub(" ", text).strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
