"""Complaints tracked to resolution: a note of category complaint is open until someone resolves it.

Open complaints show on the customer card (each with a Resolve button), count in the `complaints`
segment filter, and the weekly summary reports complaints opened and resolved in its week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.errors import NotFound
from storage import complaints, customers
from storage.db import Database


@dataclass(frozen=True)
class Resolution:
    note_id: int
    customer_id: int
    customer: str
    resolved_by: str
    resolved_at: datetime
    just_now: bool  # False when someone had resolved it already


def resolve(*, db: Database, team_id: str, note_id: int, user_id: str, now: datetime) -> Resolution:
    """Marks the complaint resolved by `user_id`; resolving it twice keeps the first resolution."""
    with db.session() as session:
        changed = complaints.set_resolved(
            session=session, team_id=team_id, note_id=note_id, by=user_id, now=now
        )
        note = complaints.complaint(session=session, team_id=team_id, note_id=note_id)
        if note is None or note.resolved_at is None:
            raise NotFound("complaint_not_found")
        customer = customers.get_customer(session=session, team_id=team_id, customer_id=note.customer_id)
        return Resolution(
            note_id=note_id,
            customer_id=note.customer_id,
            customer=customer.name if customer else "?",
            resolved_by=note.resolved_by or user_id,
            resolved_at=note.resolved_at,
            just_now=changed,
        )


def reopen(*, db: Database, team_id: str, note_id: int) -> bool:
    """Opens a resolved complaint again; False when it was not resolved."""
    with db.session() as session:
        if complaints.complaint(session=session, team_id=team_id, note_id=note_id) is None:
            raise NotFound("complaint_not_found")
        return complaints.set_resolved(session=session, team_id=team_id, note_id=note_id, by=None, now=None)
