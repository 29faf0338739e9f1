"""The tables. Every row carries the Slack workspace's `team_id`; no query crosses workspaces.

Each entity is a small family: `XBase` (shared fields) -> `X(table=True)`; request and
response shapes live with the services that need them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Column, Index, Numeric, String, Text, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class CustomerKind(StrEnum):
    company = "company"
    person = "person"


class ContactChannel(StrEnum):
    call = "call"
    email = "email"
    meeting = "meeting"
    visit = "visit"
    chat = "chat"


class Category(StrEnum):
    purchase = "purchase"
    complaint = "complaint"
    feedback = "feedback"
    need = "need"
    general = "general"


class FollowUpStatus(StrEnum):
    open = "open"
    done = "done"
    cancelled = "cancelled"


def _created() -> datetime:
    return utcnow()


class Workspace(SQLModel, table=True):
    """One Slack workspace and its defaults (time zone, currency, language)."""

    __tablename__ = "workspace"

    team_id: str = Field(primary_key=True, max_length=32)
    name: str | None = Field(default=None, max_length=200)
    tz: str = Field(max_length=64)
    currency: str = Field(max_length=3)
    locale: str = Field(max_length=8)
    created_at: datetime = Field(default_factory=_created, sa_column=Column(UTCDateTime(), nullable=False))
    # Reacting with this emoji (name without colons) to a message saves it as a note.
    capture_emoji: str = Field(default="memo", max_length=64, sa_column_kwargs={"server_default": "memo"})
    # Lifecycle thresholds: days without a note before a buyer is at risk, and churned.
    at_risk_days: int = Field(default=30, sa_column_kwargs={"server_default": "30"})
    churn_days: int = Field(default=90, sa_column_kwargs={"server_default": "90"})


class CaptureChannel(SQLModel, table=True):
    """A channel whose every top-level message is a note on one customer."""

    __tablename__ = "capture_channel"

    team_id: str = Field(foreign_key="workspace.team_id", primary_key=True, max_length=32)
    channel_id: str = Field(primary_key=True, max_length=32)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    created_by: str = Field(max_length=32)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class SlackEvent(SQLModel, table=True):
    """Events API deliveries already handled: Slack retries, and a retry must not store twice."""

    __tablename__ = "slack_event"

    team_id: str = Field(primary_key=True, max_length=32)
    event_id: str = Field(primary_key=True, max_length=64)
    received_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class SlackRequest(SQLModel, table=True):
    """Signed requests already acted on, with the answer given: Slack's signature scheme accepts
    a captured request again for five minutes, so a replay is answered from here, not acted on.
    Kept a little past that window (see storage.replays)."""

    __tablename__ = "slack_request"
    __table_args__ = (Index("ix_slack_request_team_signed", "team_id", "signed_at"),)

    team_id: str = Field(primary_key=True, max_length=32)
    signature: str = Field(primary_key=True, max_length=80)
    signed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    status: int | None = Field(default=None)  # None while the first delivery is being handled
    content_type: str | None = Field(default=None, max_length=100)
    body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ReplyTarget(SQLModel, table=True):
    """Where the answer to a form goes once it is submitted: the response URL of the click that
    opened it. The form carries only `key`, so a submission cannot name a destination of its own."""

    __tablename__ = "reply_target"

    team_id: str = Field(primary_key=True, max_length=32)
    key: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(max_length=32)
    url: str = Field(max_length=500)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class JobRun(SQLModel, table=True):
    """One period's run of a scheduled job for a workspace (the 6-hourly recompute): inserting the
    row claims the run, so it happens once however many processes tick. A run whose holder's lease
    ran out unfinished (it died) may be taken over (storage.runs)."""

    __tablename__ = "job_run"

    team_id: str = Field(primary_key=True, max_length=32)
    job: str = Field(primary_key=True, max_length=32)
    period: str = Field(primary_key=True, max_length=32)  # e.g. 2026-12-02T06 for the run from 06:00 UTC
    acquired_by: str = Field(max_length=64)
    acquired_until: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class CustomerBase(SQLModel):
    name: str = Field(max_length=200)
    kind: CustomerKind = Field(default=CustomerKind.company, sa_type=String(16))
    region: str | None = Field(default=None, max_length=100)
    industry: str | None = Field(default=None, max_length=100)
    owner_id: str | None = Field(default=None, max_length=32)


class Customer(CustomerBase, table=True):
    __tablename__ = "customer"
    __table_args__ = (UniqueConstraint("team_id", "normalized", name="uq_customer_team_normalized"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", index=True, max_length=32)
    normalized: str = Field(max_length=200)
    created_by: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=_created, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=_created, sa_column=Column(UTCDateTime(), nullable=False))
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    # Classification as last computed (bot.insights.classification); the history is in stage_change.
    stage: str = Field(default="lead", max_length=16, sa_column_kwargs={"server_default": "lead"})
    tier: str = Field(default="none", max_length=8, sa_column_kwargs={"server_default": "none"})
    stage_since: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class CustomerName(SQLModel, table=True):
    """Every name a customer answers to: its own name and each alias, normalised for lookup.

    One table for both so that "the longest known name at the start of a note" is a single
    indexed `normalized IN (...)` query, whichever kind of name matches.
    """

    __tablename__ = "customer_name"
    __table_args__ = (UniqueConstraint("team_id", "normalized", name="uq_customer_name_team_normalized"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    normalized: str = Field(max_length=200)
    is_alias: bool = Field(default=False)


class Contact(SQLModel, table=True):
    """A person at a customer."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    title: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=64)


