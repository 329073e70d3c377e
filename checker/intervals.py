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
from checker.models import Approximation, QuantityValue, RelativeDate, Vague


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

    def scale(self, factor: float) -> Interval | None:
        """Every number times a positive ``factor`` (a unit's size in its base unit).

        None when a finite end overflows to infinity (or the factor is not a
        positive number): an infinite end would overlap, and so "agree" with,
        everything.
        """
        if not (math.isfinite(factor) and factor > 0):
            return None
        lo, hi = self.lo * factor, self.hi * factor
        if (math.isfinite(self.lo) and not math.isfinite(lo)) or (
            math.isfinite(self.hi) and not math.isfinite(hi)
        ):
            return None
        return Interval(lo, hi, self.lo_open, self.hi_open)

    def shift(self, amount: float) -> Interval:
        return Interval(self.lo + amount, self.hi + amount, self.lo_open, self.hi_open)

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi and not (self.lo_open or self.hi_open)


# -- quantities ----------------------------------------------------------------------------

#: What vague quantities allow, in the unit's own terms: "dozens" is 24 to 199, and each
#: stretches into the next so that "hundreds" of 1,500 refugees is not a contradiction.
VAGUE_RANGES: dict[Vague, tuple[float, float]] = {
    Vague.SEVERAL: (3, 9),
    Vague.DOZENS: (24, 199),
    Vague.HUNDREDS: (200, 1_999),
    Vague.THOUSANDS: (2_000, 19_999),
    Vague.TENS_OF_THOUSANDS: (20_000, 199_999),
    Vague.HUNDREDS_OF_THOUSANDS: (200_000, 1_999_999),
    Vague.MILLIONS: (2_000_000, 999_999_999),
}
#: The least an "about" allows either side, as a share of the number: "about 52" is 47-57.
ABOUT_AT_LEAST = 0.1
#: Below this, numbers are not taken as rounded at all (their steps would underflow to zero).
SMALLEST_STEP = 1e-200
#: How far below N "nearly N" reaches, as a share of N: "nearly 200" is 180 up to (not) 200.
NEARLY = 0.1


def rounding_step(n: float) -> float:
    """The step a number looks rounded to: 300 -> 100, 350 -> 50, 1,500 -> 500, 52 -> 1, 2.5 -> 0.5.

    Steps are 1, 5 and 10 times a power of ten; a number is taken as rounded
    to the largest step that divides it and is not larger than it.
    """
    n = abs(n)
    if n == 0:
        return 1.0
    if n < SMALLEST_STEP:
        return n  # a number this small (5e-324) is taken as written: no step divides it
    exponent = math.floor(math.log10(n))
    for power in range(exponent, exponent - 12, -1):
        for size in (5, 1):
            step = size * 10.0**power
            if step <= n and math.isclose(round(n / step) * step, n, rel_tol=1e-9, abs_tol=1e-12):
                return step
    return 10.0 ** (exponent - 12)


def about(n: float) -> Interval:
    """What "about n" allows: half a rounding step either side, open at the ends.

    "about 300" is 250-350 (300 is rounded to hundreds), "about 350" 325-375,
    "about 30" 25-35, but never less than 10 % either side ("about 52").
    """
    reach = max(rounding_step(n) / 2, abs(n) * ABOUT_AT_LEAST)
    return Interval(n - reach, n + reach, lo_open=True, hi_open=True)


def last_digit_half(n: float) -> float:
    """Half the unit of the last digit written: 10 -> 0.5, 2.5 -> 0.05."""
    text = f"{n:.12g}"
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return 0.5 * 10.0**-decimals


def quantity_interval(value: QuantityValue, unit: units.Unit | None = None) -> Interval | None:
    """The interval a quantity allows, in its dimension's base unit; None for an unknown unit.

    An exact duration carries the precision it is written with ("1 day" is
    half a day either side, so 30 hours fit it); counts, money and other
    measures are exact. "about" and "nearly" are read by :func:`about` and
    :data:`NEARLY`; "over N" and "fewer than N" exclude N. None, too, when
    the number in base units would overflow (see :meth:`Interval.scale`).
    """
    unit = unit or units.lookup(value.unit)
    if unit is None:
        return None
    f = unit.factor
    if value.vague is not None:
        bottom, top = VAGUE_RANGES[value.vague]
        return Interval(bottom, top).scale(f)
    if value.amount is None:
        low: float | None = value.min
        high: float | None = value.max
        loose = value.approx is Approximation.ABOUT
        if loose:  # "about 20 to 30": each end is about
            low = about(low).lo if low is not None else None
            high = about(high).hi if high is not None else None
        hi = high if high is not None else math.inf
        lo = low if low is not None else min(0.0, hi)
        return Interval(lo, hi, loose and low is not None, loose and high is not None).scale(f)
    n = value.amount
    match value.approx:
        case Approximation.EXACT:
            if unit.dimension == "duration":
                half = last_digit_half(n)
                return Interval(n - half, n + half, hi_open=True).scale(f)
            return Interval(n, n).scale(f)
        case Approximation.ABOUT:
            return about(n).scale(f)
        case Approximation.NEARLY:
            return Interval(n - abs(n) * NEARLY, n, hi_open=True).scale(f)
        case Approximation.AT_LEAST:
            return Interval(n, math.inf).scale(f)
        case Approximation.MORE_THAN:
            return Interval(n, math.inf, lo_open=True).scale(f)
        case Approximation.AT_MOST:
            return Interval(min(0.0, n), n).scale(f)
        case Approximation.LESS_THAN:
            return Interval(min(0.0, n), n, hi_open=True).scale(f)
    raise AssertionError(value.approx)  # pragma: no cover


