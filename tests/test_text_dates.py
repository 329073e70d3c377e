"""Reading the dates a passage states (checker.text.dates)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.dates import dates_in


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The court on February 10 found", "2021-02-10"),
        ("The court on Feb. 10 found", "2021-02-10"),
        ("on Feb 10", "2021-02-10"),
        ("on 10 February", "2021-02-10"),
        ("the 10th of February", "2021-02-10"),
        ("on February 10th, 2021", "2021-02-10"),
        ("dated 2021-02-10", "2021-02-10"),
        ("dated 10.02.2021", "2021-02-10"),
        ("dated 02/10/2021", "2021-02-10"),  # month first
        ("in February 2021", "2021-02"),
        ("in February", "2021-02"),
        ("on Sept. 3", "2020-09-03"),
        ("since 2021", "2021"),
        ("on February 10, 2021", "2021"),
    ],
)
def test_date_is_read(text: str, iso: str) -> None:
    readings = dates_in(text)
    assert any(r.matches(iso) for r in readings), [str(r) for r in readings]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The court on February 10 found", "2021-02-11"),
        ("on February 10, 2020", "2021-02-10"),  # another year
        ("in February", "2021-02-10"),  # no day
        ("in 2021", "2021-02"),  # no month
        ("on February 10", "2021"),  # no year
        ("a day earlier", "2021-02-09"),
        ("you may go", "2021-05"),  # "may" alone is not a month
        ("on February 30", "2021-02"),  # not a date; "February" alone is still read
    ],
)
def test_date_is_not_read(text: str, iso: str) -> None:
    readings = dates_in(text)
    if iso == "2021-02":
        assert all(r.day is None for r in readings)
    else:
        assert not any(r.matches(iso) for r in readings), [str(r) for r in readings]


def test_date_readings_know_where_they_are_written() -> None:
    text = "On Feb. 10, 2021 the court sat."
    full = [r for r in dates_in(text) if r.day]
    assert [(r.text, str(r)) for r in full] == [("Feb. 10, 2021", "February 10 2021")]


# -- properties ----------------------------------------------------------------


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 5))
def test_any_date_written_out_is_read(date: dt.date, form: int) -> None:
    month = calendar.month_name[date.month]
    written = [
        f"{month} {date.day}, {date.year}",
        f"{month[:3]}. {date.day}",
        f"{date.day} {month} {date.year}",
        date.isoformat(),
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"{month} {date.year}",
    ][form]
    iso = date.isoformat() if form < 5 else date.isoformat()[:7]
    assert any(r.matches(iso) for r in dates_in(f"The court sat on {written} in Almaty."))
