"""Looking customers up and assembling what the customer card shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlmodel import Session

from bot.core import validation
from bot.core.errors import NotFound, UserError
from bot.core.workspaces import WorkspaceDefaults, workspace_for
from bot.customers.matching import NAMES, resolve
from bot.insights.classification import lifecycle_stage
from bot.language import candidate_prefixes, normalize_name
from storage import complaints, customers, followups, notes, tags
from storage.db import Database
from storage.models import Customer, Note, Workspace

OPEN_COMPLAINTS_SHOWN = 3


@dataclass(frozen=True)
class NoteLine:
    note_id: int
    author_id: str
    body: str
    created_at: datetime
    occurred_at: datetime | None
    permalink: str | None
    channel: str | None
    category: str
    tags: tuple[str, ...]


def note_line(note: Note, tags: Sequence[str] = ()) -> NoteLine:
    return NoteLine(
        note_id=note.id or 0,
        author_id=note.author_id,
        body=note.body,
        created_at=note.created_at,
        occurred_at=note.occurred_at,
        permalink=note.permalink,
        channel=str(note.contact_channel) if note.contact_channel else None,
        category=str(note.category),
        tags=tuple(tags),
    )


@dataclass(frozen=True)
class FollowUpLine:
    follow_up_id: int
    assignee_id: str
    text: str
    due_at: datetime


@dataclass(frozen=True)
class CustomerCard:
    customer_id: int
    name: str
    aliases: tuple[str, ...]
    kind: str
    owner_id: str | None
    region: str | None
    industry: str | None
    tags: tuple[str, ...]
    note_count: int
    last_contact: datetime | None
    recent: tuple[NoteLine, ...]
    open_follow_ups: tuple[FollowUpLine, ...]
    tz: str
    stage: str = "lead"
    tier: str | None = None  # computed with segments; None until then
    purchases_12m: tuple[tuple[str, Decimal], ...] = ()  # (currency, total)
    open_complaints: tuple[NoteLine, ...] = ()  # the newest few unresolved complaints
    open_complaint_count: int = 0
    contacts: tuple[str, ...] = ()  # "name, title, email, phone"


class CustomerGone(NotFound):
    """A customer known by its id (a card's button, a form) is not there any more: deleted or merged."""

    def __init__(self) -> None:
        super().__init__("customer_gone")


class CustomerNotFound(NotFound):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__("customer_did_you_mean" if suggestions else "customer_not_found", name=name)
        self.name = name
        self.suggestions = suggestions


def customer_card(
    *, db: Database, team_id: str, query: str, now: datetime, defaults: WorkspaceDefaults
) -> CustomerCard:
    """The card of the customer `query` names (its name or an alias, any case or spacing)."""
    name = validation.plain(query).strip().strip("\"'“”「」")
    if not name:
        raise UserError("customer_usage")
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        found = resolve(session=session, team_id=team_id, name=name)
        customer = (
            customers.get_customer(session=session, team_id=team_id, customer_id=found.customer_id)
            if found.customer_id is not None
            else None
        )
        if customer is None:
            raise CustomerNotFound(name, list(found.suggestions))
        return _card(session=session, team_id=team_id, customer=customer, workspace=workspace, now=now)


def _card(
    *, session: Session, team_id: str, customer: Customer, workspace: Workspace, now: datetime
) -> CustomerCard:
    assert customer.id is not None
    last_touch = customers.last_note_at(session=session, team_id=team_id, customer_id=customer.id)
    totals = notes.purchase_totals(
        session=session, team_id=team_id, customer_id=customer.id, since=now - timedelta(days=365)
    )
    recent = notes.recent_notes(session=session, team_id=team_id, customer_id=customer.id, limit=5)
    note_tags = tags.note_tag_names(session=session, team_id=team_id, note_ids=[n.id for n in recent if n.id])
    open_follow_ups = followups.open_for_customer(session=session, team_id=team_id, customer_id=customer.id)
    return CustomerCard(
        customer_id=customer.id,
        name=customer.name,
        aliases=tuple(customers.aliases(session=session, team_id=team_id, customer_id=customer.id)),
        kind=str(customer.kind),
        owner_id=customer.owner_id,
        region=customer.region,
        industry=customer.industry,
        tags=tuple(customers.customer_tag_names(session=session, team_id=team_id, customer_id=customer.id)),
        note_count=notes.count_notes(session=session, team_id=team_id, customer_id=customer.id),
        last_contact=last_touch,
        recent=tuple(note_line(n, note_tags.get(n.id or 0, [])) for n in recent),
        open_follow_ups=tuple(
            FollowUpLine(follow_up_id=f.id or 0, assignee_id=f.assignee_id, text=f.text, due_at=f.due_at)
            for f in open_follow_ups
        ),
        tz=workspace.tz,
        stage=lifecycle_stage(
            first_purchase=notes.first_purchase_at(session=session, team_id=team_id, customer_id=customer.id),
            last_touch=last_touch,
            now=now,
            at_risk_days=workspace.at_risk_days,
            churn_days=workspace.churn_days,
        ),
        # The stored tier, from the last recompute; a buyer not yet classified shows none.
        tier=None if totals and customer.tier == "none" else customer.tier,
        purchases_12m=tuple(sorted(totals.items())),
        contacts=tuple(
            ", ".join(part for part in (c.name, c.title, c.email, c.phone) if part)
            for c in customers.contacts_of(session=session, team_id=team_id, customer_id=customer.id)
        ),
        open_complaints=tuple(
            note_line(n)
            for n in complaints.open_complaints(
                session=session, team_id=team_id, customer_id=customer.id, limit=OPEN_COMPLAINTS_SHOWN
            )
        ),
        open_complaint_count=complaints.count_open(session=session, team_id=team_id, customer_id=customer.id),
    )


def card_of(
    *, db: Database, team_id: str, customer_id: int, now: datetime, defaults: WorkspaceDefaults
) -> CustomerCard:
    """The card of the customer with this id (a card's own buttons know it)."""
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        customer = existing(session=session, team_id=team_id, customer_id=customer_id)
        return _card(session=session, team_id=team_id, customer=customer, workspace=workspace, now=now)


def customer_named_in(*, db: Database, team_id: str, text: str) -> str | None:
    """The known customer a message names: at its start, else at the start of any later word."""
    starts = [0, *[i + 1 for i, ch in enumerate(text[:400]) if ch.isspace()][:40]]
    with db.session() as session:
        for start in starts:
            found = customers.find_names(
                session=session, team_id=team_id, normalized=candidate_prefixes(text[start:])
            )
            if found:
                return max(found, key=lambda name: len(name.normalized)).name
    return None


@dataclass(frozen=True)
class NotesPage:
    customer_id: int
    customer_name: str
    page: int
    notes: tuple[NoteLine, ...]
    has_more: bool


def notes_of(*, db: Database, team_id: str, customer_id: int, page: int, per_page: int = 10) -> NotesPage:
    """One page of a customer's notes, newest first."""
    page = max(page, 1)
    with db.session() as session:
        customer = existing(session=session, team_id=team_id, customer_id=customer_id)
        rows = notes.notes_page(
            session=session,
            team_id=team_id,
            customer_id=customer_id,
            offset=(page - 1) * per_page,
            limit=per_page + 1,
        )
        return NotesPage(
            customer_id=customer_id,
            customer_name=customer.name,
            page=page,
            notes=tuple(note_line(n) for n in rows[:per_page]),
            has_more=len(rows) > per_page,
        )


def customer_name(*, db: Database, team_id: str, customer_id: int) -> str:
    with db.session() as session:
        return existing(session=session, team_id=team_id, customer_id=customer_id).name


def existing(*, session: Session, team_id: str, customer_id: int) -> Customer:
    """The customer with this id; CustomerGone when it was deleted or never was."""
    customer = customers.get_customer(session=session, team_id=team_id, customer_id=customer_id)
    if customer is None:
        raise CustomerGone()
    return customer


def create_customer(
    *, db: Database, team_id: str, name: str, user_id: str, now: datetime, defaults: WorkspaceDefaults
) -> CustomerCard:
    """Creates the customer (or finds it, if someone just did) and returns its card."""
    name = name.strip()
    if not name:
        raise UserError("customer_usage")
    with db.session() as session:
        workspace = workspace_for(session, team_id, defaults, now)
        customer, _ = customer_named(session=session, team_id=team_id, name=name, created_by=user_id, now=now)
        NAMES.forget(team_id)
        return _card(session=session, team_id=team_id, customer=customer, workspace=workspace, now=now)


def customer_named(
    *, session: Session, team_id: str, name: str, created_by: str, now: datetime
) -> tuple[Customer, bool]:
    """The customer called `name` (any case or spacing), created if new. Returns (customer, created).

    Every way a customer comes to be passes here, so here its name is checked and cleaned
    (bot.core.validation.name: InvalidInput when it cannot be stored)."""
    name = validation.name(name)
    customer, created = customers.get_or_create_customer(
        session=session,
        team_id=team_id,
        name=name,
        normalized=normalize_name(name),
        created_by=created_by,
        now=now,
    )
    assert customer.id is not None
    return customer, created
