"""Reading claims against their stored article texts: quotes, numbers, dates, words.

Editors copy quotes from articles by hand, so a quote and its article differ
in ways that do not matter: curly or straight quotation marks, the kind of
dash, line breaks, letter case, an invisible soft hyphen. :func:`normalise`
removes those differences; :class:`Normalised` remembers, for every character
it produces, which characters of the original it came from, so that whatever
is found in the normalised text can be located (and highlighted) in the
original. Every span this module returns is in ORIGINAL text offsets.

An ellipsis inside a quote ("A day earlier ... picketed") is an elision:
:func:`find_quote` finds each piece in order, with any text in between.

:func:`numbers_in` and :func:`dates_in` read the numbers and dates a passage
states ("nine other people", "as many as 2 million", "Dozens", "Feb. 10");
:func:`text_readable` and :func:`name_readable` say whether a text value or
an entity name can be read in a quote. Number words are read by text2num
(English, and French, Spanish, Portuguese, German, Dutch, Danish, Italian
when the source is in one of them); vague quantities, month names and the
"X and N others" idiom are read in English only.

:class:`SourceTexts` reads each stored article once per run.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from text_to_num import find_numbers

# -- normalisation -----------------------------------------------------------

#: Typographic variants that do not change what a quote says.
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a", "'"),  # ‘ ’ ‚ ‛ ′ ‹ ›
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),  # “ ” „ ‟ ″ « »
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),  # ‐ ‑ ‒ – — ― −
        "\u2026": "...",  # …
    }
)


class Span(NamedTuple):
    """A range ``[start, end)`` of character offsets in an original text."""

    start: int
    end: int


def _invisible(char: str) -> bool:
    """Soft hyphens, zero-width spaces and joiners, bidi marks, BOMs: format characters."""
    return unicodedata.category(char) == "Cf"


@functools.lru_cache(maxsize=8192)
def _fold(cluster: str) -> str:
    """One grapheme cluster (a base character and its combining marks), normalised."""
    visible = "".join(char for char in cluster if not _invisible(char))
    folded = unicodedata.normalize("NFKC", visible.translate(_PUNCTUATION)).casefold()
    folded = unicodedata.normalize("NFKC", folded).translate(_PUNCTUATION)
    return "".join(char for char in folded if not _invisible(char))


def _clusters(text: str, low: int, high: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each visible base character with the combining marks after it."""
    start = end = -1
    for index in range(low, high):
        char = text[index]
        if _invisible(char):
            continue
        if start >= 0 and unicodedata.combining(char):
            end = index + 1
            continue
        if start >= 0:
            yield start, end
        start, end = index, index + 1
    if start >= 0:
        yield start, end


#: Plain ASCII, whose normal form is its lower case: the fast path of :meth:`Normalised.of`.
_ASCII_RUN = re.compile(r"[\x20-\x7e\t\n\v\f\r]+")
_ASCII_PART = re.compile(r"[\t\n\v\f\r ]+|[\x21-\x7e]+")


