"""The chart's weeks on SQLite and PostgreSQL: members recorded by sent summaries where there are
some, today's members who were customers then elsewhere, each in the stage it had that week."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.digests.build import Digest
from bot.digests.history import weekly_sizes
from storage.db import Database
from storage.models import Customer, DigestPeriod, DigestSubscription, StageChange
from storage.workspaces import ensure_workspace

NOW = datetime(2026, 6, 3, 9, 0, tzinfo=UTC)  # a Wednesday
LONG_AGO = NOW - timedelta(days=400)


def _customer(db: Database, name: str, stage: str, created: datetime) -> int:
    with db.session() as session:
        row = Customer(
            team_id="T1", name=name, normalized=name, stage=stage, created_at=created, updated_at=created
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def _moved(db: Database, customer_id: int, before: str, after: str, when: datetime) -> None:
    with db.session() as session:
        move = StageChange(team_id="T1", customer_id=customer_id, from_stage=before, to_stage=after)
        move.changed_at = when
        session.add(move)


def _digest(members: list[int]) -> Digest:
    return Digest(
        segment="vip", size=len(members), joined=(), left=(), stage_moves=(), top_value=(), quiet=(),
        complaints=0, complaints_resolved=0, performance={}, member_ids=tuple(members), currency="USD",
        lang="en",
    )  # fmt: skip


def test_weeks_rebuild_membership_and_stages(database: Database) -> None:
    with database.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=LONG_AGO)
    steady = _customer(database, "steady", "active", LONG_AGO)
    slipping = _customer(database, "slipping", "at_risk", LONG_AGO)
    _moved(database, slipping, "active", "at_risk", NOW - timedelta(days=15))
    newcomer = _customer(database, "newcomer", "new", NOW - timedelta(days=27, hours=23))
    gone = _customer(database, "gone", "churned", LONG_AGO)
    _moved(database, gone, "active", "churned", NOW - timedelta(days=3))
    with database.session() as session:
        sub = DigestSubscription(
            team_id="T1", channel_id="C1", segment="vip", weekday=2, hour=9, minute=0, tz="UTC",
            created_by="U1", created_at=LONG_AGO,
        )  # fmt: skip
        session.add(sub)
        session.flush()
        assert sub.id is not None
        session.add(
            DigestPeriod(
                team_id="T1", subscription_id=sub.id, period="2026-05-27", due_at=NOW - timedelta(weeks=1),
                acquired_by="p1", acquired_until=NOW - timedelta(weeks=1), sent_at=NOW - timedelta(weeks=1),
                members=json.dumps([steady, gone]),
            )
        )  # fmt: skip
        sub_id = sub.id

    today = _digest([steady, slipping, newcomer])
    weeks = weekly_sizes(db=database, team_id="T1", digest=today, now=NOW, subscription_id=sub_id)

    assert [w.ending.isoformat() for w in weeks][-3:] == ["2026-05-20", "2026-05-27", "2026-06-03"]
    assert len(weeks) == 12 and weeks[0].ending.isoformat() == "2026-03-18"
    assert [w.stages for w in weeks[:8]] == [{"active": 2}] * 8  # newcomer not a customer yet
    assert weeks[8].stages == {"active": 2, "new": 1}  # 21 days ago: newcomer is in, slipping not yet
    assert weeks[9].stages == {"active": 1, "at_risk": 1, "new": 1}
    assert weeks[10].stages == {"active": 2}  # as last week's summary recorded: steady, gone (active then)
    assert weeks[11].stages == {"active": 1, "at_risk": 1, "new": 1}
    assert [w.size for w in weeks][-4:] == [3, 3, 2, 3]


def test_a_preview_reads_todays_members_backwards(database: Database) -> None:
    with database.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=LONG_AGO)
    only = _customer(database, "only", "churned", LONG_AGO)
    _moved(database, only, "lead", "new", NOW - timedelta(days=60))
    _moved(database, only, "new", "churned", NOW - timedelta(days=10))

    weeks = weekly_sizes(db=database, team_id="T1", digest=_digest([only]), now=NOW)

    stages = [next(iter(w.stages)) for w in weeks]
    assert stages[:3] == ["lead"] * 3  # 77 to 63 days ago: before its first move, 60 days ago
    assert stages[3:10] == ["new"] * 7  # 56 to 14 days ago
    assert stages[10:] == ["churned"] * 2  # 7 days ago and now


def test_purchase_totals_are_exact_per_currency_for_the_members_asked(database: Database) -> None:
    from decimal import Decimal

    from storage import notes as store
    from storage.models import Category, Note

    with database.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=LONG_AGO)
    buyer = _customer(database, "buyer", "active", LONG_AGO)
    other = _customer(database, "other", "active", LONG_AGO)
    rows = [
        (buyer, "0.1", "USD", NOW, None),
        (buyer, "0.2", "USD", NOW - timedelta(days=30), None),
        (buyer, "10.0001", "EUR", NOW, None),
        (buyer, "99", "USD", NOW - timedelta(days=400), None),  # before the window
        (buyer, "7", "USD", NOW, NOW),  # deleted
        (other, "5", "USD", NOW, None),  # not asked for
    ]
    with database.session() as session:
        for customer_id, amount, currency, created, deleted in rows:
            session.add(
                Note(
                    team_id="T1", customer_id=customer_id, author_id="U1", text="x", body="x",
                    category=Category.purchase, amount=Decimal(amount), currency=currency,
                    created_at=created, deleted_at=deleted,
                )
            )  # fmt: skip
    with database.session() as session:
        totals = store.purchase_totals_of(
            session=session, team_id="T1", since=NOW - timedelta(days=365), customer_ids=[buyer]
        )
    assert sorted(totals) == [(buyer, "EUR", Decimal("10.0001")), (buyer, "USD", Decimal("0.3"))]


def test_this_weeks_bar_counts_current_stages_even_past_the_weeks_end(database: Database) -> None:
    with database.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=LONG_AGO)
    back = _customer(database, "back", "active", LONG_AGO)
    _moved(database, back, "at_risk", "active", NOW + timedelta(hours=2))  # a summary sent late, after it

    weeks = weekly_sizes(db=database, team_id="T1", digest=_digest([back]), now=NOW)

    assert [w.stages for w in weeks[-2:]] == [{"at_risk": 1}, {"active": 1}]


def test_team_performance_counts_done_this_week_and_overdue_now_per_person(database: Database) -> None:
    from storage import followups
    from storage.models import FollowUp, FollowUpStatus

    with database.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=LONG_AGO)
    acme = _customer(database, "acme", "active", LONG_AGO)
    week_ago = NOW - timedelta(days=7)
    rows = [
        ("U1", FollowUpStatus.done, NOW - timedelta(days=1), NOW - timedelta(days=2)),
        ("U1", FollowUpStatus.done, NOW - timedelta(days=3), NOW - timedelta(days=6)),
        ("U1", FollowUpStatus.done, NOW - timedelta(days=20), NOW - timedelta(days=30)),  # before the week
        ("U1", FollowUpStatus.open, None, NOW - timedelta(hours=1)),  # overdue
        ("U2", FollowUpStatus.open, None, NOW - timedelta(days=9)),  # overdue
        ("U2", FollowUpStatus.open, None, NOW + timedelta(days=1)),  # not due yet
        ("U3", FollowUpStatus.done, NOW - timedelta(days=2), NOW - timedelta(days=2)),
    ]
    with database.session() as session:
        for who, status, completed, due in rows:
            session.add(
                FollowUp(
                    team_id="T1", customer_id=acme, assignee_id=who, created_by="U1", text="call",
                    due_at=due, status=status, completed_at=completed, created_at=LONG_AGO,
                )
            )  # fmt: skip
    with database.session() as session:
        performance = followups.team_performance(session=session, team_id="T1", since=week_ago, now=NOW)
    assert performance == {"U1": (2, 1), "U2": (0, 1), "U3": (1, 0)}
