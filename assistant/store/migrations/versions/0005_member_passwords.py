"""members' web passwords

A member may sign in to the household's web page with a password of their own (not the
household's voice PIN): its salted scrypt hash and salt, when it was set, and the count of
wrong passwords with the lock they lead to. Existing members have no password (they
cannot sign in until one is set with ``jangbogi member password``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("password_salt", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("password_set_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("sign_in_locked_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    """The passwords are forgotten: members sign in again only after an upgrade and a new
    ``jangbogi member password``."""
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("sign_in_locked_until")
        batch_op.drop_column("failed_sign_ins")
        batch_op.drop_column("password_set_at")
        batch_op.drop_column("password_salt")
        batch_op.drop_column("password_hash")
