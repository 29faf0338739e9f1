"""Fixtures shared by every test: databases on both backends, a frozen clock, the Slack stand-in."""

from __future__ import annotations

import ipaddress
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.console.standin import SlackStandIn
from storage import migrate
from storage.db import Database
from tests.support.clock import FrozenClock
from tests.support.databases import empty_tables, migrated_sqlite, scratch_postgres

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: Any) -> Any:
    # Tests talk to this machine only (the Slack stand-in, our server, PostgreSQL); reaching
    # further would make them depend on a network that CI does not have.
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise OSError(f"tests may not reach {host}: only loopback is allowed")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Database]:
    with scratch_postgres() as url:
        db = Database(url)
        migrate.upgrade(db)
        yield db
        db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test run; each test gets a copy (migrating takes 0.2 s, a copy
    well under a millisecond). Checkpointed, so the file alone holds everything (no -wal)."""
    path = tmp_path_factory.mktemp("template") / "rapport.db"
    db = migrated_sqlite(str(path))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: every test that takes it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "rapport.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        db = Database(f"sqlite:///{path}")
        yield db
        db.dispose()
    else:
        db = request.getfixturevalue("postgres_database")
        empty_tables(db)
        yield db


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    standin = SlackStandIn(team_id="T1").start()
    yield standin
    standin.stop()
    # Slack refuses a message or view over a Block Kit limit, and the person who asked sees
    # nothing: any test that made Rapport send one fails, whatever else it checked.
    refused = [f"{call.method}: {'; '.join(call.refused)}" for call in standin.refusals()]
    assert not refused, "Slack would have refused:\n" + "\n".join(refused)
