"""Reading the numbers a passage states (checker.text.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.numbers import numbers_in


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("sent him to jail for 10 days", 10),
        ("a 15-day sentence", 15),
        ("2,000,000 people", 2_000_000),
        ("2000000 people", 2_000_000),
        ("2.5 percent", 2.5),
        ("as many as 2 million Uyghurs", 2_000_000),
        ("1.8m people", 1_800_000),
        ("1.8m tall", 1.8),
        ("$2bn", 2_000_000_000),
        ("5k runners", 5000),
        ("ten days", 10),
        ("Nine people", 9),
        ("twenty-five protesters", 25),
        ("two million people", 2_000_000),
        ("a hundred and twenty three", 123),
        ("a dozen women", 12),
        ("half a dozen women", 6),
        ("two dozen women", 24),
        ("3 dozen eggs", 36),
        ("the third day in a row", 3),
        ("the 3rd day", 3),
        ("the second-largest community", 2),
        ("Han, China's largest ethnicity", 1),
        ("Kunbolatuly and nine other people", 10),
        ("Kunbolatuly and nine other people", 9),
        ("he was detained along with 4 others", 5),
        ("together with twenty other activists", 21),
        ("Dozens have rallied", 24),
        ("Dozens have rallied", 30),
        ("hundreds of people", 200),
        ("thousands of ethnic Kazakhs", 2000),
        ("millions", 3_000_000),
        ("tens of thousands of people", 50_000),
        ("hundreds of thousands", 500_000),
        ("several women", 3),
        ("several hundred", 500),
        ("more than four months", 4),
    ],
)
def test_number_is_read(text: str, number: float) -> None:
    readings = numbers_in(text)
    assert any(r.contains(number) for r in readings), [str(r) for r in readings]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("sent him to jail for 10 days", 15),
        ("as many as 2 million", 2),  # a scaled number is not its bare digits
        ("Dozens have rallied", 20),
        ("Dozens have rallied", 300),
        ("hundreds of people", 100),  # "hundreds" is vague, not a hundred
        ("thousands of people", 1000),
        ("several women", 10),
        ("the second-largest community", 1),  # not a superlative on its own
        ("the 2nd largest city", 1),
        ("in 2021 the number rose", 2),
        ("a man", 1),
    ],
)
def test_number_is_not_read(text: str, number: float) -> None:
    readings = numbers_in(text)
    assert not any(r.contains(number) for r in readings), [str(r) for r in readings]


def test_number_readings_know_where_they_are_written() -> None:
    text = "A day earlier, Kunbolatuly and nine other people \u2014 2,000 in all"
    readings = numbers_in(text)
    assert [(r.text, str(r)) for r in readings] == [
        ("nine", "9"),
        ("nine other", "10"),
        ("2,000", "2000"),
    ]
    for reading in readings:
        assert text[reading.span.start : reading.span.end] == reading.text
    assert str(numbers_in("Dozens")[0]) == "Dozens (24-199)"


def test_number_words_in_the_source_language() -> None:
    assert any(r.contains(9) for r in numbers_in("neuf personnes", "fr"))
    assert any(r.contains(9) for r in numbers_in("nine people", "kk"))  # unknown to text2num: English


# -- properties ----------------------------------------------------------------


@given(st.integers(0, 10**15), st.sampled_from(["{:d}", "{:,d}"]), st.sampled_from(["", "about ", "\u2014"]))
def test_any_integer_in_digits_is_read(number: int, form: str, before: str) -> None:
    text = f"{before}{form.format(number)} people"
    assert any(r.exact and r.low == number for r in numbers_in(text))
