"""How a customer is classified from its history. The rules, in one place:

Lifecycle stage
- `lead`: no purchase recorded yet.
- `churned`: a buyer with no note for `churn_days` (90).
- `at_risk`: a buyer with no note for `at_risk_days` (30).
- `new`: a buyer whose first purchase is at most 90 days old.
- `active`: every other buyer.

Value tiers (high/medium/low by recency, frequency and money within the workspace) need the
whole workspace's purchases and are computed by the segments work; until then a customer with
no purchase in the last 365 days is `none` and others show no tier yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta

NEW_DAYS = 90


def lifecycle_stage(
    *,
    first_purchase: datetime | None,
    last_touch: datetime | None,
    now: datetime,
    at_risk_days: int = 30,
    churn_days: int = 90,
) -> str:
    if first_purchase is None:
        return "lead"
    quiet = now - last_touch if last_touch is not None else timedelta.max
    if quiet >= timedelta(days=churn_days):
        return "churned"
    if quiet >= timedelta(days=at_risk_days):
        return "at_risk"
    if now - first_purchase <= timedelta(days=NEW_DAYS):
        return "new"
    return "active"
