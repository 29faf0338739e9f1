"""Dates and times in a note, in either language, resolved against `now` in the note's time zone.

The grammars (dates_en, dates_zh) find pieces; here neighbouring pieces are joined ("tomorrow" +
"11am", 下周三 + 下午三点, "eod" + "friday"), and each is read forwards or backwards: an explicit past
("yesterday", "last friday", 上周五, 三天前) is when something happened; a neutral one ("tuesday",
"today", "dec 5") is a follow-up unless its clause is told in the past tense.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.language import dates_en, dates_zh
from bot.language.lexicon import Token
from bot.language.scripts import clause, has_han, words
from bot.language.timeline import DEFAULT_TIME, MAX_PIECES, Piece, wall

MAX_MOMENTS = MAX_PIECES // 2  # joined pieces ("tomorrow" + "3pm") make one moment


@dataclass(slots=True)  # internal; not frozen, which makes construction 5x cheaper
class Moment:
    start: int  # span in the scan text
    end: int
    at: datetime  # aware, in the note's zone
    past: bool  # told as having happened: occurred_at, never a follow-up


_DATE_THEN_CLOCK = re.compile(r"[\s,，的@]*(?:(?:at|around|by|from)\s+|@\s*)?$")
_CLOCK_THEN_DATE = re.compile(r"[\s,，]*(?:(?:on|this|next)\s+)?$")

# Tense of a clause, from its words: a word list and a set lookup per word are several times
# cheaper than an alternation regex scanned along the clause.
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_EN_PAST = words(
    "was were had did met spoke talked sent said told went came got gave took made saw heard rang paid"
    " bought brought wrote left won lost ran sat"
)
_EN_FUTURE = words(
    "will shall gonna followup remind reminder due deadline book booked revisit upcoming let's please todo"
    " expect expects expected by before until till next want wants wanted need needs needed ask asks asked"
    " request requests requested hope hopes aim aims target targets promised committed"
)
_EN_FUTURE_PARTS = (
    "'ll",
    "going to",
    "have to",
    "has to",
    "plan to",
    "plans to",
    "planned to",
    "follow up",
    "follow-up",
    "following up",
    "set up",
    "call back",
    "check in",
    "agreed to",
    "would like",
    "to-do",
    "schedul",
    "arrang",
)
_ZH_PAST = re.compile(r"了|过|已|刚|曾")
_ZH_FUTURE = re.compile(
    r"将|要|会(?!议|面)|计划|准备|安排|跟进|回访|答复|之前|前(?!天)|截止|提醒|再|记得|待|请|预计|希望|打算|想"
)


def _clause_is_past(scan: str, start: int, end: int) -> bool:
    left, right = clause(scan, start, end)
    text = scan[left:right]
    english = _WORD.findall(text)
    if any(word in _EN_FUTURE for word in english) or any(part in text for part in _EN_FUTURE_PARTS):
        return False
    han = has_han(text)
    if han and _ZH_FUTURE.search(text):
        return False
    if any(word in _EN_PAST or (len(word) >= 4 and word.endswith("ed")) for word in english):
        return True
    return han and _ZH_PAST.search(text) is not None


def _non_overlapping(pieces: list[Piece]) -> list[Piece]:
    if len(pieces) < 2:
        return pieces
    pieces.sort(key=lambda p: (p.start, p.start - p.end))
    kept: list[Piece] = []
    for piece in pieces:
        if kept and piece.start < kept[-1].end:
            continue
        kept.append(piece)
    return kept


def _is_clock(piece: Piece) -> bool:
    return piece.day is None and piece.exact is None and piece.clock is not None


def _is_day(piece: Piece) -> bool:
    return piece.day is not None and piece.clock is None


_DAY_THEN_DAY = re.compile(r"[\s,，]*(?:the\s+)?$")


def _same_day_merged(pieces: list[Piece], scan: str) -> list[Piece]:
    """Two names for one day are one date ("Monday the 16th", "friday, march 13"); the second is
    usually the exact one."""
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if (
            last is not None
            and _is_day(last)
            and _is_day(piece)
            and piece.start - last.end <= 6
            and _DAY_THEN_DAY.match(scan[last.end : piece.start])
        ):
            out[-1] = piece.widened(last.start, piece.end, piece.clock)
            continue
        out.append(piece)
    return out


def _joined(pieces: list[Piece], scan: str) -> list[Piece]:
    pieces = _same_day_merged(pieces, scan)
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        here = pieces[i]
        there = pieces[i + 1] if i + 1 < len(pieces) else None
        if there is not None:
            gap = scan[here.end : there.start]
            if _is_day(here) and _is_clock(there) and _DATE_THEN_CLOCK.match(gap):
                out.append(here.widened(here.start, there.end, there.clock))
                i += 2
                continue
            if _is_clock(here) and _is_day(there) and _CLOCK_THEN_DATE.match(gap):
                out.append(there.widened(here.start, there.end, here.clock))
                i += 2
                continue
        out.append(here)
        i += 1
    return out


def _resolve(piece: Piece, scan: str, now: datetime) -> Moment | None:
    if piece.exact is not None:
        return Moment(piece.start, piece.end, piece.exact, piece.tense == "past")
    if piece.day is None:
        if piece.clock is None or piece.weak_clock:
            return None  # "morning" or 下午 alone says nothing about which day
        backwards = _clause_is_past(scan, piece.start, piece.end)
        at = wall(now.date(), piece.clock, now.tzinfo)
        if backwards and at > now:
            at = wall(now.date() - timedelta(days=1), piece.clock, now.tzinfo)
        elif not backwards and at <= now:
            at = wall(now.date() + timedelta(days=1), piece.clock, now.tzinfo)
        return Moment(piece.start, piece.end, at, backwards)
    clock = piece.clock or piece.default_clock or DEFAULT_TIME
    day, past = piece.day, piece.tense == "past"
    if piece.tense == "neutral" and piece.back is not None and _clause_is_past(scan, piece.start, piece.end):
        day, past = piece.back, True
    return Moment(piece.start, piece.end, wall(day, clock, now.tzinfo), past)


# 3月20日前, "before" in Chinese follows the date; it belongs to the date, not to the task.
_ZH_BEFORE = re.compile(r"\s?(?:之前|以前|前)(?!天)")


def _with_suffix(piece: Piece, scan: str) -> Piece:
    if piece.tense == "past" or piece.exact is not None or "前" not in scan[piece.end : piece.end + 3]:
        return piece
    suffix = _ZH_BEFORE.match(scan, piece.end)
    return piece.widened(piece.start, suffix.end(), piece.clock) if suffix else piece


def find_moments(
    scan: str, now: datetime, words: Sequence[Token] | None = None, *, han: bool | None = None
) -> list[Moment]:
    pieces = dates_en.find_pieces(scan, now, words)
    if has_han(scan) if han is None else han:
        pieces.extend(dates_zh.find_pieces(scan, now))
    moments = []
    for piece in _joined(_non_overlapping(pieces), scan)[:MAX_MOMENTS]:
        moment = _resolve(_with_suffix(piece, scan), scan, now)
        if moment is not None:
            moments.append(moment)
    return moments