def is_approximate(value: QuantityValue) -> bool:
    """Whether the source only estimates: "about", "nearly", "dozens" (an estimate may be loose)."""
    return value.vague is not None or value.approx in (Approximation.ABOUT, Approximation.NEARLY)


def describe_quantity(value: QuantityValue) -> str:
    """A quantity as an editor would say it: "about 30 persons", "more than 4 months"."""
    unit = value.unit
    known = units.lookup(unit)
    currency = known is not None and known.dimension.startswith(units.MONEY + "-")

    def amount(n: float) -> str:
        text = f"{n:,.0f}" if float(n).is_integer() else f"{n:,g}"
        if currency:
            return f"{text} {unit.upper()}"  # 1,179,600 KZT
        return f"{text} {unit if n == 1 or unit.endswith('s') else unit + 's'}"

    if value.vague is not None:
        return f"{value.vague.value.replace('-', ' ')} of {unit if unit.endswith('s') else unit + 's'}"
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
        Approximation.NEARLY: "nearly ",
        Approximation.AT_LEAST: "at least ",
        Approximation.MORE_THAN: "more than ",
        Approximation.AT_MOST: "at most ",
        Approximation.LESS_THAN: "less than ",
    }
    return words[value.approx] + amount(value.amount)


# -- dates ---------------------------------------------------------------------------------


#: The days the calendar can count, as ordinals: 0001-01-01 to 9999-12-31.
FIRST_DAY = dt.date.min.toordinal()
LAST_DAY = dt.date.max.toordinal()


def on_calendar(interval: Interval) -> Interval | None:
    """``interval`` when every day of it is on the calendar (years 1 to 9999); None otherwise."""
    if FIRST_DAY <= interval.lo <= interval.hi <= LAST_DAY:
        return interval
    return None


def partial_date_interval(text: str) -> Interval | None:
    """The days (as ordinals) a (partial) ISO date covers: "2021-02" is February 2021.

    None for a date the calendar does not have (year 0, 2021-02-30): the
    models reject those, and nothing here raises if one slips through.
    """
    try:
        parts = [int(p) for p in text.split("-")]
        year = parts[0]
        if len(parts) == 1:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif len(parts) == 2:
            first = dt.date(year, parts[1], 1)
            last = dt.date(year, parts[1], calendar.monthrange(year, parts[1])[1])
        else:
            first = last = dt.date(year, parts[1], parts[2])
    except (ValueError, IndexError):
        return None
    return Interval(first.toordinal(), last.toordinal())


def shift_dates(interval: Interval, offset: RelativeDate) -> Interval | None:
    """Move a date interval by a relative date's offset ("-1 day", "+2 weeks", "-3 months").

    None when the result leaves the calendar (before 0001-01-01 or after 9999-12-31).
    """
    if on_calendar(interval) is None:
        return None
    amount, unit = offset.offset_parts()
    if unit in ("day", "week"):
        return on_calendar(interval.shift(amount * (7 if unit == "week" else 1)))
    months = amount * (12 if unit == "year" else 1)
    lo = _add_months(dt.date.fromordinal(int(interval.lo)), months)
    hi = _add_months(dt.date.fromordinal(int(interval.hi)), months)
    if lo is None or hi is None:
        return None
    return Interval(lo.toordinal(), hi.toordinal())


def _add_months(day: dt.date, months: int) -> dt.date | None:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def describe_dates(interval: Interval) -> str:
    """A date interval as text: 2021-02-10, or 2021-02-01..2021-02-28."""
    if on_calendar(interval) is None:  # never made so; said plainly rather than raise
        return "a date outside the calendar"
    first, last = dt.date.fromordinal(int(interval.lo)), dt.date.fromordinal(int(interval.hi))
    if first == last:
        return first.isoformat()
    month_ends = last.day == calendar.monthrange(last.year, last.month)[1]  # no next day past 9999-12-31
    if first.day == 1 and month_ends:  # whole months
        if first.month == 1 and last.month == 12 and last.year == first.year:
            return str(first.year)
        if (last.year, last.month) == (first.year, first.month):
            return f"{first.year:04d}-{first.month:02d}"
    return f"{first.isoformat()}..{last.isoformat()}"


def time_key(written: str) -> str:
    """A time of day as compared: in UTC when its offset is known ("14:30+06:00" is "08:30Z").

    Without an offset it stays local ("14:30 local"), comparable only with
    other local times.
    """
    clock, sign, offset = written, "", ""
    if written.endswith("Z"):
        clock, offset = written[:-1], "00:00"
        sign = "+"
    elif len(written) > 6 and written[-6] in "+-":
        clock, sign, offset = written[:-6], written[-6], written[-5:]
    hours, minutes = (int(part) for part in clock.split(":")[:2])
    seconds = clock.split(":")[2] if clock.count(":") == 2 else None
    if not sign:
        return f"{hours:02d}:{minutes:02d}{':' + seconds if seconds else ''} local"
    shift = int(offset[:2]) * 60 + int(offset[3:])
    total = (hours * 60 + minutes - (shift if sign == "+" else -shift)) % 1440
    return f"{total // 60:02d}:{total % 60:02d}{':' + seconds if seconds else ''}Z"
