"""Search over notes on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm), in English and Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col

from bot.core.errors import UserError
from bot.language import normalize_name
from bot.notes.finder import SearchResults, search
from storage import customers, notes, tags
from storage.db import Database
from storage.models import Note
from storage.notes import NoteCreate
from storage.search import WINDOW, SearchQuery, search_notes
from storage.workspaces import ensure_workspace

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


class Notebook:
    """Writes customers and notes the way the services do, one team at a time."""

    def __init__(self, db: Database, team_id: str = "T1") -> None:
        self.db, self.team_id = db, team_id
        self.customer_ids: dict[str, int] = {}
        with db.session() as session:
            ensure_workspace(session=session, team_id=team_id, tz="UTC", currency="USD", locale="en", now=NOW)

    def customer(self, name: str, *aliases: str) -> int:
        with self.db.session() as session:
            customer, _ = customers.get_or_create_customer(
                session=session,
                team_id=self.team_id,
                name=name,
                normalized=normalize_name(name),
                created_by="U1",
                now=NOW,
            )
            assert customer.id is not None
            for alias in aliases:
                customers.add_alias(
                    session=session,
                    team_id=self.team_id,
                    customer_id=customer.id,
                    name=alias,
                    normalized=normalize_name(alias),
                )
        self.customer_ids[name] = customer.id
        return customer.id

    def note(
        self,
        customer: str,
        body: str,
        *,
        author: str = "U1",
        at: datetime = NOW,
        tagged: tuple[str, ...] = (),
    ) -> int:
        customer_id = self.customer_ids.get(customer) or self.customer(customer)
        with self.db.session() as session:
            note = notes.create_note(
                session=session,
                team_id=self.team_id,
                note_in=NoteCreate(
                    customer_id=customer_id,
                    author_id=author,
                    text=f"{customer} {body}",
                    body=body,
                    permalink=f"https://example.slack.com/archives/C1/p{len(body)}",
                ),
                now=at,
            )
            assert note.id is not None
            if tagged:
                found = tags.ensure_tags(session=session, team_id=self.team_id, names=tagged)
                tags.tag_note(
                    session=session,
                    team_id=self.team_id,
                    note_id=note.id,
                    customer_id=customer_id,
                    tags=found,
                )
            return note.id

    def search(self, text: str, *, page: int = 1, per_page: int = 10) -> SearchResults:
        return search(db=self.db, team_id=self.team_id, text=text, now=NOW, page=page, per_page=per_page)

    def ids(self, text: str) -> list[int]:
        return [hit.note_id for hit in self.search(text).hits]


@pytest.fixture
def book(database: Database) -> Notebook:
    return Notebook(database)


def test_english_word_finds_notes_regardless_of_case(book: Notebook) -> None:
    pricing = book.note("Acme", "Called about PRICING for next year")
    book.note("Acme", "Sent the contract")
    assert book.ids("pricing") == [pricing]


def test_every_word_must_occur(book: Notebook) -> None:
    both = book.note("Acme", "renewal call, pricing agreed")
    book.note("Acme", "renewal call only")
    assert book.ids("pricing renewal") == [both]


def test_chinese_words_of_four_characters_match_inside_longer_text(book: Notebook) -> None:
    found = book.note("阿里巴巴", "今天电话沟通报价，下周二跟进")
    book.note("阿里巴巴", "拜访客户，讨论需求")
    assert book.ids("电话沟通") == [found]


@pytest.mark.parametrize("query", ["华为", "京东"])
def test_two_character_chinese_names_are_found_anywhere_in_a_note(book: Notebook, query: str) -> None:
    middle = book.note("Acme", f"和{query}讨论合作")
    start = book.note("Acme", f"{query}下周来访")
    end = book.note("Acme", f"今天拜访了{query}")
    alone = book.note("Acme", query)
    book.note("Acme", "和阿里巴巴讨论合作")
    assert sorted(book.ids(query)) == sorted([middle, start, end, alone])


def test_one_character_query_matches_too(book: Notebook) -> None:
    found = book.note("Acme", "签了合同")
    book.note("Acme", "打了电话")
    assert book.ids("签") == [found]


def test_two_letter_english_query_matches(book: Notebook) -> None:
    found = book.note("Acme", "Wants an AI assistant")
    book.note("Acme", "Wants a dashboard")
    assert book.ids("ai") == [found]


def test_a_two_character_query_no_note_contains_finds_nothing(book: Notebook) -> None:
    book.note("Acme", "华为下周来访")
    assert book.ids("京东") == []


def test_quoted_phrase_must_occur_as_typed(book: Notebook) -> None:
    phrase = book.note("Acme", "they want a price drop before renewal")
    book.note("Acme", "drop the price list before renewal")
    assert book.ids('"price drop"') == [phrase]


def test_tag_filter_alone_and_with_words(book: Notebook) -> None:
    tagged = book.note("Acme", "pricing call", tagged=("pricing",))
    other = book.note("Acme", "pricing email", tagged=("renewal",))
    book.note("Acme", "pricing chat")
    assert book.ids("#pricing") == [tagged]
    assert book.ids("pricing #renewal") == [other]


def test_chinese_tag_filter(book: Notebook) -> None:
    tagged = book.note("阿里巴巴", "电话沟通", tagged=("报价",))
    book.note("阿里巴巴", "电话沟通")
    assert book.ids("#报价") == [tagged]


def test_customer_filter_matches_name_or_alias_in_any_case(book: Notebook) -> None:
    book.customer("Acme Health", "AH")
    acme = book.note("Acme Health", "pricing call")
    book.note("Globex", "pricing call")
    assert book.ids('pricing customer:"acme  health"') == [acme]
    assert book.ids("customer:ah") == [acme]


def test_chinese_customer_filter(book: Notebook) -> None:
    ali = book.note("阿里巴巴", "电话沟通报价")
    book.note("京东", "电话沟通报价")
    assert book.ids("报价 客户:阿里巴巴") == [ali]
    assert book.ids("客户：阿里巴巴") == [ali]


def test_unknown_customer_finds_nothing(book: Notebook) -> None:
    book.note("Acme", "pricing call")
    assert book.ids("pricing customer:nobody") == []


def test_from_filter_takes_a_mention_or_a_user_id(book: Notebook) -> None:
    mine = book.note("Acme", "pricing call", author="U123")
    book.note("Acme", "pricing call", author="U999")
    assert book.ids("pricing from:<@U123|alice>") == [mine]
    assert book.ids("from:@U123") == [mine]


def test_since_and_until_are_inclusive_days(book: Notebook) -> None:
    book.note("Acme", "pricing call", at=datetime(2025, 12, 31, 23, 59, tzinfo=UTC))
    first = book.note("Acme", "pricing call", at=datetime(2026, 1, 1, 0, 0, tzinfo=UTC))
    last = book.note("Acme", "pricing call", at=datetime(2026, 2, 1, 23, 59, tzinfo=UTC))
    book.note("Acme", "pricing call", at=datetime(2026, 2, 2, 0, 0, tzinfo=UTC))
    assert sorted(book.ids("pricing since:2026-01-01 until:2026-02-01")) == [first, last]


def test_deleted_notes_never_match(book: Notebook) -> None:
    gone = book.note("Acme", "pricing call with 华为")
    kept = book.note("Acme", "pricing email with 华为")
    with book.db.session() as session:
        notes.soft_delete_note(session=session, team_id="T1", note_id=gone, by="U1", now=NOW)
    assert book.ids("pricing") == [kept]
    assert book.ids("华为") == [kept]
    assert book.ids("customer:acme") == [kept]


def test_restored_and_edited_notes_are_searched_by_their_current_text(book: Notebook) -> None:
    note_id = book.note("Acme", "pricing call")
    with book.db.session() as session:
        notes.soft_delete_note(session=session, team_id="T1", note_id=note_id, by="U1", now=NOW)
    with book.db.session() as session:
        session.execute(
            update(Note).where(col(Note.id) == note_id).values(deleted_at=None, body="renewal 京东 call")
        )
    assert book.ids("pricing") == []
    assert book.ids("renewal") == [note_id]
    assert book.ids("京东") == [note_id]


def test_hard_deleted_notes_leave_the_index(book: Notebook) -> None:
    note_id = book.note("Acme", "pricing call")
    with book.db.session() as session:
        session.delete(session.get(Note, note_id))
    assert book.ids("pricing") == []


def test_other_teams_notes_are_never_found(database: Database) -> None:
    ours, theirs = Notebook(database, "T1"), Notebook(database, "T2")
    mine = ours.note("Acme", "pricing 华为")
    theirs.note("Acme", "pricing 华为")
    assert ours.ids("pricing") == [mine]
    assert ours.ids("华为") == [mine]
    assert ours.ids("customer:acme") == [mine]


def test_newer_of_two_equal_matches_comes_first(book: Notebook) -> None:
    # Filed in the opposite order of when they happened: created_at decides, not the id.
    newer = book.note("Acme", "pricing call", at=NOW)
    older = book.note("Acme", "pricing call", at=NOW - timedelta(days=3))
    assert book.ids("pricing") == [newer, older]


def test_whole_word_match_ranks_above_a_match_inside_a_word(book: Notebook) -> None:
    word = book.note("Acme", "AI roadmap review", at=NOW - timedelta(days=5))
    inside = book.note("Acme", "sent an email", at=NOW)
    results = book.search("ai")
    assert [hit.note_id for hit in results.hits] == [word, inside]
    assert results.hits[0].score > results.hits[1].score


def test_words_together_as_typed_rank_above_words_apart(book: Notebook) -> None:
    together = book.note("Acme", "price drop asked", at=NOW - timedelta(days=5))
    apart = book.note("Acme", "drop in price asked", at=NOW)
    assert book.ids("price drop") == [together, apart]


def test_pages_follow_each_other_without_overlap(book: Notebook) -> None:
    made = [book.note("Acme", f"pricing call {i}", at=NOW - timedelta(minutes=i)) for i in range(25)]
    pages = [book.search("pricing", page=page, per_page=10) for page in (1, 2, 3)]
    assert [hit.note_id for page in pages for hit in page.hits] == made
    assert [page.has_more for page in pages] == [True, True, False]
    assert pages[0].total == 25 and pages[0].total_is_exact


def test_matches_beyond_the_window_are_reported_as_more(book: Notebook) -> None:
    customer_id = book.customer("Acme")
    with book.db.session() as session:
        session.add_all(
            Note(
                team_id="T1",
                customer_id=customer_id,
                author_id="U1",
                text="x",
                body="pricing",
                created_at=NOW,
            )
            for _ in range(WINDOW + 5)
        )
    results = book.search("pricing")
    assert results.total == WINDOW and not results.total_is_exact


def test_hit_carries_customer_author_link_and_a_snippet_around_the_match(book: Notebook) -> None:
    body = "Long preamble " * 30 + "then pricing came up " + "and more words " * 30
    note_id = book.note("Acme Health", body, author="U7")
    (hit,) = book.search("pricing").hits
    assert (hit.note_id, hit.customer_name, hit.author_id, hit.created_at) == (
        note_id,
        "Acme Health",
        "U7",
        NOW,
    )
    assert hit.permalink is not None and hit.permalink.startswith("https://")
    assert "pricing" in hit.snippet and hit.snippet.startswith("…") and hit.snippet.endswith("…")
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "pricing"


def test_an_empty_query_is_refused(book: Notebook) -> None:
    with pytest.raises(UserError) as refused:
        book.search("   ")
    assert refused.value.key == "search_empty"


def test_storage_search_with_only_filters_lists_newest_first(database: Database) -> None:
    book = Notebook(database)
    old = book.note("Acme", "a", at=NOW - timedelta(days=1))
    new = book.note("Acme", "b", at=NOW)
    with database.session() as session:
        page = search_notes(
            session=session, team_id="T1", query=SearchQuery(author_id="U1"), limit=10, offset=0
        )
    assert [row.note_id for row in page.rows] == [new, old]
