"""A channel's weekly summaries: subscribing to a segment's, listing them, unsubscribing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.digests.schedule import parse_schedule
from bot.insights import segments
from storage import digests
from storage.db import Database
from storage.models import DigestSubscription


@dataclass(frozen=True)
class Subscription:
    """A channel's weekly summary of a segment: every `weekday` (Monday is 0) at hour:minute in `tz`."""

    segment: str
    weekday: int
    hour: int
    minute: int
    tz: str


def _of(row: DigestSubscription) -> Subscription:
    return Subscription(segment=row.segment, weekday=row.weekday, hour=row.hour, minute=row.minute, tz=row.tz)


def subscribe(
    *,
    db: Database,
    team_id: str,
    channel_id: str,
    text: str,
    user_id: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> Subscription:
    schedule = parse_schedule(text)
    segments.show(db=db, team_id=team_id, name=schedule.segment, now=now)  # refuses an unknown segment
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        return _of(
            digests.add_subscription(
                session=session,
                subscription=DigestSubscription(
                    team_id=team_id,
                    channel_id=channel_id,
                    segment=schedule.segment,
                    weekday=schedule.weekday,
                    hour=schedule.hour,
                    minute=schedule.minute,
                    tz=schedule.tz or workspace.tz,
                    created_by=user_id,
                    created_at=now,
                ),
            )
        )


def subscriptions_in(*, db: Database, team_id: str, channel_id: str) -> list[Subscription]:
    with db.session() as session:
        return [
            _of(row) for row in digests.subscriptions(session=session, team_id=team_id, channel_id=channel_id)
        ]


def unsubscribe(*, db: Database, team_id: str, channel_id: str, segment: str) -> int:
    if not segments.is_name(segment):
        return 0
    with db.session() as session:
        return digests.deactivate(session=session, team_id=team_id, channel_id=channel_id, segment=segment)
