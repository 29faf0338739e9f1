"""What the benchmarks share: the PostgreSQL server to make scratch databases on, a throw-away
migrated database of either kind, and percentiles."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from storage import migrate
from storage.db import Database
from storage.scratch import scratch_postgres

# The same server the tests use (README: RAPPORT_TEST_DATABASE_URL).
PG_ADMIN = os.environ.get("RAPPORT_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextmanager
def scratch_database(kind: str, *, admin_url: str = PG_ADMIN) -> Iterator[Database]:
    """A migrated, empty database ("sqlite" or "postgresql" on `admin_url`'s server), removed afterwards."""
    with ExitStack() as stack:
        if kind == "sqlite":
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            url = f"sqlite:///{folder}/bench.db"
        else:
            url = stack.enter_context(scratch_postgres(admin_url, prefix="rapport_bench"))
        db = Database(url)
        stack.callback(db.dispose)
        migrate.upgrade(db)
        yield db


def percentile(values: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile; NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]
