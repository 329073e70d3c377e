"""What quantities as news writes them allow, and whether two of them agree: a table of phrase pairs.

Each row is two phrases an editor records from two sources, as quantity
values, and the verdict: ``agree`` (both can be true), ``review`` (they
cannot, but one is an estimate that may be loose) or ``conflict``.
"""

from __future__ import annotations

from typing import Any

import pytest

from checker.compare import Value, Verdict, verdict
from checker.intervals import about, is_approximate, quantity_interval, rounding_step
from checker.models import Property, QuantityValue
from checker.resolve import Identities

COUNT = Property.model_validate({"id": "n", "label": "n", "kind": "quantity", "dimension": "count"})
DURATION = Property.model_validate({"id": "d", "label": "d", "kind": "quantity", "dimension": "duration"})


def value(spec: dict[str, Any]) -> Value:
    quantity = QuantityValue.model_validate(spec)
    interval = quantity_interval(quantity)
    assert interval is not None
    key = ("range", interval.lo, interval.hi, interval.lo_open, interval.hi_open)
    return Value(key, str(spec), interval=interval, soft=is_approximate(quantity))


def n(amount: float, approx: str = "exact", unit: str = "person") -> dict[str, Any]:
    return {"amount": amount, "unit": unit, "approx": approx}


def vague(word: str, unit: str = "person") -> dict[str, Any]:
    return {"vague": word, "unit": unit}


AGREE, REVIEW, CONFLICT = Verdict.AGREE, Verdict.REVIEW, Verdict.CONFLICT

PAIRS: list[tuple[str, dict[str, Any], dict[str, Any], Verdict]] = [
    # exact figures
    ("52 / 52", n(52), n(52), AGREE),
    ("52 / 45", n(52), n(45), CONFLICT),
    ("12 / 13", n(12), n(13), CONFLICT),
    ("2,000,000 / 2,000,001", n(2_000_000), n(2_000_001), CONFLICT),
    # "about": half a rounding step either side, at least 10 %
    ("about 300 / 310", n(300, "about"), n(310), AGREE),
    ("about 300 / 340", n(300, "about"), n(340), AGREE),
    ("about 300 / 350", n(300, "about"), n(350), REVIEW),
    ("about 300 / about 350", n(300, "about"), n(350, "about"), AGREE),
    ("about 300 / 400", n(300, "about"), n(400), REVIEW),
    ("about 30 / 33", n(30, "about"), n(33), AGREE),
    ("about 30 / 36", n(30, "about"), n(36), REVIEW),
    ("about 52 / 50", n(52, "about"), n(50), AGREE),
    ("about 1,500 / 1,700", n(1500, "about"), n(1700), AGREE),
    ("about 1,500 / 2,000", n(1500, "about"), n(2000), REVIEW),
    ("about 2 million / 1.8 million", n(2_000_000, "about"), n(1_800_000), AGREE),
    ("about 2 million / 1 million", n(2_000_000, "about"), n(1_000_000), REVIEW),
    # open bounds: "over", "more than", "fewer than", "nearly" exclude N
    ("more than 40 / 40", n(40, "more-than"), n(40), CONFLICT),
    ("more than 40 / 41", n(40, "more-than"), n(41), AGREE),
    ("more than 40 / about 50", n(40, "more-than"), n(50, "about"), AGREE),
    ("at least 40 / 40", n(40, "at-least"), n(40), AGREE),
    ("fewer than 100 / 100", n(100, "less-than"), n(100), CONFLICT),
    ("fewer than 100 / 99", n(100, "less-than"), n(99), AGREE),
    ("as many as 2 million / 1.5 million", n(2_000_000, "at-most"), n(1_500_000), AGREE),
    ("as many as 2 million / 2.5 million", n(2_000_000, "at-most"), n(2_500_000), CONFLICT),
    ("nearly 200 / 200", n(200, "nearly"), n(200), REVIEW),
    ("nearly 200 / 195", n(200, "nearly"), n(195), AGREE),
    ("nearly 200 / 150", n(200, "nearly"), n(150), REVIEW),
    ("nearly 200 / about 200", n(200, "nearly"), n(200, "about"), AGREE),
    ("nearly 200 / more than 200", n(200, "nearly"), n(200, "more-than"), REVIEW),
    ("more than 40 / fewer than 40", n(40, "more-than"), n(40, "less-than"), CONFLICT),
    # vague words are ranges
    ("dozens / 50", vague("dozens"), n(50), AGREE),
    ("dozens / 12", vague("dozens"), n(12), REVIEW),
    ("dozens / about 30", vague("dozens"), n(30, "about"), AGREE),
    ("hundreds / 300", vague("hundreds"), n(300), AGREE),
    ("hundreds / 1,500", vague("hundreds"), n(1500), AGREE),
    ("hundreds / dozens", vague("hundreds"), vague("dozens"), REVIEW),
    ("hundreds / 60", vague("hundreds"), n(60), REVIEW),
    ("thousands / 3,000", vague("thousands"), n(3000), AGREE),
    ("thousands / some 2,500", vague("thousands"), n(2500, "about"), AGREE),
    ("thousands / 500", vague("thousands"), n(500), REVIEW),
    ("tens of thousands / 30,000", vague("tens-of-thousands"), n(30_000), AGREE),
    ("several / 5", vague("several"), n(5), AGREE),
    ("several / 20", vague("several"), n(20), REVIEW),
    # durations carry the precision they are written with
    ("10 days / 15 days", n(10, unit="day"), n(15, unit="day"), CONFLICT),
    ("10 days / 240 hours", n(10, unit="day"), n(240, unit="hour"), AGREE),
    ("1 day / 30 hours", n(1, unit="day"), n(30, unit="hour"), AGREE),
    ("1 day / 40 hours", n(1, unit="day"), n(40, unit="hour"), CONFLICT),
    ("2 weeks / 14 days", n(2, unit="week"), n(14, unit="day"), AGREE),
    ("6 months / 26 weeks", n(6, unit="month"), n(26, unit="week"), AGREE),
    ("more than four months / 3 months", {"min": 4, "unit": "month"}, n(3, unit="month"), CONFLICT),
    ("more than 4 months / 5 months", n(4, "more-than", "month"), n(5, unit="month"), AGREE),
    ("about a year / 10 months", n(1, "about", "year"), n(10, unit="month"), AGREE),
    ("about a year / 4 months", n(1, "about", "year"), n(4, unit="month"), REVIEW),
    # ranges
    ("20 to 30 / 25", {"min": 20, "max": 30, "unit": "person"}, n(25), AGREE),
    ("20 to 30 / 35", {"min": 20, "max": 30, "unit": "person"}, n(35), CONFLICT),
    ("about 20 to 30 / 33", {"min": 20, "max": 30, "unit": "person", "approx": "about"}, n(33), AGREE),
]


