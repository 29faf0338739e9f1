"""English dates said relative to now: today, tomorrow, weekdays, next week, in 3 days, end of month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.language.dates_en_calendar import month_number
from bot.language.dates_holidays import holiday_piece, rule_of
from bot.language.numerals import ordinal, small_number
from bot.language.timeline import (
    HORIZON_YEARS,
    PART_CLOCK,
    Match,
    Piece,
    Tense,
    add_business_days,
    add_months,
    day_of_month,
    missing,
    month_end,
    next_weekday,
    nth_weekday_of,
    previous_weekday,
    safe_date,
    shift,
    span,
    weekday_in_week,
    without_year,
)

_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# The words that say which one, relative to now, reduced to three: "next" (the one after this one),
# "this" (the coming one, or the current week or month), "last".
_WHICH = {
    "next": "next",
    "following": "next",
    "this": "this",
    "coming": "this",
    "last": "last",
    "past": "last",
    "previous": "last",
}
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _too_far(s: int, e: int) -> Piece:
    return Piece(s, e, "future", problem="too_far")


def reldate(m: Match, now: datetime) -> Piece:
    word = m.group("reldate").lower()
    today = now.date()
    s, e = span(m)
    if word.startswith("tom") or word.startswith("tm"):
        return Piece(s, e, "future", day=today + timedelta(days=1))
    if word == "yesterday":
        return Piece(s, e, "past", day=today - timedelta(days=1))
    if word.startswith("last"):  # last night
        return Piece(s, e, "past", day=today - timedelta(days=1), default_clock=(20, 0), period="night")
    if word.startswith("earlier"):  # earlier today
        return Piece(s, e, "past", day=today, default_clock=(now.hour, now.minute))
    if word.startswith("toni"):
        return Piece(s, e, "neutral", day=today, back=today, default_clock=(20, 0), period="night")
    return Piece(s, e, "neutral", day=today, back=today)


def _weekday_number(name: str) -> int:
    return _WEEKDAYS[name.lower()[:3]]


def wd(m: Match, now: datetime) -> Piece:
    today = now.date()
    s, e = span(m)
    which = _WHICH.get(m.group("wd_which") or m.group("wd_after") or "", "")
    weekday = _weekday_number(m.group("wd_q") or m.group("wd_bare"))
    if m.group("wd_an"):  # "tuesday after next": the one after next tuesday
        return Piece(s, e, "future", day=weekday_in_week(today, weekday, 2))
    if which == "next":
        return Piece(s, e, "future", day=weekday_in_week(today, weekday, 1))
    if which == "last":
        return Piece(s, e, "past", day=weekday_in_week(today, weekday, -1))
    if which == "this" and m.group("wd_after"):  # "monday of this week": that week's, even if past
        day = weekday_in_week(today, weekday, 0)
        return Piece(s, e, "past" if day < today else "future", day=day)
    if which == "this":
        # "tuesday" and "this tuesday" are both the coming one (DESIGN.md): said on a Tuesday, next week's.
        return Piece(s, e, "future", day=next_weekday(today, weekday, include_today=False))
    return Piece(
        s,
        e,
        "neutral",
        day=next_weekday(today, weekday, include_today=False),
        back=previous_weekday(today, weekday),
    )


def wd_week(m: Match, now: datetime) -> Piece:
    weeks = {"next": 1, "this": 0, "last": -1}[_WHICH[m.group("ww_which")]]
    day = weekday_in_week(now.date(), _weekday_number(m.group("ww_day")), weeks)
    tense: Tense = "past" if weeks < 0 or day < now.date() else "future"
    return Piece(*span(m), tense, day=day)


def weekday_and_day(m: Match, now: datetime) -> Piece | None:
    """ "Monday the 16th", "tues the 4th", "Monday 21": the day of the month that falls on that weekday,
    in this month or the next or the last; when none does, the day of the month alone decides."""
    today = now.date()
    s, e = span(m)
    day = ordinal(m.group("wdd_d") or m.group("wdd_n")) or 0
    if not 1 <= day <= 31:
        return None
    weekday = _weekday_number(m.group("wdd_wd"))
    first = today.replace(day=1)
    fits = [
        found
        for months in (0, 1, -1, 2, -2)
        if (found := safe_date((base := add_months(first, months)).year, base.month, day)) is not None
        and found.weekday() == weekday
    ]
    ahead = min((d for d in fits if d >= today), default=None)
    back = max((d for d in fits if d <= today), default=None)
    if ahead is None and back is None:
        pair = day_of_month(today, day)
        return Piece(s, e, "neutral", day=pair[0], back=pair[1], dated=True) if pair else None
    if ahead is None or back is None:
        found = ahead or back
        assert found is not None
        return Piece(s, e, "past" if found < today else "neutral", day=found, back=found, dated=True)
    return Piece(s, e, "neutral", day=ahead, back=back, dated=True)


def nth_weekday(m: Match, now: datetime) -> Piece | None:
    """ "The first Monday of next month", "the last friday of the month", "the 3rd sunday of june"."""
    today = now.date()
    s, e = span(m)
    nth = _NTH.get(m.group("nw_n")) or int(m.group("nw_n")[0])
    weekday = _weekday_number(m.group("nw_wd"))
    if m.group("nw_m"):
        month = month_number(m.group("nw_m"))
        if m.group("nw_y"):
            found = nth_weekday_of(int(m.group("nw_y")), month, weekday, nth)
            if found is None:
                return missing(s, e)
            return Piece(s, e, "past" if found < today else "future", day=found, dated=True)
        ahead = nth_weekday_of(today.year, month, weekday, nth)
        back = ahead
        if ahead is None:
            return missing(s, e)
        if ahead < today:
            ahead = nth_weekday_of(today.year + 1, month, weekday, nth)
        if back is not None and back > today:
            back = nth_weekday_of(today.year - 1, month, weekday, nth)
        if ahead is None or back is None:
            return missing(s, e)
        return without_year(s, e, today, (ahead, back))
    which = _WHICH.get(m.group("nw_which") or "this", "this")
    base = add_months(today.replace(day=1), {"next": 1, "this": 0, "last": -1}[which])
    found = nth_weekday_of(base.year, base.month, weekday, nth)
    if found is None:
        return missing(s, e)
    return Piece(s, e, "past" if found < today else "future", day=found, dated=True)


def holiday(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    relative = m.group("ho_rel")
    year = int(m.group("ho_y")) if m.group("ho_y") else None
    if relative is not None:
        year = today.year + {"next": 1, "this": 0, "last": -1}[relative]
    rule = rule_of(m.group("ho_name"), han=False)
    return holiday_piece(*span(m), today, rule, year, m.group("ho_which"))


def end_of(m: Match, now: datetime) -> Piece:
    today = now.date()
    text = m.group("end_of").lower()
    unit = (
        m.group("eo_unit") or {"eow": "week", "eom": "month", "eoq": "quarter", "eoy": "year"}[text]
    ).lower()
    later = (m.group("eo_which") or "").strip().lower() == "next"
    if unit == "week":
        day = weekday_in_week(today, 4, 1 if later else 0)
        if day < today:
            day = weekday_in_week(today, 4, 1)
    elif unit == "month":
        base = add_months(today, 1) if later else today
        day = month_end(base.year, base.month)
    elif unit == "year":
        day = date(today.year + (1 if later else 0), 12, 31)
    else:
        quarter = int(unit[1]) if len(unit) == 2 else (today.month - 1) // 3 + 1 + (1 if later else 0)
        year = today.year + (quarter - 1) // 4
        quarter = (quarter - 1) % 4 + 1
        day = month_end(year, quarter * 3)
        if day < today:
            day = month_end(year + 1, quarter * 3)
    return Piece(*span(m), "future", day=day)


def weekend(m: Match, now: datetime) -> Piece:
    today = now.date()
    which = (m.group("we_which") or "").lower()
    if which == "last":
        return Piece(*span(m), "past", day=weekday_in_week(today, 5, -1))
    if which == "next":
        return Piece(*span(m), "future", day=weekday_in_week(today, 5, 1))
    return Piece(*span(m), "future", day=next_weekday(today, 5, include_today=True))


def period(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    if m.group("pe_an"):  # "the week after next"
        which, unit, ahead = "next", m.group("pe_an"), 2
    else:
        which, unit, ahead = _WHICH[m.group("pe_which")], m.group("pe_unit"), 1
    if which == "this" and m.group("pe_which") == "coming":
        which = "next"  # "the coming week" is the next one
    pre = (m.group("pe_pre") or "").lower()
    if unit == "week":
        if which == "last":
            return Piece(*span(m), "past", day=weekday_in_week(today, 0, -1))
        if which == "this":  # "this week": by the end of the working week
            return Piece(*span(m), "future", day=max(today, weekday_in_week(today, 4, 0)))
        offset = 3 if pre in ("late", "later") else 0
        return Piece(*span(m), "future", day=weekday_in_week(today, offset, ahead))
    if unit == "month":
        if which == "last":
            return Piece(*span(m), "past", day=add_months(today.replace(day=1), -1))
        if which == "this":
            return Piece(*span(m), "future", day=month_end(today.year, today.month))
        first = add_months(today.replace(day=1), ahead)
        return Piece(*span(m), "future", day=first.replace(day=15) if pre in ("late", "later") else first)
    if which == "last":
        return Piece(*span(m), "past", day=date(today.year - 1, 1, 1))
    if which == "this":
        return None
    return Piece(*span(m), "future", day=date(today.year + ahead, 1, 1))


def within(m: Match, now: datetime) -> Piece | None:
    if m.group("half"):
        minutes = 30 if m.group("half").lower().startswith("half") else 90
        return Piece(*span(m), "future", exact=shift(now, minutes=minutes))
    count = small_number(m.group("in_n") or m.group("ag_n"))
    unit = (m.group("in_u") or m.group("ag_u")).lower()
    direction = (m.group("ag_dir") or "later").lower()
    if count is None:
        return None
    sign = -1 if direction in ("ago", "back", "earlier") else 1
    tense: Tense = "past" if sign < 0 else "future"
    today = now.date()
    if direction.endswith("tomorrow"):  # "two days after tomorrow"
        today += timedelta(days=1)
    years = count / (
        1
        if unit.startswith("y")
        else 12
        if unit.startswith("mo")
        else 52
        if unit.startswith(("w", "f"))
        else 365
    )
    if sign > 0 and not unit.startswith(("min", "h")) and years > HORIZON_YEARS:
        return _too_far(*span(m))  # "in 500 years"
    if count > 1000:
        return None
    if unit.startswith("min"):
        return Piece(*span(m), tense, exact=shift(now, minutes=sign * count))
    if unit.startswith("h"):
        return Piece(*span(m), tense, exact=shift(now, minutes=sign * count * 60))
    if "business" in unit or "working" in unit:
        if sign < 0:
            return None
        return Piece(*span(m), tense, day=add_business_days(today, count))
    if unit.startswith("d"):
        return Piece(*span(m), tense, day=today + timedelta(days=sign * count))
    if unit.startswith("w"):
        return Piece(*span(m), tense, day=today + timedelta(days=7 * sign * count))
    if unit.startswith("f"):
        return Piece(*span(m), tense, day=today + timedelta(days=14 * sign * count))
    if unit.startswith("mo"):
        return Piece(*span(m), tense, day=add_months(today, sign * count))
    if unit.startswith("y"):
        return Piece(*span(m), tense, day=add_months(today, 12 * sign * count))
    return None


def this_part(m: Match, now: datetime) -> Piece:
    part = m.group("this_part").split()[-1]
    today = now.date()
    return Piece(*span(m), "neutral", day=today, back=today, default_clock=PART_CLOCK[part], period=part)


def days(offset: int, tense: Tense) -> Callable[[Match, datetime], Piece]:
    def build(m: Match, now: datetime) -> Piece:
        return Piece(*span(m), tense, day=now.date() + timedelta(days=offset))

    return build
