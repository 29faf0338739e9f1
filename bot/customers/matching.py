"""Finding the customer a person means: exact name or alias first, then forgiving matches.

Forgiving means: case, spacing and punctuation do not matter, nor company suffixes
("Inc", "Ltd", "有限公司"), and a typo or a shortened Chinese name still finds it (rapidfuzz,
which compares Chinese character by character). One clear winner is the answer; several
close ones are offered to choose from.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlmodel import Session

from bot.language import normalize_name
from storage import customers

_SUFFIX = re.compile(
    r"(?:[\s,.]+(?:inc|incorporated|ltd|limited|llc|l\.l\.c|corp|corporation|co|company|gmbh|plc|s\.a|ag|bv|pty))+\.?$"
    r"|(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$"
)
_PUNCT = re.compile(r"[\s\-_.,'\"“”()（）&·]+")
WINNER = 90.0  # at least this similar…
MARGIN = 6.0  # …and this much ahead of the next, to be taken without asking
CLOSE = 70.0  # similar enough to offer


def core(name: str) -> str:
    """The part of a name that identifies it: normalised, suffix and punctuation removed."""
    normal = normalize_name(name)
    stripped = _SUFFIX.sub("", normal).strip() or normal
    return _PUNCT.sub("", stripped)


@dataclass(frozen=True)
class Resolution:
    customer_id: int | None
    suggestions: tuple[str, ...]  # display names, best first, when there is no clear winner


class _NameCache:
    """Per-workspace names for fuzzy matching, kept while the workspace's names are unchanged:
    a cheap stamp (how many names, the newest id) is read on every lookup and the table is
    rebuilt when it moves."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: dict[tuple[str, str], tuple[tuple[int, int], dict[str, tuple[int, str]]]] = {}

    def get(self, session: Session, team_id: str) -> dict[str, tuple[int, str]]:
        key = (str(session.get_bind().engine.url), team_id)
        stamp = customers.names_stamp(session=session, team_id=team_id)
        with self._lock:
            cached = self._names.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        rows = customers.all_customer_names(session=session, team_id=team_id, limit=200_000)
        table = {core(name): (customer_id, display) for customer_id, name, display in rows}
        with self._lock:
            self._names[key] = (stamp, table)
        return table

    def forget(self, team_id: str) -> None:
        with self._lock:
            for key in [k for k in self._names if k[1] == team_id]:
                del self._names[key]


NAMES = _NameCache()


def resolve(*, session: Session, team_id: str, name: str) -> Resolution:
    exact = customers.customer_by_name(session=session, team_id=team_id, normalized=normalize_name(name))
    if exact is not None and exact.id is not None:
        return Resolution(exact.id, ())
    table = NAMES.get(session, team_id)
    wanted = core(name)
    if not wanted:
        return Resolution(None, ())
    if wanted in table:
        return Resolution(table[wanted][0], ())
    keys = list(table)
    # WRatio reads best (it forgives partial and reordered names) but costs ~15x QRatio per name,
    # so it only rescores a shortlist: the QRatio neighbours, and for a short name the ones
    # containing it (华为 in 华为技术).
    shortlist = {
        key for key, _, _ in process.extract(wanted, keys, scorer=fuzz.QRatio, limit=25, score_cutoff=50)
    }
    if len(wanted) <= 4:
        shortlist.update([key for key in keys if wanted in key][:25])
    matches = process.extract(wanted, list(shortlist), scorer=fuzz.WRatio, limit=6, score_cutoff=CLOSE)
    by_customer: dict[int, tuple[float, str]] = {}
    for key, score, _ in matches:
        customer_id, display = table[key]
        if customer_id not in by_customer:
            by_customer[customer_id] = (float(score), display)
    ranked = sorted(by_customer.items(), key=lambda item: -item[1][0])
    if (
        ranked
        and ranked[0][1][0] >= WINNER
        and (len(ranked) == 1 or ranked[0][1][0] - ranked[1][1][0] >= MARGIN)
    ):
        return Resolution(ranked[0][0], ())
    return Resolution(None, tuple(display for _, (_, display) in ranked[:4]))
