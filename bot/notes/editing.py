"""Correcting a filed note: what the Edit form shows, how its answers are checked, and the update."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.core import validation
from bot.core.errors import NotAllowed, NotFound, UserError
from bot.core.validation import InvalidInput
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.records import customer_named
from bot.language import parse_note
from bot.language.markup import mark
from bot.language.model import CATEGORIES, CHANNELS
from bot.notes.filing import FiledNote, follow_up_assignee
from storage import customers, followups, notes, reminders, tags
from storage.db import Database
from storage.models import Category, ContactChannel, Customer, Note, Workspace

_TAG = re.compile(r"[^\s#,，、]+")
T = TypeVar("T")


@dataclass(frozen=True)
class EditableNote:
    note_id: int
    customer: str
    body: str
    tags: tuple[str, ...]
    channel: str | None
    category: str
    amount: Decimal | None
    currency: str | None
    follow_up_due: datetime | None  # in the workspace's time zone
    occurred_on: date | None
    tz: str
    lang: str
    mentions: tuple[str, ...] = ()  # people the words name (a saved message's), for its follow-up
    occurred_at: datetime | None = None  # to the second (a saved message's: its words, else its ts)


@dataclass(frozen=True)
class NoteForm:
    """The Edit form's answers, as typed: strings, or None where left empty."""

    customer: str | None
    body: str | None
    tags: str | None
    channel: str | None
    category: str | None
    amount: str | None
    currency: str | None
    follow_up_date: str | None  # YYYY-MM-DD
    follow_up_time: str | None  # HH:MM
    occurred_date: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class NoteChanges:
    customer: str
    body: str
    tags: tuple[str, ...]
    channel: str | None
    category: str
    amount: Decimal | None
    currency: str | None
    follow_up_due: datetime | None
    occurred_at: datetime | None
    # Whether the form's "when it happened" was changed (the form shows only a day): when it was
    # not, the time already known to the second stands (an edited note's, a saved message's ts).
    occurred_set: bool = True


class InvalidFields(UserError):
    """Some answers cannot be used; `fields` maps each form field to the message key saying why
    and that message's values."""

    def __init__(self, fields: dict[str, tuple[str, dict[str, Any]]]) -> None:
        super().__init__("edit_invalid")
        self.fields = fields


def _owned_note(session: Session, team_id: str, note_id: int, user_id: str) -> Note:
    note = notes.get_note(session=session, team_id=team_id, note_id=note_id)
    if note is None or note.deleted_at is not None:
        raise NotFound("note_not_found")
    if note.author_id != user_id:
        raise NotAllowed("edit_not_author")
    return note


def note_for_edit(*, db: Database, team_id: str, note_id: int, user_id: str, locale: str) -> EditableNote:
    """The note as the Edit form shows it; only its author may edit it."""
    with db.session() as session:
        note = _owned_note(session, team_id, note_id, user_id)
        assert note.id is not None
        workspace = session.get(Workspace, team_id)
        tz = workspace.tz if workspace else "UTC"
        customer = customers.get_customer(session=session, team_id=team_id, customer_id=note.customer_id)
        pending = followups.open_for_note(session=session, team_id=team_id, note_id=note.id)
        zone = ZoneInfo(tz)
        return EditableNote(
            note_id=note.id,
            customer=customer.name if customer else "",
            body=note.body,
            tags=tuple(
                tags.note_tag_names(session=session, team_id=team_id, note_ids=[note.id]).get(note.id, [])
            ),
            channel=str(note.contact_channel) if note.contact_channel else None,
            category=str(note.category),
            amount=note.amount,
            currency=note.currency,
            follow_up_due=pending[0].due_at.astimezone(zone) if pending else None,
            occurred_on=note.occurred_at.astimezone(zone).date() if note.occurred_at else None,
            tz=tz,
            lang="zh" if note.lang == "zh" else locale,
        )


