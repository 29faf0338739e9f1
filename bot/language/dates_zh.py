"""The Chinese date grammar: 明天/后天, 下周三, 三天后, 月底, 3月20日, 下午五点半 and friends."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.language.grammar import Grammar
from bot.language.numerals import NUMBER, small_number
from bot.language.timeline import (
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
_N = NUMBER
_SMALL = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3}|半|几)"
_PERIOD = r"(?:凌晨|早上|早晨|清早|上午|中午|午后|下午|傍晚|晚上|夜里)"
# "3点建议" is three suggestions, not three o'clock; "便宜一点" is "a bit cheaper".
_NOT_CLOCK = r"(?![万亿千百元%倍个]|建议|意见|问题|要求|需求|内容|事项|看法|疑问|原因|好处|优势)"

_PATTERN = rf"""
    (?P<short_day>[今明昨][早晚](?!上|饭|餐|点))
  | (?P<week_day>(?<!每)(?P<wk_which>下下个?|下个?|上上个?|上个?|本|这个?)?
       (?:周|星期|礼拜)(?P<wk_d>[一二三四五六日天1-7]))
  | (?P<weekend>(?P<we_which>下个?|上个?|本|这个?)?周末)
  | (?P<week>(?P<w_which>下下个?|下个?|上个?|本|这个?)(?:周|星期|礼拜)(?P<w_end>末|底|内)?)
  | (?P<month_part>(?P<mp_which>下下个?|下个?|上个?|本|这个?)?月(?P<mp_part>底|末|初|中|中旬))
  | (?P<month_day>(?P<md_which>下下个?|下个?|上个?|本|这个?)月(?P<md_d>{_N})(?:日|号))
  | (?P<month>(?P<m_which>下个?|上个?)月(?![初中底末\d一二三四五六七八九十]))
  | (?P<date>(?:(?P<dt_y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?
       (?P<dt_m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月
       (?:(?P<dt_d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:日|号)?(?![\d万千元人个])|(?P<dt_part>底|末|初|中旬|中)))
  | (?P<dom>(?<![\d月年第])(?P<dom_d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:日|号)
       (?!楼|线|机|房|厅|门|文件|码|车|位|店|馆|院|桌|仓|窗口|包))
  | (?P<rel>(?P<rel_pass>过|再过)?(?P<rel_n>{_SMALL})(?P<rel_half>个半)?个?
       (?P<rel_u>工作日|天|日|周|星期|礼拜|月|小时|钟头|分钟|年)
       (?P<rel_dir>(?(rel_pass)(?:之后|以后|后|之内|以内|内)?|(?:之后|以后|后|之内|以内|内|之前|以前|前))))
  | (?P<year_end>年底|年末|年初)
  | (?P<dayclock>(?P<day>大前天|前天|昨天|昨日|昨儿|今天|今日|今儿|明天|明日|明儿|大后天|后天)?
      (?P<dpart>{_PERIOD})?
      (?P<clock>(?P<ck_h>\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}})(?:点|時|时)(?!候|间|段)
        (?:(?P<ck_half>半)|(?P<ck_q1>一刻)|(?P<ck_q3>三刻)|(?P<ck_m>\d{{1,2}}|[零一二三四五六七八九十]{{1,3}})分?|整|钟)?
        {_NOT_CLOCK}
       |(?P<ck_hh>[01]?\d|2[0-3])[:：](?P<ck_mm>[0-5]\d)(?!\d))?)
    """
_FIRST = {
    "short_day": "今明昨",
    "week_day": "下上本这周星礼",
    "weekend": "下上本这周",
    "week": "下上本这",
    "month_part": "下上本这月",
    "month_day": "下上本这",
    "month": "下上",
    "date": "0〇零一二三四五六七八九十",
    "dom": "0一二三四五六七八九十",
    "rel": "过再0一二两三四五六七八九十半几",
    "year_end": "年",
    "dayclock": "大前昨今明后凌早清上中午下傍晚夜0零一二两三四五六七八九十",
}
# A numeral starts an expression only at the head of a run of numerals ("三十天后", not "十天后" inside
# it): that keeps a wall of numerals from costing one grammar attempt per character.
_NUMERALS = "零〇一二两三四五六七八九十"
_OTHER_STARTS = "".join(sorted(set("".join(_FIRST.values())) - set(_NUMERALS) - {"0"}))
_STARTS = rf"[0-9{_OTHER_STARTS}]|(?<![{_NUMERALS}百千万亿])[{_NUMERALS}]"
GRAMMAR = Grammar(
    _PATTERN,
    _FIRST,
    starts=_STARTS,
    every_start=rf"(?![{_NUMERALS}])\S|(?<![{_NUMERALS}百千万亿])[{_NUMERALS}]",
)


Match = re.Match[str]


def _span(m: Match) -> tuple[int, int]:
    return m.start(), m.end()


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


def _day_clock(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    day_word, part, clock_text = m.group("day"), m.group("dpart"), m.group("clock")
    if not day_word and not part and not clock_text:
        return None
    if clock_text and m.group("ck_h") == "一" and not part and not day_word and not m.group("ck_half"):
        return None  # 一点 is "a little" far more often than one o'clock
    clock = _clock_of(m, part) if clock_text else None
    if clock_text and clock is None:
        return None
    s, e = _span(m)
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


def _short_day(m: Match, now: datetime) -> Piece:
    word = m.group("short_day")
    offset = {"今": 0, "明": 1, "昨": -1}[word[0]]
    day = now.date() + timedelta(days=offset)
    clock = (9, 0) if word[1] == "早" else (20, 0)
    tense: Tense = "neutral" if offset == 0 else ("future" if offset > 0 else "past")
    return Piece(*_span(m), tense, day=day, back=day if offset == 0 else None, default_clock=clock)


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


def _week_day(m: Match, now: datetime) -> Piece:
    today = now.date()
    weekday = _WEEKDAY[m.group("wk_d")]
    weeks = _weeks_away(m.group("wk_which"))
    s, e = _span(m)
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


def _weekend(m: Match, now: datetime) -> Piece:
    weeks = _weeks_away(m.group("we_which")) or 0
    day = weekday_in_week(now.date(), 5, weeks)
    return Piece(*_span(m), "past" if weeks < 0 else "future", day=day)


def _week(m: Match, now: datetime) -> Piece | None:
    weeks = _weeks_away(m.group("w_which")) or 0
    end = m.group("w_end")
    today = now.date()
    if end in ("末",):
        return Piece(*_span(m), "past" if weeks < 0 else "future", day=weekday_in_week(today, 5, weeks))
    if end in ("底", "内") or weeks == 0:
        day = weekday_in_week(today, 4, weeks)
        if weeks == 0:
            day = max(day, today)
        return Piece(*_span(m), "past" if weeks < 0 else "future", day=day)
    return Piece(*_span(m), "past" if weeks < 0 else "future", day=weekday_in_week(today, 0, weeks))


def _months_away(which: str | None) -> int:
    return _weeks_away(which) or 0


def _month_part(m: Match, now: datetime) -> Piece:
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
        *_span(m),
        "past" if months < 0 or (day < now.date() and months == 0 and part == "初") else "future",
        day=day,
    )


def _month_day(m: Match, now: datetime) -> Piece | None:
    months = _months_away(m.group("md_which"))
    base = add_months(now.date().replace(day=1), months)
    number = _num(m.group("md_d"))
    found = safe_date(base.year, base.month, number) if number else None
    if found is None:
        return None
    return Piece(*_span(m), "past" if found < now.date() else "future", day=found)


def _month(m: Match, now: datetime) -> Piece:
    months = _months_away(m.group("m_which"))
    return Piece(
        *_span(m), "past" if months < 0 else "future", day=add_months(now.date().replace(day=1), months)
    )


def _date(m: Match, now: datetime) -> Piece | None:
    today = now.date()
    month = _num(m.group("dt_m"))
    if month is None or not 1 <= month <= 12:
        return None
    year_text = m.group("dt_y")
    part = m.group("dt_part")
    s, e = _span(m)
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


def _dom(m: Match, now: datetime) -> Piece | None:
    number = _num(m.group("dom_d"))
    pair = day_of_month(now.date(), number) if number else None
    return Piece(*_span(m), "neutral", day=pair[0], back=pair[1]) if pair else None


def _rel(m: Match, now: datetime) -> Piece | None:
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
    s, e = _span(m)
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


def _year_end(m: Match, now: datetime) -> Piece:
    today = now.date()
    if m.group("year_end") == "年初":
        day = date(today.year + (1 if today.month > 1 else 0), 1, 1)
    else:
        day = date(today.year, 12, 31)
    return Piece(*_span(m), "future", day=day)


_HANDLERS: dict[str, Callable[[Match, datetime], Piece | None]] = {
    "short_day": _short_day,
    "week_day": _week_day,
    "weekend": _weekend,
    "week": _week,
    "month_part": _month_part,
    "month_day": _month_day,
    "month": _month,
    "date": _date,
    "dom": _dom,
    "rel": _rel,
    "year_end": _year_end,
    "dayclock": _day_clock,
}


def find_pieces(scan: str, now: datetime) -> list[Piece]:
    pieces: list[Piece] = []
    for m in GRAMMAR.matches(scan):
        piece = _HANDLERS[m.lastgroup or ""](m, now)
        if piece is not None:
            pieces.append(piece)
    return pieces
