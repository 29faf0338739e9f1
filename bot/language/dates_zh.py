"""The Chinese date grammar: 明天/后天, 下周三, 三天后, 月底, 3月20日, 下午五点半 and friends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.language import dates_zh_readers as readers
from bot.language.grammar import Grammar
from bot.language.numerals import NUMBER
from bot.language.timeline import MAX_PIECES, Match, Piece

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
  | (?P<just_now>刚才|刚刚)
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
    "just_now": "刚",
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


_HANDLERS: dict[str, Callable[[Match, datetime], Piece | None]] = {
    "short_day": readers.short_day,
    "week_day": readers.week_day,
    "weekend": readers.weekend,
    "week": readers.whole_week,
    "month_part": readers.month_part,
    "month_day": readers.month_day,
    "month": readers.whole_month,
    "date": readers.full_date,
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
