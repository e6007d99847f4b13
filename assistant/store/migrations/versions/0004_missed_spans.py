"""missed periods as one span

The periods a subscription missed while the box was off are recorded as one run row
(a span from ``period_at`` to ``period_until``, ``periods`` of them) instead of one row
each: a daemon started two years late wrote 730 rows per daily subscription. Existing
rows are single periods (``periods`` 1). A partial index finds a subscription's spans,
so a period inside one is never placed or recorded again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SPAN_WHERE = sa.text("period_until IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("subscription_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("periods", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_check_constraint(
            "span",
            "(periods = 1 AND period_until IS NULL) OR "
            "(periods > 1 AND period_until > period_at AND status = 'missed')",
        )
        batch_op.create_index(
            "ix_subscription_runs_span",
            ["subscription_id", "period_until"],
            unique=False,
            sqlite_where=SPAN_WHERE,
            postgresql_where=SPAN_WHERE,
        )


def downgrade() -> None:
    """Spans become their first period again (the count is lost): run this only with a
    program that reads single periods."""
    op.execute("UPDATE subscription_runs SET period_until = NULL, periods = 1")
    with op.batch_alter_table("subscription_runs", schema=None) as batch_op:
        batch_op.drop_index("ix_subscription_runs_span")
        batch_op.drop_constraint("span", type_="check")
        batch_op.drop_column("periods")
        batch_op.drop_column("period_until")
