"""Done, Snooze and Reassign on a reminder: each changes the follow-up at most once per reminder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.errors import NotFound
from bot.customers.people import known_zone
from bot.followups.agenda import ensure_may_act
from bot.followups.reminder_context import ReminderContext, reminder_context
from storage import followups, reminders
from storage.db import Database


@dataclass(frozen=True)
class ReminderOutcome:
    ctx: ReminderContext  # the follow-up as it stands after the click
    changed: bool  # False: an earlier click (or another person) already acted on this reminder
    until: datetime | None = None
    zone: str | None = None


def _context(db: Database, team_id: str, follow_up_id: int) -> ReminderContext:
    ctx = reminder_context(db=db, team_id=team_id, follow_up_id=follow_up_id)
    if ctx is None:
        raise NotFound("followup_not_found")
    return ctx


def _allowed(db: Database, team_id: str, follow_up_id: int, user_id: str) -> ReminderContext:
    """The follow-up, if `user_id` may act on it (bot.followups.agenda.ensure_may_act decides who may)."""
    ctx = _context(db, team_id, follow_up_id)
    ensure_may_act(assignee_id=ctx.assignee_id, created_by=ctx.created_by, user_id=user_id)
    return ctx


def snooze_until(choice: str, now: datetime, zone: str) -> datetime:
    """1 hour from now, tomorrow 9:00, or next Monday 9:00 — wall-clock times where the assignee is."""
    if choice == "1h":
        return now + timedelta(hours=1)
    local = now.astimezone(ZoneInfo(zone))
    if choice == "tomorrow":
        day = local.date() + timedelta(days=1)
    elif choice == "next_week":
        day = local.date() + timedelta(days=7 - local.weekday())
    else:
        raise ValueError(f"unknown snooze {choice!r}")
    # Built from the wall-clock time, so a DST change in between does not move 9:00.
    return datetime.combine(day, time(9, 0), tzinfo=ZoneInfo(zone))


def mark_done(
    *, db: Database, team_id: str, follow_up_id: int, due: datetime, now: datetime, user_id: str
) -> ReminderOutcome:
    _allowed(db, team_id, follow_up_id, user_id)
    with db.session() as session:
        changed = followups.mark_done(
            session=session, team_id=team_id, follow_up_id=follow_up_id, expected_due=due, now=now
        )
    return ReminderOutcome(ctx=_context(db, team_id, follow_up_id), changed=changed)


def snooze(
    *,
    db: Database,
    team_id: str,
    follow_up_id: int,
    due: datetime,
    choice: str,
    now: datetime,
    user_id: str,
) -> ReminderOutcome:
    before = _allowed(db, team_id, follow_up_id, user_id)
    # What we know of the assignee's zone now; Slack is asked after the answer (handlers.people).
    zone = known_zone(db=db, team_id=team_id, user_id=before.assignee_id) or before.tz
    until = snooze_until(choice, now, zone)
    with db.session() as session:
        changed = reminders.rearm(
            session=session, team_id=team_id, follow_up_id=follow_up_id, due_at=until, expected_due=due
        )
    return ReminderOutcome(ctx=_context(db, team_id, follow_up_id), changed=changed, until=until, zone=zone)


def reassign(
    *, db: Database, team_id: str, follow_up_id: int, due: datetime, assignee_id: str, user_id: str
) -> ReminderOutcome:
    _allowed(db, team_id, follow_up_id, user_id)
    with db.session() as session:
        changed = followups.reassign(
            session=session,
            team_id=team_id,
            follow_up_id=follow_up_id,
            assignee_id=assignee_id,
            expected_due=due,
        )
    return ReminderOutcome(ctx=_context(db, team_id, follow_up_id), changed=changed)
