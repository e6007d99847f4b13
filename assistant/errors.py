"""The one exception hierarchy of Jangbogi.

Everything the package raises on purpose derives from :class:`JangbogiError`;
the CLI turns these into a one-line message and an exit code, so no traceback
reaches a user. "No match" is never an exception: matchers return ``None`` or
scored results.
"""

from __future__ import annotations


class JangbogiError(Exception):
    """Base of every error Jangbogi raises on purpose."""

    exit_code = 1


class ConfigError(JangbogiError):
    """Broken configuration: a bad database URL, a missing bundled file."""


class DatabaseError(JangbogiError):
    """The database cannot be used right now."""

    exit_code = 3


class DatabaseMissingError(DatabaseError):
    """The database file does not exist or has no schema yet."""


class DatabaseLockedError(DatabaseError):
    """Another program holds a lock on the database."""


class DatabaseOutdatedError(DatabaseError):
    """The database schema is older or newer than this program."""


class CatalogFormatError(JangbogiError):
    """A catalog file is malformed; names the line and the field."""

    exit_code = 2

    def __init__(self, path: str, line: int, field: str, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: line {line}, field '{field}': {problem}")


class NotFoundError(JangbogiError):
    """A named household, member, order or product does not exist."""

    exit_code = 4


class ShopError(JangbogiError):
    """A shop rule refused an operation; the message is safe to show."""

    exit_code = 5


class InvalidQuantityError(ShopError):
    """A quantity outside the range one order line may hold."""


class OutOfStockError(ShopError):
    """Not enough stock to place the order."""


class OrderStateError(ShopError):
    """The order cannot change to the requested state (e.g. already cancelled)."""


class AudioError(JangbogiError):
    """Audio that cannot be used: not a WAV file, empty, truncated, unreadable."""

    exit_code = 6


class SpeechModelError(JangbogiError):
    """The speech recognition model is missing or broken; names what to install."""

    exit_code = 7


class SpeechOutputError(JangbogiError):
    """Spoken replies cannot be produced (no TTS engine or voice)."""

    exit_code = 8