class _Builder:
    """Normalised characters with the original offsets each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.last = ""
        self.starts: list[int] = []
        self.ends: list[int] = []

    def space(self, start: int, end: int) -> None:
        if not self.last:
            return  # leading whitespace
        if self.last == " ":
            self.ends[-1] = end  # a run of whitespace is one space
            return
        self.chars(" ", start, end)

    def chars(self, text: str, start: int, end: int) -> None:
        """``text`` from the original characters ``[start, end)``, all of them."""
        self.parts.append(text)
        self.last = text[-1]
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def plain(self, text: str, start: int) -> None:
        """ASCII without whitespace, one character for one."""
        self.parts.append(text.lower())
        self.last = text[-1]
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def slow(self, original: str, low: int, high: int) -> None:
        for start, end in _clusters(original, low, high):
            for char in _fold(original[start:end]):
                if char.isspace():
                    self.space(start, end)
                else:
                    self.chars(char, start, end)


@dataclass(frozen=True)
class Normalised:
    """A text normalised for matching, with the way back to the original.

    ``starts[i]`` and ``ends[i]`` are the original offsets of the characters
    that normalised character ``i`` came from.
    """

    original: str
    text: str
    starts: Sequence[int] = field(repr=False)
    ends: Sequence[int] = field(repr=False)

    @classmethod
    def of(cls, original: str) -> Normalised:
        """Normalise ``original`` (see :func:`normalise`), keeping the offset map."""
        built = _Builder()
        position = 0
        for run in _ASCII_RUN.finditer(original):
            start, end = run.span()
            after = end
            while after < len(original) and _invisible(original[after]):
                after += 1
            if after < len(original) and unicodedata.combining(original[after]):
                end -= 1  # the last letter carries the marks that follow: the slow path
            built.slow(original, position, start)
            for part in _ASCII_PART.finditer(original, start, end):
                if part.group()[0] in " \t\n\v\f\r":
                    built.space(part.start(), part.end())
                else:
                    built.plain(part.group(), part.start())
            position = max(position, end)
        built.slow(original, position, len(original))
        text = "".join(built.parts)
        starts, ends = built.starts, built.ends
        if text.endswith(" "):
            text, starts, ends = text[:-1], starts[:-1], ends[:-1]
        return cls(original, text, tuple(starts), tuple(ends))

    def span(self, start: int, end: int) -> Span:
        """The original span that normalised characters ``[start, end)`` come from."""
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return Span(at, at)
        return Span(self.starts[start], self.ends[end - 1])

    def find(self, quote: str) -> list[Span] | None:
        """The original span of each ellipsis-separated piece of ``quote``, found in order.

        None when a piece is not found, or the quote has no words at all.
        """
        pieces = quote_pieces(quote)
        if not pieces:
            return None
        found: list[Span] = []
        position = 0
        for piece in pieces:
            at = self.text.find(piece, position)
            if at < 0:
                return None
            found.append(self.span(at, at + len(piece)))
            position = at + len(piece)
        return found

    def closest(self, quote: str) -> tuple[Span, float] | None:
        """The passage most similar to ``quote`` and its similarity (0-100), widened to whole words."""
        needle = " ".join(quote_pieces(quote))
        if not needle or not self.text:
            return None
        if len(needle) >= len(self.text):
            start, end, score = 0, len(self.text), fuzz.ratio(needle, self.text)
        else:
            aligned = fuzz.partial_ratio_alignment(needle, self.text)
            if aligned is None:  # only with a score_cutoff, which is not given
                return None
            start, end, score = aligned.dest_start, aligned.dest_end, aligned.score
        if start >= end:
            return None
        span = self.span(start, end)
        return _whole_words(self.original, span), float(score)


def normalise(text: str) -> str:
    """``text`` as quotes are compared: NFKC, case-folded, typographic variants unified.

    Curly quotation marks and apostrophes become ``'`` and ``"``, dashes and
    the minus sign ``-``, the ellipsis character ``...``; soft hyphens and
    other invisible format characters go; every run of whitespace becomes
    one space, and none is left at either end.
    """
    return Normalised.of(text).text


_ELISION = re.compile(r"\s*[\[(]?\.{3,}[\])]?\s*")


def quote_pieces(quote: str) -> list[str]:
    """The normalised pieces of a quote between its elisions ("...", "…", "[...]")."""
    return [piece for piece in _ELISION.split(normalise(quote)) if piece.strip()]


def find_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` is in ``text`` (original offsets, first to last piece), or None.

    Both sides are normalised; an ellipsis inside the quote stands for any
    text in between.
    """
    found = Normalised.of(text).find(quote)
    return Span(found[0].start, found[-1].end) if found else None


def closest_passage(text: str, quote: str) -> tuple[Span, float] | None:
    """The passage of ``text`` most similar to ``quote`` (original offsets) and its similarity, 0-100."""
    return Normalised.of(text).closest(quote)


