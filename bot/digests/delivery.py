"""Where one summary goes, and what it counts as: a subscription's week, or one sent at once.

"/crm digest send" posts this week's summary outside any subscription: no subscription, so no
week is claimed and the weekly posts are neither moved nor counted; its chart's weeks are read in
the workspace's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.workspaces import WorkspaceDefaults, workspace_for
from storage.db import Database
from storage.models import DigestSubscription


@dataclass(frozen=True)
class Delivery:
    team_id: str
    channel_id: str
    segment: str
    tz: str  # the zone the chart's weeks end in
    period: str  # the week's date (its due day), or "now"
    subscription_id: int | None  # None: sent at once, outside any subscription


def weekly(sub: DigestSubscription, period: str) -> Delivery:
    """The summary of `sub` for the week `period`."""
    return Delivery(
        team_id=sub.team_id,
        channel_id=sub.channel_id,
        segment=sub.segment,
        tz=sub.tz,
        period=period,
        subscription_id=sub.id,
    )


def at_once(
    *, db: Database, team_id: str, channel_id: str, segment: str, now: datetime, defaults: WorkspaceDefaults
) -> Delivery:
    """This week's summary of `segment`, for "/crm digest send"."""
    with db.session() as session:
        tz = workspace_for(session, team_id, defaults, now).tz
    return Delivery(
        team_id=team_id, channel_id=channel_id, segment=segment, tz=tz, period="now", subscription_id=None
    )


def chart_name(segment: str, due: datetime) -> str:
    """The chart's file name: how a process taking over a summary knows its chart is there."""
    return f"{segment}-{due.date().isoformat()}.png"
