"""What a reminder shows: the follow-up, its customer, the note it came from, the latest notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.customers.records import NoteLine, note_line
from storage import customers, followups, notes
from storage.db import Database
from storage.models import Workspace


@dataclass(frozen=True)
class ReminderContext:
    follow_up_id: int
    team_id: str
    customer_name: str
    text: str
    assignee_id: str
    created_by: str
    channel_id: str | None  # where the follow-up was set; None for the console or a DM
    due_at: datetime
    status: str
    source: NoteLine | None
    recent: tuple[NoteLine, ...]
    tz: str
    lang: str


def reminder_contexts(
    *, db: Database, team_id: str, follow_up_ids: Iterable[int]
) -> dict[int, ReminderContext]:
    """The contexts of many reminders of one workspace, in a handful of queries."""
    with db.session() as session:
        rows = followups.follow_ups_by_id(session=session, team_id=team_id, ids=set(follow_up_ids))
        customer_ids = {row.customer_id for row in rows.values()}
        names = customers.names_by_id(session=session, team_id=team_id, ids=customer_ids)
        sources = notes.notes_by_id(
            session=session, team_id=team_id, ids={row.note_id for row in rows.values() if row.note_id}
        )
        recent = notes.recent_per_customer(
            session=session, team_id=team_id, customer_ids=customer_ids, limit=3
        )
        workspace = session.get(Workspace, team_id)
        tz = workspace.tz if workspace else "UTC"
        default_lang = "zh" if workspace and workspace.locale == "zh" else "en"
        contexts = {}
        for follow_up_id, row in rows.items():
            source = sources.get(row.note_id) if row.note_id else None
            live_source = source if source is not None and source.deleted_at is None else None
            contexts[follow_up_id] = ReminderContext(
                follow_up_id=follow_up_id,
                team_id=team_id,
                customer_name=names.get(row.customer_id, "?"),
                text=row.text,
                assignee_id=row.assignee_id,
                created_by=row.created_by,
                channel_id=row.slack_channel_id,
                due_at=row.due_at,
                status=str(row.status),
                source=note_line(live_source) if live_source is not None else None,
                recent=tuple(note_line(n) for n in recent.get(row.customer_id, [])),
                tz=tz,
                lang=(source.lang if source is not None else None) or default_lang,
            )
        return contexts


def reminder_context(*, db: Database, team_id: str, follow_up_id: int) -> ReminderContext | None:
    return reminder_contexts(db=db, team_id=team_id, follow_up_ids=[follow_up_id]).get(follow_up_id)
