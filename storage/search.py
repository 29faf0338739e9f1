"""Full-text search over live notes: which notes match, and in what order.

Matching: every term must occur in the note's body as a substring, ignoring case (on SQLite, case
of ASCII letters only); every tag must be on the note; customer, author and dates narrow further.
Deleted notes never match. The indexes come from migration 0004:
  SQLite      FTS5 trigram index (detail=none, so it yields candidates that are re-checked with
              instr). A term of one or two characters has no trigram of its own; it is looked up
              as "any indexed trigram that starts with it" in the index's vocabulary, which the
              padding added by the migration makes complete (華为 at the very end of a note too).
              A short term that starts too many trigrams is common, so a newest-first scan meets
              its matches soon: it is only re-checked.
  PostgreSQL  ILIKE, served by pg_trgm's GIN index; CJK pairs (华为) by the note_search_bigrams GIN.

Ranking (the rule): the newest WINDOW matches, newest filed first, are scored and sorted by
score, then created_at, then id, all descending. A term scores 2 when it stands as a whole word
somewhere in the note (CJK text has no spaces, so CJK matches always do) and 1 when it occurs only
inside a longer word ("ai" in "email"); several terms score 1 more when they occur together as
typed. Older matches beyond the window are not ranked: `SearchPage.complete` is False, and filters
(customer, dates) reach them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, column, exists, func, literal, select, table, text
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col

from storage.models import Customer, CustomerName, Note, NoteTag, Tag

PAD = "\x1f\x1f"  # what migration 0004 appends to every indexed body
WINDOW = 200  # matches ranked per query; see the module docstring
MAX_EXPANSION = 64  # a short term starting more indexed trigrams than this is common: scan instead
_SEARCH_OBJECTS = ("note_search", "ix_note_search")
_CJK = 0x2E80  # the migration's bigram index keeps pairs of characters at or above this code point
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic `include_name` hook: the search indexes are not SQLModel tables, so schema
    comparisons (autogenerate, the migration test) must leave them out."""
    return not (name and name.startswith(_SEARCH_OBJECTS))


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[str, ...] = ()  # words and quoted phrases; each must occur
    tags: tuple[str, ...] = ()  # lower-case, without '#'; each must be on the note
    customer: str | None = None  # a normalised customer name or alias
    author_id: str | None = None
    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.tags or self.customer or self.author_id or self.since or self.until)


@dataclass(frozen=True)
class SearchRow:
    note_id: int
    customer_id: int
    customer_name: str
    author_id: str
    body: str
    created_at: datetime
    permalink: str | None
    score: int


@dataclass(frozen=True)
class SearchPage:
    rows: list[SearchRow]
    total: int  # matches ranked (at most WINDOW)
    complete: bool  # False when more, older matches exist beyond the ranked window


def search_notes(
    *, session: Session, team_id: str, query: SearchQuery, limit: int, offset: int
) -> SearchPage:
    terms = tuple(t for t in (term.strip() for term in query.terms) if t)
    if query.is_empty or (not terms and query.terms):
        return SearchPage(rows=[], total=0, complete=True)
    sqlite = session.get_bind().dialect.name == "sqlite"
    statement = _base(team_id, query)
    if query.customer is not None:
        ids = _customer_ids(session=session, team_id=team_id, normalized=query.customer)
        if not ids:
            return SearchPage(rows=[], total=0, complete=True)
        # A customer has few notes: read them all through its index rather than through the text index.
        statement = statement.where(col(Note.customer_id).in_(ids))
        statement = statement.where(*(_recheck(term, sqlite) for term in terms))
        statement = statement.order_by(col(Note.id).desc())
    elif sqlite:
        statement = _sqlite_text(session, statement, terms)
    else:
        statement = statement.where(*(_pg_match(term) for term in terms)).order_by(col(Note.id).desc())
    found = list(session.execute(statement.limit(WINDOW + 1)))
    complete = len(found) <= WINDOW
    ranked = sorted(
        (_row(found_row, terms) for found_row in found[:WINDOW]),
        key=lambda row: (row.score, row.created_at, row.note_id),
        reverse=True,
    )
    return SearchPage(rows=ranked[offset : offset + limit], total=len(ranked), complete=complete)


_COLUMNS = (
    col(Note.id),
    col(Note.customer_id),
    col(Customer.name),
    col(Note.author_id),
    col(Note.body),
    col(Note.created_at),
    col(Note.permalink),
)


