"""What a weekly summary holds: a segment's size, who joined and left, stage moves, top customers
by value, the quietest, complaints, and each owner's follow-ups done and overdue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from bot.insights import segments
from bot.insights.classification import convert
from storage import classification, customers, digests, followups, notes
from storage.complaints import resolved_counts
from storage.db import Database
from storage.models import Workspace
from storage.segments import complaint_counts


@dataclass(frozen=True)
class Digest:
    segment: str
    size: int
    joined: tuple[str, ...]
    left: tuple[str, ...]
    stage_moves: tuple[tuple[str, str, str], ...]  # (customer, from, to) in the last 7 days
    top_value: tuple[tuple[str, Decimal], ...]  # customers by purchases of 365 days, workspace currency
    quiet: tuple[tuple[str, datetime | None], ...]  # longest without a note first
    complaints: int  # complaints opened in the last 7 days by members
    complaints_resolved: int  # members' complaints resolved in the last 7 days
    performance: dict[str, tuple[int, int]]  # owner -> (follow-ups done this week, overdue now)
    member_ids: tuple[int, ...]
    currency: str
    lang: str
    late_since: datetime | None = field(default=None)
    stages: dict[int, str] = field(default_factory=dict)  # members' current stages (the chart reads them)


def build_digest(
    *, db: Database, team_id: str, segment: str, now: datetime, previous: tuple[int, ...] | None
) -> Digest:
    view = segments.show(db=db, team_id=team_id, name=segment, now=now)
    week_ago = now - timedelta(days=7)
    members = {m.customer_id: m for m in view.members}
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        currency = workspace.currency if workspace else "USD"
        lang = workspace.locale if workspace else "en"
        weekly = complaint_counts(session=session, team_id=team_id, since=week_ago)
        resolved = resolved_counts(session=session, team_id=team_id, since=week_ago)
        before = set(previous or ())
        gone = customers.names_by_id(session=session, team_id=team_id, ids=before - set(members))
        moves = [
            move
            for move in digests.stage_moves_since(session=session, team_id=team_id, since=week_ago)
            if move[0] in members
        ]
        rates = classification.rates(session=session, team_id=team_id)
        totals: dict[int, Decimal] = {}
        for customer_id, cur, amount in notes.purchase_totals_of(
            session=session, team_id=team_id, since=now - timedelta(days=365), customer_ids=members.keys()
        ):
            converted = convert(amount, cur, to=currency, rates=rates)
            if converted is not None:
                totals[customer_id] = totals.get(customer_id, Decimal(0)) + converted
        performance = followups.team_performance(session=session, team_id=team_id, since=week_ago, now=now)
    names = {cid: member.name for cid, member in members.items()}
    return Digest(
        segment=segment,
        size=len(members),
        joined=tuple(sorted(names[c] for c in members if previous is not None and c not in before)),
        left=tuple(sorted(gone.values())),
        stage_moves=tuple((names[customer_id], before, after) for customer_id, before, after, _ in moves),
        top_value=tuple((names[c], v) for c, v in sorted(totals.items(), key=lambda kv: -kv[1])[:5]),
        quiet=tuple((m.name, m.last_touch) for m in view.members[:5]),  # members come quietest first
        complaints=sum(weekly.get(c, 0) for c in members),
        complaints_resolved=sum(resolved.get(c, 0) for c in members),
        performance=performance,
        member_ids=tuple(sorted(members)),
        currency=currency,
        lang=lang,
        stages={cid: member.stage for cid, member in members.items()},
    )


def preview(*, db: Database, team_id: str, segment: str, now: datetime) -> Digest:
    return build_digest(db=db, team_id=team_id, segment=segment, now=now, previous=None)
