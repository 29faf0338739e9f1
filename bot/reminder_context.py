"""What a reminder shows: the follow-up, its customer, the note it came from, the latest notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.customers import NoteLine
from storage import customers, followups, notes
from storage.db import Database
from storage.models import Note, Workspace


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


def _line(note: Note) -> NoteLine:
    return NoteLine(
        note_id=note.id or 0,
        author_id=note.author_id,
        body=note.body,
        created_at=note.created_at,
        occurred_at=note.occurred_at,
        permalink=note.permalink,
        channel=str(note.contact_channel) if note.contact_channel else None,
        category=str(note.category),
        tags=(),
    )


def reminder_context(*, db: Database, team_id: str, follow_up_id: int) -> ReminderContext | None:
    with db.session() as session:
        row = followups.get_follow_up(session=session, team_id=team_id, follow_up_id=follow_up_id)
        if row is None:
            return None
        customer = customers.get_customer(session=session, team_id=team_id, customer_id=row.customer_id)
        source = (
            notes.get_note(session=session, team_id=team_id, note_id=row.note_id) if row.note_id else None
        )
        recent = notes.recent_notes(session=session, team_id=team_id, customer_id=row.customer_id, limit=3)
        workspace = session.get(Workspace, team_id)
        lang_hint = (source.lang if source else None) or (
            "zh" if workspace and workspace.locale == "zh" else "en"
        )
        return ReminderContext(
            follow_up_id=follow_up_id,
            team_id=team_id,
            customer_name=customer.name if customer else "?",
            text=row.text,
            assignee_id=row.assignee_id,
            created_by=row.created_by,
            channel_id=row.slack_channel_id,
            due_at=row.due_at,
            status=str(row.status),
            source=_line(source) if source is not None and source.deleted_at is None else None,
            recent=tuple(_line(n) for n in recent),
            tz=workspace.tz if workspace else "UTC",
            lang=lang_hint,
        )
