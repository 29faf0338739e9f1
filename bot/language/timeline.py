"""Calendar arithmetic for the date grammars: weeks start on Monday, wall-clock times are DST-safe."""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

Tense = Literal["past", "future", "neutral"]
DEFAULT_TIME = (9, 0)  # a date without a time means the start of the working day
EOD = (17, 0)
# A note with more date expressions than this is a pasted calendar, not a note; the rest are not read.
MAX_PIECES = 48  # "eod", "end of day", "close of business"
PART_CLOCK = {"morning": (9, 0), "afternoon": (14, 0), "evening": (18, 0), "night": (20, 0)}
# A follow-up further ahead than this is a typo or a joke ("in 500 years"), refused with an error.
HORIZON_YEARS = 5
# A date said without its year that fell this year within this many days is the one just past: when it
# happened; at the turn of the year, one of last year within TURN_OF_YEAR_DAYS too (see without_year).
RECENT_PAST_DAYS = 183
TURN_OF_YEAR_DAYS = 31
Match = re.Match[str]

# Parts of the day: "dawn" (凌晨), "morning", "noon", "afternoon", "evening", "night", and when each is over.
Period = str
PERIOD_END = {
    "dawn": (6, 0),
    "morning": (12, 0),
    "noon": (14, 0),
    "afternoon": (18, 0),
    "evening": (22, 0),
    "night": (24, 0),
}


def in_period(hour: int, minute: int, period: Period | None, *, loose: bool = True) -> tuple[int, int]:
    """A time of day read in the part of the day said with it, before or after it: 8 + tonight is 20:00,
    3 + 下午 is 15:00, 1 + 中午 is 13:00. A `loose` hour was said without am/pm (so 1 to 12, after any
    business-hours guess is undone); a fixed one (3pm, 15:30) only moves past midnight at night.
    Hours from 24 on are the small hours after that night: 夜里12点 is 24:00, "tonight at 2am" 26:00."""
    if period is None:
        return hour, minute
    if not loose:
        return (hour + 24, minute) if period == "night" and hour < 5 else (hour, minute)
    if hour > 12:
        hour -= 12  # "at 3" had been read as 15:00 for the working day; the period says which 3
    if period == "night":
        if hour == 12 or hour < 5:
            return hour % 12 + 24, minute
        return hour + 12, minute
    if period in ("afternoon", "evening") and hour < 12:
        return hour + 12, minute
    if period == "noon" and hour < 6:
        return hour + 12, minute
    if period == "dawn" and hour == 12:
        return 0, minute
    return hour, minute


def span(m: Match) -> tuple[int, int]:
    return m.start(), m.end()


@dataclass(slots=True)  # internal; not frozen, which makes construction 5x cheaper
class Piece:
    """One date or time expression found by a grammar, not yet combined with its neighbours.

    A `neutral` date ("tuesday", "today", "dec 5", 本周三) is resolved forwards by default and
    backwards when its clause is told in the past; `back` carries that backwards reading.
    """

    start: int
    end: int
    tense: Tense
    day: date | None = None
    back: date | None = None
    clock: tuple[int, int] | None = None  # an hour and minute said in the note
    default_clock: tuple[int, int] | None = None  # "tonight", "eod": a time implied by the words
    exact: datetime | None = None  # "in 2 hours": already a point in time
    weak_clock: bool = False  # "morning", "at 3", 下午: only means something next to a date
    period: Period | None = None  # the part of the day named ("tonight", 下午): binds a loose hour
    loose: bool = False  # the clock's hour was said without am/pm ("at 8", 8点): a period may move it
    dated: bool = False  # the day was named on the calendar (march 5, 5号), not relative to today
    problem: str | None = None  # a date that cannot be kept: "no_such_date", "too_far"

    def widened(self, start: int, end: int, clock: tuple[int, int] | None) -> Piece:
        # Built by hand: dataclasses.replace costs more than the whole grammar match on the hot path.
        return Piece(
            start,
            end,
            self.tense,
            self.day,
            self.back,
            clock,
            self.default_clock,
            self.exact,
            self.weak_clock,
            self.period,
            self.loose if clock == self.clock else False,
            self.dated,
            self.problem,
        )