# The predicates of the complaint indexes; queries that want them say the same (storage.complaints).
OPEN_COMPLAINT = "category = 'complaint' AND deleted_at IS NULL AND resolved_at IS NULL"
RESOLVED_COMPLAINT = "category = 'complaint' AND deleted_at IS NULL AND resolved_at IS NOT NULL"
FROM_SLACK_MESSAGE = "slack_ts IS NOT NULL AND deleted_at IS NULL"


class Note(SQLModel, table=True):
    """One interaction: what was said, by whom, when, and where in Slack it was written."""

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_team_customer_created", "team_id", "customer_id", "created_at"),
        Index("ix_note_team_author_created", "team_id", "author_id", "created_at"),
        # Classification, segments and digests (migration 0010): per-customer activity, and one
        # category's live notes (complaints, purchases), read from the indexes alone.
        Index(
            "ix_note_team_customer_activity",
            *("team_id", "customer_id", "created_at", "occurred_at", "category"),
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_note_team_category_customer",
            *("team_id", "category", "customer_id", "created_at", "occurred_at", "amount", "currency"),
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        # Open complaints per customer, and complaints resolved lately (migration 0011).
        Index(
            "ix_note_open_complaints",
            "team_id",
            "customer_id",
            postgresql_where=text(OPEN_COMPLAINT),
            sqlite_where=text(OPEN_COMPLAINT),
        ),
        Index(
            "ix_note_resolved_complaints",
            *("team_id", "resolved_at", "customer_id"),
            postgresql_where=text(RESOLVED_COMPLAINT),
            sqlite_where=text(RESOLVED_COMPLAINT),
        ),
        # A Slack message becomes at most one live note, whichever way it arrives (capture
        # channel, reaction, shortcut), even when two arrive at the same moment (migration 0012).
        Index(
            "ux_note_slack_message",
            *("team_id", "slack_channel_id", "slack_ts"),
            unique=True,
            postgresql_where=text(FROM_SLACK_MESSAGE),
            sqlite_where=text(FROM_SLACK_MESSAGE),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id")
    author_id: str = Field(max_length=32)
    text: str = Field(sa_column=Column(Text, nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    lang: str = Field(default="en", max_length=8)
    source: str = Field(default="command", max_length=16)
    slack_channel_id: str | None = Field(default=None, max_length=32)
    slack_ts: str | None = Field(default=None, max_length=32)
    permalink: str | None = Field(default=None, max_length=500)
    contact_channel: ContactChannel | None = Field(default=None, sa_type=String(16))
    category: Category = Field(default=Category.general, sa_type=String(16))
    occurred_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 4), nullable=True))
    currency: str | None = Field(default=None, max_length=3)
    created_at: datetime = Field(default_factory=_created, sa_column=Column(UTCDateTime(), nullable=False))
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    deleted_by: str | None = Field(default=None, max_length=32)
    # A complaint is open until resolved (bot.notes.complaints); other notes keep these empty.
    resolved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    resolved_by: str | None = Field(default=None, max_length=32)


class Tag(SQLModel, table=True):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("team_id", "name", name="uq_tag_team_name"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    name: str = Field(max_length=100)


class NoteTag(SQLModel, table=True):
    __tablename__ = "note_tag"

    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    note_id: int = Field(foreign_key="note.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class CustomerTag(SQLModel, table=True):
    __tablename__ = "customer_tag"

    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class FollowUp(SQLModel, table=True):
    """Something to do for a customer by a time; reminders are posted from these rows."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_team_status_due", "team_id", "status", "due_at"),
        # The dispatcher's question, "what is due and unsent?", answered from a small partial index.
        Index(
            "ix_follow_up_unsent_due",
            "due_at",
            postgresql_where=text("status = 'open' AND sent_at IS NULL"),
            sqlite_where=text("status = 'open' AND sent_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    note_id: int | None = Field(default=None, foreign_key="note.id", index=True)
    assignee_id: str = Field(max_length=32)
    created_by: str = Field(max_length=32)
    slack_channel_id: str | None = Field(default=None, max_length=32)
    text: str = Field(sa_column=Column(Text, nullable=False))
    due_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    status: FollowUpStatus = Field(default=FollowUpStatus.open, sa_type=String(16))
    created_at: datetime = Field(default_factory=_created, sa_column=Column(UTCDateTime(), nullable=False))
    completed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    # The reminder: posted once per arming (sent_at), by whoever holds the lease (see storage.reminders).
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    slack_ts: str | None = Field(default=None, max_length=32)
    posted_channel_id: str | None = Field(default=None, max_length=32)
    acquired_by: str | None = Field(default=None, max_length=64)
    acquired_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    attempt_key: str | None = Field(default=None, max_length=64)
    attempts: int = Field(default=0)
    # An earlier attempt may have reached Slack (its holder died, or Slack's answer never came):
    # the next holder looks for the post before posting (rule 5 of storage.reminders).
    unsure: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    last_error: str | None = Field(default=None, max_length=200)


class SlackUser(SQLModel, table=True):
    """What Slack told us of a person (time zone, language), kept for a day to spare users.info calls.

    A cache, filled before the workspace row may exist, so it has no foreign key to it.
    """

    __tablename__ = "slack_user"

    team_id: str = Field(primary_key=True, max_length=32)
    user_id: str = Field(primary_key=True, max_length=32)
    tz: str | None = Field(default=None, max_length=64)
    locale: str | None = Field(default=None, max_length=16)
    fetched_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class StageChange(SQLModel, table=True):
    """A customer's move from one lifecycle stage to another, and when it was seen."""

    __tablename__ = "stage_change"
    __table_args__ = (Index("ix_stage_change_team_changed", "team_id", "changed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    from_stage: str = Field(max_length=16)
    to_stage: str = Field(max_length=16)
    changed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class CurrencyRate(SQLModel, table=True):
    """How many units of the workspace currency one unit of `currency` buys."""

    __tablename__ = "currency_rate"

    team_id: str = Field(foreign_key="workspace.team_id", primary_key=True, max_length=32)
    currency: str = Field(primary_key=True, max_length=3)
    rate: Decimal = Field(sa_column=Column(Numeric(18, 8), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Segment(SQLModel, table=True):
    """A saved customer filter, written in the `/crm segment` language (bot.insights.segments)."""

    __tablename__ = "segment"
    __table_args__ = (UniqueConstraint("team_id", "name", name="uq_segment_team_name"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    name: str = Field(max_length=64)
    definition: str = Field(sa_column=Column(Text, nullable=False))
    created_by: str = Field(max_length=32)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class DigestSubscription(SQLModel, table=True):
    """A channel's weekly summary of a segment, at a weekday and time in a time zone."""

    __tablename__ = "digest_subscription"

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", index=True, max_length=32)
    channel_id: str = Field(max_length=32)
    segment: str = Field(max_length=64)
    weekday: int  # Monday is 0
    hour: int
    minute: int
    tz: str = Field(max_length=64)
    created_by: str = Field(max_length=32)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    active: bool = Field(default=True)


class DigestPeriod(SQLModel, table=True):
    """One week's digest of a subscription: inserting the row claims the week (exactly once)."""

    __tablename__ = "digest_period"
    __table_args__ = (UniqueConstraint("subscription_id", "period", name="uq_digest_period"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(foreign_key="workspace.team_id", max_length=32)
    subscription_id: int = Field(foreign_key="digest_subscription.id", index=True)
    period: str = Field(max_length=10)  # the local date it is due, YYYY-MM-DD
    due_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    acquired_by: str = Field(max_length=64)  # the lease, in the words reminders and job runs use
    acquired_until: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    slack_ts: str | None = Field(default=None, max_length=32)
    late: bool = Field(default=False)
    members: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # customer ids, JSON
