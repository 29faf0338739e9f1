"""Follow-ups set by hand (`/followup`), listed, and marked done."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.core import validation
from bot.core.errors import NotAllowed, NotFound
from bot.core.i18n import reply_lang
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.records import CustomerNotFound, customer_named, existing
from bot.language import normalize_name, parse_followup
from bot.notes.filing import NoteRejected, follow_up_assignee, read_again, read_text, told_as_note
from storage import customers, followups, reminders
from storage.db import Database
from storage.followups import FollowUpFilter
from storage.models import FollowUp


@dataclass(frozen=True)
class FollowUpItem:
    follow_up_id: int
    customer_name: str
    assignee_id: str
    text: str
    due_at: datetime
    overdue: bool


def item_of(row: FollowUp, names: dict[int, str], now: datetime) -> FollowUpItem:
    return FollowUpItem(
        follow_up_id=row.id or 0,
        customer_name=names.get(row.customer_id, "?"),
        assignee_id=row.assignee_id,
        text=row.text,
        due_at=row.due_at,
        overdue=row.due_at <= now,
    )


@dataclass(frozen=True)
class CreatedFollowUp:
    item: FollowUpItem
    customer_created: bool
    tz: str
    lang: str


@dataclass(frozen=True)
class FollowUpList:
    items: tuple[FollowUpItem, ...]
    scope: str  # "mine", "user" or "customer"
    subject: str | None  # the user id or customer name listed
    tz: str
    lang: str
    total: int = 0  # open follow-ups in this scope; more than `items` when the list was cut


LISTED = 48  # a list is one message: its title and these fit in Slack's 50 blocks, with room to spare


def set_follow_up(
    *,
    db: Database,
    team_id: str,
    user_id: str,
    text: str,
    now: datetime,
    defaults: WorkspaceDefaults,
    slack_channel_id: str | None,
    user_tz: str | None = None,
    customer_id: int | None = None,
) -> CreatedFollowUp:
    """`/followup <customer> <when> <what>`: a follow-up for the first person mentioned, else the author.

    With `customer_id` (a card's form) the text is `<when> <what>` for that customer, and
    CustomerGone when it no longer exists."""
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        zone = user_tz or workspace.tz  # dates are read where the writer is
        known = existing(session=session, team_id=team_id, customer_id=customer_id) if customer_id else None
        if known is not None:
            text = f"\u201c{known.name}\u201d {text}"  # quoted in front: the parser takes it as the customer
        parsed, _ = read_text(
            session, team_id, text, parser=parse_followup, at=now, zone=zone, currency=workspace.currency
        )
        lang = reply_lang(text, workspace.locale)
        if parsed.error_code is not None or parsed.follow_up is None:
            raise NoteRejected("followup_error_detail", lang, parsed.error)
        if not parsed.customer:
            raise NoteRejected("note_error_no_customer", lang)
        with told_as_note(lang):
            name = validation.name(parsed.customer)
        customer, created = (
            (known, False)
            if known is not None
            else customer_named(session=session, team_id=team_id, name=name, created_by=user_id, now=now)
        )
        assert customer.id is not None
        row = followups.create_follow_up(
            session=session,
            team_id=team_id,
            customer_id=customer.id,
            note_id=None,
            assignee_id=follow_up_assignee(mentions=parsed.mentions, author_id=user_id),
            created_by=user_id,
            slack_channel_id=slack_channel_id,
            text=parsed.follow_up.text or parsed.body,
            due_at=parsed.follow_up.due,
            now=now,
        )
        assert row.id is not None
        item = FollowUpItem(
            follow_up_id=row.id,
            customer_name=customer.name,
            assignee_id=row.assignee_id,
            text=row.text,
            due_at=row.due_at,
            overdue=row.due_at <= now,
        )
        return CreatedFollowUp(item=item, customer_created=created, tz=zone, lang=lang)


def read_again_in_zone(
    *, db: Database, team_id: str, created: CreatedFollowUp, text: str, said_at: datetime, zone: str
) -> CreatedFollowUp | None:
    """A follow-up whose time was read in `created.tz` (the writer's zone was not known yet),
    read again in `zone`, the writer's own, and moved there while it is still as filed. None
    when it does not move."""
    with db.session() as session:
        parsed = read_again(session, team_id, text, parser=parse_followup, at=said_at, zone=zone)
        due = parsed.follow_up.due if parsed.follow_up else None
        if due is None or due == created.item.due_at:
            return None
        if not reminders.rearm(
            session=session,
            team_id=team_id,
            follow_up_id=created.item.follow_up_id,
            due_at=due,
            expected_due=created.item.due_at,
        ):
            return None
        item = replace(created.item, due_at=due, overdue=due <= said_at)
        return replace(created, item=item, tz=zone)


def list_follow_ups(
    *, db: Database, team_id: str, user_id: str, query: str, now: datetime, defaults: WorkspaceDefaults
) -> FollowUpList:
    """Open follow-ups, overdue first: yours, another person's (`<@U…>`), or a customer's (its name)."""
    query = validation.plain(query).strip()
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        lang = reply_lang(query, workspace.locale)
        scope, subject = "mine", user_id
        which = FollowUpFilter(assignee_id=user_id)
        if query.startswith("<@") and query.endswith(">"):
            scope, subject = "user", query[2:-1].split("|", 1)[0]
            which = FollowUpFilter(assignee_id=subject)
        elif query:
            customer = customers.customer_by_name(
                session=session, team_id=team_id, normalized=normalize_name(query)
            )
            if customer is None or customer.id is None:
                raise CustomerNotFound(query, [])
            scope, subject = "customer", customer.name
            which = FollowUpFilter(customer_id=customer.id)
        rows = followups.open_follow_ups(session=session, team_id=team_id, which=which, limit=LISTED)
        total = (
            len(rows)
            if len(rows) < LISTED
            else followups.count_open_follow_ups(session=session, team_id=team_id, which=which)
        )
        names = customers.names_by_id(session=session, team_id=team_id, ids={r.customer_id for r in rows})
        items = tuple(item_of(r, names, now) for r in rows)
        return FollowUpList(
            items=items, scope=scope, subject=subject, tz=workspace.tz, lang=lang, total=total
        )


@dataclass(frozen=True)
class ClosedFollowUp:
    text: str
    closed_now: bool  # False: it was no longer open (a second click, or someone else first)
    lang: str


def ensure_may_act(*, assignee_id: str, created_by: str, user_id: str) -> None:
    """Who may act on a follow-up — close it, snooze it, hand it to someone else: the person it is
    assigned to, or the person who set it. Anyone else is refused politely and nothing changes.

    One rule for every way in: /followup's and App Home's Done, and the reminder's Done, Snooze and
    Reassign (bot.followups.reminder_actions).
    """
    if user_id not in (assignee_id, created_by):
        raise NotAllowed("followup_not_yours")


def complete_follow_up(
    *, db: Database, team_id: str, follow_up_id: int, user_id: str, now: datetime, locale: str
) -> ClosedFollowUp:
    """Marks it done, exactly once however many clicks arrive."""
    with db.session() as session:
        row = followups.get_follow_up(session=session, team_id=team_id, follow_up_id=follow_up_id)
        if row is None:
            raise NotFound("followup_not_found")
        ensure_may_act(assignee_id=row.assignee_id, created_by=row.created_by, user_id=user_id)
        closed = followups.mark_done(session=session, team_id=team_id, follow_up_id=follow_up_id, now=now)
        return ClosedFollowUp(text=row.text, closed_now=closed, lang=reply_lang(row.text, locale))
