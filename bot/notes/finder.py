"""`/crm search`: the query grammar, and a page of matching notes with a snippet around each match.

    <words or "quoted phrases"> [#tag] [customer:acme | customer:"Acme Health" | 客户:阿里巴巴]
    [from:@U123 | from:<@U123|name>] [since:2026-01-01 | since:7d] [until:2026-02-01]

Words may be English or Chinese, and every one must occur in the note (a substring, ignoring case).
A query with a control character in it is refused (bot.core.validation: "input_control_chars").
`since` is the start of that day, `until` the end of that day (both inclusive), in the zone given
(UTC by default); `since:7d` / `since:2w` count back from now. A filter that cannot be read raises
UserError("search_bad_filter", filter=…, value=…); a query with nothing in it, "search_empty".
Order: relevance, then newest first (the rule and its window are in storage/search.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NoReturn

from bot.core import validation
from bot.core.errors import UserError
from bot.language import normalize_name
from bot.language.tags import normalize_tag
from storage.db import Database
from storage.search import SearchQuery, SearchRow, search_notes

__all__ = ["SearchHit", "SearchQuery", "SearchResults", "parse_query", "search"]

SNIPPET_CHARS = 160

# One token: `key:"quoted value"`, `key:value`, a quoted phrase, or a bare word. Quotes may be
# straight, curly or corner brackets; a full-width colon works like a colon (客户：阿里巴巴).
_QUOTED = r"\"[^\"]*\"?|“[^”]*”?|「[^」]*」?"
_TOKEN = re.compile(
    rf"(?:(?P<key>[^\s:：\"“「]+)[:：](?P<value>{_QUOTED}|\S*))|(?P<phrase>{_QUOTED})|(?P<word>\S+)"
)
_KEYS = {"customer": "customer", "客户": "customer", "from": "from", "since": "since", "until": "until"}
_USER = re.compile(r"^(?:<@(?P<mention>[UW][A-Z0-9]+)(?:\|[^>]*)?>|@?(?P<plain>[UW][A-Z0-9]+))$")
_RELATIVE = re.compile(r"^(?P<count>\d{1,4})(?P<unit>[dw])$")


@dataclass(frozen=True)
class SearchHit:
    note_id: int
    customer_id: int
    customer_name: str
    author_id: str
    snippet: str  # the body around the first match, with "…" where it was cut
    highlights: tuple[tuple[int, int], ...]  # (start, end) of each term found in the snippet
    created_at: datetime
    permalink: str | None
    score: int


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    hits: tuple[SearchHit, ...]
    page: int
    per_page: int
    total: int  # matches ranked; a lower bound when `total_is_exact` is False
    total_is_exact: bool
    has_more: bool  # a next page exists


def parse_query(text: str, *, now: datetime | None = None, tz: tzinfo = UTC) -> SearchQuery:
    terms: list[str] = []
    tags: list[str] = []
    customer: str | None = None
    author: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    for token in _TOKEN.finditer(unicodedata.normalize("NFC", validation.plain(text))):
        key = _KEYS.get((token.group("key") or "").casefold())
        value = _unquote(token.group("value") or "")
        if key == "customer":
            customer = normalize_name(value) or _bad("customer", value)
        elif key == "from":
            author = _user(value)
        elif key == "since":
            since = _day_start(value, "since", now, tz)
        elif key == "until":
            until = _day_start(value, "until", now, tz) + timedelta(days=1)
        elif token.group("phrase") is not None:
            phrase = " ".join(_unquote(token.group("phrase")).split())
            if phrase:
                terms.append(phrase)
        else:
            word = token.group(0)
            tag = _tag(word)
            if tag is not None:
                tags.append(tag)
            else:
                terms.append(word)
    if since is not None and until is not None and since >= until:
        _bad("until", text)
    return SearchQuery(
        terms=tuple(dict.fromkeys(terms)),
        tags=tuple(dict.fromkeys(tags)),
        customer=customer,
        author_id=author,
        since=since,
        until=until,
    )


def search(
    *,
    db: Database,
    team_id: str,
    text: str,
    now: datetime,
    page: int = 1,
    per_page: int = 10,
    tz: tzinfo = UTC,
) -> SearchResults:
    query = parse_query(text, now=now, tz=tz)
    if query.is_empty:
        raise UserError("search_empty")
    page = max(page, 1)
    with db.session() as session:
        found = search_notes(
            session=session, team_id=team_id, query=query, limit=per_page, offset=(page - 1) * per_page
        )
    hits = tuple(_hit(row, query.terms) for row in found.rows)
    return SearchResults(
        query=query,
        hits=hits,
        page=page,
        per_page=per_page,
        total=found.total,
        total_is_exact=found.complete,
        has_more=page * per_page < found.total,
    )


def _unquote(value: str) -> str:
    if value[:1] in ('"', "“", "「"):
        value = value[1:]
        if value[-1:] in ('"', "”", "」"):
            value = value[:-1]
    return value.strip()


def _tag(word: str) -> str | None:
    if word[:1] not in ("#", "＃") or len(word) < 2:
        return None
    tag = normalize_tag(word[1:])
    return tag if re.fullmatch(r"\w[\w-]*", tag) else None


def _user(value: str) -> str:
    match = _USER.match(value)
    if match is None:
        _bad("from", value)
    return match.group("mention") or match.group("plain")


def _day_start(value: str, name: str, now: datetime | None, tz: tzinfo) -> datetime:
    relative = _RELATIVE.match(value)
    if relative is not None and now is not None:
        days = int(relative.group("count")) * (7 if relative.group("unit") == "w" else 1)
        day = now.astimezone(tz).date() - timedelta(days=days)
    else:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            _bad(name, value)
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def _bad(name: str, value: str) -> NoReturn:
    raise UserError("search_bad_filter", filter=name, value=value)


def _hit(row: SearchRow, terms: tuple[str, ...]) -> SearchHit:
    snippet, highlights = make_snippet(row.body, terms)
    return SearchHit(
        note_id=row.note_id,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        author_id=row.author_id,
        snippet=snippet,
        highlights=highlights,
        created_at=row.created_at,
        permalink=row.permalink,
        score=row.score,
    )


def make_snippet(body: str, terms: tuple[str, ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About SNIPPET_CHARS of `body` around its first match, and where the terms are in it."""
    text = " ".join(body.split())
    folded = text.casefold()  # same length as `text` for the scripts notes are written in
    positions = [at for term in terms if (at := folded.find(term.casefold())) >= 0]
    first = min(positions, default=0)
    start = max(0, min(first - SNIPPET_CHARS // 4, len(text) - SNIPPET_CHARS))
    end = min(len(text), start + SNIPPET_CHARS)
    snippet = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    highlights: list[tuple[int, int]] = []
    window = snippet.casefold()
    for term in terms:
        wanted = term.casefold()
        for found in re.finditer(re.escape(wanted), window):
            highlights.append((found.start(), found.end()))
    return snippet, tuple(sorted(set(highlights)))