def _base(team_id: str, query: SearchQuery) -> Select[Any]:
    statement = (
        select(*_COLUMNS)
        .join(Customer, col(Customer.id) == col(Note.customer_id))
        .where(col(Note.team_id) == team_id, col(Note.deleted_at).is_(None))
    )
    for tag in query.tags:
        statement = statement.where(
            exists()
            .where(col(NoteTag.note_id) == col(Note.id), col(NoteTag.tag_id) == col(Tag.id))
            .where(col(Tag.team_id) == team_id, col(Tag.name) == tag)
        )
    if query.author_id is not None:
        statement = statement.where(col(Note.author_id) == query.author_id)
    if query.since is not None:
        statement = statement.where(col(Note.created_at) >= query.since)
    if query.until is not None:
        statement = statement.where(col(Note.created_at) < query.until)
    return statement


def _customer_ids(*, session: Session, team_id: str, normalized: str) -> list[int]:
    statement = select(col(CustomerName.customer_id)).where(
        col(CustomerName.team_id) == team_id, col(CustomerName.normalized) == normalized
    )
    return [int(customer_id) for customer_id in session.execute(statement).scalars()]


def _sqlite_text(session: Session, statement: Select[Any], terms: tuple[str, ...]) -> Select[Any]:
    statement = statement.where(*(_recheck(term, True) for term in terms))
    groups = [group for term in terms if (group := _fts_group(session, term))]
    if not groups:
        return statement.order_by(col(Note.id).desc())
    fts = table("note_search", column("rowid"))
    match = " AND ".join(groups)
    # Driving from the FTS table newest rowid first lets SQLite stop after WINDOW + 1 re-checked hits.
    return (
        statement.join(fts, fts.c.rowid == col(Note.id))
        .where(text("note_search MATCH :match").bindparams(match=match))
        .order_by(fts.c.rowid.desc())
    )


def _fts_group(session: Session, term: str) -> str | None:
    """The FTS5 query that finds candidates for `term`, or None when the term is only re-checked."""
    folded = term.lower()
    if len(folded) >= 3:
        grams = dict.fromkeys(folded[i : i + 3] for i in range(len(folded) - 2))
        return "(" + " AND ".join(_quote(gram) for gram in grams) + ")"
    vocabulary = text(
        "SELECT term FROM note_search_vocab WHERE term >= :low AND term < :high LIMIT :cap"
    ).bindparams(low=folded, high=folded + "\U0010ffff", cap=MAX_EXPANSION + 1)
    starts = [str(term) for term in session.execute(vocabulary).scalars()]
    if not starts:
        return _quote((folded + PAD)[:3])  # no indexed trigram starts with it, so neither does this one
    if len(starts) > MAX_EXPANSION:
        return None
    return "(" + " OR ".join(_quote(start) for start in starts) + ")"


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _recheck(term: str, sqlite: bool) -> ColumnElement[bool]:
    if sqlite:
        return func.instr(func.lower(col(Note.body)), term.translate(_ASCII_LOWER)) > 0
    return col(Note.body).ilike("%" + _escape_like(term) + "%", escape="\\")


def _pg_match(term: str) -> ColumnElement[bool]:
    condition = _recheck(term, False)
    if len(term) == 2 and all(ord(char) >= _CJK for char in term):
        # pg_trgm finds no trigram in a two-character pattern; the bigram index answers instead.
        bigrams = func.note_search_bigrams(col(Note.body))
        return and_(bigrams.op("@>")(literal([term], postgresql.ARRAY(Text))), condition)
    return condition


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(found: Any, terms: tuple[str, ...]) -> SearchRow:
    note_id, customer_id, customer_name, author_id, body, created_at, permalink = found
    return SearchRow(
        note_id=int(note_id),
        customer_id=int(customer_id),
        customer_name=str(customer_name),
        author_id=str(author_id),
        body=str(body),
        created_at=created_at,
        permalink=permalink,
        score=score(str(body), terms),
    )


def score(body: str, terms: tuple[str, ...]) -> int:
    """The relevance of one note to the terms (see the module docstring)."""
    folded = body.casefold()
    total = 0
    for term in terms:
        wanted = term.casefold()
        total += 2 if _whole_word(folded, wanted) else 1 if wanted in folded else 0
    if len(terms) > 1 and " ".join(term.casefold() for term in terms) in folded:
        total += 1
    return total


def _whole_word(body: str, term: str) -> bool:
    for found in re.finditer(re.escape(term), body):
        before = body[found.start() - 1] if found.start() > 0 else " "
        after = body[found.end()] if found.end() < len(body) else " "
        if _edge(before, term[0]) and _edge(after, term[-1]):
            return True
    return False


def _edge(neighbour: str, inner: str) -> bool:
    # Between CJK characters there is no space to look for: every CJK match counts as a word.
    return ord(inner) >= _CJK or ord(neighbour) >= _CJK or not neighbour.isalnum()