def read_form(
    form: NoteForm,
    *,
    tz: str,
    default_currency: str,
    initial: NoteForm | None = None,
    now: datetime | None = None,
) -> NoteChanges:
    """Checks the answers; raises InvalidFields naming every field that cannot be used.

    The customer's name, the text, the tags and the amount are checked as a /note's are
    (bot.core.validation), so a form stores nothing a command could not.

    A text changed in the form (it differs from `initial`, what the form showed) is read again as
    a note written `now`: its tags join the tags, and its follow-up, contact, kind and amount fill
    the fields the person left as they were. A field the person changed wins over the text
    (`_read_again`)."""
    problems: dict[str, tuple[str, dict[str, Any]]] = {}

    def checked(name: str, check: Callable[[], T]) -> T | None:
        try:
            return check()
        except InvalidInput as refused:
            problems[name] = (refused.key, refused.params)
            return None

    customer = (form.customer or "").strip()
    if not customer:
        problems["customer"] = ("edit_need_customer", {})
    else:
        customer = checked("customer", lambda: validation.name(customer)) or ""
    body = (form.body or "").strip()
    if not body:
        problems["body"] = ("edit_need_body", {})
    else:
        checked("body", lambda: validation.plain(body))
    note_tags = checked("tags", lambda: validation.tags(_TAG.findall(form.tags or ""))) or ()
    channel = form.channel or None
    if channel is not None and channel not in CHANNELS:
        problems["channel"] = ("edit_bad_choice", {})
    category = form.category or "general"
    if category not in CATEGORIES:
        problems["category"] = ("edit_bad_choice", {})
    amount: Decimal | None = None
    if form.amount and form.amount.strip():
        try:
            typed = Decimal(form.amount.strip().replace(",", "").replace("，", ""))
        except InvalidOperation:
            problems["amount"] = ("edit_bad_amount", {})
        else:
            amount = checked("amount", lambda: validation.amount(typed))
    currency = (form.currency or "").strip().upper() or None
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        problems["currency"] = ("edit_bad_currency", {})
    zone = ZoneInfo(tz)
    due: datetime | None = None
    if form.follow_up_date:
        try:
            at = time.fromisoformat(form.follow_up_time) if form.follow_up_time else time(9, 0)
            due = datetime.combine(date.fromisoformat(form.follow_up_date), at, tzinfo=zone)
        except ValueError:
            problems["follow_up_date"] = ("edit_bad_date", {})
    elif form.follow_up_time:
        problems["follow_up_date"] = ("edit_time_without_date", {})
    occurred: datetime | None = None
    if form.occurred_date:
        try:
            occurred = datetime.combine(date.fromisoformat(form.occurred_date), time(9, 0), tzinfo=zone)
        except ValueError:
            problems["occurred_date"] = ("edit_bad_date", {})
    if problems:
        raise InvalidFields(problems)
    changes = NoteChanges(
        customer=customer,
        body=body,
        tags=note_tags,
        channel=channel,
        category=category,
        amount=amount,
        currency=(currency or default_currency) if amount is not None else None,
        follow_up_due=due,
        occurred_at=occurred,
        occurred_set=initial is None or form.occurred_date != initial.occurred_date,
    )
    if initial is None or now is None or (initial.body or "").strip() == body:
        return changes
    return _read_again(changes, form, initial, now=now, tz=tz, default_currency=default_currency)


def _read_again(
    changes: NoteChanges, form: NoteForm, initial: NoteForm, *, now: datetime, tz: str, default_currency: str
) -> NoteChanges:
    """The changed text read as /note reads it (its customer is the form's); what it says fills
    each field the person did not touch, and its tags join the tags unless those were retyped."""
    parsed = parse_note(
        f"\u201c{changes.customer}\u201d {changes.body}",
        now=now.astimezone(ZoneInfo(tz)),
        tz=tz,
        known=[changes.customer],
        default_currency=default_currency,
    )
    if parsed.error_code is not None:
        return changes  # the text is checked as it is; the fields stand
    untouched = {
        name for name in NoteForm.__dataclass_fields__ if getattr(form, name) == getattr(initial, name)
    }
    tags_now = (
        changes.tags if "tags" not in untouched else tuple(dict.fromkeys((*changes.tags, *parsed.tags)))
    )
    follow_up = {"follow_up_date", "follow_up_time"} <= untouched and parsed.follow_up is not None
    money = {"amount", "currency"} <= untouched and parsed.amount is not None
    return replace(
        changes,
        body=parsed.body or changes.body,
        tags=tags_now,
        channel=parsed.channel if "channel" in untouched and parsed.channel else changes.channel,
        category=parsed.category
        if "category" in untouched and parsed.category != "general"
        else changes.category,
        amount=parsed.amount.value if money and parsed.amount else changes.amount,
        currency=parsed.amount.currency if money and parsed.amount else changes.currency,
        follow_up_due=parsed.follow_up.due if follow_up and parsed.follow_up else changes.follow_up_due,
    )


