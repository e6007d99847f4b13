"""Storage: SQLAlchemy 2 models, engine and sessions, Alembic migrations; and the light,
read-only path of the commands that only read (:mod:`.lite`, with :mod:`.kinds` and
:mod:`.schema`, none of which imports SQLAlchemy or Alembic).

No business rules live here; ``assistant.shop`` owns them.
"""
