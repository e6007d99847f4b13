"""Storage: SQLAlchemy 2 models, engine and sessions, Alembic migrations.

No business rules live here; ``assistant.shop`` owns them.
"""
