"""Holidays a note may name instead of a date: fixed days (Christmas, 国庆) and nth weekdays of a month
(Thanksgiving, 母亲节). Holidays of the Chinese lunar calendar (春节, 中秋) are not read: their dates need
a lunar calendar, and a wrong guess is worse than none."""

from __future__ import annotations

from datetime import date

from bot.language.timeline import Piece, nth_weekday_of, without_year

# A fixed day (month, day), or the nth weekday (0 = Monday) of a month (month, weekday, nth; -1 = last).
Rule = tuple[int, int] | tuple[int, int, int]

_EN: dict[str, Rule] = {
    "new year": (1, 1),
    "new year eve": (12, 31),
    "valentine": (2, 14),
    "independence": (7, 4),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "xmas": (12, 25),
    "boxing": (12, 26),
    "thanksgiving": (11, 3, 4),
    "labor": (9, 0, 1),
    "labour": (9, 0, 1),
    "memorial": (5, 0, -1),
    "mother": (5, 6, 2),
    "father": (6, 6, 3),
}
HOLIDAY_NAMES = (
    r"(?:new\s+year'?s(?:\s+(?:day|eve))?|valentine'?s(?:\s+day)?|independence\s+day|halloween"
    r"|christmas(?:\s+(?:eve|day))?|xmas|boxing\s+day|thanksgiving(?:\s+day)?|labou?r\s+day|memorial\s+day"
    r"|mother'?s\s+day|father'?s\s+day)"
)

_ZH: dict[str, Rule] = {
    "元旦": (1, 1),
    "情人节": (2, 14),
    "妇女节": (3, 8),
    "三八": (3, 8),
    "劳动节": (5, 1),
    "五一": (5, 1),
    "青年节": (5, 4),
    "儿童节": (6, 1),
    "六一": (6, 1),
    "建党节": (7, 1),
    "建军节": (8, 1),
    "教师节": (9, 10),
    "国庆": (10, 1),
    "国庆节": (10, 1),
    "十一": (10, 1),
    "双十一": (11, 11),
    "双11": (11, 11),
    "双十二": (12, 12),
    "双12": (12, 12),
    "平安夜": (12, 24),
    "圣诞": (12, 25),
    "圣诞节": (12, 25),
    "母亲节": (5, 6, 2),
    "父亲节": (6, 6, 3),
    "感恩节": (11, 3, 4),
}
# 五一, 十一, 六一 and 三八 are numbers far more often than holidays ("十一个人"): holidays only when
# "before", "after" or "holiday" follows (十一前, 五一假期).
_ZH_NUMBERS = "五一|六一|十一|三八"
ZH_HOLIDAY_NAMES = (
    r"(?:元旦|情人节|妇女节|劳动节|青年节|儿童节|建党节|建军节|教师节|国庆节?|双十一|双11|双十二|双12|平安夜|圣诞节?"
    rf"|母亲节|父亲节|感恩节|(?:{_ZH_NUMBERS})(?=之?前|以前|之?后|以后|[後假期长放]|节))"
)


def _english_key(text: str) -> str:
    words = text.lower().replace("'", "").replace("’", "").split()
    if words[0] == "new":
        return "new year eve" if words[-1] == "eve" else "new year"
    if words[0] == "christmas" and words[-1] == "eve":
        return "christmas eve"
    return words[0].removesuffix("s") if words[0] in ("valentines", "mothers", "fathers") else words[0]


def on(rule: Rule, year: int) -> date:
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    found = nth_weekday_of(year, *rule)
    assert found is not None  # every rule's nth weekday exists in every month it names
    return found


def rule_of(name: str, *, han: bool) -> Rule:
    return _ZH[name] if han else _EN[_english_key(name)]


def holiday_piece(
    s: int, e: int, today: date, rule: Rule, year: int | None, which: str | None
) -> Piece | None:
    """The holiday of `year`, or without one the next or the one just past (see `without_year`);
    `which` is "this", "next" or "last" said before the name ("last christmas")."""
    if year is not None:
        if not 1 <= year <= 9998:
            return None
        day = on(rule, year)
        return Piece(s, e, "past" if day < today else "future", day=day, dated=True)
    this_year = on(rule, today.year)
    ahead = this_year if this_year >= today else on(rule, today.year + 1)
    back = this_year if this_year <= today else on(rule, today.year - 1)
    if which == "next":
        return Piece(s, e, "future", day=ahead, dated=True)
    if which == "last":
        return Piece(s, e, "past", day=back if back < today else on(rule, today.year - 1), dated=True)
    if which == "this":
        return Piece(s, e, "past" if this_year < today else "future", day=this_year, dated=True)
    return without_year(s, e, today, (ahead, back))
