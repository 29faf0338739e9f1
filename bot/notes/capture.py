"""Notes from Slack messages: capture channels, the capture reaction, Events API retries."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core import validation
from bot.core.errors import UserError
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.records import customer_named
from bot.language import candidate_names, parse_note
from bot.notes.filing import FiledNote, file_note
from storage import capture, customers, notes
from storage.db import Database
from storage.models import Workspace


def first_delivery(*, db: Database, team_id: str, event_id: str, now: datetime) -> bool:
    """Whether this Events API delivery is new; Slack's retries of a handled event are not."""
    with db.session() as session:
        fresh = capture.first_delivery(session=session, team_id=team_id, event_id=event_id, now=now)
        if fresh and zlib.crc32(event_id.encode()) % 100 == 0:  # now and then, forget old deliveries
            capture.forget_events_before(session=session, team_id=team_id, before=now - capture.RETENTION)
        return fresh


@dataclass(frozen=True)
class CaptureSetting:
    channel_id: str
    customer_name: str | None  # None: capture was turned off


def set_capture(
    *,
    db: Database,
    team_id: str,
    channel_id: str,
    customer_name: str | None,
    user_id: str,
    now: datetime,
    defaults: WorkspaceDefaults,
) -> CaptureSetting:
    """Every top-level message in `channel_id` becomes a note on the customer (created if new);
    no customer turns capture off."""
    with db.session() as session:
        workspace_for(session, team_id, defaults, now)
        if customer_name is None:
            capture.stop_capture(session=session, team_id=team_id, channel_id=channel_id)
            return CaptureSetting(channel_id, None)
        customer, _ = customer_named(
            session=session, team_id=team_id, name=customer_name, created_by=user_id, now=now
        )
        assert customer.id is not None
        capture.set_capture_channel(
            session=session,
            team_id=team_id,
            channel_id=channel_id,
            customer_id=customer.id,
            created_by=user_id,
            now=now,
        )
        return CaptureSetting(channel_id, customer.name)


def set_capture_emoji(
    *, db: Database, team_id: str, emoji: str, now: datetime, defaults: WorkspaceDefaults
) -> str:
    name = validation.emoji(emoji)  # refuses a name longer than the column holds
    if not name or any(ch.isspace() for ch in name):
        raise UserError("crm_bad_emoji")
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        workspace.capture_emoji = name
        session.add(workspace)
    return name


def capture_emoji(*, db: Database, team_id: str) -> str:
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        return workspace.capture_emoji if workspace else "memo"


def channel_customer(*, db: Database, team_id: str, channel_id: str) -> str | None:
    with db.session() as session:
        row = capture.capture_channel(session=session, team_id=team_id, channel_id=channel_id)
        if row is None:
            return None
        customer = customers.get_customer(session=session, team_id=team_id, customer_id=row.customer_id)
        return customer.name if customer else None


def add_permalink(*, db: Database, team_id: str, note_id: int, permalink: str) -> bool:
    with db.session() as session:
        return notes.set_permalink(session=session, team_id=team_id, note_id=note_id, permalink=permalink)


def _known_customer(text: str, known: list[str], now: datetime) -> tuple[str | None, bool]:
    """The known customer a message is about, as the note grammar reads it, and whether the grammar
    reads it so by itself: the one it names, or else the known one it may mean when it reads as a
    new name ("Acme Health …" with Acme known), which must then be given."""
    parsed = parse_note(text, now=now, tz="UTC", known=known)
    if parsed.error is not None:  # filing it says what is wrong (a control character, …)
        return known[0], True
    if parsed.customer_known:
        return parsed.customer, True
    return parsed.customer_alternative, False


class NoCustomerInMessage(UserError):
    def __init__(self) -> None:
        super().__init__("capture_no_customer")


def save_message(
    *,
    db: Database,
    team_id: str,
    channel_id: str,
    ts: str,
    author_id: str,
    text: str,
    permalink: str | None,
    now: datetime,
    defaults: WorkspaceDefaults,
    source: str,
    prefer_channel_customer: bool,
) -> FiledNote | None:
    """Files a Slack message as a note, once per message (None when it already was, or is being
    filed by another delivery at this moment: storage.notes yields to it).

    The customer is the capture channel's when `prefer_channel_customer`; otherwise a known
    customer the text names (at its start, or anywhere: "just got off the phone with Globex"),
    else the channel's; a message naming no known customer in a channel without one is refused
    rather than inventing a customer.
    """
    with db.session() as session:
        if notes.note_for_message(session=session, team_id=team_id, channel_id=channel_id, ts=ts) is not None:
            return None
        names = customers.find_names(session=session, team_id=team_id, normalized=candidate_names(text))
    named, read_so = _known_customer(text, [name.name for name in names], now) if names else (None, False)
    default = channel_customer(db=db, team_id=team_id, channel_id=channel_id)
    if default is not None and (prefer_channel_customer or named is None):
        customer: str | None = default
    elif named is not None:
        customer = None if read_so else named  # None: file_note reads the same known name again
    else:
        raise NoCustomerInMessage()
    try:
        return file_note(
            db=db,
            team_id=team_id,
            user_id=author_id,
            text=text,
            now=now,
            defaults=defaults,
            slack_channel_id=channel_id,
            slack_ts=ts,
            permalink=permalink,
            source=source,
            customer=customer,
            written_at=datetime.fromtimestamp(float(ts), UTC),
        )
    except notes.MessageAlreadyFiled:  # another delivery of the message won the race
        return None
