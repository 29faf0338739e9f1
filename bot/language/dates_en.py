"""The English date grammar: relative days, weekdays, spans, month-day forms and clock times."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime

from bot.language import dates_en_calendar as calendar
from bot.language import dates_en_relative as relative
from bot.language.grammar import Grammar
from bot.language.lexicon import Token, tokens
from bot.language.scripts import words
from bot.language.timeline import MAX_PIECES, Match, Piece

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
  | (?P<reldate>\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|today|tdy|yesterday|tonight|tonite
                  |last\s+night|earlier\s+today)\b)
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
    "reldate": "tyle",
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
    sometime earlier mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat
    saturday sun sunday in within after a an one two three four five six seven eight nine ten eleven
    twelve fifteen twenty thirty couple few several jan january feb february mar march apr april may
    jun june jul july aug august sep sept september oct october nov november dec december at noon
    midday midnight morning afternoon evening night around from between by before until mid
    """
)
_STARTS = r"[0-9@]|\b(?:" + "|".join(sorted(START_WORDS, key=len, reverse=True)) + r")\b"
GRAMMAR = Grammar(_PATTERN, _FIRST, starts=_STARTS, every_start=r"[0-9@]|\b[a-z]")

_HANDLERS: dict[str, Callable[[Match, datetime], Piece | None]] = {
    "after_tomorrow": relative.days(2, "future"),
    "before_yesterday": relative.days(-2, "past"),
    "reldate": relative.reldate,
    "this_part": relative.this_part,
    "eod": calendar.eod,
    "end_of": relative.end_of,
    "wd_week": relative.wd_week,
    "wd": relative.wd,
    "weekend": relative.weekend,
    "period": relative.period,
    "within": relative.within,
    "iso": calendar.iso,
    "dmy": calendar.dmy,
    "md": calendar.md,
    "dm": calendar.dm,
    "nth": calendar.nth,
    "us": calendar.us,
    "range": calendar.range,
    "ampm": calendar.ampm,
    "hhmm": calendar.hhmm,
    "named_time": calendar.named_time,
    "oclock": calendar.oclock,
    "at_hour": calendar.at_hour,
    "part": calendar.part,
    "month_only": calendar.month_only,
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
            if len(pieces) == MAX_PIECES:
                break
    return pieces
