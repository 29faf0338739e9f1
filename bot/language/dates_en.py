"""The English date grammar: relative days, weekdays, spans, month-day forms and clock times."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from bot.language import dates_en_calendar as calendar
from bot.language import dates_en_relative as relative
from bot.language.dates_holidays import HOLIDAY_NAMES
from bot.language.grammar import FOLLOW, Grammar, Start, digit_key
from bot.language.lexicon import Token, tokens
from bot.language.numerals import HOUR_WORD, HOUR_WORDS, ORDINAL_WORD
from bot.language.timeline import MAX_PIECES, Match, Piece

_WD_FULL = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday|s)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|saturday|sunday)"
)
_WD_ANY = _WD_FULL[:-1] + r"|sat(?:urday)?|sun(?:day)?)"
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH = _MONTH_NAME + r"\.?"
_COUNT = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several)"
)
_UNIT = (
    r"(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|(?:business\s+|working\s+)?days?|w(?:ee)?ks?|fortnights?"
    r"|months?|mos?|years?|yrs?)"
)
_ORD = r"(?:st|nd|rd|th)?"
# Which one, relative to now: "next", "this", "last" and their synonyms (see relative.which).
_WHICH = r"(?:next|this|last|coming|past|previous|following)"
# A year after a month and day: "dec 31, 1994", "28 june in 2020", "15 april of 87".
_YEAR = r"(?:\s*,?\s*(?:(?:of|in)\s+)?(?P<{0}_y>(?:19|20)\d\d)(?!\d)|\s+of\s+'?(?P<{0}_yy>\d\d)(?!\d))?"
# A day of a month, in digits or words: "3", "3rd", "third", "twenty-first".
_DAY = rf"(?:\d{{1,2}}{_ORD}|{ORDINAL_WORD})"
_AMPM = r"[ap]\.?m\.?(?![a-z])"
# Minutes said in words after an hour in words: "five-thirty", "six fifteen".
_MINUTE_WORD = r"(?:thirty|fifteen|forty[\s-]five|twenty|ten|oh[\s-]five)"
# The parts of the day that tell a bare hour's half: "8 tonight", "3 in the afternoon".
_PART_AFTER = (
    r"(?:tonight|tonite|this\s+(?:morning|afternoon|evening)|in\s+the\s+(?:morning|afternoon|evening)"
    r"|at\s+night|(?:tomorrow|today)\s+(?:morning|afternoon|evening|night))\b"
)
# What may follow "at 3" for it to be a time: not an amount, a range or a count of things.
_AT_END = r"(?![\d:/%]|[.,]\d|\s*(?:[ap]\.?m|-|[%$€£]))"

_PATTERN = rf"""
    (?P<after_tomorrow>(?:the\s+)?day\s+after\s+tomorrow|overmorrow)
  | (?P<before_yesterday>(?:the\s+)?day\s+before\s+yesterday)
  | (?P<reldate>\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|today|tdy|yesterday|tonight|tonite
                  |last\s+night|earlier\s+today)\b)
  | (?P<this_part>\bthis\s+(?:morning|afternoon|evening)\b)
  | (?P<eod>\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|close\s+of\s+business)\b)
  | (?P<end_of>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<eo_which>this\s+|next\s+|the\s+)?
                   (?P<eo_unit>week|month|quarter|year|q[1-4])|eow|eom|eoq|eoy)\b)
  | (?P<nth_wd>\b(?:the\s+)?(?P<nw_n>first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th))\s+
               (?P<nw_wd>{_WD_ANY})\s+(?:of|in)\s+
               (?:(?:the\s+)?(?P<nw_which>{_WHICH})\s+month|the\s+month|(?P<nw_m>{_MONTH})(?:\s+(?P<nw_y>(?:19|20)\d\d))?)\b)
  | (?P<wd_week>\b(?:the\s+)?(?P<ww_which>{_WHICH})\s+week(?:'s)?\s*(?:[-–,]\s*)?(?:on\s+)?
               (?P<ww_day>{_WD_ANY})\b)
  | (?P<wd_dom>\b(?P<wdd_wd>{_WD_FULL}|sat(?:urday)?|sun(?:day)?),?\s+
               (?:the\s+(?P<wdd_d>{_DAY})|(?P<wdd_n>\d{{1,2}}(?:st|nd|rd|th)
                 |(?:1[3-9]|2\d|3[01])(?=\s*(?:[,.;:!?)]|$|at\b|@))))
               (?![\d:]|\.\d|[a-z]|\s*(?:[ap]\.?m\b|o'?clock|%)))
  | (?P<wd>\b(?:(?P<wd_which>{_WHICH})\s+(?P<wd_q>{_WD_ANY})|(?:the\s+)?(?P<wd_bare>{_WD_FULL}))\b
           (?P<wd_an>\s+after\s+next\b)?
           (?:\s+(?:of\s+)?(?:the\s+)?(?P<wd_after>{_WHICH})\s+week\b)?)
  | (?P<weekend>\b(?:(?P<we_which>this|next|last|the|over\s+the)\s+)?weekend\b)
  | (?P<period>\b(?:(?P<pe_pre>early|late|later|sometime)\s+)?
               (?:(?P<pe_which>{_WHICH})\s+(?P<pe_unit>week|month|year)(?!'s)|the\s+(?P<pe_an>week|month|year)\s+after\s+next)\b)
  | (?P<within>\b(?:in|within|after)\s+(?P<in_n>{_COUNT})\s+(?P<in_u>{_UNIT})\b
               |\b(?P<ag_n>{_COUNT})\s+(?P<ag_u>{_UNIT})\s+
                (?P<ag_dir>ago|back|earlier|(?:from|after)\s+(?:now|today|tomorrow)|later|out)\b
               |\bin\s+(?P<half>half\s+an?\s+hour|an?\s+hour\s+and\s+a\s+half)\b)
  | (?P<holiday>\b(?:(?P<ho_which>this|next|last)\s+)?(?P<ho_name>{HOLIDAY_NAMES})
                (?:\s+(?:of\s+)?(?:(?P<ho_rel>this|next|last)\s+year|(?P<ho_y>(?:19|20)\d\d)(?!\d)))?\b)
  | (?P<mixed>(?<![\w/.-])(?:(?P<mx_m1>{_MONTH_NAME})[-/.](?P<mx_a1>\d{{1,4}})[-/.](?P<mx_b1>\d{{1,4}})
              |(?P<mx_a2>\d{{1,4}})[-/.](?P<mx_m2>{_MONTH_NAME})[-/.](?P<mx_b2>\d{{1,4}})
              |(?P<mx_a3>\d{{1,4}})[-/.](?P<mx_b3>\d{{1,4}})[-/.](?P<mx_m3>{_MONTH_NAME}))(?![\w/-]))
  | (?P<iso>(?<![\d/.])(?<!\d-)(?P<iso_y>(?:19|20)\d\d)[-/.](?P<iso_m>\d{{1,2}})[-/.](?P<iso_d>\d{{1,2}})
            (?:[t\s-]?(?P<iso_h>[01]?\d|2[0-3]):(?P<iso_min>[0-5]\d)(?::\d\d)?)?(?![\d/]))
  | (?P<compact>(?<![\d#])(?P<cp_y>(?:19|20)\d\d)(?P<cp_m>0[1-9]|1[0-2])(?P<cp_d>0[1-9]|[12]\d|3[01])(?!\d))
  | (?P<spaced>(?<![\d#])(?P<sp_y>(?:19|20)\d\d)\s(?P<sp_m>1[0-2]|0?[1-9])\s
               (?P<sp_d>3[01]|[12]\d|0?[1-9])(?![\d:]))
  | (?P<month_day>(?<![\d/.:-])(?:(?P<mdd_m>0[1-9])-(?P<mdd_d>[0-2]\d|3[01])|(?P<mdt_m>1[0-2]|0?[1-9])[·•]
                 (?P<mdt_d>3[01]|[12]\d|0?[1-9]))(?![\d-]))
  | (?P<dmy>(?<![\d/.:-])(?P<dmy_d>\d{{1,2}})[.-](?P<dmy_m>\d{{1,2}})[.-](?P<dmy_y>(?:19|20)\d\d)(?![\d.-]))
  | (?P<md>\b(?P<md_m>{_MONTH})\s*(?:the\s+)?(?P<md_d>{_DAY})
            (?![\d:%.,]\d|\s*(?:%|k\b|m\b|am\b|pm\b|[ap]\.m))\b{_YEAR.format("md")})
  | (?P<dm>\b(?:the\s+)?(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?![a-z]){_YEAR.format("dm")})
  | (?P<nth>\b(?:the\s+(?P<nth_d>\d{{1,2}}(?:st|nd|rd|th))\b
                 (?:\s+of\s+(?:the\s+)?(?:(?P<nth_which>next|this|following|coming)\s+month|month\b))?
               |the\s+(?P<nth_w>{ORDINAL_WORD})\s+of\s+(?:the\s+)?(?:(?P<nth_ww>next|this|following|coming)\s+month|month)\b
               |(?P<nth_pre>this|next)\s+month'?s\s+(?P<nth_d2>{_DAY})\b))
  | (?P<us>(?<![\d/.:$€£¥-])(?P<us_a>\d{{1,2}})/(?P<us_b>\d{{1,2}})(?:/(?P<us_y>(?:19|20)\d\d|\d\d))?
           (?![\d/%]|\.\d|\s+of\b))
  | (?P<range>(?<![\d.:/$€£¥])(?:(?:at|from|between)\s+)?(?P<rg_h>1[0-2]|0?[1-9])(?::(?P<rg_m>[0-5]\d))?
             \s*(?P<rg_ap>[ap])?\.?m?\.?\s*(?:-|–|to|and)\s*(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?P<rg_ap2>[ap])\.?m\.?(?![a-z]))
  | (?P<ampm>(?<![\w.:/$€£¥])(?P<ap_at>(?:at|around)\s+|@\s*)?(?P<ap_h>1[0-2]|0?[1-9]|{HOUR_WORD})
             (?:[:.](?P<ap_m>[0-5]\d))?(?:\s*(?P<ap>[ap])\.?m\.?|(?<=\d)(?P<ap1>[ap]))(?![a-z]))
  | (?P<past_to>\b(?:(?:at|around)\s+)?(?P<pt_m>quarter|half|twenty[\s-]five|twenty|ten|five|\d{{1,2}})\s+
                (?:minutes\s+)?(?P<pt_dir>past|after|to|before|til)\s+(?P<pt_h>1[0-2]|0?[1-9]|{HOUR_WORD})
                (?:\s*(?P<pt_ap>[ap])\.?m\.?(?![a-z]))?{_AT_END})
  | (?P<hhmm>(?<![\d.:/$€£¥])(?:at\s+|@\s*|around\s+)?(?P<hm_h>[01]?\d|2[0-3]):(?P<hm_m>[0-5]\d)
             (?![\d:]|\s*[ap]\.?m))
  | (?P<hours>(?<![\d.:/$€£¥])(?P<hs_h>[01]\d|2[0-3])(?P<hs_m>[0-5]\d)\s?(?:h|hrs)\b)
  | (?P<spelled>\b(?:(?:at|around)\s+)?(?P<sw_h>{HOUR_WORD})[\s-](?P<sw_m>{_MINUTE_WORD})\b{_AT_END}
               |\b(?:at|around)\s+(?P<sw_at>{HOUR_WORD})\b(?:\s*o'?clock\b)?{_AT_END}
               (?!\s+(?!(?:today|tomorrow|tmrw|tonight|on|next|this|in\s+the|at\s+night)\b|mon|tue|wed|thu|fri|sat|sun)[a-z]))
  | (?P<named_time>\b(?:at\s+)?(?:12\s+)?(?P<nt>noon|midday|midnight)\b)
  | (?P<oclock>\b(?:at\s+)?(?P<oc_h>1[0-2]|[1-9]|{HOUR_WORD})\s*o'?clock\b)
  | (?P<at_hour>\b(?:at|around)\s+(?P<at_h>1[0-2]|[1-9]){_AT_END})
  | (?P<bare_hour>(?<![\w.:/$€£¥-])(?P<bh_h>1[0-2]|[1-9])(?=\s*,?\s+{_PART_AFTER}))
  | (?P<month_only>\b(?P<mo_pre>in|by|before|until|early|mid|late|end\s+of)\s+(?P<mo_m>{_MONTH})
                   (?![a-z.]|\.?\s*\d))
  | (?P<part>\b(?:in\s+the\s+)?(?P<pt>morning|afternoon|evening|night)\b|\bat\s+(?P<pt_night>night)\b)
    """
# The words each expression can start with, and the digit runs ("00/": two digits and a slash, "0s": a
# digit and a space), see grammar.py. A word of a note that starts none of them is never tried.
_WEEKDAY_WORDS = (
    "mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday saturday sunday"
)
_ANY_WEEKDAY_WORDS = _WEEKDAY_WORDS + " sat sun"
_WHICH_WORDS = "next this last coming past previous following"
_MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september"
    " oct october nov november dec december"
)
_COUNT_WORDS = (
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty couple few"
    " several"
)
_HOUR_WORDS = " ".join(HOUR_WORDS)
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth twenty thirty"
)
_FIRST = {
    "after_tomorrow": "the day overmorrow",
    "before_yesterday": "the day",
    "reldate": "tomorrow tmrw tmr tomorow tommorow tommorrow today tdy yesterday tonight tonite last earlier",
    "this_part": "this",
    "eod": "eod cob end close",
    "end_of": "the end eow eom eoq eoy",
    "nth_wd": "the first second third fourth fifth last 0a",
    "wd_week": f"the {_WHICH_WORDS}",
    "wd_dom": _ANY_WEEKDAY_WORDS,
    "wd": f"the {_WHICH_WORDS} {_WEEKDAY_WORDS}",
    "weekend": "this next last the over weekend",
    "period": f"early late later sometime the {_WHICH_WORDS}",
    "within": f"in within after {_COUNT_WORDS} 0s 00s 000s",
    "holiday": (
        "this next last new valentine valentines independence halloween christmas xmas boxing"
        " thanksgiving labor labour memorial mother mothers father fathers"
    ),
    "mixed": f"0- 0/ 0p 00- 00/ 00p 000- 000/ 000p 0000- 0000/ 0000p {_MONTH_WORDS}",
    "iso": "0000- 0000/ 0000p",
    "compact": "00000000*",
    "spaced": "0000s",
    "month_day": "00- 0· 00·",
    "dmy": "0p 0- 00p 00-",
    "md": _MONTH_WORDS,
    "dm": f"the 0a 00a 0s 00s {_ORDINAL_WORDS}",
    "nth": "the this next",
    "us": "0/ 00/",
    "range": "at from between 0: 00: 0s 00s 0a 00a 0p 00p 0- 00- 0– 00–",
    "ampm": f"at around @ 0: 00: 0p 00p 0s 00s 0a 00a {_HOUR_WORDS}",
    "past_to": "at around quarter half twenty ten five 0s 00s",
    "hhmm": "at around @ 0: 00:",
    "hours": "0000s 0000a",
    "spelled": f"at around {_HOUR_WORDS}",
    "named_time": "at noon midday midnight 00s",
    "oclock": f"at 0s 00s 0a 00a {_HOUR_WORDS}",
    "at_hour": "at around",
    "bare_hour": "0s 00s 0c 00c",
    "month_only": "in by before until early mid late end",
    "part": "in at morning afternoon evening night",
}
GRAMMAR = Grammar(_PATTERN, _FIRST, starts=r"(?!)", every_start=r"[0-9@]|\b[a-z]", follow=FOLLOW)
# The words that start an expression (a test checks that they hide no match from the grammar).
START_WORDS = frozenset(key for key in GRAMMAR.keys if not key[0].isdigit())

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
    "nth_wd": relative.nth_weekday,
    "wd_dom": relative.weekday_and_day,
    "holiday": relative.holiday,
    "mixed": calendar.mixed,
    "iso": calendar.iso,
    "compact": calendar.compact,
    "spaced": calendar.spaced,
    "month_day": calendar.month_day,
    "dmy": calendar.dmy,
    "md": calendar.md,
    "dm": calendar.dm,
    "nth": calendar.nth,
    "us": calendar.us,
    "range": calendar.range,
    "ampm": calendar.ampm,
    "past_to": calendar.past_to,
    "hhmm": calendar.hhmm,
    "hours": calendar.hours,
    "spelled": calendar.spelled,
    "named_time": calendar.named_time,
    "oclock": calendar.oclock,
    "at_hour": calendar.at_hour,
    "bare_hour": calendar.bare_hour,
    "part": calendar.part,
    "month_only": calendar.month_only,
}


def _starts(words: Sequence[Token]) -> list[Start]:
    # One comprehension over the note's words: most of them start nothing and cost only the test. A
    # token up to "9" is a run of digits (or a currency sign, whose key starts nothing).
    return [
        (start, word if word[0] > "9" else digit_key(word))
        for start, word in words
        if word[0] <= "9" or word in START_WORDS
    ]


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
