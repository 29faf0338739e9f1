"""bench/load.py's run, small: two `rapport serve` processes on one PostgreSQL, a few clients sending
signed /note requests, one process killed with SIGKILL mid-run. A note reported as saved is stored,
and stored once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.load import run_load
from storage.db import Database
from tests.support.databases import empty_tables

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def pg(postgres_database: Database) -> Iterator[Database]:
    empty_tables(postgres_database)
    yield postgres_database


def test_every_acked_note_is_stored_once_when_one_of_two_serve_processes_is_killed(
    pg: Database, tmp_path: Path
) -> None:
    result = run_load(pg, workdir=tmp_path, clients=3, seconds=4, kill_at=2, customers=3)

    assert result.kill_at is not None
    assert result.acked, "no note was acked at all"
    assert any(s.at >= result.kill_at for s in result.acked), "no note was acked after the kill"
    assert result.acked_not_stored == []
    assert result.duplicates == []
    assert result.acked_with_other_id == []
