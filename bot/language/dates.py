"""Dates and times in a note, in either language, resolved against `now` in the note's time zone.

The grammars (dates_en, dates_zh) find small pieces: a day ("tomorrow", 下周三, "march 5"), a time of
day ("at 8", 3点半, "15:30") and a part of the day ("tonight", 下午, "in the morning"). Here the
neighbouring pieces of one moment are joined, in any order, and a part of the day moves an hour said
without am/pm into its half ("tonight at 8", "8 tonight", 今晚8点: 20:00). Each moment is then read
forwards or backwards:
- an explicit past ("yesterday", "last friday", 上周五, 三天前) is when something happened; a neutral
  one ("tuesday", 本周三) is a follow-up unless its clause is told in the past tense;
- today: a time of day already behind us is when it happened, never an overdue follow-up; "today"
  without a time is a follow-up due at the next working moment, or, told in the past or in Chinese
  without a word looking ahead (今天来电), when it happened;
- a date without a year is this year's: when it happened if that fell within the last half year,
  else next year's (timeline.without_year);
- a date not on the calendar (feb 30) or a follow-up past the horizon ("in 500 years") is refused with
  a message, as is, for /followup (every time looks ahead there), a time already past (`refusal`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.language import dates_en, dates_zh
from bot.language.lexicon import Token
from bot.language.scripts import clause, has_han, words
from bot.language.timeline import (
    DEFAULT_TIME,
    EOD,
    HORIZON_YEARS,
    MAX_PIECES,
    PERIOD_END,
    Piece,
    add_months,
    in_period,
    wall,
)

MAX_MOMENTS = MAX_PIECES // 2  # joined pieces ("tomorrow" + "3pm") make one moment


@dataclass(slots=True)  # internal; not frozen, which makes construction 5x cheaper
class Moment:
    start: int  # span in the scan text
    end: int
    at: datetime  # aware, in the note's zone
    past: bool  # told as having happened: occurred_at, never a follow-up
    problem: str | None = None  # "no_such_date", "too_far": the note is refused, saying why


# What may stand between the pieces of one moment: "tomorrow at 3", "3pm on friday", "monday the 16th",
# "tomorrow morning", "at 3 in the afternoon", 6月1日周六早上10点.
_DATE_THEN_CLOCK = re.compile(r"[\s,，的@]*(?:(?:at|around|by|from)\s+|@\s*)?$")
_CLOCK_THEN_DATE = re.compile(r"[\s,，]*(?:(?:on|this|next)\s+)?$")
_DAY_THEN_DAY = re.compile(r"[\s,，]*(?:the\s+)?$")
_NEXT_TO_PERIOD = re.compile(r"[\s,，的]*(?:on\s+)?$")
_MAX_GAP = 8

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
    r"将|要|(?<![开例约聚])会(?!议|面|谈|晤)|计划|准备|安排|跟进|回访|答复|之前|前(?!天)|截止|提醒|再|记得|待|请|预计|希望|打算|想"
)


def _clause_tense(text: str) -> str | None:
    """ "future" when the clause looks ahead (will, follow up, 要, 前), "past" when it is told as done
    (-ed, met, 了), else None. Future words win: "asked to call back friday" is a plan."""
    english = _WORD.findall(text)
    if any(word in _EN_FUTURE for word in english) or any(part in text for part in _EN_FUTURE_PARTS):
        return "future"
    han = has_han(text)
    if han and _ZH_FUTURE.search(text):
        return "future"
    if any(word in _EN_PAST or (len(word) >= 4 and word.endswith("ed")) for word in english):
        return "past"
    return "past" if han and _ZH_PAST.search(text) is not None else None


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


def _joins(last: Piece, piece: Piece, scan: str, day: Piece | None, clock: bool, period: bool) -> bool:
    """Whether `piece` says more about the moment of the pieces before it (`last` the latest; `day`,
    `clock`, `period` what they said): a day, a time of day and a part of the day, each at most once,
    in any order, with only small words between them."""
    if piece.start - last.end > _MAX_GAP or piece.exact is not None or last.exact is not None:
        return False
    if piece.period is not None and period:
        return False
    gap = scan[last.end : piece.start]
    if piece.day is not None:
        if day is not None:
            # One day named twice ("Monday the 16th", "tomorrow, 13/04/21", 6月1日周六): one date.
            return not clock and not (day.dated and piece.dated) and _DAY_THEN_DAY.match(gap) is not None
        if piece.clock is not None and clock:
            return False
        gap_rule = _CLOCK_THEN_DATE if last.clock is not None else _NEXT_TO_PERIOD
        return gap_rule.match(gap) is not None
    if piece.clock is not None:
        return not clock and _DATE_THEN_CLOCK.match(gap) is not None
    return piece.period is not None and _NEXT_TO_PERIOD.match(gap) is not None


def _combined(group: list[Piece]) -> Piece:
    """The pieces of one moment as one piece: the day (the calendar's when a day is named twice), the
    time of day read in the part of the day said with it ("tonight" + "at 8" is 20:00)."""
    if len(group) == 1:
        return group[0]
    days = [p for p in group if p.day is not None]
    day = next((p for p in days if p.dated), days[-1]) if days else None
    timed = next((p for p in group if p.clock is not None), None)
    named = next((p for p in group if p.period is not None), None)
    period = named.period if named is not None else None
    clock, loose = None, False
    if timed is not None and timed.clock is not None:
        clock, loose = timed.clock, timed.loose
        if period is not None and timed.period is None:
            clock, loose = in_period(*clock, period, loose=timed.loose), False
    default = named.default_clock if named is not None else None
    if default is None and day is not None:
        default = day.default_clock
    weak = day is None and (clock is None or (timed is not None and timed.weak_clock and period is None))
    problem = next((p.problem for p in group if p.problem is not None), None)
    return Piece(
        group[0].start,
        group[-1].end,
        day.tense if day is not None else "neutral",
        day.day if day is not None else None,
        day.back if day is not None else None,
        clock,
        default,
        None,
        weak,
        period,
        loose,
        day.dated if day is not None else False,
        problem,
    )


def _joined(pieces: list[Piece], scan: str) -> list[Piece]:
    if len(pieces) < 2:
        return pieces
    out: list[Piece] = []
    group: list[Piece] = []
    day: Piece | None = None
    clock = period = False
    for piece in pieces:
        if group and not _joins(group[-1], piece, scan, day, clock, period):
            out.append(_combined(group))
            group, day, clock, period = [], None, False, False
        group.append(piece)
        if day is None and piece.day is not None:
            day = piece
        clock = clock or piece.clock is not None
        period = period or piece.period is not None
    out.append(_combined(group))
    return out


def _on(day: date, clock: tuple[int, int], now: datetime) -> datetime:
    """`day` at `clock`; the small hours of tonight said after midnight are this night's ("tonight at
    1am" at 00:30 is in half an hour, not tomorrow)."""
    if clock[0] >= 24 and day == now.date():
        early = wall(day, (clock[0] - 24, clock[1]), now.tzinfo)
        if early >= now:
            return early
    return wall(day, clock, now.tzinfo)


def _next_working_moment(now: datetime) -> datetime:
    """When a follow-up "today" without a time is due: the start of the working day, else its end,
    else now. Never a time already behind us, which would fire at once as late."""
    for clock in (DEFAULT_TIME, EOD):
        at = wall(now.date(), clock, now.tzinfo)
        if at >= now:
            return at
    return now.replace(second=0, microsecond=0)


def _tense(piece: Piece, scan: str, followup: bool) -> str | None:
    """ "past", "future" or None, from the words of the piece's clause; /followup always looks ahead."""
    if followup:
        return "future"
    left, right = clause(scan, piece.start, piece.end)
    return _clause_tense(scan[left:right])


def _ahead(moment: Moment, now: datetime) -> Moment:
    """A moment to come, refused when it lies past the horizon ("in 500 years")."""
    at = moment.at
    if at.year - now.year >= HORIZON_YEARS and at.date() > add_months(now.date(), 12 * HORIZON_YEARS):
        moment.problem = "too_far"
    return moment


def _resolve(piece: Piece, scan: str, now: datetime, han: bool, followup: bool) -> Moment | None:
    if piece.problem is not None:
        if piece.weak_clock and not followup:
            return None  # a doubtful date ("acme 24/7 support") is only a mistake where one is due
        return Moment(piece.start, piece.end, now, False, piece.problem)
    if piece.exact is not None:
        if piece.tense == "past":
            return Moment(piece.start, piece.end, piece.exact, True)
        return _ahead(Moment(piece.start, piece.end, piece.exact, False), now)
    today = now.date()
    if piece.day is None:
        if piece.clock is None or piece.weak_clock:
            return None  # "morning" or 下午 alone says nothing about which day
        backwards = _tense(piece, scan, followup) == "past"
        at = _on(today, piece.clock, now)
        if backwards and at > now:
            at = _on(today - timedelta(days=1), piece.clock, now)
        elif not backwards and at <= now:
            at = wall(today + timedelta(days=1), piece.clock, now.tzinfo)
        return Moment(piece.start, piece.end, at, backwards)
    if piece.day == today and piece.tense != "past":
        return _today(piece, scan, now, han, followup)
    day, past = piece.day, piece.tense == "past"
    if piece.tense == "neutral" and piece.back is not None and _tense(piece, scan, followup) == "past":
        day, past = piece.back, True
    clock = piece.clock or piece.default_clock or DEFAULT_TIME
    at = wall(day, clock, now.tzinfo) if clock[0] < 24 else _on(day, clock, now)
    if past:
        return Moment(piece.start, piece.end, min(at, now.replace(second=0, microsecond=0)), True)
    return _ahead(Moment(piece.start, piece.end, at, False), now)


def _today(piece: Piece, scan: str, now: datetime, han: bool, followup: bool) -> Moment:
    """Today: what already happened is when it happened, never an overdue follow-up."""
    s, e, today = piece.start, piece.end, now.date()
    minute = now.replace(second=0, microsecond=0)
    said = piece.clock or piece.default_clock
    if said is not None:  # a time of day, said ("today at 3") or implied ("tonight", 今天上午)
        at = _on(today, said, now)
        if (
            piece.clock is None
            and piece.period is not None
            and at <= now < wall(today, PERIOD_END[piece.period], now.tzinfo)
        ):
            # The part of the day is under way ("call tonight" at 21:00): as "today" alone.
            done = _told_as_done(piece, scan, han, followup)
            return Moment(s, e, at, True) if done else Moment(s, e, minute, False)
        behind = at < now if piece.clock is not None else at <= now
        if behind or (piece.tense == "neutral" and _tense(piece, scan, followup) == "past"):
            return Moment(s, e, min(at, minute), True)
        return Moment(s, e, at, False)
    if _told_as_done(piece, scan, han, followup):
        return Moment(s, e, min(wall(today, DEFAULT_TIME, now.tzinfo), minute), True)
    return Moment(s, e, _next_working_moment(now), False)


def _told_as_done(piece: Piece, scan: str, han: bool, followup: bool) -> bool:
    """A day told without a time as done: "called today"; 今天来电 too, as Chinese marks no tense
    and a note is a log, unless a word looks ahead (今天要, 今天跟进)."""
    if piece.tense != "neutral" or followup:
        return False
    tense = _tense(piece, scan, followup)
    return tense == "past" or (han and tense is None)


# 3月20日前, "before" in Chinese follows the date; it belongs to the date, not to the task.
_ZH_BEFORE = re.compile(r"\s?(?:之前|以前|前)(?!天)")


def _with_suffix(piece: Piece, scan: str) -> Piece:
    if piece.tense == "past" or piece.exact is not None or "前" not in scan[piece.end : piece.end + 3]:
        return piece
    suffix = _ZH_BEFORE.match(scan, piece.end)
    return piece.widened(piece.start, suffix.end(), piece.clock) if suffix else piece


def find_moments(
    scan: str,
    now: datetime,
    words: Sequence[Token] | None = None,
    *,
    han: bool | None = None,
    followup: bool = False,
) -> list[Moment]:
    """Every moment of the note; with `followup` (the /followup command) every time looks ahead."""
    han = has_han(scan) if han is None else han
    pieces = dates_en.find_pieces(scan, now, words)
    if han:
        pieces.extend(dates_zh.find_pieces(scan, now))
    if not pieces:
        return []
    moments = []
    for piece in _joined(_non_overlapping(pieces), scan)[:MAX_MOMENTS]:
        moment = _resolve(_with_suffix(piece, scan), scan, now, han, followup)
        if moment is not None:
            moments.append(moment)
    return moments


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def describe(at: datetime, lang: str) -> str:
    """A moment for a message: "Dec 1, 2026 09:00", "2026年12月1日 09:00"."""
    if lang == "zh":
        return f"{at.year}年{at.month}月{at.day}日 {at:%H:%M}"
    return f"{_MONTH_NAMES[at.month - 1]} {at.day}, {at.year} {at:%H:%M}"


def refusal(
    moments: list[Moment], readable: str, lang: str, *, followup: bool
) -> tuple[str, dict[str, str]] | None:
    """Why the note's dates cannot be kept, as a message code and its values, or None: a date not on
    the calendar or past the horizon; for /followup, no time at all or only times already past."""
    for moment in moments:
        if moment.problem is not None:
            words = " ".join(readable[moment.start : moment.end].split())
            return moment.problem, {"words": words, "years": str(HORIZON_YEARS)}
    if followup and not any(not m.past for m in moments):
        if not moments:
            return "no_date", {}
        first = moments[0]
        words = " ".join(readable[first.start : first.end].split())
        return "past_date", {"words": words, "when": describe(first.at, lang)}
    return None
