"""Recurring automatic reorders: schedules, the daemon and exactly-once placement.

- :mod:`.recurrence`: when a subscription repeats (pure functions of a time).
- :mod:`.runner`: claims due subscriptions and places each period exactly once.
- :mod:`.daemon`: the APScheduler loop around the runner.
- :mod:`.settle`: what one due subscription does now (periods, guards, notifications).
- :mod:`.service`: subscriptions and notifications in a caller's session (the CLI).
- :mod:`.conversation`: the same for the dialog, one transaction per call.
- :mod:`.views`: what people see of subscriptions and notifications (no SQLAlchemy).
- :mod:`.reads`: the same views read without SQLAlchemy, for the light commands.
"""
