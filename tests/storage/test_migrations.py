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
