"""Stage, tier and churn rules on a fixed data set with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bot.insights.classification import Purchase, churn_warning, convert, lifecycle_stage, value_tiers

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


@pytest.mark.parametrize(
    ("first_purchase", "last_touch", "stage"),
    [
        (None, _ago(1), "lead"),
        (None, _ago(400), "lead"),
        (_ago(10), _ago(2), "new"),
        (_ago(90), _ago(2), "new"),
        (_ago(91), _ago(2), "active"),
        (_ago(200), _ago(30), "at_risk"),
        (_ago(20), _ago(45), "at_risk"),
        (_ago(200), _ago(90), "churned"),
        (_ago(200), None, "churned"),
    ],
)
def test_lifecycle_stage_follows_the_documented_rules(
    first_purchase: datetime | None, last_touch: datetime | None, stage: str
) -> None:
    assert lifecycle_stage(first_purchase=first_purchase, last_touch=last_touch, now=NOW) == stage


def test_thresholds_are_per_workspace() -> None:
    assert (
        lifecycle_stage(first_purchase=_ago(200), last_touch=_ago(20), now=NOW, at_risk_days=14) == "at_risk"
    )
    assert lifecycle_stage(first_purchase=_ago(200), last_touch=_ago(50), now=NOW, churn_days=45) == "churned"


# A known data set: five buyers, each plainly ranked on recency, frequency and money.
KNOWN = [
    *[Purchase(1, _ago(2 + i), Decimal(5000), "USD") for i in range(10)],  # recent, often, much
    *[Purchase(2, _ago(20 + i), Decimal(1000), "USD") for i in range(5)],
    *[Purchase(3, _ago(60 + i), Decimal(800), "USD") for i in range(3)],
    *[Purchase(4, _ago(150), Decimal(300), "USD") for _ in range(2)],
    Purchase(5, _ago(300), Decimal(50), "USD"),  # long ago, once, little
    Purchase(6, _ago(400), Decimal(99_999), "USD"),  # outside the 365-day window: no tier
]


def test_rfm_quintiles_on_a_known_data_set() -> None:
    tiers = value_tiers(KNOWN, now=NOW, currency="USD", rates={})

    # Scores (R+F+M): 5+5+5, 4+4+4, 3+3+3, 2+2+2, 1+1+1.
    assert tiers.by_customer == {1: "high", 2: "high", 3: "medium", 4: "low", 5: "low"}
    assert 6 not in tiers.by_customer and tiers.unconverted == ()


def test_other_currencies_are_converted_and_unknown_rates_reported() -> None:
    purchases = [
        Purchase(1, _ago(5), Decimal(100), "EUR"),
        Purchase(2, _ago(5), Decimal(100), "USD"),
        Purchase(3, _ago(5), Decimal(100), "JPY"),
    ]

    tiers = value_tiers(purchases, now=NOW, currency="USD", rates={"EUR": Decimal("1.10")})

    assert set(tiers.by_customer) == {1, 2} and tiers.unconverted == ("JPY",)
    assert convert(Decimal(100), "EUR", to="USD", rates={"EUR": Decimal("1.10")}) == Decimal("110.00")
    assert convert(Decimal(100), "JPY", to="USD", rates={}) is None


def test_ties_share_the_higher_score() -> None:
    tied = [Purchase(c, _ago(3), Decimal(100), "USD") for c in (1, 2, 3)]
    assert value_tiers(tied, now=NOW, currency="USD", rates={}).by_customer == {
        1: "high",
        2: "high",
        3: "high",
    }


@pytest.mark.parametrize(
    ("before", "after", "tier", "warn"),
    [
        ("active", "at_risk", "high", True),
        ("new", "at_risk", "medium", True),
        ("active", "at_risk", "low", False),
        ("at_risk", "at_risk", "high", False),
        ("active", "churned", "high", False),
        ("lead", "at_risk", "high", False),  # never classified before: no flood of warnings
        ("churned", "at_risk", "high", False),  # coming back, not leaving
    ],
)
def test_churn_warning_only_for_valuable_customers_turning_at_risk(
    before: str, after: str, tier: str, warn: bool
) -> None:
    assert churn_warning(before=before, after=after, tier=tier) is warn