def _whole_words(text: str, span: Span) -> Span:
    start, end = span
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return Span(start, end)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space, for one-line display."""
    return " ".join(text.split())


# -- numbers -----------------------------------------------------------------


@dataclass(frozen=True)
class NumberReading:
    """A number a passage states: ``low..high`` (equal for an exact number), where it is written."""

    low: float
    high: float
    span: Span
    text: str  # as written

    def contains(self, number: float) -> bool:
        """True when ``number`` is what this reading states, or lies in its interval."""
        tolerance = 1e-9 * max(1.0, abs(number))
        return self.low - tolerance <= number <= self.high + tolerance

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __str__(self) -> str:
        if self.exact:
            return format_number(self.low)
        return f"{self.text} ({format_number(self.low)}-{format_number(self.high)})"


def format_number(number: float) -> str:
    """A number as an editor writes it: ``10``, ``2000000``, ``2.5``."""
    return str(int(number)) if float(number).is_integer() else repr(number)


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12}
_ABBREVIATED_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}
_DIGITS = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?"
    r"(?:(?P<ordinal>st|nd|rd|th)\b|\s*(?P<scale>thousand|million|billion|trillion|dozen)s?\b"
    r"|(?P<abbr>k|m|mn|bn)\b)?"
)
#: Vague quantities: (lowest, highest) of what the plural reads as.
_VAGUE = {
    "tens": (20, 99),
    "dozens": (24, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 999_999),
    "millions": (2 * 10**6, 10**9 - 1),
    "billions": (2 * 10**9, 10**12 - 1),
}
_VAGUE_TIMES = {"thousands": 10**3, "millions": 10**6, "billions": 10**9}
_VAGUE_RE = re.compile(
    r"\b(?:(?P<several>several|a few)\s+(?P<scale>hundred|thousand|million|billion)s?"
    r"|(?P<plural>tens|dozens|hundreds|thousands|millions|billions)(?:\s+of\s+(?P<of>thousands|millions|billions))?"
    r"|(?P<alone>several))\b"
)
_SCALE_WORDS = frozenset({"hundred", *_SCALES})
_DOZEN = re.compile(r"\b(?:(?P<half>half)\s+)?an?\s+dozen\b")
_OTHERS_BEFORE = re.compile(r"\b(?:and|with)\s+$")
_OTHERS_AFTER = re.compile(r"\s+others?\b")
_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|greatest|highest|oldest|longest|tallest|most (?:populous|populated))\b"
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
#: Languages text2num reads number words in.
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "pt", "de", "nl", "da", "it"})


class _Token:
    """A token as text2num's ``find_numbers`` wants it."""

    def __init__(self, match: re.Match[str]) -> None:
        self.word = match.group()
        self.start = match.start()
        self.end = match.end()

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def numbers_in(text: str, language: str = "en") -> list[NumberReading]:
    """Every number ``text`` states, in order of where it is written.

    - digits, with or without thousands separators and a scale:
      ``10``, ``2,000,000``, ``2.5``, ``2 million``, ``1.8m`` (also read as 1.8,
      for ``m`` may be metres), ``3 dozen``; ordinals ``3rd`` read as 3;
    - words, by text2num: ``ten``, ``twenty-five``, ``two million``,
      ``third``; ``a dozen`` (12), ``half a dozen`` (6);
    - vague quantities as intervals: ``tens`` 20-99, ``dozens`` 24-199,
      ``hundreds`` 200-999, ``thousands`` 2,000-999,999, ``millions``,
      ``billions``; ``hundreds of thousands`` 200,000-999,999;
      ``several`` 3-9, ``several hundred`` 300-900;
    - "X and N other people", "with N others": N and also N + 1;
    - a ranking superlative with no ordinal before it ("China's largest
      ethnicity", but not "second-largest"): 1, the first place.

    ``language`` is the source's BCP 47 tag; number words are read in it when
    text2num knows it, else in English.
    """
    norm = Normalised.of(text)
    found: list[tuple[float, float, int, int]] = []  # low, high, normalised start, end
    found += _digit_numbers(norm.text)
    found += _word_numbers(norm.text, language)
    found += _vague_numbers(norm.text)
    found += _others(norm.text, found)
    found += _superlatives(norm.text, found)
    readings: dict[tuple[float, float, Span], NumberReading] = {}
    for low, high, start, end in sorted(found, key=lambda f: (f[2], f[3], f[0], f[1])):
        span = norm.span(start, end)
        readings.setdefault((low, high, span), NumberReading(low, high, span, text[span.start : span.end]))
    return list(readings.values())


