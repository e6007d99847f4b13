"""How the light read commands write times in their tables: in the household's time zone,
as the receipt does (``2026-12-04 08:16 KST``), never in UTC."""

from __future__ import annotations

from datetime import datetime, tzinfo

__all__ = ["local_time"]


def local_time(when: datetime, zone: tzinfo) -> str:
    """``when`` as the household's clock shows it: date, time and the zone's abbreviation."""
    at = when.astimezone(zone)
    return f"{at:%Y-%m-%d %H:%M} {at.tzname() or ''}".rstrip()
