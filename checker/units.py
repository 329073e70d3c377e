"""The unit catalogue: which units exist, their dimension and how they convert.

Values are compared in a dimension's base unit (days for durations, one for
counts). Months and years are calendar averages, so "6 months" and "26 weeks"
compare as near equal rather than exactly; the rules add tolerance for that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A unit: its canonical name, dimension and size in the dimension's base unit."""

    name: str
    dimension: str
    factor: float


_UNITS = (
    Unit("second", "duration", 1 / 86400),
    Unit("minute", "duration", 1 / 1440),
    Unit("hour", "duration", 1 / 24),
    Unit("day", "duration", 1.0),
    Unit("week", "duration", 7.0),
    Unit("month", "duration", 365.2425 / 12),
    Unit("year", "duration", 365.2425),
    Unit("person", "count", 1.0),
    Unit("count", "count", 1.0),
    Unit("percent", "ratio", 1.0),
    Unit("metre", "length", 1.0),
    Unit("kilometre", "length", 1000.0),
    Unit("kilogram", "mass", 1.0),
    Unit("tonne", "mass", 1000.0),
    Unit("usd", "money-usd", 1.0),
    Unit("eur", "money-eur", 1.0),
    Unit("kzt", "money-kzt", 1.0),
    Unit("rub", "money-rub", 1.0),
    Unit("cny", "money-cny", 1.0),
    Unit("gbp", "money-gbp", 1.0),
    Unit("chf", "money-chf", 1.0),
    Unit("kgs", "money-kgs", 1.0),
    Unit("uzs", "money-uzs", 1.0),
    Unit("tjs", "money-tjs", 1.0),
    Unit("try", "money-try", 1.0),
    Unit("jpy", "money-jpy", 1.0),
)

#: A property measured in ``money`` takes an amount in any currency; amounts in two
#: currencies are never compared (each currency is a dimension of its own).
MONEY = "money"


def measures(unit_dimension: str, property_dimension: str) -> bool:
    """Whether a unit of ``unit_dimension`` can give a value of a property of ``property_dimension``."""
    return unit_dimension == property_dimension or (
        property_dimension == MONEY and unit_dimension.startswith(MONEY + "-")
    )


UNITS: dict[str, Unit] = {u.name: u for u in _UNITS}

_ALIASES = {
    "people": "person",
    "persons": "person",
    "meter": "metre",
    "meters": "metre",
    "km": "kilometre",
    "kilometer": "kilometre",
    "kg": "kilogram",
    "%": "percent",
}


def lookup(name: str, extra: Mapping[str, Unit] | None = None) -> Unit | None:
    """Find a unit by name, accepting plurals and common spellings.

    ``extra`` holds the units a property catalogue adds (count nouns such as
    protester or vote), by name; they are looked up the same way.
    """
    key = name.strip().casefold()
    key = _ALIASES.get(key, key)
    for table in (UNITS, extra or {}):
        if key in table:
            return table[key]
        if key.endswith("s") and key[:-1] in table:
            return table[key[:-1]]
        if key.endswith("es") and key[:-2] in table:
            return table[key[:-2]]
    return None


def spellings() -> dict[str, str]:
    """The other spellings :func:`lookup` accepts (people, km, %), each with its unit's name."""
    return dict(_ALIASES)
