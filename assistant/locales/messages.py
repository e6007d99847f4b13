"""The names of all messages: one enum for every language's catalog.

A member's value is its Fluent message id in ``locales/<code>/*.ftl``. Add a member here and
the message to every language's catalog; ``tests/test_locales.py`` fails when one is missing.
"""

from __future__ import annotations

from enum import StrEnum


class Msg(StrEnum):
    """One sentence (or phrase) the assistant can say."""

    WON = "won"
    """An amount of money: ``amount``."""
    PRODUCTS = "products"
    """How many products: ``count``."""