def _digit_numbers(text: str) -> list[tuple[float, float, int, int]]:
    found: list[tuple[float, float, int, int]] = []
    for match in _DIGITS.finditer(text):
        number = Decimal(match["int"].replace(",", "") + (match["frac"] or ""))
        end = match.end("frac") if match["frac"] else match.end("int")
        if match["ordinal"]:
            end = match.end()
        if match["scale"]:
            found.append((float(number * _SCALES[match["scale"]]),) * 2 + (match.start(), match.end()))
        elif match["abbr"]:
            found.append(
                (float(number * _ABBREVIATED_SCALES[match["abbr"]]),) * 2 + (match.start(), match.end())
            )
            found.append((float(number), float(number), match.start(), end))
        else:
            found.append((float(number), float(number), match.start(), end))
    return found


def _word_numbers(text: str, language: str) -> list[tuple[float, float, int, int]]:
    tokens = [_Token(m) for m in _WORD_TOKEN.finditer(text)]
    if not any(t.word.isalpha() for t in tokens):
        return []
    primary = language.split("-", maxsplit=1)[0].lower()
    lang = primary if primary in TEXT2NUM_LANGUAGES else "en"
    found: list[tuple[float, float, int, int]] = []
    for occurrence in find_numbers(tokens, lang, 0):
        words = [t.word for t in tokens[occurrence.start : occurrence.end]]
        if any(w.isdigit() or w in _VAGUE for w in words):
            continue  # digits are read above; "hundreds" is vague, not 100
        previous = tokens[occurrence.start - 1].word if occurrence.start > 0 else ""
        if all(w in _SCALE_WORDS or not w.isalnum() for w in words) and (
            previous.isdigit() or previous in {"several", "few"}
        ):
            continue  # "2 million", "several hundred": read with their number
        start, end = tokens[occurrence.start].start, tokens[occurrence.end - 1].end
        value = float(occurrence.value)
        found.append((value, value, start, end))
        dozen = re.match(r"\s+dozen\b", text[end:])
        if dozen:
            found.append((value * 12, value * 12, start, end + dozen.end()))
    return found


def _vague_numbers(text: str) -> list[tuple[float, float, int, int]]:
    found: list[tuple[float, float, int, int]] = []
    for match in _DOZEN.finditer(text):
        value = 6.0 if match["half"] else 12.0
        found.append((value, value, match.start(), match.end()))
    for match in _VAGUE_RE.finditer(text):
        if match["alone"]:
            low, high = 3, 9
        elif match["several"]:
            scale = 100 if match["scale"] == "hundred" else _SCALES[match["scale"]]
            low, high = (3 * scale, 9 * scale) if match["several"] == "several" else (2 * scale, 9 * scale)
        else:
            low, high = _VAGUE[match["plural"]]
            if match["of"]:
                times = _VAGUE_TIMES[match["of"]]
                low, high = low * times, (high + 1) * times - 1
        found.append((float(low), float(high), match.start(), match.end()))
    return found


def _others(text: str, found: list[tuple[float, float, int, int]]) -> list[tuple[float, float, int, int]]:
    """ "Kunbolatuly and nine other people": ten people."""
    more: list[tuple[float, float, int, int]] = []
    for low, high, start, end in found:
        after = _OTHERS_AFTER.match(text, end)
        if low == high and after and _OTHERS_BEFORE.search(text, 0, start):
            more.append((low + 1, high + 1, start, after.end()))
    return more


