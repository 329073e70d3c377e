"""The numbers a passage states, as exact values or intervals, with where each is written.

A quantity claim is supported by its quote only when the quote states the
number, and articles write numbers in many ways: "10", "2,000,000",
"2 million", "1.8m", "nine", "a dozen", "dozens", "Kunbolatuly and nine
other people". :func:`numbers_in` reads them all; number words are read by
text2num (English, and French, Spanish, Portuguese, German, Dutch, Danish,
Italian when the source is in one of them), and Russian and Kazakh number
words, digit groups and scale words by :mod:`checker.text.local_numbers`;
vague quantities and the "X and N others" idiom are read in English only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from text_to_num import find_numbers

from checker.text.local_numbers import local_numbers
from checker.text.normalise import Span, normalised


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
    norm = normalised(text)
    found: list[tuple[float, float, int, int]] = []  # low, high, normalised start, end
    found += _digit_numbers(norm.text)
    found += _word_numbers(norm.text, language)
    found += local_numbers(norm.text, language)
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
