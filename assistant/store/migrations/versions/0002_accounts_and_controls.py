"""accounts and purchase controls

Per-household delivery fees and purchase controls (confirmation timeout,
duplicate window, voice PIN and its lockout), per-member spending limits,
child orders waiting for approval (two new order statuses) and who decided.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD_STATUSES = ("placed", "cancelled", "shipped", "delivered")
NEW_STATUSES = (*OLD_STATUSES, "pending_approval", "rejected")


def _status(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values, name="order_status", native_enum=False, create_constraint=True, length=16
    )


def upgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("delivery_fee", sa.Integer(), server_default="3000", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "free_delivery_threshold", sa.Integer(), server_default="40000", nullable=False
            )
        )
        batch_op.add_column(
            sa.Column(
                "member_free_delivery", sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )
        batch_op.add_column(
            sa.Column("confirm_timeout_s", sa.Integer(), server_default="90", nullable=False)
        )
        batch_op.add_column(
            sa.Column("duplicate_window_s", sa.Integer(), server_default="120", nullable=False)
        )
        batch_op.add_column(sa.Column("pin_hash", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("pin_salt", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("pin_lock_minutes", sa.Integer(), server_default="15", nullable=False)
        )
        batch_op.add_column(
            sa.Column("failed_pin_attempts", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("pin_locked_until", sa.DateTime(), nullable=True))
        batch_op.create_check_constraint(
            "delivery_money", "delivery_fee >= 0 AND free_delivery_threshold >= 0"
        )
        batch_op.create_check_constraint(
            "control_times",
            "confirm_timeout_s > 0 AND duplicate_window_s >= 0 AND pin_lock_minutes > 0",
        )

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("per_order_limit", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("per_day_limit", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            "limits_positive",
            "(per_order_limit IS NULL OR per_order_limit > 0) "
            "AND (per_day_limit IS NULL OR per_day_limit > 0)",
        )

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_orders_decided_by_id_members"), "members", ["decided_by_id"], ["id"]
        )
        batch_op.alter_column(
            "status",
            existing_type=_status(OLD_STATUSES),
            type_=_status(NEW_STATUSES),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.alter_column(
            "status",
            existing_type=_status(NEW_STATUSES),
            type_=_status(OLD_STATUSES),
            existing_nullable=False,
        )
        batch_op.drop_constraint(batch_op.f("fk_orders_decided_by_id_members"), type_="foreignkey")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("decided_by_id")

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_constraint("limits_positive", type_="check")
        batch_op.drop_column("per_day_limit")
        batch_op.drop_column("per_order_limit")

    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_constraint("control_times", type_="check")
        batch_op.drop_constraint("delivery_money", type_="check")
        for column in (
            "pin_locked_until", "failed_pin_attempts", "pin_lock_minutes", "pin_salt",
            "pin_hash", "duplicate_window_s", "confirm_timeout_s", "member_free_delivery",
            "free_delivery_threshold", "delivery_fee",
        ):  # fmt: skip
            batch_op.drop_column(column)
