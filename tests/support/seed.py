"""Bulk rows for multi-process tests and benchmarks (plain inserts, no services)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert

from storage.db import Database
from storage.models import Customer, CustomerName, FollowUp, Workspace


def seed_follow_ups(
    db: Database, *, team_id: str, count: int, channels: int, start: datetime, spread: timedelta
) -> None:
    """One workspace, one customer, `count` open follow-ups due evenly over `spread` from `start`,
    round-robin over `channels` channels and 50 assignees."""
    step = spread / max(count, 1)
    with db.engine.begin() as connection:
        connection.execute(
            insert(Workspace).values(team_id=team_id, tz="UTC", currency="USD", locale="en", created_at=start)
        )
        customer_id = connection.execute(
            insert(Customer)
            .values(
                team_id=team_id,
                name="Acme",
                normalized="acme",
                kind="company",
                created_at=start,
                updated_at=start,
            )
            .returning(Customer.id)  # type: ignore[arg-type]
        ).scalar_one()
        connection.execute(
            insert(CustomerName).values(
                team_id=team_id, customer_id=customer_id, name="Acme", normalized="acme", is_alias=False
            )
        )
        rows = [
            {
                "team_id": team_id,
                "customer_id": customer_id,
                "assignee_id": f"U{n % 50}",
                "created_by": "U1",
                "slack_channel_id": f"C{n % channels:05d}",
                "text": f"follow-up {n}",
                "due_at": start + step * n,
                "status": "open",
                "created_at": start,
                "attempts": 0,
            }
            for n in range(count)
        ]
        for first in range(0, len(rows), 5000):
            connection.execute(insert(FollowUp), rows[first : first + 5000])
