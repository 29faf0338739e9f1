"""The English date grammar: relative days, weekdays, spans, month-day forms and clock times."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta

from bot.language.grammar import Grammar
from bot.language.lexicon import Token, tokens
from bot.language.numerals import small_number
from bot.language.scripts import words
from bot.language.timeline import (
    Piece,
    Tense,
    add_business_days,
    add_months,
    day_of_month,
    monday,
    month_end,
    next_weekday,
    previous_weekday,
    safe_date,
    shift,
    weekday_in_week,
    yearless,
)

_WEEKDAYS = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
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
# "sat" and "sun" are words too, so they only count as days behind a qualifier ("next sat").
_WD_FULL = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday|s)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|saturday|sunday)"
)
_WD_ANY = _WD_FULL[:-1] + r"|sat(?:urday)?|sun(?:day)?)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_COUNT = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several)"
)
_UNIT = (
    r"(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|(?:business\s+|working\s+)?days?|w(?:ee)?ks?|fortnights?"
    r"|months?|mos?|years?|yrs?)"
)
_ORD = r"(?:st|nd|rd|th)?"

_PATTERN = rf"""
    (?P<after_tomorrow>(?:the\s+)?day\s+after\s+tomorrow|overmorrow)
  | (?P<before_yesterday>(?:the\s+)?day\s+before\s+yesterday)
  | (?P<reldate>\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|today|tdy|yesterday|tonight|tonite)\b)
  | (?P<this_part>\bthis\s+(?:morning|afternoon|evening)\b)
  | (?P<eod>\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|close\s+of\s+business)\b)
  | (?P<end_of>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<eo_which>this\s+|next\s+|the\s+)?
                   (?P<eo_unit>week|month|quarter|year|q[1-4])|eow|eom|eoq|eoy)\b)
  | (?P<wd_week>\b(?P<ww_which>next|this|last)\s+week(?:'s)?\s+(?:on\s+)?(?P<ww_day>{_WD_ANY})\b)
  | (?P<wd>\b(?:(?P<wd_which>next|this|last|coming|past|previous)\s+(?P<wd_q>{_WD_ANY})
             |(?P<wd_bare>{_WD_FULL}))\b(?:\s+(?P<wd_after>next|this|last)\s+week\b)?)
  | (?P<weekend>\b(?:(?P<we_which>this|next|last|the|over\s+the)\s+)?weekend\b)
  | (?P<period>\b(?:(?P<pe_pre>early|late|later|sometime)\s+)?(?P<pe_which>next|this|last|coming)\s+
               (?P<pe_unit>week|month|year)\b)
  | (?P<within>\b(?:in|within|after)\s+(?P<in_n>{_COUNT})\s+(?P<in_u>{_UNIT})\b
               |\b(?P<ag_n>{_COUNT})\s+(?P<ag_u>{_UNIT})\s+(?P<ag_dir>ago|back|earlier|from\s+(?:now|today)|later|out)\b
               |\bin\s+(?P<half>half\s+an?\s+hour|an?\s+hour\s+and\s+a\s+half)\b)
  | (?P<iso>(?<![\d/.-])(?P<iso_y>20\d\d)[-/.](?P<iso_m>\d{{1,2}})[-/.](?P<iso_d>\d{{1,2}})(?![\d/])
            (?:[t\s](?P<iso_h>[01]?\d|2[0-3]):(?P<iso_min>[0-5]\d)(?::\d\d)?)?)
  | (?P<dmy>(?<![\d/.:-])(?P<dmy_d>\d{{1,2}})[.-](?P<dmy_m>\d{{1,2}})[.-](?P<dmy_y>20\d\d)(?![\d.-]))
  | (?P<md>\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}}){_ORD}(?![\d:%.,]\d|\s*(?:%|k\b|m\b|am\b|pm\b))
            (?:,?\s+(?P<md_y>20\d\d))?\b)
  | (?P<dm>\b(?:the\s+)?(?P<dm_d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dm_m>{_MONTH})
            (?:,?\s+(?P<dm_y>20\d\d))?(?![a-z]))
  | (?P<nth>\bthe\s+(?P<nth_d>\d{{1,2}})(?:st|nd|rd|th)\b
             (?:\s+of\s+(?:the\s+)?(?P<nth_next>next|this)\s+month)?)
  | (?P<us>(?<![\d/.:$€£¥-])(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>3[01]|[12]\d|0?[1-9])
           (?:/(?P<us_y>20\d\d|\d\d))?(?![\d/%]|\.\d|\s+of\b))
  | (?P<range>(?<![\d.:/$€£¥])(?:(?:at|from|between)\s+)?(?P<rg_h>1[0-2]|0?[1-9])(?::(?P<rg_m>[0-5]\d))?
             \s*(?P<rg_ap>[ap])?\.?m?\.?\s*(?:-|–|to|and)\s*(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?P<rg_ap2>[ap])\.?m\.?(?![a-z]))
  | (?P<ampm>(?<![\d.:/$€£¥])(?:at\s+|@\s*)?(?P<ap_h>1[0-2]|0?[1-9])(?::(?P<ap_m>[0-5]\d))?\s*
             (?P<ap>[ap])\.?m\.?(?![a-z]))
  | (?P<hhmm>(?<![\d.:/$€£¥])(?:at\s+|@\s*)?(?P<hm_h>[01]?\d|2[0-3]):(?P<hm_m>[0-5]\d)(?![\d:]|\s*[ap]\.?m))
  | (?P<named_time>\b(?:at\s+)?(?P<nt>noon|midday|midnight)\b)
  | (?P<oclock>\b(?:at\s+)?(?P<oc_h>1[0-2]|[1-9])\s*o'?clock\b)
  | (?P<at_hour>\b(?:at|around)\s+(?P<at_h>1[0-2]|[1-9])(?![\d:/%]|[.,]\d|\s*(?:[ap]\.?m|-))
             (?!\s*(?!(?:today|tomorrow|tmrw|tonight|on|next|this)\b|mon|tue|wed|thu|fri|sat|sun)[a-z%$€£]))
  | (?P<month_only>\b(?P<mo_pre>in|by|before|until|early|mid|late|end\s+of)\s+(?P<mo_m>{_MONTH})
                   (?![a-z.]|\.?\s*\d))
  | (?P<part>\b(?:in\s+the\s+)?(?P<pt>morning|afternoon|evening|night)\b)
    """
# The characters each expression can start with ("0" stands for any digit), see grammar.py.
_FIRST = {
    "after_tomorrow": "tdo",
    "before_yesterday": "td",
    "reldate": "ty",
    "this_part": "t",
    "eod": "ec",
    "end_of": "te",
    "wd_week": "ntl",
    "wd": "ntlcpmwfs",
    "weekend": "tnlow",
    "period": "elsntc",
    "within": "iwa0otfsencth",
    "iso": "0",
    "dmy": "0",
    "md": "jfmasond",
    "dm": "t0",
    "nth": "t",
    "us": "0",
    "range": "afb0",
    "ampm": "a@0",
    "hhmm": "a@0",
    "named_time": "anm",
    "oclock": "a0",
    "at_hour": "a",
    "month_only": "ibuempl",
    "part": "imaen",
}
# Every expression starts at a digit, at "@" or with one of these words (a test checks that this list
# hides no match from the grammar). Most words of a note are not among them, so most are never tried.
START_WORDS = words(
    """
    the day overmorrow tomorrow tmrw tmr tomorow tommorow tommorrow today tdy yesterday tonight tonite
    this eod cob end close eow eom eoq eoy next last coming past previous over weekend early late later
    sometime mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat
    saturday sun sunday in within after a an one two three four five six seven eight nine ten eleven
    twelve fifteen twenty thirty couple few several jan january feb february mar march apr april may
    jun june jul july aug august sep sept september oct october nov november dec december at noon
    midday midnight morning afternoon evening night around from between by before until mid
    """
)
_STARTS = r"[0-9@]|\b(?:" + "|".join(sorted(START_WORDS, key=len, reverse=True)) + r")\b"
GRAMMAR = Grammar(_PATTERN, _FIRST, starts=_STARTS, every_start=r"[0-9@]|\b[a-z]")

_PART_CLOCK = {"morning": (9, 0), "afternoon": (14, 0), "evening": (18, 0), "night": (20, 0)}
EOD = (17, 0)
Match = re.Match[str]


def _span(m: Match) -> tuple[int, int]:
    return m.start(), m.end()


def _reldate(m: Match, now: datetime) -> Piece:
    word = m.group("reldate").lower()
    today = now.date()
    s, e = _span(m)
    if word.startswith("tom") or word.startswith("tm"):
        return Piece(s, e, "future", day=today + timedelta(days=1))
    if word == "yesterday":
        return Piece(s, e, "past", day=today - timedelta(days=1))
    if word.startswith("toni"):
        return Piece(s, e, "neutral", day=today, back=today, default_clock=(20, 0))
    return Piece(s, e, "neutral", day=today, back=today)


def _weekday(name: str) -> int:
    return _WEEKDAYS[name.lower()[:3]]


def _wd(m: Match, now: datetime) -> Piece:
    today = now.date()
    s, e = _span(m)
    which = (m.group("wd_which") or m.group("wd_after") or "").lower()
    weekday = _weekday(m.group("wd_q") or m.group("wd_bare"))
    if which == "next":
        return Piece(s, e, "future", day=weekday_in_week(today, weekday, 1))
    if which in ("last", "past", "previous"):
        return Piece(s, e, "past", day=weekday_in_week(today, weekday, -1))
    if which == "this":
        return Piece(s, e, "future", day=next_weekday(today, weekday, include_today=True))
    if which == "coming":
        return Piece(s, e, "future", day=next_weekday(today, weekday, include_today=False))
    return Piece(
        s,
        e,
        "neutral",
        day=next_weekday(today, weekday, include_today=False),
        back=previous_weekday(today, weekday),
    )


def _wd_week(m: Match, now: datetime) -> Piece:
    weeks = {"next": 1, "this": 0, "last": -1}[m.group("ww_which").lower()]
    day = weekday_in_week(now.date(), _weekday(m.group("ww_day")), weeks)
    tense: Tense = "past" if weeks < 0 else "future"
    return Piece(*_span(m), tense, day=day)


def _end_of(m: Match, now: datetime) -> Piece:
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
    return Piece(*_span(m), "future", day=day)


def _weekend(m: Match, now: datetime) -> Piece:
    today = now.date()
    which = (m.group("we_which") or "").lower()
    if which == "last":
        return Piece(*_span(m), "past", day=weekday_in_week(today, 5, -1))
    if which == "next":
        return Piece(*_span(m), "future", day=weekday_in_week(today, 5, 1))
    return Piece(*_span(m), "future", day=next_weekday(today, 5, include_today=True))


def _period(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    which = m.group("pe_which").lower()
    unit = m.group("pe_unit").lower()
    pre = (m.group("pe_pre") or "").lower()
    if unit == "week":
        if which == "last":
            return Piece(*_span(m), "past", day=weekday_in_week(today, 0, -1))
        if which == "this":  # "this week": by the end of the working week
            return Piece(*_span(m), "future", day=max(today, weekday_in_week(today, 4, 0)))
        offset = 3 if pre in ("late", "later") else 0
        return Piece(*_span(m), "future", day=weekday_in_week(today, offset, 1))
    if unit == "month":
        if which == "last":
            return Piece(*_span(m), "past", day=add_months(today.replace(day=1), -1))
        if which == "this":
            return Piece(*_span(m), "future", day=month_end(today.year, today.month))
        first = add_months(today.replace(day=1), 1)
        return Piece(*_span(m), "future", day=first.replace(day=15) if pre in ("late", "later") else first)
    if which == "last":
        return Piece(*_span(m), "past", day=date(today.year - 1, 1, 1))
    if which == "this":
        return None
    return Piece(*_span(m), "future", day=date(today.year + 1, 1, 1))


def _within(m: Match, now: datetime) -> Piece | None:
    if m.group("half"):
        minutes = 30 if m.group("half").lower().startswith("half") else 90
        return Piece(*_span(m), "future", exact=shift(now, minutes=minutes))
    count = small_number(m.group("in_n") or m.group("ag_n"))
    unit = (m.group("in_u") or m.group("ag_u")).lower()
    direction = (m.group("ag_dir") or "later").lower()
    if count is None or count > 1000:
        return None
    sign = -1 if direction in ("ago", "back", "earlier") else 1
    tense: Tense = "past" if sign < 0 else "future"
    today = now.date()
    if unit.startswith("min"):
        return Piece(*_span(m), tense, exact=shift(now, minutes=sign * count))
    if unit.startswith("h"):
        return Piece(*_span(m), tense, exact=shift(now, minutes=sign * count * 60))
    if "business" in unit or "working" in unit:
        if sign < 0:
            return None
        return Piece(*_span(m), tense, day=add_business_days(today, count))
    if unit.startswith("d"):
        return Piece(*_span(m), tense, day=today + timedelta(days=sign * count))
    if unit.startswith("w"):
        return Piece(*_span(m), tense, day=today + timedelta(days=7 * sign * count))
    if unit.startswith("f"):
        return Piece(*_span(m), tense, day=today + timedelta(days=14 * sign * count))
    if unit.startswith("mo"):
        return Piece(*_span(m), tense, day=add_months(today, sign * count))
    if unit.startswith("y"):
        return Piece(*_span(m), tense, day=add_months(today, 12 * sign * count))
    return None


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


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def _iso(m: Match, now: datetime) -> Piece | None:
    piece = _absolute(*_span(m), now, int(m.group("iso_m")), int(m.group("iso_d")), m.group("iso_y"))
    if piece and m.group("iso_h"):
        return Piece(
            piece.start,
            piece.end,
            piece.tense,
            day=piece.day,
            clock=(int(m.group("iso_h")), int(m.group("iso_min"))),
        )
    return piece


def _dmy(m: Match, now: datetime) -> Piece | None:
    from bot.language.absolute import parse_absolute  # dateparser is loaded only when needed

    found = parse_absolute(m.group("dmy"))
    if found is None:
        return None
    return Piece(*_span(m), "past" if found < now.date() else "future", day=found)


def _md(m: Match, now: datetime) -> Piece | None:
    return _absolute(*_span(m), now, _month(m.group("md_m")), int(m.group("md_d")), m.group("md_y"))


def _dm(m: Match, now: datetime) -> Piece | None:
    return _absolute(*_span(m), now, _month(m.group("dm_m")), int(m.group("dm_d")), m.group("dm_y"))


def _month_only(m: Match, now: datetime) -> Piece:
    """ "in January", "by end of march", "mid april": a month without a day, the next one to come."""
    today = now.date()
    month = _month(m.group("mo_m"))
    pre = m.group("mo_pre").split()[0].lower()
    year = today.year + (1 if month < today.month else 0)
    if pre in ("end", "late", "by", "before", "until"):
        day = month_end(year, month)
    elif pre == "mid":
        day = date(year, month, 15)
    else:
        day = date(year, month, 1)
    return Piece(*_span(m), "future", day=max(day, today))


def _nth(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    day = int(m.group("nth_d"))
    if m.group("nth_next"):
        base = add_months(today.replace(day=1), 1 if m.group("nth_next").lower() == "next" else 0)
        found = safe_date(base.year, base.month, day)
        return Piece(*_span(m), "future", day=found) if found else None
    pair = day_of_month(today, day)
    return Piece(*_span(m), "neutral", day=pair[0], back=pair[1]) if pair else None


def _us(m: Match, now: datetime) -> Piece | None:
    return _absolute(*_span(m), now, int(m.group("us_m")), int(m.group("us_d")), m.group("us_y"))


def _clock(s: int, e: int, hour: int, minute: int, *, weak: bool = False) -> Piece:
    return Piece(s, e, "neutral", clock=(hour, minute), weak_clock=weak)


def _ampm(m: Match, now: datetime) -> Piece:
    hour = int(m.group("ap_h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return _clock(*_span(m), hour, int(m.group("ap_m") or 0))


def _range(m: Match, now: datetime) -> Piece:
    # "10-11am", "2-3pm", "9am-5pm": the meeting starts at the first time, in the half of day said.
    half = (m.group("rg_ap") or m.group("rg_ap2")).lower()
    hour = int(m.group("rg_h")) % 12 + (12 if half == "p" else 0)
    return _clock(*_span(m), hour, int(m.group("rg_m") or 0))


def _hhmm(m: Match, now: datetime) -> Piece:
    return _clock(*_span(m), int(m.group("hm_h")), int(m.group("hm_m")))


def _named_time(m: Match, now: datetime) -> Piece:
    name = m.group("nt").lower()
    return _clock(*_span(m), *((23, 59) if name == "midnight" else (12, 0)))


def _business_hour(hour: int) -> int:
    # "at 3" in a work note is 3pm; "at 9" is 9am.
    return hour + 12 if 1 <= hour <= 7 else hour


def _oclock(m: Match, now: datetime) -> Piece:
    return _clock(*_span(m), _business_hour(int(m.group("oc_h"))), 0)


def _at_hour(m: Match, now: datetime) -> Piece:
    # "call back at 3" ends a clause: a time. "at 3 with the CFO" may be a time, but only next to a date.
    rest = m.string[m.end() : m.end() + 2].strip()
    weak = bool(rest) and rest[0] not in ",.;!?)，。；"
    return _clock(*_span(m), _business_hour(int(m.group("at_h"))), 0, weak=weak)


def _part(m: Match, now: datetime) -> Piece:
    return _clock(*_span(m), *_PART_CLOCK[m.group("pt").lower()], weak=True)


def _this_part(m: Match, now: datetime) -> Piece:
    part = m.group("this_part").split()[-1].lower()
    today = now.date()
    return Piece(*_span(m), "neutral", day=today, back=today, default_clock=_PART_CLOCK[part])


def _eod(m: Match, now: datetime) -> Piece:
    return Piece(*_span(m), "neutral", clock=EOD)


def _days(offset: int, tense: Tense) -> Callable[[Match, datetime], Piece]:
    def build(m: Match, now: datetime) -> Piece:
        return Piece(*_span(m), tense, day=now.date() + timedelta(days=offset))

    return build


_HANDLERS: dict[str, Callable[[Match, datetime], Piece | None]] = {
    "after_tomorrow": _days(2, "future"),
    "before_yesterday": _days(-2, "past"),
    "reldate": _reldate,
    "this_part": _this_part,
    "eod": _eod,
    "end_of": _end_of,
    "wd_week": _wd_week,
    "wd": _wd,
    "weekend": _weekend,
    "period": _period,
    "within": _within,
    "iso": _iso,
    "dmy": _dmy,
    "md": _md,
    "dm": _dm,
    "nth": _nth,
    "us": _us,
    "range": _range,
    "ampm": _ampm,
    "hhmm": _hhmm,
    "named_time": _named_time,
    "oclock": _oclock,
    "at_hour": _at_hour,
    "part": _part,
    "month_only": _month_only,
}


def _starts(words: Sequence[Token]) -> Iterator[int]:
    for start, word in words:
        if word[0] in "0123456789@" or word in START_WORDS:
            yield start


def find_pieces(scan: str, now: datetime, words: Sequence[Token] | None = None) -> list[Piece]:
    """Pieces in `scan` (lower-cased, see markup.py), in order, never overlapping each other."""
    pieces: list[Piece] = []
    for m in GRAMMAR.matches(scan, _starts(tokens(scan) if words is None else words)):
        piece = _HANDLERS[m.lastgroup or ""](m, now)
        if piece is not None:
            pieces.append(piece)
    return pieces


__all__ = ["find_pieces", "monday"]
