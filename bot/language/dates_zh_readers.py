"""Chinese date and time expressions matched by dates_zh, read into pieces relative to now."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.language.numerals import small_number
from bot.language.timeline import (
    Match,
    Piece,
    Tense,
    add_business_days,
    add_months,
    day_of_month,
    month_end,
    next_weekday,
    previous_weekday,
    safe_date,
    shift,
    span,
    weekday_in_week,
    yearless,
)

_WEEKDAY = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "七": 6,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
    "6": 5,
    "7": 6,
}
_DAYS = {
    "大前天": -3,
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "昨儿": -1,
    "今天": 0,
    "今日": 0,
    "今儿": 0,
    "明天": 1,
    "明日": 1,
    "明儿": 1,
    "后天": 2,
    "大后天": 3,
}
_PERIODS = {
    "凌晨": (0, 0),
    "早上": (9, 0),
    "早晨": (9, 0),
    "清早": (8, 0),
    "上午": (9, 0),
    "中午": (12, 0),
    "午后": (14, 0),
    "下午": (14, 0),
    "傍晚": (18, 0),
    "晚上": (20, 0),
    "晚": (20, 0),
    "夜里": (21, 0),
    "早": (9, 0),
}


def _num(text: str) -> int | None:
    if text in ("半", "几"):
        return None
    return small_number(text)


def _clock_of(m: Match, period: str | None) -> tuple[int, int] | None:
    if m.group("ck_hh"):
        hour, minute = int(m.group("ck_hh")), int(m.group("ck_mm"))
    else:
        hour_n = _num(m.group("ck_h"))
        if hour_n is None or hour_n > 24:
            return None
        hour = hour_n
        if m.group("ck_half"):
            minute = 30
        elif m.group("ck_q1"):
            minute = 15
        elif m.group("ck_q3"):
            minute = 45
        elif m.group("ck_m"):
            minute_n = _num(m.group("ck_m"))
            if minute_n is None or minute_n > 59:
                return None
            minute = minute_n
        else:
            minute = 0
    evening = period in ("下午", "傍晚", "晚上", "晚", "夜里", "午后") and hour < 12
    if evening or (period == "中午" and hour < 6):
        hour += 12
    elif period is None and 1 <= hour <= 6 and not m.group("ck_hh"):
        hour += 12  # 三点开会 in a work note is the afternoon
    if hour == 24:
        hour = 23
        minute = 59
    return hour, minute


def day_clock(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    day_word, part, clock_text = m.group("day"), m.group("dpart"), m.group("clock")
    if not day_word and not part and not clock_text:
        return None
    if clock_text and m.group("ck_h") == "一" and not part and not day_word and not m.group("ck_half"):
        return None  # 一点 is "a little" far more often than one o'clock
    clock = _clock_of(m, part) if clock_text else None
    if clock_text and clock is None:
        return None
    s, e = span(m)
    default = None
    if part and not clock:
        default = _PERIODS[part]
    if not day_word:
        if clock is None:
            return Piece(s, e, "neutral", clock=default, weak_clock=True)
        return Piece(s, e, "neutral", clock=clock)
    offset = _DAYS[day_word]
    day = today + timedelta(days=offset)
    if offset == 0:
        return Piece(s, e, "neutral", day=day, back=day, clock=clock, default_clock=default)
    return Piece(s, e, "future" if offset > 0 else "past", day=day, clock=clock, default_clock=default)


def short_day(m: Match, now: datetime) -> Piece:
    word = m.group("short_day")
    offset = {"今": 0, "明": 1, "昨": -1}[word[0]]
    day = now.date() + timedelta(days=offset)
    clock = (9, 0) if word[1] == "早" else (20, 0)
    tense: Tense = "neutral" if offset == 0 else ("future" if offset > 0 else "past")
    return Piece(*span(m), tense, day=day, back=day if offset == 0 else None, default_clock=clock)


def _weeks_away(which: str | None) -> int | None:
    if not which:
        return None
    if which.startswith("下下"):
        return 2
    if which.startswith("下"):
        return 1
    if which.startswith("上上"):
        return -2
    if which.startswith("上"):
        return -1
    return 0


def week_day(m: Match, now: datetime) -> Piece:
    today = now.date()
    weekday = _WEEKDAY[m.group("wk_d")]
    weeks = _weeks_away(m.group("wk_which"))
    s, e = span(m)
    if weeks is None:
        return Piece(
            s,
            e,
            "neutral",
            day=next_weekday(today, weekday, include_today=False),
            back=previous_weekday(today, weekday),
        )
    day = weekday_in_week(today, weekday, weeks)
    if weeks == 0:  # 本周三: this calendar week's, which may already be behind us
        return Piece(s, e, "past" if day < today else "neutral", day=day, back=day)
    return Piece(s, e, "future" if weeks > 0 else "past", day=day)


def weekend(m: Match, now: datetime) -> Piece:
    weeks = _weeks_away(m.group("we_which")) or 0
    day = weekday_in_week(now.date(), 5, weeks)
    return Piece(*span(m), "past" if weeks < 0 else "future", day=day)


def whole_week(m: Match, now: datetime) -> Piece | None:
    weeks = _weeks_away(m.group("w_which")) or 0
    end = m.group("w_end")
    today = now.date()
    if end in ("末",):
        return Piece(*span(m), "past" if weeks < 0 else "future", day=weekday_in_week(today, 5, weeks))
    if end in ("底", "内") or weeks == 0:
        day = weekday_in_week(today, 4, weeks)
        if weeks == 0:
            day = max(day, today)
        return Piece(*span(m), "past" if weeks < 0 else "future", day=day)
    return Piece(*span(m), "past" if weeks < 0 else "future", day=weekday_in_week(today, 0, weeks))


def _months_away(which: str | None) -> int:
    return _weeks_away(which) or 0


def month_part(m: Match, now: datetime) -> Piece:
    months = _months_away(m.group("mp_which"))
    base = add_months(now.date().replace(day=1), months)
    part = m.group("mp_part")
    if part in ("底", "末"):
        day = month_end(base.year, base.month)
    elif part == "初":
        day = base
    else:
        day = base.replace(day=15)
    return Piece(
        *span(m),
        "past" if months < 0 or (day < now.date() and months == 0 and part == "初") else "future",
        day=day,
    )


def month_day(m: Match, now: datetime) -> Piece | None:
    months = _months_away(m.group("md_which"))
    base = add_months(now.date().replace(day=1), months)
    number = _num(m.group("md_d"))
    found = safe_date(base.year, base.month, number) if number else None
    if found is None:
        return None
    return Piece(*span(m), "past" if found < now.date() else "future", day=found)


def whole_month(m: Match, now: datetime) -> Piece:
    months = _months_away(m.group("m_which"))
    return Piece(
        *span(m), "past" if months < 0 else "future", day=add_months(now.date().replace(day=1), months)
    )


def full_date(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    month = _num(m.group("dt_m"))
    if month is None or not 1 <= month <= 12:
        return None
    year_text = m.group("dt_y")
    part = m.group("dt_part")
    s, e = span(m)
    if part:
        year = int(year_text) if year_text and year_text.isdigit() else today.year
        day = month_end(year, month) if part in ("底", "末") else date(year, month, 1 if part == "初" else 15)
        if not year_text and day < today:
            day = (
                date(year + 1, month, day.day)
                if part != "底" and part != "末"
                else month_end(year + 1, month)
            )
        return Piece(s, e, "past" if day < today else "future", day=day)
    day_text = m.group("dt_d")
    if not day_text:
        return None
    day_n = _num(day_text)
    if day_n is None:
        return None
    if year_text:
        year_n = int(year_text) if year_text.isdigit() else small_number(year_text)
        found = safe_date(year_n, month, day_n) if year_n else None
        if found is None:
            return None
        return Piece(s, e, "past" if found < today else "future", day=found)
    pair = yearless(today, month, day_n)
    return Piece(s, e, "neutral", day=pair[0], back=pair[1]) if pair else None


def dom(m: Match, now: datetime) -> Piece | None:
    number = _num(m.group("dom_d"))
    pair = day_of_month(now.date(), number) if number else None
    return Piece(*span(m), "neutral", day=pair[0], back=pair[1]) if pair else None


def rel(m: Match, now: datetime) -> Piece | None:
    unit = m.group("rel_u")
    count_text = m.group("rel_n")
    half = bool(m.group("rel_half")) or count_text == "半"
    count = 0 if count_text == "半" else _num(count_text)
    if count is None or count > 1000:
        return None
    direction = m.group("rel_dir")
    sign = -1 if direction.endswith("前") else 1
    tense: Tense = "past" if sign < 0 else "future"
    today = now.date()
    s, e = span(m)
    if unit in ("小时", "钟头"):
        return Piece(s, e, tense, exact=shift(now, minutes=sign * (count * 60 + (30 if half else 0))))
    if unit == "分钟":
        return Piece(s, e, tense, exact=shift(now, minutes=sign * count))
    if half and unit not in ("月", "年"):
        return None
    if unit in ("天", "日"):
        return Piece(s, e, tense, day=today + timedelta(days=sign * count))
    if unit == "工作日":
        return Piece(s, e, tense, day=add_business_days(today, count)) if sign > 0 else None
    if unit in ("周", "星期", "礼拜"):
        return Piece(s, e, tense, day=today + timedelta(days=7 * sign * count))
    months = count * (12 if unit == "年" else 1) + (6 if half and unit == "年" else 0)
    if half and unit == "月":
        return Piece(s, e, tense, day=today + timedelta(days=sign * (30 * count + 15)))
    return Piece(s, e, tense, day=add_months(today, sign * months))


def year_end(m: Match, now: datetime) -> Piece:
    today = now.date()
    if m.group("year_end") == "年初":
        day = date(today.year + (1 if today.month > 1 else 0), 1, 1)
    else:
        day = date(today.year, 12, 31)
    return Piece(*span(m), "future", day=day)


def just_now(m: Match, now: datetime) -> Piece:
    return Piece(*span(m), "past", exact=now.replace(second=0, microsecond=0))
