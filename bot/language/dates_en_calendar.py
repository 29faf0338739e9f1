"""English dates said on the calendar or the clock: dec 5, 12/10, 2026-04-01, the 15th, 3pm, 15:00."""

from __future__ import annotations

import re
from datetime import date, datetime

from bot.language.numerals import hour_word, ordinal
from bot.language.timeline import (
    EOD,
    PART_CLOCK,
    Match,
    Piece,
    add_months,
    day_of_month,
    missing,
    month_end,
    safe_date,
    span,
    two_digit_year,
    without_year,
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
# Where a date is expected, an impossible one ("due 13/45") is a mistake to point out, not a number.
_DATE_CUE = re.compile(r"\b(?:on|by|due|until|till|before|from|date|deadline)\s*$")


def _full_year(text: str, today: date) -> int:
    return two_digit_year(int(text), today) if len(text) <= 2 else int(text)


def _dated(s: int, e: int, today: date, found: date) -> Piece:
    return Piece(s, e, "past" if found < today else "future", day=found, dated=True)


def _absolute(s: int, e: int, now: datetime, month: int, day: int, year: str | None) -> Piece | None:
    """A month and a day, with or without a year; a day the month does not have is a problem."""
    today = now.date()
    if not 1 <= day <= 31:
        return None
    if year:
        found = safe_date(_full_year(year, today), month, day)
        return missing(s, e) if found is None else _dated(s, e, today, found)
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return missing(s, e)
    return without_year(s, e, today, yearless(today, month, day))


def month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def _year_of(m: Match, prefix: str) -> str | None:
    return m.group(f"{prefix}_y") or m.group(f"{prefix}_yy")


def iso(m: Match, now: datetime) -> Piece | None:
    s, e = span(m)
    found = safe_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    if found is None:
        return missing(s, e)
    piece = _dated(s, e, now.date(), found)
    if m.group("iso_h"):
        piece.clock = (int(m.group("iso_h")), int(m.group("iso_min")))
    return piece


def compact(m: Match, now: datetime) -> Piece | None:
    """20240307: a date written without separators."""
    found = safe_date(int(m.group("cp_y")), int(m.group("cp_m")), int(m.group("cp_d")))
    return _dated(*span(m), now.date(), found) if found else None


def spaced(m: Match, now: datetime) -> Piece | None:
    """2016 10 16: year, month, day with spaces between."""
    found = safe_date(int(m.group("sp_y")), int(m.group("sp_m")), int(m.group("sp_d")))
    return _dated(*span(m), now.date(), found) if found else None


def mixed(m: Match, now: datetime) -> Piece | None:
    """A month's name with a day and a year in any order: 05-Aug-2016, 2019/aug/01, Sep-23-2020."""
    for form in "123":
        if m.group(f"mx_m{form}"):
            month = month_number(m.group(f"mx_m{form}"))
            numbers = (m.group(f"mx_a{form}"), m.group(f"mx_b{form}"))
            break
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    return _absolute(*span(m), now, month, int(days[0]), years[0])


def month_day(m: Match, now: datetime) -> Piece | None:
    """09-01 (a month with its leading zero, then the day), 6·30 (with a middle dot, as in 6·18)."""
    month, day = m.group("mdd_m") or m.group("mdt_m"), m.group("mdd_d") or m.group("mdt_d")
    return _absolute(*span(m), now, int(month), int(day), None)


def dmy(m: Match, now: datetime) -> Piece | None:
    from bot.language.absolute import parse_absolute  # dateparser is loaded only when needed

    found = parse_absolute(m.group("dmy"))
    if found is None:
        return missing(*span(m))
    return _dated(*span(m), now.date(), found)


def md(m: Match, now: datetime) -> Piece | None:
    day = m.group("md_d")
    if m.group("md_m").startswith("may") and not day[0].isdigit() and "the" not in m.group("md"):
        return None  # "we may first ask legal": a verb, not the month
    return _absolute(*span(m), now, month_number(m.group("md_m")), ordinal(day) or 0, _year_of(m, "md"))


def dm(m: Match, now: datetime) -> Piece | None:
    day = ordinal(m.group("dm_d")) or 0
    return _absolute(*span(m), now, month_number(m.group("dm_m")), day, _year_of(m, "dm"))


def month_only(m: Match, now: datetime) -> Piece:
    """A month without a day ("in January", "by end of march", "mid april"): the next one to come."""
    today = now.date()
    month = month_number(m.group("mo_m"))
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
    """The 15th; the 15th of next month; the third of the month; this month's 20th."""
    today = now.date()
    s, e = span(m)
    day = ordinal(m.group("nth_d") or m.group("nth_w") or m.group("nth_d2")) or 0
    which = m.group("nth_which") or m.group("nth_ww") or m.group("nth_pre")
    if which is not None or m.group("nth_w"):
        months = 1 if which in ("next", "following") else 0
        base = add_months(today.replace(day=1), months)
        found = safe_date(base.year, base.month, day)
        if found is None:
            return missing(s, e) if 1 <= day <= 31 else None
        return _dated(s, e, today, found)
    pair = day_of_month(today, day)
    return Piece(s, e, "neutral", day=pair[0], back=pair[1], dated=True) if pair else None


def us(m: Match, now: datetime) -> Piece | None:
    """12/10 (month first), 3/20/2026; 13/04/21, which cannot be month first, day first. A pair that is
    no date either way is a mistake where a date is expected ("due 13/45"), else not a date ("24/7")."""
    first, second, year = int(m.group("us_a")), int(m.group("us_b")), m.group("us_y")
    s, e = span(m)
    if 1 <= first <= 12 and 1 <= second <= 31:
        return _absolute(s, e, now, first, second, year)
    if year and 1 <= second <= 12 and 1 <= first <= 31:
        return _absolute(s, e, now, second, first, year)
    if _DATE_CUE.search(m.string, max(0, s - 12), s):
        return missing(s, e)
    if not m.string[:s].strip():
        # First after the customer: where /followup expects its time, so a mistake there; in a note
        # ("acme 24/7 support") it may be anything else (see dates._Reader.resolve).
        problem = missing(s, e)
        problem.weak_clock = True
        return problem
    return None


def _clock(s: int, e: int, hour: int, minute: int, *, weak: bool = False, loose: bool = False) -> Piece:
    return Piece(s, e, "neutral", clock=(hour, minute), weak_clock=weak, loose=loose)


def ampm(m: Match, now: datetime) -> Piece | None:
    hour = hour_word(m.group("ap_h"))
    half = m.group("ap") or m.group("ap1")
    if hour is None or half is None:
        return None
    if m.group("ap1") and not (m.group("ap_at") or m.group("ap_m")):
        return None  # "9a" alone is a room or a grade; "at 9a" and "8:45a" are times
    return _clock(*span(m), hour % 12 + (12 if half == "p" else 0), int(m.group("ap_m") or 0))


def range(m: Match, now: datetime) -> Piece:
    # "10-11am", "2-3pm", "9am-5pm": the meeting starts at the first time, in the half of day said.
    half = (m.group("rg_ap") or m.group("rg_ap2")).lower()
    hour = int(m.group("rg_h")) % 12 + (12 if half == "p" else 0)
    return _clock(*span(m), hour, int(m.group("rg_m") or 0))


_MINUTE_WORDS = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "thirty": 30, "fifteen": 15}


