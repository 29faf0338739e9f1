"""The Chinese date grammar: 明天/后天, 下周三, 三天后, 月底, 3月20日, 下午五点半 and friends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.language import dates_zh_readers as readers
from bot.language.dates_holidays import ZH_HOLIDAY_NAMES
from bot.language.grammar import Grammar
from bot.language.numerals import NUMBER
from bot.language.timeline import MAX_PIECES, Match, Piece

_N = NUMBER
_SMALL = r"(?:\d{1,3}|[一二两兩三四五六七八九十]{1,3}|半|几)"
_PERIOD = r"(?:凌晨|早上|早晨|清早|上午|中午|午间|午后|下午|傍晚|晚上|晚间|夜里|夜间|深夜)"
# Simplified and Traditional forms of the few date words that differ (週/禮拜/後/點/個/這/號).
_WEEK = r"(?:周|週|星期|礼拜|禮拜)"
_GE = r"[个個]"
_HAO = r"[日号號]"
_DIAN = r"[点點时時]"
_WHICH = rf"(?:下下{_GE}?|下{_GE}?|上上{_GE}?|上{_GE}?|本|[这這]{_GE}?)"
_DAY_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_HAN_YEAR = r"[〇零一二三四五六七八九]{2,4}"
_YEAR = rf"(?:\d{{4}}|\d{{2}}|{_HAN_YEAR}|[今明去前后後])年"
_MINUTE = r"(?:\d{1,2}|[零一二三四五六七八九十]{1,3})"
_QUARTER = r"[一二三1-3]刻"
# "3点建议" is three suggestions, not three o'clock; "便宜一点" is "a bit cheaper".
_NOT_CLOCK = r"(?![万亿千百元%倍个個]|建议|意见|问题|要求|需求|内容|事项|看法|疑问|原因|好处|优势)"

_PATTERN = rf"""
    (?P<short_day>(?P<sd_day>[今明昨当當])(?P<sd_part>早上|晚上|[早晚晨夜])(?![饭餐上点點]))
  | (?P<week_day>(?<!每)(?:(?P<wk_which>{_WHICH}){_WEEK}的?{_WEEK}?|{_WEEK})(?P<wk_d>[一二三四五六日天1-7]))
  | (?P<weekend>(?P<we_which>下{_GE}?|上{_GE}?|本|[这這]{_GE}?)?[周週]末)
  | (?P<week>(?P<w_which>{_WHICH}){_WEEK}(?P<w_end>末|底|内|內)?)
  | (?P<month_part>(?P<mp_which>{_WHICH})?月份?(?P<mp_part>底|末|初|上旬|中旬|下旬|中))
  | (?P<month_day>(?P<md_which>{_WHICH}|同)月份?的?(?P<md_d>{_N}){_HAO})
  | (?P<nth_wd>(?<!\d)(?:(?P<nw_which>{_WHICH})月|(?P<nw_m>{_DAY_N})月)份?的?
       (?:第(?P<nw_n>[1-5一二三四五]){_GE}?|(?P<nw_last>最后一{_GE}?))
       {_WEEK}(?P<nw_d>[一二三四五六日天1-7]))
  | (?P<month>(?P<m_which>下{_GE}?|上{_GE}?)月(?![初中底末上下\d一二三四五六七八九十]))
  | (?P<year_day>(?<!\d)(?P<yd_y>\d{{4}}|今|明)年的?第(?P<yd_n>\d{{1,3}}|[一二三四五六七八九十百]{{1,5}})天)
  | (?P<date>(?<!\d)(?:(?P<dt_y>{_YEAR}))?
       (?P<dt_m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月份?
       (?:(?P<dt_d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:{_HAO}|(?![\d万千元人个個]))
         |(?P<dt_part>底|末|初|上旬|中旬|下旬|中)))
  | (?P<short_ymd>(?<![\d-])(?P<sy_y>\d\d)-(?P<sy_m>1[0-2]|0[1-9])-(?P<sy_d>3[01]|[12]\d|0[1-9])(?![\d-]))
  | (?P<dom>(?<![\d月年第])(?P<dom_d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_HAO}
       (?!楼|線|线|机|房|厅|门|文件|码|车|位|店|馆|院|桌|仓|窗口|包))
  | (?P<rel>(?<!\d)(?P<rel_pass>过|再过)?(?P<rel_n>{_SMALL})(?P<rel_half>{_GE}半)?{_GE}?
       (?P<rel_u>工作日|天|日|周|週|星期|礼拜|禮拜|月|小时|钟头|分钟|年)
       (?P<rel_dir>(?(rel_pass)(?:之[后後]|以[后後]|[后後]|之内|以内|内)?|(?:之[后後]|以[后後]|[后後]|之内|以内|内|之前|以前|前))))
  | (?P<year_end>年底|年末|年初)
  | (?P<just_now>刚才|刚刚)
  | (?P<holiday>(?P<hl_name>{ZH_HOLIDAY_NAMES}))
  | (?P<year_holiday>(?<!\d)(?P<yh_y>{_YEAR})的?(?P<yh_name>{ZH_HOLIDAY_NAMES}))
  | (?P<dayclock>(?P<day>大*[前后後]天|昨天|昨日|昨儿|今天|今日|今儿|本日|[当當][天日]|明天|明日|明儿)?
      (?P<dpart>{_PERIOD})?
      (?P<clock>(?<!\d)
       (?:(?:差(?:(?P<ck_bq>{_QUARTER})|(?P<ck_bm>{_MINUTE})分))?
        (?P<ck_h>\d{{1,2}}|[零一二两兩三四五六七八九十]{{1,3}}){_DIAN}(?!候|间|間|段)
        (?:(?P<ck_half>半)|(?P<ck_q>{_QUARTER})|差(?:(?P<ck_aq>{_QUARTER})|(?P<ck_am>{_MINUTE})分)
          |(?P<ck_m>{_MINUTE})分?|整|多)?[钟鐘]?
        {_NOT_CLOCK}
       |(?P<ck_hh>[01]?\d|2[0-3])[:：](?P<ck_mm>[0-5]\d)(?!\d)))?)
    """


def _keys(chars: str, digits: str = "", after: str = "") -> str:
    """The keys an expression can start with (grammar.py): these characters, and runs of digits of these
    lengths ("0 00": one or two digits) followed by one of the characters `after` (5天, 12月, 3点)."""
    return " ".join([*chars, *(run + ch for run in digits.split() for ch in after)])


# What may follow the digits an expression starts with: 年, 月, 号, 点, a unit of time (see rel), 12-11-10.
_DIGIT_FOLLOW = {ch: ch for ch in "月年日号號个個工天周週星礼禮小钟分点點时時:-"}
_HAN_DIGITS = "〇零一二三四五六七八九"
_FIRST = {
    "short_day": _keys("今明昨当當"),
    "nth_wd": _keys("下上本这這一二三四五六七八九十", "0 00", "月"),
    "week_day": _keys("下上本这這周週星礼禮"),
    "weekend": _keys("下上本这這周週"),
    "week": _keys("下上本这這"),
    "month_part": _keys("下上本这這月"),
    "month_day": _keys("下上本这這同"),
    "month": _keys("下上"),
    "year_day": _keys("今明", "0000", "年"),
    "date": _keys(_HAN_DIGITS + "十今明去前后後", "0 00 0000", "年月"),
    "short_ymd": _keys("", "00", "-"),
    "dom": _keys("一二三四五六七八九十", "0 00", "日号號"),
    "rel": _keys("过再一二两兩三四五六七八九十半几", "0 00 000", "个個工天日周週星礼禮月小钟分年"),
    "year_end": _keys("年"),
    "just_now": _keys("刚"),
    "holiday": _keys("元情妇劳青儿建教国双平圣母父感三五六十"),
    "year_holiday": _keys(_HAN_DIGITS + "今明去前后後", "00 0000", "年"),
    "dayclock": _keys(
        "大前后後昨今本当當明凌早清上中午下傍晚夜深差零一二两兩三四五六七八九十", "0 00", "点點时時:"
    ),
}
# A numeral starts an expression only at the head of a run of numerals ("三十天后", not "十天后" inside
# it), and a digit only at the head of a run of digits: that keeps a wall of numerals from costing one
# grammar attempt per character.
_NUMERALS = "零〇一二两兩三四五六七八九十"
_OTHER_STARTS = "".join(
    sorted({key for keys in _FIRST.values() for key in keys.split() if len(key) == 1} - set(_NUMERALS))
)
_STARTS = rf"\d+|[{_OTHER_STARTS}]|(?<![{_NUMERALS}百千万亿])[{_NUMERALS}]"
GRAMMAR = Grammar(
    _PATTERN,
    _FIRST,
    starts=_STARTS,
    every_start=rf"(?<!\d)\d|(?![{_NUMERALS}\d])\S|(?<![{_NUMERALS}百千万亿])[{_NUMERALS}]",
    follow=_DIGIT_FOLLOW,
)


_HANDLERS: dict[str, Callable[[Match, datetime], Piece | None]] = {
    "holiday": readers.holiday,
    "year_holiday": readers.holiday,
    "short_day": readers.short_day,
    "nth_wd": readers.nth_weekday,
    "week_day": readers.week_day,
    "weekend": readers.weekend,
    "week": readers.whole_week,
    "month_part": readers.month_part,
    "month_day": readers.month_day,
    "month": readers.whole_month,
    "year_day": readers.year_day,
    "date": readers.full_date,
    "short_ymd": readers.short_ymd,
    "dom": readers.dom,
    "rel": readers.rel,
    "year_end": readers.year_end,
    "just_now": readers.just_now,
    "dayclock": readers.day_clock,
}


def find_pieces(scan: str, now: datetime) -> list[Piece]:
    pieces: list[Piece] = []
    for m in GRAMMAR.matches(scan):
        piece = _HANDLERS[m.lastgroup or ""](m, now)
        if piece is not None:
            pieces.append(piece)
            if len(pieces) == MAX_PIECES:
                break
    return pieces
