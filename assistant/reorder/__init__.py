"""Recurring automatic reorders: schedules, the daemon and exactly-once placement.

- :mod:`.recurrence`: when a subscription repeats (pure functions of a time).
- :mod:`.runner`: claims due subscriptions and places each period exactly once.
- :mod:`.daemon`: the APScheduler loop around the runner.
- :mod:`.service`: subscriptions and notifications for the dialog and the CLI.
"""