def _superlatives(
    text: str, found: list[tuple[float, float, int, int]]
) -> list[tuple[float, float, int, int]]:
    """ "China's largest ethnicity": the first; "the second-largest" was read as 2 already."""
    more: list[tuple[float, float, int, int]] = []
    for match in _SUPERLATIVE.finditer(text):
        if not any(match.start() - 1 <= end <= match.start() for _, _, _, end in found):
            more.append((1.0, 1.0, match.start(), match.end()))
    return more


# -- dates -------------------------------------------------------------------

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


# -- words -------------------------------------------------------------------

#: A text value is readable when its words score this much (see :func:`token_coverage`) ...
TEXT_COVERAGE = 80.0
#: ... or when it is found, nearly as written, within the quote (:func:`contains_score`).
CONTAINED = 90.0


def contains_score(needle: str, haystack: str) -> float:
    """How well ``needle`` is found within ``haystack``, 0-100 (rapidfuzz partial ratio, one-way).

    A needle longer than the haystack cannot be within it: the plain ratio is used.
    """
    needle, haystack = _words(needle), _words(haystack)
    if not needle or not haystack:
        return 0.0
    if len(needle) > len(haystack):
        return float(fuzz.ratio(needle, haystack))
    return float(fuzz.partial_ratio(needle, haystack))


def token_coverage(value: str, quote: str) -> float:
    """How much of ``value``'s words ``quote`` has, 0-100: rapidfuzz's token set ratio, one-way.

    ``fuzz.token_set_ratio`` scores 100 when either side's words are a subset
    of the other's; a quote that has only some of the value's words must not
    count, so the comparison of the shared words with the quote's words is
    left out.
    """
    ours, theirs = set(_words(value).split()), set(_words(quote).split())
    if not ours:
        return 0.0
    shared = " ".join(sorted(ours & theirs))
    with_ours = " ".join(filter(None, [shared, " ".join(sorted(ours - theirs))]))
    with_theirs = " ".join(filter(None, [shared, " ".join(sorted(theirs - ours))]))
    return float(max(fuzz.ratio(shared, with_ours), fuzz.ratio(with_ours, with_theirs)))


def _words(text: str) -> str:
    """``text`` normalised, punctuation made space, as words separated by one space."""
    return " ".join(default_process(normalise(text)).split())


def text_readable(value: str, quote: str) -> tuple[bool, float]:
    """Whether a text value can be read in a quote, and the better of its two scores."""
    coverage, contained = token_coverage(value, quote), contains_score(value, quote)
    return coverage >= TEXT_COVERAGE or contained >= CONTAINED, max(coverage, contained)


def name_readable(name: str, quote: str) -> tuple[bool, float]:
    """Whether an entity name, as written, appears in a quote, and its score."""
    score = contains_score(name, quote)
    return score >= CONTAINED, score


# -- stored texts --------------------------------------------------------------


class SourceTexts:
    """The stored article texts of one run, each read once.

    A path that is missing, unreadable or outside the repository reads as
    None (rule R010 missing-source-text reports those).
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._data: dict[str, bytes | None] = {}
        self._texts: dict[str, Normalised | None] = {}

    def data(self, written: str) -> bytes | None:
        """The bytes of the text stored at ``written`` (relative to the root)."""
        if written not in self._data:
            self._data[written] = self._read(written)
        return self._data[written]

    def text(self, written: str) -> Normalised | None:
        """The text stored at ``written``, decoded as UTF-8 (bad bytes replaced) and normalised."""
        if written not in self._texts:
            data = self.data(written)
            self._texts[written] = None if data is None else Normalised.of(data.decode("utf-8", "replace"))
        return self._texts[written]

    def _read(self, written: str) -> bytes | None:
        try:
            target = (self.root / written).resolve()
            if not target.is_relative_to(self.root) or not target.is_file():
                return None
            return target.read_bytes()
        except (OSError, ValueError):
            return None
