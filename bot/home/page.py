"""What App Home shows a person: their follow-ups, their latest notes, their customers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.followups.agenda import FollowUpItem, item_of
from storage import customers, followups, notes
from storage.db import Database
from storage.followups import FollowUpFilter
from storage.models import Workspace


@dataclass(frozen=True)
class HomeNote:
    customer_name: str
    body: str
    created_at: datetime
    permalink: str | None


@dataclass(frozen=True)
class Home:
    follow_ups: tuple[FollowUpItem, ...]
    notes: tuple[HomeNote, ...]
    customers: tuple[str, ...]
    tz: str
    lang: str


def home_for(*, db: Database, team_id: str, user_id: str, now: datetime, locale: str) -> Home:
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        rows = followups.open_follow_ups(
            session=session, team_id=team_id, which=FollowUpFilter(assignee_id=user_id), limit=10
        )
        mine = notes.recent_by_author(session=session, team_id=team_id, author_id=user_id, limit=10)
        ids = {r.customer_id for r in rows} | {n.customer_id for n in mine}
        names = customers.names_by_id(session=session, team_id=team_id, ids=ids)
        owned = customers.owned_by(session=session, team_id=team_id, owner_id=user_id, limit=15)
        return Home(
            follow_ups=tuple(item_of(r, names, now) for r in rows),
            notes=tuple(
                HomeNote(names.get(n.customer_id, "?"), n.body, n.created_at, n.permalink) for n in mine
            ),
            customers=tuple(c.name for c in owned),
            tz=workspace.tz if workspace else "UTC",
            lang=(workspace.locale if workspace else locale) or "en",
        )
