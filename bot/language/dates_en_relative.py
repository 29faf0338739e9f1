"""English dates said relative to now: today, tomorrow, weekdays, next week, in 3 days, end of month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.language.numerals import small_number
from bot.language.timeline import (
    PART_CLOCK,
    Match,
    Piece,
    Tense,
    add_business_days,
    add_months,
    month_end,
    next_weekday,
    previous_weekday,
    shift,
    span,
    weekday_in_week,
)

_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def reldate(m: Match, now: datetime) -> Piece:
    word = m.group("reldate").lower()
    today = now.date()
    s, e = span(m)
    if word.startswith("tom") or word.startswith("tm"):
        return Piece(s, e, "future", day=today + timedelta(days=1))
    if word == "yesterday":
        return Piece(s, e, "past", day=today - timedelta(days=1))
    if word.startswith("last"):  # last night
        return Piece(s, e, "past", day=today - timedelta(days=1), default_clock=(20, 0))
    if word.startswith("earlier"):  # earlier today
        return Piece(s, e, "past", day=today, default_clock=(now.hour, now.minute))
    if word.startswith("toni"):
        return Piece(s, e, "neutral", day=today, back=today, default_clock=(20, 0))
    return Piece(s, e, "neutral", day=today, back=today)


def _weekday_number(name: str) -> int:
    return _WEEKDAYS[name.lower()[:3]]


def wd(m: Match, now: datetime) -> Piece:
    today = now.date()
    s, e = span(m)
    which = (m.group("wd_which") or m.group("wd_after") or "").lower()
    weekday = _weekday_number(m.group("wd_q") or m.group("wd_bare"))
    if which == "next":
        return Piece(s, e, "future", day=weekday_in_week(today, weekday, 1))
    if which in ("last", "past", "previous"):
        return Piece(s, e, "past", day=weekday_in_week(today, weekday, -1))
    if which in ("this", "coming"):
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
    weeks = {"next": 1, "this": 0, "last": -1}[m.group("ww_which").lower()]
    day = weekday_in_week(now.date(), _weekday_number(m.group("ww_day")), weeks)
    tense: Tense = "past" if weeks < 0 else "future"
    return Piece(*span(m), tense, day=day)


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
    which = m.group("pe_which").lower()
    unit = m.group("pe_unit").lower()
    pre = (m.group("pe_pre") or "").lower()
    if unit == "week":
        if which == "last":
            return Piece(*span(m), "past", day=weekday_in_week(today, 0, -1))
        if which == "this":  # "this week": by the end of the working week
            return Piece(*span(m), "future", day=max(today, weekday_in_week(today, 4, 0)))
        offset = 3 if pre in ("late", "later") else 0
        return Piece(*span(m), "future", day=weekday_in_week(today, offset, 1))
    if unit == "month":
        if which == "last":
            return Piece(*span(m), "past", day=add_months(today.replace(day=1), -1))
        if which == "this":
            return Piece(*span(m), "future", day=month_end(today.year, today.month))
        first = add_months(today.replace(day=1), 1)
        return Piece(*span(m), "future", day=first.replace(day=15) if pre in ("late", "later") else first)
    if which == "last":
        return Piece(*span(m), "past", day=date(today.year - 1, 1, 1))
    if which == "this":
        return None
    return Piece(*span(m), "future", day=date(today.year + 1, 1, 1))


def within(m: Match, now: datetime) -> Piece | None:
    if m.group("half"):
        minutes = 30 if m.group("half").lower().startswith("half") else 90
        return Piece(*span(m), "future", exact=shift(now, minutes=minutes))
    count = small_number(m.group("in_n") or m.group("ag_n"))
    unit = (m.group("in_u") or m.group("ag_u")).lower()
    direction = (m.group("ag_dir") or "later").lower()
    if count is None or count > 1000:
        return None
    sign = -1 if direction in ("ago", "back", "earlier") else 1
    tense: Tense = "past" if sign < 0 else "future"
    today = now.date()
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
    part = m.group("this_part").split()[-1].lower()
    today = now.date()
    return Piece(*span(m), "neutral", day=today, back=today, default_clock=PART_CLOCK[part])


def days(offset: int, tense: Tense) -> Callable[[Match, datetime], Piece]:
    def build(m: Match, now: datetime) -> Piece:
        return Piece(*span(m), tense, day=now.date() + timedelta(days=offset))

    return build
