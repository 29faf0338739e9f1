"""classification: stored stage and tier, stage history, thresholds, currency rates

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspace", schema=None) as batch_op:
        batch_op.add_column(sa.Column("at_risk_days", sa.Integer(), nullable=False, server_default="30"))
        batch_op.add_column(sa.Column("churn_days", sa.Integer(), nullable=False, server_default="90"))
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stage", sa.String(length=16), nullable=False, server_default="lead"))
        batch_op.add_column(sa.Column("tier", sa.String(length=8), nullable=False, server_default="none"))
        batch_op.add_column(sa.Column("stage_since", storage.types.UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        "stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(length=16), nullable=False),
        sa.Column("to_stage", sa.String(length=16), nullable=False),
        sa.Column("changed_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.ForeignKeyConstraint(["team_id"], ["workspace.team_id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.create_index("ix_stage_change_customer_id", ["customer_id"], unique=False)
        batch_op.create_index("ix_stage_change_team_changed", ["team_id", "changed_at"], unique=False)
    op.create_table(
        "currency_rate",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(precision=18, scale=8), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["workspace.team_id"]),
        sa.PrimaryKeyConstraint("team_id", "currency"),
    )


def downgrade() -> None:
    op.drop_table("currency_rate")
    op.drop_table("stage_change")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("stage_since")
        batch_op.drop_column("tier")
        batch_op.drop_column("stage")
    with op.batch_alter_table("workspace", schema=None) as batch_op:
        batch_op.drop_column("churn_days")
        batch_op.drop_column("at_risk_days")