def edit_note(
    *,
    db: Database,
    team_id: str,
    note_id: int,
    user_id: str,
    changes: NoteChanges,
    now: datetime,
    defaults: WorkspaceDefaults,
    lang: str,
) -> FiledNote:
    """Applies the corrections in one transaction and returns the note as it now stands."""
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        note = _owned_note(session, team_id, note_id, user_id)
        assert note.id is not None
        customer, created = customer_named(
            session=session, team_id=team_id, name=changes.customer, created_by=user_id, now=now
        )
        assert customer.id is not None
        tags.drop_customer_tags_only_from(
            session=session, team_id=team_id, note_id=note.id, customer_id=note.customer_id
        )
        tags.untag_note(session=session, team_id=team_id, note_id=note.id)
        note.customer_id = customer.id
        note.body = changes.body
        note.contact_channel = ContactChannel(changes.channel) if changes.channel else None
        note.category = Category(changes.category)
        note.amount, note.currency = changes.amount, changes.currency
        if changes.occurred_set:
            note.occurred_at = changes.occurred_at
        session.add(note)
        return apply_form(
            session, note, customer, created, changes, user_id=user_id, now=now, tz=workspace.tz, lang=lang
        )


def apply_form(
    session: Session,
    note: Note,
    customer: Customer,
    created: bool,
    changes: NoteChanges,
    *,
    user_id: str,
    now: datetime,
    tz: str,
    lang: str,
    mentions: Sequence[str] = (),
) -> FiledNote:
    """The form's tags and follow-up applied to a stored note; what the reply shows of it."""
    assert note.id is not None and customer.id is not None
    tag_rows = tags.ensure_tags(session=session, team_id=note.team_id, names=list(changes.tags))
    tags.tag_note(
        session=session, team_id=note.team_id, note_id=note.id, customer_id=customer.id, tags=tag_rows
    )
    follow_up_id = reschedule_follow_up(session, note, changes, user_id=user_id, now=now, mentions=mentions)
    return FiledNote(
        note_id=note.id,
        customer_id=customer.id,
        customer_name=customer.name,
        customer_created=created,
        body=note.body,
        tags=changes.tags,
        mentions=(),
        channel=changes.channel,
        category=changes.category,
        amount=changes.amount,
        currency=changes.currency,
        occurred_at=note.occurred_at,
        follow_up_id=follow_up_id,
        follow_up_due=changes.follow_up_due,
        follow_up_text=None,
        tz=tz,
        lang=lang,
    )


def reschedule_follow_up(
    session: Session,
    note: Note,
    changes: NoteChanges,
    *,
    user_id: str,
    now: datetime,
    mentions: Sequence[str] = (),
) -> int | None:
    """The note's open follow-up follows the form: moved, created, or cancelled when cleared.

    A follow-up moved to another time is armed again through the one re-arm rule
    (storage.reminders.rearm): it fires at the new time even if it already fired at the old one.
    One whose time did not change stays as it is, sent or not. A new one goes to whom the note
    names (bot.notes.filing.follow_up_assignee), whoever fills in the form; `user_id` is who set it.
    `mentions` are the people the original words name when the form shows them as plain text
    (a saved Slack message); otherwise the mentions in the form's text, then in the note's.
    """
    assert note.id is not None
    pending = followups.open_for_note(session=session, team_id=note.team_id, note_id=note.id)
    if changes.follow_up_due is None:
        followups.cancel_for_note(session=session, team_id=note.team_id, note_id=note.id, now=now)
        return None
    if pending:
        first = pending[0]
        assert first.id is not None
        if first.customer_id != note.customer_id:
            first.customer_id = note.customer_id
            session.add(first)
            session.flush()
        if first.due_at != changes.follow_up_due:
            reminders.rearm(
                session=session,
                team_id=note.team_id,
                follow_up_id=first.id,
                due_at=changes.follow_up_due,
                expected_due=first.due_at,
            )
        return first.id
    mentioned = tuple(mentions) or mark(changes.body).mentions or mark(note.text).mentions
    created = followups.create_follow_up(
        session=session,
        team_id=note.team_id,
        customer_id=note.customer_id,
        note_id=note.id,
        assignee_id=follow_up_assignee(mentions=mentioned, author_id=note.author_id),
        created_by=user_id,
        slack_channel_id=note.slack_channel_id,
        text=changes.body,
        due_at=changes.follow_up_due,
        now=now,
    )
    return created.id
