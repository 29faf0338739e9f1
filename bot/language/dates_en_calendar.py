"""English dates said on the calendar or the clock: dec 5, 12/10, 2026-04-01, the 15th, 3pm, 15:00."""

from __future__ import annotations

from datetime import date, datetime

from bot.language.timeline import (
    EOD,
    PART_CLOCK,
    Match,
    Piece,
    add_months,
    day_of_month,
    month_end,
    safe_date,
    span,
    yearless,
)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


def _absolute(s: int, e: int, now: datetime, month: int, day: int, year: str | None) -> Piece | None:
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        found = safe_date(full, month, day)
        if found is None:
            return None
        return Piece(s, e, "past" if found < now.date() else "future", day=found)
    pair = yearless(now.date(), month, day)
    if pair is None:
        return None
    return Piece(s, e, "neutral", day=pair[0], back=pair[1])


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def iso(m: Match, now: datetime) -> Piece | None:
    piece = _absolute(*span(m), now, int(m.group("iso_m")), int(m.group("iso_d")), m.group("iso_y"))
    if piece and m.group("iso_h"):
        return Piece(
            piece.start,
            piece.end,
            piece.tense,
            day=piece.day,
            clock=(int(m.group("iso_h")), int(m.group("iso_min"))),
        )
    return piece


def dmy(m: Match, now: datetime) -> Piece | None:
    from bot.language.absolute import parse_absolute  # dateparser is loaded only when needed

    found = parse_absolute(m.group("dmy"))
    if found is None:
        return None
    return Piece(*span(m), "past" if found < now.date() else "future", day=found)


def md(m: Match, now: datetime) -> Piece | None:
    return _absolute(*span(m), now, _month_number(m.group("md_m")), int(m.group("md_d")), m.group("md_y"))


def dm(m: Match, now: datetime) -> Piece | None:
    return _absolute(*span(m), now, _month_number(m.group("dm_m")), int(m.group("dm_d")), m.group("dm_y"))


def month_only(m: Match, now: datetime) -> Piece:
    """A month without a day ("in January", "by end of march", "mid april"): the next one to come."""
    today = now.date()
    month = _month_number(m.group("mo_m"))
    pre = m.group("mo_pre").split()[0].lower()
    year = today.year + (1 if month < today.month else 0)
    if pre in ("end", "late", "by", "before", "until"):
        day = month_end(year, month)
    elif pre == "mid":
        day = date(year, month, 15)
    else:
        day = date(year, month, 1)
    return Piece(*span(m), "future", day=max(day, today))


def nth(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    day = int(m.group("nth_d"))
    if m.group("nth_next"):
        base = add_months(today.replace(day=1), 1 if m.group("nth_next").lower() == "next" else 0)
        found = safe_date(base.year, base.month, day)
        return Piece(*span(m), "future", day=found) if found else None
    pair = day_of_month(today, day)
    return Piece(*span(m), "neutral", day=pair[0], back=pair[1]) if pair else None


def us(m: Match, now: datetime) -> Piece | None:
    return _absolute(*span(m), now, int(m.group("us_m")), int(m.group("us_d")), m.group("us_y"))


def _clock(s: int, e: int, hour: int, minute: int, *, weak: bool = False) -> Piece:
    return Piece(s, e, "neutral", clock=(hour, minute), weak_clock=weak)


def ampm(m: Match, now: datetime) -> Piece:
    hour = int(m.group("ap_h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return _clock(*span(m), hour, int(m.group("ap_m") or 0))


def range(m: Match, now: datetime) -> Piece:
    # "10-11am", "2-3pm", "9am-5pm": the meeting starts at the first time, in the half of day said.
    half = (m.group("rg_ap") or m.group("rg_ap2")).lower()
    hour = int(m.group("rg_h")) % 12 + (12 if half == "p" else 0)
    return _clock(*span(m), hour, int(m.group("rg_m") or 0))


def hhmm(m: Match, now: datetime) -> Piece:
    return _clock(*span(m), int(m.group("hm_h")), int(m.group("hm_m")))


def named_time(m: Match, now: datetime) -> Piece:
    name = m.group("nt").lower()
    return _clock(*span(m), *((23, 59) if name == "midnight" else (12, 0)))


def _business_hour(hour: int) -> int:
    # "at 3" in a work note is 3pm; "at 9" is 9am.
    return hour + 12 if 1 <= hour <= 7 else hour


def oclock(m: Match, now: datetime) -> Piece:
    return _clock(*span(m), _business_hour(int(m.group("oc_h"))), 0)


def at_hour(m: Match, now: datetime) -> Piece:
    # "call back at 3" ends a clause: a time. "at 3 with the CFO" may be a time, but only next to a date.
    rest = m.string[m.end() : m.end() + 2].strip()
    weak = bool(rest) and rest[0] not in ",.;!?)，。；"
    return _clock(*span(m), _business_hour(int(m.group("at_h"))), 0, weak=weak)


def part(m: Match, now: datetime) -> Piece:
    return _clock(*span(m), *PART_CLOCK[m.group("pt").lower()], weak=True)


def eod(m: Match, now: datetime) -> Piece:
    return Piece(*span(m), "neutral", clock=EOD)
