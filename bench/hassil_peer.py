"""A peer for the NLU benchmark: Home Assistant's intent parser (hassil).

    from hassil_peer import recognize, to_jangbogi
    recognize("쇼핑 리스트에 우유 추가해줘", "ko")   # "HassShoppingListAddItem"
    to_jangbogi("HassShoppingListAddItem")          # "add_to_cart"

Benchmark-only: needs the PyPI packages ``hassil`` and ``home-assistant-intents``
(``.venv/bin/pip install hassil home-assistant-intents``), which Jangbogi itself
does not depend on.

The Korean and English sentence templates come from the ``home_assistant_intents``
package (one JSON file per language). Templates that name devices, areas or floors
need those lists, which in Home Assistant come from the user's home; a small fixed
home (below) stands in, so device commands can match but nothing about shopping
depends on it. ``HassShoppingListAddItem`` takes any text as its ``{item}``
(a wildcard list shipped with the intents).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hassil import Intents, SlotList, TextSlotList
from hassil import recognize as hassil_recognize
from home_assistant_intents import get_intents

SHOPPING_INTENT = "HassShoppingListAddItem"
"""The one Home Assistant intent that corresponds to a Jangbogi spending intent."""

_HOME: dict[str, dict[str, list[str]]] = {
    "ko": {
        "area": ["거실", "주방", "부엌", "침실", "안방", "화장실"],
        "floor": ["1층", "2층"],
        "name": ["거실 조명", "주방 조명", "선풍기", "에어컨", "텔레비전"],
    },
    "en": {
        "area": ["living room", "kitchen", "bedroom", "bathroom"],
        "floor": ["first floor", "upstairs"],
        "name": ["living room lamp", "kitchen light", "fan", "air conditioner", "tv"],
    },
}
"""Stand-in home: areas, floors and entity names for the templates that need them."""


@dataclass(frozen=True)
class _Language:
    intents: Intents
    slot_lists: dict[str, SlotList]


def _base_lang(lang: str) -> str:
    """``ko-KR`` -> ``ko``."""
    return lang.split("-")[0].split("_")[0].lower()


@cache
def _load(lang: str) -> _Language:
    data = get_intents(lang)
    if data is None:
        raise ValueError(f"home-assistant-intents has no intents for language {lang!r}")
    intents = Intents.from_dict(data)
    home = _HOME.get(lang, {"area": [], "floor": [], "name": []})
    slot_lists: dict[str, SlotList] = dict(intents.slot_lists)
    for list_name, values in home.items():
        slot_lists.setdefault(list_name, TextSlotList.from_strings(values))
    return _Language(intents, slot_lists)


def load(langs: tuple[str, ...] = ("ko", "en")) -> None:
    """Load and compile the intents of ``langs`` now rather than on first use."""
    for lang in langs:
        _load(_base_lang(lang))


def recognize(text: str, lang: str) -> str | None:
    """The Home Assistant intent name for ``text``, or None when nothing matches."""
    base = _base_lang(lang)
    language = _load(base)
    result = hassil_recognize(text, language.intents, slot_lists=language.slot_lists, language=base)
    return result.intent.name if result is not None else None


def to_jangbogi(ha_intent: str | None) -> str:
    """Jangbogi's view of a Home Assistant intent: only adding to the shopping list
    is a spending intent (``add_to_cart``); everything else is ``none``."""
    return "add_to_cart" if ha_intent == SHOPPING_INTENT else "none"
