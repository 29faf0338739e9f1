"""The weekly summary's history, the data its chart draws: a segment's size at the end of each of
the last 12 weeks, by stage (the drawing is bot.render.chart's).

Who was in the segment at the end of a past week:
  - the members a sent summary of this subscription recorded for that week, when there is one
    (exact: it is what the channel was told then);
  - otherwise today's members who were already customers then (a preview, or weeks before the
    subscription began): segments filter on facts whose past values are not kept, so earlier
    membership is read from today's.
This week's bar counts members by their current stage. For a past week, each member's stage is
rebuilt from the stage history: the stage it moved to last before that moment; failing that, the
stage its first later move left; failing that, today's.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.digests.build import Digest
from storage import digests
from storage.db import Database

WEEKS = 12
_Moves = tuple[list[datetime], list[tuple[str, str]]]  # one customer's move times, and (from, to) of each


@dataclass(frozen=True)
class Week:
    """The segment at the end of one week: how many of its members were in each stage."""

    ending: date
    stages: dict[str, int]

    @property
    def size(self) -> int:
        return sum(self.stages.values())


def weekly_sizes(
    *,
    db: Database,
    team_id: str,
    digest: Digest,
    now: datetime,
    subscription_id: int | None = None,
    tz: str = "UTC",
) -> list[Week]:
    """WEEKS weeks ending at `now`, oldest first (the rule is in the module docstring)."""
    zone = ZoneInfo(tz)
    moments = [now - timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    periods = [moment.astimezone(zone).date().isoformat() for moment in moments]
    with db.session() as session:
        recent = digests.customers_since(session=session, team_id=team_id, since=moments[0])
        moves = digests.stage_moves_since(session=session, team_id=team_id, since=moments[0])
        recorded = {
            period: [int(cid) for cid in json.loads(members)]
            for period, members in (
                digests.sent_members(
                    session=session, team_id=team_id, subscription_id=subscription_id, periods=periods[:-1]
                )
                if subscription_id is not None
                else {}
            ).items()
        }
        unknown = {cid for ids in recorded.values() for cid in ids} | set(digest.member_ids)
        stages = dict(digest.stages)
        stages |= digests.live_stages(session=session, team_id=team_id, ids=unknown - set(stages))
    history: dict[int, _Moves] = {}
    for customer_id, before, after, when in moves:  # oldest first
        times, stages_moved = history.setdefault(customer_id, ([], []))
        times.append(when)
        stages_moved.append((before, after))
    today = [cid for cid in digest.member_ids if cid in stages]
    weeks = []
    for moment, period in zip(moments, periods, strict=True):
        if moment == now:
            members = today
        elif period in recorded:
            members = [cid for cid in recorded[period] if cid in stages]  # deleted since: left out
        else:  # customers created before the first week (most) are not in `recent`
            members = [cid for cid in today if recent.get(cid, moment) <= moment]
        if moment == now:  # this week: the stages the summary itself reports
            counted = Counter(stages[cid] for cid in members)
        else:
            counted = Counter(_stage_at(history.get(cid), stages[cid], moment) for cid in members)
        weeks.append(Week(ending=moment.astimezone(zone).date(), stages=dict(counted)))
    return weeks


def _stage_at(moves: _Moves | None, current: str, moment: datetime) -> str:
    if not moves:
        return current
    times, stages = moves
    later = bisect.bisect_right(times, moment)
    return stages[later - 1][1] if later > 0 else stages[0][0]
