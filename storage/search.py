"""Full-text search over live notes: which notes match, and in what order.

Matching: every term must occur in the note's body as a substring, ignoring case (on SQLite, case
of ASCII letters only); every tag must be on the note; customer, author and dates narrow further.
Deleted notes never match. The indexes come from migrations 0004 and 0009:
  SQLite      FTS5 trigram index (detail=none, so it yields candidates that are re-checked with
              instr). A term of one or two characters has no trigram of its own; it is looked up
              as "any indexed trigram that starts with it" in the index's vocabulary, which the
              padding added by the migration makes complete (华为 at the very end of a note too).
              A short term that starts too many trigrams is common, so a newest-first scan meets
              its matches soon: it is only re-checked.
  PostgreSQL  ILIKE, served by pg_trgm's GIN index, whose first column buckets note ids by
              BUCKET so that the newest can be asked for alone; CJK pairs (华为) by the
              note_search_bigrams GIN. A note being read is re-checked with lower() and strpos(),
              the test ILIKE makes, in a form the planner cannot hand to the text index.

Which path reads the notes, so that each query touches a bounded number of rows:
  customer:   that customer's notes (few), words re-checked;
  from:       that person's notes newest first, within since/until, words re-checked;
  #tag        the tag's notes newest first (ix_note_search_tag walked backwards), each read by
              primary key and re-checked, stopping at WINDOW + 1 matches; given words, past its
              newest TAG_WALK notes only if the words are no rarer among them than the tag is
              among all notes, else the older notes go the words' way, with the tag as a filter;
  words       SQLite: the FTS5 index walked newest rowid first, stopping at WINDOW + 1 matches;
              PostgreSQL: the newest RECENT notes first, then the GIN index one bucket at a time,
              newest first, then the GIN indexes for the rest;
  filters     (since:, until: alone) the notes newest first.

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

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    column,
    exists,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col

from storage.models import Customer, CustomerName, Note, NoteTag, Tag

PAD = "\x1f\x1f"  # what migration 0004 appends to every indexed body
WINDOW = 100  # matches ranked per query; see the module docstring
RECENT = 5_000  # PostgreSQL: note ids read newest first before the text index is asked (_pg_text)
TAG_WALK = 4_000  # a tag's newest notes checked for the words before the text index is asked
BUCKET = 65_536  # PostgreSQL: note ids per bucket of ix_note_search_trgm_bucket (migration 0009)
BUCKET_STEPS = 4  # PostgreSQL: buckets asked one at a time before the index is asked for the rest
MAX_EXPANSION = 64  # a short term starting more indexed trigrams than this is common: scan instead
_CJK = 0x2E80  # the migration's bigram index keeps pairs of characters at or above this code point
_TRIGRAM = re.compile(r"[^\W_]{3}")  # three letters or digits in a row: pg_trgm can index the term
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
    if not sqlite:
        # psycopg prepares a statement run five times, and PostgreSQL may then plan it once for any
        # term: a plan that cannot know 华为 is rare walks the whole table. Plan for the actual term.
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        # Each query here reads a bounded handful of rows; starting parallel workers costs more (~15 ms).
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    found = _matches(session, team_id, query, terms, sqlite)
    if found is None:
        return SearchPage(rows=[], total=0, complete=True)
    names = _customer_names(session, team_id, {int(row[1]) for row in found})
    ranked = sorted(
        (_row(found_row, names, terms) for found_row in found[:WINDOW]),
        key=lambda row: (row.score, row.created_at, row.note_id),
        reverse=True,
    )
    return SearchPage(rows=ranked[offset : offset + limit], total=len(ranked), complete=len(found) <= WINDOW)


def _matches(
    session: Session, team_id: str, query: SearchQuery, terms: tuple[str, ...], sqlite: bool
) -> list[Any] | None:
    """Up to WINDOW + 1 matches, newest filed first; None when a named customer or tag does not exist."""
    statement = _base(team_id, query)
    tag_ids = _tag_ids(session, team_id, query.tags)
    if len(tag_ids) < len(query.tags):
        return None
    statement = statement.where(*(_has_tag(tag_id) for tag_id in tag_ids[1:]))
    if query.customer is not None:
        ids = _customer_ids(session=session, team_id=team_id, normalized=query.customer)
        if not ids:
            return None
        # A customer has few notes: read them all through its index rather than through the text index.
        statement = statement.where(col(Note.customer_id).in_(ids), *(_recheck(t, sqlite) for t in terms))
        statement = statement.where(*(_has_tag(tag_id) for tag_id in tag_ids[:1]))
        return _run(session, statement.order_by(col(Note.id).desc()))
    if query.author_id is not None:
        # One person's notes newest first (ix_note_team_author_created, bounded by since/until):
        # at most that person's notes are read, where the text index would yield everyone's.
        statement = statement.where(*(_has_tag(tag_id) for tag_id in tag_ids[:1]))
        statement = statement.where(*(_recheck(t, sqlite) for t in terms))
        return _run(session, statement.order_by(col(Note.created_at).desc(), col(Note.id).desc()))
    found: list[Any] = []
    below: int | None = None
    if tag_ids:
        found, below = _tagged(session, statement, tag_ids[0], terms, sqlite)
        if below is None or len(found) > WINDOW:
            return found
        # The words are uncommon among the tag's notes: the text index meets the older ones sooner.
        statement = statement.where(col(Note.id) < below, _has_tag(tag_ids[0]))
    want = WINDOW + 1 - len(found)
    if sqlite:
        return found + _run(session, _sqlite_text(session, statement, terms), want)
    return found + _pg_text(session, statement, terms, want, below)


def _has_tag(tag_id: int) -> ColumnElement[bool]:
    # Correlated to the note only: a tag walk joins note_tag itself (see _walk_tag).
    return exists().where(col(NoteTag.note_id) == col(Note.id), col(NoteTag.tag_id) == tag_id).correlate(Note)


def _tagged(
    session: Session, statement: Select[Any], tag_id: int, terms: tuple[str, ...], sqlite: bool
) -> tuple[list[Any], int | None]:
    """Matches among a tag's notes, newest first: ix_note_search_tag is walked backwards and each
    note is read by primary key and re-checked, until WINDOW + 1 match. Given words, the newest
    TAG_WALK notes are walked first; if the words prove rarer among them than the tag is among all
    notes, the text index meets the older matches sooner: the lowest note id walked comes back for
    it (else None)."""
    ids = select(col(NoteTag.note_id)).where(col(NoteTag.tag_id) == tag_id)
    newest = ids.order_by(col(NoteTag.note_id).desc())
    checked = statement.where(*(_recheck(term, sqlite) for term in terms))
    floor = session.execute(newest.offset(TAG_WALK - 1).limit(1)).scalar() if terms else None
    if floor is None:
        return _walk_tag(session, checked, tag_id, [], WINDOW + 1, sqlite), None
    found = _walk_tag(session, checked, tag_id, [col(NoteTag.note_id) >= floor], WINDOW + 1, sqlite)
    if len(found) > WINDOW:
        return found, None
    span = (session.execute(newest.limit(1)).scalar() or floor) - floor + 1
    if len(found) * span < TAG_WALK * TAG_WALK:  # share of words among walked < share of tag among all
        return found, floor
    older = [col(NoteTag.note_id) < floor]
    return found + _walk_tag(session, checked, tag_id, older, WINDOW + 1 - len(found), sqlite), None


def _walk_tag(
    session: Session, checked: Select[Any], tag_id: int, bounds: list[Any], want: int, sqlite: bool
) -> list[Any]:
    bounds = [col(NoteTag.tag_id) == tag_id, *bounds]
    if sqlite:  # SQLite walks the tag's index backwards for this order by itself
        walk = checked.join(NoteTag, col(NoteTag.note_id) == col(Note.id)).where(*bounds)
        return _run(session, walk.order_by(col(NoteTag.note_id).desc()), want)
    # Planned as a join, PostgreSQL reads every match of a word it guesses rare from the text index, or
    # walks every note newest first; OFFSET 0 keeps both sides apart, so it can only do one note per tag row.
    ids = select(col(NoteTag.note_id)).where(*bounds).order_by(col(NoteTag.note_id).desc())
    tagged = ids.offset(0).subquery("tagged")
    note = checked.where(col(Note.id) == tagged.c.note_id).offset(0).lateral("tagged_note")
    walk = select(note).select_from(tagged).join(note, true()).order_by(tagged.c.note_id.desc())
    return _run(session, walk, want)


def _run(session: Session, statement: Select[Any], want: int = WINDOW + 1) -> list[Any]:
    return list(session.execute(statement.limit(want)))


def _pg_text(
    session: Session, statement: Select[Any], terms: tuple[str, ...], want: int, below: int | None
) -> list[Any]:
    """A GIN index finds every match at once, in no order; for a common word that is most of the
    table. So the newest notes are read first (RECENT of them, divided among the terms: several
    are rarer together), and only if they hold too few matches does the index look at the rest (by
    then the terms are known to be uncommon): one BUCKET of ids at a time, newest first, for up to
    BUCKET_STEPS buckets, then everything older at once. A bucket costs the index a sixteenth of
    the work over a million notes and reads only its own matches; terms too short for a trigram
    leave the index nothing to narrow, so they skip to the last step. Below a tag's walked notes
    (see _tagged) the terms are known to be uncommon: nothing is read first."""
    found: list[Any] = []
    if below is None:
        newest = session.execute(select(func.max(col(Note.id)))).scalar() or 0
        floor = newest - RECENT // max(len(terms), 1)
        recent = statement.where(col(Note.id) > floor, *(_recheck(term, False) for term in terms))
        found = _run(session, recent.order_by(col(Note.id).desc()), want)
    else:
        floor = below - 1
    older = statement.where(*(_pg_match(term) for term in terms)).order_by(col(Note.id).desc())
    steps = BUCKET_STEPS if any(_TRIGRAM.search(term) for term in terms) else 0
    for _ in range(steps):
        if len(found) >= want or floor <= 0:
            return found
        bucket = floor // BUCKET
        # Written out as the index's first column is (migration 0009): a bound divisor would not match it.
        in_bucket = col(Note.id).op("/")(literal_column(str(BUCKET))) == bucket
        found += _run(session, older.where(col(Note.id) <= floor, in_bucket), want - len(found))
        floor = bucket * BUCKET - 1
    if len(found) >= want or floor <= 0:
        return found
    return found + _run(session, older.where(col(Note.id) <= floor), want - len(found))


def _tag_ids(session: Session, team_id: str, names: tuple[str, ...]) -> list[int]:
    if not names:
        return []
    statement = select(col(Tag.id)).where(col(Tag.team_id) == team_id, col(Tag.name).in_(names))
    return [int(tag_id) for tag_id in session.execute(statement).scalars()]


def _customer_names(session: Session, team_id: str, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    statement = select(col(Customer.id), col(Customer.name)).where(
        col(Customer.team_id) == team_id, col(Customer.id).in_(ids)
    )
    return {int(customer_id): str(name) for customer_id, name in session.execute(statement)}


_COLUMNS = (
    col(Note.id),
    col(Note.customer_id),
    col(Note.author_id),
    col(Note.body),
    col(Note.created_at),
    col(Note.permalink),
)


def _base(team_id: str, query: SearchQuery) -> Select[Any]:
    statement = select(*_COLUMNS).where(col(Note.team_id) == team_id, col(Note.deleted_at).is_(None))
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
    """The words check on a note already being read. On PostgreSQL it is the test ILIKE makes in a
    UTF-8 database (both sides lowered, then compared), in a form no index answers: given ILIKE,
    the planner may trade a bounded walk for every match the text index holds (see _pg_match)."""
    if sqlite:
        return func.instr(func.lower(col(Note.body)), term.translate(_ASCII_LOWER)) > 0
    return func.strpos(func.lower(col(Note.body)), func.lower(literal(term, Text))) > 0


def _pg_match(term: str) -> ColumnElement[bool]:
    condition = col(Note.body).ilike("%" + _escape_like(term) + "%", escape="\\")
    if len(term) == 2 and all(ord(char) >= _CJK for char in term):
        # pg_trgm finds no trigram in a two-character pattern; the bigram index answers instead.
        bigrams = func.note_search_bigrams(col(Note.body))
        return and_(bigrams.op("@>")(literal([term], postgresql.ARRAY(Text))), condition)
    return condition


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(found: Any, names: dict[int, str], terms: tuple[str, ...]) -> SearchRow:
    note_id, customer_id, author_id, body, created_at, permalink = found
    return SearchRow(
        note_id=int(note_id),
        customer_id=int(customer_id),
        customer_name=names.get(int(customer_id), ""),
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
