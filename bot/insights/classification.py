"""How a customer is classified from its history. The rules, in one place:

Lifecycle stage
- `lead`: no purchase recorded yet.
- `churned`: a buyer with no note for `churn_days` (90).
- `at_risk`: a buyer with no note for `at_risk_days` (30).
- `new`: a buyer whose first purchase is at most 90 days old.
- `active`: every other buyer.

Value tier, from purchases of the last 365 days (`value_tiers`)
- A customer with none is `none`.
- Each buyer gets three scores from 1 to 5 — recency (days since the last purchase, fewer is
  better), frequency (how many purchases) and money (their total, in the workspace currency) —
  by quintile within the workspace: a score is 5 − 5 × (the share of buyers strictly better),
  rounded down, so the best get 5, ties share the higher score, and any number of buyers works.
- The three add up to 3–15: `high` from 12, `medium` from 8, else `low`.
- Amounts in another currency are converted with the workspace's rates; a purchase whose rate
  is unknown is left out and reported (`unconverted`), never counted as 1:1.

Churn warning: a customer moving from `new` or `active` into `at_risk` whose tier is `high` or
`medium` (a first classification, from the stored default `lead`, warns no one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

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


WINDOW_DAYS = 365
HIGH_FROM, MEDIUM_FROM = 12, 8


@dataclass(frozen=True)
class Purchase:
    customer_id: int
    at: datetime
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Tiers:
    by_customer: dict[int, str]
    unconverted: tuple[str, ...] = field(default=())  # currencies with no rate to the workspace's


def convert(amount: Decimal, currency: str, *, to: str, rates: Mapping[str, Decimal]) -> Decimal | None:
    """`amount` in `to`; `rates[c]` is how many units of `to` one unit of `c` buys."""
    if currency == to:
        return amount
    rate = rates.get(currency)
    return None if rate is None else amount * rate


def _scores(values: dict[int, Decimal], *, lower_is_better: bool) -> dict[int, int]:
    ordered = sorted(values.values())
    n = len(ordered)
    scores = {}
    for customer_id, value in values.items():
        # How many are strictly better, by binary search: counting them one by one is quadratic.
        better = bisect_left(ordered, value) if lower_is_better else n - bisect_right(ordered, value)
        scores[customer_id] = 5 - (5 * better) // n
    return scores


def value_tiers(
    purchases: Iterable[Purchase], *, now: datetime, currency: str, rates: Mapping[str, Decimal]
) -> Tiers:
    """Tiers of the buyers among `purchases` (customers absent from the result are `none`)."""
    since = now - timedelta(days=WINDOW_DAYS)
    last: dict[int, datetime] = {}
    count: dict[int, int] = {}
    money: dict[int, Decimal] = {}
    unknown: set[str] = set()
    for purchase in purchases:
        if purchase.at < since or purchase.at > now:
            continue
        amount = convert(purchase.amount, purchase.currency, to=currency, rates=rates)
        if amount is None:
            unknown.add(purchase.currency)
            continue
        cid = purchase.customer_id
        last[cid] = max(last.get(cid, purchase.at), purchase.at)
        count[cid] = count.get(cid, 0) + 1
        money[cid] = money.get(cid, Decimal(0)) + amount
    if not last:
        return Tiers({}, tuple(sorted(unknown)))
    recency = _scores(
        {c: Decimal((now - at).total_seconds()) for c, at in last.items()}, lower_is_better=True
    )
    frequency = _scores({c: Decimal(n) for c, n in count.items()}, lower_is_better=False)
    value = _scores(money, lower_is_better=False)
    tiers = {}
    for cid in last:
        total = recency[cid] + frequency[cid] + value[cid]
        tiers[cid] = "high" if total >= HIGH_FROM else "medium" if total >= MEDIUM_FROM else "low"
    return Tiers(tiers, tuple(sorted(unknown)))


def churn_warning(*, before: str, after: str, tier: str | None) -> bool:
    """A valuable customer leaving a live relationship (new or active) for at risk. A customer
    still at the stored default (lead) has never been classified: its first classification
    reports where it stands and warns no one, so turning classification on does not flood owners."""
    return after == "at_risk" and before in ("new", "active") and tier in ("high", "medium")
