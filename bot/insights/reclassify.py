"""Recomputing every customer's stage and tier, recording stage moves, and warning on churn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlmodel import Session

from bot.core import validation
from bot.core.errors import UserError
from bot.core.i18n import t
from bot.insights.classification import WINDOW_DAYS, Purchase, churn_warning, lifecycle_stage, value_tiers
from storage import classification, runs
from storage.db import Database
from storage.models import Workspace

CHUNK = 2000  # customers per conditional update (and per transaction)
PERIOD_HOURS = 6  # stages move with time alone (no note for 30 days), so they are recomputed on a clock
RUN_LEASE = timedelta(minutes=30)  # far longer than a recompute takes (about 5 s at 100,000 customers)


@dataclass(frozen=True)
class Recomputed:
    customers: int
    moved: int  # stage changes recorded
    warnings: int  # churn-warning follow-ups created
    unconverted: tuple[str, ...]  # purchase currencies with no rate to the workspace currency


def period_of(now: datetime) -> str:
    """The 6-hour period `now` falls in, named by its start in UTC: 2026-12-02T06."""
    start = now.astimezone(UTC).replace(hour=now.astimezone(UTC).hour // PERIOD_HOURS * PERIOD_HOURS)
    return start.strftime("%Y-%m-%dT%H")


def recompute_due(*, db: Database, team_id: str, now: datetime, owner: str) -> Recomputed | None:
    """The scheduled recompute: once per workspace per 6-hour period, whatever number of processes
    ask (the first to claim the period runs it; storage.runs). None when another has it or had it."""
    period = period_of(now)
    with db.session() as session:
        if not runs.claim(
            session=session,
            team_id=team_id,
            job="recompute",
            period=period,
            owner=owner,
            now=now,
            lease=RUN_LEASE,
        ):
            return None
    done = recompute(db=db, team_id=team_id, now=now)
    with db.session() as session:
        runs.finish(session=session, team_id=team_id, job="recompute", period=period, owner=owner, now=now)
    return done


def recompute(*, db: Database, team_id: str, now: datetime) -> Recomputed:
    """Safe to run from several processes at once: each stage move is recorded by exactly one
    (the conditional update in storage.classification), and only that one warns."""
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        if workspace is None:
            return Recomputed(0, 0, 0, ())
        people = classification.activity(session=session, team_id=team_id)
        bought = classification.purchases_since(
            session=session, team_id=team_id, since=now - timedelta(days=WINDOW_DAYS)
        )
        tiers = value_tiers(
            [Purchase(cid, at, amount, currency) for cid, at, amount, currency in bought],
            now=now,
            currency=workspace.currency,
            rates=classification.rates(session=session, team_id=team_id),
        )
        at_risk, churn = workspace.at_risk_days, workspace.churn_days
    # Customers whose classification changes, grouped by (stage now, new stage, new tier): each
    # group is stored with one conditional update per chunk instead of one per customer.
    changes: dict[tuple[str, str, str], list[classification.Activity]] = {}
    for person in people:
        stage = lifecycle_stage(
            first_purchase=person.first_purchase,
            last_touch=person.last_touch,
            now=now,
            at_risk_days=at_risk,
            churn_days=churn,
        )
        tier = tiers.by_customer.get(person.customer_id, "none")
        if stage != person.stage or tier != person.tier:
            changes.setdefault((person.stage, stage, tier), []).append(person)
    moved = warnings = 0
    for (was, stage, tier), group in sorted(changes.items()):
        for start in range(0, len(group), CHUNK):
            chunk = {person.customer_id: person for person in group[start : start + CHUNK]}
            with db.session() as session:
                done = classification.set_classifications(
                    session=session,
                    team_id=team_id,
                    customer_ids=sorted(chunk),
                    was=was,
                    stage=stage,
                    tier=tier,
                    now=now,
                )
                moved += len(done)
                if churn_warning(before=was, after=stage, tier=tier):
                    owned = [chunk[cid] for cid in done if chunk[cid].owner_id]
                    _warn(session=session, team_id=team_id, people=owned, now=now, lang=workspace.locale)
                    warnings += len(owned)
    return Recomputed(len(people), moved, warnings, tiers.unconverted)


def _warn(
    *, session: Session, team_id: str, people: list[classification.Activity], now: datetime, lang: str
) -> None:
    latest = classification.latest_bodies(
        session=session, team_id=team_id, customer_ids=[person.customer_id for person in people]
    )
    warnings = []
    for person in people:
        assert person.owner_id is not None
        days = (now - person.last_touch).days if person.last_touch else 0
        body = latest.get(person.customer_id)
        text = t(
            "churn_warning",
            lang,
            customer=person.name,
            days=days,
            note=(body[:200] if body is not None else t("none", lang)),
        )
        warnings.append((person.customer_id, person.owner_id, text))
    classification.add_churn_warnings(session=session, team_id=team_id, warnings=warnings, now=now)


def set_thresholds(*, db: Database, team_id: str, at_risk_days: int, churn_days: int) -> None:
    if not 1 <= at_risk_days < churn_days <= 3650:
        raise UserError("crm_bad_thresholds")
    with db.session() as session:
        workspace = session.get(Workspace, team_id)
        if workspace is None:
            raise UserError("crm_bad_thresholds")
        workspace.at_risk_days, workspace.churn_days = at_risk_days, churn_days
        session.add(workspace)


def set_rate(*, db: Database, team_id: str, currency: str, rate: str, now: datetime) -> Decimal:
    """How much of the workspace currency one `currency` buys; a rate the column cannot hold
    exactly is refused (bot.core.validation.rate)."""
    code = currency.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise UserError("crm_bad_rate")
    value = validation.rate(rate)
    with db.session() as session:
        classification.set_rate(session=session, team_id=team_id, currency=code, rate=value, now=now)
    return value
