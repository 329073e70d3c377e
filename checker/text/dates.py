"""The (possibly partial) dates a passage states, with where each is written.

A date claim is supported by its quote only when the quote states the date,
and articles write dates in many ways, often leaving out the year:
"Feb. 10", "10 February 2021", "2021-02-10", "February". :func:`dates_in`
reads them; month names are read in English only.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from checker.text.normalise import Normalised, Span

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_MONTHS |= {"oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>\d{4})\b"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"),  # February 10, 2021 / Feb. 10
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),  # 10 February 2021 / 10th of Feb
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}"),  # February 2021
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b(?!-\d)"),  # 2021-02-10, 2021-02
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})\b"),  # 10.02.2021, 10/02/2021
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),  # 02/10/2021 (US)
    re.compile(  # a month named alone: "in February" ("May" is too often a verb)
        r"\b(?P<month>" + "|".join(n.lower() for n in calendar.month_name if n and n != "May") + r")\b"
    ),
    re.compile(r"(?<![\d,.])\b(?P<year>1[5-9]\d\d|20\d\d|21\d\d)\b(?![,.]\d)"),  # 2021
]


@dataclass(frozen=True)
class DateReading:
    """A (possibly partial) date a passage states, where it is written."""

    year: int | None
    month: int | None
    day: int | None
    span: Span
    text: str  # as written

    def matches(self, iso: str) -> bool:
        """True when this reading states the ISO 8601 (partial) date ``iso``.

        Every part the date has must be read, except that a year may be left
        out when a month is given (articles omit the current year): "Feb. 10"
        states 2021-02-10, "February 2021" and "February" state 2021-02, and
        "2021" states 2021. A more precise reading states a less precise date.
        """
        parts = [int(p) for p in iso.split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else None
        day = parts[2] if len(parts) > 2 else None
        if self.year != year and not (self.year is None and month is not None):
            return False
        if month is not None and self.month != month:
            return False
        return day is None or self.day == day

    def __str__(self) -> str:
        words = [
            calendar.month_name[self.month] if self.month else "",
            str(self.day or ""),
            str(self.year or ""),
        ]
        return " ".join(w for w in words if w)


def dates_in(text: str) -> list[DateReading]:
    """Every (possibly partial) date ``text`` states, in order of where it is written.

    Reads "February 10", "Feb. 10", "Feb 10, 2021", "10 February 2021",
    "10th of February", "February 2021", "2021-02-10", "10.02.2021",
    "10/02/2021" (both day-first and month-first), a month named alone and a
    year alone. Month names are English, full or abbreviated.
    """
    norm = Normalised.of(text)
    readings: dict[tuple[int | None, int | None, int | None, Span], DateReading] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(norm.text):
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else None
            month_text = groups.get("month")
            month = (_MONTHS.get(month_text) or int(month_text)) if month_text else None
            day = int(groups["day"]) if groups.get("day") else None
            if month is not None and not 1 <= month <= 12:
                continue
            if day is not None and (month is None or day > calendar.monthrange(year or 2000, month)[1]):
                continue
            span = norm.span(match.start(), match.end())
            key = (year, month, day, span)
            readings.setdefault(key, DateReading(year, month, day, span, text[span.start : span.end]))
    spans = {r.span for r in readings.values()}
    kept = [  # "February" within "February 10, 2021" says nothing more
        r
        for r in readings.values()
        if not any(o != r.span and o.start <= r.span.start and r.span.end <= o.end for o in spans)
    ]
    return sorted(kept, key=lambda r: (r.span, r.year or 0, r.month or 0, r.day or 0))
