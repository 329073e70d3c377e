"""The (possibly partial) dates a passage states, with where each is written.

A date claim is supported by its quote only when the quote states the date,
and articles write dates in many ways, often leaving out the year:
"Feb. 10", "10 February 2021", "2021-02-10", "February". :func:`dates_in`
reads them; month names are read in English, Russian, Kazakh and German.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from checker.text.normalise import Span, normalised

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_MONTHS |= {"oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>\d{4})\b"
#: Month names of our other languages, by the stem every case form starts with:
#: Russian (18 марта, в апреле), Kazakh (15 қыркүйекте, сәуірінде), German (17. Juli).
_LOCAL_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "мае": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
    "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
_LMONTH = r"(?P<month>(?:" + "|".join(sorted(_LOCAL_MONTHS, key=len, reverse=True)) + r")\w*)"
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
    re.compile(rf"\b{_DAY}\.?\s+{_LMONTH}(?:\s+{_YEAR})?"),  # 18 марта 2025, 17. Juli
    re.compile(rf"\b{_LMONTH}\s+{_YEAR}"),  # в апреле 2018, im April 2018
    re.compile(rf"\b{_YEAR}\s+(?:жыл\w*\s+)?{_LMONTH}"),  # 2018 жылдың сәуірінде
    re.compile(rf"\b{_LMONTH}(?!\w)"),  # a month named alone
]


def _month_number(written: str) -> int | None:
    """The month a name (English, or a Russian, Kazakh or German form) or a number gives."""
    if written.isdigit():
        return int(written)
    if written in _MONTHS:
        return _MONTHS[written]
    return next((n for stem, n in _LOCAL_MONTHS.items() if written.startswith(stem)), None)


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
    year alone. Month names are English (full or abbreviated), or Russian,
    Kazakh and German in any case form ("18 марта", "сәуірінде", "17. Juli").
    """
    norm = normalised(text)
    readings: dict[tuple[int | None, int | None, int | None, Span], DateReading] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(norm.text):
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else None
            month_text = groups.get("month")
            month = _month_number(month_text) if month_text else None
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
