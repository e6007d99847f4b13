"""Pack sizes as said, written the catalog's way: "1리터" -> "1L", "10키로" -> "10kg", "30알" ->
"30구", "12개짜리" -> "12개입".

A size narrows which product is meant; it is never a count ("쌀 10kg" is one bag). The shop
compares a size written this way with the catalog's (:mod:`assistant.shop.sizes`: 1L = 1000ml).
"""

from __future__ import annotations

UNIT_WORDS: dict[str, str] = {
    # volume
    "l": "L", "ℓ": "L", "리터": "L", "리터짜리": "L", "liter": "L", "liters": "L",
    "litre": "L", "litres": "L",
    "ml": "ml", "㎖": "ml", "밀리": "ml", "미리": "ml", "밀리리터": "ml", "미리리터": "ml",
    "cc": "ml", "milliliter": "ml", "milliliters": "ml", "millilitre": "ml",
    # weight
    "kg": "kg", "㎏": "kg", "킬로": "kg", "키로": "kg", "킬로그램": "kg", "키로그램": "kg",
    "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "g": "g", "그램": "g", "gram": "g", "grams": "g",
    # pieces inside one pack
    "구": "구", "알": "구", "개입": "개입", "입": "개입", "롤": "롤", "roll": "롤",
    "rolls": "롤", "매": "매", "sheet": "매", "sheets": "매", "병": "병", "봉": "봉",
    "인분": "인분", "servings": "인분", "serving": "인분",
}  # fmt: skip
"""A unit word as said (lower case) -> the catalog's unit."""


def normal_size(amount: float | int | str, unit_word: str) -> str | None:
    """The catalog's way of writing a size ("1L", "500ml", "10kg", "30구", "12개입"), or
    None when ``unit_word`` is not a size unit."""
    unit = UNIT_WORDS.get(unit_word.strip().lower())
    if unit is None:
        return None
    try:
        value = float(str(amount).replace(",", ""))
    except ValueError:
        return None
    if value <= 0:
        return None
    number = f"{value:g}" if value != int(value) else str(int(value))
    return f"{number}{unit}"
