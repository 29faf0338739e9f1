"""Claiming due reminders so that each is posted once, whatever number of processes run.

The claiming rules, in one place:

1. A reminder is *due* when its follow-up is `open`, not yet sent for its current arming
   (`sent_at IS NULL`), its `due_at` has passed, and nobody holds it: `acquired_until` is
   empty or in the past. An expired lease means its holder died or gave up; anyone may take it.
2. A dispatcher *claims* due rows in one statement: it stamps `acquired_by` (its own name),
   `acquired_until` (now + lease), a fresh `attempt_key`, and counts the attempt. On PostgreSQL
   the rows are picked with `SELECT … FOR UPDATE SKIP LOCKED`, so concurrent dispatchers take
   disjoint rows without waiting on each other; on SQLite the single `UPDATE … RETURNING` runs
   in a write transaction, and SQLite admits one writer at a time.
3. Right before posting, a holder whose claim is older than half a lease *renews* it
   (now + lease) if it still holds it unexpired; if it does not, it posts nothing. Younger
   claims need no renewal: nobody may take a row before its lease runs out. A batch that
   takes longer than a lease can therefore never post a row that another dispatcher has
   taken over meanwhile, and whoever takes over later looks for the post first (rule 5).
4. Only the holder of the current `attempt_key` may settle a claim: mark it sent (with the
   Slack `ts`), or put it back with a not-before time (`acquired_until` in the future with no
   holder) after a failure. Settling with a stale key changes nothing and reports False, so a
   process that lost its lease cannot overwrite the newer holder's work.
5. A claim whose earlier attempt may have reached Slack is *unsure*, and its holder looks for
   the post in Slack before posting again (the message carries the follow-up id in its
   metadata; see bot.jobs.reminders). That closes the window between "posted" and "marked sent".
   A claim becomes unsure when it is taken over from a holder whose lease ran out (it may have
   died after posting), or when its holder put it back after an answer that does not say
   whether Slack posted (a timeout, a 5xx, a history lookup that could not be answered). A
   reminder only paced, or refused by Slack in so many words (429, channel_not_found), stays
   sure: it is posted again without a lookup, sparing Slack's rate-limited history methods.
6. Snoozing re-arms: a new `due_at`, `sent_at` cleared, lease cleared, sure again.

Every statement filters on the workspaces the dispatcher serves (`team_ids`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select, update
from sqlmodel import Session, col

from storage.models import FollowUp, FollowUpStatus


@dataclass(frozen=True)
class Claim:
    follow_up_id: int
    team_id: str
    attempt_key: str
    attempts: int
    due_at: datetime
    claimed_at: datetime  # the claimer's clock: the lease runs until claimed_at + lease
    unsure: bool = False  # an earlier attempt may have reached Slack: look before posting (rule 5)


def _due(team_ids: Sequence[str], now: datetime) -> list[ColumnElement[bool]]:
    return [
        col(FollowUp.team_id).in_(list(team_ids)),
        col(FollowUp.status) == FollowUpStatus.open,
        col(FollowUp.sent_at).is_(None),
        col(FollowUp.due_at) <= now,
        or_(col(FollowUp.acquired_until).is_(None), col(FollowUp.acquired_until) < now),
    ]


def claim_due(
    *, session: Session, team_ids: Sequence[str], owner: str, now: datetime, lease: timedelta, limit: int
) -> list[Claim]:
    """Claims up to `limit` due reminders, earliest due first (rules 1 and 2)."""
    if not team_ids:
        return []
    pick = (
        select(FollowUp.id)  # type: ignore[call-overload]
        .where(*_due(team_ids, now))
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    key = uuid.uuid4().hex
    statement = (
        update(FollowUp)
        .where(col(FollowUp.id).in_(pick.scalar_subquery()), *_due(team_ids, now))
        .values(
            acquired_by=owner,
            acquired_until=now + lease,
            attempt_key=key,
            attempts=col(FollowUp.attempts) + 1,
            # A holder is named only while it holds the row: its lease ran out (rule 1), so this is
            # a takeover, and the dead holder may have posted (rule 5).
            unsure=or_(col(FollowUp.unsure), col(FollowUp.acquired_by).is_not(None)),
        )
        .returning(
            col(FollowUp.id),
            col(FollowUp.team_id),
            col(FollowUp.attempts),
            col(FollowUp.due_at),
            col(FollowUp.unsure),
        )
    )
    rows = session.execute(statement).all()
    claims = [Claim(int(r[0]), str(r[1]), key, int(r[2]), r[3], now, bool(r[4])) for r in rows]
    return sorted(claims, key=lambda c: (c.due_at, c.follow_up_id))


def _held(claim: Claim) -> list[ColumnElement[bool]]:
    return [
        col(FollowUp.id) == claim.follow_up_id,
        col(FollowUp.team_id) == claim.team_id,
        col(FollowUp.attempt_key) == claim.attempt_key,
    ]


def renew(*, session: Session, claim: Claim, now: datetime, lease: timedelta) -> bool:
    """Rule 3: extends a lease still held and unexpired; False means: do not post."""
    statement = (
        update(FollowUp)
        .where(*_held(claim), col(FollowUp.acquired_until) >= now, col(FollowUp.sent_at).is_(None))
        .values(acquired_until=now + lease)
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def mark_sent(*, session: Session, claim: Claim, now: datetime, channel_id: str, ts: str) -> bool:
    """Rule 4: records the post; False if the claim was lost meanwhile."""
    statement = (
        update(FollowUp)
        .where(*_held(claim))
        .values(
            sent_at=now,
            slack_ts=ts,
            posted_channel_id=channel_id,
            acquired_by=None,
            acquired_until=None,
            unsure=False,
        )
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def put_back(
    *, session: Session, claim: Claim, not_before: datetime, error: str | None, unsure: bool
) -> bool:
    """Rule 4: releases the claim after a failure; nobody takes it again before `not_before`.
    `unsure` says whether a post may have reached Slack all the same (rule 5)."""
    statement = (
        update(FollowUp)
        .where(*_held(claim))
        .values(
            acquired_by=None,
            acquired_until=not_before,
            last_error=(error or "")[:200] or None,
            unsure=unsure,
        )
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def rearm(
    *,
    session: Session,
    team_id: str,
    follow_up_id: int,
    due_at: datetime,
    expected_due: datetime | None = None,
) -> bool:
    """Rule 6: the reminder goes out again at `due_at` (a snooze).

    With `expected_due`, only the arming that was due then is moved: a second click on the
    same reminder finds the new due time and changes nothing.
    """
    conditions = [
        col(FollowUp.id) == follow_up_id,
        col(FollowUp.team_id) == team_id,
        col(FollowUp.status) == FollowUpStatus.open,
    ]
    if expected_due is not None:
        conditions.append(col(FollowUp.due_at) == expected_due)
    statement = (
        update(FollowUp)
        .where(*conditions)
        .values(
            due_at=due_at,
            sent_at=None,
            acquired_by=None,
            acquired_until=None,
            attempt_key=None,
            attempts=0,
            unsure=False,
        )
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]


def next_due_at(*, session: Session, team_ids: Sequence[str]) -> datetime | None:
    """When the earliest unsent reminder falls due (for sleeping until then, and for health)."""
    statement = select(FollowUp.due_at).where(  # type: ignore[call-overload]
        col(FollowUp.team_id).in_(list(team_ids)),
        col(FollowUp.status) == FollowUpStatus.open,
        col(FollowUp.sent_at).is_(None),
    )
    value = session.execute(statement.order_by(col(FollowUp.due_at)).limit(1)).scalar()
    return value if isinstance(value, datetime) else None