@lru_cache(maxsize=4096)  # notes name the same few days; the zone lookups are the cost
def wall(day: date, clock: tuple[int, int], zone: object) -> datetime:
    """`day` at `clock` on the local wall; a time skipped by a DST jump moves forward, as clocks do.
    An hour from 24 on is in the small hours of the next day (see `in_period`)."""
    hour, minute = clock
    if hour >= 24:
        day, hour = day + timedelta(days=1), hour - 24
    local = datetime.combine(day, time(hour, minute), tzinfo=zone)  # type: ignore[arg-type]
    if local.utcoffset() == local.replace(fold=1).utcoffset():
        return local  # the usual case: the wall time exists exactly once
    # Skipped (spring forward) or repeated (fall back): the round trip through UTC settles it.
    return local.astimezone(UTC).astimezone(local.tzinfo)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekday_in_week(day: date, weekday: int, weeks: int) -> date:
    """`weekday` (0 = Monday) of the calendar week `weeks` away from the week of `day`."""
    return monday(day) + timedelta(days=7 * weeks + weekday)


def next_weekday(day: date, weekday: int, *, include_today: bool) -> date:
    ahead = (weekday - day.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return day + timedelta(days=ahead)


def previous_weekday(day: date, weekday: int) -> date:
    back = (day.weekday() - weekday) % 7 or 7
    return day - timedelta(days=back)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def yearless(today: date, month: int, day: int) -> tuple[date, date] | None:
    """The next (today or later) and the last (today or earlier) occurrence of a month and day."""
    ahead = safe_date(today.year, month, day)
    behind = ahead
    year = today.year
    while ahead is None or ahead < today:  # Feb 29 may be years away
        year += 1
        ahead = safe_date(year, month, day)
        if year > today.year + 8:
            return None
    year = today.year
    while behind is None or behind > today:
        year -= 1
        behind = safe_date(year, month, day)
        if year < today.year - 8:
            return None
    return ahead, behind


def without_year(s: int, e: int, today: date, pair: tuple[date, date] | None) -> Piece | None:
    """A date said without its year ("dec 1", 3月5号) is this year's. When that has passed, it is when
    it happened if it was within the last half year (a follow-up a year ahead is never what was meant),
    else next year's: "feb 3" said in March happened, "dec 5" said in March is to come, "jan 15" said in
    December is next January. At the turn of the year, a date of the last few weeks is that one ("dec 20"
    said on Jan 5 happened). `pair` is (the next one, the last one), from `yearless`."""
    if pair is None:
        return None
    ahead, back = pair
    if back != today:
        days = (today - back).days
        if days <= TURN_OF_YEAR_DAYS or (back.year == today.year and days <= RECENT_PAST_DAYS):
            return Piece(s, e, "past", day=back, dated=True)
    return Piece(s, e, "neutral", day=ahead, back=back, dated=True)


def missing(s: int, e: int) -> Piece:
    """A date that is not on the calendar (feb 30, 2月30日): said so, never silently dropped."""
    return Piece(s, e, "neutral", problem="no_such_date")


def two_digit_year(year: int, today: date) -> int:
    """'87 is 1987 and '24 is 2024: the latest such year no more than HORIZON_YEARS ahead of today."""
    full = today.year // 100 * 100 + year
    while full > today.year + HORIZON_YEARS:
        full -= 100
    return full


def day_of_month(today: date, day: int) -> tuple[date, date] | None:
    """The next and the last date with this day of the month ("the 15th", 20号)."""
    if not 1 <= day <= 31:
        return None
    ahead = back = None
    for shift in range(0, 13):
        probe = add_months(today.replace(day=1), shift)
        ahead = safe_date(probe.year, probe.month, day)
        if ahead is not None and ahead >= today:
            break
    for shift in range(0, 13):
        probe = add_months(today.replace(day=1), -shift)
        back = safe_date(probe.year, probe.month, day)
        if back is not None and back <= today:
            break
    if ahead is None or back is None:
        return None
    return ahead, back


def nth_weekday_of(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The `nth` `weekday` (0 = Monday) of a month, -1 for the last; None when the month has no such day."""
    if not 1 <= year <= 9998:
        return None
    if nth < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return found if found.month == month else None


def add_business_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def shift(now: datetime, *, minutes: int = 0) -> datetime:
    """`now` plus a span of minutes measured in real time (so "in 2 hours" is right across DST)."""
    moved = now.astimezone(UTC) + timedelta(minutes=minutes)
    return moved.astimezone(now.tzinfo).replace(second=0, microsecond=0)
