"""How commands print: one JSON object a line, amounts in won, names with card numbers hidden,
sentences from the catalog of the run's language (:mod:`assistant.cli.language`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from assistant.locales import functions
from assistant.locales.messages import Msg
from assistant.shop.typed_text import redact_card_numbers as shown

if TYPE_CHECKING:
    from assistant.locales.say import Say

__all__ = ["print_json", "say", "shown", "won"]


def print_json(value: object) -> None:
    """Print ``value`` as one line of JSON (Korean kept as is; dates and the like as text)."""
    print(json.dumps(value, ensure_ascii=False, default=str))


def won(value: int | None) -> str:
    """An amount as the catalogs' ``WON`` writes it (``3,000원``); a spending limit that is
    None reads ``no limit`` (in the run's language)."""
    if value is None:
        return say()(Msg.CLI_NO_LIMIT)
    return functions.won(value)


def say() -> Say:
    """The catalog the commands print their sentences from: the run's language (``--lang``,
    ``JANGBOGI_LANG``, the locale, else Korean; see :mod:`assistant.cli.language`)."""
    from assistant.cli import language
    from assistant.locales.say import say_for

    return say_for(language.current())
