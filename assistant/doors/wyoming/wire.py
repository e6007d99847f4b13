"""Reading Wyoming events within limits, with the ``wyoming`` package's own framing.

``wyoming.event.async_read_event`` reads a JSON header line, then as many data and payload
bytes as the header announces. A peer could announce gigabytes; :class:`BoundedReader`
stands between it and the stream and refuses any block larger than the limit, and
:func:`read_event` tells a clean end of the stream from an event that could not be read.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from wyoming.event import Event, async_read_event

from assistant.errors import WireError

HEADER_LIMIT = 64 * 1024
"""Longest header line (asyncio's default stream limit)."""


class BoundedReader:
    """A stream reader that refuses to read a block larger than ``limit`` bytes."""

    def __init__(self, reader: asyncio.StreamReader, limit: int) -> None:
        self._reader = reader
        self._limit = limit
        self.line = b""
        """The last header line read (empty: the stream had ended)."""

    async def readline(self) -> bytes:
        try:
            self.line = await self._reader.readline()
        except ValueError as exc:  # asyncio's limit on one line
            raise WireError(f"a header line longer than {HEADER_LIMIT} bytes") from exc
        return self.line

    async def readexactly(self, n: int) -> bytes:
        if not isinstance(n, int) or n < 0 or n > self._limit:
            raise WireError(f"an event announced {n!r} bytes (the limit is {self._limit})")
        return await self._reader.readexactly(n)

    def at_eof(self) -> bool:
        return self._reader.at_eof()


async def read_event(reader: asyncio.StreamReader, limit: int) -> Event | None:
    """The next event; None at the end of the stream; :class:`WireError` for an event that is
    malformed (bad JSON, no type, data that is not an object) or larger than ``limit``."""
    bounded = BoundedReader(reader, limit)
    try:
        event = await async_read_event(cast(Any, bounded))
    except asyncio.IncompleteReadError as exc:
        raise WireError("the connection closed in the middle of an event") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise WireError(f"a malformed event ({type(exc).__name__}: {exc})") from exc
    if event is None:
        if not bounded.line:
            return None
        raise WireError("a malformed event (its header or data is not JSON)")
    if not isinstance(event.type, str) or not (event.data is None or isinstance(event.data, dict)):
        raise WireError("a malformed event (its type is not text or its data not an object)")
    return event


def text_field(event: Event, name: str) -> str | None:
    """A text field of the event's data; None when it is missing or not text."""
    value = (event.data or {}).get(name)
    return value if isinstance(value, str) else None


def context_of(event: Event) -> dict[str, str]:
    """The event's ``context`` object, text values only (Home Assistant sends its ids there)."""
    context = (event.data or {}).get("context")
    if not isinstance(context, dict):
        return {}
    return {str(k): v for k, v in context.items() if isinstance(v, str) and v}
