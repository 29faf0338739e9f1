"""Calendar arithmetic for the date grammars: weeks start on Monday, wall-clock times are DST-safe."""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

Tense = Literal["past", "future", "neutral"]
DEFAULT_TIME = (9, 0)  # a date without a time means the start of the working day
EOD = (17, 0)
# A note with more date expressions than this is a pasted calendar, not a note; the rest are not read.
MAX_PIECES = 48  # "eod", "end of day", "close of business"
PART_CLOCK = {"morning": (9, 0), "afternoon": (14, 0), "evening": (18, 0), "night": (20, 0)}
Match = re.Match[str]


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
        )


def wall(day: date, clock: tuple[int, int], zone: object) -> datetime:
    """`day` at `clock` on the local wall; a time skipped by a DST jump moves forward, as clocks do."""
    local = datetime.combine(day, time(*clock), tzinfo=zone)  # type: ignore[arg-type]
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