def _minute_word(text: str) -> int | None:
    words = text.replace("-", " ").split()
    if words[0] == "forty":
        return 45
    if words[0] == "twenty" and len(words) > 1:
        return 25
    if words[0] == "oh":
        return 5
    return int(text) if text.isdigit() else _MINUTE_WORDS.get(words[0])


def past_to(m: Match, now: datetime) -> Piece | None:
    """Quarter past 3, half past 10, ten to 5, 20 past 9."""
    minutes = _minute_word(m.group("pt_m"))
    hour = hour_word(m.group("pt_h"))
    before = m.group("pt_dir") in ("to", "before", "til")
    if minutes is None or hour is None or minutes >= 60 or (before and m.group("pt_m") in ("half",)):
        return None
    if before and m.group("pt_m").isdigit():
        return None  # "from 10 to 5" is a range of hours, not 4:50
    if before:
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    if m.group("pt_ap"):
        return _clock(*span(m), hour % 12 + (12 if m.group("pt_ap") == "p" else 0), minutes)
    return _clock(*span(m), _business_hour(hour), minutes, loose=True)


def hhmm(m: Match, now: datetime) -> Piece:
    # "8:30" may be morning or evening ("tonight at 8:30"); "08:30" and "20:30" say which.
    hour = m.group("hm_h")
    return _clock(*span(m), int(hour), int(m.group("hm_m")), loose=hour[0] != "0" and int(hour) <= 12)


def hours(m: Match, now: datetime) -> Piece:
    """1530h, 0900 hrs: the 24-hour clock."""
    return _clock(*span(m), int(m.group("hs_h")), int(m.group("hs_m")))


def spelled(m: Match, now: datetime) -> Piece | None:
    """Five-thirty, at six: an hour in words."""
    hour = hour_word(m.group("sw_h") or m.group("sw_at"))
    minutes = _minute_word(m.group("sw_m")) if m.group("sw_m") else 0
    if hour is None or minutes is None:
        return None
    return _clock(*span(m), _business_hour(hour), minutes, loose=True)


def named_time(m: Match, now: datetime) -> Piece:
    name = m.group("nt").lower()
    return _clock(*span(m), *((23, 59) if name == "midnight" else (12, 0)))


def _business_hour(hour: int) -> int:
    # "at 3" in a work note is 3pm; "at 9" is 9am.
    return hour + 12 if 1 <= hour <= 7 else hour


def oclock(m: Match, now: datetime) -> Piece | None:
    hour = hour_word(m.group("oc_h"))
    return None if hour is None else _clock(*span(m), _business_hour(hour), 0, loose=True)


def at_hour(m: Match, now: datetime) -> Piece:
    # "call back at 3" ends a clause: a time. "at 3 with the CFO" may be a time, but only next to a date
    # or a part of the day ("tonight at 8 with Bill").
    rest = m.string[m.end() : m.end() + 2].strip()
    weak = bool(rest) and rest[0] not in ",.;!?)，。；"
    return _clock(*span(m), _business_hour(int(m.group("at_h"))), 0, weak=weak, loose=True)


def bare_hour(m: Match, now: datetime) -> Piece:
    """ "8 tonight", "10, tonight", "3 in the afternoon": an hour told by the part of the day after it."""
    return _clock(*span(m), _business_hour(int(m.group("bh_h"))), 0, weak=True, loose=True)


def part(m: Match, now: datetime) -> Piece:
    # A part of the day alone: a default time next to a day ("tomorrow morning"), or the half of the
    # day of an hour next to it ("at 8 in the evening").
    name = m.group("pt") or m.group("pt_night")
    return Piece(*span(m), "neutral", default_clock=PART_CLOCK[name], weak_clock=True, period=name)


def eod(m: Match, now: datetime) -> Piece:
    return Piece(*span(m), "neutral", clock=EOD)
