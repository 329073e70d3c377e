"""Values as intervals: what a claim allows the true value to be.

"Around 30" allows 24..36, "as many as 2 million" allows 0..2,000,000,
"more than four months" allows anything above 121.7 days, and the partial
date "2021-02" allows every day of February 2021. Two claims conflict when
their intervals do not overlap; that single test serves numbers, durations
and dates alike.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from checker import units
from checker.models import Approximation, QuantityValue, RelativeDate

#: How far "about N" may stray from N, as a fraction of N.
ABOUT = 0.2


@dataclass(frozen=True)
class Interval:
    """A set of numbers ``lo..hi``; each end may be open (excluded)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        lo = max(self.lo, other.lo)
        hi = min(self.hi, other.hi)
        if lo < hi:
            return True
        if lo > hi:
            return False
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return not (lo_open or hi_open)

    def intersect(self, other: Interval) -> Interval | None:
        """The numbers in both intervals (None when there are none)."""
        if not self.overlaps(other):
            return None
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return Interval(lo, hi, lo_open, hi_open)

    def widen(self, absolute: float = 0.0, relative: float = 0.0) -> Interval:
        """Grow both ends by a tolerance (relative to each end's size)."""
        lo = self.lo - absolute - abs(self.lo) * relative if math.isfinite(self.lo) else self.lo
        hi = self.hi + absolute + abs(self.hi) * relative if math.isfinite(self.hi) else self.hi
        return Interval(lo, hi, self.lo_open, self.hi_open)

    def shift(self, amount: float) -> Interval:
        return Interval(self.lo + amount, self.hi + amount, self.lo_open, self.hi_open)

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi and not (self.lo_open or self.hi_open)


# -- quantities ----------------------------------------------------------------------------


def quantity_interval(value: QuantityValue) -> Interval | None:
    """The interval a quantity allows, in its dimension's base unit; None for an unknown unit."""
    unit = units.lookup(value.unit)
    if unit is None:
        return None
    f = unit.factor
    if value.amount is None:
        hi = value.max * f if value.max is not None else math.inf
        lo = value.min * f if value.min is not None else min(0.0, hi)
        interval = Interval(lo, hi)
        return interval.widen(relative=ABOUT) if value.approx is Approximation.ABOUT else interval
    n = value.amount * f
    match value.approx:
        case Approximation.EXACT:
            return Interval(n, n)
        case Approximation.ABOUT:
            return Interval(n, n).widen(relative=ABOUT)
        case Approximation.AT_LEAST:
            return Interval(n, math.inf)
        case Approximation.MORE_THAN:
            return Interval(n, math.inf, lo_open=True)
        case Approximation.AT_MOST:
            return Interval(min(0.0, n), n)
        case Approximation.LESS_THAN:
            return Interval(min(0.0, n), n, hi_open=True)
    raise AssertionError(value.approx)  # pragma: no cover


def describe_quantity(value: QuantityValue) -> str:
    """A quantity as an editor would say it: "about 30 persons", "more than 4 months"."""
    unit = value.unit

    def amount(n: float) -> str:
        text = f"{n:,.0f}" if float(n).is_integer() else f"{n:,g}"
        return f"{text} {unit if n == 1 or unit.endswith('s') else unit + 's'}"

    if value.amount is None:
        if value.min is not None and value.max is not None:
            return f"{value.min:g}-{amount(value.max)}"
        return (
            f"at least {amount(value.min or 0)}"
            if value.min is not None
            else f"at most {amount(value.max or 0)}"
        )
    words = {
        Approximation.EXACT: "",
        Approximation.ABOUT: "about ",
        Approximation.AT_LEAST: "at least ",
        Approximation.MORE_THAN: "more than ",
        Approximation.AT_MOST: "at most ",
        Approximation.LESS_THAN: "less than ",
    }
    return words[value.approx] + amount(value.amount)


# -- dates ---------------------------------------------------------------------------------


def partial_date_interval(text: str) -> Interval:
    """The days (as ordinals) a (partial) ISO date covers: "2021-02" is February 2021."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif len(parts) == 2:
        first = dt.date(year, parts[1], 1)
        last = dt.date(year, parts[1], calendar.monthrange(year, parts[1])[1])
    else:
        first = last = dt.date(year, parts[1], parts[2])
    return Interval(first.toordinal(), last.toordinal())


def shift_dates(interval: Interval, offset: RelativeDate) -> Interval:
    """Move a date interval by a relative date's offset ("-1 day", "+2 weeks", "-3 months")."""
    amount, unit = offset.offset_parts()
    if unit in ("day", "week"):
        return interval.shift(amount * (7 if unit == "week" else 1))
    months = amount * (12 if unit == "year" else 1)
    lo = _add_months(dt.date.fromordinal(int(interval.lo)), months)
    hi = _add_months(dt.date.fromordinal(int(interval.hi)), months)
    return Interval(lo.toordinal(), hi.toordinal())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def describe_dates(interval: Interval) -> str:
    """A date interval as text: 2021-02-10, or 2021-02-01..2021-02-28."""
    first, last = dt.date.fromordinal(int(interval.lo)), dt.date.fromordinal(int(interval.hi))
    if first == last:
        return first.isoformat()
    next_day = last + dt.timedelta(days=1)
    if first.day == 1 and next_day.day == 1:  # whole months
        if first.month == 1 and next_day.month == 1 and next_day.year == first.year + 1:
            return str(first.year)
        if (next_day.year * 12 + next_day.month) - (first.year * 12 + first.month) == 1:
            return f"{first.year:04d}-{first.month:02d}"
    return f"{first.isoformat()}..{last.isoformat()}"
