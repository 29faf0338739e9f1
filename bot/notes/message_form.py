"""Saving a Slack message as a note through the form (the "Save as customer note" shortcut)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.records import customer_named
from bot.language import parse_note
from bot.notes.editing import EditableNote, NoteChanges, apply_form
from bot.notes.filing import FiledNote, assemble_note, read_text
from storage import capture, customers, notes
from storage.db import Database


def prefill_from_message(
    *,
    db: Database,
    team_id: str,
    channel_id: str,
    text: str,
    ts: str,
    now: datetime,
    defaults: WorkspaceDefaults,
    user_tz: str | None,
) -> EditableNote:
    """The form for saving a Slack message as a note, filled in from how the message reads."""
    said_at = datetime.fromtimestamp(float(ts), UTC)
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        zone = user_tz or workspace.tz
        channel_default = capture.capture_channel(session=session, team_id=team_id, channel_id=channel_id)
        default_name = None
        if channel_default is not None:
            found = customers.get_customer(
                session=session, team_id=team_id, customer_id=channel_default.customer_id
            )
            default_name = found.name if found else None
        parsed, known = read_text(
            session, team_id, text, parser=parse_note, at=said_at, zone=zone, currency=workspace.currency
        )
        customer = (parsed.customer if known else None) or default_name or ""
        return EditableNote(
            note_id=0,
            customer=customer,
            # A message the grammar cannot read (a control character in it) is shown as it is:
            # the form names what to fix when it is saved.
            body=parsed.body if known and parsed.error is None else text,
            tags=parsed.tags,
            channel=parsed.channel,
            category=parsed.category,
            amount=parsed.amount.value if parsed.amount else None,
            currency=parsed.amount.currency if parsed.amount else None,
            follow_up_due=parsed.follow_up.due.astimezone(ZoneInfo(zone)) if parsed.follow_up else None,
            occurred_on=(parsed.occurred_at or said_at).astimezone(ZoneInfo(zone)).date(),
            tz=zone,
            lang="zh" if parsed.lang == "zh" else workspace.locale,
            mentions=parsed.mentions,
            occurred_at=parsed.occurred_at or said_at,
        )


def file_from_form(
    *,
    db: Database,
    team_id: str,
    author_id: str,
    saved_by: str,
    changes: NoteChanges,
    now: datetime,
    defaults: WorkspaceDefaults,
    channel_id: str,
    ts: str,
    text: str,
    permalink: str | None,
    lang: str,
    mentions: Sequence[str] = (),
    occurred_at: datetime | None = None,
) -> FiledNote | None:
    """A Slack message saved through the form: filed as the form says, once per message
    (None when it already was). The note keeps the message's author, time and permalink."""
    try:
        with db.session() as session:
            workspace = workspace_for(session, team_id, defaults, now)
            if (
                notes.note_for_message(session=session, team_id=team_id, channel_id=channel_id, ts=ts)
                is not None
            ):
                return None
            customer, created = customer_named(
                session=session, team_id=team_id, name=changes.customer, created_by=saved_by, now=now
            )
            assert customer.id is not None
            note = notes.create_note(
                session=session,
                team_id=team_id,
                note_in=assemble_note(
                    customer_id=customer.id,
                    author_id=author_id,
                    text=text,
                    body=changes.body,
                    source="shortcut",
                    slack_channel_id=channel_id,
                    slack_ts=ts,
                    permalink=permalink,
                    channel=changes.channel,
                    category=changes.category,
                    # The form shows a day; left as it was, the time its words or its ts give stands.
                    occurred_at=changes.occurred_at if changes.occurred_set else occurred_at,
                    written_at=datetime.fromtimestamp(float(ts), UTC),
                    amount=changes.amount,
                    currency=changes.currency,
                ),
                now=now,
            )
            assert note.id is not None
            return apply_form(
                session,
                note,
                customer,
                created,
                changes,
                user_id=saved_by,
                now=now,
                tz=workspace.tz,
                lang=lang,
                mentions=mentions,
            )
    except notes.MessageAlreadyFiled:  # captured by another delivery meanwhile
        return None
