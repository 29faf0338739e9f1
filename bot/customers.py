"""Looking customers up and assembling what the customer card shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlmodel import Session

from bot.errors import NotFound, UserError
from bot.language import candidate_prefixes, normalize_name
from bot.runtime import WorkspaceDefaults
from storage import customers, followups, notes, tags
from storage.db import Database
from storage.models import Customer
from storage.workspaces import ensure_workspace


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


class CustomerNotFound(NotFound):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__("customer_did_you_mean" if suggestions else "customer_not_found", name=name)
        self.name = name
        self.suggestions = suggestions


def customer_card(
    *, db: Database, team_id: str, query: str, now: datetime, defaults: WorkspaceDefaults
) -> CustomerCard:
    """The card of the customer `query` names (its name or an alias, any case or spacing)."""
    name = query.strip().strip("\"'“”「」")
    if not name:
        raise UserError("customer_usage")
    with db.session() as session:
        workspace = ensure_workspace(
            session=session,
            team_id=team_id,
            tz=defaults.tz,
            currency=defaults.currency,
            locale=defaults.locale,
            now=now,
        )
        customer = customers.customer_by_name(
            session=session, team_id=team_id, normalized=normalize_name(name)
        )
        if customer is None:
            raise CustomerNotFound(name, _suggestions(db=db, team_id=team_id, name=name))
        return _card(session=session, team_id=team_id, customer=customer, tz=workspace.tz)


def _suggestions(*, db: Database, team_id: str, name: str, limit: int = 3) -> list[str]:
    # A close-enough spelling is worth offering; the full fuzzy resolver is its own piece of work.
    with db.session() as session:
        known = customers.all_names(session=session, team_id=team_id, limit=20_000)
    matches = process.extract(normalize_name(name), known, scorer=fuzz.WRatio, limit=limit, score_cutoff=80)
    return [str(match[2]) for match in matches]


def _card(*, session: Session, team_id: str, customer: Customer, tz: str) -> CustomerCard:
    assert customer.id is not None
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
        last_contact=customers.last_note_at(session=session, team_id=team_id, customer_id=customer.id),
        recent=tuple(
            NoteLine(
                note_id=n.id or 0,
                author_id=n.author_id,
                body=n.body,
                created_at=n.created_at,
                occurred_at=n.occurred_at,
                permalink=n.permalink,
                channel=str(n.contact_channel) if n.contact_channel else None,
                category=str(n.category),
                tags=tuple(note_tags.get(n.id or 0, [])),
            )
            for n in recent
        ),
        open_follow_ups=tuple(
            FollowUpLine(follow_up_id=f.id or 0, assignee_id=f.assignee_id, text=f.text, due_at=f.due_at)
            for f in open_follow_ups
        ),
        tz=tz,
    )


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
