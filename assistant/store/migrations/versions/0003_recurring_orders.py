"""recurring orders

One row per scheduled period of a subscription (unique per subscription and period:
the exactly-once key), notifications told at the next conversation, the household's
reorder guards (grace window, price rise, out-of-stock policy), and an index for
the daemon's due query.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reorder_grace_minutes", sa.Integer(), server_default="720", nullable=False)
        )
        batch_op.add_column(
            sa.Column("reorder_price_rise_pct", sa.Integer(), server_default="20", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "reorder_out_of_stock",
                sa.String(length=16),
                server_default="skip",
                nullable=False,
            )
        )
        batch_op.create_check_constraint(
            "out_of_stock_policy", "reorder_out_of_stock IN ('skip', 'substitute')"
        )
        batch_op.create_check_constraint(
            "reorder_guards", "reorder_grace_minutes >= 0 AND reorder_price_rise_pct >= 0"
        )

    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_subscriptions_due", ["status", "next_run_at"], unique=False)

    op.create_table(
        "subscription_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("period_at", sa.DateTime(), nullable=False),
        sa.Column(
            "status",
            _enum("run_status", "placed", "held", "skipped", "missed", "failed"),
            nullable=False,
        ),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.Column("worker", sa.String(length=64), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_subscription_runs_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_subscription_runs_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_subscription_runs_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_runs")),
        sa.UniqueConstraint("subscription_id", "period_at", name="uq_subscription_runs_period"),
    )
    with op.batch_alter_table("subscription_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscription_runs_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("told_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_notifications_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_notifications_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notifications_household_id"), ["household_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_household_id"))
    op.drop_table("notifications")
    with op.batch_alter_table("subscription_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscription_runs_household_id"))
    op.drop_table("subscription_runs")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index("ix_subscriptions_due")
        batch_op.drop_column("updated_at")
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_constraint("reorder_guards", type_="check")
        batch_op.drop_constraint("out_of_stock_policy", type_="check")
        batch_op.drop_column("reorder_out_of_stock")
        batch_op.drop_column("reorder_price_rise_pct")
        batch_op.drop_column("reorder_grace_minutes")
