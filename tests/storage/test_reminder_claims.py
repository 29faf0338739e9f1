"""The claiming rules of storage.reminders, on SQLite and PostgreSQL, with a hand-moved clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import customers, followups, reminders
from storage.db import Database
from storage.models import FollowUp
from storage.workspaces import ensure_workspace

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def _follow_ups(db: Database, *due: datetime, team_id: str = "T1") -> list[int]:
    with db.session() as session:
        ensure_workspace(session=session, team_id=team_id, tz="UTC", currency="USD", locale="en", now=T0)
        customer, _ = customers.get_or_create_customer(
            session=session, team_id=team_id, name="Acme", normalized="acme", created_by="U1", now=T0
        )
        assert customer.id is not None
        ids = []
        for when in due:
            row = followups.create_follow_up(
                session=session,
                team_id=team_id,
                customer_id=customer.id,
                note_id=None,
                assignee_id="U1",
                created_by="U1",
                slack_channel_id="C1",
                text="call back",
                due_at=when,
                now=T0,
            )
            assert row.id is not None
            ids.append(row.id)
        return ids


def _claim(
    db: Database, owner: str, now: datetime, limit: int = 10, teams: tuple[str, ...] = ("T1",)
) -> list[reminders.Claim]:
    with db.session() as session:
        return reminders.claim_due(
            session=session, team_ids=teams, owner=owner, now=now, lease=LEASE, limit=limit
        )


def test_only_due_rows_are_claimed_earliest_first(database: Database) -> None:
    later, early, future = _follow_ups(
        database, T0 - timedelta(minutes=1), T0 - timedelta(hours=2), T0 + timedelta(seconds=1)
    )

    claims = _claim(database, "p1", T0)

    assert [c.follow_up_id for c in claims] == [early, later]
    assert all(c.attempts == 1 and c.due_at.tzinfo is not None for c in claims)
    assert future not in {c.follow_up_id for c in claims}


def test_a_held_claim_is_not_claimed_again_until_its_lease_expires(database: Database) -> None:
    [one] = _follow_ups(database, T0)
    [first] = _claim(database, "p1", T0)

    assert _claim(database, "p2", T0 + timedelta(seconds=29)) == []
    [taken_over] = _claim(database, "p2", T0 + timedelta(seconds=31))

    assert taken_over.follow_up_id == one and taken_over.attempts == 2
    assert taken_over.attempt_key != first.attempt_key


def test_a_stale_holder_cannot_settle_after_takeover(database: Database) -> None:
    _follow_ups(database, T0)
    [stale] = _claim(database, "p1", T0)
    [fresh] = _claim(database, "p2", T0 + LEASE + timedelta(seconds=1))

    with database.session() as session:
        assert not reminders.mark_sent(session=session, claim=stale, now=T0, channel_id="C1", ts="1.1")
        assert reminders.mark_sent(session=session, claim=fresh, now=T0, channel_id="C1", ts="2.2")
    with database.session() as session:
        row = session.get(FollowUp, fresh.follow_up_id)
        assert row is not None and row.slack_ts == "2.2" and row.acquired_by is None


def test_sent_reminders_are_never_claimed_again(database: Database) -> None:
    _follow_ups(database, T0)
    [claim] = _claim(database, "p1", T0)
    with database.session() as session:
        reminders.mark_sent(session=session, claim=claim, now=T0, channel_id="C1", ts="1.1")

    assert _claim(database, "p2", T0 + timedelta(days=1)) == []


def test_put_back_waits_for_its_not_before_time(database: Database) -> None:
    _follow_ups(database, T0)
    [claim] = _claim(database, "p1", T0)
    with database.session() as session:
        assert reminders.put_back(
            session=session,
            claim=claim,
            not_before=T0 + timedelta(seconds=10),
            error="ratelimited",
            unsure=False,
        )

    assert _claim(database, "p1", T0 + timedelta(seconds=9)) == []
    [again] = _claim(database, "p1", T0 + timedelta(seconds=11))
    assert again.attempts == 2


def test_rearm_sends_again_at_the_new_time(database: Database) -> None:
    [one] = _follow_ups(database, T0)
    [claim] = _claim(database, "p1", T0)
    with database.session() as session:
        reminders.mark_sent(session=session, claim=claim, now=T0, channel_id="C1", ts="1.1")
        assert reminders.rearm(
            session=session, team_id="T1", follow_up_id=one, due_at=T0 + timedelta(hours=1)
        )

    assert _claim(database, "p1", T0 + timedelta(minutes=59)) == []
    [again] = _claim(database, "p1", T0 + timedelta(hours=1))
    assert again.follow_up_id == one and again.attempts == 1


def test_two_dispatchers_split_the_work_without_overlap(database: Database) -> None:
    _follow_ups(database, *[T0 - timedelta(seconds=n) for n in range(25)])

    first = _claim(database, "p1", T0, limit=10)
    second = _claim(database, "p2", T0, limit=10)
    third = _claim(database, "p3", T0, limit=10)

    ids = [c.follow_up_id for c in first + second + third]
    assert len(ids) == 25 and len(set(ids)) == 25


def test_claims_stay_within_the_teams_served(database: Database) -> None:
    _follow_ups(database, T0, team_id="T1")
    _follow_ups(database, T0, team_id="T2")

    claims = _claim(database, "p1", T0, teams=("T2",))

    assert [c.team_id for c in claims] == ["T2"]


def test_cancelled_or_done_follow_ups_are_not_reminded(database: Database) -> None:
    a, b = _follow_ups(database, T0, T0)
    with database.session() as session:
        followups.mark_done(session=session, team_id="T1", follow_up_id=a, now=T0)
        row = session.get(FollowUp, b)
        assert row is not None
        row.status = "cancelled"  # type: ignore[assignment]
        session.add(row)

    assert _claim(database, "p1", T0) == []


def test_a_claim_is_unsure_only_when_an_earlier_attempt_may_have_reached_slack(database: Database) -> None:
    [one] = _follow_ups(database, T0)
    [first] = _claim(database, "p1", T0)
    assert not first.unsure  # a first attempt has nothing to look for

    [taken_over] = _claim(database, "p2", T0 + LEASE + timedelta(seconds=1))  # p1 died holding it
    assert taken_over.unsure

    def put_back(claim: reminders.Claim, unsure: bool, at: datetime) -> None:
        with database.session() as session:
            assert reminders.put_back(session=session, claim=claim, not_before=at, error="x", unsure=unsure)

    put_back(taken_over, False, T0 + timedelta(minutes=2))  # looked, found nothing, then Slack said 429
    [refused] = _claim(database, "p2", T0 + timedelta(minutes=3))
    assert not refused.unsure

    put_back(refused, True, T0 + timedelta(minutes=4))  # the post timed out: it may be there
    [timed_out] = _claim(database, "p2", T0 + timedelta(minutes=5))
    assert timed_out.unsure and timed_out.attempts == 4

    with database.session() as session:
        assert reminders.rearm(
            session=session, team_id="T1", follow_up_id=one, due_at=T0 + timedelta(hours=1)
        )
    [snoozed] = _claim(database, "p2", T0 + timedelta(hours=1))
    assert not snoozed.unsure and snoozed.attempts == 1
