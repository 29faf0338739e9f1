"""Migrations build exactly the tables the models describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from storage import migrate
from storage.db import Database


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_database_is_at_head_after_upgrade(database: Database) -> None:
    assert migrate.is_current(database)
    assert migrate.current_revision(database) == migrate.head_revision(database)


def test_every_table_carries_team_id(database: Database) -> None:
    inspector = inspect(database.engine)
    for table in SQLModel.metadata.sorted_tables:
        assert "team_id" in {c["name"] for c in inspector.get_columns(table.name)}, table.name


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/wal.db")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_every_migration_steps_down_and_up_again(database: Database) -> None:
    from alembic import command

    config = migrate.alembic_config(database.url)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert migrate.current_revision(database) is None
    migrate.upgrade(database)
    assert migrate.is_current(database)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_a_digest_claim_keeps_its_lease_across_the_change_of_words(database: Database) -> None:
    """Migration 0014: claimed_by/claimed_at become acquired_by/acquired_until (claim + 5 minutes)."""
    from datetime import UTC, datetime, timedelta

    from alembic import command
    from sqlalchemy import text
    from sqlmodel import Session, select

    from storage.models import DigestPeriod, DigestSubscription, Workspace

    config = migrate.alembic_config(database.url)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    claimed = datetime(2026, 3, 10, 9, 0, 5, tzinfo=UTC)
    with Session(database.engine) as session:
        session.add(Workspace(team_id="T1", tz="UTC", currency="USD", locale="en"))
        session.flush()
        sub = DigestSubscription(
            team_id="T1",
            channel_id="C1",
            segment="vip",
            weekday=1,
            hour=9,
            minute=0,
            tz="UTC",
            created_by="U1",
            created_at=claimed,
        )
        session.add(sub)
        session.flush()
        session.execute(
            text(
                "INSERT INTO digest_period (team_id, subscription_id, period, due_at, claimed_by, claimed_at,"
                " late, members) VALUES ('T1', :sub, '2026-03-10', :due, 'p1', :claimed, false, '[]')"
            ),
            {"sub": sub.id, "due": claimed - timedelta(seconds=5), "claimed": claimed},
        )
        session.commit()
    migrate.upgrade(database)

    with Session(database.engine) as session:
        [period] = session.exec(select(DigestPeriod)).all()
    assert period.acquired_by == "p1"
    assert period.acquired_until == claimed + timedelta(minutes=5)
