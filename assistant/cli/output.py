"""How commands print: one JSON object a line, amounts in won, names with card numbers hidden."""

from __future__ import annotations

import json

from assistant.shop.typed_text import redact_card_numbers as shown

__all__ = ["print_json", "shown", "won"]


def print_json(value: object) -> None:
    """Print ``value`` as one line of JSON (Korean kept as is; dates and the like as text)."""
    print(json.dumps(value, ensure_ascii=False, default=str))


def won(value: int | None) -> str:
    """A spending limit as people read it: ``3,000원``, or ``no limit``."""
    return "no limit" if value is None else f"{value:,}원"