@pytest.mark.parametrize(("phrases", "a", "b", "expected"), PAIRS, ids=[p[0] for p in PAIRS])
def test_phrase_pair(phrases: str, a: dict[str, Any], b: dict[str, Any], expected: Verdict) -> None:
    ids = Identities()
    assert verdict(value(a), value(b), ids) is expected
    assert verdict(value(b), value(a), ids) is expected  # symmetric


def test_the_table_is_big_enough_and_covers_every_verdict() -> None:
    assert len(PAIRS) >= 40
    assert {p[3] for p in PAIRS} == set(Verdict)


@pytest.mark.parametrize(
    ("number", "step"),
    [(300, 100), (350, 50), (1500, 500), (52, 1), (30, 10), (2.5, 0.5), (2_000_000, 1_000_000), (0.25, 0.05)],
)
def test_rounding_step(number: float, step: float) -> None:
    assert rounding_step(number) == pytest.approx(step)


def test_about_is_open_and_never_narrower_than_ten_percent() -> None:
    assert about(300).lo == 250 and about(300).lo_open and about(300).hi_open
    assert about(52).hi == pytest.approx(57.2)


@pytest.mark.parametrize("number", [5e-324, 1e-300, 2.2250738585072014e-308, 1e15])
def test_rounding_step_of_extreme_numbers_never_fails(number: float) -> None:
    """Found by the long fuzz run: 5e-324 made the steps underflow to zero (ZeroDivisionError)."""
    step = rounding_step(number)
    assert 0 < step <= number
    assert about(number).lo <= number <= about(number).hi  # no crash; denormals may leave no room
