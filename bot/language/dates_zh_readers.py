"""Chinese date and time expressions matched by dates_zh, read into pieces relative to now."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.language.dates_holidays import holiday_piece, rule_of
from bot.language.numerals import small_number
from bot.language.timeline import (
    HORIZON_YEARS,
    Match,
    Piece,
    Tense,
    add_business_days,
    add_months,
    day_of_month,
    in_period,
    missing,
    month_end,
    next_weekday,
    nth_weekday_of,
    previous_weekday,
    safe_date,
    shift,
    span,
    two_digit_year,
    weekday_in_week,
    without_year,
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
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "昨儿": -1,
    "今天": 0,
    "今日": 0,
    "今儿": 0,
    "本日": 0,
    "当天": 0,
    "当日": 0,
    "當天": 0,
    "當日": 0,
    "明天": 1,
    "明日": 1,
    "明儿": 1,
    "后天": 2,
    "後天": 2,
}
# Parts of the day: the time each means alone (明天下午 is 14:00), and its name for `in_period`.
_PERIODS: dict[str, tuple[tuple[int, int], str]] = {
    "凌晨": ((0, 0), "dawn"),
    "早上": ((9, 0), "morning"),
    "早晨": ((9, 0), "morning"),
    "清早": ((8, 0), "morning"),
    "上午": ((9, 0), "morning"),
    "早": ((9, 0), "morning"),
    "晨": ((8, 0), "morning"),
    "中午": ((12, 0), "noon"),
    "午间": ((12, 0), "noon"),
    "午后": ((14, 0), "afternoon"),
    "下午": ((14, 0), "afternoon"),
    "傍晚": ((18, 0), "evening"),
    "晚上": ((20, 0), "night"),
    "晚间": ((20, 0), "night"),
    "晚": ((20, 0), "night"),
    "夜里": ((21, 0), "night"),
    "夜间": ((21, 0), "night"),
    "夜": ((21, 0), "night"),
    "深夜": ((23, 0), "night"),
}
_YEARS = {"今": 0, "明": 1, "去": -1, "前": -2, "后": 2, "後": 2}


def _num(text: str) -> int | None:
    if text in ("半", "几"):
        return None
    return small_number(text.replace("兩", "两"))


def _day_offset(word: str) -> int:
    """昨天 -1, 后天 2, 大后天 3, 大大前天 -4: each 大 is one day further."""
    big = len(word) - len(word.lstrip("大"))
    base = _DAYS[word[big:]]
    return base + big * (1 if base > 0 else -1)


def _year(text: str, today: date) -> int | None:
    """2021, 21 (the latest such year no more than the horizon ahead), 二〇二一, 零七, 今/明/去/前/后."""
    text = text.removesuffix("年")
    if text in _YEARS:
        return today.year + _YEARS[text]
    value = int(text) if text.isdigit() else small_number(text)
    if value is None:
        return None
    return two_digit_year(value, today) if len(text) == 2 else value


def _minutes(m: Match, quarter: str, minute: str) -> int | None:
    if m.group(quarter):
        return 15 * int(small_number(m.group(quarter)[0]) or 0)
    if m.group(minute):
        return _num(m.group(minute))
    return None


def _clock_of(m: Match, period: str | None) -> tuple[tuple[int, int], bool] | None:
    """The time of day and whether it was loose (an hour 1-12 said without a part of the day)."""
    if m.group("ck_hh"):
        hour, minute = int(m.group("ck_hh")), int(m.group("ck_mm"))
        loose = not m.group("ck_hh").startswith("0") and hour <= 12
    else:
        hour_n = _num(m.group("ck_h"))
        if hour_n is None or hour_n > 24:
            return None
        hour, loose = hour_n, hour_n <= 12
        if m.group("ck_half"):
            minute = 30
        elif (after := _minutes(m, "ck_q", "ck_m")) is not None:
            minute = after
        else:
            minute = 0
        short = _minutes(m, "ck_aq", "ck_am")
        if short is None:
            short = _minutes(m, "ck_bq", "ck_bm")  # 差一刻4点, 4点差一刻: a quarter to four
        if short is not None:
            if not 0 < short < 60 or minute:
                return None
            hour, minute = (hour - 1) % 24, 60 - short
        if minute > 59:
            return None
    if hour == 24:
        return (23, 59), False
    if period is not None:
        return in_period(hour, minute, _PERIODS[period][1], loose=loose), False
    if loose and 1 <= hour <= 6 and not m.group("ck_hh"):
        hour += 12  # 三点开会 in a work note is the afternoon
    return (hour, minute), loose


def day_clock(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    day_word, part, clock_text = m.group("day"), m.group("dpart"), m.group("clock")
    if not day_word and not part and not clock_text:
        return None
    if clock_text and m.group("ck_h") == "一" and not part and not day_word and not m.group("ck_half"):
        return None  # 一点 is "a little" far more often than one o'clock
    read = _clock_of(m, part) if clock_text else None
    if clock_text and read is None:
        return None
    clock, loose = read if read is not None else (None, False)
    s, e = span(m)
    period = _PERIODS[part][1] if part else None
    default = _PERIODS[part][0] if part and not clock else None
    if not day_word:
        if clock is None:
            return Piece(s, e, "neutral", default_clock=default, weak_clock=True, period=period)
        return Piece(s, e, "neutral", clock=clock, period=period, loose=loose)
    offset = _day_offset(day_word)
    day = today + timedelta(days=offset)
    tense: Tense = "neutral" if offset == 0 else ("future" if offset > 0 else "past")
    return Piece(
        s,
        e,
        tense,
        day=day,
        back=day if offset == 0 else None,
        clock=clock,
        default_clock=default,
        period=period,
        loose=loose,
    )


def short_day(m: Match, now: datetime) -> Piece:
    """今晚, 明早, 今晨, 昨夜, 当晚: a day and a part of it in two characters."""
    offset = {"今": 0, "明": 1, "昨": -1, "当": 0, "當": 0}[m.group("sd_day")]
    day = now.date() + timedelta(days=offset)
    clock, period = _PERIODS[m.group("sd_part")]
    tense: Tense = "neutral" if offset == 0 else ("future" if offset > 0 else "past")
    return Piece(
        *span(m), tense, day=day, back=day if offset == 0 else None, default_clock=clock, period=period
    )


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
    day = _part_of_month(base.year, base.month, m.group("mp_part"))
    # 月初 said on the 20th is behind us: when it happened, not a follow-up already late.
    return Piece(*span(m), "past" if day < now.date() else "future", day=day)


def _part_of_month(year: int, month: int, part: str) -> date:
    """月初 the 1st, 上旬 the 5th, 月中 and 中旬 the 15th, 下旬 the 25th, 月底 the last day: each the
    start, middle or end of what it names."""
    if part in ("底", "末"):
        return month_end(year, month)
    return date(year, month, {"初": 1, "上旬": 5, "下旬": 25}.get(part, 15))


def month_day(m: Match, now: datetime) -> Piece | None:
    """下个月15号, 本月9日, 同月9号, 上个月23号."""
    months = _months_away(m.group("md_which"))
    base = add_months(now.date().replace(day=1), months)
    number = _num(m.group("md_d"))
    if number is None or not 1 <= number <= 31:
        return None
    found = safe_date(base.year, base.month, number)
    if found is None:
        return missing(*span(m))
    return Piece(*span(m), "past" if found < now.date() else "future", day=found, dated=True)


def nth_weekday(m: Match, now: datetime) -> Piece | None:
    """下个月第一个周一, 6月第3个星期日, 八月份的第一个周二, 本月最后一个周五."""
    today = now.date()
    s, e = span(m)
    nth = -1 if m.group("nw_last") else _num(m.group("nw_n"))
    weekday = _WEEKDAY[m.group("nw_d")]
    if nth is None:
        return None
    if m.group("nw_m"):
        month = _num(m.group("nw_m"))
        if month is None or not 1 <= month <= 12:
            return None
        ahead = back = nth_weekday_of(today.year, month, weekday, nth)
        if ahead is None:
            return missing(s, e)
        if ahead < today:
            ahead = nth_weekday_of(today.year + 1, month, weekday, nth)
        if back is not None and back > today:
            back = nth_weekday_of(today.year - 1, month, weekday, nth)
        if ahead is None or back is None:
            return missing(s, e)
        return without_year(s, e, today, (ahead, back))
    base = add_months(today.replace(day=1), _months_away(m.group("nw_which")))
    found = nth_weekday_of(base.year, base.month, weekday, nth)
    if found is None:
        return missing(s, e)
    return Piece(s, e, "past" if found < today else "future", day=found, dated=True)


def holiday(m: Match, now: datetime) -> Piece | None:
    """元旦, 国庆, 母亲节; with a year before it: 去年元旦, 2019年感恩节."""
    today = now.date()
    year_text = m.group("yh_y") if m.lastgroup == "year_holiday" else None
    year = _year(year_text, today) if year_text else None
    if year_text and year is None:
        return None
    name = m.group("yh_name") if year_text else m.group("hl_name")
    return holiday_piece(*span(m), today, rule_of(name, han=True), year, None)


def year_day(m: Match, now: datetime) -> Piece | None:
    """2025年第一天, 明年第十天: the nth day of a year."""
    today = now.date()
    year = _year(m.group("yd_y"), today)
    count = _num(m.group("yd_n"))
    if year is None or count is None or not 1 <= count <= 366 or not 1 <= year <= 9998:
        return None
    found = date(year, 1, 1) + timedelta(days=count - 1)
    if found.year != year:
        return missing(*span(m))
    return Piece(*span(m), "past" if found < today else "future", day=found, dated=True)


def short_ymd(m: Match, now: datetime) -> Piece | None:
    """12-11-10 in a Chinese note: year, month, day, as Chinese dates are written."""
    today = now.date()
    found = safe_date(two_digit_year(int(m.group("sy_y")), today), int(m.group("sy_m")), int(m.group("sy_d")))
    if found is None:
        return missing(*span(m))
    return Piece(*span(m), "past" if found < today else "future", day=found, dated=True)


def _yearless(s: int, e: int, today: date, month: int, day: int) -> Piece | None:
    if not 1 <= day <= 31:
        return None
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return missing(s, e)
    return without_year(s, e, today, yearless(today, month, day))


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
    year = _year(year_text, today) if year_text else None
    if year_text and (year is None or not 1 <= year <= 9998):
        return None
    part = m.group("dt_part")
    s, e = span(m)
    if part:
        day = _part_of_month(year or today.year, month, part)
        if year is None and day < today:
            day = _part_of_month(today.year + 1, month, part)
        return Piece(s, e, "past" if day < today else "future", day=day, dated=True)
    day_text = m.group("dt_d")
    if not day_text:
        return None
    day_n = _num(day_text)
    if day_n is None:
        return None
    if year is not None:
        found = safe_date(year, month, day_n)
        if found is None:
            return missing(s, e) if 1 <= day_n <= 31 else None
        return Piece(s, e, "past" if found < today else "future", day=found, dated=True)
    return _yearless(s, e, today, month, day_n)


def dom(m: Match, now: datetime) -> Piece | None:
    number = _num(m.group("dom_d"))
    pair = day_of_month(now.date(), number) if number else None
    return Piece(*span(m), "neutral", day=pair[0], back=pair[1], dated=True) if pair else None


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
    per_year = {"年": 1, "月": 12}.get(unit, 52 if unit in ("周", "週", "星期", "礼拜", "禮拜") else 365)
    if sign > 0 and unit not in ("小时", "钟头", "分钟") and count / per_year > HORIZON_YEARS:
        return Piece(s, e, "future", problem="too_far")  # 五百年后
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
    if unit in ("周", "週", "星期", "礼拜", "禮拜"):
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
