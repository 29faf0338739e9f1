"""The bounded reads of storage.search (a tag's newest notes, the newest notes, buckets of note ids)
find what reading everything finds: the same matches, ranked the same, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

import storage.search
from storage.db import Database
from tests.storage.test_search import NOW, Notebook

BODIES = [
    "pricing call with the CFO",
    "emailed the renewal quote",
    "renewal at risk after the outage",
    "华为 报价 已发送",
    "call back about pricing and renewal",
    "华为科技 续费 合同",
    "demo went well",
]
QUERIES = [
    "pricing",
    "renewal #vip",
    "pricing #vip",
    "call #pricing",
    "华为 #vip",
    "pricing renewal",
    "华为",
    "续费 合同",
    "outage #pricing #vip",
    "the #vip",
    "the #pricing",
    "e #vip",
    "#vip",
    "zzz #vip",
]


@pytest.fixture
def notebook(database: Database) -> Notebook:
    book = Notebook(database)
    rng = random.Random(7)
    for minute in range(60):  # filed oldest first, so newer notes have higher ids
        tags = tuple(tag for tag in ("vip", "pricing") if rng.random() < 0.4)
        customer = rng.choice(["Acme", "华为"])
        book.note(customer, rng.choice(BODIES), at=NOW - timedelta(minutes=60 - minute), tagged=tags)
    return book


def _found(book: Notebook, text: str) -> tuple[list[int], int, bool]:
    results = book.search(text, per_page=50)
    return [hit.note_id for hit in results.hits], results.total, results.total_is_exact


@pytest.mark.parametrize("text", QUERIES)
def test_bounded_reads_find_what_reading_everything_finds(
    notebook: Notebook, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.search, "WINDOW", 6)  # so that the reads stop early too
    everything = _found(notebook, text)
    monkeypatch.setattr(storage.search, "TAG_WALK", 3)
    monkeypatch.setattr(storage.search, "RECENT", 4)
    monkeypatch.setattr(storage.search, "BUCKET", 8)  # no longer the index's; the answer must not change
    monkeypatch.setattr(storage.search, "BUCKET_STEPS", 2)
    assert _found(notebook, text) == everything


def test_a_tag_walk_that_keeps_meeting_the_words_walks_on_past_its_first_notes(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Notebook(database)
    made = [
        book.note("Acme", "pricing call", at=NOW - timedelta(minutes=10 - i), tagged=("vip",))
        for i in range(10)
    ]
    monkeypatch.setattr(storage.search, "WINDOW", 6)
    monkeypatch.setattr(storage.search, "TAG_WALK", 3)
    results = book.search("pricing #vip", per_page=50)
    assert [hit.note_id for hit in results.hits] == made[::-1][:6]
    assert not results.total_is_exact
