"""One note in, one ParsedNote out: the grammars run over the text after the customer's name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.language.amounts import find_amount
from bot.language.category import find_category
from bot.language.channels import find_channel
from bot.language.customers import find_customer
from bot.language.dates import Moment, find_moments, refusal
from bot.language.keywords import english_hits
from bot.language.lexicon import tokens
from bot.language.markup import Marked, mark, tidy
from bot.language.messages import message
from bot.language.model import FollowUp, ParsedNote
from bot.language.scripts import CONTROL, clause, has_han, is_han, words
from bot.language.tags import find_tags, tag_spans, without_tags

MAX_CHARS = 4000
_LEADING_SEPARATORS = re.compile(r"[\s:：,，\-–—]+")
# Words left dangling once the date is cut out of a task: "call back (by) friday", "send it (on) dec 5".
_EDGE_PUNCT = " \t\n,，:：;；-–—"
_LEADING_WORDS = words("and to then please by on at before until due")
_TRAILING_WORDS = words("and or by on at before until for due from after")


def _trim_edges(text: str) -> str:
    while True:
        text = text.strip(_EDGE_PUNCT)
        head, _, rest = text.partition(" ")
        if head and head.lower() in _LEADING_WORDS:
            text = rest
            continue
        rest, _, tail = text.rpartition(" ")
        if rest and tail.lower() in _TRAILING_WORDS:
            text = rest
            continue
        return text


@lru_cache(maxsize=512)
def zone_named(tz: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_now(now: datetime, zone: ZoneInfo) -> datetime:
    # A naive `now` is wall-clock time in the note's zone; an aware one is converted into it.
    return now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)


def failed(code: str, lang: str, **values: object) -> ParsedNote:
    return ParsedNote(customer=None, body="", lang=lang, error=message(code, lang, **values), error_code=code)


def _input_problem(text: str) -> ParsedNote | None:
    lang = "zh" if has_han(text[:MAX_CHARS]) else "en"
    if len(text) > MAX_CHARS:
        return failed("too_long", lang, length=len(text), limit=MAX_CHARS)
    # Newline, carriage return and tab are ordinary in pasted notes; every other control character
    # (NUL, escape sequences, C1 codes) is a sign of a broken paste: refused, as everywhere
    # (bot.core.validation).
    if CONTROL.search(text):
        return failed("control_chars", lang)
    if not text.strip():
        return failed("empty", lang)
    return None


# When a note names several future times, the one told as the follow-up wins ("demo friday, follow
# up next tuesday"); otherwise the first.
_FOLLOW_UP_WORDS = re.compile(
    r"follow(?:ing)?[- ]?up|followup|remind|check(?:ing)?[- ](?:in|back)|circle back|call(?:ing)? back"
    r"|touch base|revisit|next step|ping|chase|nudge|reach out|get back|try again"
    r"|跟进|回访|提醒|再联系|联系|回复|答复|复盘|催"
)


def _follow_up_moment(scan: str, future: list[Moment]) -> Moment | None:
    if len(future) > 1:
        for moment in future:
            left, right = clause(scan, moment.start, moment.end)
            if _FOLLOW_UP_WORDS.search(scan, left, right):
                return moment
    return future[0] if future else None


def _follow_up_text(body: Marked, moment: Moment, moments: list[Moment], whole: bool) -> str:
    """The words of the follow-up: its clause (the whole body for /followup) without dates or tags."""
    readable, scan = body.readable, body.scan
    left, right = (0, len(scan)) if whole else clause(scan, moment.start, moment.end)
    cuts = [(m.start, m.end) for m in moments if m.start < right and m.end > left]
    if "#" in scan[left:right]:
        cuts = sorted([*cuts, *tag_spans(scan, left, right)])
    text = _cut(readable, left, right, cuts)
    if not text and not whole:  # "due 12/15": nothing left of the clause; say the whole note instead
        text = _cut(readable, 0, len(readable), cuts)
    return text or ("跟进" if has_han(readable) else "follow up")


def _cut(readable: str, left: int, right: int, cuts: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    pos = left
    for start, stop in cuts:
        if start > pos:
            # 请在(周三前)回复: the 在 belonged to the date that is cut out.
            parts.append(readable[pos : min(start, right)].removesuffix("在").removesuffix("于"))
        parts.append("" if _han_edge(readable, start, stop) else " ")
        pos = max(pos, stop)
    parts.append(readable[pos:right])
    return _trim_edges(tidy("".join(parts)))


def _han_edge(readable: str, start: int, stop: int) -> bool:
    return start > 0 and stop < len(readable) and is_han(readable[start - 1]) and is_han(readable[stop])


def _parse(
    text: str, *, now: datetime, tz: str, known: Iterable[str], default_currency: str, followup: bool
) -> ParsedNote:
    problem = _input_problem(text)
    if problem is not None:
        return problem
    zone = zone_named(tz)
    if zone is None:
        detail = f"Unknown time zone {tz!r}; use an IANA name like Europe/London."
        return failed("bad_request", "en", detail=detail)
    marked = mark(text)
    found = find_customer(marked.readable, known, marked.scan)
    start = found.body_start
    lead = _LEADING_SEPARATORS.match(marked.readable, start)
    if lead is not None:
        start = lead.end()
    body = Marked(marked.readable[start:], marked.scan[start:], marked.mentions)
    lang = "zh" if has_han(body.scan) else "en"
    tags = find_tags(body.scan, body.readable)
    bare = without_tags(body.scan) if tags else body.scan
    if not bare.strip() and not body.mentions:
        if tags and found.name is None:
            return failed("only_tags", lang)
        if not tags:
            return failed("no_body", lang, customer=found.name or "acme")
    han = lang == "zh"
    words = tokens(body.scan)
    moments = find_moments(body.scan, local_now(now, zone), words, han=han, followup=followup)
    refused = refusal(moments, body.readable, lang, followup=followup)
    if refused is not None:  # a date that does not exist, is too far, or (for /followup) is past or missing
        code, values = refused
        return ParsedNote(
            customer=found.name,
            customer_known=found.known,
            customer_alternative=found.alternative,
            body=tidy(body.readable),
            tags=tags,
            mentions=marked.mentions,
            lang=lang,
            error=message(code, lang, **values),
            error_code=code,
        )
    hits = english_hits(body.scan, words)
    future = _follow_up_moment(body.scan, [m for m in moments if not m.past])
    past = next((m for m in moments if m.past), None)
    follow_up = FollowUp(future.at, _follow_up_text(body, future, moments, followup)) if future else None
    return ParsedNote(
        customer=found.name,
        customer_known=found.known,
        customer_alternative=found.alternative,
        body=tidy(body.readable),
        tags=tags,
        mentions=marked.mentions,
        channel=find_channel(body.scan, han=han, hits=hits),
        category=find_category(body.scan, han=han, hits=hits),
        follow_up=follow_up,
        occurred_at=past.at if past else None,
        amount=find_amount(body.scan, default_currency, words, han=han),
        lang=lang,
    )


def parse_note(
    text: str, *, now: datetime, tz: str, known: Iterable[str] = (), default_currency: str = "USD"
) -> ParsedNote:
    return _parse(text, now=now, tz=tz, known=known, default_currency=default_currency, followup=False)


def parse_followup(
    text: str, *, now: datetime, tz: str, known: Iterable[str] = (), default_currency: str = "USD"
) -> ParsedNote:
    """`/followup <customer> <when> <what>`: the same grammar, but a future time is required."""
    return _parse(text, now=now, tz=tz, known=known, default_currency=default_currency, followup=True)
