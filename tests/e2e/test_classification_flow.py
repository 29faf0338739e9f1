"""Stages and tiers stored by /crm recompute, stage history, churn warnings, thresholds, rates."""

from __future__ import annotations

from sqlmodel import select

from storage.models import Customer, FollowUp, StageChange
from tests.e2e.conftest import Rapport


def _customers(rapport: Rapport) -> dict[str, tuple[str, str]]:
    with rapport.db.session() as session:
        return {c.name: (c.stage, c.tier) for c in session.exec(select(Customer))}


def _recompute(rapport: Rapport) -> str:
    return rapport.recompute()


def test_recompute_stores_stages_and_tiers_and_records_each_move_once(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k")
    rapport.command("acme paid $3k for training")
    rapport.command("globex paid $500 for a pilot")
    rapport.command("initech: first call")

    assert "Classified 3 customers: 2 moved stage" in _recompute(rapport)
    assert _customers(rapport) == {
        "acme": ("new", "high"),
        "globex": ("new", "medium"),
        "initech": ("lead", "none"),
    }
    rapport.clock.advance(days=35)
    _recompute(rapport)
    _recompute(rapport)  # nothing moved since: nothing recorded twice

    with rapport.db.session() as session:
        moves = [
            (c.from_stage, c.to_stage) for c in session.exec(select(StageChange).order_by(StageChange.id))
        ]  # type: ignore[arg-type]
    assert moves.count(("lead", "new")) == 2 and moves.count(("new", "at_risk")) == 2
    assert len(moves) == 4


def test_a_valuable_customer_turning_at_risk_warns_its_owner_once(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k")
    rapport.command("globex: first call")
    _recompute(rapport)
    rapport.clock.advance(days=31)

    first = _recompute(rapport)
    second = _recompute(rapport)

    assert "1 churn warnings" in first and "0 churn warnings" in second
    with rapport.db.session() as session:
        [warning] = session.exec(select(FollowUp)).all()
    assert warning.assignee_id == "U1" and warning.slack_channel_id is None
    assert warning.text.startswith("No contact with acme for 31 days — last note: bought 20 seats")


def test_thresholds_are_per_workspace(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k")
    assert "at risk after 7 days" in str(
        rapport.command("settings stages 7 20", command="/crm").json()["text"]
    )
    rapport.clock.advance(days=8)
    _recompute(rapport)
    assert _customers(rapport)["acme"][0] == "at_risk"
    assert "stages <at-risk days>" in str(
        rapport.command("settings stages 90 30", command="/crm").json()["text"]
    )


def test_purchases_in_a_currency_without_a_rate_are_reported_until_one_is_set(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k")
    rapport.command("globex paid €9,900 for invoice 1043")

    assert "No rate for EUR" in _recompute(rapport)
    assert _customers(rapport)["globex"][1] == "none"
    assert "1 EUR = 1.1 USD" in str(rapport.command("settings rate eur 1.1", command="/crm").json()["text"])
    assert "No rate" not in _recompute(rapport)
    assert _customers(rapport)["globex"][1] in ("high", "medium", "low")


def test_the_card_reads_the_stage_with_the_workspace_thresholds(rapport: Rapport) -> None:
    rapport.command("acme bought 20 seats for $12k")
    rapport.command("settings stages 7 20", command="/crm")
    rapport.clock.advance(days=8)

    card = rapport.command("acme", command="/customer").json()

    assert "Stage: *at risk*" in card["blocks"][1]["elements"][0]["text"]
