"""Claiming one period's run of a scheduled job, once across processes.

The rules, as for reminders (storage.reminders) in the same words:
1. Inserting the (team, job, period) row claims the run for its `acquired_by` until
   `acquired_until`; the unique key lets one process win, the others do nothing.
2. A run not finished when its lease runs out was left by a process that died: anyone may take
   it over, by a conditional update naming the holder it replaces (so only one taker wins).
3. Finishing records `finished_at`; a finished run is never taken again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from storage.models import JobRun
from storage.upsert import insert_ignore


def claim(
    *, session: Session, team_id: str, job: str, period: str, owner: str, now: datetime, lease: timedelta
) -> bool:
    """Whether this process now holds the run (rules 1 and 2)."""
    inserted = insert_ignore(
        session=session,
        model=JobRun,
        rows=[
            {
                "team_id": team_id,
                "job": job,
                "period": period,
                "acquired_by": owner,
                "acquired_until": now + lease,
            }
        ],
        conflict=["team_id", "job", "period"],
    )
    if inserted:
        return True
    row = session.get(JobRun, (team_id, job, period))
    if row is None or row.finished_at is not None or row.acquired_until >= now:
        return False
    taken = session.execute(
        update(JobRun)
        .where(
            col(JobRun.team_id) == team_id,
            col(JobRun.job) == job,
            col(JobRun.period) == period,
            col(JobRun.acquired_by) == row.acquired_by,
            col(JobRun.finished_at).is_(None),
        )
        .values(acquired_by=owner, acquired_until=now + lease)
    )
    return int(taken.rowcount or 0) == 1  # type: ignore[attr-defined]


def finish(*, session: Session, team_id: str, job: str, period: str, owner: str, now: datetime) -> bool:
    """Rule 3; False when the run was taken over meanwhile (the taker finishes it too)."""
    statement = (
        update(JobRun)
        .where(
            col(JobRun.team_id) == team_id,
            col(JobRun.job) == job,
            col(JobRun.period) == period,
            col(JobRun.acquired_by) == owner,
        )
        .values(finished_at=now)
    )
    return int(session.execute(statement).rowcount or 0) == 1  # type: ignore[attr-defined]
