"""Filing notes and taking them back: the rules of what a note is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.core import validation
from bot.core.errors import NotAllowed, NotFound, UserError
from bot.core.i18n import has_han, reply_lang
from bot.core.validation import InvalidInput
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.records import customer_named, existing
from bot.language import ParsedNote, candidate_names, parse_note
from storage import customers, followups, notes, reminders, tags
from storage.db import Database
from storage.models import Category, ContactChannel, Workspace
from storage.notes import NoteCreate


class NoteRejected(UserError):
    """The text is not a note we can file; `key` (and `params`) say why, in words the renderer
    localizes in `lang`, the language the note was written in."""

    def __init__(self, key: str, lang: str, detail: str | None = None, **params: Any) -> None:
        super().__init__(key, detail=detail, **params)
        self.lang = lang
        self.detail = detail


class Parser(Protocol):
    def __call__(
        self, text: str, *, now: datetime, tz: str, known: Iterable[str] = (), default_currency: str = "USD"
    ) -> ParsedNote: ...


@dataclass(frozen=True)
class FiledNote:
    note_id: int
    customer_id: int
    customer_name: str
    customer_created: bool
    body: str
    tags: tuple[str, ...]
    mentions: tuple[str, ...]
    channel: str | None
    category: str
    amount: Decimal | None
    currency: str | None
    occurred_at: datetime | None
    follow_up_id: int | None
    follow_up_due: datetime | None
    follow_up_text: str | None
    tz: str
    lang: str


@dataclass(frozen=True)
class UndoneNote:
    note_id: int
    customer_name: str
    already: bool
    cancelled_follow_ups: int
    lang: str


_ERROR_KEYS = {"empty": "note_error_empty", "only_tags": "note_error_only_tags"}


def file_note(
    *,
    db: Database,
    team_id: str,
    user_id: str,
    text: str,
    now: datetime,
    defaults: WorkspaceDefaults,
    slack_channel_id: str | None = None,
    slack_ts: str | None = None,
    permalink: str | None = None,
    source: str = "command",
    user_tz: str | None = None,
    customer: str | None = None,
    customer_id: int | None = None,
    written_at: datetime | None = None,
) -> FiledNote:
    """Parses `text`, files it under its customer (created if new) and returns what was understood.

    `customer` files it under that customer whatever the text starts with (a capture channel's
    customer, a name chosen in a form); `customer_id` under that existing customer (a card's
    form), and CustomerGone when it no longer exists. `written_at` is when the text was written
    (a captured Slack message): relative dates are read from then, and it is when the note happened.
    The name, tags and amount are checked as they will be stored (bot.core.validation): NoteRejected
    says what to change.
    Everything is written in one transaction: when this returns, the note is stored, so the
    caller may tell the user so.
    """
    said_at = written_at or now
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        zone = user_tz or workspace.tz  # dates are read where the writer is
        known = existing(session=session, team_id=team_id, customer_id=customer_id) if customer_id else None
        customer = known.name if known is not None else customer
        # A given customer is put in front, quoted, so the parser takes it and reads the rest as the body.
        to_parse = f"\u201c{customer}\u201d {text}" if customer else text
        parsed, _ = read_text(
            session, team_id, to_parse, parser=parse_note, at=said_at, zone=zone, currency=workspace.currency
        )
        lang = reply_lang(text, workspace.locale)
        _reject_unusable(parsed, lang)
        assert parsed.customer is not None
        # The grammar reads a name, tags and an amount of any size; the columns hold only so much.
        with told_as_note(lang):
            name = validation.name(parsed.customer)
            note_tags = validation.tags(parsed.tags)
            amount = validation.amount(parsed.amount.value) if parsed.amount else None
        filed_under, created = (
            (known, False)
            if known is not None
            else customer_named(session=session, team_id=team_id, name=name, created_by=user_id, now=now)
        )
        assert filed_under.id is not None
        note = notes.create_note(
            session=session,
            team_id=team_id,
            note_in=assemble_note(
                customer_id=filed_under.id,
                author_id=user_id,
                text=text,
                body=parsed.body,
                source=source,
                slack_channel_id=slack_channel_id,
                slack_ts=slack_ts,
                permalink=permalink,
                channel=parsed.channel,
                category=parsed.category,
                occurred_at=parsed.occurred_at,
                written_at=written_at,
                amount=amount,
                currency=parsed.amount.currency if parsed.amount else None,
            ),
            now=now,
        )
        assert note.id is not None
        tag_rows = tags.ensure_tags(session=session, team_id=team_id, names=list(note_tags))
        tags.tag_note(
            session=session, team_id=team_id, note_id=note.id, customer_id=filed_under.id, tags=tag_rows
        )
        follow_up_id = None
        if parsed.follow_up is not None:
            follow_up = followups.create_follow_up(
                session=session,
                team_id=team_id,
                customer_id=filed_under.id,
                note_id=note.id,
                assignee_id=follow_up_assignee(mentions=parsed.mentions, author_id=user_id),
                created_by=user_id,
                slack_channel_id=slack_channel_id,
                text=parsed.follow_up.text or parsed.body,
                due_at=parsed.follow_up.due,
                now=now,
            )
            follow_up_id = follow_up.id
        return FiledNote(
            note_id=note.id,
            customer_id=filed_under.id,
            customer_name=filed_under.name,
            customer_created=created,
            body=parsed.body,
            tags=note_tags,
            mentions=tuple(parsed.mentions),
            channel=parsed.channel,
            category=parsed.category,
            amount=amount,
            currency=parsed.amount.currency if parsed.amount else None,
            occurred_at=parsed.occurred_at,
            follow_up_id=follow_up_id,
            follow_up_due=parsed.follow_up.due if parsed.follow_up else None,
            follow_up_text=parsed.follow_up.text if parsed.follow_up else None,
            tz=zone,
            lang=lang,
        )


def assemble_note(
    *,
    customer_id: int,
    author_id: str,
    text: str,
    body: str,
    source: str,
    channel: str | None,
    category: str,
    occurred_at: datetime | None,
    written_at: datetime | None,
    amount: Decimal | None,
    currency: str | None,
    slack_channel_id: str | None = None,
    slack_ts: str | None = None,
    permalink: str | None = None,
) -> NoteCreate:
    """What is stored of a note, however it came in (a command, a capture, a form), decided once:
    - its language is Chinese when its body has Chinese characters, else English (the customer's
      name does not count: "华为 called" is an English note);
    - it happened when the words say, else when they were written (a Slack message's time), else
      it has no time of its own and its filing time stands for it.
    """
    return NoteCreate(
        customer_id=customer_id,
        author_id=author_id,
        text=text,
        body=body,
        lang="zh" if has_han(body) else "en",
        source=source,
        slack_channel_id=slack_channel_id,
        slack_ts=slack_ts,
        permalink=permalink,
        contact_channel=ContactChannel(channel) if channel else None,
        category=Category(category),
        occurred_at=occurred_at or written_at,
        amount=amount,
        currency=currency,
    )


def follow_up_assignee(*, mentions: Sequence[str], author_id: str) -> str:
    """Who gets the follow-up a note asks for: the first person the note mentions ("<@U2> call
    back friday"), else the note's author, whose words they are. The same from every way in:
    /note, /followup, capture, the message shortcut (the message's author, not who saved it),
    the card's forms and Edit (not whoever fills in the form)."""
    return mentions[0] if mentions else author_id


def read_text(
    session: Session, team_id: str, text: str, *, parser: Parser, at: datetime, zone: str, currency: str
) -> tuple[ParsedNote, bool]:
    """`text` read by `parser` at `at` in `zone`, knowing which of the workspace's customers it may
    name (looked up on the name index by the names the text could hold: at its start, or after a
    verb as in "met with Globex"). The flag says whether the customer read is a known one."""
    known = customers.find_names(session=session, team_id=team_id, normalized=candidate_names(text))
    parsed = parser(
        text,
        now=at.astimezone(ZoneInfo(zone)),
        tz=zone,
        known=[name.name for name in known],
        default_currency=currency,
    )
    return parsed, parsed.customer_known


def read_again(
    session: Session, team_id: str, text: str, *, parser: Parser, at: datetime, zone: str
) -> ParsedNote:
    """Words filed a moment ago read once more, in another zone, with the workspace's currency."""
    workspace = session.get(Workspace, team_id)  # the filing made it, so it is there
    currency = workspace.currency if workspace else "USD"
    parsed, _ = read_text(session, team_id, text, parser=parser, at=at, zone=zone, currency=currency)
    return parsed


def read_again_in_zone(
    *, db: Database, team_id: str, filed: FiledNote, text: str, said_at: datetime, zone: str
) -> FiledNote | None:
    """A note whose times were read in `filed.tz` (the writer's zone was not known yet), read
    again in `zone`, the writer's own: when it happened and its follow-up's due time are moved
    to what the words mean there. None when nothing moves (no times in it, or the same instants).

    The follow-up moves only while it is still the arming filed (storage.reminders.rearm with
    the due time it was filed with): one already moved by hand, done or cancelled stays as it is.
    """
    with db.session() as session:
        parsed = read_again(session, team_id, text, parser=parse_note, at=said_at, zone=zone)
        due = parsed.follow_up.due if parsed.follow_up else None
        if parsed.occurred_at == filed.occurred_at and due == filed.follow_up_due:
            return None
        note = notes.get_note(session=session, team_id=team_id, note_id=filed.note_id)
        if note is None or note.deleted_at is not None:
            return None
        if filed.occurred_at is not None and note.occurred_at == filed.occurred_at:
            note.occurred_at = parsed.occurred_at
            session.add(note)
        moved = (
            filed.follow_up_id is not None
            and filed.follow_up_due is not None
            and due is not None
            and reminders.rearm(
                session=session,
                team_id=team_id,
                follow_up_id=filed.follow_up_id,
                due_at=due,
                expected_due=filed.follow_up_due,
            )
        )
        return replace(
            filed,
            occurred_at=note.occurred_at if filed.occurred_at is not None else None,
            follow_up_due=due if moved else filed.follow_up_due,
            tz=zone,
        )


def _reject_unusable(parsed: ParsedNote, lang: str) -> None:
    if parsed.error_code is not None:
        raise NoteRejected(_ERROR_KEYS.get(parsed.error_code, "note_error_detail"), lang, parsed.error)
    if not parsed.customer:
        raise NoteRejected("note_error_no_customer", lang)


@contextmanager
def told_as_note(lang: str) -> Iterator[None]:
    """What bot.core.validation refuses inside, raised as a note refused in `lang` with what to change."""
    try:
        yield
    except InvalidInput as refused:
        raise NoteRejected(refused.key, lang, **refused.params) from None


def undo_note(*, db: Database, team_id: str, note_id: int, user_id: str, now: datetime) -> UndoneNote:
    """Soft-deletes a note, only for its author, and cancels the follow-ups it created."""
    with db.session() as session:
        note = notes.get_note(session=session, team_id=team_id, note_id=note_id)
        if note is None:
            raise NotFound("note_not_found")
        if note.author_id != user_id:
            raise NotAllowed("undo_not_author")
        customer = customers.get_customer(session=session, team_id=team_id, customer_id=note.customer_id)
        workspace = session.get(Workspace, team_id)
        removed = notes.soft_delete_note(
            session=session, team_id=team_id, note_id=note_id, by=user_id, now=now
        )
        cancelled = followups.cancel_for_note(session=session, team_id=team_id, note_id=note_id, now=now)
        if removed:
            tags.drop_customer_tags_only_from(
                session=session, team_id=team_id, note_id=note_id, customer_id=note.customer_id
            )
        return UndoneNote(
            note_id=note_id,
            customer_name=customer.name if customer else "?",
            already=not removed,
            cancelled_follow_ups=cancelled,
            lang=note.lang if note.lang == "zh" else (workspace.locale if workspace else "en"),
        )
