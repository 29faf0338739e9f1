"""A segment read through the database's narrowing holds exactly the customers the filter accepts
when every customer is read and filtered in Python (bot.insights.segments.matches), on both backends."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bot.insights import segments
from storage import segments as store
from storage.db import Database
from storage.models import Category, Customer, CustomerTag, FollowUp, FollowUpStatus, Note, Tag
from storage.workspaces import ensure_workspace

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TAGS = ["vip", "renewal", "trial"]
DEFINITIONS = [
    "tier:high",
    "stage:at_risk,churned",
    "anytag:vip tier:high",
    "tag:vip tag:renewal",
    "anytag:trial,renewal stage:active",
    "owner:<@U2> stage:active,new",
    "owner:U3",
    "complaints:30d",
    "complaints:0d",
    "complaints:open",
    "complaints:open tier:high",
    "bought:45d tier:medium,low",
    "region:emea industry:RETAIL",
    "inactive:40d",
]


def _seed(db: Database) -> None:
    rng = random.Random(7)
    with db.session() as session:
        ensure_workspace(session=session, team_id="T1", tz="UTC", currency="USD", locale="en", now=NOW)
        tags = [Tag(team_id="T1", name=name) for name in TAGS]
        session.add_all(tags)
        session.flush()
        for n in range(60):
            customer = Customer(
                team_id="T1",
                name=f"c{n}",
                normalized=f"c{n}",
                owner_id=rng.choice(["U1", "U2", "U3", None]),
                created_by=rng.choice(["U2", "U3"]),
                region=rng.choice(["EMEA", "apac", None]),
                industry=rng.choice(["retail", "saas", None]),
                stage=rng.choice(["lead", "new", "active", "at_risk", "churned"]),
                tier=rng.choice(["high", "medium", "low", "none"]),
                deleted_at=NOW if n % 17 == 0 else None,
                created_at=NOW - timedelta(days=400),
                updated_at=NOW,
            )
            session.add(customer)
            session.flush()
            assert customer.id is not None
            for tag in rng.sample(tags, rng.randint(0, 2)):
                assert tag.id is not None
                session.add(CustomerTag(team_id="T1", customer_id=customer.id, tag_id=tag.id))
            for _ in range(rng.randint(0, 6)):
                category = rng.choice(list(Category))
                created = NOW - timedelta(days=rng.uniform(0, 120))
                session.add(
                    Note(
                        team_id="T1",
                        customer_id=customer.id,
                        author_id="U1",
                        text="x",
                        body="x",
                        category=category,
                        amount=Decimal("10.5") if category == Category.purchase else None,
                        currency="USD" if category == Category.purchase else None,
                        occurred_at=created - timedelta(days=3) if rng.random() < 0.3 else None,
                        created_at=created,
                        deleted_at=NOW if rng.random() < 0.1 else None,
                        resolved_at=NOW if category == Category.complaint and rng.random() < 0.5 else None,
                    )
                )
            if rng.random() < 0.4:
                session.add(
                    FollowUp(
                        team_id="T1",
                        customer_id=customer.id,
                        assignee_id="U1",
                        created_by="U1",
                        text="call",
                        due_at=NOW,
                        status=rng.choice([FollowUpStatus.open, FollowUpStatus.done]),
                        created_at=NOW,
                    )
                )


@pytest.mark.parametrize("definition", DEFINITIONS)
def test_a_narrowed_segment_holds_what_filtering_every_customer_finds(
    database: Database, definition: str
) -> None:
    _seed(database)
    with database.session() as session:
        store.save_segment(
            session=session, team_id="T1", name="s", definition=definition, created_by="U1", now=NOW
        )
    wanted = segments.parse_filter(definition)
    with database.session() as session:
        everyone = store.facts(
            session=session, team_id="T1", complaints_since=NOW - timedelta(days=wanted.complaint_days or 90)
        )
    expected = {c.customer_id: c for c in everyone if segments.matches(c, wanted, NOW)}

    shown = segments.show(db=database, team_id="T1", name="s", now=NOW)

    assert {c.customer_id: c for c in shown.members} == expected


def test_the_vip_built_in_takes_the_tag_or_the_tier(database: Database) -> None:
    _seed(database)
    with database.session() as session:
        everyone = store.facts(session=session, team_id="T1", complaints_since=NOW - timedelta(days=90))
    expected = {c.customer_id for c in everyone if "vip" in c.tags or c.tier == "high"}

    shown = segments.show(db=database, team_id="T1", name="vip", now=NOW)

    assert {c.customer_id for c in shown.members} == expected != set()


def test_the_complaints_built_in_holds_customers_with_an_unresolved_complaint(database: Database) -> None:
    _seed(database)
    with database.session() as session:
        everyone = store.facts(session=session, team_id="T1", complaints_since=NOW - timedelta(days=90))
    expected = {c.customer_id for c in everyone if c.open_complaints}
    resolved_only = {c.customer_id for c in everyone if c.complaints_since and not c.open_complaints}

    shown = segments.show(db=database, team_id="T1", name="complaints", now=NOW)

    assert {c.customer_id for c in shown.members} == expected != set()
    assert resolved_only and not resolved_only & expected  # a resolved complaint is not an open one
