"""Storage functions on SQLite and PostgreSQL: customers, names, notes, tags, isolation by team."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from storage import customers, followups, notes, tags
from storage.db import Database
from storage.models import Category, ContactChannel
from storage.notes import NoteCreate
from storage.workspaces import ensure_workspace

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _workspace(db: Database, team_id: str = "T1") -> None:
    with db.session() as session:
        ensure_workspace(session=session, team_id=team_id, tz="UTC", currency="USD", locale="en", now=NOW)


def _customer(db: Database, name: str, team_id: str = "T1") -> int:
    with db.session() as session:
        customer, _ = customers.get_or_create_customer(
            session=session, team_id=team_id, name=name, normalized=name.casefold(), created_by="U1", now=NOW
        )
        assert customer.id is not None
        return customer.id


def test_workspace_is_created_once(database: Database) -> None:
    _workspace(database)
    with database.session() as session:
        again = ensure_workspace(
            session=session, team_id="T1", tz="Asia/Shanghai", currency="CNY", locale="zh", now=NOW
        )
    assert (again.tz, again.currency, again.created_at) == ("UTC", "USD", NOW)


def test_get_or_create_customer_creates_once_and_reports_it(database: Database) -> None:
    _workspace(database)
    with database.session() as session:
        first, created = customers.get_or_create_customer(
            session=session, team_id="T1", name="Acme", normalized="acme", created_by="U1", now=NOW
        )
    with database.session() as session:
        second, created_again = customers.get_or_create_customer(
            session=session, team_id="T1", name="ACME", normalized="acme", created_by="U2", now=NOW
        )
    assert created and not created_again
    assert first.id == second.id and second.name == "Acme"


def test_names_and_aliases_are_found_by_normalised_form(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with database.session() as session:
        assert customers.add_alias(
            session=session, team_id="T1", customer_id=acme, name="ACME Corp", normalized="acme corp"
        )
        assert not customers.add_alias(
            session=session, team_id="T1", customer_id=acme, name="Acme", normalized="acme"
        )
        found = customers.find_names(
            session=session, team_id="T1", normalized=["acme corp", "acme", "nobody"]
        )
        assert sorted(n.name for n in found) == ["ACME Corp", "Acme"]
        assert customers.aliases(session=session, team_id="T1", customer_id=acme) == ["ACME Corp"]
        assert customers.customer_by_name(session=session, team_id="T1", normalized="acme corp") is not None


def test_teams_never_see_each_other(database: Database) -> None:
    _workspace(database, "T1")
    _workspace(database, "T2")
    acme_t1 = _customer(database, "Acme", "T1")
    acme_t2 = _customer(database, "Acme", "T2")
    assert acme_t1 != acme_t2
    with database.session() as session:
        assert customers.get_customer(session=session, team_id="T2", customer_id=acme_t1) is None
        assert (
            customers.find_names(session=session, team_id="T2", normalized=["acme"])[0].customer_id == acme_t2
        )
        assert customers.count_customers(session=session, team_id="T1") == 1


def test_note_round_trips_with_amount_and_aware_times(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    happened = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    with database.session() as session:
        note = notes.create_note(
            session=session,
            team_id="T1",
            note_in=NoteCreate(
                customer_id=acme,
                author_id="U1",
                text="acme bought 20 seats $12.5k",
                body="bought 20 seats $12.5k",
                contact_channel=ContactChannel.call,
                category=Category.purchase,
                occurred_at=happened,
                amount=Decimal("12500.50"),
                currency="USD",
            ),
            now=NOW,
        )
        note_id = note.id
    assert note_id is not None
    with database.session() as session:
        stored = notes.get_note(session=session, team_id="T1", note_id=note_id)
        assert stored is not None
        assert stored.amount == Decimal("12500.5") and stored.currency == "USD"
        assert stored.occurred_at == happened and stored.occurred_at.tzinfo is not None
        assert stored.created_at == NOW
        assert stored.category == "purchase" and stored.contact_channel == "call"
        assert notes.get_note(session=session, team_id="T2", note_id=note_id) is None


def test_naive_datetimes_are_refused(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with pytest.raises(Exception, match="naive datetime"), database.session() as session:
        notes.create_note(
            session=session,
            team_id="T1",
            note_in=NoteCreate(customer_id=acme, author_id="U1", text="x", body="x"),
            now=datetime(2026, 3, 10, 9, 0),
        )


def test_soft_delete_happens_once_and_hides_the_note(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with database.session() as session:
        for n in range(3):
            notes.create_note(
                session=session,
                team_id="T1",
                note_in=NoteCreate(customer_id=acme, author_id="U1", text=f"n{n}", body=f"n{n}"),
                now=NOW + timedelta(minutes=n),
            )
    with database.session() as session:
        newest = notes.recent_notes(session=session, team_id="T1", customer_id=acme)
        assert [n.body for n in newest] == ["n2", "n1", "n0"]
        assert newest[0].id is not None
        assert notes.soft_delete_note(session=session, team_id="T1", note_id=newest[0].id, by="U1", now=NOW)
        assert not notes.soft_delete_note(
            session=session, team_id="T1", note_id=newest[0].id, by="U1", now=NOW
        )
    with database.session() as session:
        assert [n.body for n in notes.recent_notes(session=session, team_id="T1", customer_id=acme)] == [
            "n1",
            "n0",
        ]
        assert notes.count_notes(session=session, team_id="T1", customer_id=acme) == 2
        assert customers.last_note_at(session=session, team_id="T1", customer_id=acme) == NOW + timedelta(
            minutes=1
        )


def test_tags_are_shared_deduplicated_and_reach_the_customer(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with database.session() as session:
        note = notes.create_note(
            session=session,
            team_id="T1",
            note_in=NoteCreate(customer_id=acme, author_id="U1", text="x", body="x"),
            now=NOW,
        )
        assert note.id is not None
        first = tags.ensure_tags(session=session, team_id="T1", names=["pricing", "报价", "pricing"])
        again = tags.ensure_tags(session=session, team_id="T1", names=["报价"])
        assert [t.name for t in first] == ["pricing", "报价"] and again[0].id == first[1].id
        tags.tag_note(session=session, team_id="T1", note_id=note.id, customer_id=acme, tags=first)
        tags.tag_note(session=session, team_id="T1", note_id=note.id, customer_id=acme, tags=first)
        assert customers.customer_tag_names(session=session, team_id="T1", customer_id=acme) == [
            "pricing",
            "报价",
        ]
        assert tags.note_tag_names(session=session, team_id="T1", note_ids=[note.id]) == {
            note.id: ["pricing", "报价"]
        }


def test_follow_ups_of_an_undone_note_are_cancelled(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with database.session() as session:
        note = notes.create_note(
            session=session,
            team_id="T1",
            note_in=NoteCreate(customer_id=acme, author_id="U1", text="x", body="x"),
            now=NOW,
        )
        assert note.id is not None
        followups.create_follow_up(
            session=session,
            team_id="T1",
            customer_id=acme,
            note_id=note.id,
            assignee_id="U1",
            created_by="U1",
            slack_channel_id="C1",
            text="call back",
            due_at=NOW + timedelta(days=1),
            now=NOW,
        )
        assert len(followups.open_for_customer(session=session, team_id="T1", customer_id=acme)) == 1
        assert followups.cancel_for_note(session=session, team_id="T1", note_id=note.id, now=NOW) == 1
        assert followups.open_for_customer(session=session, team_id="T1", customer_id=acme) == []


def test_unique_name_per_team_is_enforced_by_the_database(database: Database) -> None:
    _workspace(database)
    _customer(database, "Acme")
    from storage.models import Customer

    with pytest.raises(IntegrityError), database.session() as session:
        session.add(Customer(team_id="T1", name="acme", normalized="acme", created_at=NOW, updated_at=NOW))
        session.flush()


def _message_note(customer_id: int, ts: str = "1773133200.000100") -> NoteCreate:
    return NoteCreate(
        customer_id=customer_id,
        author_id="U5",
        text="acme wants 20 seats",
        body="wants 20 seats",
        source="capture",
        slack_channel_id="C1",
        slack_ts=ts,
    )


def test_a_slack_message_becomes_one_live_note(database: Database) -> None:
    _workspace(database)
    acme = _customer(database, "Acme")
    with database.session() as session:
        first = notes.create_note(session=session, team_id="T1", note_in=_message_note(acme), now=NOW)
    with pytest.raises(notes.MessageAlreadyFiled), database.session() as session:
        notes.create_note(session=session, team_id="T1", note_in=_message_note(acme), now=NOW)
    assert first.id is not None
    with database.session() as session:  # once the note is deleted, the message may be filed again
        assert notes.soft_delete_note(session=session, team_id="T1", note_id=first.id, by="U1", now=NOW)
    with database.session() as session:
        again = notes.create_note(session=session, team_id="T1", note_in=_message_note(acme), now=NOW)
    assert again.id != first.id and again.slack_ts == first.slack_ts


def test_a_note_from_the_same_message_in_another_workspace_is_its_own(database: Database) -> None:
    _workspace(database)
    _workspace(database, "T2")
    ours, theirs = _customer(database, "Acme"), _customer(database, "Acme", "T2")
    with database.session() as session:
        one = notes.create_note(session=session, team_id="T1", note_in=_message_note(ours), now=NOW)
        two = notes.create_note(session=session, team_id="T2", note_in=_message_note(theirs), now=NOW)
    assert one.id != two.id


def test_a_message_filed_at_the_same_moment_yields_to_the_first(database: Database) -> None:
    """Two deliveries of one message in two transactions: the second waits for the first, then yields."""
    import threading

    _workspace(database)
    acme = _customer(database, "Acme")
    first_inserted, first_may_commit = threading.Event(), threading.Event()
    outcome: list[str] = []

    def first() -> None:
        with database.session() as session:
            notes.create_note(session=session, team_id="T1", note_in=_message_note(acme), now=NOW)
            first_inserted.set()
            first_may_commit.wait(timeout=10)

    def second() -> None:
        try:
            with database.session() as session:
                notes.create_note(session=session, team_id="T1", note_in=_message_note(acme), now=NOW)
            outcome.append("stored")
        except notes.MessageAlreadyFiled:
            outcome.append("yielded")

    one = threading.Thread(target=first)
    one.start()
    assert first_inserted.wait(timeout=10)
    two = threading.Thread(target=second)
    two.start()
    first_may_commit.set()  # the second is waiting on the first's lock (or on SQLite's one writer)
    one.join()
    two.join()

    assert outcome == ["yielded"]
    with database.session() as session:
        live = notes.note_for_message(session=session, team_id="T1", channel_id="C1", ts="1773133200.000100")
    assert live is not None
